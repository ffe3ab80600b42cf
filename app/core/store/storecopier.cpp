// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "storecopier.h"

#include "messageindex.h"
#include "postgresschema.h"
#include "postgresstore.h"
#include "searchquery.h"
#include "sqlitedb.h"
#include "storeconnection.h"

#include <QCoreApplication>
#include <functional>
#include <sqlite3.h>

namespace {
/// COPY rows are sent to the server a mebibyte at a time.
constexpr qsizetype copyBatch = 1 << 20;

/// Sends the rows gathered in `buffer` once they reach a batch, or all that is left when `last`, counting the bytes
/// sent; false when the server took none of them.
bool sendRows(PostgresDb& target, QByteArray& buffer, qint64& bytes, bool last)
{
    if (buffer.isEmpty() || (!last && buffer.size() < copyBatch))
        return true;
    bytes += buffer.size();
    const bool sent = target.putCopyData(buffer);
    buffer.clear();
    return sent;
}

// How a column's value is written: as it is, as bytea, or as an id shifted into the block reserved in the target.
constexpr int plain = -1;
constexpr int bytea = -2;

// The samples of file ?1 in the source.
#define RUNLENS_SAMPLES_OF_FILE "(SELECT s.id FROM samples s JOIN runs r ON r.id = s.run_id WHERE r.file_id = ?1)"

/// Prepared SQLite statement, finalised with it.
class SourceRows {
public:
    SourceRows(sqlite3* db, const char* sql, qint64 fileId)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) == SQLITE_OK)
            sqlite3_bind_int64(m_statement, 1, fileId);
    }
    ~SourceRows() { sqlite3_finalize(m_statement); }
    SourceRows(const SourceRows&) = delete;
    SourceRows& operator=(const SourceRows&) = delete;
    sqlite3_stmt* statement() const { return m_statement; }
    /// SQLITE_ROW while there are rows, SQLITE_DONE after the last, else an error.
    int step() { return m_statement ? sqlite3_step(m_statement) : SQLITE_ERROR; }

private:
    sqlite3_stmt* m_statement = nullptr;
};
}

struct StoreCopier::Table {
    const char* copy; ///< COPY ... FROM STDIN, naming the target's columns
    const char* select; ///< the file's rows in the source (?1: its id), the columns in the same order
    std::vector<int> columns; ///< plain, bytea, or the Ids the column's value is shifted as
};

namespace {
const char* const idRanges[] = {
    "SELECT ?1, ?1",
    "SELECT MIN(id), MAX(id) FROM runs WHERE file_id = ?1",
    "SELECT MIN(id), MAX(id) FROM samples WHERE id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM chunks WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM events WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM messages WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM test_suites WHERE id IN (SELECT suite_id FROM reruns WHERE sample_id "
    "IN " RUNLENS_SAMPLES_OF_FILE ")",
    "SELECT MIN(id), MAX(id) FROM reruns WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
};
const char* const idTables[] = { "files", "runs", "samples", "chunks", "events", "messages", "test_suites", "reruns" };
}

StoreCopier::StoreCopier(Store& from, PostgresStore& to)
    : m_from(StoreConnection::of(from))
    , m_to(to)
{
}

StoreCopier::~StoreCopier() = default;

bool StoreCopier::copyAll(const std::function<void(const Outcome&)>& done, QString* error)
{
    std::vector<std::tuple<qint64, QString, QString>> files;
    {
        SqliteStatement query(m_from, "SELECT id, path, hash FROM files WHERE status = 'imported' ORDER BY id");
        while (query.step())
            files.emplace_back(query.integer(0), query.text(1), query.text(2));
        if (query.failed()) {
            *error = m_from.errorString();
            return false;
        }
    }
    bool copied = false;
    for (const auto& [id, path, hash] : files) {
        const Outcome outcome = copyFile(id, path, hash);
        copied = copied || outcome.kind == Outcome::Kind::Copied;
        done(outcome);
    }
    // The planner's statistics of the tables just filled, rather than when autovacuum comes by: measured on 10,000
    // samples, `runlens-cli runs` took 3.5 to 3.7 s before and 1.2 s after. ANALYZE reads a bounded sample of rows.
    if (copied && m_analyze)
        m_to.db().exec("ANALYZE");
    return true;
}

const std::vector<StoreCopier::Table>& StoreCopier::tables()
{
    static const std::vector<Table> all = {
        { "COPY files (id, path, size, mtime, hash, status, error, imported_at, shared_messages, differing_messages) "
          "FROM STDIN",
            "SELECT id, path, size, mtime, hash, status, error, imported_at, shared_messages, differing_messages FROM "
            "files WHERE id = ?1",
            { FileIds, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "COPY runs (id, file_id, log_version, status, eval_id, run_id, eval_set_id, task, task_id, model, created, "
          "inspect_version, started_at, completed_at, error, epochs, message_limit, token_limit, time_limit, "
          "working_limit, cost_limit, total_samples, completed_samples, config) FROM STDIN",
            "SELECT id, file_id, log_version, status, eval_id, run_id, eval_set_id, task, task_id, model, created, "
            "inspect_version, started_at, completed_at, error, epochs, message_limit, token_limit, time_limit, "
            "working_limit, cost_limit, total_samples, completed_samples, config FROM runs WHERE file_id = ?1 ORDER BY "
            "id",
            { RunIds, FileIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain,
                plain, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "COPY run_metrics (run_id, scorer, name, value) FROM STDIN",
            "SELECT run_id, scorer, name, value FROM run_metrics WHERE run_id IN (SELECT id FROM runs WHERE file_id = "
            "?1) ORDER BY rowid",
            { RunIds, plain, plain, plain } },
        { "COPY run_usage (run_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, "
          "cache_write_tokens, reasoning_tokens, total_cost) FROM STDIN",
            "SELECT run_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, cache_write_tokens, "
            "reasoning_tokens, total_cost FROM run_usage WHERE run_id IN (SELECT id FROM runs WHERE file_id = ?1) "
            "ORDER BY rowid",
            { RunIds, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "COPY samples (id, run_id, sample_id, epoch, target, metadata, program, tier, language, total_time, "
          "working_time, started_at, completed_at, uuid, error, limit_type, limit_value, message_count, event_count, "
          "score, solved, from_summary, marked_steps, error_traceback) FROM STDIN",
            "SELECT id, run_id, sample_id, epoch, target, metadata, program, tier, language, total_time, working_time, "
            "started_at, completed_at, uuid, error, limit_type, limit_value, message_count, event_count, score, "
            "solved, from_summary, marked_steps, error_traceback FROM samples WHERE id IN " RUNLENS_SAMPLES_OF_FILE
            " ORDER BY id",
            { SampleIds, RunIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain,
                plain, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "COPY sample_scores (sample_id, scorer, value_json, value, answer, explanation, metadata) FROM STDIN",
            "SELECT sample_id, scorer, value_json, value, answer, explanation, metadata FROM sample_scores WHERE "
            "sample_id IN " RUNLENS_SAMPLES_OF_FILE " ORDER BY rowid",
            { SampleIds, plain, plain, plain, plain, plain, plain } },
        { "COPY sample_usage (sample_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, "
          "cache_write_tokens, reasoning_tokens, total_cost) FROM STDIN",
            "SELECT sample_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, "
            "cache_write_tokens, reasoning_tokens, total_cost FROM sample_usage WHERE sample_id "
            "IN " RUNLENS_SAMPLES_OF_FILE " ORDER BY rowid",
            { SampleIds, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "COPY chunks (id, sample_id, data) FROM STDIN",
            "SELECT id, sample_id, data FROM chunks WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE " ORDER BY id",
            { ChunkIds, SampleIds, bytea } },
        { "COPY events (id, sample_id, seq, type, timestamp, working_start, span_id, summary, model, input_tokens, "
          "output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, payload_chunk, payload_slot) "
          "FROM STDIN",
            "SELECT id, sample_id, seq, type, timestamp, working_start, span_id, summary, model, input_tokens, "
            "output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, payload_chunk, payload_slot "
            "FROM events WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE " ORDER BY id",
            { EventIds, SampleIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain,
                plain, ChunkIds, plain } },
        { "COPY messages (id, sample_id, kind, idx, event_seq, role, tool_call_id, function, json_chunk, json_slot, "
          "copy_of) FROM STDIN",
            "SELECT id, sample_id, kind, idx, event_seq, role, tool_call_id, function, json_chunk, json_slot, copy_of "
            "FROM messages WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE " ORDER BY id",
            { MessageIds, SampleIds, plain, plain, plain, plain, plain, plain, ChunkIds, plain, MessageIds } },
        { "COPY attachments (sample_id, hash, chunk, slot) FROM STDIN",
            "SELECT sample_id, hash, chunk, slot FROM attachments WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
            { SampleIds, plain, ChunkIds, plain } },
        { "COPY model_calls (sample_id, idx, json) FROM STDIN",
            "SELECT sample_id, idx, json FROM model_calls WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
            { SampleIds, plain, plain } },
        { "COPY event_steps (sample_id, type, count, seqs) FROM STDIN",
            "SELECT sample_id, type, count, seqs FROM event_steps WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
            { SampleIds, plain, plain, plain } },
        { "COPY test_suites (id, name, program, path, imported_at) FROM STDIN",
            "SELECT id, name, program, path, imported_at FROM test_suites WHERE id IN (SELECT suite_id FROM reruns "
            "WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ") ORDER BY id",
            { SuiteIds, plain, plain, plain, plain } },
        { "COPY test_cases (suite_id, test_id, held_out, json) FROM STDIN",
            "SELECT suite_id, test_id, held_out, json FROM test_cases WHERE suite_id IN (SELECT suite_id FROM reruns "
            "WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ")",
            { SuiteIds, plain, plain, plain } },
        { "COPY reruns (id, sample_id, suite_id, step, created, passed, failed, visible_passed, visible_total, "
          "held_out_passed, held_out_total, build_error, uncertain_steps) FROM STDIN",
            "SELECT id, sample_id, suite_id, step, created, passed, failed, visible_passed, visible_total, "
            "held_out_passed, held_out_total, build_error, uncertain_steps FROM reruns WHERE sample_id "
            "IN " RUNLENS_SAMPLES_OF_FILE " ORDER BY id",
            { RerunIds, SampleIds, SuiteIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "COPY rerun_results (rerun_id, test_id, passed, outcome, exit_code, seconds, diff) FROM STDIN",
            "SELECT rerun_id, test_id, passed, outcome, exit_code, seconds, diff FROM rerun_results WHERE rerun_id IN "
            "(SELECT id FROM reruns WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ")",
            { RerunIds, plain, plain, plain, plain, plain, plain } },
    };
    return all;
}

StoreCopier::Outcome StoreCopier::copyFile(qint64 fileId, const QString& path, const QString& hash)
{
    Outcome outcome;
    outcome.path = path;
    PostgresDb& target = m_to.db();
    const auto fail = [&](const QString& error) {
        target.exec("ROLLBACK");
        m_from.exec("ROLLBACK");
        outcome.kind = Outcome::Kind::Failed;
        outcome.error = error;
        return outcome;
    };
    // One consistent reading of the source, one transaction in the target; copiers into the target take turns.
    if (!m_from.exec("BEGIN"))
        return fail(m_from.errorString());
    const QByteArray lock = "SELECT pg_advisory_xact_lock(" + QByteArray::number(PostgresSchema::lockKey) + ")";
    if (!target.exec("BEGIN") || !target.exec(lock.constData()))
        return fail(target.errorString());
    const PostgresResult known
        = target.query("SELECT 1 FROM files WHERE hash = $1 AND status = 'imported'", { hash.toUtf8() });
    if (!known.ok())
        return fail(target.errorString());
    if (known.rows() > 0) {
        target.exec("ROLLBACK");
        m_from.exec("ROLLBACK");
        outcome.kind = Outcome::Kind::AlreadyThere;
        return outcome;
    }
    if (!reserveIds(fileId))
        return fail(m_error);
    for (const Table& table : tables()) {
        if (!copyTable(table, fileId, outcome))
            return fail(m_error);
    }
    if (!copyWords(fileId, outcome))
        return fail(m_error);
    if (!target.exec("COMMIT"))
        return fail(target.errorString());
    m_from.exec("COMMIT");
    outcome.kind = Outcome::Kind::Copied;
    return outcome;
}

bool StoreCopier::reserveIds(qint64 fileId)
{
    for (int kind = 0; kind < IdKinds; ++kind) {
        SourceRows range(m_from.handle(), idRanges[kind], fileId);
        if (range.step() != SQLITE_ROW) {
            m_error = m_from.errorString();
            return false;
        }
        m_offsets[kind] = 0;
        if (sqlite3_column_type(range.statement(), 0) == SQLITE_NULL)
            continue;
        const qint64 first = sqlite3_column_int64(range.statement(), 0);
        const qint64 last = sqlite3_column_int64(range.statement(), 1);
        // The block [start, start + count): the sequence is moved past it (under the copiers' lock, so no other
        // copier takes ids in between).
        const PostgresResult block
            = m_to.db().query(R"sql(WITH next AS (SELECT nextval(pg_get_serial_sequence($1, 'id')) AS start)
SELECT start, setval(pg_get_serial_sequence($1, 'id'), start + $2::bigint - 1) FROM next)sql",
                { QByteArray(idTables[kind]), QByteArray::number(last - first + 1) });
        if (block.rows() != 1) {
            m_error = m_to.db().errorString();
            return false;
        }
        m_offsets[kind] = block.integer(0, 0) - first;
    }
    return true;
}

bool StoreCopier::copyTable(const Table& table, qint64 fileId, Outcome& outcome)
{
    PostgresDb& target = m_to.db();
    SourceRows rows(m_from.handle(), table.select, fileId);
    if (!rows.statement()) {
        m_error = m_from.errorString();
        return false;
    }
    if (!target.beginCopy(table.copy)) {
        m_error = target.errorString();
        return false;
    }
    sqlite3_stmt* row = rows.statement();
    QByteArray buffer;
    buffer.reserve(copyBatch + 4096);
    int result = SQLITE_ROW;
    bool sent = true;
    while (sent && (result = rows.step()) == SQLITE_ROW) {
        for (int column = 0; column < int(table.columns.size()); ++column) {
            if (column > 0)
                buffer += '\t';
            const int kind = table.columns[size_t(column)];
            switch (sqlite3_column_type(row, column)) {
            case SQLITE_NULL:
                PostgresDb::copyNull(buffer);
                break;
            case SQLITE_INTEGER:
                buffer += QByteArray::number(sqlite3_column_int64(row, column) + (kind >= 0 ? m_offsets[kind] : 0));
                break;
            case SQLITE_FLOAT:
                buffer += QByteArray::number(sqlite3_column_double(row, column), 'g', 17);
                break;
            default: {
                const auto* data = static_cast<const char*>(sqlite3_column_blob(row, column));
                const int size = sqlite3_column_bytes(row, column);
                if (kind == bytea)
                    PostgresDb::copyBytea(buffer, data, size);
                else
                    PostgresDb::copyText(buffer, data, size);
            }
            }
        }
        buffer += '\n';
        if (table.columns[1] == SampleIds && table.columns[0] == EventIds)
            ++outcome.events;
        if (table.columns[0] == SampleIds && table.columns[1] == RunIds)
            ++outcome.samples;
        sent = sendRows(target, buffer, outcome.bytes, false);
    }
    if (sent)
        sent = sendRows(target, buffer, outcome.bytes, true);
    // The COPY is ended even after an error, so that the connection can roll back.
    const bool ended = target.endCopy();
    if (result != SQLITE_DONE && sent) {
        m_error = m_from.errorString();
        return false;
    }
    if (!sent || !ended) {
        m_error = QString::fromLatin1(table.copy).section(QLatin1Char(' '), 1, 1) + QStringLiteral(": ")
            + target.errorString();
        return false;
    }
    return true;
}

bool StoreCopier::copyWords(qint64 fileId, Outcome& outcome)
{
    PostgresDb& target = m_to.db();
    // The vectors are made here, not by to_tsvector() on the server: measured on the monster's 126,000 messages,
    // sending their texts and making the vectors there took 146 s, where its whole SQLite import took 17 s.
    const auto send = [&](const char* copy, SqliteStatement& rows, const std::function<QString(SqliteStatement&)>& text,
                          qint64 offset) {
        if (!target.beginCopy(copy))
            return false;
        QByteArray buffer;
        bool sent = true;
        while (sent && rows.step()) {
            const QByteArray words = SearchQuery::tsvector(text(rows));
            if (words.isEmpty())
                continue;
            buffer += QByteArray::number(rows.integer(0) + offset) + '\t';
            PostgresDb::copyText(buffer, words.constData(), words.size());
            buffer += '\n';
            sent = sendRows(target, buffer, outcome.bytes, false);
        }
        if (sent)
            sent = sendRows(target, buffer, outcome.bytes, true);
        return target.endCopy() && sent && !rows.failed();
    };
    MessageIndex index(m_from);
    SqliteStatement messages(m_from,
        "SELECT id FROM messages WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE " AND copy_of IS NULL ORDER BY id");
    messages.bind(1, fileId);
    SqliteStatement errors(m_from,
        "SELECT id, error, error_traceback FROM samples WHERE id IN " RUNLENS_SAMPLES_OF_FILE
        " AND (error IS NOT NULL OR error_traceback IS NOT NULL) ORDER BY id");
    errors.bind(1, fileId);
    if (!send(
            "COPY message_words (message_id, words) FROM STDIN", messages,
            [&index](SqliteStatement& row) { return index.text(row.integer(0)); }, m_offsets[MessageIds])
        || !send(
            "COPY sample_error_words (sample_id, words) FROM STDIN", errors,
            [](SqliteStatement& row) { return row.text(1) + QLatin1Char('\n') + row.text(2); }, m_offsets[SampleIds])) {
        m_error = QStringLiteral("message_words: ") + target.errorString();
        return false;
    }
    return true;
}
