// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "eventtext.h"

#include "json/jsonvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace {
QString field(const QJsonObject& object, const char* name)
{
    return object.value(QLatin1String(name)).toString();
}

/// Lines indented under a heading.
QString indented(const QString& text)
{
    if (text.isEmpty())
        return {};
    QString lines = QStringLiteral("    ") + text;
    lines.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    return lines;
}

QString joined(const QStringList& lines)
{
    QStringList kept;
    for (const QString& line : lines) {
        if (!line.isEmpty())
            kept << line;
    }
    return kept.join(QLatin1Char('\n'));
}

/// The event without the fields every event has: what is left says what happened.
QJsonObject ownFields(QJsonObject event)
{
    for (const char* common : { "event", "uuid", "span_id", "timestamp", "working_start", "metadata", "pending" })
        event.remove(QLatin1String(common));
    return event;
}
}

QString EventText::valueText(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 12);
    return QStringLiteral("null");
}

QString EventText::contentText(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue& part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (field(object, "type") == QLatin1String("text"))
            parts << field(object, "text");
    }
    return parts.join(QLatin1Char('\n'));
}

QString EventText::reasoningText(const QJsonValue& content)
{
    QStringList parts;
    for (const QJsonValue& part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (field(object, "type") != QLatin1String("reasoning"))
            continue;
        const QString reasoning = field(object, "reasoning");
        parts << (reasoning.isEmpty() ? field(object, "summary") : reasoning);
    }
    return joined(parts);
}

namespace {
bool hasReasoning(const QJsonValue& content)
{
    for (const QJsonValue& part : content.toArray()) {
        if (part.toObject().value(QLatin1String("type")).toString() == QLatin1String("reasoning"))
            return true;
    }
    return false;
}
}

QJsonObject EventText::outputMessage(const QJsonObject& event)
{
    return event.value(QLatin1String("output"))
        .toObject()
        .value(QLatin1String("choices"))
        .toArray()
        .first()
        .toObject()
        .value(QLatin1String("message"))
        .toObject();
}

QString EventText::outputText(const QJsonObject& event)
{
    return contentText(outputMessage(event).value(QLatin1String("content")));
}

QString EventText::toolCall(const QString& function, const QJsonObject& arguments)
{
    if (function == QLatin1String("bash") && arguments.contains(QLatin1String("cmd")))
        return QStringLiteral("$ ") + field(arguments, "cmd");
    if (function == QLatin1String("python") && arguments.contains(QLatin1String("code")))
        return QStringLiteral(">>> ") + field(arguments, "code");
    return function + QLatin1Char('(') + valueText(arguments) + QLatin1Char(')');
}

QString EventText::messageText(const QJsonObject& message)
{
    QStringList lines;
    const QString role = field(message, "role");
    QString heading = QLatin1Char('[') + role;
    if (role == QLatin1String("tool") && message.contains(QLatin1String("function")))
        heading += QLatin1Char(' ') + field(message, "function");
    heading += QLatin1Char(']');
    lines << heading;
    const QJsonValue content = message.value(QLatin1String("content"));
    const QString reasoning = reasoningText(content);
    if (!reasoning.isEmpty())
        lines << indented(tr("(reasoning) %1").arg(reasoning));
    else if (hasReasoning(content))
        lines << indented(tr("(reasoning, encrypted)"));
    lines << indented(contentText(content));
    for (const QJsonValue& call : message.value(QLatin1String("tool_calls")).toArray()) {
        const QJsonObject object = call.toObject();
        lines << indented(toolCall(field(object, "function"), object.value(QLatin1String("arguments")).toObject()));
    }
    const QJsonObject error = message.value(QLatin1String("error")).toObject();
    if (!error.isEmpty())
        lines << indented(tr("error (%1): %2").arg(field(error, "type"), field(error, "message")));
    return joined(lines);
}

namespace {
QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("EventText", text, nullptr, n);
}

QString modelText(const QJsonObject& event)
{
    QStringList lines;
    QString heading = field(event, "model");
    if (event.value(QLatin1String("role")).isString())
        heading += QStringLiteral(" (") + field(event, "role") + QLatin1Char(')');
    lines << tr("model %1").arg(heading);
    if (event.value(QLatin1String("error")).isString())
        lines << tr("error: %1").arg(field(event, "error"));
    const QJsonArray input = event.value(QLatin1String("input")).toArray();
    const bool pooled = event.contains(QLatin1String("input_refs"));
    if (input.isEmpty() && pooled)
        lines << tr("input: the same messages as the previous call");
    else if (!input.isEmpty())
        lines << (pooled ? tr("input new since the previous call, %n message(s):", int(input.size()))
                         : tr("input, %n message(s):", int(input.size())));
    for (const QJsonValue& message : input)
        lines << indented(EventText::messageText(message.toObject()));
    const QJsonObject message = EventText::outputMessage(event);
    if (!message.isEmpty())
        lines << tr("output:") << indented(EventText::messageText(message));
    const QJsonObject usage = event.value(QLatin1String("output")).toObject().value(QLatin1String("usage")).toObject();
    if (!usage.isEmpty()) {
        const auto tokens = [&](const char* name) { return usage.value(QLatin1String(name)).toInteger(); };
        lines << tr("tokens: %1 in (%2 from the cache), %3 out")
                     .arg(tokens("input_tokens") + tokens("input_tokens_cache_read")
                         + tokens("input_tokens_cache_write"))
                     .arg(tokens("input_tokens_cache_read"))
                     .arg(tokens("output_tokens"));
    }
    return joined(lines);
}

QString toolText(const QJsonObject& event)
{
    QStringList lines;
    lines << EventText::toolCall(field(event, "function"), event.value(QLatin1String("arguments")).toObject());
    const QJsonObject error = event.value(QLatin1String("error")).toObject();
    if (!error.isEmpty())
        lines << tr("error (%1): %2").arg(field(error, "type"), field(error, "message"));
    const QJsonValue result = event.value(QLatin1String("result"));
    const QString output = result.isArray() ? EventText::contentText(result) : EventText::valueText(result);
    if (!result.isUndefined() && !result.isNull())
        lines << indented(output.isEmpty() && !result.isString() ? EventText::valueText(result) : output);
    return joined(lines);
}

QString sandboxText(const QJsonObject& event)
{
    const QString action = field(event, "action");
    QStringList lines;
    if (action == QLatin1String("exec"))
        lines << tr("sandbox exec: $ %1").arg(field(event, "cmd"));
    else
        lines << tr("sandbox %1: %2").arg(action, field(event, "file"));
    if (event.value(QLatin1String("result")).isDouble())
        lines << tr("exit code %1").arg(event.value(QLatin1String("result")).toInteger());
    lines << indented(field(event, "input")) << indented(field(event, "output"));
    return joined(lines);
}

QString changesText(const QJsonObject& event)
{
    const QJsonArray changes = event.value(QLatin1String("changes")).toArray();
    QStringList lines { tr("%1: %n change(s)", int(changes.size())).arg(field(event, "event")) };
    for (const QJsonValue& change : changes) {
        const QJsonObject object = change.toObject();
        QString line = field(object, "op") + QLatin1Char(' ') + field(object, "path");
        if (object.contains(QLatin1String("from")))
            line += QStringLiteral(" from ") + field(object, "from");
        if (object.contains(QLatin1String("value")))
            line += QStringLiteral(" = ") + EventText::valueText(object.value(QLatin1String("value")));
        lines << indented(line);
    }
    return joined(lines);
}

QString scoreText(const QJsonObject& event)
{
    const QJsonObject score = event.value(QLatin1String("score")).toObject();
    QStringList lines;
    lines << (event.value(QLatin1String("intermediate")).toBool() ? tr("intermediate score: %1") : tr("score: %1"))
                 .arg(EventText::valueText(score.value(QLatin1String("value"))));
    if (score.contains(QLatin1String("answer")))
        lines << tr("answer: %1").arg(EventText::valueText(score.value(QLatin1String("answer"))));
    lines << indented(field(score, "explanation"));
    if (event.contains(QLatin1String("target")))
        lines << tr("target: %1").arg(EventText::valueText(event.value(QLatin1String("target"))));
    return joined(lines);
}

QString errorText(const QJsonObject& error)
{
    return joined({ tr("error: %1").arg(field(error, "message")), indented(field(error, "traceback")) });
}

QString loggerText(const QJsonObject& event)
{
    const QJsonObject message = event.value(QLatin1String("message")).toObject();
    QString line = field(message, "level") + QStringLiteral(": ") + field(message, "message");
    if (message.contains(QLatin1String("filename")))
        line += QStringLiteral(" (") + field(message, "filename") + QLatin1Char(':')
            + QString::number(message.value(QLatin1String("lineno")).toInteger()) + QLatin1Char(')');
    return line;
}

QString approvalText(const QJsonObject& event)
{
    const QJsonObject call = event.value(QLatin1String("call")).toObject();
    return joined({ tr("%1 by %2").arg(field(event, "decision"), field(event, "approver")),
        indented(EventText::toolCall(field(call, "function"), call.value(QLatin1String("arguments")).toObject())),
        indented(field(event, "explanation")) });
}

QString spanText(const QJsonObject& event)
{
    if (field(event, "event") == QLatin1String("span_end"))
        return tr("end of span %1").arg(field(event, "id"));
    const QString type = field(event, "type");
    return type.isEmpty() ? tr("begin %1").arg(field(event, "name"))
                          : tr("begin %1 %2").arg(type, field(event, "name"));
}
}

namespace {
QString sampleInitText(const QJsonObject& event)
{
    const QJsonObject sample = event.value(QLatin1String("sample")).toObject();
    const QJsonValue input = sample.value(QLatin1String("input"));
    QStringList lines { tr("sample %1 begins").arg(EventText::valueText(sample.value(QLatin1String("id")))) };
    if (input.isString())
        lines << indented(input.toString());
    for (const QJsonValue& message : input.toArray())
        lines << indented(EventText::messageText(message.toObject()));
    if (sample.contains(QLatin1String("target")))
        lines << tr("target: %1").arg(EventText::valueText(sample.value(QLatin1String("target"))));
    return joined(lines);
}

QString otherText(const QString& type, const QJsonObject& event)
{
    if (type == QLatin1String("sample_limit"))
        return tr("%1 limit: %2").arg(field(event, "type"), field(event, "message"));
    if (type == QLatin1String("info"))
        return joined({ tr("info %1").arg(field(event, "source")),
            indented(EventText::valueText(event.value(QLatin1String("data")))) });
    if (type == QLatin1String("input"))
        return tr("input: %1").arg(field(event, "input"));
    if (type == QLatin1String("subtask"))
        return joined({ tr("subtask %1").arg(field(event, "name")),
            indented(tr("input: %1").arg(EventText::valueText(event.value(QLatin1String("input"))))),
            indented(tr("result: %1").arg(EventText::valueText(event.value(QLatin1String("result"))))) });
    if (type == QLatin1String("compaction"))
        return tr("%1 compaction of the history: %2 tokens before, %3 after")
            .arg(field(event, "type"))
            .arg(event.value(QLatin1String("tokens_before")).toInteger())
            .arg(event.value(QLatin1String("tokens_after")).toInteger());
    if (type == QLatin1String("interrupt"))
        return tr("interrupted (%1) during %2").arg(field(event, "source"), field(event, "interrupted"));
    if (type == QLatin1String("step"))
        return tr("%1 %2 %3").arg(field(event, "action"), field(event, "type"), field(event, "name")).simplified();
    if (type == QLatin1String("score_edit"))
        return tr("score %1 edited: %2")
            .arg(field(event, "score_name"), EventText::valueText(event.value(QLatin1String("edit"))));
    // checkpoint, anchor, branch and kinds this version does not know: what they carry.
    return joined({ type, indented(EventText::valueText(ownFields(event))) });
}
}

QString EventText::render(const QString& eventJson)
{
    return render(toJsonObject(eventJson));
}

QString EventText::render(const QJsonObject& event)
{
    const QString type = field(event, "event");
    QString text;
    if (type == QLatin1String("model"))
        text = modelText(event);
    else if (type == QLatin1String("tool"))
        text = toolText(event);
    else if (type == QLatin1String("sandbox"))
        text = sandboxText(event);
    else if (type == QLatin1String("state") || type == QLatin1String("store"))
        text = changesText(event);
    else if (type == QLatin1String("score"))
        text = scoreText(event);
    else if (type == QLatin1String("error"))
        text = errorText(event.value(QLatin1String("error")).toObject());
    else if (type == QLatin1String("logger"))
        text = loggerText(event);
    else if (type == QLatin1String("approval"))
        text = approvalText(event);
    else if (type == QLatin1String("span_begin") || type == QLatin1String("span_end"))
        text = spanText(event);
    else if (type == QLatin1String("sample_init"))
        text = sampleInitText(event);
    else
        text = otherText(type, event);
    return text.isEmpty() ? tr("(%1, empty)").arg(type.isEmpty() ? tr("not an event") : type) : text;
}
