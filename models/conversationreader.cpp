// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "conversationreader.h"

#include "conversationmodel.h"
#include "store/conversationquery.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
/// The `input_refs` ranges of a model call's JSON, read without parsing the rest of it (its output can be long):
/// the renderer parses the event once, later.
QJsonArray inputRanges(const QString& payload)
{
    // The log's own bytes: Python writes `"input_refs": [[0, 3], [5, 9]]`, spaced or not.
    const qsizetype key = payload.indexOf(QLatin1String("\"input_refs\""));
    if (key < 0)
        return {};
    qsizetype open = key + 12;
    while (open < payload.size() && (payload.at(open).isSpace() || payload.at(open) == QLatin1Char(':')))
        ++open;
    if (open >= payload.size() || payload.at(open) != QLatin1Char('['))
        return {};
    int depth = 0;
    for (qsizetype i = open; i < payload.size(); ++i) {
        const QChar c = payload.at(i);
        if (c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char(']')) {
            if (--depth == 0)
                return QJsonDocument::fromJson(QStringView(payload).mid(open, i - open + 1).toUtf8()).array();
        } else if (c != QLatin1Char(',') && !c.isSpace() && !c.isDigit()) {
            return {}; // not a list of ranges of positions
        }
    }
    return {};
}
}

ConversationReader::ConversationReader(Store& store, qint64 sampleId)
    : m_query(std::make_unique<ConversationQuery>(store, sampleId))
{
    start();
}

ConversationReader::ConversationReader(const QString& path, qint64 sampleId)
    : m_store(std::make_unique<Store>())
{
    if (m_store->open(path, Store::OpenMode::Existing)) {
        m_query = std::make_unique<ConversationQuery>(*m_store, sampleId);
        start();
    }
}

ConversationReader::~ConversationReader() = default;

void ConversationReader::start()
{
    m_start = QDateTime::fromString(m_query->firstTimestamp(), Qt::ISODateWithMs);
}

void ConversationReader::read(ConversationBlock& block)
{
    block.events = m_query->events(block.first, block.last, block.collapsed ? 1 : eventsPerBlock);
    block.omitted = block.last - block.first + 1 - int(block.events.size());
    block.newMessages.clear();
    if (block.kind == ConversationBlock::Turn && !block.events.empty()) {
        // The messages a call reads for the first time lie at the end of its input: in its last ranges of pool
        // positions.
        const ConversationEvent& call = block.events.front();
        const QJsonArray ranges = inputRanges(call.payload);
        int from = -1;
        int to = -1;
        int span = 0;
        for (auto range = ranges.end(); range != ranges.begin() && span < newMessageWindow;) {
            --range;
            const QJsonArray bounds = range->toArray();
            const int begin = bounds.at(0).toInt();
            const int end = bounds.at(1).toInt();
            to = std::max(to, end);
            from = std::max(from < 0 ? begin : std::min(from, begin), to - newMessageWindow);
            span = to - from;
        }
        if (from >= 0)
            block.newMessages = m_query->newMessages(call.seq, from, to);
    }
    block.seconds = -1;
    if (m_start.isValid() && !block.events.empty()) {
        const QDateTime at = QDateTime::fromString(block.events.front().timestamp, Qt::ISODateWithMs);
        if (at.isValid())
            block.seconds = double(m_start.msecsTo(at)) / 1000;
    }
}
