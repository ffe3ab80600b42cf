// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "reportpdf.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>

bool ReportPdf::write(const QString& html, const QString& path, const QString& title)
{
    if (QFile probe(path); !probe.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setResolution(96);
    pdf.setTitle(title);
    QString text = html;
    QTextDocument document;
    // Each inline curve becomes an image of it in a paragraph of its own, at twice its size for a sharp print, as
    // wide as the page at most. At the page's full width the print cut the curve's right edge (its last step and the
    // scale of its lines of code): four fifths of it leaves the whole curve on the page.
    const double room = pdf.width() - 2 * document.documentMargin();
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
        const double scale = std::min(1.0, 0.8 * room / std::max(1, size.width()));
        const QString img = QStringLiteral("<p><img src=\"%1\" width=\"%2\" height=\"%3\"></p>")
                                .arg(name)
                                .arg(int(size.width() * scale))
                                .arg(int(size.height() * scale));
        text.replace(start, length, img);
        start += img.size();
    }
    // The tables take the page's width: a text document reads no style sheet's widths.
    text.replace(QLatin1String("<table>"), QLatin1String("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">"));
    // Short cells (numbers, dollars, percentages) are not broken over lines: "$269.0" above "8" misreads. A style of
    // its own replaces the sheet's for the cell, so it repeats the border and padding.
    static const QRegularExpression shortCell(QStringLiteral("<td>([^<]{1,12})</td>"));
    text.replace(
        shortCell, QStringLiteral("<td style=\"white-space:nowrap;border:1px solid #ccc;padding:2px 6px\">\\1</td>"));
    document.setHtml(text);
    document.setPageSize(QSizeF(pdf.width(), pdf.height()));
    document.print(&pdf);
    return QFile(path).size() > 0;
}
