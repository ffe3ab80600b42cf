// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "eventrenderer.h"

#include "analysis/eventtext.h"
#include "json/jsonvalues.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextDocument>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("EventRenderer", text);
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString pre(const QString& html)
{
    return QStringLiteral("<pre style=\"white-space: pre-wrap; margin: 2px 0\">") + html + QStringLiteral("</pre>");
}

/// Long output folded: its head and tail, and how much lies between.
QString folded(const QString& text, int lines = 40)
{
    const QStringList all = text.split(QLatin1Char('\n'));
    if (all.size() <= lines)
        return text;
    return (all.mid(0, lines / 2)
        + QStringList { QStringLiteral("\u2026 %1 more lines \u2026").arg(all.size() - lines) }
        + all.mid(all.size() - lines / 2))
        .join(QLatin1Char('\n'));
}

/// The model's prose in light markdown (emphasis, code, lists), as the model wrote it.
QString markdown(const QString& text)
{
    QTextDocument document;
    document.setMarkdown(text);
    QString html = document.toHtml();
    const qsizetype body = html.indexOf(QLatin1String("<body"));
    const qsizetype start = html.indexOf(QLatin1Char('>'), body) + 1;
    const qsizetype end = html.lastIndexOf(QLatin1String("</body>"));
    return body < 0 || end < start ? pre(escaped(text)) : html.mid(start, end - start);
}

QString contentHtml(const QJsonValue& content)
{
    if (content.isString())
        return markdown(content.toString());
    QString html;
    for (const QJsonValue& part : content.toArray()) {
        const QJsonObject object = part.toObject();
        const QString type = object.value(QLatin1String("type")).toString();
        if (type == QLatin1String("reasoning")) {
            const QString reasoning = object.value(QLatin1String("reasoning")).toString();
            html += QStringLiteral("<p style=\"color: gray\"><i>%1</i></p>")
                        .arg(reasoning.isEmpty()
                                ? tr("Reasoning (encrypted)")
                                : tr("Reasoning, about %1 tokens, folded: select the JSON tab to read it")
                                      .arg(reasoning.size() / 4));
        } else if (type == QLatin1String("text")) {
            html += markdown(object.value(QLatin1String("text")).toString());
        } else if (!type.isEmpty()) {
            html += QStringLiteral("<p><i>[%1]</i></p>").arg(escaped(type));
        }
    }
    return html;
}

/// The messages new since the previous model call, each under its role; the output follows.
QString inputHtml(const QJsonObject& event)
{
    const QJsonArray input = event.value(QLatin1String("input")).toArray();
    if (input.isEmpty())
        return event.contains(QLatin1String("input_refs"))
            ? QStringLiteral("<p style=\"color: gray\">%1</p>")
                  .arg(tr("Input: the same messages as the previous call."))
            : QString();
    QString html = QStringLiteral("<p style=\"color: gray\">%1</p>")
                       .arg(event.contains(QLatin1String("input_refs")) ? tr("Input new since the previous call:")
                                                                        : tr("Input:"));
    for (const QJsonValue& message : input) {
        // Each cut short: a tool's output can run to megabytes, and the whole is in the JSON tab.
        const QString text = folded(EventText::messageText(message.toObject()));
        html += pre(escaped(text.left(4000)));
        if (text.size() > 4000)
            html += QStringLiteral("<p style=\"color: gray\">%1</p>")
                        .arg(tr("\u2026 %1 more characters in the JSON tab").arg(text.size() - 4000));
    }
    return html + QStringLiteral("<p style=\"color: gray\">%1</p>").arg(tr("Output:"));
}

QString diff(const QString& oldText, const QString& newText)
{
    QString html;
    for (const QString& line : oldText.split(QLatin1Char('\n')))
        html += QStringLiteral("<span style=\"background: #fbe3e4; color: #8a1f11\">- %1</span>\n").arg(escaped(line));
    for (const QString& line : newText.split(QLatin1Char('\n')))
        html += QStringLiteral("<span style=\"background: #e6ffed; color: #1a5e1a\">+ %1</span>\n").arg(escaped(line));
    return pre(html);
}

QString toolCallHtml(const QString& function, const QJsonObject& arguments)
{
    if (function == QLatin1String("bash"))
        return pre(QStringLiteral("<b>$</b> ") + escaped(arguments.value(QLatin1String("cmd")).toString()));
    if (function == QLatin1String("text_editor")) {
        const QString command = arguments.value(QLatin1String("command")).toString();
        QString html = QStringLiteral("<p><b>text_editor %1</b> %2</p>")
                           .arg(escaped(command), escaped(arguments.value(QLatin1String("path")).toString()));
        if (command == QLatin1String("str_replace"))
            html += diff(arguments.value(QLatin1String("old_str")).toString(),
                arguments.value(QLatin1String("new_str")).toString());
        else if (command == QLatin1String("insert"))
            html += QStringLiteral("<p>%1</p>")
                        .arg(tr("after line %1:").arg(arguments.value(QLatin1String("insert_line")).toInt()))
                + diff(QString(), arguments.value(QLatin1String("new_str")).toString())
                      .replace(QLatin1String("- \n"), QString());
        else if (command == QLatin1String("create"))
            html += pre(escaped(folded(arguments.value(QLatin1String("file_text")).toString(), 80)));
        return html;
    }
    return pre(escaped(
        function + QLatin1Char(' ') + QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact))));
}
}

namespace EventRenderer {

QString ansiToHtml(const QString& text)
{
    static const QRegularExpression sgr(QStringLiteral("\\x1b\\[([0-9;]*)m"));
    static const char* colours[]
        = { "#000000", "#c91b00", "#00c200", "#c7c400", "#0225c7", "#c930c7", "#00c5c7", "#c7c7c7" };
    QString html;
    qsizetype from = 0;
    bool open = false;
    for (auto it = sgr.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        html += escaped(text.mid(from, match.capturedStart() - from));
        from = match.capturedEnd();
        if (open) {
            html += QStringLiteral("</span>");
            open = false;
        }
        for (const QString& code : match.captured(1).split(QLatin1Char(';'))) {
            const int value = code.toInt();
            if ((value >= 30 && value <= 37) || (value >= 90 && value <= 97)) {
                html += QStringLiteral("<span style=\"color: %1\">").arg(QLatin1String(colours[(value % 10) % 8]));
                open = true;
                break;
            }
            if (value == 1) {
                html += QStringLiteral("<span style=\"font-weight: bold\">");
                open = true;
                break;
            }
        }
    }
    html += escaped(text.mid(from));
    if (open)
        html += QStringLiteral("</span>");
    return html;
}

QString toHtml(const QString& eventJson)
{
    // Read as the core reads it: Inspect writes NaN, which QJsonDocument refuses.
    return toHtml(toJsonObject(eventJson));
}

QString toHtml(const QJsonObject& event)
{
    const QString type = event.value(QLatin1String("event")).toString();
    QString html = QStringLiteral("<h3>%1</h3>").arg(escaped(type));
    if (type == QLatin1String("model")) {
        const QJsonObject output = event.value(QLatin1String("output")).toObject();
        const QString error = event.value(QLatin1String("error")).toString();
        if (!error.isEmpty())
            html += QStringLiteral("<p style=\"color: #c00\"><b>%1</b> %2</p>").arg(tr("Model error:"), escaped(error));
        html += inputHtml(event);
        const QJsonObject message = output.value(QLatin1String("choices"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QLatin1String("message"))
                                        .toObject();
        html += contentHtml(message.value(QLatin1String("content")));
        for (const QJsonValue& call : message.value(QLatin1String("tool_calls")).toArray()) {
            const QJsonObject object = call.toObject();
            html += toolCallHtml(object.value(QLatin1String("function")).toString(),
                object.value(QLatin1String("arguments")).toObject());
        }
        const QJsonObject usage = output.value(QLatin1String("usage")).toObject();
        if (!usage.isEmpty()) {
            html += QStringLiteral("<p style=\"color: gray\">%1</p>")
                        .arg(tr("%1 input tokens (%2 from the cache), %3 output tokens")
                                 .arg(usage.value(QLatin1String("input_tokens")).toInteger()
                                     + usage.value(QLatin1String("input_tokens_cache_read")).toInteger()
                                     + usage.value(QLatin1String("input_tokens_cache_write")).toInteger())
                                 .arg(usage.value(QLatin1String("input_tokens_cache_read")).toInteger())
                                 .arg(usage.value(QLatin1String("output_tokens")).toInteger()));
        }
    } else if (type == QLatin1String("tool")) {
        html += toolCallHtml(
            event.value(QLatin1String("function")).toString(), event.value(QLatin1String("arguments")).toObject());
        const QJsonObject error = event.value(QLatin1String("error")).toObject();
        if (!error.isEmpty())
            html += QStringLiteral("<p style=\"color: #c00\"><b>%1</b> %2</p>")
                        .arg(tr("Tool error:"), escaped(error.value(QLatin1String("message")).toString()));
        const QJsonValue result = event.value(QLatin1String("result"));
        html += pre(ansiToHtml(folded(
            result.isString() ? result.toString() : QString::fromUtf8(QJsonDocument(result.toArray()).toJson()))));
    } else if (type == QLatin1String("compaction")) {
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("The history was compacted: %1 tokens before, %2 after.")
                             .arg(event.value(QLatin1String("tokens_before")).toInteger())
                             .arg(event.value(QLatin1String("tokens_after")).toInteger()));
    } else if (type == QLatin1String("sample_limit")) {
        html += QStringLiteral("<p style=\"color: #c00\"><b>%1</b></p>")
                    .arg(escaped(event.value(QLatin1String("message")).toString()));
    } else if (type == QLatin1String("error")) {
        const QJsonObject error = event.value(QLatin1String("error")).toObject();
        html += QStringLiteral("<p style=\"color: #c00\"><b>%1</b></p>")
                    .arg(escaped(error.value(QLatin1String("message")).toString()))
            + pre(escaped(error.value(QLatin1String("traceback")).toString()));
    } else if (type == QLatin1String("score")) {
        const QJsonObject score = event.value(QLatin1String("score")).toObject();
        html += QStringLiteral("<p>%1</p>")
                    .arg(escaped(QString::fromUtf8(
                        QJsonDocument(QJsonObject { { QStringLiteral("value"), score.value(QLatin1String("value")) } })
                            .toJson(QJsonDocument::Compact))))
            + QStringLiteral("<p>%1</p>").arg(escaped(score.value(QLatin1String("explanation")).toString()));
    } else {
        // Cut as the JSON once was: a state change can carry megabytes on one line, and the whole is a tab away.
        const QString text = EventText::render(event);
        html += pre(ansiToHtml(folded(text.left(8000), 200)))
            + (text.size() > 8000 ? QStringLiteral("<p style=\"color: gray\">%1</p>")
                                        .arg(tr("\u2026 %1 more characters in the JSON tab").arg(text.size() - 8000))
                                  : QString());
    }
    return html;
}
}
