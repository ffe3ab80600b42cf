// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "cellformat.h"

#include <QCoreApplication>
#include <QLocale>
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

QString count(qint64 value)
{
    QLocale locale;
    // The C locale (a system without a language set) omits the separators by default: a count of tokens in the
    // billions is read by its groups.
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale.toString(value);
}

QString percent(double share)
{
    return std::isnan(share) ? QString() : QString::number(100.0 * share, 'f', 1) + QLatin1Char('%');
}

QString duration(double seconds)
{
    if (std::isnan(seconds))
        return {};
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(seconds / 60, 0, 'f', 1);
    if (seconds < 2 * 86400)
        return QStringLiteral("%1 h").arg(seconds / 3600, 0, 'f', 1);
    return QStringLiteral("%1 d").arg(seconds / 86400, 0, 'f', 1);
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
