// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "samplesynth.h"
#include "synthrandom.h"
#include "synthtext.h"

#include <QByteArray>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

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
    SynthText::Intent intent = SynthText::Intent::Look; ///< what the turn does, as the planner meant it
    int undoesTurn = -1; ///< an edit that swaps back an earlier turn's str_replace: that turn
    qint64 codeLines = 0; ///< a test run: the lines of the code as it stands
    QStringList passingTests; ///< a demo's test run: the tests its output names as passing
    QStringList failingTests;
};

/// The tokens of one model call and what they cost.
struct TurnUsage {
    qint64 uncached = 0;
    qint64 cacheRead = 0;
    qint64 cacheWrite = 0;
    double cost = 0;
};

/// The history summarised once the context nears the model's window.
struct Compaction {
    QByteArray summary;
    QByteArray summaryId;
    qint64 tokensBefore = 0;
    qint64 tokensAfter = 0;
};

/// The agent's side of a generated sample: what each turn says and does, the pass curve its test runs follow, the
/// code it writes, and the tokens and dollars it spends. It draws from the spec's seed alone and knows nothing of
/// how the turns are written, so every pass of SampleSynth meets the same turns.
class TurnPlanner {
public:
    /// `openingBytes`: the length of the system and task messages, the context every call re-reads.
    TurnPlanner(const SampleSpec& spec, qsizetype openingBytes);

    /// Turn `t`: ask for the turns in order, each once, then bill() it and offer compact().
    Turn next(int t);
    /// The call of `turn`: the context is re-read from the cache; what is new since the last call is written to it.
    TurnUsage bill(const Turn& turn);
    /// The summary that replaces the history after turn `t`, if the context has outgrown the model's window.
    std::optional<Compaction> compact(int t);

    /// What the run has spent so far, in dollars and in tokens: a limit must cut every pass at the same turn.
    double spent() const { return m_spent; }
    qint64 tokens() const { return m_tokens; }

private:
    /// How much the turn says and thinks, drawn before its action; the words are written after it.
    struct Voice {
        int textWords = 0;
        int reasoningWords = 0; ///< 0: no reasoning
        qint64 budget = 0; ///< output tokens beyond the text logged
    };
    Voice startTurn(Turn& turn);
    void speak(Turn& turn, const Voice& voice, const SynthText::Situation& before);
    void runTests(Turn& turn);
    void drawTestOutcome(Turn& turn);
    QByteArray testOutput(Turn& turn);
    void readDocs(Turn& turn);
    bool nextDemoVersionDue(int t) const;
    void writeDemoVersion(Turn& turn);
    void explore(Turn& turn);
    void editCode(Turn& turn);
    bool undoLastReplace(Turn& turn);
    void tryReference(Turn& turn);

    const SampleSpec& m_spec;
    SynthRandom m_random;
    SynthRandom m_curve; ///< the pass curve's own draws
    SynthRandom m_words; ///< the text's own draws: what is said never moves what is done
    SynthRandom m_undo; ///< whether an edit swaps back the last one
    struct Replace {
        int turn = -1;
        QByteArray oldText;
        QByteArray newText;
    };
    Replace m_lastReplace; ///< the last str_replace that may be swapped back
    int m_turn = 0;
    SynthText::Situation m_situation; ///< what the agent knows: the program, its last test run
    SynthText::Intent m_intent = SynthText::Intent::Look; ///< what the turn being planned does
    QByteArray m_language;
    QByteArray m_program;
    QByteArray m_workspace;
    QByteArray m_source;
    int m_curveTurns = 0;
    int m_cadence = 1; ///< turns from one test run to the next
    int m_testRuns = 0;
    int m_finalVisible = 0;
    int m_finalHeldOut = 0;
    double m_progress = 0;
    int m_testRun = 0;
    int m_version = -1; ///< demo: the version of the code written so far
    QByteArray m_content; ///< the source file as it stands
    qsizetype m_openingBytes = 0;
    qint64 m_contextTokens = 0;
    double m_spent = 0;
    qint64 m_tokens = 0;
};
