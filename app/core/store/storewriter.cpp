// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "storewriter.h"

#include "storeschema.h"

#include "json/jsonvalues.h"

#include <QCoreApplication>
#include <algorithm>
#include <xxhash.h>

namespace {
void bindUsage(SqliteStatement& statement, int first, const UsageRecord& usage)
{
    statement.bind(first, usage.model);
    statement.bind(first + 1, usage.inputTokens);
    statement.bind(first + 2, usage.outputTokens);
    statement.bind(first + 3, usage.totalTokens);
    statement.bind(first + 4, usage.cacheReadTokens);
    statement.bind(first + 5, usage.cacheWriteTokens);
    statement.bind(first + 6, usage.reasoningTokens);
    statement.bind(first + 7, usage.totalCost);
}
}

StoreWriter::StoreWriter(SqliteDb& db, qint64 fileId, QThreadPool& compressing)
    : m_db(db)
    , m_fileId(fileId)
    , m_compressor(db, compressing)
    , m_eventChunks(m_compressor, [this](const std::vector<ChunkSlot>& placed) { return placeEvents(placed); })
    , m_messageChunks(m_compressor, [this](const std::vector<ChunkSlot>& placed) { return placeMessages(placed); })
    , m_attachmentChunks(
          m_compressor, [this](const std::vector<ChunkSlot>& placed) { return placeAttachments(placed); })
{
    m_insertRun.prepare(db, R"sql(INSERT INTO runs (file_id, log_version, status, eval_id, run_id, eval_set_id, task,
        task_id, model, created, inspect_version, started_at, completed_at, error, epochs, message_limit, token_limit,
        time_limit, working_limit, cost_limit, total_samples, completed_samples, config)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    m_insertMetric.prepare(db, "INSERT INTO run_metrics (run_id, scorer, name, value) VALUES (?,?,?,?)");
    m_insertRunUsage.prepare(db, R"sql(INSERT INTO run_usage (run_id, model, input_tokens, output_tokens, total_tokens,
        cache_read_tokens, cache_write_tokens, reasoning_tokens, total_cost) VALUES (?,?,?,?,?,?,?,?,?))sql");
    m_insertSample.prepare(db, R"sql(INSERT INTO samples (run_id, sample_id, epoch, target, metadata, program, tier,
        language, from_summary) VALUES (?,?,?,?,?,?,?,?,?))sql");
    m_updateSample.prepare(db, R"sql(UPDATE samples SET target = ?2, metadata = ?3, program = ?4, tier = ?5,
        language = ?6, total_time = ?7, working_time = ?8, started_at = ?9, completed_at = ?10, uuid = ?11,
        error = ?12, limit_type = ?13, limit_value = ?14, message_count = ?15, event_count = ?16, score = ?17,
        solved = ?18, sample_id = ?19, epoch = ?20, marked_steps = ?21, error_traceback = ?22 WHERE id = ?1)sql");
    m_insertScore.prepare(db, R"sql(INSERT INTO sample_scores (sample_id, scorer, value_json, value, answer,
        explanation, metadata) VALUES (?,?,?,?,?,?,?))sql");
    m_insertSampleUsage.prepare(db, R"sql(INSERT INTO sample_usage (sample_id, model, input_tokens, output_tokens,
        total_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, total_cost) VALUES (?,?,?,?,?,?,?,?,?))sql");
    m_insertEvent.prepare(db, R"sql(INSERT INTO events (sample_id, seq, type, timestamp, working_start, span_id,
        summary, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost,
        payload_chunk, payload_slot) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?))sql");
    m_insertSteps.prepare(db, "INSERT INTO event_steps (sample_id, type, count, seqs) VALUES (?,?,?,?)");
    m_insertMessage.prepare(db, R"sql(INSERT INTO messages (sample_id, kind, idx, event_seq, role, tool_call_id,
        function, json_chunk, json_slot, copy_of) VALUES (?,?,?,?,?,?,?,?,?,?))sql");
    // An attachment's key is the hash of its text, so a key met twice brings the same text: the first is kept.
    // (OR REPLACE would make SQLite keep a statement journal, written to a temporary file for each sample.)
    m_insertAttachment.prepare(db, "INSERT OR IGNORE INTO attachments (sample_id, hash, chunk, slot) VALUES (?,?,?,?)");
    m_insertCall.prepare(db, "INSERT INTO model_calls (sample_id, idx, json) VALUES (?,?,?)");
}

QString StoreWriter::errorString() const
{
    return m_error;
}

bool StoreWriter::check(SqliteStatement& statement)
{
    if (statement.exec())
        return true;
    m_error = QCoreApplication::translate("StoreWriter", "cannot write to the store: %1").arg(m_db.errorString());
    return false;
}

bool StoreWriter::chunkFailed()
{
    // A row placed into the chunk may have failed first, and said why.
    if (m_error.isEmpty())
        m_error = QCoreApplication::translate("StoreWriter", "cannot write to the store: %1")
                      .arg(m_compressor.errorString());
    return false;
}

bool StoreWriter::finish()
{
    return m_compressor.finish() || chunkFailed();
}

bool StoreWriter::run(const RunRecord& run)
{
    auto& q = m_insertRun;
    q.bind(1, m_fileId);
    q.bind(2, run.logVersion);
    q.bind(3, run.status);
    q.bind(4, run.evalId);
    q.bind(5, run.runId);
    q.bind(6, run.evalSetId.isEmpty() ? QString() : run.evalSetId);
    q.bind(7, run.task);
    q.bind(8, run.taskId);
    q.bind(9, run.model);
    q.bind(10, run.created);
    q.bind(11, run.inspectVersion);
    q.bind(12, run.startedAt);
    q.bind(13, run.completedAt);
    q.bind(14, run.error.isEmpty() ? QString() : run.error);
    if (run.epochs >= 0)
        q.bind(15, run.epochs);
    q.bind(16, run.messageLimit);
    q.bind(17, run.tokenLimit);
    q.bind(18, run.timeLimit);
    q.bind(19, run.workingLimit);
    q.bind(20, run.costLimit);
    if (run.totalSamples >= 0)
        q.bind(21, run.totalSamples);
    if (run.completedSamples >= 0)
        q.bind(22, run.completedSamples);
    q.bind(23, run.configJson);
    if (!check(q))
        return false;
    m_runId = m_db.lastInsertId();
    for (const MetricRecord& metric : run.metrics) {
        m_insertMetric.bind(1, m_runId);
        m_insertMetric.bind(2, metric.scorer);
        m_insertMetric.bind(3, metric.name);
        m_insertMetric.bind(4, metric.value);
        if (!check(m_insertMetric))
            return false;
    }
    for (const UsageRecord& usage : run.usage) {
        m_insertRunUsage.bind(1, m_runId);
        bindUsage(m_insertRunUsage, 2, usage);
        if (!check(m_insertRunUsage))
            return false;
    }
    return true;
}

bool StoreWriter::insertSample(const SampleRecord& sample, bool fromSummary)
{
    auto& q = m_insertSample;
    q.bind(1, m_runId);
    // A log whose keys were reordered may name the sample only after its events: the end fills it in.
    q.bind(2, sample.id.isNull() ? QStringLiteral("(sample %1 of the file)").arg(m_samples + 1) : sample.id);
    q.bind(3, sample.epoch);
    q.bind(4, sample.target);
    q.bind(5, sample.metadataJson);
    q.bind(6, sample.program.isEmpty() ? QString() : sample.program);
    q.bind(7, sample.tier.isEmpty() ? QString() : sample.tier);
    q.bind(8, sample.language.isEmpty() ? QString() : sample.language);
    q.bind(9, fromSummary ? 1 : 0);
    if (!check(q))
        return false;
    m_sampleId = m_db.lastInsertId();
    m_sampleEvents = 0;
    m_finalMessages = 0;
    m_firstMessages.clear();
    m_stepsByType.clear();
    m_markedSteps.clear();
    for (ChunkWriter* chunks : { &m_eventChunks, &m_messageChunks, &m_attachmentChunks })
        chunks->setSample(m_sampleId);
    ++m_samples;
    return true;
}

bool StoreWriter::beginSample(const SampleRecord& sample)
{
    return insertSample(sample, false);
}

bool StoreWriter::event(const EventRecord& event)
{
    // Queued first: adding may fill the chunk, which places the queue.
    m_queuedEvents.push_back(event);
    m_queuedEvents.back().payload.clear();
    if (!m_eventChunks.add(event.payload))
        return chunkFailed();
    auto steps = std::find_if(
        m_stepsByType.begin(), m_stepsByType.end(), [&](const auto& type) { return type.first == event.type; });
    if (steps == m_stepsByType.end())
        steps = m_stepsByType.insert(steps, { event.type, {} });
    steps->second.push_back(event.seq);
    if (event.marked)
        m_markedSteps.push_back(event.seq);
    ++m_sampleEvents;
    ++m_events;
    return true;
}

bool StoreWriter::placeEvents(const std::vector<ChunkSlot>& placed)
{
    for (size_t i = 0; i < placed.size(); ++i) {
        const EventRecord& event = m_queuedEvents[i];
        auto& q = m_insertEvent;
        q.bind(1, m_sampleId);
        q.bind(2, event.seq);
        q.bind(3, event.type);
        q.bind(4, event.timestamp);
        q.bind(5, event.workingStart);
        q.bind(6, event.spanId.isEmpty() ? QString() : event.spanId);
        q.bind(7, event.summary);
        if (!event.model.isEmpty()) {
            q.bind(8, event.model);
            q.bind(9, event.inputTokens);
            q.bind(10, event.outputTokens);
            q.bind(11, event.cacheReadTokens);
            q.bind(12, event.cacheWriteTokens);
            q.bind(13, event.reasoningTokens);
            q.bind(14, event.cost);
        }
        q.bind(15, placed[i].chunk);
        q.bind(16, placed[i].slot);
        if (!check(q))
            return false;
    }
    m_queuedEvents.clear();
    return true;
}

bool StoreWriter::message(const MessageRecord& message)
{
    if (message.kind == MessageRecord::Final)
        ++m_finalMessages;
    ++m_messages;
    // Inspect's final conversation and its message pool hold the same messages, with the same ids: the second one
    // met shares the first one's JSON (and so its search text) when they are the same.
    if (!message.id.isEmpty()) {
        const quint64 key = XXH3_64bits(message.id.constData(), size_t(message.id.size()));
        const quint64 jsonHash = XXH3_64bits(message.json.constData(), size_t(message.json.size()));
        const auto [first, isFirst]
            = m_firstMessages.try_emplace(key, FirstMessage { message.kind, jsonHash, message.json.size(), 0, {} });
        if (!isFirst && first->second.kind != message.kind) {
            if (first->second.jsonHash == jsonHash && first->second.jsonSize == message.json.size()) {
                ++m_sharedMessages;
                MessageRecord copy = message;
                copy.json.clear();
                if (first->second.rowId != 0)
                    return insertMessage(copy, first->second.json, first->second.rowId);
                m_queuedCopies.emplace_back(std::move(copy), key);
                return true;
            }
            ++m_differingMessages;
        }
    }
    m_queuedMessages.push_back(message);
    m_queuedMessages.back().json.clear();
    if (!m_messageChunks.add(message.json))
        return chunkFailed();
    return true;
}

bool StoreWriter::insertMessage(const MessageRecord& message, const ChunkSlot& json, qint64 copyOf)
{
    auto& q = m_insertMessage;
    q.bind(1, m_sampleId);
    q.bind(2, int(message.kind));
    q.bind(3, message.index);
    if (message.eventSeq >= 0)
        q.bind(4, message.eventSeq);
    q.bind(5, message.role);
    q.bind(6, message.toolCallId.isEmpty() ? QString() : message.toolCallId);
    q.bind(7, message.function.isEmpty() ? QString() : message.function);
    q.bind(8, json.chunk);
    q.bind(9, json.slot);
    if (copyOf != 0)
        q.bind(10, copyOf);
    return check(q);
}

bool StoreWriter::placeMessages(const std::vector<ChunkSlot>& placed)
{
    for (size_t i = 0; i < placed.size(); ++i) {
        const MessageRecord& message = m_queuedMessages[i];
        if (!insertMessage(message, placed[i], 0))
            return false;
        if (message.id.isEmpty())
            continue;
        const auto first = m_firstMessages.find(XXH3_64bits(message.id.constData(), size_t(message.id.size())));
        if (first != m_firstMessages.end() && first->second.kind == message.kind && first->second.rowId == 0) {
            first->second.rowId = m_db.lastInsertId();
            first->second.json = placed[i];
        }
    }
    m_queuedMessages.clear();
    // Every message queued before these copies is placed now, the ones they share their JSON with too.
    return insertCopies();
}

bool StoreWriter::insertCopies()
{
    for (const auto& [copy, key] : m_queuedCopies) {
        const FirstMessage& first = m_firstMessages.at(key);
        if (!insertMessage(copy, first.json, first.rowId))
            return false;
    }
    m_queuedCopies.clear();
    return true;
}

bool StoreWriter::attachment(const QString& hash, std::string_view text)
{
    m_queuedHashes.push_back(hash);
    if (!m_attachmentChunks.add(text.data(), text.size()))
        return chunkFailed();
    return true;
}

bool StoreWriter::placeAttachments(const std::vector<ChunkSlot>& placed)
{
    for (size_t i = 0; i < placed.size(); ++i) {
        m_insertAttachment.bind(1, m_sampleId);
        m_insertAttachment.bind(2, m_queuedHashes[i]);
        m_insertAttachment.bind(3, placed[i].chunk);
        m_insertAttachment.bind(4, placed[i].slot);
        if (!check(m_insertAttachment))
            return false;
    }
    m_queuedHashes.clear();
    return true;
}

bool StoreWriter::modelCall(int index, std::string_view json)
{
    m_insertCall.bind(1, m_sampleId);
    m_insertCall.bind(2, index);
    m_insertCall.bind(3, json);
    return check(m_insertCall);
}

bool StoreWriter::writeSampleDetails(const SampleRecord& sample)
{
    auto& q = m_updateSample;
    q.bind(1, m_sampleId);
    q.bind(2, sample.target);
    q.bind(3, sample.metadataJson);
    q.bind(4, sample.program.isEmpty() ? QString() : sample.program);
    q.bind(5, sample.tier.isEmpty() ? QString() : sample.tier);
    q.bind(6, sample.language.isEmpty() ? QString() : sample.language);
    q.bind(7, sample.totalTime);
    q.bind(8, sample.workingTime);
    q.bind(9, sample.startedAt.isEmpty() ? QString() : sample.startedAt);
    q.bind(10, sample.completedAt.isEmpty() ? QString() : sample.completedAt);
    q.bind(11, sample.uuid.isEmpty() ? QString() : sample.uuid);
    q.bind(12, sample.error.isEmpty() ? QString() : sample.error);
    q.bind(13, sample.limitType.isEmpty() ? QString() : sample.limitType);
    q.bind(14, sample.limitValue);
    q.bind(15, sample.messageCount >= 0 ? sample.messageCount : m_finalMessages);
    q.bind(16, m_sampleEvents);
    q.bind(17, sample.scores.empty() ? notANumber : sample.scores.front().value);
    if (sample.solved >= 0)
        q.bind(18, sample.solved);
    q.bind(19, sample.id.isNull() ? QString(QLatin1String("")) : sample.id);
    q.bind(20, sample.epoch);
    q.bind(21, StoreSchema::stepsJson(m_markedSteps));
    q.bind(22, sample.errorTraceback.isEmpty() ? QString() : sample.errorTraceback);
    if (!check(q))
        return false;
    for (const ScoreRecord& score : sample.scores) {
        m_insertScore.bind(1, m_sampleId);
        m_insertScore.bind(2, score.scorer);
        m_insertScore.bind(3, score.valueJson);
        m_insertScore.bind(4, score.value);
        m_insertScore.bind(5, score.answer.isEmpty() ? QString() : score.answer);
        m_insertScore.bind(6, score.explanation.isEmpty() ? QString() : score.explanation);
        m_insertScore.bind(7, score.metadataJson);
        if (!check(m_insertScore))
            return false;
    }
    for (const UsageRecord& usage : sample.usage) {
        m_insertSampleUsage.bind(1, m_sampleId);
        bindUsage(m_insertSampleUsage, 2, usage);
        if (!check(m_insertSampleUsage))
            return false;
    }
    return true;
}

bool StoreWriter::writeEventSteps()
{
    // Each list is in order: steps are numbered as the events are read.
    for (const auto& [type, seqs] : m_stepsByType) {
        m_insertSteps.bind(1, m_sampleId);
        m_insertSteps.bind(2, type);
        m_insertSteps.bind(3, qint64(seqs.size()));
        m_insertSteps.bind(4, StoreSchema::stepsJson(seqs));
        if (!check(m_insertSteps))
            return false;
    }
    m_stepsByType.clear();
    return true;
}

bool StoreWriter::endSample(const SampleRecord& sample)
{
    for (ChunkWriter* chunks : { &m_eventChunks, &m_messageChunks, &m_attachmentChunks }) {
        if (!chunks->flush())
            return chunkFailed();
    }
    return insertCopies() && writeEventSteps() && writeSampleDetails(sample);
}

bool StoreWriter::summarySample(const SampleRecord& sample)
{
    return insertSample(sample, true) && writeSampleDetails(sample);
}
