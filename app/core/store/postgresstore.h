// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "postgresdb.h"
#include "records/storerows.h"
#include "records/testrecords.h"

#include <QHash>

#include <QString>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class Store;

/// The store on a PostgreSQL server: the reads of Store's API it answers so far (runs, samples, usage, failed files, a
/// sample's detail), behind Store (Store::open with a postgresql:// location), and the connection StoreCopier writes
/// through.
class PostgresStore {
public:
    PostgresStore();
    ~PostgresStore();
    PostgresStore(const PostgresStore&) = delete;
    PostgresStore& operator=(const PostgresStore&) = delete;

    /// Connects to `location` and brings its tables to the current version. `create`: to write into it, making the
    /// tables when missing; a role that may not write is refused, saying so. Otherwise a database without a store is
    /// an error.
    bool open(const QString& location, bool create);
    QString errorString() const { return m_error; }
    PostgresDb& db() { return m_db; }

    /// pg_database_size of the database; -1 when it cannot be read.
    qint64 diskBytes();
    std::vector<RunRow> runs();
    /// Samples of run `runId` (0: every run), or the one sample `sampleId` when it is not 0.
    std::vector<SampleRow> readSamples(qint64 runId, qint64 sampleId);
    std::vector<UsageRow> usage(qint64 sampleId);
    std::vector<FileRow> failedFiles();
    std::optional<SampleDetail> sampleDetail(qint64 sampleId);
    /// As RerunStore::reruns and RerunStore::results.
    std::vector<RerunRow> reruns(qint64 sampleId);
    QHash<QString, bool> rerunResults(qint64 rerunId);

    /// The SQLite store that sample `sampleId`'s transcript is read from: its rows copied (PostgresMirror) once a
    /// process, into a temporary folder removed at exit, and shared by this process's connections to the same
    /// database. The transcript's readers are SQLite's, one decoder of chunks for both backends; its messages are not
    /// indexed there, as the server's index answers a search within the sample (TranscriptQuery::find). Null with
    /// errorString() set when the copy fails.
    Store* transcriptStore(qint64 sampleId);

private:
    PostgresDb m_db;
    QString m_location;
    std::map<qint64, std::unique_ptr<Store>> m_transcripts; ///< opened on this connection's thread, by sample
    QString m_error;
};
