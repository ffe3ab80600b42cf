// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "solverates.h"

#include <QString>
#include <functional>
#include <vector>

// Epoch-aware statistics over tasks. A task is a (task, sample id) pair; its epochs are repeated attempts at the
// same task and are not independent, so every rate here is a mean over tasks and every interval resamples tasks,
// never epochs:
//
//   taskOutcomes()     the scored epochs of each task (unscored epochs left out, a task with none left out)
//   passAt1()          expected pass@1: the mean over tasks of the share of its epochs that solved
//   passAtK()          the unbiased pass@k, 1 - C(n-c,k)/C(n,k) for a task of n epochs with c solved, averaged over
//                      the tasks that have at least k epochs
//   solvedInAnyEpoch() the share of tasks solved in at least one epoch
//   taskStatistics()   pass@1 for each group of samples (a model, or a model and a tier or task), the other two
//                      when asked
//
// Each Estimate carries n (tasks), a 95% percentile bootstrap interval over tasks (bootstrapResamples resamples from
// a fixed seed, so a result is the same on every run) and the label of its definition and interval method, to show
// on screen and write in CSV beside the number.

/// Resamples of every bootstrap interval.
inline constexpr int bootstrapResamples = 10000;
/// The seed of every bootstrap: the same samples give the same interval.
inline constexpr quint64 bootstrapSeed = 20260517;

/// The scored epochs of one task.
struct TaskOutcome {
    QString task; ///< the Inspect task
    QString sampleId; ///< the sample's id within its task
    QString tier; ///< the MirrorCode size tier of the sample, or empty
    int epochs = 0; ///< scored epochs
    int solved = 0; ///< epochs that solved
    double cost = notANumber; ///< mean cost of an epoch in USD; NaN when an epoch has no price
};

/// A statistic over tasks: its value, 95% interval, the tasks it counts and how it was computed.
struct Estimate {
    double value = notANumber; ///< NaN when no task counts
    Interval interval { notANumber, notANumber };
    int tasks = 0; ///< n: tasks counted
    QString definition; ///< what the value is, e.g. "expected pass@1 over tasks, epochs averaged per task"
    QString intervalMethod; ///< e.g. "95% percentile bootstrap over tasks, 10,000 resamples"
    /// "definition; interval method": the whole label, for a caption or a CSV column.
    QString label() const;
};

/// The tasks of `samples` in first-seen order, grouped by (task, sample id). Unscored epochs are left out, and so
/// is a task with no scored epoch. `samples` should hold one model's samples.
std::vector<TaskOutcome> taskOutcomes(const std::vector<SampleRow>& samples);

/// The unbiased pass@k of one task of `epochs` epochs with `solved` solved: 1 - C(n-c,k)/C(n,k). NaN when the task
/// has fewer than k epochs or k < 1.
double passAtKOfTask(int epochs, int solved, int k);

/// Expected pass@1: the mean over tasks of solved/epochs.
Estimate passAt1(const std::vector<TaskOutcome>& tasks);
/// pass@k averaged over the tasks with at least `k` epochs (n counts those).
Estimate passAtK(const std::vector<TaskOutcome>& tasks, int k);
/// The share of tasks solved in at least one epoch (it grows with the number of epochs).
Estimate solvedInAnyEpoch(const std::vector<TaskOutcome>& tasks);

/// The mean of per-task `values` with its bootstrap interval, labelled `definition` and `intervalMethod` (by default
/// bootstrapMethod()).
Estimate meanOverTasks(
    const std::vector<double>& values, const QString& definition, const QString& intervalMethod = QString());
/// "95% percentile bootstrap over tasks, 10,000 resamples".
QString bootstrapMethod();

/// The 95% percentile bootstrap interval of the mean of `values` (one a task): `resamples` means of as many values
/// drawn with replacement, from `seed`; the 2.5th and 97.5th percentiles (linear between order statistics). NaN
/// bounds for no value.
Interval bootstrapMeanInterval(
    const std::vector<double>& values, int resamples = bootstrapResamples, quint64 seed = bootstrapSeed);

/// The statistics of one group of samples.
struct TaskStatistics {
    QString key; ///< the model (or whatever `key` returned)
    QString group; ///< the second key (a tier, a task), or empty
    std::vector<TaskOutcome> outcomes; ///< its tasks
    int samples = 0; ///< scored epochs
    int unscored = 0; ///< epochs without a score, left out
    int minEpochs = 0; ///< the fewest scored epochs of a task
    int maxEpochs = 0;
    Estimate passAt1;
    /// pass@k for k = minEpochs (every task counts), so k = 1 is pass@1 again. Computed when asked, as anyEpoch(): the
    /// explorer shows pass@1 only, and each interval is a bootstrap.
    Estimate passAtK() const;
    Estimate anyEpoch() const;
};

/// The statistics of `samples` grouped by `key` (and `group` when given), in first-seen order. Use the model as
/// `key`: epochs of different models are never one task.
std::vector<TaskStatistics> taskStatistics(const std::vector<SampleRow>& samples,
    const std::function<QString(const SampleRow&)>& key, const std::function<QString(const SampleRow&)>& group = {});
