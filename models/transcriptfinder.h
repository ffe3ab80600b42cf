// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <vector>

/// Finds the steps of one sample's transcript whose messages hold some words (the full-text index), on a thread of its
/// own with a connection of its own to the store: the window never waits for it. A new find stops the one under way.
class TranscriptFinder : public QObject {
    Q_OBJECT
public:
    /// The sample's messages are gone through in this many parts, progress() told after each.
    static constexpr int parts = 20;

    TranscriptFinder(const QString& storePath, qint64 sampleId, QObject* parent = nullptr);
    ~TranscriptFinder() override;

    /// Starts finding `words`, stopping the find under way (its result is never reported).
    void find(const QString& words);
    /// Stops the find under way.
    void cancel();
    bool isFinding() const { return m_finding; }
    /// For benchmarks and tests: runs the event loop until the find under way is reported, at most `timeoutMs`;
    /// false on the timeout.
    bool waitForFound(int timeoutMs);

    /// What a find read.
    struct Found {
        QString words;
        std::vector<int> steps; ///< in order
        bool fullyIndexed = true; ///< false while some of the sample's messages wait to be indexed
        QString error; ///< the store could not be read
    };

signals:
    /// The find under way has gone through `percent` of the sample's messages.
    void progress(const QString& words, int percent);
    /// A find ended.
    void found(const TranscriptFinder::Found& found);

private:
    static void run(QPromise<Found>& promise, const QString& storePath, qint64 sampleId, const QString& words);
    void report();

    QString m_storePath;
    qint64 m_sampleId;
    QString m_words;
    bool m_finding = false;
    QThreadPool m_thread; ///< one thread: a find stopped ends before the next begins
    QFutureWatcher<Found> m_watcher;
};
