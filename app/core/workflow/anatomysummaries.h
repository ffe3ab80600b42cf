// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pricetable.h"
#include "records/anatomysummary.h"
#include "records/storerows.h"

#include <QString>
#include <functional>
#include <optional>
#include <vector>

class Store;

/// The anatomy summaries of many samples, for the statistics across runs: each read from the store where it keeps
/// one made with these prices and activity patterns, otherwise computed from the sample's transcript (runAnatomy) and
/// kept for the next time (unless the store is read-only).
class AnatomySummaries {
public:
    AnatomySummaries(Store& store, PriceTable prices);

    /// Receives how many samples are done of how many, and how many of those were computed; false stops.
    using Progress = std::function<bool(int done, int total, int computed)>;
    /// The summaries of `samples`, in their order; nothing when one cannot be read or `progress` stopped
    /// (errorString()).
    std::optional<std::vector<AnatomySummary>> of(const std::vector<SampleRow>& samples, const Progress& progress = {});
    QString errorString() const { return m_error; }
    /// Samples computed (not read from the store) by the last of().
    int computed() const { return m_computed; }

    /// What a kept summary must have been computed with: a digest of the prices and the activity patterns.
    static QString basisOf(const PriceTable& prices);

private:
    Store& m_store;
    PriceTable m_prices;
    QString m_basis;
    QString m_error;
    int m_computed = 0;
};
