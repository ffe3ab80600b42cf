#pragma once

#include "inspect/logsink.h"
#include "sqlitedb.h"

#include <vector>

/// Writes what a log reader finds into the store, inside the caller's transaction. Attachment references in
/// message text and event summaries are resolved when their sample ends (attachments follow the events in
/// a sample), and the sample's messages are then added to the full-text index.
class StoreWriter : public LogSink {
public:
    StoreWriter(SqliteDb& db, qint64 fileId);

    bool run(const RunRecord& run) override;
    bool beginSample(const SampleRecord& sample) override;
    bool event(const EventRecord& event) override;
    bool message(const MessageRecord& message) override;
    bool attachment(const QString& hash, std::string_view text) override;
    bool modelCall(int index, std::string_view json) override;
    bool endSample(const SampleRecord& sample) override;
    bool summarySample(const SampleRecord& sample) override;

    QString errorString() const;
    int sampleCount() const { return m_samples; }
    qint64 eventCount() const { return m_events; }
    qint64 messageCount() const { return m_messages; }

private:
    bool insertSample(const SampleRecord& sample, bool fromSummary);
    bool writeSampleDetails(const SampleRecord& sample);
    bool resolvePending();
    QString resolve(const QString& text);
    bool check(SqliteStatement& statement);

    SqliteDb& m_db;
    qint64 m_fileId;
    qint64 m_runId = 0;
    qint64 m_sampleId = 0;
    int m_samples = 0;
    qint64 m_events = 0;
    qint64 m_messages = 0;
    int m_sampleEvents = 0;
    int m_finalMessages = 0;
    QString m_error;
    std::vector<qint64> m_pendingMessages; ///< messages of this sample whose text holds attachment references
    std::vector<qint64> m_pendingEvents;

    SqliteStatement m_insertRun;
    SqliteStatement m_insertMetric;
    SqliteStatement m_insertRunUsage;
    SqliteStatement m_insertSample;
    SqliteStatement m_updateSample;
    SqliteStatement m_insertScore;
    SqliteStatement m_insertSampleUsage;
    SqliteStatement m_insertEvent;
    SqliteStatement m_insertMessage;
    SqliteStatement m_insertAttachment;
    SqliteStatement m_insertCall;
    SqliteStatement m_findAttachment;
    SqliteStatement m_messageText;
    SqliteStatement m_updateMessageText;
    SqliteStatement m_eventSummary;
    SqliteStatement m_updateEventSummary;
    SqliteStatement m_indexMessages;
};
