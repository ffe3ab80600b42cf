// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "jsonvalues.h"

#include "jsonguard.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <cmath>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace {
/// True if `document` parsed; else false, with its fault in `error` (if given).
bool parsed(const rapidjson::Document& document, QString* error)
{
    if (!document.HasParseError())
        return true;
    if (error) {
        *error = QCoreApplication::translate("Json", "invalid JSON at byte %1: %2")
                     .arg(document.GetErrorOffset())
                     .arg(QString::fromUtf8(rapidjson::GetParseError_En(document.GetParseError())));
    }
    return false;
}
}

bool parseJson(rapidjson::Document& document, const char* json, size_t size, QString* error)
{
    // Too deep a document is refused before it is parsed: whoever reads it would recurse as deep. The parse itself
    // keeps its own stack on the heap, whatever it is given.
    if (const size_t at = JsonLimits::tooDeepAt(json, size); at < size) {
        document.SetNull();
        if (error) {
            *error = QCoreApplication::translate("Json", "JSON nested deeper than %1 levels at byte %2")
                         .arg(JsonLimits::maxDepth)
                         .arg(at);
        }
        return false;
    }
    document
        .Parse<rapidjson::kParseNanAndInfFlag | rapidjson::kParseIterativeFlag | rapidjson::kParseFullPrecisionFlag>(
            json, size);
    return parsed(document, error);
}

bool parseJsonInPlace(rapidjson::Document& document, char* json, QString* error)
{
    document.ParseInsitu<rapidjson::kParseNanAndInfFlag>(json);
    return parsed(document, error);
}

const JsonValue* member(const JsonValue& object, const char* name)
{
    if (!object.IsObject())
        return nullptr;
    const auto it = object.FindMember(name);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

QString stringOf(const JsonValue* value)
{
    if (!value || !value->IsString())
        return {};
    return QString::fromUtf8(value->GetString(), value->GetStringLength());
}

QString scalarText(const JsonValue* value)
{
    if (!value)
        return {};
    if (value->IsString())
        return stringOf(value);
    if (value->IsInt64())
        return QString::number(value->GetInt64());
    if (value->IsUint64())
        return QString::number(value->GetUint64());
    if (value->IsDouble())
        return QString::number(value->GetDouble());
    if (value->IsBool())
        return value->GetBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

double numberOf(const JsonValue* value, double fallback)
{
    if (value && value->IsNumber())
        return value->GetDouble();
    return fallback;
}

qint64 integerOf(const JsonValue* value, qint64 fallback)
{
    if (!value || !value->IsNumber())
        return fallback;
    if (value->IsInt64())
        return value->GetInt64();
    if (value->IsUint64())
        return qint64(value->GetUint64());
    return qint64(value->GetDouble());
}

QByteArray toJson(const JsonValue& value)
{
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>, rapidjson::CrtAllocator,
        rapidjson::kWriteNanAndInfFlag>
        writer(buffer);
    value.Accept(writer);
    return QByteArray(buffer.GetString(), qsizetype(buffer.GetSize()));
}

namespace {
QJsonValue toQJson(const JsonValue& value)
{
    switch (value.GetType()) {
    case rapidjson::kNullType:
        return QJsonValue(QJsonValue::Null);
    case rapidjson::kFalseType:
        return false;
    case rapidjson::kTrueType:
        return true;
    case rapidjson::kStringType:
        return QString::fromUtf8(value.GetString(), qsizetype(value.GetStringLength()));
    case rapidjson::kNumberType:
        if (value.IsInt64())
            return qint64(value.GetInt64());
        return std::isfinite(value.GetDouble()) ? QJsonValue(value.GetDouble()) : QJsonValue(QJsonValue::Null);
    case rapidjson::kArrayType: {
        QJsonArray array;
        for (const auto& item : value.GetArray())
            array.append(toQJson(item));
        return array;
    }
    case rapidjson::kObjectType: {
        QJsonObject object;
        for (const auto& item : value.GetObject())
            object.insert(
                QString::fromUtf8(item.name.GetString(), qsizetype(item.name.GetStringLength())), toQJson(item.value));
        return object;
    }
    }
    return {};
}
}

QJsonObject toJsonObject(const QString& json)
{
    const QByteArray utf8 = json.toUtf8();
    rapidjson::Document document;
    if (!parseJson(document, utf8.constData(), size_t(utf8.size())) || !document.IsObject())
        return {};
    return toQJson(document).toObject();
}

QString contentText(const JsonValue* content)
{
    if (!content)
        return {};
    if (content->IsString())
        return stringOf(content);
    if (!content->IsArray())
        return {};
    QString text;
    for (const auto& part : content->GetArray()) {
        const QString type = stringOf(member(part, "type"));
        QString piece;
        if (type == QLatin1String("text"))
            piece = stringOf(member(part, "text"));
        else if (type == QLatin1String("reasoning"))
            piece = stringOf(member(part, "reasoning"));
        else if (type == QLatin1String("tool_use"))
            piece = stringOf(member(part, "name")) + QLatin1Char(' ') + scalarText(member(part, "arguments"));
        else if (!type.isEmpty())
            piece = QLatin1Char('[') + type + QLatin1Char(']');
        if (piece.isEmpty())
            continue;
        if (!text.isEmpty())
            text += QLatin1Char('\n');
        text += piece;
    }
    return text;
}

QString oneLine(const QString& text, int length)
{
    QString line = text.left(length * 4).simplified();
    if (line.size() > length)
        line = line.left(length - 1) + QChar(0x2026);
    return line;
}

QString messageText(const JsonValue& message)
{
    QString text = contentText(member(message, "content"));
    if (const JsonValue* calls = member(message, "tool_calls"); calls && calls->IsArray()) {
        for (const auto& call : calls->GetArray()) {
            if (!text.isEmpty())
                text += QLatin1Char('\n');
            text += stringOf(member(call, "function"));
            if (const JsonValue* arguments = member(call, "arguments"))
                text += QLatin1Char(' ') + QString::fromUtf8(toJson(*arguments));
        }
    }
    const JsonValue* error = member(message, "error");
    if (error && error->IsObject())
        text += QLatin1Char('\n') + stringOf(member(*error, "message"));
    else if (error && error->IsString())
        text += QLatin1Char('\n') + stringOf(error);
    return text;
}
