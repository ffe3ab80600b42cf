// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "reportpdf.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

bool ReportPdf::write(const QString& html, const QString& path, const QString& title)
{
    QString text = html;
    QTextDocument document;
    // Each inline curve becomes an image of it, at twice its size for a sharp print.
    int images = 0;
    for (qsizetype start = text.indexOf(QLatin1String("<svg")); start >= 0;
         start = text.indexOf(QLatin1String("<svg"), start)) {
        const qsizetype end = text.indexOf(QLatin1String("</svg>"), start);
        if (end < 0)
            break;
        const qsizetype length = end + 6 - start;
        QSvgRenderer svg(text.mid(start, length).toUtf8());
        const QSize size = svg.defaultSize();
        QImage image(size * 2, QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            svg.render(&painter);
        }
        const QString name = QStringLiteral("curve%1.png").arg(images++);
        document.addResource(QTextDocument::ImageResource, QUrl(name), image);
        const QString img = QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\">")
                                .arg(name)
                                .arg(size.width())
                                .arg(size.height());
        text.replace(start, length, img);
        start += img.size();
    }
    if (QFile probe(path); !probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setResolution(96);
    pdf.setTitle(title);
    document.setHtml(text);
    document.setPageSize(QSizeF(pdf.width(), pdf.height()));
    document.print(&pdf);
    return QFile(path).size() > 0;
}
