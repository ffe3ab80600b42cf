// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomysummary.h"
#include "records/storerows.h"

#include <QString>
#include <functional>
#include <vector>

/// The run anatomy across runs: per group of samples (a model, or a model and a tier or task), where the time and the
/// money went. Every epoch is a sample (a run) of its own; nothing is averaged per task first. Shares are pooled over
/// samples (a sum over the samples divided by a sum over the same samples), so a long run weighs more than a short
/// one; "per run" figures are means over samples. The figures of the best point and after it (waste, plateaus,
/// regressions) count only the samples with test runs.
struct AnatomyGroup {
    QString key; ///< the model (or whatever `key` returned)
    QString group; ///< the second key (a tier, a task), or empty
    int samples = 0;
    int scored = 0; ///< samples with test runs
    int unpricedCalls = 0; ///< model calls with no price, left out of every dollar figure
    double cost = 0; ///< dollars summed over its samples
    double workingTime = 0; ///< seconds summed over its samples
    double scoredCost = 0; ///< dollars summed over its samples with test runs
    double scoredWorkingTime = 0;
    double costAfterLastGain = 0; ///< summed over its samples with test runs
    double workingTimeAfterLastGain = 0;
    double plateauTime = 0; ///< seconds summed over the plateaus of its samples with test runs
    int regressions = 0;
    int compactions = 0;
    std::vector<ActivityShare> activities; ///< summed over its samples, in the patterns' order

    /// costAfterLastGain / scoredCost; NaN with no dollar.
    double costShareAfterLastGain() const;
    /// workingTimeAfterLastGain / scoredWorkingTime.
    double timeShareAfterLastGain() const;
    /// plateauTime / scored; NaN without a scored sample.
    double plateauTimePerRun() const;
    /// plateauTime / scoredWorkingTime.
    double plateauTimeShare() const;
    double regressionsPerRun() const;
    double compactionsPerRun() const;
    /// An activity's dollars / all dollars of the group.
    double costShare(const ActivityShare& activity) const;
};

/// Sums the anatomies of many samples, from their summaries (AnatomySummary), into groups; and says what each figure
/// is, for a caption or a CSV column.
class AnatomyStatistics {
public:
    /// The version of what summarize() keeps: a summary kept by another version is computed again. Raise it when
    /// summarize() or RunAnatomy's figures change, or stores keep serving the old ones. 3: with what the edits' texts
    /// show (edits undone, lines of code, uncertain edits, the lines of each regression's edits).
    static constexpr int summaryVersion = 3;

    /// What the store keeps of one sample's anatomy.
    static AnatomySummary summarize(qint64 sampleId, const Anatomy& anatomy);

    /// The groups of `samples` by `key` (and `group` when given), in first-seen order; `summaries[i]` is the summary of
    /// `samples[i]`.
    static std::vector<AnatomyGroup> groups(const std::vector<SampleRow>& samples,
        const std::vector<AnatomySummary>& summaries, const std::function<QString(const SampleRow&)>& key,
        const std::function<QString(const SampleRow&)>& group = {});

    /// The figures, each with its definition.
    enum class Figure {
        Samples,
        CostAfterLastGain,
        CostShareAfterLastGain,
        TimeAfterLastGain,
        TimeShareAfterLastGain,
        PlateauTimePerRun,
        PlateauTimeShare,
        Regressions,
        RegressionsPerRun,
        Compactions,
        CompactionsPerRun,
        ActivityCost,
        ActivityCostShare,
    };
    static QString definition(Figure figure);
};
