// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "postgresdb.h"
#include "records/storerows.h"

#include <QString>
#include <optional>
#include <vector>

/// The store on a PostgreSQL server: the reads of Store's API it answers so far (runs, samples, usage, failed files, a
/// sample's detail), behind Store (Store::open with a postgresql:// location), and the connection StoreCopier writes
/// through.
class PostgresStore {
public:
    /// Connects to `location` and brings its tables to the current version, making them when `create` is set; a
    /// database without a store is otherwise an error.
    bool open(const QString& location, bool create);
    QString errorString() const { return m_error; }
    PostgresDb& db() { return m_db; }

    std::vector<RunRow> runs();
    /// Samples of run `runId` (0: every run), or the one sample `sampleId` when it is not 0.
    std::vector<SampleRow> readSamples(qint64 runId, qint64 sampleId);
    std::vector<UsageRow> usage(qint64 sampleId);
    std::vector<FileRow> failedFiles();
    std::optional<SampleDetail> sampleDetail(qint64 sampleId);

private:
    PostgresDb m_db;
    QString m_error;
};
