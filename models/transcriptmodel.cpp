// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptmodel.h"

#include "analysis/eventsummary.h"
#include "cellformat.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "workflow/transcriptanalysis.h"

#include <cmath>

TranscriptModel::TranscriptModel(Store& store, qint64 sampleId, PriceTable prices, QObject* parent)
    : QAbstractTableModel(parent)
    , m_storePath(store.path())
    , m_query(store.transcript(sampleId))
    , m_prices(std::move(prices))
{
    setType({});
}

TranscriptModel::~TranscriptModel() = default;

qint64 TranscriptModel::sampleId() const
{
    return m_query->sampleId();
}

QStringList TranscriptModel::types()
{
    return m_query->types();
}

int TranscriptModel::lastStep()
{
    return m_query->lastStep();
}

std::vector<double> TranscriptModel::workingTimes()
{
    return m_query->workingTimes();
}

TestMatrix TranscriptModel::testMatrix()
{
    return ::testMatrix(*m_query);
}

std::vector<int> TranscriptModel::fileChangingSteps()
{
    return ::fileChangingSteps(*m_query);
}

QString TranscriptModel::payload(int seq)
{
    return m_query->payload(seq);
}

void TranscriptModel::setType(const QString& type)
{
    beginResetModel();
    m_query->setType(type);
    m_total = m_query->count();
    m_pages.clear();
    m_recent.clear();
    endResetModel();
}

int TranscriptModel::rowForSeq(int seq)
{
    return std::clamp(m_query->rowOf(seq), 0, std::max(0, m_total - 1));
}

int TranscriptModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_total;
}

int TranscriptModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

EventRow* TranscriptModel::row(int index) const
{
    const int page = index / pageSize;
    auto found = m_pages.find(page);
    if (found == m_pages.end()) {
        // Evict before inserting: removing from a QHash invalidates its iterators.
        if (int(m_recent.size()) >= cachedPages) {
            m_pages.remove(m_recent.back());
            m_recent.pop_back();
        }
        std::vector<EventRow> rows = m_query->events(page * pageSize, pageSize);
        // A line with attachment references is phrased once they are replaced, when it is shown.
        for (EventRow& event : rows) {
            if (!TranscriptQuery::hasAttachmentReference(event.summary))
                event.summary = EventSummary::phrase(event.summary);
        }
        found = m_pages.insert(page, rows);
        m_recent.push_front(page);
    } else if (m_recent.front() != page) {
        m_recent.remove(page);
        m_recent.push_front(page);
    }
    const size_t offset = size_t(index % pageSize);
    return offset < found->size() ? &(*found)[offset] : nullptr;
}

const QString& TranscriptModel::summary(EventRow& row) const
{
    if (TranscriptQuery::hasAttachmentReference(row.summary))
        row.summary = EventSummary::phrase(m_query->summary(row.summary));
    return row.summary;
}

QVariant TranscriptModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_total)
        return {};
    EventRow* found = this->row(index.row());
    if (!found)
        return {};
    EventRow& row = *found;
    if (role == SeqRole)
        return row.seq;
    if (role == TypeRole)
        return row.type;
    if (role == TurnRole)
        return row.turn;
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return summary(row);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Step:
        return row.seq;
    case Turn:
        return row.turn;
    case Time: {
        // Working time since the start of the sample, as h:mm:ss.
        const qint64 seconds = std::isnan(row.workingStart) ? 0 : qint64(row.workingStart);
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    case Type:
        return row.type;
    case Summary:
        // Spans nest: their events are indented under them.
        return QString(row.depth * 3, QLatin1Char(' ')) + summary(row);
    case Tokens:
        return row.model.isEmpty() || row.tokens() == 0 ? QVariant() : QVariant(CellFormat::count(row.tokens()));
    case Cost: {
        if (row.model.isEmpty())
            return {};
        const double cost = m_prices.costOf(row);
        return std::isnan(cost) ? tr("no price") : QStringLiteral("$%1").arg(cost, 0, 'f', 3);
    }
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TranscriptModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Step:
        return tr("Step");
    case Turn:
        return tr("Turn");
    case Time:
        return tr("Time");
    case Type:
        return tr("Event");
    case Summary:
        return tr("What happened");
    case Tokens:
        return tr("Tokens");
    case Cost:
        return tr("Cost");
    case ColumnCount:
        break;
    }
    return {};
}

QString TranscriptModel::rowText(int row) const
{
    QStringList cells;
    for (int column = 0; column < ColumnCount; ++column)
        cells << data(index(row, column)).toString().trimmed();
    // The full text of the event's line, not the one cut for the list.
    if (EventRow* event = this->row(row))
        cells[Summary] = summary(*event);
    return cells.join(QLatin1Char('\t'));
}
