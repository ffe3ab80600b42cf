// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <vector>

class SqliteDb;
class QString;

/// Creates the store's tables in an empty database and migrates an older one forward.
class StoreSchema {
public:
    static constexpr int currentVersion = 10;
    /// Brings `db` to `target` (currentVersion unless a test asks for an older store); false with `error` set
    /// when it cannot (a newer store, say).
    static bool migrate(SqliteDb& db, QString* error, int target = currentVersion);
    static int version(SqliteDb& db);

    /// SQL: `seq IN (...)` the steps of sample ?1's events of `type` (a literal), read from event_steps.
    static QByteArray stepsOfType(const char* type);
    /// The steps a curve marks (compactions, errors, limits) of sample ?1, from samples.marked_steps: seq, type.
    static const char* const marksQuery;
    /// The steps in event_steps.seqs (a JSON array of numbers), ascending.
    static std::vector<int> parseSteps(const QByteArray& seqs);
    /// Steps as event_steps.seqs and samples.marked_steps keep them: a JSON array of numbers.
    static QByteArray stepsJson(const std::vector<int>& steps);

private:
    /// Migration 6: the summaries that held translated words, written again language-neutral.
    static bool rewriteSummaries(SqliteDb& db);
};
