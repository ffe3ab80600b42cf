// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QStringList>
#include <QTextStream>

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
QString csvCell(QString cell);

/// A table the list commands print as aligned text, CSV (--csv) or JSON (--json). Cells hold text; a numeric
/// column holds numbers at full precision (number()), written as JSON numbers and as they are in CSV, and rounded
/// to the column's decimals only in the text a person reads.
class Table {
public:
    /// A column: its name, whether it holds numbers, and the precision shown in text (-1: as stored) in `format`
    /// ('f': decimals, 'g': significant digits).
    void addColumn(const QString& name, bool numeric = false, int precision = -1, char format = 'f');
    void addRow(const QStringList& cells);
    int columnCount() const { return int(m_headers.size()); }
    /// Prints the table as --json, --csv or text, as `parser` says.
    void print(QTextStream& out, const QCommandLineParser& parser) const;
    /// As print() to CSV.
    void printCsv(QTextStream& out) const;

    /// A number as the shortest text that reads back as the same double; empty for NaN.
    static QString number(double value);

private:
    QStringList m_headers;
    QList<bool> m_numeric;
    QList<int> m_precision;
    QList<char> m_format;
    QList<QStringList> m_rows;
};
