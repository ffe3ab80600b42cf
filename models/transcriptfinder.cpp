// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptfinder.h"

#include "store/store.h"
#include "store/transcriptquery.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QtConcurrent>

TranscriptFinder::TranscriptFinder(const QString& storePath, qint64 sampleId, QObject* parent)
    : QObject(parent)
    , m_storePath(storePath)
    , m_sampleId(sampleId)
{
    m_thread.setMaxThreadCount(1);
    m_thread.setObjectName(QStringLiteral("transcript find"));
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, this,
        [this](int done) { emit progress(m_words, 100 * done / parts); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &TranscriptFinder::report);
}

TranscriptFinder::~TranscriptFinder()
{
    m_watcher.cancel();
    m_thread.waitForDone();
}

void TranscriptFinder::find(const QString& words)
{
    // The find under way stops within a few thousand steps of SQLite's work; its watcher forgets it.
    m_watcher.cancel();
    m_words = words;
    m_finding = true;
    m_watcher.setFuture(QtConcurrent::run(&m_thread, &TranscriptFinder::run, m_storePath, m_sampleId, words));
}

void TranscriptFinder::cancel()
{
    m_watcher.cancel();
    m_finding = false;
}

void TranscriptFinder::run(QPromise<Found>& promise, const QString& storePath, qint64 sampleId, const QString& words)
{
    Found found;
    found.words = words;
    Store store; // this thread's own connection
    if (!store.open(storePath, Store::OpenMode::Existing)) {
        found.error = store.errorString();
        promise.addResult(std::move(found));
        return;
    }
    const std::unique_ptr<TranscriptQuery> transcript = store.transcript(sampleId);
    if (!transcript) {
        found.error = store.errorString();
        promise.addResult(std::move(found));
        return;
    }
    promise.setProgressRange(0, parts);
    found.steps = transcript->find(
        words, [&promise] { return promise.isCanceled(); },
        [&promise](int done, int) { promise.setProgressValue(done); }, parts);
    if (promise.isCanceled())
        return;
    found.fullyIndexed = transcript->fullyIndexed();
    promise.addResult(std::move(found));
}

void TranscriptFinder::report()
{
    if (m_watcher.isCanceled() || m_watcher.future().resultCount() == 0)
        return;
    const Found result = m_watcher.result();
    if (result.words != m_words) // a find stopped, reported before the next one was asked for
        return;
    m_finding = false;
    emit found(result);
}

bool TranscriptFinder::waitForFound(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (m_finding) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        connect(this, &TranscriptFinder::found, &loop, &QEventLoop::quit);
        QTimer::singleShot(left, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
