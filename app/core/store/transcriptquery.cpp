// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptquery.h"

#include "attachmentresolver.h"
#include "chunkstore.h"
#include "messageindex.h"
#include "pooledinput.h"
#include "postgressearch.h"
#include "searchquery.h"
#include "sqlitedb.h"
#include "storeconnection.h"
#include "storeschema.h"
#include "json/jsonvalues.h"

#include <QDateTime>
#include <algorithm>
#include <cmath>
#include <limits>

/// The readers of the sample's chunks and attachments, kept from call to call.
struct TranscriptQuery::Readers {
    Readers(SqliteDb& db, qint64 sampleId)
        : db(db)
        , chunks(db)
        , attachments(db, chunks)
        , pooled(db, chunks, attachments, sampleId)
    {
    }
    SqliteDb& db;
    ChunkReader chunks;
    AttachmentResolver attachments;
    PooledInput pooled;
};

TranscriptQuery::TranscriptQuery(Store& store, qint64 sampleId, Store* origin)
    : m_store(store)
    , m_origin(origin)
    , m_sampleId(sampleId)
    , m_readers(std::make_unique<Readers>(StoreConnection::of(store), sampleId))
{
    m_readers->attachments.setSample(sampleId);
}

TranscriptQuery::~TranscriptQuery() = default;

int TranscriptQuery::count()
{
    m_listed.clear();
    if (m_type.isEmpty()) {
        // Steps are numbered from 0 without gaps: the row of an event is its step, and the count the last step's
        // successor, found in the index (a count would walk all the sample's rows).
        return lastStep() + 1;
    }
    m_listed = steps(m_type);
    return int(m_listed.size());
}

std::vector<int> TranscriptQuery::steps(const QString& type)
{
    SqliteStatement query(m_readers->db, "SELECT seqs FROM event_steps WHERE sample_id = ? AND type = ?");
    query.bind(1, m_sampleId);
    query.bind(2, type);
    return query.step() ? StoreSchema::parseSteps(query.blob(0)) : std::vector<int>();
}

double TranscriptQuery::sampleTime(double workingStart)
{
    if (m_latestTime < 0) {
        // The longest the sample can have run: its total and working times, and the wall time its events span.
        SqliteStatement sample(m_readers->db, R"sql(SELECT IFNULL(total_time, 0), IFNULL(working_time, 0),
            (SELECT timestamp FROM events WHERE sample_id = ?1 ORDER BY seq LIMIT 1),
            (SELECT timestamp FROM events WHERE sample_id = ?1 ORDER BY seq DESC LIMIT 1) FROM samples WHERE id = ?1)sql");
        sample.bind(1, m_sampleId);
        double latest = 0;
        if (sample.step()) {
            const QDateTime first = QDateTime::fromString(sample.text(2), Qt::ISODateWithMs);
            const QDateTime last = QDateTime::fromString(sample.text(3), Qt::ISODateWithMs);
            const double span = first.isValid() && last.isValid() ? double(first.msecsTo(last)) / 1000 : 0;
            latest = std::max({ sample.real(0), sample.real(1), span });
        }
        m_latestTime = latest > 0 ? latest + 1 : std::numeric_limits<double>::infinity();
    }
    // Early events of some logs carry the host's monotonic clock (hours or weeks): they come before the sample's
    // clock starts.
    return std::isnan(workingStart) || workingStart < 0 || workingStart > m_latestTime ? 0 : workingStart;
}

void TranscriptQuery::loadStructure()
{
    m_structureLoaded = true;
    m_modelCalls = steps(QStringLiteral("model"));
    m_spanBegins = steps(QStringLiteral("span_begin"));
    m_spanEnds = steps(QStringLiteral("span_end"));
}

std::vector<EventRow> TranscriptQuery::events(int row, int limit)
{
    if (!m_structureLoaded)
        loadStructure();
    static const char* const columns = R"sql(SELECT seq, type, timestamp, working_start, summary, model,
        input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, cost FROM events WHERE sample_id = ?1 AND )sql";
    SqliteStatement query;
    if (m_type.isEmpty()) {
        // Steps are numbered from 0 without gaps: the rows from `row` on are the steps from `row` on.
        query.prepare(m_readers->db, (QByteArray(columns) + "seq >= ?2 ORDER BY seq LIMIT ?3").constData());
        query.bind(2, row);
        query.bind(3, limit);
    } else {
        // Just the listed steps of this page, however far apart they lie.
        const size_t first = size_t(std::max(row, 0));
        const size_t end = std::min(m_listed.size(), first + size_t(std::max(limit, 0)));
        QByteArray page = "[";
        for (size_t i = first; i < end; ++i)
            page += (i > first ? "," : "") + QByteArray::number(m_listed[i]);
        page += ']';
        query.prepare(
            m_readers->db, (QByteArray(columns) + "seq IN (SELECT value FROM json_each(?2)) ORDER BY seq").constData());
        query.bind(2, page);
    }
    query.bind(1, m_sampleId);
    std::vector<EventRow> rows;
    while (query.step()) {
        EventRow row;
        row.seq = int(query.integer(0));
        row.type = query.text(1);
        row.timestamp = query.text(2);
        row.workingStart = sampleTime(query.real(3));
        row.summary = query.text(4);
        row.model = query.text(5);
        row.inputTokens = query.integer(6);
        row.cacheReadTokens = query.integer(7);
        row.cacheWriteTokens = query.integer(8);
        row.outputTokens = query.integer(9);
        row.loggedCost = query.real(10);
        row.turn = int(std::upper_bound(m_modelCalls.begin(), m_modelCalls.end(), row.seq) - m_modelCalls.begin());
        // Spans opened before this event and not yet closed; a span's own end sits at its opening's depth.
        const int opened
            = int(std::upper_bound(m_spanBegins.begin(), m_spanBegins.end(), row.seq) - m_spanBegins.begin());
        const int closed = int(std::upper_bound(m_spanEnds.begin(), m_spanEnds.end(), row.seq) - m_spanEnds.begin());
        row.depth = std::max(0, opened - closed - (row.type == QLatin1String("span_begin") ? 1 : 0));
        rows.push_back(std::move(row));
    }
    return rows;
}

QString TranscriptQuery::summary(const QString& stored)
{
    return AttachmentResolver::hasReference(stored) ? oneLine(m_readers->attachments.resolve(stored)) : stored;
}

bool TranscriptQuery::hasAttachmentReference(const QString& text)
{
    return AttachmentResolver::hasReference(text);
}

int TranscriptQuery::rowOf(int seq)
{
    if (m_type.isEmpty())
        return std::max(0, seq);
    return int(std::lower_bound(m_listed.begin(), m_listed.end(), seq) - m_listed.begin());
}

QString TranscriptQuery::payload(int seq, bool withCalls)
{
    SqliteStatement query(
        m_readers->db, "SELECT payload_chunk, payload_slot, type FROM events WHERE sample_id = ? AND seq = ?");
    query.bind(1, m_sampleId);
    query.bind(2, seq);
    if (!query.step())
        return {};
    QString json = m_readers->attachments.resolveJson(
        QString::fromUtf8(m_readers->chunks.item(query.integer(0), int(query.integer(1)))));
    if (query.text(2) != QLatin1String("model"))
        return json;
    if (!m_structureLoaded)
        loadStructure();
    const auto at = std::lower_bound(m_modelCalls.begin(), m_modelCalls.end(), seq);
    const int previous = at == m_modelCalls.begin() ? -1 : *(at - 1);
    return m_readers->pooled.resolve(json.toUtf8(), seq, previous, withCalls);
}

void TranscriptQuery::visitEventRows(
    const std::function<bool(const EventRow&)>& visit, const QStringList& types, int pageSize)
{
    // Keyset pages: each a short read, none holding the statement across the visitor's work on the last page.
    // A model call's summary (its words) is the longest and is left out: the rows are what an analysis reads.
    SqliteStatement query(m_readers->db, R"sql(SELECT seq, type, working_start,
        CASE WHEN type = 'model' THEN NULL ELSE summary END, model, input_tokens, cache_read_tokens,
        cache_write_tokens, output_tokens, cost FROM events WHERE sample_id = ?1 AND seq > ?2
        AND (?4 = '[]' OR type IN (SELECT value FROM json_each(?4))) ORDER BY seq LIMIT ?3)sql");
    QByteArray typeList = "[";
    for (const QString& type : types)
        typeList += (typeList.size() > 1 ? "," : "") + QByteArray("\"") + type.toUtf8() + '"';
    typeList += ']';
    std::vector<EventRow> page;
    int after = -1;
    for (;;) {
        query.reset();
        query.bind(1, m_sampleId);
        query.bind(2, after);
        query.bind(3, pageSize);
        query.bind(4, typeList);
        page.clear();
        while (query.step()) {
            EventRow row;
            row.seq = int(query.integer(0));
            row.type = query.text(1);
            row.workingStart = query.real(2);
            row.summary = query.text(3);
            row.model = query.text(4);
            row.inputTokens = query.integer(5);
            row.cacheReadTokens = query.integer(6);
            row.cacheWriteTokens = query.integer(7);
            row.outputTokens = query.integer(8);
            row.loggedCost = query.real(9);
            page.push_back(std::move(row));
        }
        for (const EventRow& row : page) {
            if (!visit(row))
                return;
        }
        if (int(page.size()) < pageSize)
            return;
        after = page.back().seq;
    }
}

void TranscriptQuery::visitEvents(const std::function<bool(const StoredEvent&)>& visit)
{
    SqliteStatement query(m_readers->db, R"sql(SELECT seq, type, timestamp, span_id, summary, model, input_tokens,
        output_tokens, payload_chunk, payload_slot FROM events WHERE sample_id = ? ORDER BY seq)sql");
    query.bind(1, m_sampleId);
    StoredEvent event;
    while (query.step()) {
        event.seq = int(query.integer(0));
        event.type = query.text(1);
        event.timestamp = query.text(2);
        event.spanId = query.text(3);
        event.summary = summary(query.text(4));
        event.model = query.text(5);
        event.inputTokens = query.integer(6);
        event.outputTokens = query.integer(7);
        event.payload = m_readers->attachments.resolveJson(
            QString::fromUtf8(m_readers->chunks.item(query.integer(8), int(query.integer(9)))));
        if (!visit(event))
            return;
    }
}

void TranscriptQuery::visitMessages(const std::function<bool(const StoredMessage&)>& visit)
{
    SqliteStatement query(m_readers->db, R"sql(SELECT kind, idx, event_seq, role, tool_call_id, function, json_chunk,
        json_slot FROM messages WHERE sample_id = ? ORDER BY kind, idx)sql");
    query.bind(1, m_sampleId);
    StoredMessage message;
    while (query.step()) {
        message.kind = int(query.integer(0));
        message.index = int(query.integer(1));
        message.eventSeq = query.isNull(2) ? -1 : int(query.integer(2));
        message.role = query.text(3);
        message.toolCallId = query.text(4);
        message.function = query.text(5);
        message.json = m_readers->attachments.resolveJson(
            QString::fromUtf8(m_readers->chunks.item(query.integer(6), int(query.integer(7)))));
        if (!visit(message))
            return;
    }
}

QStringList TranscriptQuery::types()
{
    SqliteStatement query(m_readers->db, "SELECT type FROM event_steps WHERE sample_id = ? ORDER BY count DESC, type");
    query.bind(1, m_sampleId);
    QStringList types;
    while (query.step())
        types << query.text(0);
    return types;
}

bool TranscriptQuery::fullyIndexed()
{
    if (m_origin)
        return true;
    SqliteStatement waiting(m_readers->db, R"sql(SELECT EXISTS (SELECT 1 FROM messages WHERE sample_id = ?
        AND id > (SELECT indexed_through FROM search_progress) AND copy_of IS NULL))sql");
    waiting.bind(1, m_sampleId);
    return waiting.step() && waiting.integer(0) == 0;
}

std::vector<int> TranscriptQuery::find(const QString& words, const std::function<bool()>& cancelled,
    const std::function<void(int, int)>& progress, int parts)
{
    // The copy of a sample read from PostgreSQL is not indexed: the server's index answers, as it does for Store::find,
    // in one query that is neither told of nor stopped part way.
    if (m_origin)
        return PostgresSearch(StoreConnection::postgresOf(*m_origin)->db()).steps(SearchQuery(words), m_sampleId);
    return MessageIndex(m_readers->db).steps(SearchQuery(words), m_sampleId, cancelled, progress, parts);
}

int TranscriptQuery::lastStep()
{
    SqliteStatement query(m_readers->db, "SELECT MAX(seq) FROM events WHERE sample_id = ?");
    query.bind(1, m_sampleId);
    return query.step() && !query.isNull(0) ? int(query.integer(0)) : -1;
}

double TranscriptQuery::lastWorkingStart()
{
    SqliteStatement query(
        m_readers->db, "SELECT working_start FROM events WHERE sample_id = ? ORDER BY seq DESC LIMIT 1");
    query.bind(1, m_sampleId);
    return query.step() && !query.isNull(0) ? query.real(0) : 0.0;
}

std::vector<double> TranscriptQuery::workingTimes()
{
    SqliteStatement query(m_readers->db, "SELECT working_start FROM events WHERE sample_id = ? ORDER BY seq");
    query.bind(1, m_sampleId);
    std::vector<double> times;
    double latest = 0;
    while (query.step()) {
        latest = std::max(latest, sampleTime(query.real(0)));
        times.push_back(latest);
    }
    return times;
}

std::vector<EventRow> TranscriptQuery::modelCalls()
{
    SqliteStatement calls(m_readers->db, R"sql(SELECT seq, model, input_tokens, cache_read_tokens, cache_write_tokens,
        output_tokens, cost FROM events WHERE sample_id = ? AND type = 'model' ORDER BY seq)sql");
    calls.bind(1, m_sampleId);
    std::vector<EventRow> rows;
    while (calls.step()) {
        EventRow row;
        row.seq = int(calls.integer(0));
        row.type = QStringLiteral("model");
        row.model = calls.text(1);
        row.inputTokens = calls.integer(2);
        row.cacheReadTokens = calls.integer(3);
        row.cacheWriteTokens = calls.integer(4);
        row.outputTokens = calls.integer(5);
        row.loggedCost = calls.real(6);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<StepMark> TranscriptQuery::marks()
{
    SqliteStatement query(m_readers->db, StoreSchema::marksQuery);
    query.bind(1, m_sampleId);
    std::vector<StepMark> marks;
    while (query.step())
        marks.push_back({ int(query.integer(0)), query.text(1) });
    return marks;
}

std::vector<StepPayload> TranscriptQuery::scoreEvents()
{
    SqliteStatement scores(m_readers->db,
        ("SELECT seq, working_start, payload_chunk, payload_slot FROM events WHERE "
         "sample_id = ?1 AND "
            + StoreSchema::stepsOfType("score") + " ORDER BY seq")
            .constData());
    scores.bind(1, m_sampleId);
    std::vector<StepPayload> events;
    while (scores.step())
        events.push_back({ int(scores.integer(0)), sampleTime(scores.real(1)),
            m_readers->chunks.item(scores.integer(2), int(scores.integer(3))) });
    return events;
}

void TranscriptQuery::visitToolOutputs(
    const std::function<bool(const ToolOutput&)>& visit, const QString& summaryContains)
{
    QByteArray sql = "SELECT seq, working_start, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND "
        + StoreSchema::stepsOfType("tool");
    if (!summaryContains.isEmpty())
        sql += " AND summary LIKE '%' || ?2 || '%'";
    SqliteStatement tools(m_readers->db, (sql + " ORDER BY seq").constData());
    tools.bind(1, m_sampleId);
    if (!summaryContains.isEmpty())
        tools.bind(2, summaryContains);
    while (tools.step()) {
        const QByteArray json = m_readers->chunks.item(tools.integer(2), int(tools.integer(3)));
        rapidjson::Document event;
        if (!parseJson(event, json.constData(), size_t(json.size())))
            continue;
        const ToolOutput output { int(tools.integer(0)), sampleTime(tools.real(1)),
            m_readers->attachments.resolve(stringOf(member(event, "result"))) };
        if (!visit(output))
            return;
    }
}

std::vector<ToolCall> TranscriptQuery::readToolCalls(SqliteStatement& events, size_t expected)
{
    // Rows of seq, payload_chunk, payload_slot: the calls with their arguments.
    std::vector<ToolCall> calls;
    calls.reserve(expected);
    while (events.step()) {
        const QByteArray payload = m_readers->chunks.item(events.integer(1), int(events.integer(2)));
        rapidjson::Document event;
        if (!parseJson(event, payload.constData(), size_t(payload.size())))
            continue;
        const JsonValue* arguments = member(event, "arguments");
        if (arguments)
            calls.push_back({ int(events.integer(0)), stringOf(member(event, "function")), toJson(*arguments) });
    }
    return calls;
}

std::vector<ToolCall> TranscriptQuery::toolCalls(int last)
{
    SqliteStatement events(m_readers->db,
        ("SELECT seq, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND "
            + StoreSchema::stepsOfType("tool") + " AND (?2 < 0 OR seq <= ?2) ORDER BY seq")
            .constData());
    events.bind(1, m_sampleId);
    events.bind(2, last);
    return readToolCalls(events, 0);
}

std::vector<ToolCall> TranscriptQuery::toolCallsAt(const std::vector<int>& steps)
{
    SqliteStatement events(m_readers->db,
        "SELECT seq, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND type = 'tool' AND seq IN "
        "(SELECT value FROM json_each(?2)) ORDER BY seq");
    events.bind(1, m_sampleId);
    events.bind(2, StoreSchema::stepsJson(steps));
    return readToolCalls(events, steps.size());
}

std::vector<ToolOutput> TranscriptQuery::toolOutputsAt(const std::vector<int>& steps)
{
    SqliteStatement events(m_readers->db,
        "SELECT seq, working_start, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND type = 'tool' "
        "AND seq IN (SELECT value FROM json_each(?2)) ORDER BY seq");
    events.bind(1, m_sampleId);
    events.bind(2, StoreSchema::stepsJson(steps));
    std::vector<ToolOutput> outputs;
    while (events.step()) {
        const QByteArray json = m_readers->chunks.item(events.integer(2), int(events.integer(3)));
        rapidjson::Document event;
        if (parseJson(event, json.constData(), size_t(json.size())))
            outputs.push_back({ int(events.integer(0)), sampleTime(events.real(1)),
                m_readers->attachments.resolve(stringOf(member(event, "result"))) });
    }
    return outputs;
}

QString TranscriptQuery::resolveAttachments(const QString& text)
{
    return m_readers->attachments.resolve(text);
}
