// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "inspect/importoptions.h"
#include "inspect/inspectlogreader.h"
#include <QCoreApplication>
#include <QElapsedTimer>

#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <vector>

class Checkpointer;
class SqliteDb;
class Store;

/// The outcome of importing one file.
struct ImportResult {
    enum Status { Imported, Skipped, Failed, Cancelled };
    QString path;
    Status status = Failed;
    QString error; ///< names the fault; the file is named by `path`
    QStringList warnings;
    int samples = 0;
    qint64 events = 0;
    qint64 messages = 0; ///< in the pool and the final conversation, a message in both counted twice
    qint64 sharedMessages = 0; ///< of `messages`: in both lists, stored once (StoreWriter::sharedMessageCount)
    qint64 differingMessages = 0; ///< same id in both lists, different content: kept twice
    qint64 bytes = 0; ///< size of the file
    /// Files imported earlier into a shared transaction that was lost before it committed (a full disk, say): they
    /// were reported imported and are not in the store. Recorded as failed, for `lostError`.
    QStringList lostFiles;
    QString lostError;
};

/// Imports Inspect logs into a store, each file in a savepoint of its own (and a transaction of its own unless
/// transactions are shared): a file that fails leaves the store as it was, and a file whose content was imported
/// before (same hash) is skipped. Synchronous: run it on a
/// worker thread with its own Store. While it lives, the store's WAL is checkpointed on a thread of its own
/// (Checkpointer), also for what else the same connection writes, such as the search index.
class Importer {
    Q_DECLARE_TR_FUNCTIONS(Importer)

public:
    /// Fraction of the current file done; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    Importer(Store& store, const ImportOptions& options = {});
    ~Importer();

    /// The log files under `paths`: files as given, folders searched recursively for .eval and .json.
    static QStringList collectFiles(const QStringList& paths, QStringList* missing = nullptr);

    ImportResult importFile(const QString& path, const Progress& progress = {});
    /// The hash that identifies a file's content (as `files.hash`); empty with `error` set when it cannot be read.
    static QString contentHash(const QString& path, QString* error);
    /// Deletes what a file at `path` of content `hash` replaces in the store on `db`: the file imported before at that
    /// path, and the same content imported before messages were stored once, from any path (their runs, samples and
    /// events cascade away, their messages taken out of the search index first). False with `error` set.
    static bool removeReplaced(SqliteDb& db, const QString& path, const QString& hash, QString* error);
    /// Lets the files imported next share transactions. Each file still goes in a savepoint of its own, so a file
    /// that fails leaves the store as it was; a transaction commits once its files reach 32 MB or it has been open
    /// a second, and at commit(). Many small files import faster so: every transaction rewrites the top pages of each
    /// table's tree. A process that dies loses the files not committed yet, and leaves a consistent store.
    void setSharedTransactions(bool shared, qint64 maxMilliseconds = 1000)
    {
        m_shared = shared;
        m_maxMilliseconds = maxMilliseconds;
    }
    /// Commits the files imported and not committed yet (shared transactions). False, with `error` set, if the store
    /// refused them: they are not in it, and `lost` names them. Done on destruction too.
    bool commit(QString* error = nullptr, QStringList* lost = nullptr);
    /// Checkpoints the store's connection while the importer lives: pass it on to what else writes on it.
    Checkpointer* checkpointer() { return m_checkpointer.get(); }

private:
    ImportResult fail(ImportResult result, const QString& error);
    /// Opens the file's savepoint (and a transaction when none is open) and replaces its earlier rows with its
    /// `files` row; that row's id, or 0 with `error` set.
    qint64 beginFile(const QString& path, qint64 bytes, qint64 mtime, const QString& hash, QString* error);
    /// Counts the file into the open transaction and commits it when its files are large or old enough; false, with
    /// the result's error set, when the store refused the commit.
    bool commitWhenDue(ImportResult& result);
    void recordFailure(const QString& path, qint64 bytes, const QString& error);
    /// The shared transaction ends without its files: each is recorded as failed, and named in `lost`.
    void loseTransaction(const QString& why, QStringList* lost);
    bool transactionLost() const;

    Store& m_store;
    ImportOptions m_options;
    QThreadPool m_compressing; ///< one thread, kept from file to file
    std::unique_ptr<Checkpointer> m_checkpointer;
    bool m_shared = false;
    qint64 m_maxMilliseconds = 1000;
    bool m_inTransaction = false; ///< begun here and not committed yet
    bool m_inFile = false; ///< the savepoint of the file being imported is open
    std::vector<std::pair<QString, qint64>> m_uncommitted; ///< files imported in the open transaction, and their sizes
    QElapsedTimer m_transactionAge;
};
