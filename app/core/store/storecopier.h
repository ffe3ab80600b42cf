// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <functional>
#include <vector>

class PostgresStore;
class SqliteDb;
class Store;

/// Copies the imported files of a SQLite store, with their runs, samples, events, chunks, messages, attachments and
/// re-runs, into a store on PostgreSQL: one transaction a file, so a failure leaves the target as it was, the rows
/// streamed with COPY. A file whose content hash the target already holds is skipped; copies into one target take
/// turns on an advisory lock, and the unique hash keeps a file from being stored twice even so.
class StoreCopier {
public:
    /// What became of one file.
    struct Outcome {
        enum class Kind { Copied, AlreadyThere, Failed };
        QString path;
        Kind kind = Kind::Failed;
        QString error;
        qint64 samples = 0;
        qint64 events = 0;
        qint64 bytes = 0; ///< COPY text sent
    };

    StoreCopier(Store& from, PostgresStore& to);
    ~StoreCopier();
    StoreCopier(const StoreCopier&) = delete;
    StoreCopier& operator=(const StoreCopier&) = delete;

    /// Whether copyAll() runs ANALYZE when it copied a file (the default); an importer of many files runs it once.
    void setAnalyze(bool analyze) { m_analyze = analyze; }
    /// Copies every imported file of the source, calling `done` after each; false when the source cannot be read.
    bool copyAll(const std::function<void(const Outcome&)>& done, QString* error);

private:
    struct Table;
    enum Ids { FileIds, RunIds, SampleIds, ChunkIds, EventIds, MessageIds, SuiteIds, RerunIds, IdKinds };

    /// The tables copied, in the order their references need.
    static const std::vector<Table>& tables();
    Outcome copyFile(qint64 fileId, const QString& path, const QString& hash);
    /// Takes a block of ids in the target for each kind of row of the file, and sets m_offsets to shift by.
    bool reserveIds(qint64 fileId);
    /// Streams one table's rows of the file with COPY; false with m_error set on failure.
    bool copyTable(const Table& table, qint64 fileId, Outcome& outcome);
    /// Fills the search tables of the file's messages (not their copies) and samples' errors: their tsvectors, made
    /// by SearchQuery::tsvector, streamed with COPY.
    bool copyWords(qint64 fileId, Outcome& outcome);

    SqliteDb& m_from;
    PostgresStore& m_to;
    qint64 m_offsets[IdKinds] = {};
    bool m_analyze = true;
    QString m_error;
};
