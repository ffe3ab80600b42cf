#pragma once

#include "store/importer.h"

#include <QDialog>
#include <QFutureWatcher>

class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;

/// Imports files and folders into the store off the UI thread, with progress, cancel, and the list of files
/// that failed with the reason for each.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    ImportDialog(const QString& storePath, const QStringList& paths, QWidget* parent = nullptr);
    void waitForFinished();

signals:
    void importFinished(int imported, int failed);

private:
    struct Progress {
        int file = 0;
        int files = 0;
        QString path;
        int percent = 0;
    };
    static void run(QPromise<ImportResult>& promise, QString storePath, QStringList paths);
    void resultReady(int index);
    void finished();

    QFutureWatcher<ImportResult> m_watcher;
    QProgressBar* m_progress;
    QLabel* m_current;
    QListWidget* m_failures;
    QPushButton* m_cancel;
    int m_imported = 0;
    int m_skipped = 0;
    int m_failed = 0;
    int m_files = 0;
};
