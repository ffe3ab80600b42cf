// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "storeschema.h"

#include "inspect/sampleparser.h"
#include "sqlitedb.h"
#include "json/jsonvalues.h"

#include <QCoreApplication>
#include <algorithm>

namespace {
// Migration N brings a store from version N-1 to N. Append new ones; never edit a released one.
const char* const migrations[] = {
    // 1: the first schema.
    R"sql(
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER,
    mtime INTEGER,
    hash TEXT,
    status TEXT NOT NULL,          -- imported | failed
    error TEXT,
    imported_at TEXT
);
CREATE INDEX files_by_hash ON files(hash);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    log_version INTEGER,
    status TEXT,
    eval_id TEXT,
    run_id TEXT,
    eval_set_id TEXT,
    task TEXT,
    task_id TEXT,
    model TEXT,
    created TEXT,
    inspect_version TEXT,
    started_at TEXT,
    completed_at TEXT,
    error TEXT,
    epochs INTEGER,
    message_limit REAL,
    token_limit REAL,
    time_limit REAL,
    working_limit REAL,
    cost_limit REAL,
    total_samples INTEGER,
    completed_samples INTEGER,
    config TEXT
);
CREATE INDEX runs_by_file ON runs(file_id);

CREATE TABLE run_metrics (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    scorer TEXT,
    name TEXT NOT NULL,
    value REAL                     -- NULL: NaN in the log
);
CREATE INDEX run_metrics_by_run ON run_metrics(run_id);

CREATE TABLE run_usage (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    input_tokens INTEGER, output_tokens INTEGER, total_tokens INTEGER,
    cache_read_tokens INTEGER, cache_write_tokens INTEGER, reasoning_tokens INTEGER,
    total_cost REAL
);
CREATE INDEX run_usage_by_run ON run_usage(run_id);

CREATE TABLE samples (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    sample_id TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    target TEXT,
    metadata TEXT,
    program TEXT,
    tier TEXT,
    language TEXT,
    total_time REAL,
    working_time REAL,
    started_at TEXT,
    completed_at TEXT,
    uuid TEXT,
    error TEXT,
    limit_type TEXT,
    limit_value REAL,
    message_count INTEGER,
    event_count INTEGER,
    score REAL,                    -- numeric value of the first score; NULL = unscored
    solved INTEGER,                -- 1, 0, NULL = unscored
    from_summary INTEGER NOT NULL DEFAULT 0,
    UNIQUE (run_id, sample_id, epoch)
);

CREATE TABLE sample_scores (
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    scorer TEXT,
    value_json TEXT,
    value REAL,
    answer TEXT,
    explanation TEXT,
    metadata TEXT
);
CREATE INDEX sample_scores_by_sample ON sample_scores(sample_id);

CREATE TABLE sample_usage (
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    input_tokens INTEGER, output_tokens INTEGER, total_tokens INTEGER,
    cache_read_tokens INTEGER, cache_write_tokens INTEGER, reasoning_tokens INTEGER,
    total_cost REAL
);
CREATE INDEX sample_usage_by_sample ON sample_usage(sample_id);

-- Events, message JSON and attachments are packed into zstd chunks (see ChunkWriter); chunk_item(chunk, slot)
-- reads one back in SQL.
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
CREATE INDEX chunks_by_sample ON chunks(sample_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    timestamp TEXT,
    working_start REAL,
    span_id TEXT,
    summary TEXT,
    model TEXT,
    input_tokens INTEGER, output_tokens INTEGER,
    cache_read_tokens INTEGER, cache_write_tokens INTEGER, reasoning_tokens INTEGER,
    cost REAL,
    payload_chunk INTEGER,         -- the event's JSON; model input as input_refs into the message pool
    payload_slot INTEGER
);
CREATE UNIQUE INDEX events_by_sample ON events(sample_id, seq);

-- AUTOINCREMENT: the full-text index is contentless, and a reused id would match a deleted message's words.
CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    kind INTEGER NOT NULL,         -- 0: pool (model input), 1: the sample's final messages
    idx INTEGER NOT NULL,
    event_seq INTEGER,             -- first event that reads it
    role TEXT,
    tool_call_id TEXT,
    function TEXT,
    json_chunk INTEGER,
    json_slot INTEGER
);
CREATE UNIQUE INDEX messages_by_sample ON messages(sample_id, kind, idx);

CREATE TABLE attachments (
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    hash TEXT NOT NULL,
    chunk INTEGER NOT NULL,
    slot INTEGER NOT NULL,
    PRIMARY KEY (sample_id, hash)
) WITHOUT ROWID;

CREATE TABLE model_calls (
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,          -- position in events_data.calls, which a model event's call_refs index
    json TEXT,
    PRIMARY KEY (sample_id, idx)
) WITHOUT ROWID;

CREATE TABLE test_suites (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    program TEXT,                  -- the MirrorCode program it tests
    path TEXT,
    imported_at TEXT
);

CREATE TABLE test_cases (
    suite_id INTEGER NOT NULL REFERENCES test_suites(id) ON DELETE CASCADE,
    test_id TEXT NOT NULL,
    held_out INTEGER NOT NULL,
    json TEXT NOT NULL,            -- the test as a JSONL line
    PRIMARY KEY (suite_id, test_id)
) WITHOUT ROWID;

-- A re-execution of a suite on a sample's code: the final code or the code as it stood at one step.
CREATE TABLE reruns (
    id INTEGER PRIMARY KEY,
    sample_id INTEGER REFERENCES samples(id) ON DELETE CASCADE,
    suite_id INTEGER REFERENCES test_suites(id) ON DELETE SET NULL,
    step INTEGER,                  -- event seq the workspace was rebuilt at; NULL: a workspace given as is
    created TEXT,
    passed INTEGER, failed INTEGER,
    visible_passed INTEGER, visible_total INTEGER,
    held_out_passed INTEGER, held_out_total INTEGER,
    build_error TEXT,
    uncertain_steps INTEGER        -- steps before this one whose effect on files could not be followed
);
CREATE INDEX reruns_by_sample ON reruns(sample_id, step);

CREATE TABLE rerun_results (
    rerun_id INTEGER NOT NULL REFERENCES reruns(id) ON DELETE CASCADE,
    test_id TEXT NOT NULL,
    passed INTEGER NOT NULL,
    outcome TEXT,
    exit_code INTEGER,
    seconds REAL,
    diff TEXT,
    PRIMARY KEY (rerun_id, test_id)
) WITHOUT ROWID;

-- The searchable text of each message (content, tool calls, errors; attachments resolved), indexed only:
-- the text itself is rebuilt from the message's JSON. Rowid = messages.id.
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='');
-- Fewer, larger merges while a big sample is indexed (measured: 8% faster import of the monster sample).
INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 16);
)sql",
    // 2: what a replay reads of a long transcript at once comes from indexes: its event kinds, and the steps its
    // plot marks (events_marked, replaced in 3).
    R"sql(
CREATE INDEX events_by_type ON events(sample_id, type, seq);
CREATE INDEX events_marked ON events(sample_id, seq) WHERE type IN ('compaction', 'error', 'sample_limit')
    OR summary LIKE 'model error:%' OR summary LIKE '%✗%';
)sql",
    // 3: the full-text index is built after each import, off its path: every message up to `indexed_through`
    // is in it, the ones after are waiting. Message ids only grow (AUTOINCREMENT), so one number says which.
    R"sql(
CREATE TABLE search_progress (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
);
INSERT INTO search_progress VALUES (1, (SELECT COALESCE(MAX(id), 0) FROM messages));
-- Chunk ids are never reused either (AUTOINCREMENT): a reader that cached a chunk by its id, here or on another
-- connection, must never get the old contents for a chunk written after a file was replaced.
CREATE TABLE chunks_once (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    data BLOB NOT NULL
);
INSERT INTO chunks_once (id, sample_id, data) SELECT id, sample_id, data FROM chunks ORDER BY id;
DROP TABLE chunks;
ALTER TABLE chunks_once RENAME TO chunks;
CREATE INDEX chunks_by_sample ON chunks(sample_id);
-- The marks' index, with a condition SQLite evaluates cheaply on each insert: an IN list in it is built anew for
-- every row (measured, inserting 337,000 events: 3.5-4.3 s with the old condition, 2.4-2.9 s with this one).
DROP INDEX events_marked;
CREATE INDEX events_marked ON events(sample_id, seq) WHERE type = 'compaction' OR type = 'error'
    OR type = 'sample_limit' OR summary LIKE 'model error:%' OR instr(summary, '✗') > 0;
)sql",
    // 4: the steps of each event type, one row per sample and type, written once at the end of its sample. They
    // replace the index on (sample_id, type, seq), whose entries landed in the middle of its tree for every event
    // (measured: about 6% of the processor time of storing the monster sample). A model call's row is still read by an
    // index (cost curves): its entries are
    // appended, as the steps only grow.
    R"sql(
CREATE TABLE event_steps (
    sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    count INTEGER NOT NULL,
    seqs TEXT NOT NULL,            -- JSON array of the steps, ascending
    PRIMARY KEY (sample_id, type)
) WITHOUT ROWID;
INSERT INTO event_steps (sample_id, type, count, seqs)
    SELECT sample_id, type, COUNT(*), json_group_array(seq)
    FROM (SELECT sample_id, type, seq FROM events ORDER BY sample_id, type, seq) GROUP BY sample_id, type;
DROP INDEX events_by_type;
CREATE INDEX events_model ON events(sample_id, seq) WHERE type = 'model';
)sql",
    // 5: the steps a replay marks (errors, failed model calls and tools, limits, compactions) are one list per
    // sample, written with it. They replace the events_marked index, whose condition SQLite evaluated on every
    // event written, a search through its summary (measured: a fifth of the cost of inserting an event row).
    R"sql(
ALTER TABLE samples ADD COLUMN marked_steps TEXT;  -- JSON array of steps, ascending
UPDATE samples SET marked_steps = (SELECT json_group_array(seq) FROM (SELECT seq FROM events
    WHERE events.sample_id = samples.id AND (type = 'compaction' OR type = 'error' OR type = 'sample_limit'
    OR summary LIKE 'model error:%' OR instr(summary, '✗') > 0) ORDER BY seq));
DROP INDEX events_marked;
)sql",
    // 6: event summaries are language-neutral (analysis/eventsummary.h): those that held words of Runlens's own, in
    // the language of the program that imported them, are written again from their events (rewriteSummaries).
    "",
    // 7: a message in both the pool and the final conversation (same id, same JSON) is stored once: the second one
    // met is a row of its own that shares the first one's JSON and is not indexed for search again. Files imported
    // before (shared_messages NULL) keep both copies, and are imported again, replacing them, when imported again.
    R"sql(
ALTER TABLE messages ADD COLUMN copy_of INTEGER;  -- the message whose JSON (and search text) this one shares
CREATE INDEX messages_copies ON messages(copy_of) WHERE copy_of IS NOT NULL;
ALTER TABLE files ADD COLUMN shared_messages INTEGER;     -- messages stored as a copy_of another; NULL: before 7
ALTER TABLE files ADD COLUMN differing_messages INTEGER;  -- pool and final messages of one id and different JSON
)sql",
    // 8: a sample's error, its message and its traceback, is searchable with the messages: an index over the samples
    // table's two columns, kept by triggers as samples are written, changed and deleted (with their file).
    R"sql(
ALTER TABLE samples ADD COLUMN error_traceback TEXT;
CREATE VIRTUAL TABLE sample_errors_fts USING fts5(error, error_traceback, content='samples', content_rowid='id');
CREATE TRIGGER sample_errors_insert AFTER INSERT ON samples BEGIN
    INSERT INTO sample_errors_fts (rowid, error, error_traceback) VALUES (new.id, new.error, new.error_traceback);
END;
CREATE TRIGGER sample_errors_delete AFTER DELETE ON samples BEGIN
    INSERT INTO sample_errors_fts (sample_errors_fts, rowid, error, error_traceback)
        VALUES ('delete', old.id, old.error, old.error_traceback);
END;
CREATE TRIGGER sample_errors_update AFTER UPDATE OF error, error_traceback ON samples
    WHEN old.error IS NOT new.error OR old.error_traceback IS NOT new.error_traceback BEGIN
    INSERT INTO sample_errors_fts (sample_errors_fts, rowid, error, error_traceback)
        VALUES ('delete', old.id, old.error, old.error_traceback);
    INSERT INTO sample_errors_fts (rowid, error, error_traceback) VALUES (new.id, new.error, new.error_traceback);
END;
INSERT INTO sample_errors_fts (sample_errors_fts) VALUES ('rebuild');
)sql",
    // 9: what the statistics across runs keep of each sample's anatomy (AnatomySummary), computed on first ask: a query
    // over many long runs then reads one row a sample instead of its transcript. One row a sample; `version` and
    // `basis` (the prices and activity patterns it was computed with) say whether it still holds.
    R"sql(
CREATE TABLE anatomy_summaries (
    sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    basis TEXT NOT NULL,
    summary TEXT NOT NULL           -- JSON
);
)sql",
    // 10: the full-text index of messages keeps which messages hold each word, not where in them (detail=none): on the
    // monster sample 10 MB instead of 83 MB, a third of its store, and indexed in about two thirds of the time. A
    // phrase's messages are found by its words, then told apart from those holding its words apart by FTS5 itself,
    // over their texts in memory (MessageIndex::withPhrases). The index is built anew: every message waits for it
    // (MessageIndex::indexPending, which the import runs, and the search window offers).
    R"sql(
DROP TABLE messages_fts;
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='', detail=none);
INSERT INTO messages_fts (messages_fts, rank) VALUES ('automerge', 16);
UPDATE search_progress SET indexed_through = 0;
)sql",
};
constexpr int migrationCount = int(sizeof(migrations) / sizeof(migrations[0]));
static_assert(migrationCount == StoreSchema::currentVersion);
}

bool StoreSchema::rewriteSummaries(SqliteDb& db)
{
    // The event types whose summaries had words of their own; a model call's only when it failed (a marked step).
    SqliteStatement events(db, R"sql(SELECT id, type, chunk_item(payload_chunk, payload_slot) FROM events e
        WHERE type IN ('score', 'compaction', 'sample_limit', 'state', 'store', 'approval')
        OR (type = 'model' AND seq IN (SELECT value FROM json_each((SELECT marked_steps FROM samples WHERE id = e.sample_id)))))sql");
    std::vector<std::pair<qint64, QString>> summaries;
    while (events.step()) {
        const QByteArray payload = events.bytes(2);
        rapidjson::Document event;
        if (parseJson(event, payload.constData(), size_t(payload.size())))
            summaries.emplace_back(events.integer(0), SampleParser::storedSummary(events.text(1), event));
    }
    if (events.failed())
        return false;
    SqliteStatement update(db, "UPDATE events SET summary = ? WHERE id = ?");
    for (const auto& [id, summary] : summaries) {
        update.bind(1, summary);
        update.bind(2, id);
        if (!update.exec())
            return false;
    }
    return true;
}

int StoreSchema::version(SqliteDb& db)
{
    SqliteStatement query(db, "PRAGMA user_version");
    return query.step() ? int(query.integer(0)) : -1;
}

bool StoreSchema::migrate(SqliteDb& db, QString* error, int target)
{
    for (;;) {
        const int from = version(db);
        if (from < 0) {
            *error = QCoreApplication::translate("Store", "cannot read the store's schema version: %1")
                         .arg(db.errorString());
            return false;
        }
        if (from > currentVersion) {
            *error
                = QCoreApplication::translate("Store", "the store has schema version %1, newer than this Runlens (%2)")
                      .arg(from)
                      .arg(currentVersion);
            return false;
        }
        if (from >= std::min(target, currentVersion))
            return true;
        const int next = from + 1;
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(next);
        const bool locked = db.exec("BEGIN IMMEDIATE");
        // Another connection may have migrated the store while this one waited for the lock: read it again.
        if (locked && version(db) != from) {
            db.exec("ROLLBACK");
            continue;
        }
        if (!locked || !db.exec(migrations[next - 1]) || (next == 6 && !rewriteSummaries(db))
            || !db.exec(setVersion.constData()) || !db.exec("COMMIT")) {
            *error = QCoreApplication::translate("Store", "cannot migrate the store to version %1: %2")
                         .arg(next)
                         .arg(db.errorString());
            db.exec("ROLLBACK");
            return false;
        }
    }
}

QByteArray StoreSchema::stepsOfType(const char* type)
{
    return QByteArray(
               "seq IN (SELECT value FROM json_each((SELECT seqs FROM event_steps WHERE sample_id = ?1 AND type = '")
        + type + "')))";
}

QByteArray StoreSchema::stepsJson(const std::vector<int>& steps)
{
    QByteArray json;
    json.reserve(qsizetype(steps.size()) * 7 + 2);
    json += '[';
    for (size_t i = 0; i < steps.size(); ++i) {
        if (i > 0)
            json += ',';
        json += QByteArray::number(steps[i]);
    }
    json += ']';
    return json;
}

std::vector<int> StoreSchema::parseSteps(const QByteArray& seqs)
{
    std::vector<int> steps;
    int value = 0;
    bool inNumber = false;
    for (const char c : seqs) {
        if (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            inNumber = true;
        } else if (inNumber) {
            steps.push_back(value);
            value = 0;
            inNumber = false;
        }
    }
    // Written in order; a store migrated from events grouped by SQLite is sorted here to be sure.
    if (!std::is_sorted(steps.begin(), steps.end()))
        std::sort(steps.begin(), steps.end());
    return steps;
}

const char* const StoreSchema::marksQuery = R"sql(SELECT seq, type FROM events WHERE sample_id = ?1
    AND seq IN (SELECT value FROM json_each((SELECT marked_steps FROM samples WHERE id = ?1))) ORDER BY seq)sql";
