// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "searchdialog.h"

#include "store/store.h"

#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

SearchDialog::SearchDialog(Store& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_query(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_index(new QPushButton(tr("Index them now"), this))
    , m_results(new QTreeWidget(this))
{
    setWindowTitle(tr("Search the transcripts"));
    m_query->setPlaceholderText(tr("Words to find in every message, tool call and tool result"));
    m_results->setHeaderLabels({ tr("Run"), tr("Sample"), tr("Step"), tr("Role"), tr("Match") });
    m_results->setRootIsDecorated(false);
    m_results->setAlternatingRowColors(true);
    m_results->header()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_count);
    auto* pending = new QHBoxLayout;
    pending->addWidget(m_pending, 1);
    pending->addWidget(m_index);
    layout->addLayout(pending);
    layout->addWidget(m_results, 1);
    resize(900, 500);
    connect(m_index, &QPushButton::clicked, this, &SearchDialog::indexPending);
    connect(&m_indexing, &QFutureWatcher<bool>::progressValueChanged, this,
        [this](int percent) { m_pending->setText(tr("Indexing the waiting messages: %1%").arg(percent)); });
    connect(&m_indexing, &QFutureWatcher<bool>::finished, this, [this] {
        showPending();
        if (m_indexing.future().resultCount() == 0 || !m_indexing.result())
            m_pending->setText(tr("Cannot index the waiting messages: the store is busy or full."));
        search(m_query->text());
    });
    showPending();
    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        emit sampleActivated(item->data(0, Qt::UserRole).toLongLong(), item->data(2, Qt::UserRole).toInt());
    });
}

SearchDialog::~SearchDialog()
{
    // Stops after the batch being indexed; the rest waits for the next import or search.
    m_indexing.cancel();
    m_indexing.waitForFinished();
}

void SearchDialog::search(const QString& words)
{
    m_query->setText(words);
    m_results->clear();
    if (words.trimmed().isEmpty())
        return;
    QElapsedTimer clock;
    clock.start();
    const std::vector<SearchHit> hits = m_store.search(words, 0, 200);
    // Sample labels for the hits: run model and sample id.
    QHash<qint64, std::optional<SampleRow>> samples;
    for (const SearchHit& hit : hits) {
        auto found = samples.find(hit.sampleId);
        if (found == samples.end())
            found = samples.insert(hit.sampleId, m_store.sample(hit.sampleId));
        QString run, sample;
        if (const std::optional<SampleRow>& row = *found) {
            run = row->model;
            sample = QStringLiteral("%1 (epoch %2)").arg(row->sampleId).arg(row->epoch);
        }
        auto* item = new QTreeWidgetItem(m_results,
            { run, sample, hit.eventSeq < 0 ? QString() : QString::number(hit.eventSeq), hit.role, hit.snippet });
        item->setData(0, Qt::UserRole, hit.sampleId);
        item->setData(2, Qt::UserRole, hit.eventSeq);
        item->setToolTip(4, hit.snippet);
    }
    for (int c = 0; c < 4; ++c)
        m_results->resizeColumnToContents(c);
    m_count->setText(tr("%n match(es) in %1 ms", nullptr, int(hits.size())).arg(clock.elapsed()));
}

void SearchDialog::showPending()
{
    const qint64 pending = m_store.unindexedMessages();
    m_pending->setText(tr("%Ln message(s) not yet indexed (an import was stopped): searches do not find them.", nullptr,
        int(std::min<qint64>(pending, INT_MAX))));
    m_pending->setVisible(pending > 0);
    m_index->setVisible(pending > 0);
    m_index->setEnabled(!m_indexing.isRunning());
}

void SearchDialog::indexPending()
{
    if (m_indexing.isRunning())
        return;
    m_index->setEnabled(false);
    m_indexing.setFuture(QtConcurrent::run([path = m_store.path()](QPromise<bool>& promise) {
        Store store; // this thread's own connection
        promise.setProgressRange(0, 100);
        const auto progress = [&](qint64 done, qint64 total) {
            promise.setProgressValue(int(100 * done / total));
            return !promise.isCanceled();
        };
        const bool indexed = store.open(path) && store.indexMessages(progress, nullptr);
        promise.addResult(indexed);
    }));
}

void SearchDialog::waitForIndex()
{
    m_indexing.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_indexing);
}
