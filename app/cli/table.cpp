// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "table.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <algorithm>
#include <cmath>

void Table::addColumn(const QString& name, bool numeric, int precision, char format)
{
    m_headers << name;
    m_numeric << numeric;
    m_precision << precision;
    m_format << format;
}

void Table::addRow(const QStringList& cells)
{
    m_rows << cells;
}

QString Table::number(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QString csvCell(QString cell)
{
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')))
        cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return cell;
}

void Table::printCsv(QTextStream& out) const
{
    QStringList line;
    for (const QString& header : m_headers)
        line << csvCell(header);
    out << line.join(QLatin1Char(',')) << '\n';
    for (const QStringList& row : m_rows) {
        line.clear();
        for (const QString& cell : row)
            line << csvCell(cell);
        out << line.join(QLatin1Char(',')) << '\n';
    }
}

void Table::print(QTextStream& out, const QCommandLineParser& parser) const
{
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const QStringList& row : m_rows) {
            QJsonObject object;
            for (qsizetype c = 0; c < m_headers.size(); ++c) {
                const QString& cell = row.at(c);
                if (cell.isEmpty())
                    object.insert(m_headers.at(c), QJsonValue::Null);
                else if (m_numeric.value(c))
                    object.insert(m_headers.at(c), cell.toDouble());
                else
                    object.insert(m_headers.at(c), cell);
            }
            array.append(object);
        }
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    if (parser.isSet(QStringLiteral("csv"))) {
        printCsv(out);
        return;
    }
    QList<QStringList> shown;
    for (const QStringList& row : m_rows) {
        QStringList cells = row;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            if (!m_numeric.value(c) || m_precision.value(c) < 0)
                continue;
            bool ok = false;
            const double value = cells.at(c).toDouble(&ok);
            if (ok && std::isfinite(value))
                cells[c] = QString::number(value, m_format.value(c), m_precision.value(c));
        }
        shown << cells;
    }
    QList<qsizetype> widths;
    for (qsizetype c = 0; c < m_headers.size(); ++c) {
        qsizetype width = m_headers.at(c).size();
        for (const QStringList& row : shown)
            width = std::max(width, row.at(c).size());
        widths << std::min<qsizetype>(width, 60);
    }
    auto printRow = [&](const QStringList& row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            const QString cell = row.at(c).left(60);
            line += m_numeric.value(c) ? cell.rightJustified(widths.at(c)) : cell.leftJustified(widths.at(c));
            line += QStringLiteral("  ");
        }
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        out << line << '\n';
    };
    printRow(m_headers);
    for (const QStringList& row : shown)
        printRow(row);
}
