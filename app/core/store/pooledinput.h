// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "sqlitedb.h"

#include <QByteArray>
#include <QString>
#include <vector>

class AttachmentResolver;
class ChunkReader;

/// Puts back into a model event what the store keeps once for the whole sample: the input messages its
/// `input_refs` name in the message pool, and the raw API call entries its `call.call_refs` name.
class PooledInput {
public:
    PooledInput(SqliteDb& db, ChunkReader& chunks, AttachmentResolver& attachments, qint64 sampleId);

    /// The model event `seq`'s JSON (`eventJson`, attachments resolved) with `input` holding the messages that the
    /// previous model event (`previousSeq`, -1: none) did not read, and, when `withCalls`, `call.request[call_key]`
    /// filled from the pool of calls. Its `input_refs` stay, so the whole input can be told apart from what is shown.
    QString resolve(const QByteArray& eventJson, int seq, int previousSeq, bool withCalls);

private:
    QByteArray message(int index);
    QByteArray call(int index);
    /// The sorted pool indices model event `seq` reads.
    std::vector<int> referencedBy(int seq);

    SqliteDb& m_db;
    ChunkReader& m_chunks;
    AttachmentResolver& m_attachments;
    qint64 m_sampleId;
    SqliteStatement m_message;
    SqliteStatement m_call;
    SqliteStatement m_event;
    int m_lastSeq = -1; ///< the event resolved last, whose indices are kept: read in order, it is the next's previous
    std::vector<int> m_lastIndices;
};
