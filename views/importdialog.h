// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "workflow/importsession.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

/// Imports files and folders into the store off the UI thread, with progress, cancel, and the list of files
/// that failed with the reason for each; then indexes their messages for search. The window is told as soon as
/// the files are in, so their runs can be browsed while the index is built.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(const QString& storePath, const QStringList& paths, QWidget* parent = nullptr);
    void waitForFinished();

signals:
    void importFinished(int imported, int failed);

private:
    static void run(QPromise<ImportResult>& promise, const QString& storePath, const QStringList& files);
    /// A result that is not a file's: the store's or the search index's fault.
    static ImportResult storeFault(const QString& storePath, const QString& error);
    void resultReady(int index);
    void finished();
    void announce();

    QFutureWatcher<ImportResult> m_watcher;
    QProgressBar* m_progress;
    QLabel* m_current;
    QListWidget* m_failures;
    QPushButton* m_cancel;
    int m_imported = 0;
    int m_skipped = 0;
    int m_failed = 0;
    int m_files = 0;
    bool m_announced = false;
};
