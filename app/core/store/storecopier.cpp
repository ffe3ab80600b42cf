// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "storecopier.h"

#include "importer.h"
#include "messageindex.h"
#include "postgresschema.h"
#include "postgresstore.h"
#include "searchquery.h"
#include "sqlitedb.h"
#include "store.h"
#include "storeconnection.h"

#include "analysis/samplefilter.h"

#include <QCoreApplication>
#include <sqlite3.h>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("StoreCopier", text);
}

/// COPY rows are sent to the server a mebibyte at a time.
constexpr qsizetype copyBatch = 1 << 20;

enum Ids { FileIds, RunIds, SampleIds, ChunkIds, EventIds, MessageIds, SuiteIds, RerunIds, IdKinds };
// How a column's value is written: as it is, as bytes (bytea, a BLOB), or as an id shifted into the block reserved in
// the target (one of Ids).
constexpr int plain = -1;
constexpr int bytes = -2;

/// One value of a row read from the source, where the source keeps it until the next row.
struct Value {
    enum Type { Null, Integer, Real, Text, Blob };
    Type type = Null;
    qint64 integer = 0;
    double real = 0;
    const char* data = nullptr;
    qsizetype size = 0;
};

/// Receives a row's values; false stops the reading (the receiver says why).
using RowReceiver = std::function<bool(const Value* values)>;

// The samples of file $1. `$1` is a parameter in both SQL dialects: SQLite takes it as a named one, the same each time.
#define RUNLENS_SAMPLES_OF_FILE "(SELECT s.id FROM samples s JOIN runs r ON r.id = s.run_id WHERE r.file_id = $1)"

/// A table's rows of one file, and how each column is written.
struct Table {
    const char* name;
    const char* columns;
    const char* rows; ///< the condition that chooses the file's rows, $1 its id
    /// "id", "" (any order), or "insertion": the order SQLite keeps by rowid and PostgreSQL by the `ord` column
    const char* order;
    std::vector<int> kinds; ///< plain, bytes, or the Ids the column's value is shifted as
    enum Counted { Nothing, Samples, Events } counted = Nothing;
    /// Tables only a store on PostgreSQL has: copied from one to another, made anew from the rows otherwise.
    bool postgresOnly = false;
    int pageRows = 4096; ///< rows a fetch from PostgreSQL: a chunk is up to 256 KB compressed
};

// The tables copied, in the order their references need.
const std::vector<Table>& tables()
{
    static const std::vector<Table> all = {
        { "files", "id, path, size, mtime, hash, status, error, imported_at, shared_messages, differing_messages",
            "id = $1", "", { FileIds, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "runs",
            "id, file_id, log_version, status, eval_id, run_id, eval_set_id, task, task_id, model, created, "
            "inspect_version, started_at, completed_at, error, epochs, message_limit, token_limit, time_limit, "
            "working_limit, cost_limit, total_samples, completed_samples, config",
            "file_id = $1", "id",
            { RunIds, FileIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain,
                plain, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "run_metrics", "run_id, scorer, name, value", "run_id IN (SELECT id FROM runs WHERE file_id = $1)",
            "insertion", { RunIds, plain, plain, plain } },
        { "run_usage",
            "run_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, cache_write_tokens, "
            "reasoning_tokens, total_cost",
            "run_id IN (SELECT id FROM runs WHERE file_id = $1)", "insertion",
            { RunIds, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "samples",
            "id, run_id, sample_id, epoch, target, metadata, program, tier, language, total_time, working_time, "
            "started_at, completed_at, uuid, error, limit_type, limit_value, message_count, event_count, score, "
            "solved, from_summary, marked_steps, error_traceback",
            "id IN " RUNLENS_SAMPLES_OF_FILE, "id",
            { SampleIds, RunIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain,
                plain, plain, plain, plain, plain, plain, plain, plain, plain, plain },
            Table::Samples },
        { "sample_scores", "sample_id, scorer, value_json, value, answer, explanation, metadata",
            "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "insertion",
            { SampleIds, plain, plain, plain, plain, plain, plain } },
        { "sample_usage",
            "sample_id, model, input_tokens, output_tokens, total_tokens, cache_read_tokens, cache_write_tokens, "
            "reasoning_tokens, total_cost",
            "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "insertion",
            { SampleIds, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "chunks", "id, sample_id, data", "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "id",
            { ChunkIds, SampleIds, bytes }, Table::Nothing, false, 32 },
        { "events",
            "id, sample_id, seq, type, timestamp, working_start, span_id, summary, model, input_tokens, "
            "output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost, payload_chunk, payload_slot",
            "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "id",
            { EventIds, SampleIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain,
                plain, ChunkIds, plain },
            Table::Events },
        { "messages",
            "id, sample_id, kind, idx, event_seq, role, tool_call_id, function, json_chunk, json_slot, copy_of",
            "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "id",
            { MessageIds, SampleIds, plain, plain, plain, plain, plain, plain, ChunkIds, plain, MessageIds } },
        { "attachments", "sample_id, hash, chunk, slot", "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "",
            { SampleIds, plain, ChunkIds, plain } },
        { "model_calls", "sample_id, idx, json", "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "",
            { SampleIds, plain, plain }, Table::Nothing, false, 256 },
        { "event_steps", "sample_id, type, count, seqs", "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "",
            { SampleIds, plain, plain, plain } },
        { "test_suites", "id, name, program, path, imported_at",
            "id IN (SELECT suite_id FROM reruns WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ")", "id",
            { SuiteIds, plain, plain, plain, plain } },
        { "test_cases", "suite_id, test_id, held_out, json",
            "suite_id IN (SELECT suite_id FROM reruns WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ")", "",
            { SuiteIds, plain, plain, plain } },
        { "reruns",
            "id, sample_id, suite_id, step, created, passed, failed, visible_passed, visible_total, held_out_passed, "
            "held_out_total, build_error, uncertain_steps",
            "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "id",
            { RerunIds, SampleIds, SuiteIds, plain, plain, plain, plain, plain, plain, plain, plain, plain, plain } },
        { "rerun_results", "rerun_id, test_id, passed, outcome, exit_code, seconds, diff",
            "rerun_id IN (SELECT id FROM reruns WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ")", "",
            { RerunIds, plain, plain, plain, plain, plain, plain } },
        { "message_words", "message_id, words",
            "message_id IN (SELECT id FROM messages WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE ")", "",
            { MessageIds, plain }, Table::Nothing, true },
        { "sample_error_words", "sample_id, words", "sample_id IN " RUNLENS_SAMPLES_OF_FILE, "", { SampleIds, plain },
            Table::Nothing, true },
    };
    return all;
}

/// The ids of each kind a file's rows have in the source, as the block of the target's ids they are shifted into.
const char* const idRanges[] = {
    "SELECT CAST($1 AS BIGINT), CAST($1 AS BIGINT)",
    "SELECT MIN(id), MAX(id) FROM runs WHERE file_id = $1",
    "SELECT MIN(id), MAX(id) FROM samples WHERE id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM chunks WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM events WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM messages WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
    "SELECT MIN(id), MAX(id) FROM test_suites WHERE id IN (SELECT suite_id FROM reruns WHERE sample_id "
    "IN " RUNLENS_SAMPLES_OF_FILE ")",
    "SELECT MIN(id), MAX(id) FROM reruns WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE,
};
const char* const idTables[] = { "files", "runs", "samples", "chunks", "events", "messages", "test_suites", "reruns" };

/// The bytes a value takes, counted as the row data read.
qint64 sizeOf(const Value& value)
{
    return value.type == Value::Text || value.type == Value::Blob ? value.size : 8;
}
}

/// Where the rows come from: one consistent reading of the store per file.
class StoreCopier::Source {
public:
    virtual ~Source() = default;
    /// Begins and ends one consistent reading.
    virtual bool begin() = 0;
    virtual void end() = 0;
    /// Calls `receive` with each row of `sql` ($1: `id`), fetched `pageRows` at a time where that matters. False
    /// when the source failed (errorString()) or `receive` returned false.
    virtual bool rows(const QByteArray& sql, qint64 id, int pageRows, const RowReceiver& receive) = 0;
    /// What "insertion" order is ordered by.
    virtual const char* insertionOrder() const = 0;
    /// The SQLite connection of a SQLite source, whose messages' text the copier reads to index them; else null.
    virtual SqliteDb* sqlite() { return nullptr; }
    QString errorString() const { return m_error; }

protected:
    QString m_error;
};

class StoreCopier::SqliteSource : public Source {
public:
    explicit SqliteSource(SqliteDb& db)
        : m_db(db)
    {
    }
    bool begin() override { return m_db.exec("BEGIN") || fail(); }
    void end() override { m_db.exec("COMMIT"); }
    const char* insertionOrder() const override { return "rowid"; }
    SqliteDb* sqlite() override { return &m_db; }

    bool rows(const QByteArray& sql, qint64 id, int, const RowReceiver& receive) override
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_db.handle(), sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            return fail();
        const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> finalize(statement, &sqlite3_finalize);
        if (sqlite3_bind_parameter_count(statement) > 0)
            sqlite3_bind_int64(statement, 1, id);
        const int columns = sqlite3_column_count(statement);
        std::vector<Value> values(static_cast<size_t>(columns));
        int result = SQLITE_ROW;
        while ((result = sqlite3_step(statement)) == SQLITE_ROW) {
            for (int column = 0; column < columns; ++column) {
                Value& value = values[size_t(column)];
                switch (sqlite3_column_type(statement, column)) {
                case SQLITE_NULL:
                    value = Value();
                    break;
                case SQLITE_INTEGER:
                    value.type = Value::Integer;
                    value.integer = sqlite3_column_int64(statement, column);
                    break;
                case SQLITE_FLOAT:
                    value.type = Value::Real;
                    value.real = sqlite3_column_double(statement, column);
                    break;
                case SQLITE_BLOB:
                    value.type = Value::Blob;
                    value.data = static_cast<const char*>(sqlite3_column_blob(statement, column));
                    value.size = sqlite3_column_bytes(statement, column);
                    break;
                default:
                    value.type = Value::Text;
                    value.data = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
                    value.size = sqlite3_column_bytes(statement, column);
                }
            }
            if (!receive(values.data()))
                return false;
        }
        return result == SQLITE_DONE || fail();
    }

private:
    bool fail()
    {
        m_error = m_db.errorString();
        return false;
    }

    SqliteDb& m_db;
};

class StoreCopier::PostgresSource : public Source {
public:
    explicit PostgresSource(PostgresDb& db)
        : m_db(db)
    {
    }
    // One snapshot of the server: an import committing meanwhile is not half seen.
    bool begin() override { return m_db.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") || fail(); }
    void end() override { m_db.exec("COMMIT"); }
    const char* insertionOrder() const override { return "ord"; }

    bool rows(const QByteArray& sql, qint64 id, int pageRows, const RowReceiver& receive) override
    {
        const QByteArray declare = "DECLARE runlens_copy NO SCROLL CURSOR FOR " + sql;
        const bool parameter = sql.contains("$1");
        if (!m_db.query(declare.constData(),
                     parameter ? std::vector { QByteArray::number(id) } : std::vector<QByteArray> {})
                 .ok())
            return fail();
        const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(pageRows) + " FROM runlens_copy";
        std::vector<Value> values;
        std::vector<QByteArray> decoded; // bytea values, decoded from their hex form
        for (;;) {
            const PostgresResult page = m_db.query(fetch.constData());
            if (!page.ok())
                return fail();
            const int columns = page.columns();
            values.resize(size_t(columns));
            decoded.resize(size_t(columns));
            std::vector<PostgresResult::Kind> kinds;
            kinds.reserve(size_t(columns));
            for (int column = 0; column < columns; ++column)
                kinds.push_back(page.kind(column));
            for (int row = 0; row < page.rows(); ++row) {
                for (int column = 0; column < columns; ++column) {
                    Value& value = values[size_t(column)];
                    if (page.isNull(row, column)) {
                        value = Value();
                        continue;
                    }
                    switch (kinds[size_t(column)]) {
                    case PostgresResult::Kind::Integer:
                        value.type = Value::Integer;
                        value.integer = page.integer(row, column);
                        break;
                    case PostgresResult::Kind::Real:
                        value.type = Value::Real;
                        value.real = page.real(row, column);
                        break;
                    case PostgresResult::Kind::Bytes:
                        value.type = Value::Blob;
                        decoded[size_t(column)] = page.blob(row, column);
                        value.data = decoded[size_t(column)].constData();
                        value.size = decoded[size_t(column)].size();
                        break;
                    case PostgresResult::Kind::Text:
                        value.type = Value::Text;
                        value.data = page.data(row, column);
                        value.size = page.length(row, column);
                        break;
                    }
                }
                if (!receive(values.data())) {
                    m_db.exec("CLOSE runlens_copy");
                    return false;
                }
            }
            if (page.rows() < pageRows)
                break;
        }
        return m_db.exec("CLOSE runlens_copy") || fail();
    }

private:
    bool fail()
    {
        m_error = m_db.errorString();
        return false;
    }

    PostgresDb& m_db;
};

/// Where the rows go: one transaction a file.
class StoreCopier::Target {
public:
    virtual ~Target() = default;
    /// Begins the file's transaction; `there`: the target holds its content already (and nothing was begun).
    virtual bool begin(const File& file, bool* there) = 0;
    /// Moves the target's ids of `table` past a block of `count` and gives its first.
    virtual bool reserve(const char* table, qint64 count, qint64* start) = 0;
    virtual bool beginTable(const Table& table) = 0;
    /// Writes a row, its ids shifted by `offsets` (one an Ids kind).
    virtual bool row(const Table& table, const Value* values, const qint64* offsets) = 0;
    /// Ends the table's rows, after an error too; false when they were refused.
    virtual bool endTable(bool written) = 0;
    /// What the target makes of the file's rows beyond them, once they are all written.
    virtual bool derive(Source& from, qint64 fileId, const qint64* offsets) = 0;
    virtual bool commit() = 0;
    virtual void rollback() = 0;
    /// After the last file, when a file was copied: makes the target ready to read.
    virtual bool finish() = 0;
    /// Whether it keeps `table`, copied from `from`.
    virtual bool keeps(const Table& table, Source& from) const = 0;
    QString errorString() const { return m_error; }

protected:
    QString m_error;
};

class StoreCopier::SqliteTarget : public Target {
public:
    explicit SqliteTarget(Store& store)
        : m_store(store)
        , m_db(StoreConnection::of(store))
    {
    }

    bool begin(const File& file, bool* there) override
    {
        if (!m_db.exec("BEGIN IMMEDIATE"))
            return fail();
        // As Importer's: the same content imported since messages are stored once is there.
        SqliteStatement known(m_db, R"sql(SELECT 1 FROM files WHERE hash = ? AND status = 'imported'
            AND shared_messages IS NOT NULL)sql");
        known.bind(1, file.hash);
        *there = known.step();
        if (known.failed())
            return fail();
        if (*there) {
            m_db.exec("ROLLBACK");
            return true;
        }
        return Importer::removeReplaced(m_db, file.path, file.hash, &m_error);
    }

    bool reserve(const char* table, qint64, qint64* start) override
    {
        // Past every id the table has had: messages and chunks are never given an id again (AUTOINCREMENT), and the
        // rows written in the block move sqlite_sequence past it. The transaction holds the write lock.
        const QByteArray sql = QByteArray("SELECT MAX(COALESCE((SELECT MAX(id) FROM ") + table
            + "), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '" + table + "'), 0)) + 1";
        SqliteStatement next(m_db, sql.constData());
        if (!next.step())
            return fail();
        *start = next.integer(0);
        return true;
    }

    bool beginTable(const Table& table) override
    {
        QByteArray insert = "INSERT INTO " + QByteArray(table.name) + " (" + table.columns + ") VALUES (?";
        for (size_t column = 1; column < table.kinds.size(); ++column)
            insert += ", ?";
        insert += ')';
        sqlite3_stmt* statement = nullptr;
        const bool prepared
            = sqlite3_prepare_v2(m_db.handle(), insert.constData(), -1, &statement, nullptr) == SQLITE_OK;
        m_insert.reset(statement);
        return prepared || fail();
    }

    bool row(const Table& table, const Value* values, const qint64* offsets) override
    {
        sqlite3_stmt* statement = m_insert.get();
        for (int column = 0; column < int(table.kinds.size()); ++column) {
            const Value& value = values[column];
            const int kind = table.kinds[size_t(column)];
            const int index = column + 1;
            switch (value.type) {
            case Value::Null:
                sqlite3_bind_null(statement, index);
                break;
            case Value::Integer:
                sqlite3_bind_int64(statement, index, value.integer + (kind >= 0 ? offsets[kind] : 0));
                break;
            case Value::Real:
                sqlite3_bind_double(statement, index, value.real);
                break;
            case Value::Text:
            case Value::Blob:
                if (kind == bytes)
                    sqlite3_bind_blob64(statement, index, value.data, sqlite3_uint64(value.size), SQLITE_STATIC);
                else
                    sqlite3_bind_text64(
                        statement, index, value.data, sqlite3_uint64(value.size), SQLITE_STATIC, SQLITE_UTF8);
                break;
            }
        }
        const int result = sqlite3_step(statement);
        sqlite3_reset(statement);
        return result == SQLITE_DONE || fail();
    }

    bool endTable(bool written) override
    {
        m_insert.reset();
        return written;
    }

    // The messages are indexed for search after the last file (finish), as an import indexes them; the samples'
    // errors are indexed by the store's triggers as they are written.
    bool derive(Source&, qint64, const qint64*) override { return true; }

    bool commit() override { return m_db.exec("COMMIT") || fail(); }
    void rollback() override { m_db.exec("ROLLBACK"); }

    bool finish() override
    {
        QString error;
        if (m_store.indexMessages({}, &error))
            return true;
        m_error = error;
        return false;
    }

    bool keeps(const Table& table, Source&) const override { return !table.postgresOnly; }

private:
    bool fail()
    {
        m_error = m_db.errorString();
        return false;
    }

    Store& m_store;
    SqliteDb& m_db;
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> m_insert { nullptr, &sqlite3_finalize };
};

class StoreCopier::PostgresTarget : public Target {
public:
    explicit PostgresTarget(PostgresStore& store)
        : m_db(store.db())
    {
        m_buffer.reserve(copyBatch + 4096);
    }

    bool begin(const File& file, bool* there) override
    {
        // Copiers into the target take turns.
        const QByteArray lock = "SELECT pg_advisory_xact_lock(" + QByteArray::number(PostgresSchema::lockKey) + ")";
        if (!m_db.exec("BEGIN") || !m_db.exec(lock.constData()))
            return fail();
        const PostgresResult known
            = m_db.query("SELECT 1 FROM files WHERE hash = $1 AND status = 'imported'", { file.hash.toUtf8() });
        if (!known.ok())
            return fail();
        *there = known.rows() > 0;
        if (*there)
            m_db.exec("ROLLBACK");
        return true;
    }

    bool reserve(const char* table, qint64 count, qint64* start) override
    {
        // The block [start, start + count): the sequence is moved past it (under the copiers' lock, so no other
        // copier takes ids in between).
        const PostgresResult block
            = m_db.query(R"sql(WITH next AS (SELECT nextval(pg_get_serial_sequence($1, 'id')) AS start)
SELECT start, setval(pg_get_serial_sequence($1, 'id'), start + $2::bigint - 1) FROM next)sql",
                { QByteArray(table), QByteArray::number(count) });
        if (block.rows() != 1)
            return fail();
        *start = block.integer(0, 0);
        return true;
    }

    bool beginTable(const Table& table) override
    {
        const QByteArray copy = "COPY " + QByteArray(table.name) + " (" + table.columns + ") FROM STDIN";
        m_buffer.clear();
        return m_db.beginCopy(copy.constData()) || fail();
    }

    bool row(const Table& table, const Value* values, const qint64* offsets) override
    {
        for (int column = 0; column < int(table.kinds.size()); ++column) {
            if (column > 0)
                m_buffer += '\t';
            const Value& value = values[column];
            const int kind = table.kinds[size_t(column)];
            switch (value.type) {
            case Value::Null:
                PostgresDb::copyNull(m_buffer);
                break;
            case Value::Integer:
                m_buffer += QByteArray::number(value.integer + (kind >= 0 ? offsets[kind] : 0));
                break;
            case Value::Real:
                m_buffer += QByteArray::number(value.real, 'g', 17);
                break;
            case Value::Text:
            case Value::Blob:
                if (kind == bytes)
                    PostgresDb::copyBytea(m_buffer, value.data, value.size);
                else
                    PostgresDb::copyText(m_buffer, value.data, value.size);
            }
        }
        m_buffer += '\n';
        return send(false);
    }

    bool endTable(bool written) override
    {
        // The COPY is ended even after an error, so that the connection can roll back.
        const bool sent = written && send(true);
        const bool ended = m_db.endCopy();
        if (written && (!sent || !ended))
            m_error = m_db.errorString();
        return written && sent && ended;
    }

    bool derive(Source& from, qint64 fileId, const qint64* offsets) override
    {
        // From PostgreSQL, the words were copied as they are (message_words, sample_error_words).
        SqliteDb* source = from.sqlite();
        return !source || copyWords(*source, fileId, offsets);
    }

    bool commit() override { return m_db.exec("COMMIT") || fail(); }
    void rollback() override { m_db.exec("ROLLBACK"); }

    bool finish() override
    {
        // The planner's statistics of the tables just filled, rather than when autovacuum comes by: measured on
        // 10,000 samples, `runlens-cli runs` took 3.5 to 3.7 s before and 1.2 s after. ANALYZE reads a bounded sample.
        return m_db.exec("ANALYZE") || fail();
    }

    bool keeps(const Table& table, Source& from) const override { return !table.postgresOnly || !from.sqlite(); }

private:
    bool fail()
    {
        m_error = m_db.errorString();
        return false;
    }

    /// Sends the rows gathered once they reach a batch, or all that is left when `last`.
    bool send(bool last)
    {
        if (m_buffer.isEmpty() || (!last && m_buffer.size() < copyBatch))
            return true;
        const bool sent = m_db.putCopyData(m_buffer);
        m_buffer.clear();
        return sent;
    }

    /// Fills the search tables of the file's messages (not their copies) and samples' errors: their tsvectors, made
    /// by SearchQuery::tsvector from the source's rows, streamed with COPY.
    bool copyWords(SqliteDb& source, qint64 fileId, const qint64* offsets)
    {
        // The vectors are made here, not by to_tsvector() on the server: measured on the monster's 126,000 messages,
        // sending their texts and making the vectors there took 146 s, where its whole SQLite import took 17 s.
        const auto send = [this](const char* copy, SqliteStatement& rows,
                              const std::function<QString(SqliteStatement&)>& text, qint64 offset) {
            if (!m_db.beginCopy(copy))
                return false;
            m_buffer.clear();
            bool sent = true;
            while (sent && rows.step()) {
                const QByteArray words = SearchQuery::tsvector(text(rows));
                if (words.isEmpty())
                    continue;
                m_buffer += QByteArray::number(rows.integer(0) + offset) + '\t';
                PostgresDb::copyText(m_buffer, words.constData(), words.size());
                m_buffer += '\n';
                sent = this->send(false);
            }
            if (sent)
                sent = this->send(true);
            return m_db.endCopy() && sent && !rows.failed();
        };
        MessageIndex index(source);
        SqliteStatement messages(source,
            "SELECT id FROM messages WHERE sample_id IN " RUNLENS_SAMPLES_OF_FILE " AND copy_of IS NULL ORDER BY id");
        messages.bind(1, fileId);
        SqliteStatement errors(source,
            "SELECT id, error, error_traceback FROM samples WHERE id IN " RUNLENS_SAMPLES_OF_FILE
            " AND (error IS NOT NULL OR error_traceback IS NOT NULL) ORDER BY id");
        errors.bind(1, fileId);
        if (!send(
                "COPY message_words (message_id, words) FROM STDIN", messages,
                [&index](SqliteStatement& row) { return index.text(row.integer(0)); }, offsets[MessageIds])
            || !send(
                "COPY sample_error_words (sample_id, words) FROM STDIN", errors,
                [](SqliteStatement& row) { return row.text(1) + QLatin1Char('\n') + row.text(2); },
                offsets[SampleIds])) {
            m_error = QStringLiteral("message_words: ") + m_db.errorString();
            return false;
        }
        return true;
    }

    PostgresDb& m_db;
    QByteArray m_buffer;
};

StoreCopier::StoreCopier(Store& from)
{
    if (PostgresStore* postgres = StoreConnection::postgresOf(from))
        m_from = std::make_unique<PostgresSource>(postgres->db());
    else
        m_from = std::make_unique<SqliteSource>(StoreConnection::of(from));
}

StoreCopier::~StoreCopier() = default;

bool StoreCopier::listFiles(std::vector<File>* files, QString* error)
{
    if (!m_from->begin()) {
        *error = m_from->errorString();
        return false;
    }
    const bool read = m_from->rows("SELECT f.id, f.path, f.hash, r.id FROM files f LEFT JOIN runs r ON r.file_id = "
                                   "f.id WHERE f.status = 'imported' AND f.id > $1 ORDER BY f.id, r.id",
        0, 4096, [files](const Value* values) {
            if (files->empty() || files->back().id != values[0].integer) {
                File file;
                file.id = values[0].integer;
                file.path = QString::fromUtf8(values[1].data, values[1].size);
                file.hash = QString::fromUtf8(values[2].data, values[2].size);
                files->push_back(file);
            }
            if (values[3].type == Value::Integer)
                files->back().runs.insert(values[3].integer);
            return true;
        });
    m_from->end();
    if (!read)
        *error = m_from->errorString();
    return read;
}

QString StoreCopier::select(const Selection& selection)
{
    m_selection = selection;
    if (selection.files.isEmpty())
        return {};
    std::vector<File> files;
    QString error;
    if (!listFiles(&files, &error))
        return error;
    QStringList known;
    for (const File& file : files)
        known << file.path << file.hash;
    for (const QString& wanted : selection.files) {
        if (!known.contains(wanted)) {
            QStringList paths;
            for (const File& file : files)
                paths << file.path;
            return unknownValueMessage(tr("file"), wanted, paths);
        }
    }
    return {};
}

bool StoreCopier::copyInto(Store& to, const std::function<void(const Outcome&)>& done, QString* error)
{
    std::unique_ptr<Target> target;
    if (PostgresStore* postgres = StoreConnection::postgresOf(to))
        target = std::make_unique<PostgresTarget>(*postgres);
    else
        target = std::make_unique<SqliteTarget>(to);
    std::vector<File> files;
    if (!listFiles(&files, error))
        return false;
    bool copied = false;
    for (const File& file : files) {
        if (m_selection && (m_selection->runs || !m_selection->files.isEmpty())) {
            const bool named = m_selection->files.contains(file.path) || m_selection->files.contains(file.hash);
            if (!named && !(m_selection->runs && m_selection->runs->intersects(file.runs)))
                continue;
        }
        const Outcome outcome = copyFile(*target, file);
        copied = copied || outcome.kind == Outcome::Kind::Copied;
        done(outcome);
    }
    if (copied && m_finish && !target->finish()) {
        *error = target->errorString();
        return false;
    }
    return true;
}

StoreCopier::Outcome StoreCopier::copyFile(Target& to, const File& file)
{
    Outcome outcome;
    outcome.path = file.path;
    const auto fail = [&](const QString& error) {
        to.rollback();
        m_from->end();
        outcome.kind = Outcome::Kind::Failed;
        outcome.error = error;
        return outcome;
    };
    if (!m_from->begin())
        return fail(m_from->errorString());
    bool there = false;
    if (!to.begin(file, &there))
        return fail(to.errorString());
    if (there) {
        m_from->end();
        outcome.kind = Outcome::Kind::AlreadyThere;
        return outcome;
    }
    // A block of the target's ids for each kind of row of the file, and how far the source's ids move into it.
    qint64 offsets[IdKinds] = {};
    for (int kind = 0; kind < IdKinds; ++kind) {
        Value first;
        Value last;
        const bool read = m_from->rows(idRanges[kind], file.id, 1, [&](const Value* values) {
            first = values[0];
            last = values[1];
            return true;
        });
        if (!read)
            return fail(m_from->errorString());
        if (first.type != Value::Integer)
            continue;
        qint64 start = 0;
        if (!to.reserve(idTables[kind], last.integer - first.integer + 1, &start))
            return fail(to.errorString());
        offsets[kind] = start - first.integer;
    }
    for (const Table& table : tables()) {
        if (!to.keeps(table, *m_from))
            continue;
        QByteArray sql = "SELECT " + QByteArray(table.columns) + " FROM " + table.name + " WHERE " + table.rows;
        if (*table.order)
            sql += " ORDER BY "
                + QByteArray(qstrcmp(table.order, "insertion") == 0 ? m_from->insertionOrder() : table.order);
        if (!to.beginTable(table))
            return fail(to.errorString());
        bool written = true;
        const bool read = m_from->rows(sql, file.id, table.pageRows, [&](const Value* values) {
            for (size_t column = 0; column < table.kinds.size(); ++column)
                outcome.bytes += sizeOf(values[column]);
            outcome.samples += table.counted == Table::Samples ? 1 : 0;
            outcome.events += table.counted == Table::Events ? 1 : 0;
            written = to.row(table, values, offsets);
            return written;
        });
        const bool ended = to.endTable(written);
        if (!written || !ended)
            return fail(QString::fromLatin1(table.name) + QStringLiteral(": ") + to.errorString());
        if (!read)
            return fail(QString::fromLatin1(table.name) + QStringLiteral(": ") + m_from->errorString());
    }
    if (!to.derive(*m_from, file.id, offsets) || !to.commit())
        return fail(to.errorString());
    m_from->end();
    outcome.kind = Outcome::Kind::Copied;
    return outcome;
}
