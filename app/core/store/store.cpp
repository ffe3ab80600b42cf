// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "store.h"

#include "anatomysummarystore.h"
#include "chunkstore.h"
#include "messageindex.h"
#include "postgresdb.h"
#include "postgressearch.h"
#include "postgresstore.h"
#include "rerunstore.h"
#include "searchquery.h"
#include "sqlitedb.h"
#include "storeschema.h"
#include "transcriptquery.h"

#include "analysis/scorereading.h"
#include "records/datadirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cmath>
#include <sqlite3.h>

Store::Store()
    : m_db(std::make_unique<SqliteDb>())
{
}

Store::~Store() = default;

QString Store::defaultPath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("runlens.sqlite"));
}

bool Store::open(const QString& path, OpenMode mode)
{
    m_path = path;
    m_error.clear();
    m_readOnly = false;
    m_postgres.reset();
    if (PostgresDb::isLocation(path))
        return openPostgres(path, mode);
    const QFileInfo file(path);
    if (!file.exists()) {
        if (mode == OpenMode::Existing) {
            m_error = QCoreApplication::translate(
                "Store", "no store at %1: the file does not exist (an import creates one)")
                          .arg(path);
            return false;
        }
        QDir().mkpath(file.absolutePath());
    }
    if (!openWritable(path)) {
        // A store that cannot be written: read-only media, a read-only file, or a folder where its -wal and -shm
        // files cannot be made.
        const QString writeError = m_db->errorString();
        const int code = m_db->errorCode();
        const bool unwritable = m_db->isReadOnly() || code == SQLITE_READONLY || code == SQLITE_CANTOPEN
            || code == SQLITE_PERM || code == SQLITE_AUTH;
        if (!file.exists()) {
            m_error = QCoreApplication::translate("Store", "cannot create the store %1: %2").arg(path, writeError);
            return false;
        }
        if (!unwritable || !openReadOnly(path)) {
            m_error = QCoreApplication::translate("Store", "%1 is not a Runlens store: %2").arg(path, writeError);
            return false;
        }
        if (mode == OpenMode::Create) {
            m_db->close();
            m_error = readOnlyError();
            return false;
        }
        m_readOnly = true;
    }
    // A store opened to read (the window's reading threads, the CLI's reports) reads most pages once: a smaller cache
    // than an import's keeps each thread's share of memory low (a replay runs four such connections at once).
    if (mode == OpenMode::Existing && !m_db->exec("PRAGMA cache_size = -16384")) {
        m_error = path + QStringLiteral(": ") + m_db->errorString();
        return false;
    }
    if (!registerChunkFunctions(*m_db)) {
        m_error = path + QStringLiteral(": ") + m_db->errorString();
        return false;
    }
    if (m_readOnly) {
        // Nothing may be written: a store of an older schema cannot be read here.
        const int version = StoreSchema::version(*m_db);
        if (version < 0) {
            m_error
                = QCoreApplication::translate("Store", "%1 is not a Runlens store: %2").arg(path, m_db->errorString());
            return false;
        }
        if (version < StoreSchema::currentVersion) {
            m_error = QCoreApplication::translate("Store",
                "the store %1 is read-only and has schema version %2, older than this Runlens (%3): open it once "
                "where it can be written to upgrade it")
                          .arg(path)
                          .arg(version)
                          .arg(StoreSchema::currentVersion);
            return false;
        }
    }
    QString error;
    if (!StoreSchema::migrate(*m_db, &error)) {
        m_error = path + QStringLiteral(": ") + error;
        return false;
    }
    return true;
}

bool Store::openWritable(const QString& path)
{
    if (!m_db->open(path) || m_db->isReadOnly())
        return false;
    // WAL lets the window read while an import writes; NORMAL sync is safe with WAL (a crash loses at
    // most the last transactions, never consistency).
    // Large pages: a store holds long transcripts, and a 1 GB sample writes a fifth of the pages it would at 4 KB.
    // (Only takes effect when the file is created.) Setting WAL reads the store, and so fails where its -wal and
    // -shm files cannot be made.
    // No memory map: every page a reader touched stayed mapped, and a replay that reads a long sample's chunks held
    // most of its store in memory; SQLite's own cache (64 MB here) bounds what stays.
    return m_db->exec("PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                      "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA mmap_size = 0;")
        && !m_db->isReadOnly();
}

bool Store::openReadOnly(const QString& path)
{
    const auto readable
        = [this] { return m_db->exec("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA schema_version;"); };
    if (m_db->openReadOnly(path, false) && readable())
        return true;
    // Where the -shm file cannot be made beside it, a store in WAL mode opens only as immutable. That would ignore a
    // -wal file holding commits not yet copied into the store: then it is not opened.
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0)
        return false;
    return m_db->openReadOnly(path, true) && readable();
}

QString Store::readOnlyError() const
{
    if (m_postgres)
        return QCoreApplication::translate("Store",
            "re-runs and test suites are not stored into a store on PostgreSQL (%1) yet: run them on a SQLite store, "
            "then `runlens-cli copy` it there")
            .arg(m_path);
    return QCoreApplication::translate("Store", "the store %1 is read-only: its file or its folder cannot be written")
        .arg(m_path);
}

bool Store::openPostgres(const QString& location, OpenMode mode)
{
    // To write (import), the tables are made when missing and the role must be allowed to write; to read, neither.
    auto postgres = std::make_unique<PostgresStore>();
    if (!postgres->open(location, mode == OpenMode::Create)) {
        m_error = postgres->errorString();
        return false;
    }
    m_postgres = std::move(postgres);
    m_readOnly = mode == OpenMode::Existing;
    return true;
}

qint64 Store::diskBytes()
{
    if (m_postgres)
        return m_postgres->diskBytes();
    qint64 bytes = 0;
    for (const char* suffix : { "", "-wal" })
        bytes += QFileInfo(m_path + QLatin1String(suffix)).size();
    return bytes;
}

std::vector<RunRow> Store::runs()
{
    if (m_postgres)
        return m_postgres->runs();
    // The header's metrics, by run.
    QHash<qint64, std::vector<MetricRecord>> metrics;
    SqliteStatement metricQuery(*m_db, "SELECT run_id, scorer, name, value FROM run_metrics ORDER BY rowid");
    while (metricQuery.step())
        metrics[metricQuery.integer(0)].push_back({ metricQuery.text(1), metricQuery.text(2), metricQuery.real(3) });
    // The first score of the run's first scored sample: its scorer, and the JSON of its value.
    SqliteStatement query(*m_db, R"sql(
SELECT r.id, f.path, r.task, r.model, r.status, r.eval_set_id, r.created, r.log_version,
    (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id),
    (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id AND s.score IS NOT NULL),
    (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id AND s.solved = 1),
    (SELECT AVG(v) FROM (SELECT AVG(s.score) AS v FROM samples s
        WHERE s.run_id = r.id AND s.score IS NOT NULL GROUP BY s.sample_id)),
    (SELECT sc.scorer FROM samples s JOIN sample_scores sc ON sc.sample_id = s.id
        WHERE s.run_id = r.id AND s.score IS NOT NULL ORDER BY s.id, sc.rowid LIMIT 1),
    (SELECT sc.value_json FROM samples s JOIN sample_scores sc ON sc.sample_id = s.id
        WHERE s.run_id = r.id AND s.score IS NOT NULL ORDER BY s.id, sc.rowid LIMIT 1),
    (SELECT SUM(u.input_tokens + u.cache_read_tokens + u.cache_write_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.output_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.cache_read_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.cache_write_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.reasoning_tokens) FROM run_usage u WHERE u.run_id = r.id)
FROM runs r JOIN files f ON f.id = r.file_id
ORDER BY r.created, r.id)sql");
    std::vector<RunRow> rows;
    while (query.step()) {
        RunRow row;
        row.id = query.integer(0);
        row.path = query.text(1);
        row.task = query.text(2);
        row.model = query.text(3);
        row.status = query.text(4);
        row.evalSetId = query.text(5);
        row.created = query.text(6);
        row.logVersion = int(query.integer(7));
        row.samples = int(query.integer(8));
        row.scoredSamples = int(query.integer(9));
        row.solvedSamples = int(query.integer(10));
        row.accuracy = query.real(11);
        row.scorer = query.text(12);
        row.scoreKey = scoreKeyOf(query.bytes(13));
        row.inputTokens = query.integer(14);
        row.outputTokens = query.integer(15);
        row.cacheReadTokens = query.integer(16);
        row.cacheWriteTokens = query.integer(17);
        row.reasoningTokens = query.integer(18);
        row.metrics = metrics.value(row.id);
        // The header's accuracy of the same score (by name); with no scored sample, its first accuracy, shown alone.
        const MetricRecord* header = headerAccuracyMetric(row.metrics, row.scorer, row.scoreKey);
        if (!header && row.scoredSamples == 0) {
            const auto first = std::find_if(row.metrics.begin(), row.metrics.end(),
                [](const MetricRecord& metric) { return metric.name == QLatin1String("accuracy"); });
            header = first == row.metrics.end() ? nullptr : &*first;
        }
        if (header) {
            row.hasHeaderAccuracy = true;
            row.headerAccuracy = header->value;
            row.headerMetric = header->scorer + QLatin1Char('/') + header->name;
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<SampleRow> Store::samples(qint64 runId)
{
    return readSamples(runId, 0);
}

std::optional<SampleRow> Store::sample(qint64 sampleId)
{
    std::vector<SampleRow> rows = readSamples(0, sampleId);
    if (rows.empty())
        return std::nullopt;
    return std::move(rows.front());
}

std::vector<SampleRow> Store::readSamples(qint64 runId, qint64 sampleId)
{
    if (m_postgres)
        return m_postgres->readSamples(runId, sampleId);
    const QByteArray sql = R"sql(
SELECT s.id, s.run_id, r.task, r.model, s.sample_id, s.epoch, s.program, s.tier, s.language, s.score, s.solved,
    s.total_time, s.working_time, s.error, s.limit_type, s.event_count,
    (SELECT SUM(u.input_tokens + u.cache_read_tokens + u.cache_write_tokens) FROM sample_usage u WHERE u.sample_id = s.id),
    (SELECT SUM(u.output_tokens) FROM sample_usage u WHERE u.sample_id = s.id),
    (SELECT SUM(u.total_cost) FROM sample_usage u WHERE u.sample_id = s.id),
    (SELECT sc.metadata FROM sample_scores sc WHERE sc.sample_id = s.id ORDER BY sc.rowid LIMIT 1),
    r.eval_set_id, r.status, r.created,
    (SELECT SUM(u.cache_read_tokens) FROM sample_usage u WHERE u.sample_id = s.id),
    (SELECT SUM(u.cache_write_tokens) FROM sample_usage u WHERE u.sample_id = s.id),
    (SELECT SUM(u.reasoning_tokens) FROM sample_usage u WHERE u.sample_id = s.id)
FROM samples s JOIN runs r ON r.id = s.run_id
WHERE )sql"
        + QByteArray(sampleId ? "s.id = ?2" : "(?1 = 0 OR s.run_id = ?1)") + R"sql(
ORDER BY r.created, r.id, s.sample_id, s.epoch)sql";
    SqliteStatement query(*m_db, sql.constData());
    if (sampleId)
        query.bind(2, sampleId);
    else
        query.bind(1, runId);
    std::vector<SampleRow> rows;
    while (query.step()) {
        SampleRow row;
        row.id = query.integer(0);
        row.runId = query.integer(1);
        row.task = query.text(2);
        row.model = query.text(3);
        row.sampleId = query.text(4);
        row.epoch = int(query.integer(5));
        row.program = query.text(6);
        row.tier = query.text(7);
        row.language = query.text(8);
        row.score = query.real(9);
        row.solved = query.isNull(10) ? -1 : int(query.integer(10));
        row.totalTime = query.real(11);
        row.workingTime = query.real(12);
        row.error = query.text(13);
        row.limitType = query.text(14);
        row.events = int(query.integer(15));
        row.inputTokens = query.integer(16);
        row.outputTokens = query.integer(17);
        row.totalCost = query.real(18);
        row.scoreMetadataJson = query.bytes(19);
        row.evalSetId = query.text(20);
        row.runStatus = query.text(21);
        row.created = query.text(22);
        row.cacheReadTokens = query.integer(23);
        row.cacheWriteTokens = query.integer(24);
        row.reasoningTokens = query.integer(25);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::optional<SampleDetail> Store::sampleDetail(qint64 sampleId)
{
    if (m_postgres)
        return m_postgres->sampleDetail(sampleId);
    // The traceback is the sample's own, or else (stores imported before schema 8 kept none) that of its last error
    // event, the one that ended it.
    SqliteStatement query(*m_db, R"sql(SELECT
    (SELECT MAX(COUNT(*), MAX(o.epoch), COALESCE(r.epochs, 0)) FROM samples o
        WHERE o.run_id = s.run_id AND o.sample_id = s.sample_id),
    s.limit_value, r.cost_limit, r.token_limit, r.time_limit, r.working_limit,
    COALESCE(s.error_traceback, (SELECT json_extract(CAST(chunk_item(e.payload_chunk, e.payload_slot) AS TEXT),
        '$.error.traceback') FROM events e WHERE e.sample_id = s.id AND e.seq = (SELECT json_extract(st.seqs, '$[#-1]')
        FROM event_steps st WHERE st.sample_id = s.id AND st.type = 'error')))
FROM samples s JOIN runs r ON r.id = s.run_id WHERE s.id = ?)sql");
    query.bind(1, sampleId);
    if (!query.step())
        return std::nullopt;
    SampleDetail detail;
    detail.epochs = int(query.integer(0));
    detail.limitValue = query.real(1);
    detail.costLimit = query.real(2);
    detail.tokenLimit = query.real(3);
    detail.timeLimit = query.real(4);
    detail.workingLimit = query.real(5);
    detail.errorTraceback = query.text(6);
    return detail;
}

std::vector<FileRow> Store::failedFiles()
{
    if (m_postgres)
        return m_postgres->failedFiles();
    SqliteStatement query(*m_db, "SELECT path, status, error FROM files WHERE status = 'failed' ORDER BY path");
    std::vector<FileRow> rows;
    while (query.step())
        rows.push_back({ query.text(0), query.text(1), query.text(2) });
    return rows;
}

std::vector<UsageRow> Store::usage(qint64 sampleId)
{
    if (m_postgres)
        return m_postgres->usage(sampleId);
    SqliteStatement query(*m_db, R"sql(SELECT sample_id, model, input_tokens, cache_read_tokens, cache_write_tokens,
        output_tokens, total_cost FROM sample_usage WHERE ?1 = 0 OR sample_id = ?1 ORDER BY sample_id)sql");
    query.bind(1, sampleId);
    std::vector<UsageRow> rows;
    while (query.step()) {
        UsageRow row;
        row.sampleId = query.integer(0);
        row.model = query.text(1);
        row.inputTokens = query.integer(2);
        row.cacheReadTokens = query.integer(3);
        row.cacheWriteTokens = query.integer(4);
        row.outputTokens = query.integer(5);
        row.totalCost = query.real(6);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::unique_ptr<TranscriptQuery> Store::transcript(qint64 sampleId)
{
    if (m_postgres) {
        Store* copy = m_postgres->transcriptStore(sampleId);
        if (!copy) {
            m_error = m_postgres->errorString();
            return nullptr;
        }
        return std::make_unique<TranscriptQuery>(*copy, sampleId, this);
    }
    return std::make_unique<TranscriptQuery>(*this, sampleId);
}

SearchResult Store::find(const QString& words, qint64 sampleId, int limit, const std::function<bool()>& cancelled)
{
    if (m_postgres)
        return PostgresSearch(m_postgres->db()).find(SearchQuery(words), sampleId, limit, cancelled);
    return MessageIndex(*m_db).find(SearchQuery(words), sampleId, limit, cancelled);
}

std::vector<SearchHit> Store::search(const QString& words, qint64 sampleId, int limit)
{
    return find(words, sampleId, limit).hits;
}

qint64 Store::unindexedMessages()
{
    if (m_postgres) // `copy` indexes each file's messages in its transaction
        return 0;
    return MessageIndex(*m_db).pendingCount();
}

qint64 Store::filesWithMessagesTwice()
{
    static const char* const sql = "SELECT COUNT(*) FROM files WHERE status = 'imported' AND shared_messages IS NULL";
    if (m_postgres) {
        const PostgresResult count = m_postgres->db().query(sql);
        return count.rows() == 1 ? count.integer(0, 0) : 0;
    }
    SqliteStatement query(*m_db, sql);
    return query.step() ? query.integer(0) : 0;
}

bool Store::indexMessages(const IndexProgress& progress, QString* error, Checkpointer* checkpoints)
{
    if (m_postgres) // nothing waits: each file's messages are indexed as it is copied
        return true;
    if (m_readOnly) {
        if (error)
            *error = readOnlyError();
        return false;
    }
    MessageIndex index(*m_db);
    if (index.indexPending(progress, checkpoints))
        return true;
    if (error)
        *error = index.errorString();
    return false;
}

qint64 Store::saveSuite(
    const QString& name, const QString& program, const QString& path, const std::vector<StoredTest>& tests)
{
    if (m_readOnly || m_postgres) {
        m_error = readOnlyError();
        return 0;
    }
    const qint64 id = RerunStore(*m_db).saveSuite(name, program, path, tests);
    if (id == 0)
        m_error = QCoreApplication::translate("Store", "cannot save the test suite in %1: %2")
                      .arg(m_path, m_db->errorString());
    return id;
}

qint64 Store::saveRerun(qint64 sampleId, qint64 suiteId, int step, const TestRunSummary& summary,
    const std::vector<StoredTestResult>& results, int uncertainSteps)
{
    if (m_readOnly || m_postgres) {
        m_error = readOnlyError();
        return 0;
    }
    return RerunStore(*m_db).saveRerun(sampleId, suiteId, step, summary, results, uncertainSteps);
}

std::vector<RerunRow> Store::reruns(qint64 sampleId)
{
    if (m_postgres)
        return m_postgres->reruns(sampleId);
    return RerunStore(*m_db).reruns(sampleId);
}

QHash<QString, bool> Store::rerunResults(qint64 rerunId)
{
    if (m_postgres)
        return m_postgres->rerunResults(rerunId);
    return RerunStore(*m_db).results(rerunId);
}

std::optional<AnatomySummary> Store::anatomySummary(qint64 sampleId, int version, const QString& basis)
{
    if (m_postgres) // none kept there: the statistics across runs compute each sample's from its transcript
        return std::nullopt;
    return AnatomySummaryStore(*m_db).summary(sampleId, version, basis);
}

bool Store::saveAnatomySummary(const AnatomySummary& summary, int version, const QString& basis)
{
    if (m_readOnly) {
        m_error = readOnlyError();
        return false;
    }
    if (AnatomySummaryStore(*m_db).save(summary, version, basis))
        return true;
    m_error = QCoreApplication::translate("Store", "cannot keep the anatomy of sample %1 in %2: %3")
                  .arg(summary.sampleId)
                  .arg(m_path, m_db->errorString());
    return false;
}
