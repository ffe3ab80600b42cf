// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "conversationquery.h"

#include "attachmentresolver.h"
#include "chunkstore.h"
#include "sqlitedb.h"
#include "storeconnection.h"
#include "storeschema.h"

/// The readers of the sample's chunks and attachments, kept from call to call.
struct ConversationQuery::Readers {
    explicit Readers(SqliteDb& db)
        : db(db)
        , chunks(db)
        , attachments(db, chunks)
    {
    }
    SqliteDb& db;
    ChunkReader chunks;
    AttachmentResolver attachments;
};

QString ConversationQuery::resolvedJson(const QByteArray& json)
{
    // Replaced in the JSON's text, escaped as string content: nothing is parsed here, the renderer parses once.
    return m_readers->attachments.resolveJson(QString::fromUtf8(json));
}

ConversationQuery::ConversationQuery(Store& store, qint64 sampleId)
    : m_sampleId(sampleId)
    , m_readers(std::make_unique<Readers>(StoreConnection::ofTranscript(store, sampleId)))
{
    m_readers->attachments.setSample(sampleId);
}

ConversationQuery::~ConversationQuery() = default;

int ConversationQuery::eventCount()
{
    // The last step, found in the index: a count would walk all 337,000 rows of the largest samples.
    SqliteStatement query(m_readers->db, "SELECT MAX(seq) + 1 FROM events WHERE sample_id = ?");
    query.bind(1, m_sampleId);
    return query.step() ? int(query.integer(0)) : 0;
}

std::vector<int> ConversationQuery::steps(const QString& type)
{
    SqliteStatement query(m_readers->db, "SELECT seqs FROM event_steps WHERE sample_id = ? AND type = ?");
    query.bind(1, m_sampleId);
    query.bind(2, type);
    return query.step() ? StoreSchema::parseSteps(query.blob(0)) : std::vector<int>();
}

QString ConversationQuery::firstTimestamp()
{
    SqliteStatement query(m_readers->db,
        "SELECT timestamp FROM events WHERE sample_id = ? AND timestamp IS NOT NULL ORDER BY seq LIMIT 1");
    query.bind(1, m_sampleId);
    return query.step() ? query.text(0) : QString();
}

std::vector<ConversationEvent> ConversationQuery::events(int first, int last, int limit)
{
    SqliteStatement query(m_readers->db, R"sql(SELECT seq, type, timestamp, model, input_tokens, cache_read_tokens,
        cache_write_tokens, output_tokens, payload_chunk, payload_slot FROM events
        WHERE sample_id = ? AND seq >= ? AND seq <= ? ORDER BY seq LIMIT ?)sql");
    query.bind(1, m_sampleId);
    query.bind(2, first);
    query.bind(3, last);
    query.bind(4, limit);
    std::vector<ConversationEvent> events;
    while (query.step()) {
        ConversationEvent event;
        event.seq = int(query.integer(0));
        event.type = query.text(1);
        event.timestamp = query.text(2);
        event.model = query.text(3);
        event.inputTokens = query.integer(4) + query.integer(5) + query.integer(6);
        event.outputTokens = query.integer(7);
        event.payload = resolvedJson(m_readers->chunks.item(query.integer(8), int(query.integer(9))));
        events.push_back(std::move(event));
    }
    return events;
}

std::vector<ConversationMessage> ConversationQuery::newMessages(int seq, int fromIndex, int toIndex)
{
    SqliteStatement query(m_readers->db, R"sql(SELECT event_seq, role, json_chunk, json_slot FROM messages
        WHERE sample_id = ? AND kind = 0 AND idx >= ? AND idx < ? AND event_seq = ? ORDER BY idx)sql");
    query.bind(1, m_sampleId);
    query.bind(2, fromIndex);
    query.bind(3, toIndex);
    query.bind(4, seq);
    std::vector<ConversationMessage> messages;
    while (query.step()) {
        messages.push_back({ int(query.integer(0)), query.text(1),
            resolvedJson(m_readers->chunks.item(query.integer(2), int(query.integer(3)))) });
    }
    return messages;
}
