// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "inspect/importoptions.h"
#include "store/importer.h"
#include "store/postgresimporter.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>
#include <memory>

class Store;

/// What an import session comes to.
struct ImportSummary {
    int imported = 0;
    int skipped = 0;
    int failed = 0;
    qint64 bytes = 0; ///< of the files imported
    double storeSeconds = 0; ///< storing the files, wall clock
    double storeCpuSeconds = 0; ///< and processor time over all threads
    qint64 indexed = 0; ///< messages indexed for search
    double indexSeconds = 0;
    double indexCpuSeconds = 0;
    QString indexError; ///< why the index was not built (the next import goes on from there)
    int anatomies = 0; ///< long samples whose anatomy the store now keeps (ImportSession::anatomyEvents)
    double anatomySeconds = 0; ///< reading them, on a thread of its own beside the index, wall clock
    double anatomyCpuSeconds = 0; ///< and that thread's processor time
    QString anatomyError; ///< why they are not kept (each is read when first asked instead)
    bool cancelled = false;
};

/// Imports files into a store, then indexes their messages for search: the one import that the command line and
/// the import dialog both run, into SQLite or PostgreSQL (where copying a file indexes it). Synchronous; it reports
/// through the callbacks, and each may cancel. Into SQLite, while the index is built, a thread of its own reads the
/// anatomy of each long sample the store keeps none of (AnatomySummaries), so that its report and its Anatomy panel
/// read the workspace's history back instead of rebuilding it from every edit.
class ImportSession {
    Q_DECLARE_TR_FUNCTIONS(ImportSession)

public:
    struct Callbacks {
        /// Part of file `index` (of `files`) read, first with `total` 0 as it begins; false cancels.
        std::function<bool(qsizetype index, qsizetype files, qint64 done, qint64 total)> fileProgress;
        /// A file's result: imported, skipped or failed, with its warnings, and the files imported before it whose
        /// shared transaction the store refused (lostFiles): they failed after all.
        std::function<void(qsizetype index, const ImportResult& result)> fileDone;
        /// Files reported imported whose last shared transaction the store refused at the end: they failed after all.
        std::function<void(const QStringList& files, const QString& why)> filesLost;
        /// Every file is stored and committed: the runs can be browsed, before their messages are searchable.
        std::function<void(const ImportSummary& summary)> filesStored;
        /// Messages indexed for search so far; false stops after the batch.
        std::function<bool(qint64 done, qint64 total)> indexProgress;
    };

    ImportSession(Store& store, const ImportOptions& options = {});

    /// The fewest events a sample has for the import to keep its anatomy; a shorter one's is read (in a quarter of a
    /// second at most) and kept when first asked for.
    static constexpr int anatomyEvents = 10000;
    /// Another bound than anatomyEvents (0: every sample).
    void setAnatomyEvents(int events) { m_anatomyEvents = events; }

    ImportSummary run(const QStringList& files, const Callbacks& callbacks);

private:
    void storeFiles(const QStringList& files, const Callbacks& callbacks, ImportSummary& summary);
    void index(const Callbacks& callbacks, ImportSummary& summary);

    Store& m_store;
    std::unique_ptr<Importer> m_importer; ///< into SQLite
    std::unique_ptr<PostgresImporter> m_postgresImporter; ///< or into PostgreSQL
    int m_anatomyEvents = anatomyEvents;
};
