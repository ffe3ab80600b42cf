// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <qcustomplot.h>

/// Decades on a log axis labelled as plain numbers with a unit prefix ("$0.01", "$10", "$1k", "100k"): one text
/// per tick, no superscripts, so a label is one word in a PDF and reads as it is written.
class UnitLogTicker : public QCPAxisTickerLog {
public:
    explicit UnitLogTicker(QString prefix = {});
    static QString label(double value, const QString& prefix);

protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;

private:
    QString m_prefix;
};
