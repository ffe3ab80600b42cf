#include "searchdialog.h"

#include "store/messageindex.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

SearchDialog::SearchDialog(Store& store, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_query(new QLineEdit(this))
    , m_count(new QLabel(this))
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
    layout->addWidget(m_results, 1);
    resize(900, 500);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { search(m_query->text()); });
    connect(m_results, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        emit sampleActivated(item->data(0, Qt::UserRole).toLongLong(), item->data(2, Qt::UserRole).toInt());
    });
}

void SearchDialog::search(const QString& words)
{
    m_query->setText(words);
    m_results->clear();
    if (words.trimmed().isEmpty())
        return;
    QElapsedTimer clock;
    clock.start();
    MessageIndex index(m_store.db());
    const std::vector<SearchHit> hits = index.search(MessageIndex::quoteWords(words), 0, 200);
    // Sample labels for the hits: run model and sample id.
    SqliteStatement label(m_store.db(), "SELECT r.model, s.sample_id, s.epoch FROM samples s JOIN runs r ON r.id = s.run_id WHERE s.id = ?");
    for (const SearchHit& hit : hits) {
        label.bind(1, hit.sampleId);
        QString run, sample;
        if (label.step()) {
            run = label.text(0);
            sample = QStringLiteral("%1 (epoch %2)").arg(label.text(1)).arg(label.integer(2));
        }
        label.reset();
        auto* item = new QTreeWidgetItem(m_results, { run, sample, hit.eventSeq < 0 ? QString() : QString::number(hit.eventSeq), hit.role, hit.snippet });
        item->setData(0, Qt::UserRole, hit.sampleId);
        item->setData(2, Qt::UserRole, hit.eventSeq);
        item->setToolTip(4, hit.snippet);
    }
    for (int c = 0; c < 4; ++c)
        m_results->resizeColumnToContents(c);
    m_count->setText(tr("%n match(es) in %1 ms", nullptr, int(hits.size())).arg(clock.elapsed()));
}
