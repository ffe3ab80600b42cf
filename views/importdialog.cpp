// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "importdialog.h"

#include "store/store.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

ImportDialog::ImportDialog(const QString& storePath, const QStringList& paths, QWidget* parent)
    : QDialog(parent)
    , m_progress(new QProgressBar(this))
    , m_current(new QLabel(this))
    , m_failures(new QListWidget(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Import"));
    const QStringList files = Importer::collectFiles(paths);
    m_files = int(files.size());
    m_progress->setRange(0, (m_files + 1) * 100); // the files, then the search index
    m_failures->setVisible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_current);
    layout->addWidget(m_progress);
    layout->addWidget(m_failures, 1);
    layout->addWidget(m_cancel, 0, Qt::AlignRight);
    resize(640, 200);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_watcher.isRunning())
            m_watcher.cancel();
        else
            accept();
    });
    connect(&m_watcher, &QFutureWatcher<ImportResult>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::progressTextChanged, m_current, &QLabel::setText);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::resultReadyAt, this, &ImportDialog::resultReady);
    connect(&m_watcher, &QFutureWatcher<ImportResult>::finished, this, &ImportDialog::finished);
    m_watcher.setFuture(QtConcurrent::run(&ImportDialog::run, storePath, files));
}

void ImportDialog::waitForFinished()
{
    m_watcher.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_watcher);
}

ImportResult ImportDialog::storeFault(const QString& storePath, const QString& error)
{
    ImportResult result;
    result.path = storePath;
    result.status = ImportResult::Failed;
    result.error = error;
    return result;
}

void ImportDialog::run(QPromise<ImportResult>& promise, const QString& storePath, const QStringList& files)
{
    Store store; // this thread's own connection; WAL lets the window read meanwhile
    promise.setProgressRange(0, int(files.size() + 1) * 100);
    if (!store.open(storePath, Store::OpenMode::Create)) {
        promise.addResult(storeFault(storePath, store.errorString()));
        return;
    }
    // The window reloads on the last file's result: it is added once what the files wrote is committed.
    const qsizetype last = files.size() - 1;
    std::optional<ImportResult> lastResult;
    const int base = int(files.size()) * 100;
    ImportSession::Callbacks callbacks;
    callbacks.fileProgress = [&](qsizetype index, qsizetype count, qint64 done, qint64 total) {
        if (total == 0)
            promise.setProgressValueAndText(
                int(index) * 100, tr("%1 of %2: %3").arg(index + 1).arg(count).arg(QFileInfo(files[index]).fileName()));
        else if (total > 0)
            promise.setProgressValue(int(index) * 100 + int(100 * done / total));
        return !promise.isCanceled();
    };
    callbacks.fileDone = [&](qsizetype index, const ImportResult& result) {
        if (index < last)
            promise.addResult(result);
        else
            lastResult = result;
    };
    callbacks.filesLost = [&](const QStringList& lost, const QString& why) {
        if (!lastResult) { // cancelled before the last file
            promise.addResult(storeFault(storePath, tr("the files imported last are not in the store: %1").arg(why)));
            return;
        }
        lastResult->lostFiles += lost;
        lastResult->lostError = why;
        if (lastResult->lostFiles.removeAll(lastResult->path) > 0) {
            lastResult->status = ImportResult::Failed;
            lastResult->error = why;
        }
    };
    callbacks.filesStored = [&](const ImportSummary&) {
        if (lastResult)
            promise.addResult(*lastResult);
        if (!promise.isCanceled())
            promise.setProgressValueAndText(base, tr("Indexing the new messages for search"));
    };
    callbacks.indexProgress = [&](qint64 done, qint64 total) {
        promise.setProgressValue(base + int(100 * done / total));
        return !promise.isCanceled();
    };
    ImportSession session(store);
    const ImportSummary summary = session.run(files, callbacks);
    // The result after the files' is the search index's, added only when it fails.
    if (!summary.indexError.isEmpty())
        promise.addResult(
            storeFault(storePath, tr("cannot index the messages for search: %1").arg(summary.indexError)));
}

void ImportDialog::resultReady(int index)
{
    const ImportResult result = m_watcher.resultAt(index);
    if (index >= m_files) {
        m_failures->setVisible(true);
        m_failures->addItem(result.error);
        return;
    }
    // Files counted as imported before, whose shared transaction was lost.
    for (const QString& lost : result.lostFiles) {
        --m_imported;
        ++m_failed;
        m_failures->setVisible(true);
        m_failures->addItem(tr("%1: %2").arg(lost, result.lostError));
    }
    switch (result.status) {
    case ImportResult::Imported:
        ++m_imported;
        break;
    case ImportResult::Skipped:
        ++m_skipped;
        break;
    case ImportResult::Failed:
        ++m_failed;
        m_failures->setVisible(true);
        m_failures->addItem(tr("%1: %2").arg(result.path, result.error));
        break;
    case ImportResult::Cancelled:
        break;
    }
    if (index == m_files - 1)
        announce();
}

void ImportDialog::announce()
{
    if (m_announced)
        return;
    m_announced = true;
    emit importFinished(m_imported, m_failed);
}

void ImportDialog::finished()
{
    m_progress->setValue(m_progress->maximum());
    m_current->setText(tr("%1 imported, %2 skipped (already imported), %3 failed%4")
                           .arg(m_imported)
                           .arg(m_skipped)
                           .arg(m_failed)
                           .arg(m_watcher.isCanceled() ? tr(", cancelled") : QString()));
    m_cancel->setText(tr("Close"));
    announce();
}
