// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "postgresmirror.h"

#include "postgresdb.h"
#include "sqlitedb.h"

#include <QCoreApplication>

namespace {
struct MirroredTable {
    const char* name;
    const char* columns;
    const char* where; ///< $1: the sample's id
    int pageRows; ///< rows a fetch: a chunk is up to 256 KB compressed
};

// In the order their references need.
const MirroredTable sampleTables[] = {
    { "files", "id, path, size, mtime, hash, status, error, imported_at, shared_messages, differing_messages",
        "id = (SELECT r.file_id FROM runs r JOIN samples s ON s.run_id = r.id WHERE s.id = $1)", 1 },
    { "runs",
        "id, file_id, log_version, status, eval_id, run_id, eval_set_id, task, task_id, model, created, "
        "inspect_version, started_at, completed_at, error, epochs, message_limit, token_limit, time_limit, "
        "working_limit, cost_limit, total_samples, completed_samples, config",
        "id = (SELECT run_id FROM samples WHERE id = $1)", 1 },
    { "samples",
        "id, run_id, sample_id, epoch, target, metadata, program, tier, language, total_time, working_time, "
        "started_at, completed_at, uuid, error, limit_type, limit_value, message_count, event_count, score, solved, "
        "from_summary, marked_steps, error_traceback",
        "id = $1", 1 },
    { "sample_scores", "sample_id, scorer, value_json, value, answer, explanation, metadata",
        "sample_id = $1 ORDER BY ord", 256 },
    { "sample_usage",
        "sample_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, cache_write_tokens, "
        "reasoning_tokens, total_cost",
        "sample_id = $1 ORDER BY ord", 256 },
    { "chunks", "id, sample_id, data", "sample_id = $1 ORDER BY id", 32 },
    { "events",
        "id, sample_id, seq, type, timestamp, working_start, span_id, summary, model, input_tokens, output_tokens, "
        "cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, payload_chunk, payload_slot",
        "sample_id = $1 ORDER BY id", 4096 },
    { "messages", "id, sample_id, kind, idx, event_seq, role, tool_call_id, function, json_chunk, json_slot, copy_of",
        "sample_id = $1 ORDER BY id", 4096 },
    { "attachments", "sample_id, hash, chunk, slot", "sample_id = $1", 4096 },
    { "model_calls", "sample_id, idx, json", "sample_id = $1", 256 },
    { "event_steps", "sample_id, type, count, seqs", "sample_id = $1", 64 },
};
}

PostgresMirror::PostgresMirror(PostgresDb& from, SqliteDb& to)
    : m_from(from)
    , m_to(to)
{
}

bool PostgresMirror::fail(const QString& error)
{
    m_error = error;
    m_from.exec("ROLLBACK");
    m_to.exec("ROLLBACK");
    return false;
}

bool PostgresMirror::copySample(qint64 sampleId)
{
    m_error.clear();
    // One snapshot of the server: an import committing meanwhile is not half seen.
    if (!m_from.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        return fail(m_from.errorString());
    if (!m_to.exec("BEGIN"))
        return fail(m_to.errorString());
    for (const MirroredTable& table : sampleTables) {
        if (!copyTable(table.name, table.columns, table.where, sampleId, table.pageRows))
            return false;
    }
    if (!m_to.exec("COMMIT"))
        return fail(m_to.errorString());
    m_from.exec("COMMIT");
    return true;
}

bool PostgresMirror::copyTable(const char* table, const char* columns, const char* where, qint64 id, int pageRows)
{
    const QByteArray declare = "DECLARE runlens_mirror NO SCROLL CURSOR FOR SELECT " + QByteArray(columns) + " FROM "
        + table + " WHERE " + where;
    if (!m_from.query(declare.constData(), { QByteArray::number(id) }).ok())
        return fail(QLatin1String(table) + QStringLiteral(": ") + m_from.errorString());
    const int count = int(QByteArray(columns).count(',')) + 1;
    QByteArray insert = "INSERT INTO " + QByteArray(table) + " (" + columns + ") VALUES (?";
    for (int column = 1; column < count; ++column)
        insert += ", ?";
    insert += ')';
    SqliteStatement into(m_to, insert.constData());
    if (!into.isValid())
        return fail(QLatin1String(table) + QStringLiteral(": ") + m_to.errorString());
    const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(pageRows) + " FROM runlens_mirror";
    for (;;) {
        const PostgresResult page = m_from.query(fetch.constData());
        if (!page.ok())
            return fail(QLatin1String(table) + QStringLiteral(": ") + m_from.errorString());
        for (int row = 0; row < page.rows(); ++row) {
            for (int column = 0; column < count; ++column) {
                const int index = column + 1;
                if (page.isNull(row, column)) {
                    into.bindNull(index);
                    continue;
                }
                switch (page.kind(column)) {
                case PostgresResult::Kind::Integer:
                    into.bind(index, page.integer(row, column));
                    break;
                case PostgresResult::Kind::Real:
                    into.bind(index, page.real(row, column));
                    break;
                case PostgresResult::Kind::Bytes:
                    into.bindBlob(index, page.blob(row, column));
                    break;
                case PostgresResult::Kind::Text:
                    into.bind(index, page.bytes(row, column));
                    break;
                }
            }
            if (!into.exec())
                return fail(QLatin1String(table) + QStringLiteral(": ") + m_to.errorString());
        }
        if (page.rows() < pageRows)
            break;
    }
    return m_from.exec("CLOSE runlens_mirror") || fail(m_from.errorString());
}
