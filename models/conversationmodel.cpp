// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "conversationmodel.h"

#include "conversationreader.h"
#include "store/conversationquery.h"
#include "store/store.h"

#include <QScopedValueRollback>
#include <algorithm>

namespace {
/// The events shown as banners of their own.
const char* const bannerTypes[] = { "error", "sample_limit", "compaction", "score" };

bool contains(const std::vector<int>& sorted, int seq)
{
    return std::binary_search(sorted.begin(), sorted.end(), seq);
}

int countUpTo(const std::vector<int>& sorted, int seq)
{
    return int(std::upper_bound(sorted.begin(), sorted.end(), seq) - sorted.begin());
}
}

ConversationModel::ConversationModel(Store& store, qint64 sampleId, QObject* parent)
    : QAbstractListModel(parent)
    , m_storePath(store.path())
    , m_sampleId(sampleId)
    , m_query(std::make_unique<ConversationQuery>(store, sampleId))
    , m_reader(std::make_unique<ConversationReader>(store, sampleId))
{
    m_events = m_query->eventCount();
    m_modelCalls = m_query->steps(QStringLiteral("model"));
    for (const char* type : bannerTypes) {
        const std::vector<int> steps = m_query->steps(QLatin1String(type));
        m_banners.insert(m_banners.end(), steps.begin(), steps.end());
    }
    std::sort(m_banners.begin(), m_banners.end());
    m_spanBegins = m_query->steps(QStringLiteral("span_begin"));
    m_spanEnds = m_query->steps(QStringLiteral("span_end"));
    plan();
}

ConversationModel::~ConversationModel() = default;

void ConversationModel::plan()
{
    // A block starts at each model call and banner, after each banner, and, when spans are shown, at each span's
    // opening and closing and after them.
    std::vector<int> starts { 0 };
    starts.insert(starts.end(), m_modelCalls.begin(), m_modelCalls.end());
    for (const int seq : m_banners)
        starts.insert(starts.end(), { seq, seq + 1 });
    if (m_spansShown) {
        for (const std::vector<int>* spans : { &m_spanBegins, &m_spanEnds }) {
            for (const int seq : *spans)
                starts.insert(starts.end(), { seq, seq + 1 });
        }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    starts.erase(std::lower_bound(starts.begin(), starts.end(), std::max(1, m_events)), starts.end());
    if (m_events == 0)
        starts.clear();
    // A folded span is one block, from its opening through its closing.
    if (m_spansShown) {
        for (const auto& [begin, end] : m_collapsed)
            starts.erase(std::upper_bound(starts.begin(), starts.end(), begin),
                std::upper_bound(starts.begin(), starts.end(), end));
    }
    m_starts = std::move(starts);
    m_first = 0;
    m_loaded = std::min(pageSize, blockCount());
    m_blocks.clear();
    m_recent.clear();
}

void ConversationModel::setSpansShown(bool shown)
{
    if (shown == m_spansShown)
        return;
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_spansShown = shown;
    plan();
    endResetModel();
}

int ConversationModel::rowForSeq(int seq)
{
    if (m_starts.empty())
        return -1;
    const int global = std::max(0, countUpTo(m_starts, seq) - 1);
    if (global >= m_first && global < m_first + m_loaded)
        return global - m_first;
    const QScopedValueRollback changing(m_changing, true);
    if (global >= m_first + m_loaded && global < m_first + m_loaded + 4 * pageSize) {
        // Near the end of the window: grow it.
        const int end = std::min(blockCount(), global + pageSize);
        beginInsertRows({}, m_loaded, end - m_first - 1);
        m_loaded = end - m_first;
        endInsertRows();
        return global - m_first;
    }
    // Far away: a new window around it.
    beginResetModel();
    m_first = std::max(0, global - 1);
    m_loaded = std::min(blockCount(), global + 4) - m_first;
    endResetModel();
    return global - m_first;
}

int ConversationModel::matchingEnd(int begin) const
{
    auto opening = std::upper_bound(m_spanBegins.begin(), m_spanBegins.end(), begin);
    auto closing = std::upper_bound(m_spanEnds.begin(), m_spanEnds.end(), begin);
    int depth = 0;
    while (closing != m_spanEnds.end()) {
        if (opening != m_spanBegins.end() && *opening < *closing) {
            ++depth;
            ++opening;
        } else if (depth == 0) {
            return *closing;
        } else {
            --depth;
            ++closing;
        }
    }
    return m_events - 1;
}

int ConversationModel::toggleSpan(int row)
{
    if (!m_spansShown || row < 0 || row >= m_loaded)
        return row;
    const int begin = m_starts[size_t(m_first) + size_t(row)];
    if (!contains(m_spanBegins, begin))
        return row;
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    if (m_collapsed.erase(begin) == 0)
        m_collapsed.emplace(begin, matchingEnd(begin));
    plan();
    const int global = std::max(0, countUpTo(m_starts, begin) - 1);
    m_first = std::max(0, global - 1);
    m_loaded = std::min(blockCount(), global + pageSize) - m_first;
    endResetModel();
    return global - m_first;
}

int ConversationModel::fetchEarlier()
{
    const int added = std::min(m_first, pageSize);
    if (added == 0)
        return 0;
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows({}, 0, added - 1);
    m_first -= added;
    m_loaded += added;
    endInsertRows();
    return added;
}

int ConversationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_loaded;
}

bool ConversationModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_first + m_loaded < blockCount();
}

void ConversationModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent) || m_changing)
        return;
    const QScopedValueRollback changing(m_changing, true);
    const int added = std::min(pageSize, blockCount() - m_first - m_loaded);
    beginInsertRows({}, m_loaded, m_loaded + added - 1);
    m_loaded += added;
    endInsertRows();
}

int ConversationModel::lastOf(int global) const
{
    return global + 1 < blockCount() ? m_starts[size_t(global) + 1] - 1 : m_events - 1;
}

int ConversationModel::depthAt(int seq) const
{
    if (!m_spansShown)
        return 0;
    // Spans opened before the block and not yet closed; a span's own closing sits at its opening's depth.
    const bool closing = contains(m_spanEnds, seq);
    return std::max(0, countUpTo(m_spanBegins, seq) - countUpTo(m_spanEnds, seq) - 1 + closing);
}

ConversationBlock::Kind ConversationModel::kindAt(int seq) const
{
    if (contains(m_banners, seq))
        return ConversationBlock::Banner;
    if (m_spansShown && (contains(m_spanBegins, seq) || contains(m_spanEnds, seq)))
        return ConversationBlock::Span;
    if (contains(m_modelCalls, seq))
        return ConversationBlock::Turn;
    return ConversationBlock::Setup;
}

ConversationBlock ConversationModel::planned(int global) const
{
    ConversationBlock block;
    block.first = m_starts[size_t(global)];
    block.last = lastOf(global);
    block.kind = kindAt(block.first);
    block.turn = countUpTo(m_modelCalls, block.first);
    block.depth = depthAt(block.first);
    block.collapsed = m_spansShown && m_collapsed.count(block.first) > 0;
    return block;
}

ConversationBlock ConversationModel::plannedBlock(int row) const
{
    if (row < 0 || row >= m_loaded) {
        ConversationBlock none;
        none.last = -1;
        return none;
    }
    return planned(m_first + row);
}

const ConversationBlock* ConversationModel::block(int row) const
{
    if (row < 0 || row >= m_loaded)
        return nullptr;
    const int global = m_first + row;
    auto found = m_blocks.find(global);
    if (found == m_blocks.end()) {
        // Evict before inserting: removing from a QHash invalidates its iterators.
        if (int(m_recent.size()) >= cachedBlocks) {
            m_blocks.remove(m_recent.back());
            m_recent.pop_back();
        }
        ConversationBlock read = planned(global);
        m_reader->read(read);
        found = m_blocks.emplace(global, std::move(read));
        m_recent.push_front(global);
    } else if (m_recent.front() != global) {
        m_recent.remove(global);
        m_recent.push_front(global);
    }
    return &*found;
}

QVariant ConversationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_loaded)
        return {};
    const int global = m_first + index.row();
    const int first = m_starts[size_t(global)];
    switch (role) {
    case FirstSeqRole:
        return first;
    case LastSeqRole:
        return lastOf(global);
    case KindRole:
        return int(kindAt(first));
    case DepthRole:
        return depthAt(first);
    case Qt::DisplayRole:
        return tr("Steps %1 to %2").arg(first).arg(data(index, LastSeqRole).toInt());
    default:
        return {};
    }
}
