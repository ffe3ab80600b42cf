// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "solverates.h"

#include "scorereading.h"

#include <QHash>
#include <algorithm>
#include <cmath>

bool accuracyMismatch(const RunRow& run)
{
    // With no scored sample there is nothing to compare: the header's figure stands alone.
    if (!run.hasHeaderAccuracy || run.scoredSamples == 0)
        return false;
    if (std::isnan(run.accuracy) || std::isnan(run.headerAccuracy))
        return std::isnan(run.accuracy) != std::isnan(run.headerAccuracy);
    return std::abs(run.accuracy - run.headerAccuracy) > 1e-6;
}

void analyseSamples(std::vector<SampleRow>& samples, const std::vector<UsageRow>& usage, const PriceTable& prices)
{
    for (SampleRow& sample : samples) {
        const PassFractions fractions = passFractionsOfMetadata(sample.scoreMetadataJson);
        sample.visiblePass = fractions.visible;
        sample.heldOutPass = fractions.heldOut;
    }
    prices.applyTo(samples, usage);
}

Interval wilsonInterval(int successes, int trials, double z)
{
    if (trials <= 0)
        return { 0, 0 };
    const double n = trials;
    const double p = successes / n;
    const double denominator = 1 + z * z / n;
    const double centre = (p + z * z / (2 * n)) / denominator;
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator;
    return { std::max(0.0, centre - half), std::min(1.0, centre + half) };
}

std::vector<SolveRate> solveRates(const std::vector<SampleRow>& samples,
    const std::function<QString(const SampleRow&)>& key, const std::function<QString(const SampleRow&)>& group)
{
    std::vector<SolveRate> rates;
    QHash<QString, size_t> index;
    for (const SampleRow& sample : samples) {
        if (sample.solved < 0)
            continue;
        const QString k = key(sample);
        const QString g = group ? group(sample) : QString();
        const QString id = k + QChar(0) + g;
        auto found = index.constFind(id);
        if (found == index.constEnd()) {
            found = index.insert(id, rates.size());
            SolveRate rate;
            rate.key = k;
            rate.group = g;
            rates.push_back(rate);
        }
        SolveRate& rate = rates[*found];
        rate.scored += 1;
        rate.solved += sample.solved == 1;
    }
    for (SolveRate& rate : rates) {
        rate.rate = rate.scored ? double(rate.solved) / rate.scored : 0;
        rate.interval = wilsonInterval(rate.solved, rate.scored);
    }
    return rates;
}

std::vector<std::pair<QString, std::vector<CostPoint>>> costCurves(const std::vector<SampleRow>& samples, int* unpriced)
{
    QHash<QString, std::vector<const SampleRow*>> byModel;
    QStringList order;
    int missing = 0;
    for (const SampleRow& sample : samples) {
        if (std::isnan(sample.totalCost)) {
            ++missing;
            continue;
        }
        if (!byModel.contains(sample.model))
            order << sample.model;
        byModel[sample.model].push_back(&sample);
    }
    if (unpriced)
        *unpriced = missing;
    std::vector<std::pair<QString, std::vector<CostPoint>>> curves;
    for (const QString& model : order) {
        std::vector<const SampleRow*> rows = byModel.value(model);
        std::sort(rows.begin(), rows.end(),
            [](const SampleRow* a, const SampleRow* b) { return a->totalCost < b->totalCost; });
        std::vector<CostPoint> points { { 0, 0, 0 } };
        double dollars = 0;
        int solved = 0;
        for (const SampleRow* row : rows) {
            dollars += row->totalCost;
            solved += row->solved == 1;
            points.push_back({ dollars, double(solved) / double(rows.size()), row->id });
        }
        curves.emplace_back(model, std::move(points));
    }
    return curves;
}

std::vector<size_t> paretoFrontier(const std::vector<std::pair<double, double>>& costAndPass)
{
    std::vector<size_t> order(costAndPass.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return costAndPass[a].first != costAndPass[b].first ? costAndPass[a].first < costAndPass[b].first
                                                            : costAndPass[a].second > costAndPass[b].second;
    });
    std::vector<size_t> frontier;
    double best = -1;
    for (const size_t i : order) {
        if (costAndPass[i].second > best) {
            frontier.push_back(i);
            best = costAndPass[i].second;
        }
    }
    return frontier;
}
