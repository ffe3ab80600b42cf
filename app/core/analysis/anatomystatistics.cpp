// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomystatistics.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AnatomyStatistics", text);
}

double ratio(double part, double whole)
{
    return whole > 0 ? part / whole : notANumber;
}

/// Adds `shares` to `sums` by activity name, keeping the order in which names first came.
void addActivities(std::vector<ActivityShare>& sums, const std::vector<ActivityShare>& shares)
{
    for (const ActivityShare& share : shares) {
        auto sum = std::find_if(
            sums.begin(), sums.end(), [&](const ActivityShare& known) { return known.name == share.name; });
        if (sum == sums.end()) {
            sums.push_back({ share.name, 0, 0, 0 });
            sum = sums.end() - 1;
        }
        sum->turns += share.turns;
        sum->workingTime += share.workingTime;
        sum->cost += share.cost;
    }
}
}

double AnatomyGroup::costShareAfterLastGain() const
{
    return ratio(costAfterLastGain, scoredCost);
}

double AnatomyGroup::timeShareAfterLastGain() const
{
    return ratio(workingTimeAfterLastGain, scoredWorkingTime);
}

double AnatomyGroup::plateauTimePerRun() const
{
    return scored > 0 ? plateauTime / scored : notANumber;
}

double AnatomyGroup::plateauTimeShare() const
{
    return ratio(plateauTime, scoredWorkingTime);
}

double AnatomyGroup::regressionsPerRun() const
{
    return scored > 0 ? double(regressions) / scored : notANumber;
}

double AnatomyGroup::compactionsPerRun() const
{
    return samples > 0 ? double(compactions) / samples : notANumber;
}

double AnatomyGroup::costShare(const ActivityShare& activity) const
{
    return ratio(activity.cost, cost);
}

AnatomySummary AnatomyStatistics::summarize(qint64 sampleId, const Anatomy& anatomy)
{
    AnatomySummary summary;
    summary.sampleId = sampleId;
    summary.scored = anatomy.bestStep >= 0;
    summary.workingTime = anatomy.workingTime;
    summary.cost = anatomy.cost;
    summary.unpricedCalls = anatomy.unpricedCalls;
    summary.stepsAfterLastGain = anatomy.stepsAfterLastGain;
    summary.workingTimeAfterLastGain = anatomy.workingTimeAfterLastGain;
    summary.costAfterLastGain = anatomy.costAfterLastGain;
    summary.plateaus = int(anatomy.plateaus.size());
    for (const Plateau& plateau : anatomy.plateaus)
        summary.plateauTime += plateau.workingTime;
    summary.regressions = int(anatomy.regressions.size());
    summary.compactions = int(anatomy.compactions.size());
    summary.activities = anatomy.activities;
    summary.undoEdits = anatomy.undoEdits;
    summary.codeGrowth = anatomy.codeGrowth;
    summary.uncertainEdits = anatomy.uncertainEdits;
    for (const Regression& regression : anatomy.regressions)
        summary.regressionDiffLines.push_back(regression.diffLines);
    return summary;
}

std::vector<AnatomyGroup> AnatomyStatistics::groups(const std::vector<SampleRow>& samples,
    const std::vector<AnatomySummary>& summaries, const std::function<QString(const SampleRow&)>& key,
    const std::function<QString(const SampleRow&)>& group)
{
    std::vector<AnatomyGroup> groups;
    QHash<QString, size_t> index;
    for (size_t i = 0; i < samples.size() && i < summaries.size(); ++i) {
        const SampleRow& sample = samples[i];
        const AnatomySummary& summary = summaries[i];
        const QString k = key(sample);
        const QString g = group ? group(sample) : QString();
        const QString id = k + QChar(0) + g;
        auto found = index.constFind(id);
        if (found == index.constEnd()) {
            found = index.insert(id, groups.size());
            groups.push_back({});
            groups.back().key = k;
            groups.back().group = g;
        }
        AnatomyGroup& entry = groups[*found];
        entry.samples += 1;
        entry.unpricedCalls += summary.unpricedCalls;
        entry.cost += summary.cost;
        entry.workingTime += summary.workingTime;
        entry.compactions += summary.compactions;
        addActivities(entry.activities, summary.activities);
        if (summary.scored) {
            entry.scored += 1;
            entry.scoredCost += summary.cost;
            entry.scoredWorkingTime += summary.workingTime;
            entry.costAfterLastGain += summary.costAfterLastGain;
            entry.workingTimeAfterLastGain += summary.workingTimeAfterLastGain;
            entry.plateauTime += summary.plateauTime;
            entry.regressions += summary.regressions;
        }
    }
    return groups;
}

QString AnatomyStatistics::definition(Figure figure)
{
    switch (figure) {
    case Figure::Samples:
        return tr("samples in the group, every epoch a sample (a run) of its own; scored: those with test runs, which "
                  "alone count in the figures of the best point, plateaus and regressions");
    case Figure::CostAfterLastGain:
        return tr("dollars spent after the last gain (the test run where the pass fraction peaked first), summed over "
                  "the samples with test runs; priced calls only");
    case Figure::CostShareAfterLastGain:
        return tr("pooled over the samples with test runs: dollars after the last gain summed / their dollars summed");
    case Figure::TimeAfterLastGain:
        return tr("working time after the last gain, seconds, summed over the samples with test runs");
    case Figure::TimeShareAfterLastGain:
        return tr("pooled over the samples with test runs: working time after the last gain summed / their working "
                  "time summed");
    case Figure::PlateauTimePerRun:
        return tr("mean over the samples with test runs of the working time, seconds, in their plateaus (stretches of "
                  "test runs with no gain)");
    case Figure::PlateauTimeShare:
        return tr("pooled over the samples with test runs: plateau working time summed / their working time summed");
    case Figure::Regressions:
        return tr("drops in pass fraction from one test run to the next, counted over the samples with test runs");
    case Figure::RegressionsPerRun:
        return tr("mean over the samples with test runs of their regressions");
    case Figure::Compactions:
        return tr("compactions of the agent's history, counted over every sample");
    case Figure::CompactionsPerRun:
        return tr("mean over every sample of its compactions");
    case Figure::ActivityCost:
        return tr("dollars of the turns of an activity (a turn counts for the activity of its first tool call), "
                  "summed over every sample; priced calls only");
    case Figure::ActivityCostShare:
        return tr("pooled over every sample: an activity's dollars summed / all dollars summed");
    }
    return {};
}
