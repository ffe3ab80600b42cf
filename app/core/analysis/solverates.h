// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "pricetable.h"
#include "records/storerows.h"

#include <QString>
#include <functional>
#include <vector>

/// True when a run's accuracy computed from its samples and the one its header reports disagree.
bool accuracyMismatch(const RunRow& run);

/// Reads each sample's visible and held-out pass fractions from its score's metadata (scorereading) and sets its
/// cost from `usage` and `prices` (PriceTable::applyTo): what the explorer, its plots and `plot` show.
void analyseSamples(std::vector<SampleRow>& samples, const std::vector<UsageRow>& usage, const PriceTable& prices);

/// A 95% interval of a rate.
struct Interval {
    double low = 0;
    double high = 0;
};

/// One step of a cost curve: after spending `dollars` (samples in increasing cost), `share` of tasks were solved.
struct CostPoint {
    double dollars = 0;
    double share = 0;
    qint64 sampleId = 0;
};

/// Per model: the share of tasks solved against cumulative dollars spent, samples taken cheapest first.
/// Samples without a cost (no price) are left out and counted in `unpriced`.
std::vector<std::pair<QString, std::vector<CostPoint>>> costCurves(
    const std::vector<SampleRow>& samples, int* unpriced = nullptr);

/// The samples on a Pareto frontier: none other is both cheaper and passes more (lower cost, higher pass).
std::vector<size_t> paretoFrontier(const std::vector<std::pair<double, double>>& costAndPass);
