// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "chunkcompressor.h"
#include "chunkstore.h"
#include "inspect/logsink.h"
#include "sqlitedb.h"

#include <unordered_map>
#include <vector>

/// Writes what a log reader finds into the store, inside the caller's transaction. Events, message JSON and
/// attachments go into compressed chunks. Event summaries keep their attachment references, resolved when they
/// are read (TranscriptQuery::events); messages are indexed for search after the import
/// (MessageIndex::indexPending).
class StoreWriter : public LogSink {
public:
    /// Compresses its chunks on `compressing`, a pool of one thread.
    StoreWriter(SqliteDb& db, qint64 fileId, QThreadPool& compressing);

    bool run(const RunRecord& run) override;
    bool beginSample(const SampleRecord& sample) override;
    bool event(const EventRecord& event) override;
    bool message(const MessageRecord& message) override;
    bool attachment(const QString& hash, std::string_view text) override;
    bool modelCall(int index, std::string_view json) override;
    bool endSample(const SampleRecord& sample) override;
    bool summarySample(const SampleRecord& sample) override;
    /// Stores the chunks still being compressed; call before committing. False on a store error.
    bool finish();

    /// Why a write failed; empty while none has.
    QString errorString() const;
    int sampleCount() const { return m_samples; }
    qint64 eventCount() const { return m_events; }
    qint64 messageCount() const { return m_messages; }
    /// Messages of one list (the pool or the final conversation) that are the same message as one of the other
    /// list (same id, same JSON): stored as a reference to it, their JSON and search text kept once.
    qint64 sharedMessageCount() const { return m_sharedMessages; }
    /// Messages of the two lists with the same id and different JSON: both kept.
    qint64 differingMessageCount() const { return m_differingMessages; }

private:
    bool insertSample(const SampleRecord& sample, bool fromSummary);
    bool writeSampleDetails(const SampleRecord& sample);
    bool placeEvents(const std::vector<ChunkSlot>& placed);
    bool placeMessages(const std::vector<ChunkSlot>& placed);
    bool insertMessage(const MessageRecord& message, const ChunkSlot& json, qint64 copyOf);
    bool insertCopies();
    bool placeAttachments(const std::vector<ChunkSlot>& placed);
    bool check(SqliteStatement& statement);
    bool chunkFailed();
    bool writeEventSteps();

    SqliteDb& m_db;
    qint64 m_fileId;
    qint64 m_runId = 0;
    qint64 m_sampleId = 0;
    int m_samples = 0;
    qint64 m_events = 0;
    qint64 m_messages = 0;
    int m_sampleEvents = 0;
    int m_finalMessages = 0;
    qint64 m_sharedMessages = 0;
    qint64 m_differingMessages = 0;
    QString m_error;

    ChunkCompressor m_compressor; ///< before the writers that use it
    ChunkWriter m_eventChunks;
    ChunkWriter m_messageChunks;
    ChunkWriter m_attachmentChunks;
    std::vector<EventRecord> m_queuedEvents; ///< waiting for their chunk
    std::vector<MessageRecord> m_queuedMessages;
    /// The first message of each id in the sample being written: its list, a hash of its JSON, and once placed its
    /// row and chunk slot. Keyed by a hash of the id (XXH3, 64 bits; the JSON's hash and size decide sameness).
    struct FirstMessage {
        MessageRecord::Kind kind = MessageRecord::Pool;
        quint64 jsonHash = 0;
        qsizetype jsonSize = 0;
        qint64 rowId = 0; ///< 0 while its chunk is being filled
        ChunkSlot json;
    };
    std::unordered_map<quint64, FirstMessage> m_firstMessages;
    /// Messages that share the JSON of a first message still waiting for its chunk, by the key of that message.
    std::vector<std::pair<MessageRecord, quint64>> m_queuedCopies;
    std::vector<QString> m_queuedHashes;
    /// The steps of each event type of the sample being written, in the order the types appear.
    std::vector<std::pair<QString, std::vector<int>>> m_stepsByType;
    std::vector<int> m_markedSteps; ///< of the sample being written

    SqliteStatement m_insertRun;
    SqliteStatement m_insertMetric;
    SqliteStatement m_insertRunUsage;
    SqliteStatement m_insertSample;
    SqliteStatement m_updateSample;
    SqliteStatement m_insertScore;
    SqliteStatement m_insertSampleUsage;
    SqliteStatement m_insertEvent;
    SqliteStatement m_insertSteps;
    SqliteStatement m_insertMessage;
    SqliteStatement m_insertAttachment;
    SqliteStatement m_insertCall;
};
