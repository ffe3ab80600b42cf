#include "samplesynth.h"

#include "demoprogram.h"
#include "synthtext.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace {
constexpr int attachmentThreshold = 100; // Inspect moves strings over 100 characters into attachments

// The tools' JSON schemas, as the model event lists them and the provider request sends them.
const QByteArray bashParameters = R"({"type": "object", "properties": {"cmd": {"type": "string", )"
                                  R"("description": "The bash command to execute."}}, "required": ["cmd"], )"
                                  R"("additionalProperties": false})";
const QByteArray editorParameters
    = R"({"type": "object", "properties": {"command": {"type": "string", "enum": ["view", "create", "str_replace", )"
      R"("insert", "undo_edit"]}, "path": {"type": "string"}, "file_text": {"type": "string"}, "insert_line": )"
      R"({"type": "integer"}, "new_str": {"type": "string"}, "old_str": {"type": "string"}, "view_range": )"
      R"({"type": "array", "items": {"type": "integer"}}}, "required": ["command", "path"], )"
      R"("additionalProperties": false})";

QByteArray jsonString(const QByteArray& text)
{
    QByteArray json;
    JsonOut out([&json](const QByteArray& bytes) {
        json += bytes;
        return true;
    });
    out.string(text);
    out.flush();
    return json;
}

/// One agent turn: the model's message and tool call, and what the tool returned.
struct Turn {
    QByteArray messageId;
    QByteArray toolMessageId;
    QByteArray callId;
    QByteArray reasoning; // empty: none
    QByteArray text;
    QByteArray function; // bash or text_editor
    std::vector<std::pair<QByteArray, QByteArray>> arguments; // name -> string value
    int insertLine = -1; // text_editor insert
    QByteArray result;
    bool testRun = false;
    bool stateChange = false;
    int visiblePassed = 0;
    int heldOutPassed = 0;
    double seconds = 0;
    qint64 outputTokens = 0;
    qint64 reasoningTokens = 0;
    QByteArray spanId;
};
}

SampleSynth::SampleSynth(SampleSpec spec)
    : m_spec(std::move(spec))
{
}

QByteArray SampleSynth::newId(SynthRandom& random) const
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    QByteArray id(22, '0');
    for (char& c : id)
        c = alphabet[random.range(0, int(sizeof alphabet) - 2)];
    return id;
}

QString SampleSynth::timestamp(double seconds) const
{
    const QDateTime at = m_spec.start.addMSecs(qint64(seconds * 1000.0));
    return at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000+00:00");
}

void SampleSynth::text(JsonOut& out, const QByteArray& value)
{
    if (value.size() <= attachmentThreshold) {
        out.string(value);
        return;
    }
    const QByteArray hash = SynthText::hash(value);
    if (m_pass == Pass::Events)
        m_hashes.insert(hash);
    out.string(QByteArray("attachment://") + hash);
}

void SampleSynth::attachment(JsonOut& out, const QByteArray& value)
{
    if (value.size() <= attachmentThreshold)
        return;
    const QByteArray hash = SynthText::hash(value);
    if (!m_hashes.insert(hash).second)
        return;
    out.key(hash.constData()).string(value);
    ++m_stats.attachments;
}

int SampleSynth::finalVisiblePassed() const
{
    return m_spec.demo ? m_spec.demoPasses.back().first : int(std::lround(m_spec.finalVisible * m_spec.visibleTotal));
}

int SampleSynth::finalHeldOutPassed() const
{
    return m_spec.demo ? m_spec.demoPasses.back().second : int(std::lround(m_spec.finalHeldOut * m_spec.heldOutTotal));
}

QByteArray SampleSynth::scoreValue(int visiblePassed, int heldOutPassed) const
{
    return QByteArray("{\"visible\": ") + QByteArray::number(double(visiblePassed) / m_spec.visibleTotal, 'g', 17)
        + ", \"held_out\": " + QByteArray::number(double(heldOutPassed) / m_spec.heldOutTotal, 'g', 17) + "}";
}

void SampleSynth::simulate(Pass pass, JsonOut& out)
{
    m_pass = pass;
    const bool events = pass == Pass::Events;
    const bool pool = pass == Pass::Pool;
    SynthRandom random = SynthRandom::derive(m_spec.seed, 1);
    const QByteArray language = m_spec.language.toUtf8();
    const QByteArray model = m_spec.model.toUtf8();
    const QByteArray program = m_spec.program.toUtf8();
    const QByteArray workspace = "/home/agent/" + program;
    const QByteArray source = m_spec.demo ? QByteArray(workspace + "/main.py")
        : QByteArray(workspace + "/src/main." + (language == "python" ? QByteArray("py") : language == "rust" ? QByteArray("rs")
                                          : language == "ocaml"                  ? QByteArray("ml")
                                          : language == "ada"                    ? QByteArray("adb")
                                                                                 : language));

    // The opening messages and the tools, the same in every pass.
    SynthRandom opening = SynthRandom::derive(m_spec.seed, 2);
    const QByteArray systemText = "You are an expert software engineer. Reimplement the command-line program `" + program
        + "` in " + language + " from its behaviour alone. " + SynthText::prose(opening, 120);
    const QByteArray taskText = "Task: reimplement `" + program + "` in " + language + ". The reference binary is at ./reference; "
        "its documentation is in docs/; visible tests are in tests/. "
        + (m_spec.demo ? m_spec.demo->documentation().toUtf8() : SynthText::prose(opening, 90));
    const QByteArray systemId = newId(opening), taskId = newId(opening);
    const QByteArray bashDescription = "Use this function to execute bash commands in the agent's sandbox. " + SynthText::prose(opening, 30);
    const QByteArray editorDescription = "Use this function to view, create and edit files: commands view, create, str_replace, insert and undo_edit. "
        + SynthText::prose(opening, 30);
    const QByteArray solverSpan = newId(opening), agentSpan = newId(opening), initSpan = newId(opening), scorersSpan = newId(opening);

    double clock = 0; // seconds since the start
    int seq = 0;
    SynthRandom uuids = SynthRandom::derive(m_spec.seed, 5); // drawn by the events pass only
    auto eventStart = [&](const char* type, const QByteArray& span) {
        out.beginObject();
        out.field("uuid", newId(uuids)).field("span_id", span).field("timestamp", timestamp(clock));
        out.key("working_start").real(clock, 3);
        out.field("event", type);
        ++seq;
    };
    auto spanBegin = [&](const QByteArray& id, const QByteArray& parent, const char* type, const QByteArray& name) {
        if (!events)
            return;
        eventStart("span_begin", id);
        out.field("id", id);
        if (!parent.isEmpty())
            out.field("parent_id", parent);
        out.field("type", type).field("name", name).endObject();
    };
    auto spanEnd = [&](const QByteArray& id) {
        if (!events)
            return;
        eventStart("span_end", id);
        out.field("id", id).endObject();
    };
    auto userMessage = [&](const QByteArray& id, const QByteArray& content, const char* role) {
        out.beginObject().field("id", id).key("content");
        text(out, content);
        if (QByteArrayView(role) == "user")
            out.field("source", "input");
        out.field("role", role).endObject();
    };

    // Pool: 0 system, 1 task; each turn adds the assistant message and the tool's reply; a compaction adds its summary.
    int poolSize = 2;
    int contextStart = 2;
    qint64 contextTokens = (systemText.size() + taskText.size()) / 4;
    if (pool) {
        userMessage(systemId, systemText, "system");
        userMessage(taskId, taskText, "user");
    } else if (pass == Pass::Attachments) {
        attachment(out, systemText);
        attachment(out, taskText);
        attachment(out, bashDescription);
        attachment(out, editorDescription);
    }

    // Before the agent: init span with the sample and its starting state.
    spanBegin(initSpan, {}, "init", "init");
    if (events) {
        eventStart("sample_init", initSpan);
        out.key("sample").beginObject().field("input", taskText.left(80) + "...").field("target", "").field("id", m_spec.id);
        out.key("metadata").beginObject().field("program", m_spec.program).field("tier", m_spec.tier).field("language", m_spec.language).endObject();
        out.endObject();
        out.key("state").beginObject().key("messages").beginArray();
        userMessage(systemId, systemText, "system");
        userMessage(taskId, taskText, "user");
        out.endArray().key("tools").beginArray().endArray().field("tool_choice", "auto").key("store").beginObject().endObject();
        out.key("metadata").beginObject().endObject().endObject().endObject();
    }
    spanEnd(initSpan);
    spanBegin(solverSpan, {}, "solvers", "solvers");
    spanBegin(agentSpan, solverSpan, "agent", "react");

    // The pass curve: test runs every few turns; plateaus, steps and an occasional fall, ending at the final fractions.
    const int curveTurns = m_spec.curveTurns > 0 ? std::min(m_spec.curveTurns, m_spec.turns) : m_spec.turns;
    const int cadence = m_spec.demo ? 2 : std::max(3, int(curveTurns / 40));
    int testRuns = 0;
    for (int t = 0; t < curveTurns; ++t)
        testRuns += (t % cadence == cadence - 1) || t == curveTurns - 1;
    const int finalVisible = finalVisiblePassed();
    const int finalHeldOut = finalHeldOutPassed();
    SynthRandom curve = SynthRandom::derive(m_spec.seed, 3);
    double progress = 0;
    int testRun = 0;
    int version = -1; // demo: the version of the code written so far
    QByteArray content; // the source file as it stands
    // What the run has spent, counted in every pass: a limit must cut each pass at the same turn.
    double spent = 0;
    qint64 tokens = 0;
    bool limitHit = false;

    for (int t = 0; t < m_spec.turns; ++t) {
        Turn turn;
        turn.messageId = newId(random);
        turn.toolMessageId = newId(random);
        turn.callId = "toolu_" + newId(random);
        turn.spanId = newId(random);
        const bool runsTests = (t % cadence == cadence - 1) || t == curveTurns - 1 || t == m_spec.turns - 1;
        const double thinks = random.uniform();
        const double verbosity = m_spec.verbosity;
        if (thinks < 0.45)
            turn.reasoning = SynthText::prose(random, int(random.range(40, 400) * verbosity));
        // Most turns say a few words before the tool call; some explain at length.
        turn.text = SynthText::prose(random, random.chance(0.3) ? int(random.range(20, 120)) : int(random.range(3, 12)));
        turn.seconds = m_spec.secondsPerTurn * random.uniform(0.3, 1.7);
        turn.stateChange = m_spec.sandboxEvents && random.chance(0.75);
        // Most of a call's output is reasoning, much of it hidden (encrypted), so more than the text logged.
        const qint64 budget = qint64(m_spec.outputTokens * random.uniform(0.3, 1.2));
        turn.reasoningTokens = std::min<qint64>(turn.reasoning.size() / 4 + budget * 7 / 10, maxTokens * 9 / 10);
        turn.outputTokens
            = std::min<qint64>(turn.text.size() / 4 + turn.reasoningTokens + budget * 3 / 10 + 50, maxTokens);

        if (runsTests) {
            turn.function = "bash";
            turn.arguments = { { "cmd", "cd " + workspace + " && ./run_tests.sh tests/visible" } };
            turn.testRun = true;
            ++testRun;
            if (m_spec.demo) {
                const auto& passes = m_spec.demoPasses[size_t(std::max(version, 0))];
                turn.visiblePassed = version < 0 ? 0 : passes.first;
                turn.heldOutPassed = version < 0 ? 0 : passes.second;
            } else if (testRun >= testRuns) {
                turn.visiblePassed = finalVisible;
                turn.heldOutPassed = finalHeldOut;
            } else {
                // Steps up after work, stalls on plateaus, sometimes falls back.
                const double step = curve.uniform();
                if (step < 0.12)
                    progress -= curve.uniform(0.02, 0.10);
                else if (step < 0.55)
                    progress += curve.uniform(0.0, 2.5) / testRuns + curve.uniform(0, 0.04);
                progress = std::clamp(progress, 0.0, 0.97);
                const double fraction = std::sqrt(progress);
                turn.visiblePassed = int(fraction * std::max(finalVisible, int(0.6 * m_spec.visibleTotal)));
                turn.heldOutPassed = std::min(m_spec.heldOutTotal, int(turn.visiblePassed * double(finalHeldOut + 1) / (finalVisible + 1)));
            }
            QByteArray output;
            if (m_spec.demo) {
                const TestSuite suite = m_spec.demo->suite();
                const QStringList passing = version < 0 ? QStringList() : m_spec.demoPassing[size_t(version)];
                for (const TestCase& test : suite.tests()) {
                    if (!test.heldOut)
                        output += (passing.contains(test.id) ? "PASS " : "FAIL ") + test.id.toUtf8() + '\n';
                }
            } else {
                const int failing = m_spec.visibleTotal - turn.visiblePassed;
                const int shown = int(12 * verbosity);
                for (int i = 0; i < std::min(failing, shown); ++i)
                    output += "FAIL " + program + "_case_" + QByteArray::number(random.range(1, m_spec.visibleTotal)).rightJustified(4, '0') + '\n';
                if (failing > shown)
                    output += "... and " + QByteArray::number(failing - shown) + " more failures\n";
            }
            output += QByteArray::number(turn.visiblePassed) + " passed, " + QByteArray::number(m_spec.visibleTotal - turn.visiblePassed) + " failed\n";
            turn.result = output;
        } else if (t == 0) {
            turn.function = "bash";
            turn.arguments = { { "cmd", "cat docs/README.md" } };
            turn.result = m_spec.demo ? m_spec.demo->documentation().toUtf8() + '\n' : SynthText::prose(random, int(random.range(150, 600)));
        } else if (m_spec.demo && (t % cadence == 0) && version + 1 < int(m_spec.demoPasses.size())
            && version + 1 < int(m_spec.demo->versions().size())) {
            // The next version of the real program: created, then edited in place.
            ++version;
            const QByteArray next = m_spec.demo->versions()[size_t(version)];
            turn.function = "text_editor";
            if (version == 0) {
                turn.arguments = { { "command", "create" }, { "path", source }, { "file_text", next } };
            } else {
                // The smallest block of whole lines that changed, made unique, as str_replace or insert.
                const QList<QByteArray> before = content.split('\n'), after = next.split('\n');
                qsizetype head = 0;
                while (head < before.size() && head < after.size() && before[head] == after[head])
                    ++head;
                qsizetype tail = 0;
                while (tail < before.size() - head && tail < after.size() - head
                    && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
                    ++tail;
                auto join = [](const QList<QByteArray>& lines, qsizetype from, qsizetype to) {
                    QByteArray block;
                    for (qsizetype i = from; i < to; ++i)
                        block += lines[i] + (i + 1 < to ? "\n" : "");
                    return block;
                };
                if (head + tail == before.size()) {
                    turn.arguments = { { "command", "insert" }, { "path", source }, { "new_str", join(after, head, after.size() - tail) } };
                    turn.insertLine = int(head);
                } else {
                    qsizetype from = head, to = before.size() - tail;
                    while (content.count(join(before, from, to)) > 1 && from > 0)
                        --from;
                    turn.arguments = { { "command", "str_replace" }, { "path", source }, { "old_str", join(before, from, to) },
                        { "new_str", join(after, from, after.size() - (before.size() - to)) } };
                }
            }
            content = next;
            turn.result = version == 0 ? QByteArray("File created successfully at: " + source)
                                       : QByteArray("The file " + source + " has been edited.");
        } else {
            const double action = random.uniform();
            if (action < 0.3 && !m_spec.demo) {
                turn.function = "text_editor";
                if (content.isEmpty() || random.chance(0.15)) {
                    content = SynthText::code(random, int(random.range(20, 120) * verbosity), language);
                    turn.arguments = { { "command", "create" }, { "path", source }, { "file_text", content } };
                    turn.result = "File created successfully at: " + source;
                } else {
                    // Replace a line that occurs once, as the tool requires.
                    const QList<QByteArray> lines = content.split('\n');
                    QByteArray old;
                    for (int attempt = 0; attempt < 8 && old.isEmpty(); ++attempt) {
                        const QByteArray candidate = lines[random.range(0, lines.size() - 1)];
                        if (candidate.trimmed().size() > 8 && content.count(candidate) == 1)
                            old = candidate;
                    }
                    if (old.isEmpty()) {
                        const QByteArray added = SynthText::code(random, int(random.range(2, 12)), language);
                        turn.arguments = { { "command", "insert" }, { "path", source }, { "new_str", added } };
                        turn.insertLine = int(lines.size() - 1);
                        content += added;
                    } else {
                        const QByteArray replacement = SynthText::code(random, int(random.range(1, 8)), language);
                        turn.arguments = { { "command", "str_replace" }, { "path", source }, { "old_str", old }, { "new_str", replacement } };
                        content.replace(old, replacement);
                    }
                    turn.result = "The file " + source + " has been edited.";
                }
            } else if (action < 0.4) {
                turn.function = "text_editor";
                turn.arguments = { { "command", "view" }, { "path", source } };
                turn.result = content.isEmpty() ? "The file does not exist." : content.left(4000);
            } else if (action < 0.75) {
                turn.function = "bash";
                if (m_spec.demo) {
                    const TestSuite suite = m_spec.demo->suite();
                    const TestCase& test = suite.tests()[size_t(random.range(0, qsizetype(suite.tests().size()) - 1))];
                    QByteArray command = "./reference";
                    for (const QString& argument : test.arguments)
                        command += " '" + argument.toUtf8() + '\'';
                    if (!test.stdinData.isEmpty())
                        command = "printf %s " + jsonString(test.stdinData) + " | " + command;
                    turn.arguments = { { "cmd", command } };
                    turn.result = test.expectedStdout + test.expectedStderr;
                } else {
                    turn.arguments = { { "cmd", "./reference " + SynthText::prose(random, int(random.range(1, 4))).toLower().replace('.', "") } };
                    turn.result = SynthText::shellOutput(random, int(random.range(2, 60) * verbosity));
                }
            } else {
                turn.function = "bash";
                static const char* commands[] = { "ls -la", "grep -rn TODO src", "cat tests/visible/case_0001/cmd", "git diff --stat", "wc -l src/*" };
                turn.arguments = { { "cmd", commands[random.range(0, 4)] } };
                turn.result = SynthText::shellOutput(random, int(random.range(1, 40) * verbosity));
            }
        }

        // Usage: the context is re-read from the cache; what is new since the last call is written to it.
        const qint64 newTokens = (turn.text.size() + turn.result.size()) / 4 + 20
            + (m_spec.contextGrowth ? qint64(m_spec.contextGrowth * random.uniform(0.5, 1.5)) : 0);
        const qint64 cacheRead = contextTokens;
        const qint64 uncached = random.range(5, 200);
        const qint64 cacheWrite = newTokens;
        contextTokens += newTokens + turn.outputTokens - turn.reasoningTokens;
        const double cost = (uncached * m_spec.prices.input + turn.outputTokens * m_spec.prices.output
                                + cacheRead * m_spec.prices.cacheRead + cacheWrite * m_spec.prices.cacheWrite)
            / 1e6;
        spent += cost;
        tokens += uncached + turn.outputTokens + cacheRead + cacheWrite;
        if (events) {
            m_stats.inputTokens += uncached;
            m_stats.outputTokens += turn.outputTokens;
            m_stats.cacheReadTokens += cacheRead;
            m_stats.cacheWriteTokens += cacheWrite;
            m_stats.reasoningTokens += turn.reasoningTokens;
            m_stats.cost += cost;
        }

        const double callSeconds = turn.seconds * 0.35;
        const double toolSeconds = turn.seconds - callSeconds;
        auto writeArguments = [&](bool asJsonText) {
            // Tool call arguments: an object in events and messages.
            Q_UNUSED(asJsonText);
            out.beginObject();
            for (const auto& [name, value] : turn.arguments) {
                out.key(name.constData());
                text(out, value);
            }
            if (turn.insertLine >= 0)
                out.key("insert_line").number(turn.insertLine);
            out.endObject();
        };
        auto assistantMessage = [&] {
            out.beginObject().field("id", turn.messageId).key("content");
            if (turn.reasoning.isEmpty()) {
                text(out, turn.text);
            } else {
                out.beginArray();
                out.beginObject().field("type", "reasoning").key("reasoning");
                text(out, turn.reasoning);
                out.field("signature", "sig_" + turn.messageId).field("redacted", false).endObject();
                out.beginObject().field("type", "text").key("text");
                text(out, turn.text);
                out.endObject().endArray();
            }
            out.field("source", "generate").field("role", "assistant").key("tool_calls").beginArray();
            out.beginObject().field("id", turn.callId).field("function", turn.function).key("arguments");
            writeArguments(false);
            out.field("type", "function").endObject().endArray().field("model", model).endObject();
        };

        if (events) {
            eventStart("model", agentSpan);
            out.field("model", model).field("role", "agent").key("input").beginArray().endArray();
            out.key("input_refs").beginArray();
            // Slices of the pool: the opening messages, then the history since the last compaction.
            if (contextStart == 2) {
                out.beginArray().number(0).number(poolSize).endArray();
            } else {
                out.beginArray().number(0).number(2).endArray();
                out.beginArray().number(contextStart).number(poolSize).endArray();
            }
            out.endArray();
            out.key("tools").beginArray();
            out.beginObject().field("name", "bash").key("description");
            text(out, bashDescription);
            out.key("parameters").raw(bashParameters);
            out.endObject();
            out.beginObject().field("name", "text_editor").key("description");
            text(out, editorDescription);
            out.key("parameters").raw(editorParameters);
            out.endObject().endArray();
            out.field("tool_choice", "auto").key("config").beginObject().field("max_tokens", maxTokens).endObject();
            out.key("output").beginObject().field("model", model).key("choices").beginArray().beginObject().key("message");
            assistantMessage();
            out.field("stop_reason", "tool_calls").endObject().endArray().key("completion");
            text(out, turn.text);
            out.key("usage").beginObject().field("input_tokens", uncached).field("output_tokens", turn.outputTokens);
            out.field("total_tokens", uncached + turn.outputTokens + cacheRead + cacheWrite);
            out.field("input_tokens_cache_write", cacheWrite).field("input_tokens_cache_read", cacheRead);
            out.field("reasoning_tokens", turn.reasoningTokens);
            if (m_spec.writeTotalCost)
                out.key("total_cost").real(cost, 6);
            out.endObject().key("time").real(callSeconds, 3).endObject();
            out.key("call").beginObject().key("request").beginObject().field("model", model);
            out.field("max_tokens", maxTokens);
            out.field("stream", true).key("metadata").beginObject().field("user_id", "mirrorcode").endObject();
            // The provider request as logged: its tool definitions and message headers, strings short enough
            // to stay inline (the texts themselves are in the message pool).
            out.key("tools").beginArray();
            for (const auto& [tool, description, parameters] :
                { std::tuple { "bash", &bashDescription, &bashParameters },
                    std::tuple { "text_editor", &editorDescription, &editorParameters } }) {
                out.beginObject().field("name", tool).key("description");
                text(out, *description);
                out.key("input_schema").raw(*parameters).endObject();
            }
            out.endArray().key("messages").beginArray();
            const int headers = std::min(poolSize - contextStart + 2, m_spec.requestHeaders);
            for (int i = 0; i < headers; ++i) {
                out.beginObject().field("role", i % 2 ? "assistant" : "user").key("content").beginArray();
                out.beginObject().field("type", i % 2 ? "tool_use" : "tool_result").field("id", "toolu_" + QByteArray::number(i));
                out.key("cache_control").beginObject().field("type", "ephemeral").endObject().endObject().endArray().endObject();
            }
            out.endArray().endObject();
            out.key("response").beginObject().field("id", "msg_" + turn.messageId).field("type", "message").field("role", "assistant");
            out.field("stop_reason", "tool_use").key("usage").beginObject().field("input_tokens", uncached).field("output_tokens", turn.outputTokens);
            out.field("cache_read_input_tokens", cacheRead).field("cache_creation_input_tokens", cacheWrite).endObject().endObject();
            out.key("time").real(callSeconds, 3).endObject();
            out.field("completed", timestamp(clock + callSeconds)).key("working_time").real(callSeconds, 3).endObject();
            clock += callSeconds;
            if (turn.stateChange) {
                eventStart("state", agentSpan);
                out.key("changes").beginArray().beginObject().field("op", "replace").field("path", "/output/usage/output_tokens");
                out.field("value", turn.outputTokens).field("replaced", turn.outputTokens / 2).endObject().endArray().endObject();
            }

            spanBegin(turn.spanId, agentSpan, "tool", turn.function);
            eventStart("tool", turn.spanId);
            out.field("type", "function").field("id", turn.callId).field("function", turn.function).key("arguments");
            writeArguments(false);
            out.key("result");
            text(out, turn.result);
            out.key("events").beginArray().endArray();
            out.field("completed", timestamp(clock + toolSeconds)).key("working_time").real(toolSeconds, 3);
            out.field("agent_span_id", agentSpan).endObject();
            if (m_spec.sandboxEvents && turn.function == "bash") {
                eventStart("sandbox", turn.spanId);
                out.field("action", "exec").field("cmd", "bash --login -c " + turn.arguments.front().second.left(60));
                out.key("options").beginObject().field("timeout", 600).endObject().field("result", 0);
                out.field("output", turn.result.left(90)).field("completed", timestamp(clock + toolSeconds)).endObject();
            }
            clock += toolSeconds;
            spanEnd(turn.spanId);
            if (turn.testRun) {
                eventStart("score", agentSpan);
                out.key("score").beginObject().key("value").raw(scoreValue(turn.visiblePassed, turn.heldOutPassed));
                out.field("explanation", QByteArray::number(turn.visiblePassed) + " passed, "
                        + QByteArray::number(m_spec.visibleTotal - turn.visiblePassed) + " failed (visible); "
                        + QByteArray::number(turn.heldOutPassed) + "/" + QByteArray::number(m_spec.heldOutTotal) + " held-out");
                out.endObject().field("target", "").field("intermediate", true).field("scorer", "mirrorcode").endObject();
                m_stats.visiblePassed = turn.visiblePassed;
                m_stats.heldOutPassed = turn.heldOutPassed;
            }
        } else if (pool) {
            clock += callSeconds + toolSeconds;
            assistantMessage();
            out.beginObject().field("id", turn.toolMessageId).key("content");
            text(out, turn.result);
            out.field("role", "tool").field("tool_call_id", turn.callId).field("function", turn.function).endObject();
        } else {
            clock += callSeconds + toolSeconds;
            attachment(out, turn.reasoning);
            attachment(out, turn.text);
            for (const auto& [name, value] : turn.arguments)
                attachment(out, value);
            attachment(out, turn.result);
        }
        poolSize += 2;

        // Compaction: the history is summarised once the context nears the model's window.
        if (contextTokens > m_spec.contextLimit && t + 1 < m_spec.turns) {
            const QByteArray summary = "Summary of the work so far on " + program + ": " + SynthText::prose(random, int(random.range(300, 900)));
            const QByteArray summaryId = newId(random);
            const qint64 before = contextTokens;
            contextTokens = (systemText.size() + taskText.size() + summary.size()) / 4;
            if (events) {
                eventStart("compaction", agentSpan);
                out.field("type", "summary").field("tokens_before", before).field("tokens_after", contextTokens).field("source", "react").endObject();
                ++m_stats.compactions;
            } else if (pool) {
                userMessage(summaryId, summary, "user");
            } else {
                attachment(out, summary);
            }
            contextStart = poolSize;
            ++poolSize;
        }

        const double reached = m_spec.limitType == QLatin1String("cost") ? spent
            : m_spec.limitType == QLatin1String("time")                   ? clock
            : m_spec.limitType == QLatin1String("token")                  ? double(tokens)
                                                                           : -1.0;
        if (m_spec.limitValue > 0 && reached >= m_spec.limitValue) {
            limitHit = true;
            break;
        }
    }

    if (events) {
        m_stats.limitHit = limitHit;
        if (limitHit) {
            eventStart("sample_limit", agentSpan);
            out.field("type", m_spec.limitType);
            const qint64 limit = qint64(m_spec.limitValue);
            out.field("message", QStringLiteral("%1 limit of %2 reached").arg(m_spec.limitType).arg(limit));
            out.key("limit").number(qint64(m_spec.limitValue)).endObject();
        }
        if (m_spec.crashed) {
            eventStart("error", agentSpan);
            out.key("error").beginObject().field("message", "RuntimeError('sandbox connection lost')");
            out.field("traceback", "Traceback (most recent call last):\n  File \"mirrorcode/agent.py\", line 214, in run\nRuntimeError: sandbox connection lost\n");
            out.field("traceback_ansi", "Traceback (most recent call last):\nRuntimeError: sandbox connection lost\n").endObject().endObject();
        }
    }
    spanEnd(agentSpan);
    spanEnd(solverSpan);
    spanBegin(scorersSpan, {}, "scorers", "scorers");
    if (events) {
        eventStart("score", scorersSpan);
        // The scorer runs the held-out suite on the code as the run left it, whatever the last visible run showed.
        m_stats.visiblePassed = finalVisiblePassed();
        m_stats.heldOutPassed = finalHeldOutPassed();
        const bool solved = m_stats.visiblePassed == m_spec.visibleTotal && m_stats.heldOutPassed == m_spec.heldOutTotal && !m_spec.crashed;
        m_stats.solved = solved;
        out.key("score").beginObject().field("value", solved ? "C" : "I");
        out.field("explanation", QByteArray::number(m_stats.heldOutPassed) + "/" + QByteArray::number(m_spec.heldOutTotal) + " held-out tests passed");
        out.endObject().field("target", "").field("intermediate", false).field("scorer", "mirrorcode").endObject();
    }
    spanEnd(scorersSpan);
    if (events) {
        m_stats.events = seq;
        m_stats.messages = poolSize;
        m_stats.totalTime = clock;
        m_stats.workingTime = clock * 0.93;
        m_stats.startedAt = timestamp(0);
        m_stats.completedAt = timestamp(clock);
    }
}

bool SampleSynth::write(JsonOut& out)
{
    m_stats = {};
    m_hashes.clear();
    // The score and the final fractions are known before the events: they decide how the curve ends.
    const int finalVisible = finalVisiblePassed();
    const int finalHeldOut = finalHeldOutPassed();
    const bool solved = finalVisible == m_spec.visibleTotal && finalHeldOut == m_spec.heldOutTotal && !m_spec.crashed;

    out.beginObject();
    out.field("id", m_spec.id).field("epoch", m_spec.epoch);
    out.field("input", QStringLiteral("Reimplement %1 in %2 from its behaviour alone.").arg(m_spec.program, m_spec.language));
    out.field("target", "");
    out.key("messages").beginArray();
    out.beginObject().field("id", QStringLiteral("final-") + m_spec.id).field("content", QStringLiteral("Reimplement %1 in %2.").arg(m_spec.program, m_spec.language));
    out.field("source", "input").field("role", "user").endObject().endArray();
    out.key("output").beginObject().field("model", m_spec.model).key("choices").beginArray().endArray().field("completion", "").endObject();
    out.key("scores").beginObject().key("mirrorcode").beginObject().field("value", solved ? "C" : "I");
    out.field("answer", QStringLiteral("%1 %2").arg(m_spec.program, m_spec.language));
    out.field("explanation", QStringLiteral("%1/%2 held-out tests passed").arg(finalHeldOut).arg(m_spec.heldOutTotal));
    out.key("metadata").beginObject().field("visible_passed", finalVisible).field("visible_total", m_spec.visibleTotal);
    out.field("held_out_passed", finalHeldOut).field("held_out_total", m_spec.heldOutTotal).endObject();
    out.key("history").beginArray().endArray().endObject().endObject();
    out.key("metadata").beginObject().field("program", m_spec.program).field("tier", m_spec.tier).field("language", m_spec.language).endObject();
    out.key("store").beginObject().endObject();
    out.key("events").beginArray();
    simulate(Pass::Events, out);
    out.endArray();
    m_stats.solved = solved;
    writeModelUsage(out);
    out.key("role_usage").beginObject().endObject();
    out.field("started_at", m_stats.startedAt).field("completed_at", m_stats.completedAt);
    out.key("total_time").real(m_stats.totalTime, 3).key("working_time").real(m_stats.workingTime, 3);
    SynthRandom uuid = SynthRandom::derive(m_spec.seed, 4);
    out.field("uuid", newId(uuid));
    if (m_spec.crashed) {
        out.key("error").beginObject().field("message", "RuntimeError('sandbox connection lost')");
        out.field("traceback", "Traceback (most recent call last):\nRuntimeError: sandbox connection lost\n");
        out.field("traceback_ansi", "RuntimeError: sandbox connection lost\n").endObject();
    }
    if (m_stats.limitHit) {
        out.key("limit").beginObject().field("type", m_spec.limitType);
        out.key("limit").number(qint64(m_spec.limitValue)).endObject();
    }
    const std::set<QByteArray> referenced = std::move(m_hashes);
    m_hashes.clear();
    out.key("attachments").beginObject();
    simulate(Pass::Attachments, out);
    out.endObject();
    if (!std::includes(m_hashes.begin(), m_hashes.end(), referenced.begin(), referenced.end()))
        return false; // every reference must have its attachment: a generator bug, never silent
    out.key("events_data").beginObject().key("messages").beginArray();
    simulate(Pass::Pool, out);
    out.endArray().key("calls").beginArray().endArray().endObject();
    out.endObject();
    return out.flush();
}

void SampleSynth::writeModelUsage(JsonOut& out) const
{
    out.key("model_usage").beginObject().key(m_spec.model.toUtf8().constData()).beginObject();
    out.field("input_tokens", m_stats.inputTokens).field("output_tokens", m_stats.outputTokens);
    out.field("total_tokens", m_stats.inputTokens + m_stats.outputTokens + m_stats.cacheReadTokens + m_stats.cacheWriteTokens);
    out.field("input_tokens_cache_write", m_stats.cacheWriteTokens).field("input_tokens_cache_read", m_stats.cacheReadTokens);
    out.field("reasoning_tokens", m_stats.reasoningTokens);
    if (m_spec.writeTotalCost)
        out.key("total_cost").real(m_stats.cost, 4);
    out.endObject().endObject();
}

QByteArray SampleSynth::summaryJson() const
{
    QByteArray json;
    JsonOut out([&json](const QByteArray& bytes) {
        json += bytes;
        return true;
    });
    out.beginObject().field("id", m_spec.id).field("epoch", m_spec.epoch);
    out.field("input", QStringLiteral("Reimplement %1 in %2 from its behaviour alone.").arg(m_spec.program, m_spec.language));
    out.field("target", "");
    out.key("metadata").beginObject().field("program", m_spec.program).field("tier", m_spec.tier).field("language", m_spec.language).endObject();
    out.key("scores").beginObject().key("mirrorcode").beginObject().field("value", m_stats.solved ? "C" : "I");
    out.key("metadata").beginObject().field("visible_passed", m_stats.visiblePassed).field("visible_total", m_spec.visibleTotal);
    out.field("held_out_passed", m_stats.heldOutPassed).field("held_out_total", m_spec.heldOutTotal).endObject().endObject().endObject();
    writeModelUsage(out);
    out.field("started_at", m_stats.startedAt).field("completed_at", m_stats.completedAt);
    out.key("total_time").real(m_stats.totalTime, 3).key("working_time").real(m_stats.workingTime, 3);
    if (m_spec.crashed)
        out.field("error", "RuntimeError('sandbox connection lost')");
    if (m_stats.limitHit)
        out.field("limit", m_spec.limitType);
    out.field("completed", true).field("message_count", m_stats.messages).endObject();
    out.flush();
    return json;
}
