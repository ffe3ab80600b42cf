// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "taskstatistics.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <algorithm>
#include <cmath>
#include <list>
#include <random>
#include <xxhash.h>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("TaskStatistics", text);
}

/// The `p` quantile of sorted `values`, linear between order statistics.
double quantile(const std::vector<double>& sorted, double p)
{
    const double position = p * double(sorted.size() - 1);
    const auto below = size_t(std::floor(position));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (position - double(below)) * (sorted[above] - sorted[below]);
}
}

QString bootstrapMethod()
{
    return tr("95% percentile bootstrap over tasks, %1 resamples")
        .arg(QLocale(QLocale::English).toString(bootstrapResamples));
}

Estimate meanOverTasks(const std::vector<double>& values, const QString& definition, const QString& intervalMethod)
{
    Estimate estimate;
    estimate.definition = definition;
    estimate.intervalMethod = intervalMethod.isEmpty() ? bootstrapMethod() : intervalMethod;
    estimate.tasks = int(values.size());
    if (values.empty())
        return estimate;
    double sum = 0;
    for (const double value : values)
        sum += value;
    estimate.value = sum / double(values.size());
    estimate.interval = bootstrapMeanInterval(values);
    return estimate;
}

QString Estimate::label() const
{
    return intervalMethod.isEmpty() ? definition : definition + QStringLiteral("; ") + intervalMethod;
}

std::vector<TaskOutcome> taskOutcomes(const std::vector<SampleRow>& samples)
{
    std::vector<TaskOutcome> outcomes;
    QHash<QString, size_t> index;
    for (const SampleRow& sample : samples) {
        if (sample.solved < 0)
            continue;
        const QString id = sample.task + QChar(0) + sample.sampleId;
        auto found = index.constFind(id);
        if (found == index.constEnd()) {
            found = index.insert(id, outcomes.size());
            TaskOutcome outcome;
            outcome.task = sample.task;
            outcome.sampleId = sample.sampleId;
            outcome.tier = sample.tier;
            outcome.cost = 0;
            outcomes.push_back(outcome);
        }
        TaskOutcome& outcome = outcomes[*found];
        outcome.epochs += 1;
        outcome.solved += sample.solved == 1;
        // The sum until every epoch is in; NaN stays NaN.
        outcome.cost += sample.totalCost;
    }
    for (TaskOutcome& outcome : outcomes)
        outcome.cost /= outcome.epochs;
    return outcomes;
}

double passAtKOfTask(int epochs, int solved, int k)
{
    if (k < 1 || epochs < k)
        return notANumber;
    const int failed = epochs - solved;
    if (failed < k)
        return 1.0;
    // C(n-c,k)/C(n,k) as a product, which neither overflows nor loses precision: prod over i in (n-c, n] of 1 - k/i.
    double unsolved = 1.0;
    for (int i = failed + 1; i <= epochs; ++i)
        unsolved *= 1.0 - double(k) / double(i);
    return 1.0 - unsolved;
}

Estimate passAt1(const std::vector<TaskOutcome>& tasks)
{
    std::vector<double> values;
    values.reserve(tasks.size());
    for (const TaskOutcome& task : tasks)
        values.push_back(double(task.solved) / double(task.epochs));
    return meanOverTasks(values, tr("expected pass@1 over tasks, epochs averaged per task"));
}

Estimate passAtK(const std::vector<TaskOutcome>& tasks, int k)
{
    std::vector<double> values;
    for (const TaskOutcome& task : tasks) {
        const double value = passAtKOfTask(task.epochs, task.solved, k);
        if (!std::isnan(value))
            values.push_back(value);
    }
    return meanOverTasks(values,
        tr("pass@%1 over tasks (unbiased estimator 1 - C(n-c,%1)/C(n,%1), tasks with at least %1 epochs)").arg(k));
}

Estimate solvedInAnyEpoch(const std::vector<TaskOutcome>& tasks)
{
    std::vector<double> values;
    values.reserve(tasks.size());
    for (const TaskOutcome& task : tasks)
        values.push_back(task.solved > 0 ? 1.0 : 0.0);
    return meanOverTasks(values, tr("share of tasks solved in any epoch"));
}

namespace {
/// The intervals computed last, by their input (its values in order, the resamples and the seed): the explorer asks for
/// the same ones from each of its tables and plots, and again when a filter is set back. A bootstrap over 10,000 tasks
/// draws 100 million of them; a hit is a lookup.
class IntervalCache {
public:
    struct Key {
        XXH128_hash_t values;
        size_t count;
        int resamples;
        quint64 seed;
        bool operator==(const Key& other) const
        {
            return XXH128_isEqual(values, other.values) && count == other.count && resamples == other.resamples
                && seed == other.seed;
        }
    };

    static Key key(const std::vector<double>& values, int resamples, quint64 seed)
    {
        return { XXH3_128bits(values.data(), values.size() * sizeof(double)), values.size(), resamples, seed };
    }

    bool find(const Key& key, Interval& interval)
    {
        const QMutexLocker lock(&m_mutex);
        const auto found
            = std::find_if(m_recent.begin(), m_recent.end(), [&key](const auto& entry) { return entry.first == key; });
        if (found == m_recent.end())
            return false;
        interval = found->second;
        m_recent.splice(m_recent.begin(), m_recent, found);
        return true;
    }

    void add(const Key& key, const Interval& interval)
    {
        const QMutexLocker lock(&m_mutex);
        m_recent.emplace_front(key, interval);
        if (m_recent.size() > kept)
            m_recent.pop_back();
    }

private:
    static constexpr size_t kept = 256; ///< a few filters' worth of groups: models, tiers, tasks
    QMutex m_mutex;
    std::list<std::pair<Key, Interval>> m_recent; ///< most recently used first
};

IntervalCache& intervalCache()
{
    static IntervalCache cache;
    return cache;
}
}

Interval bootstrapMeanInterval(const std::vector<double>& values, int resamples, quint64 seed)
{
    if (values.empty() || resamples < 1)
        return { notANumber, notANumber };
    const IntervalCache::Key key = IntervalCache::key(values, resamples, seed);
    Interval interval;
    if (intervalCache().find(key, interval))
        return interval;
    // mt19937_64's output is fixed by the standard, and the index is taken from it here rather than by a
    // distribution (whose algorithm each library chooses): the same interval on every platform.
    std::mt19937_64 random(seed);
    const size_t n = values.size();
    std::vector<double> means(static_cast<size_t>(resamples));
    for (double& mean : means) {
        double sum = 0;
        for (size_t i = 0; i < n; ++i) {
            const double uniform = double(random() >> 11) * 0x1.0p-53;
            sum += values[std::min(n - 1, size_t(uniform * double(n)))];
        }
        mean = sum / double(n);
    }
    std::sort(means.begin(), means.end());
    interval = { quantile(means, 0.025), quantile(means, 0.975) };
    intervalCache().add(key, interval);
    return interval;
}

std::vector<TaskStatistics> taskStatistics(const std::vector<SampleRow>& samples,
    const std::function<QString(const SampleRow&)>& key, const std::function<QString(const SampleRow&)>& group)
{
    std::vector<TaskStatistics> statistics;
    std::vector<std::vector<SampleRow>> members;
    QHash<QString, size_t> index;
    for (const SampleRow& sample : samples) {
        const QString k = key(sample);
        const QString g = group ? group(sample) : QString();
        const QString id = k + QChar(0) + g;
        auto found = index.constFind(id);
        if (found == index.constEnd()) {
            found = index.insert(id, statistics.size());
            TaskStatistics entry;
            entry.key = k;
            entry.group = g;
            statistics.push_back(entry);
            members.emplace_back();
        }
        if (sample.solved < 0)
            statistics[*found].unscored += 1;
        else
            members[*found].push_back(sample);
    }
    for (size_t i = 0; i < statistics.size(); ++i) {
        TaskStatistics& entry = statistics[i];
        entry.outcomes = taskOutcomes(members[i]);
        entry.samples = int(members[i].size());
        if (!entry.outcomes.empty()) {
            const auto [fewest, most] = std::minmax_element(entry.outcomes.begin(), entry.outcomes.end(),
                [](const TaskOutcome& a, const TaskOutcome& b) { return a.epochs < b.epochs; });
            entry.minEpochs = fewest->epochs;
            entry.maxEpochs = most->epochs;
        }
        entry.passAt1 = passAt1(entry.outcomes);
    }
    return statistics;
}

Estimate TaskStatistics::passAtK() const
{
    return ::passAtK(outcomes, std::max(1, minEpochs));
}

Estimate TaskStatistics::anyEpoch() const
{
    return solvedInAnyEpoch(outcomes);
}
