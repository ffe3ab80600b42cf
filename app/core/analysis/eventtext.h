// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

/// What an event says happened, as plain text in the reader's language: the one rendering of every event kind
/// Inspect writes, shared by the replay and `runlens-cli transcript`. A model event reads as the messages new since
/// the previous call and its output (text, reasoning, tool calls); state and store changes as their JSON patch;
/// sandbox calls, approvals, logger lines, errors, limits, scores and spans in words; anything else as its JSON.
class EventText {
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    /// The event (JSON as TranscriptQuery::payload() returns it) as text; never empty.
    static QString render(const QJsonObject& event);
    static QString render(const QString& eventJson);

    /// The text of message content: a string, or its text parts joined by newlines (as Inspect's `.text`).
    static QString contentText(const QJsonValue& content);
    /// The reasoning parts of message content, joined by newlines (empty when encrypted or absent).
    static QString reasoningText(const QJsonValue& content);
    /// The first choice's message of a model event's output.
    static QJsonObject outputMessage(const QJsonObject& event);
    /// The model's output text: the first choice's message content as text.
    static QString outputText(const QJsonObject& event);
    /// A tool call as one line: `function(arguments)`, a bash call as `$ command`.
    static QString toolCall(const QString& function, const QJsonObject& arguments);
    /// Any JSON value as compact text (a string as itself).
    static QString valueText(const QJsonValue& value);
    /// A message of a model's input: its role, text and tool calls.
    static QString messageText(const QJsonObject& message);
};
