// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "workflow/rerunsession.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class TestResultModel;

/// Re-runs a test suite on a sample's code, the final code or the code at one step, rebuilt from the
/// transcript, off the UI thread with progress and cancel; the results as a table with diffs.
class RerunDialog : public QDialog {
    Q_OBJECT
public:
    /// `step` -1 means the final code.
    RerunDialog(const QString& storePath, qint64 sampleId, int step, QWidget* parent = nullptr);

    /// Chooses the suite file (instead of asking).
    void setSuite(const QString& path);
    /// Starts the run with the current settings.
    void start();
    /// Blocks until a started run ends (for offscreen rendering and tests).
    void waitForFinished();

signals:
    void rerunFinished();

private:
    /// A re-execution, or why there was none.
    struct Outcome {
        RerunOutcome rerun;
        QString error;
    };
    static void execute(QPromise<Outcome>& promise, const QString& storePath, qint64 sampleId, int step,
        const QString& suitePath, const QString& program);
    void finished();

    QString m_storePath;
    qint64 m_sampleId;
    int m_step;
    QLineEdit* m_suite;
    QLineEdit* m_program;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_summary;
    TestResultModel* m_results;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_table;
    QPlainTextEdit* m_diff;
    QFutureWatcher<Outcome> m_watcher;
};
