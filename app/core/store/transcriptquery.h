// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/transcriptrows.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

class SqliteStatement;
class Store;

/// Reads one sample's transcript from the store page by page; nothing of it is held whole. Returns plain values:
/// what they mean (pass curves, tests, costs) is the analysis's to say.
class TranscriptQuery {
public:
    /// `origin`: the store on PostgreSQL that `store` holds a copy of the sample from (PostgresStore::transcriptStore);
    /// the copy is read, the origin searched.
    TranscriptQuery(Store& store, qint64 sampleId, Store* origin = nullptr);
    ~TranscriptQuery();

    qint64 sampleId() const { return m_sampleId; }
    /// Events of this type only (empty: all).
    void setType(const QString& type) { m_type = type; }
    int count();
    /// The last step of the transcript (steps are numbered from 0 without gaps); -1 when it has none.
    int lastStep();
    /// Up to `limit` listed events from the one at index `row` (keyset reads: as fast at the end as at the start).
    std::vector<EventRow> events(int row, int limit);
    /// An event's stored summary with its attachment references replaced (a log's attachments come after its
    /// events). Asked for the rows on screen only: it may read attachments.
    QString summary(const QString& stored);
    /// Whether a summary holds attachment references that summary() replaces.
    static bool hasAttachmentReference(const QString& text);
    /// The index among the listed events of the first event at or after `seq`.
    int rowOf(int seq);
    /// The event's JSON with attachment references replaced by their text. A model event's `input` holds the
    /// messages new since the previous model event, read from the message pool its `input_refs` name (which stay);
    /// `withCalls`: its raw API call's pooled entries (`call_refs`) put back too.
    QString payload(int seq, bool withCalls = true);
    /// The event types the transcript has, most common first.
    QStringList types();
    /// Each step's working time since the sample's start, by step, never decreasing.
    std::vector<double> workingTimes();

    /// The model calls, with their tokens and logged cost, in order.
    std::vector<EventRow> modelCalls();
    /// The steps a curve marks: compactions, errors, limits.
    std::vector<StepMark> marks();
    /// The score events' JSON, in order.
    std::vector<StepPayload> scoreEvents();
    /// Each tool call's output in order, attachments resolved, one at a time (they can be large); `visit` returns
    /// false to stop. `summaryContains`: only the calls whose summary holds these characters.
    void visitToolOutputs(const std::function<bool(const ToolOutput&)>& visit, const QString& summaryContains = {});
    /// The tool calls up to and including step `last` (-1: all), in order.
    std::vector<ToolCall> toolCalls(int last = -1);
    /// The tool calls at these steps (ascending), in order, read by one statement: the few a reader needs of many.
    std::vector<ToolCall> toolCallsAt(const std::vector<int>& steps);
    /// The outputs of the tool calls at these steps (ascending), in order, attachments resolved.
    std::vector<ToolOutput> toolOutputsAt(const std::vector<int>& steps);
    /// `text` with the sample's attachment references replaced by their text.
    QString resolveAttachments(const QString& text);

    /// The events of `types` (empty: every event) as list rows (without turn and depth), in order, read a page at a
    /// time; summaries as stored, their attachment references not replaced (summary() replaces them, reading
    /// attachments), a model call's left empty; `visit` returns false to stop.
    void visitEventRows(
        const std::function<bool(const EventRow&)>& visit, const QStringList& types = {}, int pageSize = 4096);
    /// The working start of the transcript's last event; 0 when it has none.
    double lastWorkingStart();
    /// Every event in order, one at a time; `visit` returns false to stop.
    void visitEvents(const std::function<bool(const StoredEvent&)>& visit);
    /// Every message, by kind then index, one at a time; `visit` returns false to stop.
    void visitMessages(const std::function<bool(const StoredMessage&)>& visit);

    /// False while some of this sample's messages wait to be indexed (a stopped import): find() misses them. Always
    /// true on PostgreSQL, where each file's messages are indexed as it is stored.
    bool fullyIndexed();
    /// Steps whose messages hold all of `words` (full-text index; on PostgreSQL, its own), in order, with the step of
    /// the sample's error when it holds them. The messages are gone through in `parts`, `progress` told of each (done,
    /// parts); `cancelled`, asked between them and every few thousand steps of SQLite's work, stops the find with no
    /// steps. PostgreSQL's index answers in one query, without either.
    std::vector<int> find(const QString& words, const std::function<bool()>& cancelled = {},
        const std::function<void(int, int)>& progress = {}, int parts = 1);

private:
    struct Readers;
    /// The steps of this sample's events of `type`, in order.
    std::vector<int> steps(const QString& type);
    void loadStructure();
    /// The tool calls of a statement's rows (seq, payload_chunk, payload_slot), their arguments read from the chunks.
    std::vector<ToolCall> readToolCalls(SqliteStatement& events, size_t expected);
    /// A working start as time since the sample's start: 0 for an event stamped before its clock started.
    double sampleTime(double workingStart);

    Store& m_store;
    Store* m_origin;
    qint64 m_sampleId;
    QString m_type;
    std::vector<int> m_listed; ///< the steps of the listed events, when a type filter leaves gaps
    std::unique_ptr<Readers> m_readers;
    // The transcript's shape, read once: where model calls, span openings and closings fall.
    bool m_structureLoaded = false;
    double m_latestTime = -1; ///< the latest working start a sample's event can have; -1: not read yet
    std::vector<int> m_modelCalls;
    std::vector<int> m_spanBegins;
    std::vector<int> m_spanEnds;
};
