// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QList>
#include <QStringList>
#include <vector>

/// Values of `known` close to `value`, best first (at most `limit`): equal but for case; a provider prefix added or
/// dropped ("gpt-5.5" for "openai/gpt-5.5"); containing it or contained in it; a few letters apart.
QStringList closeMatches(const QString& value, const QStringList& known, int limit = 3);

/// "no model X; did you mean A or B?", or "no model X; known: A, B, C" when none is close or `suggest` is false (for
/// numbers, where a close spelling means nothing).
QString unknownValueMessage(const QString& what, const QString& value, const QStringList& known, bool suggest = true);

/// Which samples to keep: each list empty keeps all; several values keep any of them. The same filter for `samples`,
/// `stats` and `plot`.
class SampleFilter {
public:
    QStringList models;
    QStringList tasks;
    QStringList programs;
    QStringList tiers;
    QList<int> epochs;
    /// solved, failed (scored, not solved), unscored, error (the sample ended on an error), limit (it hit a limit)
    QStringList outcomes;
    QList<qint64> runs;

    /// The outcomes `outcomes` may name.
    static QStringList outcomeNames();
    /// Whether `sample` has outcome `name` (one of outcomeNames()).
    static bool hasOutcome(const SampleRow& sample, const QString& name);

    bool isEmpty() const;
    bool matches(const SampleRow& sample) const;
    /// Why this filter names something `samples` do not have (an unknown model, task, ...), close matches
    /// suggested; empty when every value is known.
    QString check(const std::vector<SampleRow>& samples) const;
    /// The samples that match.
    std::vector<SampleRow> apply(const std::vector<SampleRow>& samples) const;
};
