// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomysummary.h"
#include "records/storerows.h"
#include "records/testrecords.h"

#include <QHash>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class Checkpointer;
class PostgresStore;
class SqliteDb;
class TranscriptQuery;

/// The local SQLite store: opening (with migrations) and the read API that models, the analysis and the command
/// line use. Everything returned is a plain value; no SQL leaves app/core/store.
class Store {
public:
    Store();
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// The store under the user's data directory.
    static QString defaultPath();

    /// How a store is opened.
    enum class OpenMode {
        /// To write: the store (and its folder) is made if missing; a store that cannot be written is an error.
        Create,
        /// An existing store: missing is an error and nothing is made. One that cannot be written (read-only media,
        /// a read-only file or folder) opens read-only: it reads, and every write fails saying so.
        Existing,
    };

    /// Opens and migrates the store at `path`.
    bool open(const QString& path, OpenMode mode = OpenMode::Create);
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    /// True when the store was opened read-only: nothing can be imported, indexed or saved into it.
    bool isReadOnly() const { return m_readOnly; }
    /// True for a store on PostgreSQL (a postgresql:// location).
    bool isPostgres() const { return m_postgres != nullptr; }

    /// The bytes the store takes: its file with its write-ahead log on SQLite, the database on PostgreSQL
    /// (pg_database_size); -1 when that cannot be read.
    qint64 diskBytes();

    std::vector<RunRow> runs();
    /// The samples of run `runId` (0: of every run), their pass fractions not yet read (see SampleCatalog).
    std::vector<SampleRow> samples(qint64 runId = 0);
    std::optional<SampleRow> sample(qint64 sampleId);
    std::vector<FileRow> failedFiles();
    /// The tokens of every sample (`sampleId` 0) or of one.
    std::vector<UsageRow> usage(qint64 sampleId = 0);
    /// What a replay's header needs of a sample beyond its row; nothing for a sample not in the store.
    std::optional<SampleDetail> sampleDetail(qint64 sampleId);

    /// One sample's transcript, read page by page. On PostgreSQL the sample's rows are first copied into a SQLite
    /// store of this process's own (PostgresStore::transcriptStore); null when that fails (errorString()).
    std::unique_ptr<TranscriptQuery> transcript(qint64 sampleId);

    /// Messages in every transcript that match `words` (see SearchQuery: `word*` a prefix, "quoted phrases" kept),
    /// in the order they were stored on SQLite (MessageIndex::find), best first on PostgreSQL. A query past
    /// SearchQuery's limits, a store error, or `cancelled` returning true (asked as SQLite works) ends it early, saying
    /// why.
    SearchResult find(
        const QString& words, qint64 sampleId = 0, int limit = 100, const std::function<bool()>& cancelled = {});
    /// find()'s hits alone.
    std::vector<SearchHit> search(const QString& words, qint64 sampleId = 0, int limit = 100);
    /// Messages stored but not yet indexed for search: searches do not find them.
    qint64 unindexedMessages();
    /// Files imported before messages were stored once (schema 6 or older): each of their messages in both the pool
    /// and the final conversation is stored and indexed twice until the file is imported again.
    qint64 filesWithMessagesTwice();
    /// Receives how many of the waiting messages are indexed; returning false stops after that batch.
    using IndexProgress = std::function<bool(qint64 done, qint64 total)>;
    /// Indexes every waiting message for search, a batch a transaction, so a stop keeps what is done. False with
    /// `error` set on a store error. `checkpoints`: the one that checkpoints this connection, if any.
    bool indexMessages(const IndexProgress& progress, QString* error, Checkpointer* checkpoints = nullptr);

    /// Stores a test suite (replacing an earlier copy from the same path) for `program`; its id, or 0 on error.
    qint64 saveSuite(
        const QString& name, const QString& program, const QString& path, const std::vector<StoredTest>& tests);
    /// Stores one re-execution of a sample (0 for none) at `step`; its id, or 0 on error.
    qint64 saveRerun(qint64 sampleId, qint64 suiteId, int step, const TestRunSummary& summary,
        const std::vector<StoredTestResult>& results, int uncertainSteps);
    std::vector<RerunRow> reruns(qint64 sampleId);
    /// The per-test results of one re-execution: test id -> passed.
    QHash<QString, bool> rerunResults(qint64 rerunId);

    /// The summary of a sample's anatomy kept from anatomy `version` and `basis` (the prices and patterns it was
    /// computed with); nothing when none is kept or another one is, and on PostgreSQL (errorString()).
    std::optional<AnatomySummary> anatomySummary(qint64 sampleId, int version, const QString& basis);
    /// Keeps a sample's anatomy summary, replacing its earlier one; false on a read-only store or an error.
    bool saveAnatomySummary(const AnatomySummary& summary, int version, const QString& basis);

private:
    bool openWritable(const QString& path);
    bool openReadOnly(const QString& path);
    /// "the store FILE is read-only: ...", for a write refused.
    QString readOnlyError() const;
    std::vector<SampleRow> readSamples(qint64 runId, qint64 sampleId);
    /// Opens a store on PostgreSQL (postgresstore.h): to read (Existing), or to import into (Create).
    bool openPostgres(const QString& location, OpenMode mode);

    friend class Importer;
    friend class PostgresImporter;
    friend class TranscriptQuery;
    friend struct StoreConnection;

    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<PostgresStore> m_postgres; ///< set instead of m_db for a store on PostgreSQL
    QString m_path;
    QString m_error;
    bool m_readOnly = false;
};
