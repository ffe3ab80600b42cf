// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "postgressearch.h"

#include "messageindex.h"
#include "postgresdb.h"
#include "searchquery.h"

#include <algorithm>

PostgresSearch::PostgresSearch(PostgresDb& db)
    : m_db(db)
    , m_chunks([&db](qint64 chunk) {
        const PostgresResult row = db.query("SELECT data FROM chunks WHERE id = $1", { QByteArray::number(chunk) });
        return row.rows() == 1 ? row.blob(0, 0) : QByteArray();
    })
    , m_attachments(
          [&db](qint64 sampleId, const QString& hash) {
              const PostgresResult row
                  = db.query("SELECT chunk, slot FROM attachments WHERE sample_id = $1 AND hash = $2",
                      { QByteArray::number(sampleId), hash.toUtf8() });
              return row.rows() == 1 ? ChunkSlot { row.integer(0, 0), int(row.integer(0, 1)) } : ChunkSlot { 0, -1 };
          },
          m_chunks)
{
}

SearchResult PostgresSearch::find(
    const SearchQuery& query, qint64 sampleId, int limit, const std::function<bool()>& cancelled)
{
    SearchResult result;
    if (!query.isValid()) {
        result.error = query.errorString();
        return result;
    }
    const QString tsquery = query.tsquery();
    if (tsquery.isEmpty())
        return result;
    // The index holds a message once; a hit is every place it is in: the message and its copies.
    const PostgresResult rows = m_db.query(R"sql(WITH q AS (SELECT $1::tsquery AS query)
SELECT m.id, m.sample_id, m.event_seq, m.role, m.json_chunk, m.json_slot
FROM message_words w CROSS JOIN q JOIN messages m ON m.id = w.message_id OR m.copy_of = w.message_id
WHERE w.words @@ q.query AND ($2::bigint = 0 OR m.sample_id = $2::bigint)
ORDER BY ts_rank(w.words, q.query) DESC, m.id LIMIT $3::bigint)sql",
        { tsquery.toUtf8(), QByteArray::number(sampleId), QByteArray::number(limit) });
    if (!rows.ok()) {
        result.error = m_db.errorString();
        return result;
    }
    const QStringList words = query.words();
    for (int row = 0; row < rows.rows(); ++row) {
        if (cancelled && cancelled()) {
            result.hits.clear();
            result.cancelled = true;
            return result;
        }
        SearchHit hit;
        hit.messageId = rows.integer(row, 0);
        hit.sampleId = rows.integer(row, 1);
        hit.eventSeq = rows.isNull(row, 2) ? -1 : int(rows.integer(row, 2));
        hit.role = rows.text(row, 3);
        m_attachments.setSample(hit.sampleId);
        hit.snippet = MessageIndex::snippet(
            MessageIndex::messageTextOf(m_chunks.item(rows.integer(row, 4), int(rows.integer(row, 5))), m_attachments),
            words);
        result.hits.push_back(std::move(hit));
    }
    std::vector<SearchHit> errors = findErrors(query, sampleId, limit);
    if (!m_error.isEmpty()) {
        result.hits.clear();
        result.error = m_error;
        return result;
    }
    result.hits = MessageIndex::errorsFirst(std::move(errors), std::move(result.hits), words, limit);
    return result;
}

std::vector<SearchHit> PostgresSearch::findErrors(const SearchQuery& query, qint64 sampleId, int limit)
{
    m_error.clear();
    // The step is the sample's last error event, when its log has one (event_steps keeps the steps as a JSON array).
    const PostgresResult rows = m_db.query(R"sql(WITH q AS (SELECT $1::tsquery AS query)
SELECT s.id, (SELECT (st.seqs::jsonb ->> -1)::integer FROM event_steps st WHERE st.sample_id = s.id
    AND st.type = 'error'), s.error, s.error_traceback
FROM sample_error_words e CROSS JOIN q JOIN samples s ON s.id = e.sample_id
WHERE e.words @@ q.query AND ($2::bigint = 0 OR s.id = $2::bigint)
ORDER BY ts_rank(e.words, q.query) DESC, s.id LIMIT $3::bigint)sql",
        { query.tsquery().toUtf8(), QByteArray::number(sampleId), QByteArray::number(limit) });
    if (!rows.ok()) {
        m_error = m_db.errorString();
        return {};
    }
    std::vector<SearchHit> hits;
    for (int row = 0; row < rows.rows(); ++row) {
        SearchHit hit;
        hit.sampleId = rows.integer(row, 0);
        hit.eventSeq = rows.isNull(row, 1) ? -1 : int(rows.integer(row, 1));
        hit.role = MessageIndex::tr("sample error");
        hit.snippet = rows.text(row, 2);
        if (!rows.isNull(row, 3))
            hit.snippet += QLatin1Char('\n') + rows.text(row, 3);
        hits.push_back(std::move(hit));
    }
    return hits;
}

std::vector<int> PostgresSearch::steps(const SearchQuery& query, qint64 sampleId)
{
    const QString tsquery = query.tsquery();
    if (!query.isValid() || tsquery.isEmpty())
        return {};
    const PostgresResult rows = m_db.query(R"sql(SELECT DISTINCT m.event_seq FROM message_words w
JOIN messages m ON m.id = w.message_id OR m.copy_of = w.message_id
WHERE w.words @@ $1::tsquery AND m.sample_id = $2::bigint AND m.event_seq IS NOT NULL
ORDER BY m.event_seq)sql",
        { tsquery.toUtf8(), QByteArray::number(sampleId) });
    std::vector<int> steps;
    steps.reserve(size_t(rows.rows()));
    for (int row = 0; row < rows.rows(); ++row)
        steps.push_back(int(rows.integer(row, 0)));
    for (const SearchHit& error : findErrors(query, sampleId, 1)) {
        if (error.eventSeq >= 0 && !std::binary_search(steps.begin(), steps.end(), error.eventSeq))
            steps.insert(std::lower_bound(steps.begin(), steps.end(), error.eventSeq), error.eventSeq);
    }
    return steps;
}
