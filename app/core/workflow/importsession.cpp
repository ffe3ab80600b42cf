// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "importsession.h"

#include "store/store.h"

#include <QElapsedTimer>
#include <ctime>

namespace {
/// Processor time of the whole process, every thread: what the work cost beside how long it took.
double cpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}
}

ImportSession::ImportSession(Store& store, const ImportOptions& options)
    : m_store(store)
{
    if (store.isPostgres()) {
        m_postgresImporter = std::make_unique<PostgresImporter>(store, options);
    } else {
        m_importer = std::make_unique<Importer>(store, options);
        m_importer->setSharedTransactions(true);
    }
}

ImportSummary ImportSession::run(const QStringList& files, const Callbacks& callbacks)
{
    ImportSummary summary;
    storeFiles(files, callbacks, summary);
    if (callbacks.filesStored)
        callbacks.filesStored(summary);
    if (!summary.cancelled)
        index(callbacks, summary);
    return summary;
}

void ImportSession::storeFiles(const QStringList& files, const Callbacks& callbacks, ImportSummary& summary)
{
    QElapsedTimer clock;
    clock.start();
    const double cpuAtStart = cpuSeconds();
    const auto lose = [&](const QStringList& lost) {
        summary.imported -= int(lost.size());
        summary.failed += int(lost.size());
    };
    for (qsizetype i = 0; i < files.size() && !summary.cancelled; ++i) {
        // Told first with nothing read: the file is next.
        summary.cancelled = callbacks.fileProgress && !callbacks.fileProgress(i, files.size(), 0, 0);
        if (summary.cancelled)
            break;
        const auto progress = [&](qint64 done, qint64 total) {
            summary.cancelled = callbacks.fileProgress && !callbacks.fileProgress(i, files.size(), done, total);
            return !summary.cancelled;
        };
        const ImportResult result = m_importer ? m_importer->importFile(files[i], progress)
                                               : m_postgresImporter->importFile(files[i], progress);
        summary.imported += result.status == ImportResult::Imported;
        summary.skipped += result.status == ImportResult::Skipped;
        summary.failed += result.status == ImportResult::Failed;
        if (result.status == ImportResult::Imported)
            summary.bytes += result.bytes;
        lose(result.lostFiles);
        if (callbacks.fileDone)
            callbacks.fileDone(i, result);
    }
    // After a cancel, the files imported whole are kept.
    QString error;
    QStringList lost;
    if (m_postgresImporter) {
        m_postgresImporter->finish();
    } else if (!m_importer->commit(&error, &lost)) {
        lose(lost);
        if (callbacks.filesLost)
            callbacks.filesLost(lost, error);
    }
    summary.storeSeconds = double(clock.elapsed()) / 1000.0;
    summary.storeCpuSeconds = cpuSeconds() - cpuAtStart;
}

void ImportSession::index(const Callbacks& callbacks, ImportSummary& summary)
{
    const qint64 waiting = m_store.unindexedMessages();
    if (waiting == 0)
        return;
    QElapsedTimer clock;
    clock.start();
    const double cpuAtStart = cpuSeconds();
    QString error;
    const auto progress
        = [&](qint64 done, qint64 total) { return !callbacks.indexProgress || callbacks.indexProgress(done, total); };
    if (!m_store.indexMessages(progress, &error, m_importer ? m_importer->checkpointer() : nullptr))
        summary.indexError = error;
    summary.indexed = waiting - m_store.unindexedMessages();
    summary.indexSeconds = double(clock.elapsed()) / 1000.0;
    summary.indexCpuSeconds = cpuSeconds() - cpuAtStart;
}
