// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "blockrenderer.h"

#include "conversationmodel.h"
#include "eventrenderer.h"
#include "json/jsonvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("BlockRenderer", text);
}

QJsonObject objectOf(const QString& json)
{
    // Read as the core reads it: Inspect writes NaN, which QJsonDocument refuses.
    return toJsonObject(json);
}

/// EventRenderer's HTML without its heading: the block names the event itself.
QString eventHtml(const QJsonObject& event)
{
    static const QRegularExpression heading(QStringLiteral("^\\s*<h3>[^<]*</h3>"));
    static const QRegularExpression emptyPre(QStringLiteral("<pre[^>]*>\\s*</pre>\\s*$"));
    QString html = EventRenderer::toHtml(event);
    html.remove(heading);
    html.remove(emptyPre);
    return html;
}

QString terminal(const QString& html, const char* background = "#f4f4f1")
{
    return QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" bgcolor=\"%1\"><tr><td>"
                          "<pre style=\"white-space: pre-wrap; margin: 0\">%2</pre></td></tr></table>")
        .arg(QLatin1String(background), html);
}

QString banner(const QString& html, const char* background, const char* border)
{
    return QStringLiteral("<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\" bgcolor=\"%1\" "
                          "style=\"border: 1px solid %2\"><tr><td>%3</td></tr></table>")
        .arg(QLatin1String(background), QLatin1String(border), html);
}

QString textOf(const QJsonValue& content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue& part : content.toArray()) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("type")).toString() == QLatin1String("text"))
            parts << object.value(QLatin1String("text")).toString();
    }
    return parts.join(QLatin1Char('\n'));
}

/// The messages a model call reads for the first time, but the tool results and the model's own earlier output,
/// which the blocks before it show.
QString newMessagesHtml(const ConversationBlock& block)
{
    QString html;
    int toolResults = 0;
    for (const ConversationMessage& message : block.newMessages) {
        if (message.role == QLatin1String("tool")) {
            ++toolResults;
            continue;
        }
        if (message.role == QLatin1String("assistant"))
            continue;
        const QString text = textOf(objectOf(message.json).value(QLatin1String("content")));
        html += QStringLiteral("<p style=\"margin: 2px 0\"><b>%1</b></p>").arg(message.role.toHtmlEscaped())
            + terminal(BlockRenderer::foldedOutput(text).toHtmlEscaped(), "#eef2fb");
    }
    if (toolResults > 0)
        html += QStringLiteral("<p style=\"color: gray; margin: 2px 0\">%1</p>")
                    .arg(tr("reads %1 tool results new since the previous call").arg(toolResults));
    return html;
}

QString resultText(const QJsonValue& result)
{
    if (result.isString())
        return result.toString();
    if (result.isArray()) {
        QString text = textOf(result);
        if (!text.isEmpty())
            return text;
    }
    return result.isNull() || result.isUndefined()
        ? QString()
        : QString::fromUtf8(QJsonDocument::fromVariant(result.toVariant()).toJson(QJsonDocument::Compact));
}

QString greenLines(const QString& text)
{
    QString html;
    for (const QString& line : BlockRenderer::foldedOutput(text, 40).split(QLatin1Char('\n')))
        html += QStringLiteral("<span style=\"background: #e6ffed; color: #1a5e1a\">+ %1</span>\n")
                    .arg(line.toHtmlEscaped());
    return QStringLiteral("<pre style=\"white-space: pre-wrap; margin: 2px 0\">") + html + QStringLiteral("</pre>");
}

QString toolHtml(QJsonObject event)
{
    const QString output = resultText(event.value(QLatin1String("result")));
    event.insert(QLatin1String("result"), QString());
    QString created;
    QJsonObject arguments = event.value(QLatin1String("arguments")).toObject();
    // A created file is all new lines.
    if (event.value(QLatin1String("function")).toString() == QLatin1String("text_editor")
        && arguments.value(QLatin1String("command")).toString() == QLatin1String("create")) {
        created = greenLines(arguments.value(QLatin1String("file_text")).toString());
        arguments.remove(QLatin1String("file_text"));
        event.insert(QLatin1String("arguments"), arguments);
    }
    QString html = eventHtml(event) + created;
    if (!output.isEmpty())
        html += terminal(EventRenderer::ansiToHtml(BlockRenderer::foldedOutput(output)));
    return html;
}

QString modelHtml(QJsonObject event, bool toolsFollow)
{
    // The turn shows the messages new to the call above it: the event's own input, and its pool references, go.
    event.remove(QLatin1String("input"));
    event.remove(QLatin1String("input_refs"));
    // The block's first line counts the tokens.
    QJsonObject usageless = event.value(QLatin1String("output")).toObject();
    usageless.remove(QLatin1String("usage"));
    event.insert(QLatin1String("output"), usageless);
    if (toolsFollow) {
        // Each tool call is shown with its result by the tool event after it.
        QJsonObject output = event.value(QLatin1String("output")).toObject();
        QJsonArray choices = output.value(QLatin1String("choices")).toArray();
        if (!choices.isEmpty()) {
            QJsonObject choice = choices.first().toObject();
            QJsonObject message = choice.value(QLatin1String("message")).toObject();
            message.remove(QLatin1String("tool_calls"));
            choice.insert(QLatin1String("message"), message);
            choices.replace(0, choice);
            output.insert(QLatin1String("choices"), choices);
            event.insert(QLatin1String("output"), output);
        }
    }
    return eventHtml(event);
}

QString scoreHtml(const QJsonObject& event)
{
    const QJsonObject score = event.value(QLatin1String("score")).toObject();
    const QJsonValue value = score.value(QLatin1String("value"));
    QStringList parts;
    if (value.isObject()) {
        const QJsonObject values = value.toObject();
        for (auto it = values.begin(); it != values.end(); ++it)
            parts << QStringLiteral("%1 <b>%2</b>")
                         .arg(it.key().toHtmlEscaped(),
                             it.value().isDouble() ? QLocale().toString(it.value().toDouble(), 'g', 4)
                                                   : resultText(it.value()).toHtmlEscaped());
    } else {
        parts << QStringLiteral("<b>%1</b>")
                     .arg(value.isDouble() ? QLocale().toString(value.toDouble(), 'g', 4)
                                           : resultText(value).toHtmlEscaped());
    }
    const bool intermediate = event.value(QLatin1String("intermediate")).toBool();
    QString html = QStringLiteral("<p style=\"margin: 0\"><b>%1</b> %2</p>")
                       .arg(intermediate ? tr("Intermediate score:") : tr("Score:"),
                           parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
    const QString explanation = score.value(QLatin1String("explanation")).toString();
    if (!explanation.isEmpty())
        html += QStringLiteral("<pre style=\"white-space: pre-wrap; margin: 2px 0\">%1</pre>")
                    .arg(BlockRenderer::foldedOutput(explanation, 6).toHtmlEscaped());
    return html;
}

QString bannerHtml(const ConversationEvent& event, const QJsonObject& json)
{
    if (event.type == QLatin1String("score"))
        return banner(scoreHtml(json), "#e8f5e9", "#7cb342");
    if (event.type == QLatin1String("compaction"))
        return banner(eventHtml(json), "#e3f2fd", "#64b5f6");
    if (event.type == QLatin1String("sample_limit"))
        return banner(QStringLiteral("<b>%1</b> ").arg(tr("Limit reached:")) + eventHtml(json), "#fff3e0", "#fb8c00");
    return banner(QStringLiteral("<b>%1</b> ").arg(tr("Error:")) + eventHtml(json), "#fdecea", "#e53935");
}

QString spanHtml(const ConversationEvent& event, const QJsonObject& json, bool collapsed)
{
    if (event.type == QLatin1String("span_end"))
        return QStringLiteral("<p style=\"color: gray; margin: 0\">\u25c2 %1</p>").arg(tr("end of span"));
    const QString type = json.value(QLatin1String("type")).toString();
    return QStringLiteral("<p style=\"color: #555; margin: 0\">%1 <b>%2</b> %3 &nbsp;<i>%4</i></p>")
        .arg(collapsed ? QStringLiteral("\u25b8") : QStringLiteral("\u25be"),
            json.value(QLatin1String("name")).toString().toHtmlEscaped(),
            type.isEmpty() ? QString() : QStringLiteral("(%1)").arg(type.toHtmlEscaped()),
            collapsed ? tr("folded: double-click to open") : tr("double-click to fold"));
}

QString headerHtml(const ConversationBlock& block)
{
    QStringList parts;
    if (block.seconds >= 0)
        parts << QStringLiteral("<b>+%1</b>").arg(BlockRenderer::clock(block.seconds));
    if (block.kind == ConversationBlock::Turn)
        parts << tr("turn %1").arg(QLocale().toString(block.turn));
    parts << (block.first == block.last
            ? tr("step %1").arg(QLocale().toString(block.first))
            : tr("steps %1\u2013%2").arg(QLocale().toString(block.first), QLocale().toString(block.last)));
    for (const ConversationEvent& event : block.events) {
        if (event.type == QLatin1String("model") && !event.model.isEmpty()) {
            parts << event.model.toHtmlEscaped();
            if (event.inputTokens + event.outputTokens > 0)
                parts << tr("%1 tokens in, %2 out")
                             .arg(QLocale().toString(event.inputTokens), QLocale().toString(event.outputTokens));
            break;
        }
    }
    return QStringLiteral("<p style=\"color: #666; margin: 0 0 4px 0\">%1</p>")
        .arg(parts.join(QStringLiteral(" &nbsp;\u00b7&nbsp; ")));
}

QString otherHtml(const ConversationEvent& event, const QJsonObject& json)
{
    QString html
        = QStringLiteral("<p style=\"color: gray; margin: 4px 0 0 0\"><i>%1</i></p>").arg(event.type.toHtmlEscaped());
    // The sample's first messages are the first model call's: shown there.
    if (event.type == QLatin1String("sample_init")) {
        const QJsonObject sample = json.value(QLatin1String("sample")).toObject();
        return html
            + QStringLiteral("<p style=\"margin: 0\">%1</p>")
                  .arg(tr("Sample %1 begins; its first messages are shown with the first model call.")
                           .arg(resultText(sample.value(QLatin1String("id"))).toHtmlEscaped()));
    }
    // A state or store change as the paths it changed; its values are in the Event tab.
    if (event.type == QLatin1String("state") || event.type == QLatin1String("store")) {
        const QJsonArray changes = json.value(QLatin1String("changes")).toArray();
        QStringList lines;
        for (const QJsonValue& change : changes) {
            if (lines.size() == 6) {
                lines << tr("\u2026 %1 more").arg(changes.size() - 6);
                break;
            }
            const QJsonObject object = change.toObject();
            lines << QStringLiteral("%1 %2").arg(
                object.value(QLatin1String("op")).toString(), object.value(QLatin1String("path")).toString());
        }
        return html
            + QStringLiteral("<pre style=\"white-space: pre-wrap; margin: 0; color: #555\">%1</pre>")
                  .arg(lines.join(QLatin1Char('\n')).toHtmlEscaped());
    }
    // A sandbox call in a line: what it did, and how it ended (its output is the tool's, shown above it).
    if (event.type == QLatin1String("sandbox")) {
        const QString action = json.value(QLatin1String("action")).toString();
        const QString what = json.value(QLatin1String("cmd")).toString() + json.value(QLatin1String("file")).toString();
        const QJsonValue result = json.value(QLatin1String("result"));
        return html.replace(QStringLiteral("</i></p>"),
            QStringLiteral("</i> %1 <code>%2</code>%3</p>")
                .arg(action.toHtmlEscaped(), what.left(200).toHtmlEscaped(),
                    result.isDouble() ? tr(", exit status %1").arg(result.toInt()) : QString()));
    }
    const QString rendered = eventHtml(json);
    // A long rendering (a large state change) would push the conversation away: the Event tab shows it whole.
    if (rendered.size() > 3000)
        return html
            + QStringLiteral("<p style=\"color: gray; margin: 0\">%1</p>")
                  .arg(tr("%1 of JSON, shown whole in the Event tab when the block is selected")
                           .arg(QLocale().formattedDataSize(
                               event.payload.size(), 0, QLocale::DataSizeTraditionalFormat)));
    return html + rendered;
}
}

namespace BlockRenderer {

QString clock(double seconds)
{
    const qint64 whole = qint64(seconds);
    return QStringLiteral("%1:%2:%3")
        .arg(whole / 3600)
        .arg((whole / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString foldedOutput(const QString& text, int lines)
{
    QString trimmed = text;
    while (trimmed.endsWith(QLatin1Char('\n')))
        trimmed.chop(1);
    const QStringList all = trimmed.split(QLatin1Char('\n'));
    if (all.size() <= lines + 1)
        return trimmed;
    const QStringList shown = all.mid(0, lines);
    const qsizetype shownChars = shown.join(QLatin1Char('\n')).size();
    const QString more = QLocale().formattedDataSize(
        std::max<qint64>(0, (trimmed.size() - shownChars)), 0, QLocale::DataSizeTraditionalFormat);
    return shown.join(QLatin1Char('\n')) + QLatin1Char('\n')
        + tr("\u2026 %1 more lines (%2)").arg(QLocale().toString(all.size() - lines), more);
}

QString toHtml(const ConversationBlock& block)
{
    QString html = headerHtml(block);
    const bool toolsFollow = std::any_of(block.events.begin(), block.events.end(),
        [](const ConversationEvent& event) { return event.type == QLatin1String("tool"); });
    for (const ConversationEvent& event : block.events) {
        const QJsonObject json = objectOf(event.payload);
        if (event.type == QLatin1String("model"))
            html += newMessagesHtml(block) + modelHtml(json, toolsFollow);
        else if (event.type == QLatin1String("tool"))
            html += toolHtml(json);
        else if (block.kind == ConversationBlock::Banner && event.seq == block.first)
            html += bannerHtml(event, json);
        else if (event.type == QLatin1String("span_begin") || event.type == QLatin1String("span_end")) {
            if (block.kind == ConversationBlock::Span)
                html += spanHtml(event, json, block.collapsed);
        } else
            html += otherHtml(event, json);
    }
    // A block whose events are all hidden spans says so in a line.
    if (block.kind != ConversationBlock::Span && !block.events.empty()
        && std::all_of(block.events.begin(), block.events.end(), [](const ConversationEvent& event) {
               return event.type == QLatin1String("span_begin") || event.type == QLatin1String("span_end");
           }))
        html += QStringLiteral("<p style=\"color: gray; margin: 0\"><i>%1</i></p>")
                    .arg(tr("%1 span openings and closings, hidden (Spans shows them)").arg(block.events.size()));
    if (block.collapsed)
        html += QStringLiteral("<p style=\"color: gray; margin: 0\"><i>%1</i></p>")
                    .arg(tr("%1 events folded, up to step %2")
                             .arg(QLocale().toString(block.omitted), QLocale().toString(block.last)));
    else if (block.omitted > 0)
        html += QStringLiteral("<p style=\"color: gray\"><i>%1</i></p>")
                    .arg(tr("\u2026 %1 more events up to step %2: the event table lists them")
                             .arg(QLocale().toString(block.omitted), QLocale().toString(block.last)));
    return html;
}
}
