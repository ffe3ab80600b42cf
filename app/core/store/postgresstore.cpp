// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "postgresstore.h"

#include "chunkstore.h"
#include "postgresmirror.h"
#include "postgresschema.h"
#include "storeconnection.h"
#include "storeschema.h"

#include "analysis/scorereading.h"
#include "json/jsonvalues.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QTemporaryDir>
#include <algorithm>

namespace {
/// Where this process keeps the transcripts copied from PostgreSQL, removed when it ends.
struct TranscriptFolder {
    QMutex mutex; ///< one copy at a time: two windows opening one sample copy it once
    QTemporaryDir dir { QDir::tempPath() + QStringLiteral("/runlens-transcripts-XXXXXX") };
};

TranscriptFolder& transcriptFolder()
{
    static TranscriptFolder folder;
    return folder;
}
}

PostgresStore::PostgresStore() = default;

PostgresStore::~PostgresStore() = default;

bool PostgresStore::open(const QString& location, bool create)
{
    m_error.clear();
    m_location = location;
    m_transcripts.clear();
    if (!m_db.open(location)) {
        m_error = QCoreApplication::translate("Store", "cannot connect to %1: %2").arg(location, m_db.errorString());
        return false;
    }
    const int version = PostgresSchema::version(m_db);
    if (version == 0 && !create) {
        m_error
            = QCoreApplication::translate("Store", "%1 holds no Runlens store yet (`runlens-cli copy --to` makes one)")
                  .arg(location);
        return false;
    }
    QString error;
    if (version != StoreSchema::currentVersion && !PostgresSchema::migrate(m_db, &error)) {
        m_error = location + QStringLiteral(": ") + error;
        return false;
    }
    if (create) {
        // A role that may only read is told so now, not by the first file's failure.
        const PostgresResult rights = m_db.query("SELECT current_user, has_table_privilege('files', 'INSERT') AND "
                                                 "has_sequence_privilege('files_id_seq', 'UPDATE')");
        if (rights.rows() != 1 || rights.text(0, 1) != QLatin1String("t")) {
            m_error = QCoreApplication::translate("Store",
                "the role %1 may read the store %2 but not write into it (it lacks INSERT on its tables or the use of "
                "their sequences): import with a role that may, such as the importer role of the README")
                          .arg(rights.text(0, 0), location);
            return false;
        }
    }
    return true;
}

qint64 PostgresStore::diskBytes()
{
    const PostgresResult size = m_db.query("SELECT pg_database_size(current_database())");
    return size.rows() == 1 ? size.integer(0, 0) : -1;
}

std::vector<RunRow> PostgresStore::runs()
{
    QHash<qint64, std::vector<MetricRecord>> metrics;
    const PostgresResult metricRows = m_db.query("SELECT run_id, scorer, name, value FROM run_metrics ORDER BY ord");
    for (int i = 0; i < metricRows.rows(); ++i)
        metrics[metricRows.integer(i, 0)].push_back(
            { metricRows.text(i, 1), metricRows.text(i, 2), metricRows.real(i, 3) });
    // Store::runs()'s query, with PostgreSQL's spelling: byte order for text, as SQLite sorts it.
    const PostgresResult query = m_db.query(R"sql(
SELECT r.id, f.path, r.task, r.model, r.status, r.eval_set_id, r.created, r.log_version,
    (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id),
    (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id AND s.score IS NOT NULL),
    (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.id AND s.solved = 1),
    (SELECT AVG(v) FROM (SELECT AVG(s.score) AS v FROM samples s
        WHERE s.run_id = r.id AND s.score IS NOT NULL GROUP BY s.sample_id) AS per_sample),
    (SELECT sc.scorer FROM samples s JOIN sample_scores sc ON sc.sample_id = s.id
        WHERE s.run_id = r.id AND s.score IS NOT NULL ORDER BY s.id, sc.ord LIMIT 1),
    (SELECT sc.value_json FROM samples s JOIN sample_scores sc ON sc.sample_id = s.id
        WHERE s.run_id = r.id AND s.score IS NOT NULL ORDER BY s.id, sc.ord LIMIT 1),
    (SELECT SUM(u.input_tokens + u.cache_read_tokens + u.cache_write_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.output_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.cache_read_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.cache_write_tokens) FROM run_usage u WHERE u.run_id = r.id),
    (SELECT SUM(u.reasoning_tokens) FROM run_usage u WHERE u.run_id = r.id)
FROM runs r JOIN files f ON f.id = r.file_id
ORDER BY r.created COLLATE "C", r.id)sql");
    std::vector<RunRow> rows;
    rows.reserve(size_t(query.rows()));
    for (int i = 0; i < query.rows(); ++i) {
        RunRow row;
        row.id = query.integer(i, 0);
        row.path = query.text(i, 1);
        row.task = query.text(i, 2);
        row.model = query.text(i, 3);
        row.status = query.text(i, 4);
        row.evalSetId = query.text(i, 5);
        row.created = query.text(i, 6);
        row.logVersion = int(query.integer(i, 7));
        row.samples = int(query.integer(i, 8));
        row.scoredSamples = int(query.integer(i, 9));
        row.solvedSamples = int(query.integer(i, 10));
        row.accuracy = query.real(i, 11);
        row.scorer = query.text(i, 12);
        row.scoreKey = scoreKeyOf(query.bytes(i, 13));
        row.inputTokens = query.integer(i, 14);
        row.outputTokens = query.integer(i, 15);
        row.cacheReadTokens = query.integer(i, 16);
        row.cacheWriteTokens = query.integer(i, 17);
        row.reasoningTokens = query.integer(i, 18);
        row.metrics = metrics.value(row.id);
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

std::vector<SampleRow> PostgresStore::readSamples(qint64 runId, qint64 sampleId)
{
    // Store::readSamples()'s columns; each sample's usage summed in one pass over its rows, its first score read
    // by its index (one lateral look-up each instead of a subquery a column).
    const QByteArray sql = R"sql(
SELECT s.id, s.run_id, r.task, r.model, s.sample_id, s.epoch, s.program, s.tier, s.language, s.score, s.solved,
    s.total_time, s.working_time, s.error, s.limit_type, s.event_count,
    u.input, u.output, u.cost, sc.metadata, r.eval_set_id, r.status, r.created, u.cache_read, u.cache_write, u.reasoning
FROM samples s JOIN runs r ON r.id = s.run_id
LEFT JOIN LATERAL (SELECT SUM(input_tokens + cache_read_tokens + cache_write_tokens) AS input,
    SUM(output_tokens) AS output, SUM(total_cost) AS cost, SUM(cache_read_tokens) AS cache_read,
    SUM(cache_write_tokens) AS cache_write, SUM(reasoning_tokens) AS reasoning
    FROM sample_usage WHERE sample_id = s.id) u ON true
LEFT JOIN LATERAL (SELECT metadata FROM sample_scores WHERE sample_id = s.id ORDER BY ord LIMIT 1) sc ON true
WHERE )sql"
        + QByteArray(sampleId ? "s.id = $1::bigint" : "($1::bigint = 0 OR s.run_id = $1::bigint)") + R"sql(
ORDER BY r.created COLLATE "C", r.id, s.sample_id COLLATE "C", s.epoch)sql";
    const PostgresResult query = m_db.query(sql.constData(), { QByteArray::number(sampleId ? sampleId : runId) });
    std::vector<SampleRow> rows;
    rows.reserve(size_t(query.rows()));
    for (int i = 0; i < query.rows(); ++i) {
        SampleRow row;
        row.id = query.integer(i, 0);
        row.runId = query.integer(i, 1);
        row.task = query.text(i, 2);
        row.model = query.text(i, 3);
        row.sampleId = query.text(i, 4);
        row.epoch = int(query.integer(i, 5));
        row.program = query.text(i, 6);
        row.tier = query.text(i, 7);
        row.language = query.text(i, 8);
        row.score = query.real(i, 9);
        row.solved = query.isNull(i, 10) ? -1 : int(query.integer(i, 10));
        row.totalTime = query.real(i, 11);
        row.workingTime = query.real(i, 12);
        row.error = query.text(i, 13);
        row.limitType = query.text(i, 14);
        row.events = int(query.integer(i, 15));
        row.inputTokens = query.integer(i, 16);
        row.outputTokens = query.integer(i, 17);
        row.totalCost = query.real(i, 18);
        row.scoreMetadataJson = query.bytes(i, 19);
        row.evalSetId = query.text(i, 20);
        row.runStatus = query.text(i, 21);
        row.created = query.text(i, 22);
        row.cacheReadTokens = query.integer(i, 23);
        row.cacheWriteTokens = query.integer(i, 24);
        row.reasoningTokens = query.integer(i, 25);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<UsageRow> PostgresStore::usage(qint64 sampleId)
{
    const PostgresResult query = m_db.query(R"sql(SELECT sample_id, model, input_tokens, cache_read_tokens,
        cache_write_tokens, output_tokens, total_cost FROM sample_usage WHERE $1::bigint = 0 OR sample_id = $1::bigint
        ORDER BY sample_id, ord)sql",
        { QByteArray::number(sampleId) });
    std::vector<UsageRow> rows;
    rows.reserve(size_t(query.rows()));
    for (int i = 0; i < query.rows(); ++i) {
        UsageRow row;
        row.sampleId = query.integer(i, 0);
        row.model = query.text(i, 1);
        row.inputTokens = query.integer(i, 2);
        row.cacheReadTokens = query.integer(i, 3);
        row.cacheWriteTokens = query.integer(i, 4);
        row.outputTokens = query.integer(i, 5);
        row.totalCost = query.real(i, 6);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<FileRow> PostgresStore::failedFiles()
{
    const PostgresResult query
        = m_db.query("SELECT path, status, error FROM files WHERE status = 'failed' ORDER BY path COLLATE \"C\"");
    std::vector<FileRow> rows;
    rows.reserve(size_t(query.rows()));
    for (int i = 0; i < query.rows(); ++i)
        rows.push_back({ query.text(i, 0), query.text(i, 1), query.text(i, 2) });
    return rows;
}

std::optional<SampleDetail> PostgresStore::sampleDetail(qint64 sampleId)
{
    // Store::sampleDetail()'s: the traceback is the sample's own, else that of its last error event, whose payload
    // is read here from its chunk.
    const PostgresResult query = m_db.query(R"sql(SELECT
    GREATEST((SELECT COUNT(*) FROM samples o WHERE o.run_id = s.run_id AND o.sample_id = s.sample_id),
        (SELECT MAX(o.epoch) FROM samples o WHERE o.run_id = s.run_id AND o.sample_id = s.sample_id),
        COALESCE(r.epochs, 0)),
    s.limit_value, r.cost_limit, r.token_limit, r.time_limit, r.working_limit, s.error_traceback, c.data,
    e.payload_slot
FROM samples s JOIN runs r ON r.id = s.run_id
LEFT JOIN event_steps st ON s.error_traceback IS NULL AND st.sample_id = s.id AND st.type = 'error'
LEFT JOIN events e ON e.sample_id = s.id AND e.seq = (st.seqs::jsonb ->> -1)::integer
LEFT JOIN chunks c ON c.id = e.payload_chunk
WHERE s.id = $1::bigint)sql",
        { QByteArray::number(sampleId) });
    if (query.rows() != 1)
        return std::nullopt;
    SampleDetail detail;
    detail.epochs = int(query.integer(0, 0));
    detail.limitValue = query.real(0, 1);
    detail.costLimit = query.real(0, 2);
    detail.tokenLimit = query.real(0, 3);
    detail.timeLimit = query.real(0, 4);
    detail.workingLimit = query.real(0, 5);
    detail.errorTraceback = query.text(0, 6);
    if (query.isNull(0, 6) && !query.isNull(0, 7)) {
        const QByteArray payload = ChunkReader::unpackItem(query.blob(0, 7), int(query.integer(0, 8)));
        rapidjson::Document event;
        if (parseJson(event, payload.constData(), size_t(payload.size())) && event.IsObject()) {
            const auto error = event.FindMember("error");
            if (error != event.MemberEnd() && error->value.IsObject()) {
                const auto traceback = error->value.FindMember("traceback");
                if (traceback != error->value.MemberEnd() && traceback->value.IsString())
                    detail.errorTraceback = QString::fromUtf8(
                        traceback->value.GetString(), qsizetype(traceback->value.GetStringLength()));
            }
        }
    }
    return detail;
}

std::vector<RerunRow> PostgresStore::reruns(qint64 sampleId)
{
    const PostgresResult query = m_db.query(R"sql(SELECT id, step, passed, failed, visible_passed, visible_total,
        held_out_passed, held_out_total, build_error, uncertain_steps FROM reruns WHERE sample_id = $1
        ORDER BY step, id)sql",
        { QByteArray::number(sampleId) });
    std::vector<RerunRow> rows;
    for (int i = 0; i < query.rows(); ++i) {
        RerunRow row;
        row.id = query.integer(i, 0);
        row.step = query.isNull(i, 1) ? -1 : int(query.integer(i, 1));
        row.summary.passed = int(query.integer(i, 2));
        row.summary.failed = int(query.integer(i, 3));
        row.summary.visiblePassed = int(query.integer(i, 4));
        row.summary.visibleTotal = int(query.integer(i, 5));
        row.summary.heldOutPassed = int(query.integer(i, 6));
        row.summary.heldOutTotal = int(query.integer(i, 7));
        row.summary.buildError = query.text(i, 8);
        row.uncertainSteps = int(query.integer(i, 9));
        rows.push_back(row);
    }
    return rows;
}

QHash<QString, bool> PostgresStore::rerunResults(qint64 rerunId)
{
    const PostgresResult query
        = m_db.query("SELECT test_id, passed FROM rerun_results WHERE rerun_id = $1", { QByteArray::number(rerunId) });
    QHash<QString, bool> results;
    for (int i = 0; i < query.rows(); ++i)
        results.insert(query.text(i, 0), query.integer(i, 1) != 0);
    return results;
}

Store* PostgresStore::transcriptStore(qint64 sampleId)
{
    const auto opened = m_transcripts.find(sampleId);
    if (opened != m_transcripts.end())
        return opened->second.get();
    TranscriptFolder& folder = transcriptFolder();
    const auto fail = [this, sampleId](const QString& why) {
        m_error = QCoreApplication::translate("Store", "cannot read the transcript of sample %1 from %2: %3")
                      .arg(QString::number(sampleId), m_location, why);
        return nullptr;
    };
    if (!folder.dir.isValid())
        return fail(folder.dir.errorString());
    const QString path = folder.dir.filePath(
        QString::fromLatin1(QCryptographicHash::hash(m_location.toUtf8(), QCryptographicHash::Sha1).toHex().left(16))
        + QLatin1Char('-') + QString::number(sampleId) + QStringLiteral(".sqlite"));
    {
        QMutexLocker lock(&folder.mutex);
        if (!QFile::exists(path)) {
            // Written under another name and renamed once whole, so that a copy that failed is never read.
            const QString partial = path + QStringLiteral(".part");
            QString error;
            {
                Store copy;
                if (!copy.open(partial, Store::OpenMode::Create)) {
                    error = copy.errorString();
                } else {
                    PostgresMirror mirror(m_db, StoreConnection::of(copy));
                    if (!mirror.copySample(sampleId))
                        error = mirror.errorString();
                }
            }
            if (error.isEmpty() && !QFile::rename(partial, path))
                error = QCoreApplication::translate("Store", "cannot rename %1").arg(partial);
            if (!error.isEmpty()) {
                for (const char* suffix : { "", "-wal", "-shm" })
                    QFile::remove(partial + QLatin1String(suffix));
                return fail(error);
            }
        }
    }
    auto store = std::make_unique<Store>();
    if (!store->open(path, Store::OpenMode::Existing))
        return fail(store->errorString());
    return (m_transcripts[sampleId] = std::move(store)).get();
}
