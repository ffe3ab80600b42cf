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
