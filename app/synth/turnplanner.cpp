// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "turnplanner.h"

#include "demoprogram.h"
#include "jsonout.h"
#include "synthtext.h"

#include "analysis/edithistory.h"

#include <algorithm>
#include <cmath>

namespace {
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

/// The file the agent writes its code to.
QByteArray sourcePath(const SampleSpec& spec, const QByteArray& workspace, const QByteArray& language)
{
    if (spec.demo)
        return workspace + "/main.py";
    const QByteArray extension = language == "python" ? QByteArray("py")
        : language == "rust"                          ? QByteArray("rs")
        : language == "ocaml"                         ? QByteArray("ml")
        : language == "ada"                           ? QByteArray("adb")
                                                      : language;
    return workspace + "/src/main." + extension;
}

QByteArray joinLines(const QList<QByteArray>& lines, qsizetype from, qsizetype to)
{
    QByteArray block;
    for (qsizetype i = from; i < to; ++i)
        block += lines[i] + (i + 1 < to ? "\n" : "");
    return block;
}

/// The text_editor call that turns `content` into `next`: the smallest block of whole lines that changed, made
/// unique, as str_replace or insert.
void describeEdit(Turn& turn, const QByteArray& content, const QByteArray& next, const QByteArray& source)
{
    const QList<QByteArray> before = content.split('\n'), after = next.split('\n');
    qsizetype head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head])
        ++head;
    qsizetype tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
        && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    if (head + tail == before.size()) {
        turn.arguments = { { "command", "insert" }, { "path", source },
            { "new_str", joinLines(after, head, after.size() - tail) } };
        turn.insertLine = int(head);
        return;
    }
    qsizetype from = head, to = before.size() - tail;
    while (content.count(joinLines(before, from, to)) > 1 && from > 0)
        --from;
    turn.arguments = { { "command", "str_replace" }, { "path", source }, { "old_str", joinLines(before, from, to) },
        { "new_str", joinLines(after, from, after.size() - (before.size() - to)) } };
}
}

TurnPlanner::TurnPlanner(const SampleSpec& spec, qsizetype openingBytes)
    : m_spec(spec)
    , m_random(SynthRandom::derive(spec.seed, 1))
    , m_curve(SynthRandom::derive(spec.seed, 3))
    , m_words(SynthRandom::derive(spec.seed, 4))
    , m_undo(SynthRandom::derive(spec.seed, 5))
    , m_language(spec.language.toUtf8())
    , m_program(spec.program.toUtf8())
    , m_workspace("/home/agent/" + m_program)
    , m_source(sourcePath(spec, m_workspace, m_language))
    , m_curveTurns(spec.curveTurns > 0 ? std::min(spec.curveTurns, spec.turns) : spec.turns)
    , m_cadence(spec.demo ? 2 : std::max(3, int(m_curveTurns / 40)))
    , m_finalVisible(spec.finalVisiblePassed())
    , m_finalHeldOut(spec.finalHeldOutPassed())
    , m_openingBytes(openingBytes)
    , m_contextTokens(openingBytes / 4)
{
    m_situation.profile = &ProgramProfile::find(m_program);
    m_situation.language = m_language;
    m_situation.source = m_source.mid(m_workspace.size() + 1);
    m_situation.total = spec.visibleTotal;
    // The pass curve: test runs every few turns; plateaus, steps and an occasional fall, ending at the final fractions.
    for (int t = 0; t < m_curveTurns; ++t)
        m_testRuns += (t % m_cadence == m_cadence - 1) || t == m_curveTurns - 1;
}

Turn TurnPlanner::next(int t)
{
    Turn turn;
    m_turn = t;
    const Voice voice = startTurn(turn);
    const SynthText::Situation before = m_situation;
    const bool runsTests = (t % m_cadence == m_cadence - 1) || t == m_curveTurns - 1 || t == m_spec.turns - 1;
    if (runsTests)
        runTests(turn);
    else if (t == 0)
        readDocs(turn);
    else if (nextDemoVersionDue(t))
        writeDemoVersion(turn);
    else
        explore(turn);
    speak(turn, voice, before);
    turn.intent = m_intent;
    return turn;
}

/// What every turn has: its ids, how much the model says and reasons, how long it takes and what it outputs.
TurnPlanner::Voice TurnPlanner::startTurn(Turn& turn)
{
    turn.messageId = SynthText::id(m_random);
    turn.toolMessageId = SynthText::id(m_random);
    turn.callId = "toolu_" + SynthText::id(m_random);
    turn.spanId = SynthText::id(m_random);
    Voice voice;
    const double thinks = m_random.uniform();
    if (thinks < 0.45)
        voice.reasoningWords = std::max(1, int(m_random.range(40, 400) * m_spec.verbosity));
    // Most turns say a few words before the tool call; some explain at length.
    voice.textWords = m_random.chance(0.3) ? int(m_random.range(20, 120)) : int(m_random.range(3, 12));
    turn.seconds = m_spec.secondsPerTurn * m_random.uniform(0.3, 1.7);
    turn.stateChange = m_spec.sandboxEvents && m_random.chance(0.75);
    voice.budget = qint64(m_spec.outputTokens * m_random.uniform(0.3, 1.2));
    return voice;
}

/// The turn's words, about what it does and what the agent knew before it, and the tokens they and the hidden
/// reasoning take.
void TurnPlanner::speak(Turn& turn, const Voice& voice, const SynthText::Situation& before)
{
    if (voice.reasoningWords > 0)
        turn.reasoning = SynthText::reasoning(m_words, voice.reasoningWords, m_intent, before);
    turn.text = SynthText::said(m_words, voice.textWords, m_intent, before);
    // Most of a call's output is reasoning, much of it hidden (encrypted), so more than the text logged.
    turn.reasoningTokens
        = std::min<qint64>(turn.reasoning.size() / 4 + voice.budget * 7 / 10, SampleSynth::maxTokens * 9 / 10);
    turn.outputTokens = std::min<qint64>(
        turn.text.size() / 4 + turn.reasoningTokens + voice.budget * 3 / 10 + 50, SampleSynth::maxTokens);
}

void TurnPlanner::runTests(Turn& turn)
{
    turn.function = "bash";
    turn.arguments = { { "cmd", "cd " + m_workspace + " && ./run_tests.sh tests/visible" } };
    turn.testRun = true;
    m_intent = SynthText::Intent::Test;
    ++m_testRun;
    drawTestOutcome(turn);
    turn.result = testOutput(turn);
    turn.codeLines = EditHistory::linesOf(m_content);
    m_situation.passed = turn.visiblePassed;
    const qsizetype failure = turn.result.indexOf("FAIL ");
    m_situation.failing = failure < 0
        ? QByteArray()
        : turn.result.mid(failure + 5, turn.result.indexOf('\n', failure) - failure - 5).split(' ').front();
}

/// The tests the code passes at this run: a demo version's own counts, else the next point of the curve.
void TurnPlanner::drawTestOutcome(Turn& turn)
{
    if (m_spec.demo) {
        const auto& passes = m_spec.demoPasses[size_t(std::max(m_version, 0))];
        turn.visiblePassed = m_version < 0 ? 0 : passes.first;
        turn.heldOutPassed = m_version < 0 ? 0 : passes.second;
    } else if (m_testRun >= m_testRuns) {
        turn.visiblePassed = m_finalVisible;
        turn.heldOutPassed = m_finalHeldOut;
    } else {
        // Steps up after work, stalls on plateaus, sometimes falls back.
        const double step = m_curve.uniform();
        if (step < 0.12)
            m_progress -= m_curve.uniform(0.02, 0.10);
        else if (step < 0.55)
            m_progress += m_curve.uniform(0.0, 2.5) / m_testRuns + m_curve.uniform(0, 0.04);
        m_progress = std::clamp(m_progress, 0.0, 0.97);
        const double fraction = std::sqrt(m_progress);
        turn.visiblePassed = int(fraction * std::max(m_finalVisible, int(0.6 * m_spec.visibleTotal)));
        turn.heldOutPassed = std::min(
            m_spec.heldOutTotal, int(turn.visiblePassed * double(m_finalHeldOut + 1) / (m_finalVisible + 1)));
    }
}

/// What the test script prints: each visible test of a demo program, else a few of the failures.
QByteArray TurnPlanner::testOutput(Turn& turn)
{
    QByteArray output;
    if (m_spec.demo) {
        const TestSuite suite = m_spec.demo->suite();
        const QStringList passing = m_version < 0 ? QStringList() : m_spec.demoPassing[size_t(m_version)];
        for (const TestCase& test : suite.tests()) {
            if (test.heldOut)
                continue;
            const bool passes = passing.contains(test.id);
            output += (passes ? "PASS " : "FAIL ") + test.id.toUtf8() + '\n';
            (passes ? turn.passingTests : turn.failingTests) << test.id;
        }
    } else {
        const int failing = m_spec.visibleTotal - turn.visiblePassed;
        const int shown = int(12 * m_spec.verbosity);
        static const char* const reasons[]
            = { "stdout differs", "stderr differs", "exit status differs", "stdout differs", "timed out after 10 s" };
        for (int i = 0; i < std::min(failing, shown); ++i)
            output += "FAIL " + m_situation.profile->testName(int(m_random.range(1, m_spec.visibleTotal))) + " ("
                + m_words.pick(reasons) + ")\n";
        if (failing > shown)
            output += "... and " + QByteArray::number(failing - shown) + " more failures\n";
    }
    output += QByteArray::number(turn.visiblePassed) + " passed, "
        + QByteArray::number(m_spec.visibleTotal - turn.visiblePassed) + " failed\n";
    return output;
}

void TurnPlanner::readDocs(Turn& turn)
{
    turn.function = "bash";
    m_intent = SynthText::Intent::Docs;
    turn.arguments = { { "cmd", "cat docs/README.md" } };
    const int words = int(m_random.range(150, 600));
    turn.result = m_spec.demo ? m_spec.demo->documentation().toUtf8() + '\n'
                              : SynthText::documentation(m_words, words, *m_situation.profile);
}

bool TurnPlanner::nextDemoVersionDue(int t) const
{
    return m_spec.demo && (t % m_cadence == 0) && m_version + 1 < int(m_spec.demoPasses.size())
        && m_version + 1 < int(m_spec.demo->versions().size());
}

/// The next version of the real program: created, then edited in place.
void TurnPlanner::writeDemoVersion(Turn& turn)
{
    ++m_version;
    m_intent = SynthText::Intent::Edit;
    const QByteArray next = m_spec.demo->versions()[size_t(m_version)];
    turn.function = "text_editor";
    if (m_version == 0)
        turn.arguments = { { "command", "create" }, { "path", m_source }, { "file_text", next } };
    else
        describeEdit(turn, m_content, next, m_source);
    m_content = next;
    turn.result = m_version == 0 ? QByteArray("File created successfully at: " + m_source)
                                 : QByteArray("The file " + m_source + " has been edited.");
}

/// A turn between test runs: edit the code, view it, try the reference binary or look around.
void TurnPlanner::explore(Turn& turn)
{
    const double action = m_random.uniform();
    if (action < 0.3 && !m_spec.demo) {
        editCode(turn);
    } else if (action < 0.4) {
        m_intent = SynthText::Intent::View;
        turn.function = "text_editor";
        turn.arguments = { { "command", "view" }, { "path", m_source } };
        turn.result = m_content.isEmpty() ? "The file does not exist." : m_content.left(4000);
    } else if (action < 0.75) {
        tryReference(turn);
    } else {
        m_intent = SynthText::Intent::Look;
        turn.function = "bash";
        const int which = int(m_random.range(0, 4));
        auto [command, output]
            = SynthText::workspaceCommand(m_words, which, int(m_random.range(1, 40) * m_spec.verbosity), m_situation);
        turn.arguments = { { "cmd", command } };
        turn.result = output;
    }
}

/// Generated code: a new file, or a line of it replaced or added.
void TurnPlanner::editCode(Turn& turn)
{
    m_intent = SynthText::Intent::Edit;
    turn.function = "text_editor";
    const ProgramProfile& profile = *m_situation.profile;
    if (undoLastReplace(turn))
        return;
    if (m_content.isEmpty() || m_random.chance(0.15)) {
        m_lastReplace.turn = -1;
        m_content = SynthText::code(m_words, int(m_random.range(20, 120) * m_spec.verbosity), m_language, profile);
        turn.arguments = { { "command", "create" }, { "path", m_source }, { "file_text", m_content } };
        turn.result = "File created successfully at: " + m_source;
        return;
    }
    // Replace a line that occurs once, as the tool requires.
    const QList<QByteArray> lines = m_content.split('\n');
    QByteArray old;
    for (int attempt = 0; attempt < 8 && old.isEmpty(); ++attempt) {
        const QByteArray& candidate = lines[m_random.range(0, lines.size() - 1)];
        if (candidate.trimmed().size() > 8 && m_content.count(candidate) == 1)
            old = candidate;
    }
    if (old.isEmpty()) {
        const QByteArray added = SynthText::code(m_words, int(m_random.range(2, 12)), m_language, profile);
        turn.arguments = { { "command", "insert" }, { "path", m_source }, { "new_str", added } };
        turn.insertLine = int(lines.size() - 1);
        m_content += added;
    } else {
        const QByteArray replacement = SynthText::code(m_words, int(m_random.range(1, 8)), m_language, profile);
        turn.arguments
            = { { "command", "str_replace" }, { "path", m_source }, { "old_str", old }, { "new_str", replacement } };
        m_content.replace(old, replacement);
        m_lastReplace = { m_turn, old, replacement };
    }
    turn.result = "The file " + m_source + " has been edited.";
}

/// Now and then an edit that swaps back the last replacement (old and new texts exchanged): an agent undoing its own
/// change by hand.
bool TurnPlanner::undoLastReplace(Turn& turn)
{
    if (m_lastReplace.turn < 0 || !m_undo.chance(0.12) || m_lastReplace.newText.isEmpty()
        || m_content.count(m_lastReplace.newText) != 1)
        return false;
    turn.arguments = { { "command", "str_replace" }, { "path", m_source }, { "old_str", m_lastReplace.newText },
        { "new_str", m_lastReplace.oldText } };
    m_content.replace(m_lastReplace.newText, m_lastReplace.oldText);
    turn.undoesTurn = m_lastReplace.turn;
    turn.result = "The file " + m_source + " has been edited.";
    m_lastReplace.turn = -1;
    return true;
}

/// The reference binary run on a demo program's own test, or on made-up arguments.
void TurnPlanner::tryReference(Turn& turn)
{
    m_intent = SynthText::Intent::Probe;
    turn.function = "bash";
    if (m_spec.demo) {
        const TestSuite suite = m_spec.demo->suite();
        const TestCase& test = suite.tests()[size_t(m_random.range(0, qsizetype(suite.tests().size()) - 1))];
        QByteArray command = "./reference";
        for (const QString& argument : test.arguments)
            command += " '" + argument.toUtf8() + '\'';
        if (!test.stdinData.isEmpty())
            command = "printf %s " + jsonString(test.stdinData) + " | " + command;
        turn.arguments = { { "cmd", command } };
        turn.result = test.expectedStdout + test.expectedStderr;
    } else {
        const int lines = int(m_random.range(2, 60) * m_spec.verbosity);
        const ProgramProfile::Probe& probe = m_words.pick(m_situation.profile->probes);
        const bool help = m_words.chance(0.1);
        turn.arguments
            = { { "cmd", help ? QByteArray("./reference --help") : "./reference " + QByteArray(probe.arguments) } };
        turn.result = help ? m_situation.profile->help() : probe.output(m_words, std::max(lines, 1));
    }
}

TurnUsage TurnPlanner::bill(const Turn& turn)
{
    const qint64 newTokens = (turn.text.size() + turn.result.size()) / 4 + 20
        + (m_spec.contextGrowth ? qint64(m_spec.contextGrowth * m_random.uniform(0.5, 1.5)) : 0);
    TurnUsage usage;
    usage.cacheRead = m_contextTokens;
    usage.uncached = m_random.range(5, 200);
    usage.cacheWrite = newTokens;
    m_contextTokens += newTokens + turn.outputTokens - turn.reasoningTokens;
    usage.cost = (usage.uncached * m_spec.prices.input + turn.outputTokens * m_spec.prices.output
                     + usage.cacheRead * m_spec.prices.cacheRead + usage.cacheWrite * m_spec.prices.cacheWrite)
        / 1e6;
    m_spent += usage.cost;
    m_tokens += usage.uncached + turn.outputTokens + usage.cacheRead + usage.cacheWrite;
    return usage;
}

std::optional<Compaction> TurnPlanner::compact(int t)
{
    if (m_contextTokens <= m_spec.contextLimit || t + 1 >= m_spec.turns)
        return std::nullopt;
    Compaction compaction;
    compaction.summary = SynthText::summary(m_words, int(m_random.range(300, 900)), m_situation);
    compaction.summaryId = SynthText::id(m_random);
    compaction.tokensBefore = m_contextTokens;
    m_contextTokens = (m_openingBytes + compaction.summary.size()) / 4;
    compaction.tokensAfter = m_contextTokens;
    return compaction;
}
