// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "samplefilter.h"

#include <QCoreApplication>
#include <QSet>
#include <algorithm>
#include <tuple>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SampleFilter", text);
}

int editDistance(const QString& a, const QString& b)
{
    std::vector<int> previous(size_t(b.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitute = previous[size_t(j - 1)] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[size_t(j)] = std::min({ previous[size_t(j)] + 1, current[size_t(j - 1)] + 1, substitute });
        }
        std::swap(previous, current);
    }
    return previous.back();
}

/// The part after the last '/': the model without its provider.
QString tail(const QString& name)
{
    return name.mid(name.lastIndexOf(QLatin1Char('/')) + 1);
}

/// Distinct values, in first-seen order.
template <typename Value> QStringList valuesOf(const std::vector<SampleRow>& samples, Value value)
{
    QStringList values;
    QSet<QString> seen;
    for (const SampleRow& sample : samples) {
        const QString v = value(sample);
        if (!seen.contains(v)) {
            seen.insert(v);
            values << v;
        }
    }
    return values;
}

/// The message for the first of `wanted` not among `known`, or empty.
QString firstUnknown(const QString& what, const QStringList& wanted, const QStringList& known, bool suggest = true)
{
    for (const QString& value : wanted) {
        if (!known.contains(value))
            return unknownValueMessage(what, value, known, suggest);
    }
    return {};
}
}

QStringList closeMatches(const QString& value, const QStringList& known, int limit)
{
    const QString wanted = value.toLower();
    const int tolerance = std::max(1, int(wanted.size()) / 4);
    std::vector<std::tuple<int, int, QString>> found;
    for (const QString& candidate : known) {
        const QString lower = candidate.toLower();
        if (lower.isEmpty())
            continue;
        const int distance = std::min(editDistance(wanted, lower), editDistance(tail(wanted), tail(lower)));
        int rank = -1;
        if (lower == wanted)
            rank = 0;
        else if (tail(lower) == tail(wanted))
            rank = 1;
        else if (lower.contains(wanted) || wanted.contains(lower))
            rank = 2;
        else if (distance <= tolerance)
            rank = 3;
        if (rank >= 0)
            found.emplace_back(rank, distance, candidate);
    }
    std::sort(found.begin(), found.end());
    QStringList matches;
    for (const auto& [rank, distance, candidate] : found) {
        if (matches.size() >= limit)
            break;
        matches << candidate;
    }
    return matches;
}

QString unknownValueMessage(const QString& what, const QString& value, const QStringList& known, bool suggest)
{
    const QStringList close = suggest ? closeMatches(value, known) : QStringList();
    if (!close.isEmpty())
        return tr("no %1 %2; did you mean %3?").arg(what, value, close.join(tr(" or ")));
    if (known.isEmpty())
        return tr("no %1 %2; the samples have none").arg(what, value);
    QStringList some = known.mid(0, 12);
    if (known.size() > some.size())
        some << tr("... (%1 in all)").arg(known.size());
    return tr("no %1 %2; known: %3").arg(what, value, some.join(QStringLiteral(", ")));
}

QStringList SampleFilter::outcomeNames()
{
    return { QStringLiteral("solved"), QStringLiteral("failed"), QStringLiteral("unscored"), QStringLiteral("error"),
        QStringLiteral("limit") };
}

bool SampleFilter::hasOutcome(const SampleRow& sample, const QString& name)
{
    if (name == QLatin1String("solved"))
        return sample.solved == 1;
    if (name == QLatin1String("failed"))
        return sample.solved == 0;
    if (name == QLatin1String("unscored"))
        return sample.solved < 0;
    if (name == QLatin1String("error"))
        return !sample.error.isEmpty();
    if (name == QLatin1String("limit"))
        return !sample.limitType.isEmpty();
    return false;
}

bool SampleFilter::isEmpty() const
{
    return models.isEmpty() && tasks.isEmpty() && programs.isEmpty() && tiers.isEmpty() && epochs.isEmpty()
        && outcomes.isEmpty() && runs.isEmpty();
}

bool SampleFilter::matches(const SampleRow& sample) const
{
    if ((!models.isEmpty() && !models.contains(sample.model)) || (!tasks.isEmpty() && !tasks.contains(sample.task))
        || (!programs.isEmpty() && !programs.contains(sample.program))
        || (!tiers.isEmpty() && !tiers.contains(sample.tier)) || (!epochs.isEmpty() && !epochs.contains(sample.epoch))
        || (!runs.isEmpty() && !runs.contains(sample.runId)))
        return false;
    if (outcomes.isEmpty())
        return true;
    return std::any_of(
        outcomes.begin(), outcomes.end(), [&](const QString& outcome) { return hasOutcome(sample, outcome); });
}

QString SampleFilter::check(const std::vector<SampleRow>& samples) const
{
    QString error = firstUnknown(tr("model"), models, valuesOf(samples, [](const SampleRow& s) { return s.model; }));
    if (error.isEmpty())
        error = firstUnknown(tr("task"), tasks, valuesOf(samples, [](const SampleRow& s) { return s.task; }));
    if (error.isEmpty()) {
        QStringList known = valuesOf(samples, [](const SampleRow& s) { return s.program; });
        known.removeAll(QString());
        error = firstUnknown(tr("program"), programs, known);
    }
    if (error.isEmpty()) {
        QStringList known = valuesOf(samples, [](const SampleRow& s) { return s.tier; });
        known.removeAll(QString());
        error = firstUnknown(tr("tier"), tiers, known);
    }
    if (error.isEmpty())
        error = firstUnknown(tr("outcome"), outcomes, outcomeNames());
    if (error.isEmpty()) {
        QStringList wanted;
        for (const int epoch : epochs)
            wanted << QString::number(epoch);
        QStringList known = valuesOf(samples, [](const SampleRow& s) { return QString::number(s.epoch); });
        std::sort(known.begin(), known.end(), [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
        error = firstUnknown(tr("epoch"), wanted, known, false);
    }
    if (error.isEmpty()) {
        QStringList wanted;
        for (const qint64 run : runs)
            wanted << QString::number(run);
        error = firstUnknown(
            tr("run"), wanted, valuesOf(samples, [](const SampleRow& s) { return QString::number(s.runId); }), false);
    }
    return error;
}

std::vector<SampleRow> SampleFilter::apply(const std::vector<SampleRow>& samples) const
{
    std::vector<SampleRow> kept;
    for (const SampleRow& sample : samples) {
        if (matches(sample))
            kept.push_back(sample);
    }
    return kept;
}
