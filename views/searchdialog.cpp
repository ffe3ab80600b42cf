// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "searchdialog.h"

#include "store/searchquery.h"
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
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_results(new QTreeWidget(this))
{
    setWindowTitle(tr("Search the transcripts"));
    m_query->setPlaceholderText(
        tr("Words to find in every message, tool call and tool result (bash* a prefix, \"a phrase\")"));
    m_query->setToolTip(tr("Every word must match. A word ending in * matches as a prefix; \"quoted words\" match as "
                           "a phrase. At most %1 words or phrases, %2 characters.")
                            .arg(SearchQuery::maxTerms)
                            .arg(SearchQuery::maxCharacters));
    m_cancel->setVisible(false);
    m_results->setHeaderLabels({ tr("Run"), tr("Sample"), tr("Step"), tr("Role"), tr("Match") });
    m_results->setRootIsDecorated(false);
    m_results->setAlternatingRowColors(true);
    m_results->header()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    auto* status = new QHBoxLayout;
    status->addWidget(m_count, 1);
    status->addWidget(m_cancel);
    layout->addLayout(status);
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
    connect(m_cancel, &QPushButton::clicked, this, &SearchDialog::cancelSearch);
    connect(&m_searching, &QFutureWatcher<Found>::finished, this, &SearchDialog::showFound);
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
    m_searching.cancel();
    m_indexing.waitForFinished();
    m_searching.waitForFinished();
}

void SearchDialog::search(const QString& words)
{
    m_query->setText(words);
    // A search still running is stopped: SQLite is interrupted within a few thousand steps of its work.
    m_searching.cancel();
    m_searching.waitForFinished();
    m_results->clear();
    m_count->clear();
    if (words.trimmed().isEmpty())
        return;
    // Refused at once, with its reason, without a thread.
    if (const SearchQuery query(words); !query.isValid()) {
        m_count->setText(query.errorString());
        emit searchFinished();
        return;
    }
    m_count->setText(tr("Searching\u2026"));
    m_cancel->setVisible(true);
    m_searching.setFuture(QtConcurrent::run(&SearchDialog::run, m_store.path(), words));
}

void SearchDialog::run(QPromise<Found>& promise, const QString& storePath, const QString& words)
{
    QElapsedTimer clock;
    clock.start();
    Found found;
    Store store; // this thread's own connection
    if (!store.open(storePath, Store::OpenMode::Existing)) {
        found.result.error = store.errorString();
        promise.addResult(std::move(found));
        return;
    }
    found.result = store.find(words, 0, 200, [&promise] { return promise.isCanceled(); });
    // Sample labels for the hits: run model and sample id.
    QHash<qint64, std::optional<SampleRow>> samples;
    for (const SearchHit& hit : found.result.hits) {
        auto row = samples.find(hit.sampleId);
        if (row == samples.end())
            row = samples.insert(hit.sampleId, store.sample(hit.sampleId));
        found.runs.push_back(*row ? (*row)->model : QString());
        found.samples.push_back(*row ? tr("%1 (epoch %2)").arg((*row)->sampleId).arg((*row)->epoch) : QString());
    }
    found.milliseconds = clock.elapsed();
    promise.addResult(std::move(found));
}

void SearchDialog::showFound()
{
    m_cancel->setVisible(false);
    if (m_searching.isCanceled() || m_searching.future().resultCount() == 0) {
        m_count->setText(tr("Search cancelled."));
        emit searchFinished();
        return;
    }
    const Found found = m_searching.result();
    if (found.result.cancelled) {
        m_count->setText(tr("Search cancelled."));
    } else if (!found.result.error.isEmpty()) {
        m_count->setText(tr("Cannot search: %1").arg(found.result.error));
    } else {
        const std::vector<SearchHit>& hits = found.result.hits;
        for (size_t i = 0; i < hits.size(); ++i) {
            const SearchHit& hit = hits[i];
            auto* item = new QTreeWidgetItem(m_results,
                { found.runs[i], found.samples[i], hit.eventSeq < 0 ? QString() : QString::number(hit.eventSeq),
                    hit.role, hit.snippet });
            item->setData(0, Qt::UserRole, hit.sampleId);
            item->setData(2, Qt::UserRole, hit.eventSeq);
            item->setToolTip(4, hit.snippet);
        }
        // Fitted to what was found; with nothing found, the columns keep their widths.
        for (int c = 0; c < 4 && !hits.empty(); ++c)
            m_results->resizeColumnToContents(c);
        if (hits.empty())
            m_count->setText(tr("No message holds every word (%1 ms).").arg(found.milliseconds));
        else
            m_count->setText(tr("%n match(es) in %1 ms", nullptr, int(hits.size())).arg(found.milliseconds));
    }
    emit searchFinished();
}

void SearchDialog::cancelSearch()
{
    m_searching.cancel();
}

void SearchDialog::waitForSearch()
{
    m_searching.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_searching);
}

void SearchDialog::showPending()
{
    const qint64 pending = m_store.unindexedMessages();
    m_pending->setText(tr("%Ln message(s) not yet indexed (an import was stopped): searches do not find them.", nullptr,
        int(std::min<qint64>(pending, INT_MAX))));
    if (m_store.isReadOnly() && pending > 0)
        m_pending->setText(
            m_pending->text() + QLatin1Char(' ') + tr("The store is read-only: they cannot be indexed."));
    m_pending->setVisible(pending > 0);
    m_index->setVisible(pending > 0 && !m_store.isReadOnly());
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
        const bool indexed = store.open(path, Store::OpenMode::Create) && store.indexMessages(progress, nullptr);
        promise.addResult(indexed);
    }));
}

void SearchDialog::waitForIndex()
{
    m_indexing.waitForFinished();
    QCoreApplication::sendPostedEvents(&m_indexing);
}
