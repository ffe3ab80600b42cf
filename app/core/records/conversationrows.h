// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <vector>

// What the store's read API returns for a transcript read as a conversation.

/// One event as a conversation shows it: its place, its time and its JSON, attachment references replaced.
struct ConversationEvent {
    int seq = 0;
    QString type;
    QString timestamp;
    QString model;
    qint64 inputTokens = 0; ///< all input of a model call: full rate, cache reads and writes
    qint64 outputTokens = 0;
    QString payload;
};

/// A message a model call reads for the first time (pool messages, in order), attachment references replaced.
struct ConversationMessage {
    int eventSeq = 0;
    QString role;
    QString json;
};
