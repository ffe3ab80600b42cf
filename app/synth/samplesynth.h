// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "jsonout.h"
#include "sampletruth.h"
#include "synthrandom.h"

#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <set>
#include <vector>

class ChunkedLayout;
class DemoProgram;

/// Per-million-token prices the generator bills its calls at.
struct SynthPrices {
    double input = 0;
    double output = 0;
    double cacheRead = 0;
    double cacheWrite = 0;
};

/// Everything that decides one generated sample.
struct SampleSpec {
    QString id; ///< `<program>_<language>`
    int epoch = 1;
    QString program;
    QString tier;
    QString language;
    QString model;
    uint64_t seed = 1;
    int turns = 30; ///< agent turns at most: model calls, each followed by one tool call
    int curveTurns = 0; ///< turns over which the pass curve reaches its end (0: all), for runs a limit cuts short
    double secondsPerTurn = 20;
    int visibleTotal = 100;
    int heldOutTotal = 100;
    double finalVisible = 1; ///< pass fractions the run ends at (the demo programs' come from running their code)
    double finalHeldOut = 1;
    QString limitType; ///< cost, time or token: the run stops once it reaches limitValue
    double limitValue = 0;
    bool crashed = false;
    int outputTokens = 2000; ///< typical output of a call (reasoning included)
    int contextLimit = 300000; ///< context tokens at which the agent compacts its history
    /// Tokens a turn adds to the context beyond its logged text: the demo's transcripts are a few hundred events,
    /// so each turn stands for more reading than its logged output shows.
    int contextGrowth = 0;
    bool sandboxEvents = false; ///< a sandbox exec event beside every bash call
    double verbosity = 1; ///< scales the length of reasoning, tool output and files
    int requestHeaders = 4; ///< message headers logged with each provider request
    SynthPrices prices;
    bool writeTotalCost = false;
    /// Tool messages of the final conversation whose content differs from the same message (same id) in the pool,
    /// as a log whose final conversation was edited after the model read it (a test of messages stored once).
    int alteredFinalMessages = 0;
    bool dictScores = false; ///< the score a dict of visible and held-out fractions instead of C or I
    const DemoProgram* demo = nullptr;
    /// For a demo program: visible and held-out tests passed by each version of its code.
    std::vector<std::pair<int, int>> demoPasses;
    std::vector<QStringList> demoPassing; ///< the visible tests each version passes

    QDateTime start;

    /// The visible and held-out tests the run's final code passes.
    int finalVisiblePassed() const;
    int finalHeldOutPassed() const;
};

/// What a written sample holds, for the log's header and summaries.
struct SampleStats {
    int events = 0;
    int messages = 0;
    int attachments = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 reasoningTokens = 0;
    double cost = 0;
    double totalTime = 0;
    double workingTime = 0;
    int compactions = 0;
    QString startedAt;
    QString completedAt;
    bool solved = false;
    bool limitHit = false;
    int visiblePassed = 0;
    int heldOutPassed = 0;
};

/// Writes one MirrorCode-shaped EvalSample as Inspect does, streaming: a ReAct loop whose turns are simulated
/// deterministically from the spec's seed. The simulation runs once for the events, again for the attachments
/// (which follow the events in a sample) and once more for the message pool, so nothing is held in memory.
class SampleSynth {
public:
    /// The generate config's max_tokens (the output limit of Opus 4.7 and GPT-5.5): no call outputs more.
    static constexpr int maxTokens = 128000;

    explicit SampleSynth(SampleSpec spec);

    bool write(JsonOut& out);
    /// Writes the same sample in Inspect's chunked layout (log version 3): the shell, its metadata, the events (with
    /// their stats and uuids sidecars), the attachments as a list referenced by index, and the message sequence (the
    /// pool, then the final conversation, which `message_refs` names). The entries come in the order Runlens reads
    /// them. The events and attachments are simulated twice: the shell holds what the events decide, and the events
    /// refer to attachments by their place in the list.
    bool writeChunked(ChunkedLayout& layout);
    const SampleStats& stats() const { return m_stats; }
    /// The sample's EvalSampleSummary row (summaries.json), valid after write().
    QByteArray summaryJson() const;
    const SampleSpec& spec() const { return m_spec; }
    /// What the events planted (test runs, edits, compactions, each turn's activity), valid after write().
    const SampleTruth& truth() const { return m_truth; }

private:
    enum class Pass { Events, Attachments, Pool, FinalConversation };
    class PassWriter;
    void simulate(Pass pass, JsonOut& out);
    void text(JsonOut& out, const QByteArray& value); ///< a string, as an attachment reference when long
    void attachment(JsonOut& out, const QByteArray& value); ///< in the attachments pass: the text, once
    /// The fields before the events (the final conversation and the metadata only in the single-member form).
    void writeHead(JsonOut& out, bool singleMember);
    /// The fields after the events.
    void writeTail(JsonOut& out) const;
    void writeMetadata(JsonOut& out) const;
    void writeFinalMessage(JsonOut& out) const;
    bool writeEventSequence(ChunkedLayout& layout);
    QByteArray scoreValue(int visiblePassed, int heldOutPassed) const;
    void writeModelUsage(JsonOut& out) const;
    QString timestamp(double seconds) const;

    SampleSpec m_spec;
    SampleStats m_stats;
    SampleTruth m_truth;
    Pass m_pass = Pass::Events;
    std::set<QByteArray> m_hashes; ///< attachment hashes referenced (events pass) or written (attachments pass)
    bool m_chunked = false; ///< attachments are a list, referenced by index
    QHash<QByteArray, qint64> m_attachmentIndex; ///< chunked: an attachment's hash -> its place in the list
    /// The messages the model events read, set by the events pass: the pool holds these (as Inspect's does), the
    /// final conversation every message.
    int m_poolExtent = 0;
};
