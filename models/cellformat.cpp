// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "cellformat.h"

#include <QCoreApplication>
#include <cmath>

namespace CellFormat {
QString cost(double dollars)
{
    if (std::isnan(dollars))
        return QCoreApplication::translate("SampleTableModel", "no price");
    const double size = std::abs(dollars);
    // Under a cent, two significant digits: 0.0042 needs four decimals, 0.00042 five.
    const int decimals = size > 0 && size < 0.01 ? std::min(8, int(std::ceil(-std::log10(size))) + 1) : 2;
    return QStringLiteral("$%1").arg(dollars, 0, 'f', decimals);
}

QString naturalKey(const QString& text)
{
    constexpr int width = 20; // wider than any id a log holds: 2^64 has 20 digits
    QString key;
    key.reserve(text.size() + 2 * width);
    for (qsizetype i = 0; i < text.size();) {
        if (!text[i].isDigit()) {
            key += text[i++];
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text[end].isDigit())
            ++end;
        const QString digits = text.mid(i, end - i);
        key += digits.rightJustified(width, QLatin1Char('0'));
        i = end;
    }
    return key;
}

bool naturalLess(const QString& a, const QString& b)
{
    return naturalKey(a) < naturalKey(b);
}
}
