// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class Store;

/// Full-text search over every imported transcript: results as run, sample, step and a snippet. Messages an
/// import stored but did not index yet (a stopped import) are named, and can be indexed from here.
class SearchDialog : public QDialog {
    Q_OBJECT
public:
    SearchDialog(Store& store, QWidget* parent = nullptr);
    ~SearchDialog() override;
    void search(const QString& words);
    /// Indexes the waiting messages off the UI thread, then searches again.
    void indexPending();
    void waitForIndex();

signals:
    /// A result was activated: open this sample at this step.
    void sampleActivated(qint64 sampleId, int step);

private:
    void showPending();

    Store& m_store;
    QLineEdit* m_query;
    QLabel* m_count;
    QLabel* m_pending;
    QPushButton* m_index;
    QTreeWidget* m_results;
    QFutureWatcher<bool> m_indexing;
};
