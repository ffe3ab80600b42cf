// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/logrecords.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <rapidjson/document.h>

// Reading small JSON values (a header, an event, a message) that a reader has already cut out of a log.

using JsonValue = rapidjson::Value;

/// Parses `json` (NaN and Infinity allowed); false with `error` set when it is not valid JSON or nests deeper than
/// JsonLimits::maxDepth.
bool parseJson(rapidjson::Document& document, const char* json, size_t size, QString* error = nullptr);
/// Parses `json`, ended by a NUL, in place, RapidJSON's fastest way: the document's strings point into it, which
/// the parse changes. For text whose nesting was checked already (JsonStream::takeRaw() cut it out of a log).
bool parseJsonInPlace(rapidjson::Document& document, char* json, QString* error = nullptr);

const JsonValue* member(const JsonValue& object, const char* name);
QString stringOf(const JsonValue* value);
/// A string, or a number or bool written as text (sample ids may be either).
QString scalarText(const JsonValue* value);
double numberOf(const JsonValue* value, double fallback = notANumber);
qint64 integerOf(const JsonValue* value, qint64 fallback = 0);
QByteArray toJson(const JsonValue& value);
/// Text as Qt's JSON reads it (NaN and Infinity, which QJsonDocument refuses, become null); an empty object when
/// it is not a JSON object.
QJsonObject toJsonObject(const QString& json);

/// The searchable text of message content (a string or a list of content parts).
QString contentText(const JsonValue* content);
/// The searchable text of a ChatMessage: its content, its tool calls and their arguments, its tool error.
QString messageText(const JsonValue& message);
/// One line of at most `length` characters.
QString oneLine(const QString& text, int length = 160);
