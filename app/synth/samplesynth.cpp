// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "samplesynth.h"

#include "chunkedlayout.h"
#include "demoprogram.h"
#include "synthtext.h"
#include "turnplanner.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <rapidjson/document.h>
#include <tuple>

namespace {
/// The activity a turn of this intent is (the keys of resources/activity_patterns.json).
const char* activityOf(SynthText::Intent intent)
{
    switch (intent) {
    case SynthText::Intent::Docs:
        return "reading_docs";
    case SynthText::Intent::Probe:
        return "probing_reference";
    case SynthText::Intent::Edit:
        return "editing";
    case SynthText::Intent::View:
        return "viewing_code";
    case SynthText::Intent::Test:
        return "running_tests";
    case SynthText::Intent::Look:
        break;
    }
    return "other";
}

/// A final score's value: C or I, or with `dictScores` the visible and held-out fractions, as a scorer with a dict
/// value writes them.
void writeScoreValue(JsonOut& out, const SampleSpec& spec, int visiblePassed, int heldOutPassed, bool solved)
{
    if (!spec.dictScores) {
        out.field("value", solved ? "C" : "I");
        return;
    }
    out.key("value").beginObject();
    out.key("visible").raw(QByteArray::number(double(visiblePassed) / spec.visibleTotal, 'g', 17));
    out.key("held_out").raw(QByteArray::number(double(heldOutPassed) / spec.heldOutTotal, 'g', 17));
    out.endObject();
}

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

/// The opening messages, the tools' descriptions and the spans around the agent: the same in every pass.
struct Opening {
    QByteArray systemText;
    QByteArray taskText;
    QByteArray systemId;
    QByteArray taskId;
    QByteArray bashDescription;
    QByteArray editorDescription;
    QByteArray solverSpan;
    QByteArray agentSpan;
    QByteArray initSpan;
    QByteArray scorersSpan;
};

Opening openingOf(const SampleSpec& spec)
{
    SynthRandom random = SynthRandom::derive(spec.seed, 2);
    const QByteArray language = spec.language.toUtf8();
    const QByteArray program = spec.program.toUtf8();
    Opening opening;
    const ProgramProfile& profile = ProgramProfile::find(program);
    opening.systemText = "You are an expert software engineer. Reimplement the command-line program `" + program
        + "` in " + language
        + " from its behaviour alone. You have no access to its source code and no network. The reference binary "
          "can be run but not read. Your program must match the reference byte for byte on standard output, "
          "standard error and the exit status, for every test, including held-out tests that you cannot see and "
          "that resemble the visible ones; do not special-case the visible tests. Use the bash tool to run commands "
          "and the text_editor tool to write files. Run the visible tests often with ./run_tests.sh, read their "
          "failures, and probe the reference whenever its behaviour is unclear. Keep notes of what you learn: your "
          "context will be summarised when it grows long. When every visible test passes, check edge cases the "
          "tests may not cover, then stop.";
    opening.taskText = "Task: reimplement `" + program + "` in " + language
        + ". The reference binary is at ./reference; "
          "its documentation is in docs/; visible tests are in tests/. "
        + (spec.demo ? spec.demo->documentation().toUtf8()
                     : QByteArray("`") + program + "` " + profile.what
                    + ". Each test is a directory holding the command line (cmd), its standard input if any, and the "
                      "expected standard output, standard error and exit status. ./run_tests.sh DIR runs every test "
                      "under DIR against your build and prints PASS or FAIL for each, then the counts. Write your "
                      "code under src/; the scoring harness builds it the same way run_tests.sh does.");
    opening.systemId = SynthText::id(random);
    opening.taskId = SynthText::id(random);
    opening.bashDescription = "Use this function to execute bash commands in the agent's sandbox. Commands run in "
                              "the workspace with a timeout of 180 seconds; standard output and standard error are "
                              "returned together, truncated when they are very long.";
    opening.editorDescription
        = "Use this function to view, create and edit files: commands view, create, str_replace, insert and undo_edit. "
          "Paths are absolute. str_replace needs old_str to occur exactly once in the file; insert adds new_str after "
          "insert_line.";
    opening.solverSpan = SynthText::id(random);
    opening.agentSpan = SynthText::id(random);
    opening.initSpan = SynthText::id(random);
    opening.scorersSpan = SynthText::id(random);
    return opening;
}
}

/// One pass over the generated run, writing what that pass holds: the events, the attachments their long strings
/// refer to, or the message pool. Every pass replays the same turns from a TurnPlanner; only the events pass draws
/// event ids and counts the sample's statistics.
class SampleSynth::PassWriter {
public:
    PassWriter(SampleSynth& sample, Pass pass, JsonOut& out)
        : m_sample(sample)
        , m_spec(sample.m_spec)
        , m_out(out)
        , m_events(pass == Pass::Events)
        , m_pool(pass == Pass::Pool || pass == Pass::FinalConversation)
        , m_final(pass == Pass::FinalConversation)
        , m_model(sample.m_spec.model.toUtf8())
        , m_opening(openingOf(sample.m_spec))
        , m_uuids(SynthRandom::derive(sample.m_spec.seed, 5))
    {
    }

    void write();

private:
    void writeOpening();
    void writeSampleInit();
    void writeTurn(const Turn& turn, const TurnUsage& usage);
    void countUsage(const Turn& turn, const TurnUsage& usage);
    void writeModelEvent(const Turn& turn, const TurnUsage& usage, double callSeconds);
    void writeModelOutput(const Turn& turn, const TurnUsage& usage, double callSeconds);
    void writeProviderCall(const Turn& turn, const TurnUsage& usage, double callSeconds);
    void writeToolEvents(const Turn& turn, double toolSeconds);
    void writeTestScore(const Turn& turn);
    void writeCompaction(const Compaction& compaction);
    bool limitReached(const TurnPlanner& planner) const;
    void writeStop(bool limitHit);
    void writeFinalScore();
    void countTotals();

    void eventStart(const char* type, const QByteArray& span);
    void spanBegin(const QByteArray& id, const QByteArray& parent, const char* type, const QByteArray& name);
    void spanEnd(const QByteArray& id);
    void message(const QByteArray& id, const QByteArray& content, const char* role);
    void assistantMessage(const Turn& turn);
    void toolArguments(const Turn& turn);
    void text(const QByteArray& value) { m_sample.text(m_out, value); }
    /// Whether this pass writes the message at `index`: the final conversation holds every message, the pool those
    /// a model event reads.
    bool holds(int index) const { return m_final || index < m_sample.m_poolExtent; }
    void attachment(const QByteArray& value) { m_sample.attachment(m_out, value); }

    SampleSynth& m_sample;
    const SampleSpec& m_spec;
    JsonOut& m_out;
    const bool m_events;
    const bool m_pool; ///< writes the pool's messages, or the final conversation, which holds the same ones
    const bool m_final;
    int m_altered = 0; ///< tool messages of the final conversation written with content of their own
    const QByteArray m_model;
    const Opening m_opening;
    SynthRandom m_uuids; ///< drawn by the events pass only
    double m_clock = 0; ///< seconds since the start
    int m_seq = 0;
    // Pool: 0 system, 1 task; each turn adds the assistant message and the tool's reply; a compaction adds its summary.
    int m_poolSize = 2;
    int m_contextStart = 2;
};

int SampleSpec::finalVisiblePassed() const
{
    return demo ? demoPasses.back().first : int(std::lround(finalVisible * visibleTotal));
}

int SampleSpec::finalHeldOutPassed() const
{
    return demo ? demoPasses.back().second : int(std::lround(finalHeldOut * heldOutTotal));
}

SampleSynth::SampleSynth(SampleSpec spec)
    : m_spec(std::move(spec))
{
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
    if (m_chunked)
        out.string(QByteArray("attachment://") + QByteArray::number(m_attachmentIndex.value(hash, -1)));
    else
        out.string(QByteArray("attachment://") + hash);
}

void SampleSynth::attachment(JsonOut& out, const QByteArray& value)
{
    if (value.size() <= attachmentThreshold)
        return;
    const QByteArray hash = SynthText::hash(value);
    if (!m_hashes.insert(hash).second)
        return;
    if (m_chunked) {
        m_attachmentIndex.insert(hash, m_attachmentIndex.value(hash, m_attachmentIndex.size()));
        out.string(value);
    } else {
        out.key(hash.constData()).string(value);
    }
    ++m_stats.attachments;
}

QByteArray SampleSynth::scoreValue(int visiblePassed, int heldOutPassed) const
{
    return QByteArray("{\"visible\": ") + QByteArray::number(double(visiblePassed) / m_spec.visibleTotal, 'g', 17)
        + ", \"held_out\": " + QByteArray::number(double(heldOutPassed) / m_spec.heldOutTotal, 'g', 17) + "}";
}

void SampleSynth::simulate(Pass pass, JsonOut& out)
{
    m_pass = pass;
    PassWriter(*this, pass, out).write();
}

void SampleSynth::PassWriter::write()
{
    if (m_events)
        m_sample.m_truth.clear();
    writeOpening();
    TurnPlanner planner(m_spec, m_opening.systemText.size() + m_opening.taskText.size());
    bool limitHit = false;
    for (int t = 0; t < m_spec.turns; ++t) {
        const Turn turn = planner.next(t);
        writeTurn(turn, planner.bill(turn));
        // Compaction: the history is summarised once the context nears the model's window.
        if (const std::optional<Compaction> compaction = planner.compact(t))
            writeCompaction(*compaction);
        if (limitReached(planner)) {
            limitHit = true;
            break;
        }
    }
    writeStop(limitHit);
    spanEnd(m_opening.agentSpan);
    spanEnd(m_opening.solverSpan);
    writeFinalScore();
    if (m_events) {
        countTotals();
        m_sample.m_truth.finish(m_seq, m_clock, limitHit ? m_spec.limitType : QString());
    }
}

/// The opening messages (in the pool, or as attachments), then the init span with the sample and its starting state.
void SampleSynth::PassWriter::writeOpening()
{
    if (m_pool) {
        message(m_opening.systemId, m_opening.systemText, "system");
        message(m_opening.taskId, m_opening.taskText, "user");
    } else if (!m_events) {
        attachment(m_opening.systemText);
        attachment(m_opening.taskText);
        attachment(m_opening.bashDescription);
        attachment(m_opening.editorDescription);
    }
    spanBegin(m_opening.initSpan, {}, "init", "init");
    if (m_events)
        writeSampleInit();
    spanEnd(m_opening.initSpan);
    spanBegin(m_opening.solverSpan, {}, "solvers", "solvers");
    spanBegin(m_opening.agentSpan, m_opening.solverSpan, "agent", "react");
}

void SampleSynth::PassWriter::writeSampleInit()
{
    eventStart("sample_init", m_opening.initSpan);
    m_out.key("sample")
        .beginObject()
        .field("input", m_opening.taskText.left(80) + "...")
        .field("target", "")
        .field("id", m_spec.id);
    m_out.key("metadata")
        .beginObject()
        .field("program", m_spec.program)
        .field("tier", m_spec.tier)
        .field("language", m_spec.language)
        .endObject();
    m_out.endObject();
    m_out.key("state").beginObject().key("messages").beginArray();
    message(m_opening.systemId, m_opening.systemText, "system");
    message(m_opening.taskId, m_opening.taskText, "user");
    m_out.endArray()
        .key("tools")
        .beginArray()
        .endArray()
        .field("tool_choice", "auto")
        .key("store")
        .beginObject()
        .endObject();
    m_out.key("metadata").beginObject().endObject().endObject().endObject();
}

void SampleSynth::PassWriter::writeTurn(const Turn& turn, const TurnUsage& usage)
{
    const double callSeconds = turn.seconds * 0.35;
    const double toolSeconds = turn.seconds - callSeconds;
    if (m_events) {
        countUsage(turn, usage);
        m_sample.m_truth.addTurn(m_seq, activityOf(turn.intent), m_clock, usage.cost);
        writeModelEvent(turn, usage, callSeconds);
        m_clock += callSeconds;
        if (turn.stateChange) {
            eventStart("state", m_opening.agentSpan);
            m_out.key("changes")
                .beginArray()
                .beginObject()
                .field("op", "replace")
                .field("path", "/output/usage/output_tokens");
            m_out.field("value", turn.outputTokens)
                .field("replaced", turn.outputTokens / 2)
                .endObject()
                .endArray()
                .endObject();
        }
        writeToolEvents(turn, toolSeconds);
        if (turn.testRun)
            writeTestScore(turn);
    } else if (m_pool) {
        m_clock += callSeconds + toolSeconds;
        if (!holds(m_poolSize)) {
            m_poolSize += 2;
            return;
        }
        assistantMessage(turn);
        m_out.beginObject().field("id", turn.toolMessageId).key("content");
        if (m_final && m_altered < m_spec.alteredFinalMessages) {
            ++m_altered;
            m_out.string("(output cleared from the final conversation)");
        } else {
            text(turn.result);
        }
        m_out.field("role", "tool").field("tool_call_id", turn.callId).field("function", turn.function).endObject();
    } else {
        m_clock += callSeconds + toolSeconds;
        attachment(turn.reasoning);
        attachment(turn.text);
        for (const auto& [name, value] : turn.arguments)
            attachment(value);
        attachment(turn.result);
    }
    m_poolSize += 2;
}

void SampleSynth::PassWriter::countUsage(const Turn& turn, const TurnUsage& usage)
{
    SampleStats& stats = m_sample.m_stats;
    stats.inputTokens += usage.uncached;
    stats.outputTokens += turn.outputTokens;
    stats.cacheReadTokens += usage.cacheRead;
    stats.cacheWriteTokens += usage.cacheWrite;
    stats.reasoningTokens += turn.reasoningTokens;
    stats.cost += usage.cost;
}

void SampleSynth::PassWriter::writeModelEvent(const Turn& turn, const TurnUsage& usage, double callSeconds)
{
    eventStart("model", m_opening.agentSpan);
    m_out.field("model", m_model).field("role", "agent").key("input").beginArray().endArray();
    m_out.key("input_refs").beginArray();
    m_sample.m_poolExtent = m_poolSize;
    // Slices of the pool: the opening messages, then the history since the last compaction.
    if (m_contextStart == 2) {
        m_out.beginArray().number(0).number(m_poolSize).endArray();
    } else {
        m_out.beginArray().number(0).number(2).endArray();
        m_out.beginArray().number(m_contextStart).number(m_poolSize).endArray();
    }
    m_out.endArray();
    m_out.key("tools").beginArray();
    m_out.beginObject().field("name", "bash").key("description");
    text(m_opening.bashDescription);
    m_out.key("parameters").raw(bashParameters);
    m_out.endObject();
    m_out.beginObject().field("name", "text_editor").key("description");
    text(m_opening.editorDescription);
    m_out.key("parameters").raw(editorParameters);
    m_out.endObject().endArray();
    m_out.field("tool_choice", "auto").key("config").beginObject().field("max_tokens", maxTokens).endObject();
    writeModelOutput(turn, usage, callSeconds);
    writeProviderCall(turn, usage, callSeconds);
    m_out.field("completed", m_sample.timestamp(m_clock + callSeconds))
        .key("working_time")
        .real(callSeconds, 3)
        .endObject();
}

void SampleSynth::PassWriter::writeModelOutput(const Turn& turn, const TurnUsage& usage, double callSeconds)
{
    m_out.key("output").beginObject().field("model", m_model).key("choices").beginArray().beginObject().key("message");
    assistantMessage(turn);
    m_out.field("stop_reason", "tool_calls").endObject().endArray().key("completion");
    text(turn.text);
    m_out.key("usage").beginObject().field("input_tokens", usage.uncached).field("output_tokens", turn.outputTokens);
    m_out.field("total_tokens", usage.uncached + turn.outputTokens + usage.cacheRead + usage.cacheWrite);
    m_out.field("input_tokens_cache_write", usage.cacheWrite).field("input_tokens_cache_read", usage.cacheRead);
    m_out.field("reasoning_tokens", turn.reasoningTokens);
    if (m_spec.writeTotalCost)
        m_out.key("total_cost").real(usage.cost, 6);
    m_out.endObject().key("time").real(callSeconds, 3).endObject();
}

/// The provider request as logged: its tool definitions and message headers, strings short enough to stay inline
/// (the texts themselves are in the message pool), and the provider's response.
void SampleSynth::PassWriter::writeProviderCall(const Turn& turn, const TurnUsage& usage, double callSeconds)
{
    m_out.key("call").beginObject().key("request").beginObject().field("model", m_model);
    m_out.field("max_tokens", maxTokens);
    m_out.field("stream", true).key("metadata").beginObject().field("user_id", "mirrorcode").endObject();
    m_out.key("tools").beginArray();
    for (const auto& [tool, description, parameters] :
        { std::tuple { "bash", &m_opening.bashDescription, &bashParameters },
            std::tuple { "text_editor", &m_opening.editorDescription, &editorParameters } }) {
        m_out.beginObject().field("name", tool).key("description");
        text(*description);
        m_out.key("input_schema").raw(*parameters).endObject();
    }
    m_out.endArray().key("messages").beginArray();
    const int headers = std::min(m_poolSize - m_contextStart + 2, m_spec.requestHeaders);
    for (int i = 0; i < headers; ++i) {
        m_out.beginObject().field("role", i % 2 ? "assistant" : "user").key("content").beginArray();
        m_out.beginObject()
            .field("type", i % 2 ? "tool_use" : "tool_result")
            .field("id", "toolu_" + QByteArray::number(i));
        m_out.key("cache_control")
            .beginObject()
            .field("type", "ephemeral")
            .endObject()
            .endObject()
            .endArray()
            .endObject();
    }
    m_out.endArray().endObject();
    m_out.key("response")
        .beginObject()
        .field("id", "msg_" + turn.messageId)
        .field("type", "message")
        .field("role", "assistant");
    m_out.field("stop_reason", "tool_use")
        .key("usage")
        .beginObject()
        .field("input_tokens", usage.uncached)
        .field("output_tokens", turn.outputTokens);
    m_out.field("cache_read_input_tokens", usage.cacheRead)
        .field("cache_creation_input_tokens", usage.cacheWrite)
        .endObject()
        .endObject();
    m_out.key("time").real(callSeconds, 3).endObject();
}

/// The tool's span: its call and result, and the sandbox exec behind a bash call.
void SampleSynth::PassWriter::writeToolEvents(const Turn& turn, double toolSeconds)
{
    spanBegin(turn.spanId, m_opening.agentSpan, "tool", turn.function);
    // An edit's arguments can be whole files: only the commands that can repeat are kept.
    const bool edit = turn.intent == SynthText::Intent::Edit;
    QByteArray command;
    for (const auto& [name, value] : turn.arguments)
        command += edit ? QByteArray() : name + '=' + value + '\n';
    m_sample.m_truth.addToolCall(m_seq, turn.function, command, edit);
    if (turn.undoesTurn >= 0)
        m_sample.m_truth.addUndoEdit(m_seq, turn.undoesTurn);
    if (turn.testRun)
        m_sample.m_truth.addTestOutcome(
            m_seq, turn.visiblePassed, m_spec.visibleTotal, turn.passingTests, turn.failingTests);
    eventStart("tool", turn.spanId);
    m_out.field("type", "function").field("id", turn.callId).field("function", turn.function).key("arguments");
    toolArguments(turn);
    m_out.key("result");
    text(turn.result);
    m_out.key("events").beginArray().endArray();
    m_out.field("completed", m_sample.timestamp(m_clock + toolSeconds)).key("working_time").real(toolSeconds, 3);
    m_out.field("agent_span_id", m_opening.agentSpan).endObject();
    if (m_spec.sandboxEvents && turn.function == "bash") {
        eventStart("sandbox", turn.spanId);
        m_out.field("action", "exec").field("cmd", "bash --login -c " + turn.arguments.front().second.left(60));
        m_out.key("options").beginObject().field("timeout", 600).endObject().field("result", 0);
        m_out.field("output", turn.result.left(90))
            .field("completed", m_sample.timestamp(m_clock + toolSeconds))
            .endObject();
    }
    m_clock += toolSeconds;
    spanEnd(turn.spanId);
}

/// The intermediate score a test run logs.
void SampleSynth::PassWriter::writeTestScore(const Turn& turn)
{
    m_sample.m_truth.addTestRun(m_seq, m_clock, double(turn.visiblePassed) / m_spec.visibleTotal,
        double(turn.heldOutPassed) / m_spec.heldOutTotal, turn.codeLines);
    eventStart("score", m_opening.agentSpan);
    m_out.key("score").beginObject().key("value").raw(m_sample.scoreValue(turn.visiblePassed, turn.heldOutPassed));
    m_out.field("explanation",
        QByteArray::number(turn.visiblePassed) + " passed, "
            + QByteArray::number(m_spec.visibleTotal - turn.visiblePassed) + " failed (visible); "
            + QByteArray::number(turn.heldOutPassed) + "/" + QByteArray::number(m_spec.heldOutTotal) + " held-out");
    m_out.endObject().field("target", "").field("intermediate", true).field("scorer", "mirrorcode").endObject();
    m_sample.m_stats.visiblePassed = turn.visiblePassed;
    m_sample.m_stats.heldOutPassed = turn.heldOutPassed;
}

void SampleSynth::PassWriter::writeCompaction(const Compaction& compaction)
{
    if (m_events) {
        m_sample.m_truth.addCompaction(m_seq, compaction.tokensBefore, compaction.tokensAfter);
        eventStart("compaction", m_opening.agentSpan);
        m_out.field("type", "summary")
            .field("tokens_before", compaction.tokensBefore)
            .field("tokens_after", compaction.tokensAfter)
            .field("source", "react")
            .endObject();
        ++m_sample.m_stats.compactions;
    } else if (m_pool) {
        if (holds(m_poolSize))
            message(compaction.summaryId, compaction.summary, "user");
    } else {
        attachment(compaction.summary);
    }
    m_contextStart = m_poolSize;
    ++m_poolSize;
}

bool SampleSynth::PassWriter::limitReached(const TurnPlanner& planner) const
{
    const double reached = m_spec.limitType == QLatin1String("cost") ? planner.spent()
        : m_spec.limitType == QLatin1String("time")                  ? m_clock
        : m_spec.limitType == QLatin1String("token")                 ? double(planner.tokens())
                                                                     : -1.0;
    return m_spec.limitValue > 0 && reached >= m_spec.limitValue;
}

/// How the agent stopped, if not by finishing: a limit reached, or the sandbox lost.
void SampleSynth::PassWriter::writeStop(bool limitHit)
{
    if (!m_events)
        return;
    m_sample.m_stats.limitHit = limitHit;
    if (limitHit) {
        eventStart("sample_limit", m_opening.agentSpan);
        m_out.field("type", m_spec.limitType);
        const qint64 limit = qint64(m_spec.limitValue);
        m_out.field("message", QStringLiteral("%1 limit of %2 reached").arg(m_spec.limitType).arg(limit));
        m_out.key("limit").number(qint64(m_spec.limitValue)).endObject();
    }
    if (m_spec.crashed) {
        eventStart("error", m_opening.agentSpan);
        m_out.key("error").beginObject().field("message", "RuntimeError('sandbox connection lost')");
        m_out.field("traceback",
            "Traceback (most recent call last):\n  File \"mirrorcode/agent.py\", line 214, in run\nRuntimeError: "
            "sandbox connection lost\n");
        m_out.field("traceback_ansi", "Traceback (most recent call last):\nRuntimeError: sandbox connection lost\n")
            .endObject()
            .endObject();
    }
}

void SampleSynth::PassWriter::writeFinalScore()
{
    spanBegin(m_opening.scorersSpan, {}, "scorers", "scorers");
    if (m_events) {
        SampleStats& stats = m_sample.m_stats;
        eventStart("score", m_opening.scorersSpan);
        // The scorer runs the held-out suite on the code as the run left it, whatever the last visible run showed.
        stats.visiblePassed = m_spec.finalVisiblePassed();
        stats.heldOutPassed = m_spec.finalHeldOutPassed();
        const bool solved = stats.visiblePassed == m_spec.visibleTotal && stats.heldOutPassed == m_spec.heldOutTotal
            && !m_spec.crashed;
        stats.solved = solved;
        m_out.key("score").beginObject();
        writeScoreValue(m_out, m_spec, stats.visiblePassed, stats.heldOutPassed, solved);
        m_out.field("explanation",
            QByteArray::number(stats.heldOutPassed) + "/" + QByteArray::number(m_spec.heldOutTotal)
                + " held-out tests passed");
        m_out.endObject().field("target", "").field("intermediate", false).field("scorer", "mirrorcode").endObject();
    }
    spanEnd(m_opening.scorersSpan);
}

void SampleSynth::PassWriter::countTotals()
{
    SampleStats& stats = m_sample.m_stats;
    stats.events = m_seq;
    stats.messages = m_poolSize;
    stats.totalTime = m_clock;
    stats.workingTime = m_clock * 0.93;
    stats.startedAt = m_sample.timestamp(0);
    stats.completedAt = m_sample.timestamp(m_clock);
}

void SampleSynth::PassWriter::eventStart(const char* type, const QByteArray& span)
{
    m_out.beginObject();
    m_out.field("uuid", SynthText::id(m_uuids)).field("span_id", span).field("timestamp", m_sample.timestamp(m_clock));
    m_out.key("working_start").real(m_clock, 3);
    m_out.field("event", type);
    ++m_seq;
}

void SampleSynth::PassWriter::spanBegin(
    const QByteArray& id, const QByteArray& parent, const char* type, const QByteArray& name)
{
    if (!m_events)
        return;
    eventStart("span_begin", id);
    m_out.field("id", id);
    if (!parent.isEmpty())
        m_out.field("parent_id", parent);
    m_out.field("type", type).field("name", name).endObject();
}

void SampleSynth::PassWriter::spanEnd(const QByteArray& id)
{
    if (!m_events)
        return;
    eventStart("span_end", id);
    m_out.field("id", id).endObject();
}

/// A system or user message of the pool.
void SampleSynth::PassWriter::message(const QByteArray& id, const QByteArray& content, const char* role)
{
    m_out.beginObject().field("id", id).key("content");
    text(content);
    if (QByteArrayView(role) == "user")
        m_out.field("source", "input");
    m_out.field("role", role).endObject();
}

void SampleSynth::PassWriter::assistantMessage(const Turn& turn)
{
    m_out.beginObject().field("id", turn.messageId).key("content");
    if (turn.reasoning.isEmpty()) {
        text(turn.text);
    } else {
        m_out.beginArray();
        m_out.beginObject().field("type", "reasoning").key("reasoning");
        text(turn.reasoning);
        m_out.field("signature", "sig_" + turn.messageId).field("redacted", false).endObject();
        m_out.beginObject().field("type", "text").key("text");
        text(turn.text);
        m_out.endObject().endArray();
    }
    m_out.field("source", "generate").field("role", "assistant").key("tool_calls").beginArray();
    m_out.beginObject().field("id", turn.callId).field("function", turn.function).key("arguments");
    toolArguments(turn);
    m_out.field("type", "function").endObject().endArray().field("model", m_model).endObject();
}

/// A tool call's arguments: an object in events and messages.
void SampleSynth::PassWriter::toolArguments(const Turn& turn)
{
    m_out.beginObject();
    for (const auto& [name, value] : turn.arguments) {
        m_out.key(name.constData());
        text(value);
    }
    if (turn.insertLine >= 0)
        m_out.key("insert_line").number(turn.insertLine);
    m_out.endObject();
}

bool SampleSynth::write(JsonOut& out)
{
    m_stats = {};
    m_hashes.clear();
    m_chunked = false;
    out.beginObject();
    writeHead(out, true);
    out.key("events").beginArray();
    simulate(Pass::Events, out);
    out.endArray();
    writeTail(out);
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

void SampleSynth::writeHead(JsonOut& out, bool singleMember)
{
    // The score and the final fractions are known before the events: they decide how the curve ends.
    const int finalVisible = m_spec.finalVisiblePassed();
    const int finalHeldOut = m_spec.finalHeldOutPassed();
    const bool solved = finalVisible == m_spec.visibleTotal && finalHeldOut == m_spec.heldOutTotal && !m_spec.crashed;
    out.field("id", m_spec.id).field("epoch", m_spec.epoch);
    out.field(
        "input", QStringLiteral("Reimplement %1 in %2 from its behaviour alone.").arg(m_spec.program, m_spec.language));
    out.field("target", "");
    if (singleMember) {
        // As Inspect writes it: the conversation as it ended, the same messages (same ids) as the pool holds.
        out.key("messages").beginArray();
        simulate(Pass::FinalConversation, out);
        writeFinalMessage(out);
        out.endArray();
    }
    out.key("output")
        .beginObject()
        .field("model", m_spec.model)
        .key("choices")
        .beginArray()
        .endArray()
        .field("completion", "")
        .endObject();
    out.key("scores").beginObject().key("mirrorcode").beginObject();
    writeScoreValue(out, m_spec, finalVisible, finalHeldOut, solved);
    out.field("answer", QStringLiteral("%1 %2").arg(m_spec.program, m_spec.language));
    out.field("explanation", QStringLiteral("%1/%2 held-out tests passed").arg(finalHeldOut).arg(m_spec.heldOutTotal));
    out.key("metadata").beginObject().field("visible_passed", finalVisible).field("visible_total", m_spec.visibleTotal);
    out.field("held_out_passed", finalHeldOut).field("held_out_total", m_spec.heldOutTotal).endObject();
    out.key("history").beginArray().endArray().endObject().endObject();
    if (singleMember) {
        out.key("metadata");
        writeMetadata(out);
    }
    out.key("store").beginObject().endObject();
    m_stats.solved = solved;
}

void SampleSynth::writeFinalMessage(JsonOut& out) const
{
    out.beginObject()
        .field("id", QStringLiteral("final-") + m_spec.id)
        .field("content", QStringLiteral("Reimplement %1 in %2.").arg(m_spec.program, m_spec.language));
    out.field("source", "input").field("role", "user").endObject();
}

void SampleSynth::writeMetadata(JsonOut& out) const
{
    out.beginObject()
        .field("program", m_spec.program)
        .field("tier", m_spec.tier)
        .field("language", m_spec.language)
        .endObject();
}

void SampleSynth::writeTail(JsonOut& out) const
{
    writeModelUsage(out);
    out.key("role_usage").beginObject().endObject();
    out.field("started_at", m_stats.startedAt).field("completed_at", m_stats.completedAt);
    out.key("total_time").real(m_stats.totalTime, 3).key("working_time").real(m_stats.workingTime, 3);
    SynthRandom uuid = SynthRandom::derive(m_spec.seed, 4);
    out.field("uuid", SynthText::id(uuid));
    if (m_spec.crashed) {
        out.key("error").beginObject().field("message", "RuntimeError('sandbox connection lost')");
        out.field("traceback", "Traceback (most recent call last):\nRuntimeError: sandbox connection lost\n");
        out.field("traceback_ansi", "RuntimeError: sandbox connection lost\n").endObject();
    }
    if (m_stats.limitHit) {
        out.key("limit").beginObject().field("type", m_spec.limitType);
        out.key("limit").number(qint64(m_spec.limitValue)).endObject();
    }
}

bool SampleSynth::writeChunked(ChunkedLayout& layout)
{
    m_stats = {};
    m_hashes.clear();
    m_attachmentIndex.clear();
    m_chunked = true;
    JsonOut discard([](const QByteArray&) { return true; });
    // The attachments' places in their list, which the events and messages refer to.
    discard.beginArray();
    simulate(Pass::Attachments, discard);
    discard.endArray();
    // The shell holds what the events decide (usage, times, a limit), and comes first.
    m_hashes.clear();
    QByteArray head;
    JsonOut headOut([&head](const QByteArray& bytes) {
        head += bytes;
        return true;
    });
    headOut.beginObject();
    writeHead(headOut, false);
    discard.beginArray();
    simulate(Pass::Events, discard);
    discard.endArray();
    const SampleStats counted = m_stats;
    writeTail(headOut);
    // The final conversation: every message of the pool, then the closing one (as the single-member form writes it).
    headOut.key("message_refs").beginArray().beginArray();
    headOut.number(0).number(counted.messages + 1).endArray().endArray().endObject();
    headOut.flush();
    QByteArray metadata;
    JsonOut metadataOut([&metadata](const QByteArray& bytes) {
        metadata += bytes;
        return true;
    });
    writeMetadata(metadataOut);
    metadataOut.flush();
    if (!layout.member(QStringLiteral("sample.json"), head)
        || !layout.member(QStringLiteral("metadata.json"), metadata))
        return false;

    m_stats = {};
    m_hashes.clear();
    m_stats.solved = counted.solved;
    if (!writeEventSequence(layout))
        return false;
    const std::set<QByteArray> referenced = std::move(m_hashes);
    m_hashes.clear();
    m_stats.attachments = 0;
    const auto sequence
        = [&](const char* name, ChunkedLayout::Policy policy, const std::function<void(JsonOut&)>& fill) {
              layout.beginSequence(QLatin1String(name), policy);
              JsonOut out([&layout](const QByteArray& bytes) { return layout.feed(bytes); });
              out.beginArray();
              fill(out);
              out.endArray();
              return out.flush() && layout.endSequence();
          };
    if (!sequence(
            "attachments", ChunkedLayout::Policy::Bytes, [this](JsonOut& out) { simulate(Pass::Attachments, out); }))
        return false;
    if (!std::includes(m_hashes.begin(), m_hashes.end(), referenced.begin(), referenced.end()))
        return false; // every reference must have its attachment: a generator bug, never silent
    // The pool, then the messages of the final conversation no event read: every message, in order.
    if (!sequence("messages", ChunkedLayout::Policy::Count, [this](JsonOut& out) {
            simulate(Pass::FinalConversation, out);
            writeFinalMessage(out);
        }))
        return false;
    return layout.items() == counted.messages + 1;
}

/// The events, cut into chunks, with the sidecars Inspect writes beside them: per-chunk type counts and edge events
/// (`events/stats.json`) and the events' uuids in order (`events/uuids.json`).
bool SampleSynth::writeEventSequence(ChunkedLayout& layout)
{
    struct ChunkStats {
        qint64 start = 0;
        std::map<QByteArray, int> types;
        QByteArray first;
        QByteArray last;
    };
    std::vector<ChunkStats> chunks;
    QByteArray uuids = "[";
    const auto edge = [](const QByteArray& type, const QByteArray& span) {
        return "{\"type\":\"" + type + "\"" + (span.isEmpty() ? QByteArray() : ",\"span_id\":\"" + span + "\"") + "}";
    };
    layout.beginSequence(
        QStringLiteral("events"), ChunkedLayout::Policy::Count, [&](qint64 index, const QByteArray& item) {
            rapidjson::Document event;
            event.Parse<rapidjson::kParseNanAndInfFlag>(item.constData(), size_t(item.size()));
            const auto text = [&event](const char* name) {
                const auto found = event.IsObject() ? event.FindMember(name) : event.MemberEnd();
                return found != event.MemberEnd() && found->value.IsString()
                    ? QByteArray(found->value.GetString(), qsizetype(found->value.GetStringLength()))
                    : QByteArray();
            };
            if (chunks.empty() || chunks.back().start != layout.chunkStarts().back())
                chunks.push_back({ layout.chunkStarts().back(), {}, {}, {} });
            ChunkStats& chunk = chunks.back();
            const QByteArray type = text("event");
            ++chunk.types[type];
            chunk.last = edge(type, text("span_id"));
            if (chunk.first.isEmpty())
                chunk.first = chunk.last;
            uuids += (index > 0 ? ",\"" : "\"") + text("uuid") + "\"";
        });
    JsonOut out([&layout](const QByteArray& bytes) { return layout.feed(bytes); });
    out.beginArray();
    simulate(Pass::Events, out);
    out.endArray();
    if (!out.flush() || !layout.endSequence())
        return false;
    QByteArray stats = "{\"version\":1,\"chunks\":[";
    for (size_t i = 0; i < chunks.size(); ++i) {
        stats += (i > 0 ? ",{\"start\":" : "{\"start\":") + QByteArray::number(chunks[i].start) + ",\"type_counts\":{";
        bool firstType = true;
        for (const auto& [type, count] : chunks[i].types) {
            stats += (firstType ? "\"" : ",\"") + type + "\":" + QByteArray::number(count);
            firstType = false;
        }
        stats += "},\"first\":" + chunks[i].first + ",\"last\":" + chunks[i].last + "}";
    }
    stats += "]}";
    return layout.member(QStringLiteral("events/stats.json"), stats)
        && layout.member(QStringLiteral("events/uuids.json"), uuids + "]");
}

void SampleSynth::writeModelUsage(JsonOut& out) const
{
    out.key("model_usage").beginObject().key(m_spec.model.toUtf8().constData()).beginObject();
    out.field("input_tokens", m_stats.inputTokens).field("output_tokens", m_stats.outputTokens);
    out.field("total_tokens",
        m_stats.inputTokens + m_stats.outputTokens + m_stats.cacheReadTokens + m_stats.cacheWriteTokens);
    out.field("input_tokens_cache_write", m_stats.cacheWriteTokens)
        .field("input_tokens_cache_read", m_stats.cacheReadTokens);
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
    out.field(
        "input", QStringLiteral("Reimplement %1 in %2 from its behaviour alone.").arg(m_spec.program, m_spec.language));
    out.field("target", "");
    out.key("metadata")
        .beginObject()
        .field("program", m_spec.program)
        .field("tier", m_spec.tier)
        .field("language", m_spec.language)
        .endObject();
    out.key("scores").beginObject().key("mirrorcode").beginObject();
    writeScoreValue(out, m_spec, m_stats.visiblePassed, m_stats.heldOutPassed, m_stats.solved);
    out.key("metadata")
        .beginObject()
        .field("visible_passed", m_stats.visiblePassed)
        .field("visible_total", m_spec.visibleTotal);
    out.field("held_out_passed", m_stats.heldOutPassed)
        .field("held_out_total", m_spec.heldOutTotal)
        .endObject()
        .endObject()
        .endObject();
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
