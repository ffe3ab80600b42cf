// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "importsession.h"

#include "analysis/pricetable.h"
#include "anatomysummaries.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QThreadPool>
#include <QtConcurrent>
#include <algorithm>
#include <atomic>
#include <ctime>

namespace {
double secondsOf(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

/// Processor time of the whole process, every thread: what the work cost beside how long it took.
double cpuSeconds()
{
    return secondsOf(CLOCK_PROCESS_CPUTIME_ID);
}

/// The anatomies read beside the index, to be kept on the import's connection.
struct LongAnatomies {
    std::vector<AnatomySummary> summaries;
    double seconds = 0;
    double cpuSeconds = 0;
    QString error;
};

/// The anatomy of each sample of at least `events` events that the store keeps none of, read on a connection of this
/// thread's own (a reader beside the import's writer); `stop` ends it between two samples.
LongAnatomies readLongAnatomies(const QString& storePath, int events, const std::atomic_bool& stop)
{
    LongAnatomies result;
    QElapsedTimer clock;
    clock.start();
    const double cpuAtStart = secondsOf(CLOCK_THREAD_CPUTIME_ID);
    Store store;
    if (store.open(storePath, Store::OpenMode::Existing)) {
        AnatomySummaries anatomies(store, PriceTable::standard());
        anatomies.setKeeping(false);
        std::vector<SampleRow> samples = store.samples();
        samples.erase(std::remove_if(samples.begin(), samples.end(),
                          [&](const SampleRow& sample) { return sample.events < events || anatomies.isKept(sample); }),
            samples.end());
        if (std::optional<std::vector<AnatomySummary>> summaries
            = anatomies.of(samples, [&](int, int, int) { return !stop; }))
            result.summaries = std::move(*summaries);
        else
            result.error = anatomies.errorString();
    } else {
        result.error = store.errorString();
    }
    result.seconds = double(clock.elapsed()) / 1000.0;
    result.cpuSeconds = secondsOf(CLOCK_THREAD_CPUTIME_ID) - cpuAtStart;
    return result;
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
    if (summary.cancelled)
        return summary;
    // The long samples' anatomies on the second core while the first indexes (the index step's processor time counts
    // both); a stopped index stops them after the sample being read.
    std::atomic_bool stop = false;
    QThreadPool thread; // of its own: the global pool may be busy with the caller's work, or be the caller
    thread.setMaxThreadCount(1);
    const bool reading = m_importer && summary.imported > 0;
    QFuture<LongAnatomies> anatomies;
    if (reading)
        anatomies = QtConcurrent::run(&thread, readLongAnatomies, m_store.path(), m_anatomyEvents, std::cref(stop));
    Callbacks indexing = callbacks;
    indexing.indexProgress = [&](qint64 done, qint64 total) {
        const bool go = !callbacks.indexProgress || callbacks.indexProgress(done, total);
        if (!go)
            stop = true;
        return go;
    };
    index(indexing, summary);
    if (reading) {
        const LongAnatomies read = anatomies.result();
        AnatomySummaries kept(m_store, PriceTable::standard());
        summary.anatomyError = read.error;
        if (read.error.isEmpty() && !kept.save(read.summaries))
            summary.anatomyError = kept.errorString();
        else if (read.error.isEmpty())
            summary.anatomies = int(read.summaries.size());
        summary.anatomySeconds = read.seconds;
        summary.anatomyCpuSeconds = read.cpuSeconds;
    }
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
