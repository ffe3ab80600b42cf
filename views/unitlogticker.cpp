// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "unitlogticker.h"

#include <cmath>
#include <utility>

UnitLogTicker::UnitLogTicker(QString prefix)
    : m_prefix(std::move(prefix))
{
}

QString UnitLogTicker::label(double value, const QString& prefix)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9)
        return prefix + QString::number(value / 1e9, 'g', 3) + QLatin1Char('G');
    if (magnitude >= 1e6)
        return prefix + QString::number(value / 1e6, 'g', 3) + QLatin1Char('M');
    if (magnitude >= 1e3)
        return prefix + QString::number(value / 1e3, 'g', 3) + QLatin1Char('k');
    return prefix + QString::number(value, 'g', 3);
}

QString UnitLogTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision)
{
    Q_UNUSED(locale);
    Q_UNUSED(formatChar);
    Q_UNUSED(precision);
    return label(tick, m_prefix);
}
