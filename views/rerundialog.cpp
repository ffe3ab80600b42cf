// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "rerundialog.h"

#include "store/store.h"
#include "testresultmodel.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtConcurrent>

RerunDialog::RerunDialog(const QString& storePath, qint64 sampleId, int step, QWidget* parent)
    : QDialog(parent)
    , m_storePath(storePath)
    , m_sampleId(sampleId)
    , m_step(step)
    , m_suite(new QLineEdit(this))
    , m_program(new QLineEdit(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_results(new TestResultModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_diff(new QPlainTextEdit(this))
{
    setWindowTitle(step < 0 ? tr("Re-run the final code of sample %1").arg(sampleId)
                            : tr("Re-run sample %1 as it stood at step %2").arg(sampleId).arg(step));
    auto* browse = new QPushButton(tr("Browse\u2026"), this);
    auto* suiteRow = new QHBoxLayout;
    suiteRow->addWidget(m_suite);
    suiteRow->addWidget(browse);
    m_program->setPlaceholderText(
        tr("default: the workspace's program, or python3 on its one .py file; {workspace} is its folder"));
    auto* form = new QFormLayout;
    form->addRow(tr("Test suite:"), suiteRow);
    form->addRow(tr("Program:"), m_program);

    m_sorted->setSourceModel(m_results);
    m_sorted->setSortRole(TestResultModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TestResultModel::Result, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Select a failed test to see expected against actual output."));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_diff);

    auto* controls = new QHBoxLayout;
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    m_cancel->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(controls);
    m_summary->setObjectName(QStringLiteral("summary"));
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    resize(900, 600);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getOpenFileName(this, tr("Test suite"), {}, tr("Test suites (*.jsonl);;All files (*)"));
        if (!path.isEmpty())
            m_suite->setText(path);
    });
    connect(m_run, &QPushButton::clicked, this, &RerunDialog::start);
    connect(m_cancel, &QPushButton::clicked, &m_watcher, &QFutureWatcher<Outcome>::cancel);
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &RerunDialog::finished);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            m_diff->setPlainText(current.data(TestResultModel::DiffRole).toString());
        });
}

void RerunDialog::setSuite(const QString& path)
{
    m_suite->setText(path);
}

void RerunDialog::start()
{
    if (m_watcher.isRunning())
        return;
    if (m_suite->text().trimmed().isEmpty()) {
        m_summary->setText(tr("Choose a test suite first: a .jsonl file, one test a line."));
        return;
    }
    m_run->setEnabled(false);
    m_cancel->setEnabled(true);
    m_summary->setText(tr("Rebuilding the workspace and running the tests\u2026"));
    m_watcher.setFuture(
        QtConcurrent::run(&RerunDialog::execute, m_storePath, m_sampleId, m_step, m_suite->text(), m_program->text()));
}

void RerunDialog::waitForFinished()
{
    m_watcher.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_watcher);
}

void RerunDialog::execute(QPromise<Outcome>& promise, const QString& storePath, qint64 sampleId, int step,
    const QString& suitePath, const QString& program)
{
    Outcome outcome;
    Store store; // a connection of this thread's own
    if (!store.open(storePath, Store::OpenMode::Existing)) {
        outcome.error = store.errorString();
        promise.addResult(std::move(outcome));
        return;
    }
    RerunSession session(store, sampleId);
    session.setProgram(program);
    if (!session.prepare(suitePath)) {
        outcome.error = session.errorString();
        promise.addResult(std::move(outcome));
        return;
    }
    promise.setProgressRange(0, int(session.suite().tests().size()));
    outcome.rerun = session.runAt(step, [&promise](int done, int) {
        promise.setProgressValue(done);
        return !promise.isCanceled();
    });
    if (outcome.rerun.results.empty() && !outcome.rerun.summary.buildError.isEmpty())
        outcome.error = outcome.rerun.summary.buildError;
    promise.addResult(std::move(outcome));
}

void RerunDialog::finished()
{
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    // A run that ended before its tests leaves the bar as it started: busy.
    const auto stopped = [this](const QString& why) {
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_summary->setText(why);
    };
    if (m_watcher.future().resultCount() == 0) {
        stopped(tr("Cancelled."));
        return;
    }
    Outcome outcome = m_watcher.result();
    if (!outcome.error.isEmpty()) {
        stopped(outcome.error);
        return;
    }
    const TestRunSummary& summary = outcome.rerun.summary;
    QString text = tr("Visible %1/%2, held-out %3/%4 in %5 s.")
                       .arg(summary.visiblePassed)
                       .arg(summary.visibleTotal)
                       .arg(summary.heldOutPassed)
                       .arg(summary.heldOutTotal)
                       .arg(summary.seconds, 0, 'f', 2);
    if (outcome.rerun.uncertainSteps > 0)
        text += QLatin1Char(' ')
            + tr("%n earlier step(s) changed files in ways that could not be followed.", nullptr,
                outcome.rerun.uncertainSteps);
    if (!summary.buildError.isEmpty())
        text += QLatin1Char(' ') + summary.buildError;
    if (!summary.networkIsolated)
        text += QLatin1Char(' ') + tr("The network was reachable: this system allows no private network namespace.");
    text += QLatin1Char(' ')
        + (summary.sandboxed ? tr("Each test ran in a bubblewrap box.") : tr("The tests ran without a box."));
    if (!summary.unenforced.isEmpty())
        text += QLatin1Char(' ') + tr("Not enforced here: %1.").arg(summary.unenforced.join(QStringLiteral(", ")));
    m_summary->setText(text);
    m_results->setResults(std::move(outcome.rerun.results));
    m_table->resizeColumnsToContents();
    m_table->selectRow(0); // failures sort first: show the first one's diff
    m_diff->setPlainText(m_sorted->index(0, 0).data(TestResultModel::DiffRole).toString());
    emit rerunFinished();
}
