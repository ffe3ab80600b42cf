// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QPromise>
#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class Store;

/// Full-text search over every imported transcript: results as run, sample, step and a snippet. A search runs off the
/// UI thread on a connection of its own, and can be cancelled. Messages an import stored but did not index yet (a
/// stopped import) are named, and can be indexed from here.
class SearchDialog : public QDialog {
    Q_OBJECT
public:
    SearchDialog(Store& store, QWidget* parent = nullptr);
    ~SearchDialog() override;
    /// Starts searching for `words` (see SearchQuery), stopping a search still running.
    void search(const QString& words);
    /// Stops the running search, if any.
    void cancelSearch();
    /// Blocks until the running search has finished and its results are shown (for tests and rendering).
    void waitForSearch();
    /// Indexes the waiting messages off the UI thread, then searches again.
    void indexPending();
    void waitForIndex();

signals:
    /// A result was activated: open this sample at this step.
    void sampleActivated(qint64 sampleId, int step);
    /// A search ended, with results, refused, failed or cancelled; the dialog shows which.
    void searchFinished();

private:
    /// A search's outcome with what the dialog shows of each hit's sample, made on the worker's thread.
    struct Found {
        SearchResult result;
        std::vector<QString> runs; ///< by hit: the run's model
        std::vector<QString> samples; ///< by hit: sample id and epoch
        qint64 milliseconds = 0;
    };
    static void run(QPromise<Found>& promise, const QString& storePath, const QString& words);
    void showFound();
    void showPending();

    Store& m_store;
    QLineEdit* m_query;
    QLabel* m_count;
    QLabel* m_pending;
    QPushButton* m_index;
    QPushButton* m_cancel;
    QTreeWidget* m_results;
    QFutureWatcher<bool> m_indexing;
    QFutureWatcher<Found> m_searching;
};
