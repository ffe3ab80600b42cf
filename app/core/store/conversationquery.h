// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/conversationrows.h"

#include <QString>
#include <memory>
#include <vector>

class Store;

/// Reads one sample's transcript as a conversation reads it: a range of steps at a time with their JSON, the messages
/// each model call reads for the first time, and where events of a type fall. Nothing of it is held whole.
class ConversationQuery {
public:
    ConversationQuery(Store& store, qint64 sampleId);
    ~ConversationQuery();

    qint64 sampleId() const { return m_sampleId; }
    /// The number of events (steps are numbered from 0 without gaps).
    int eventCount();
    /// The steps of the events of `type`, ascending.
    std::vector<int> steps(const QString& type);
    /// The timestamp of the first event: where the sample's relative times start.
    QString firstTimestamp();
    /// The events from step `first` through step `last`, at most `limit` of them, in order.
    std::vector<ConversationEvent> events(int first, int last, int limit);
    /// The pool messages that the model call at step `seq` reads for the first time, in order, looked for among the
    /// pool positions from `fromIndex` to before `toIndex` (the last of the call's input ranges: a scan of the
    /// whole pool would take as long as the transcript is).
    std::vector<ConversationMessage> newMessages(int seq, int fromIndex, int toIndex);

private:
    struct Readers;
    QString resolvedJson(const QByteArray& json);
    qint64 m_sampleId;
    std::unique_ptr<Readers> m_readers;
};
