// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomysummary.h"

#include <QString>
#include <optional>

class SqliteDb;

/// The anatomy summaries kept per sample (behind Store's read API): one row a sample, with the version of the
/// anatomy and the basis (prices, activity patterns) it was computed from, so a different one is computed again.
class AnatomySummaryStore {
public:
    explicit AnatomySummaryStore(SqliteDb& db);

    /// The summary of `sampleId` kept from `version` and `basis`; nothing when none is, or another one is.
    std::optional<AnatomySummary> summary(qint64 sampleId, int version, const QString& basis);
    /// Keeps `summary`, replacing the sample's earlier one.
    bool save(const AnatomySummary& summary, int version, const QString& basis);

private:
    SqliteDb& m_db;
};
