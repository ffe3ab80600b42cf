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

/// The anatomy summaries the store keeps, one a sample: each read from the store where it keeps one made with these
/// prices and activity patterns, otherwise computed from the sample's transcript (runAnatomy, followEdits) and kept
/// for the next time (unless the store is read-only). For the statistics across runs, and for a sample's whole
/// anatomy, whose workspace's history a summary keeps.
class AnatomySummaries {
public:
    AnatomySummaries(Store& store, PriceTable prices);

    /// Receives how many samples are done of how many, and how many of those were computed; false stops.
    using Progress = std::function<bool(int done, int total, int computed)>;
    /// The summaries of `samples`, in their order; nothing when one cannot be read or `progress` stopped
    /// (errorString()).
    std::optional<std::vector<AnatomySummary>> of(const std::vector<SampleRow>& samples, const Progress& progress = {});
    /// One sample's whole anatomy: read from its transcript but for the workspace's history, which comes from its
    /// kept summary, else is rebuilt (followEdits) and kept with its summary. Nothing when the transcript cannot be
    /// read (errorString()).
    std::optional<Anatomy> anatomy(const SampleRow& sample);
    /// Whether the store keeps the summary of `sample` made with these prices and patterns.
    bool isKept(const SampleRow& sample);
    /// Whether what it computes is kept in the store (the default), or only returned: for a reader on a connection of
    /// its own whose caller keeps the summaries on the writing one (save()).
    void setKeeping(bool keeping) { m_keeping = keeping; }
    /// Keeps summaries computed elsewhere, as they were made with these prices and patterns; false on a store error.
    bool save(const std::vector<AnatomySummary>& summaries);
    QString errorString() const { return m_error; }
    /// Samples computed (not read from the store) by the last of() or anatomy().
    int computed() const { return m_computed; }

    /// What a kept summary must have been computed with: a digest of the prices and the activity patterns.
    static QString basisOf(const PriceTable& prices);

private:
    /// The summary of `anatomy` (sample's, with its workspace's history), kept where the store can keep it.
    AnatomySummary keep(const SampleRow& sample, const Anatomy& anatomy);
    /// Why the transcript of `sample` cannot be read.
    void transcriptFailed(const SampleRow& sample);

    Store& m_store;
    PriceTable m_prices;
    QString m_basis;
    QString m_error;
    int m_computed = 0;
    bool m_keeping = true;
};
