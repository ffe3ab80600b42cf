// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "logrecords.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

// What the store's read API returns about one sample's transcript, and what the analysis makes of it.

/// One event of a transcript, as a list shows it.
struct EventRow {
    int seq = 0;
    int turn = 0; ///< the agent turn: model calls up to and including this step
    int depth = 0; ///< spans open around it
    QString type;
    QString timestamp;
    double workingStart = 0;
    QString summary; ///< language-neutral fields (see EventSummary), attachment references resolved
    QString model;
    qint64 inputTokens = 0; ///< full-rate input of a model call
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    double loggedCost = notANumber; ///< of a model call, as the log reports it
    qint64 tokens() const { return inputTokens + cacheReadTokens + cacheWriteTokens + outputTokens; }
};

/// An event as stored, its summary and JSON with attachment references replaced.
struct StoredEvent {
    int seq = 0;
    QString type;
    QString timestamp;
    QString spanId;
    QString summary;
    QString model;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    QString payload;
};

/// A message as stored (0: of the pool, 1: of the final conversation), its JSON with attachments replaced.
struct StoredMessage {
    int kind = 0;
    int index = 0;
    int eventSeq = -1;
    QString role;
    QString toolCallId;
    QString function;
    QString json;
};

/// One step's JSON: a score event's, a tool event's.
struct StepPayload {
    int seq = 0;
    double workingStart = 0;
    QByteArray json;
};

/// A tool call's output, attachment references replaced by their text.
struct ToolOutput {
    int seq = 0;
    double workingStart = 0;
    QString output;
};

/// A tool call as the agent made it: the function and its arguments' JSON, for rebuilding its files.
struct ToolCall {
    int seq = 0;
    QString function;
    QByteArray argumentsJson; ///< attachment references not yet replaced
};

/// A step a replay marks on its plot.
struct StepMark {
    int seq = 0;
    QString type; ///< compaction, error, sample_limit, model, tool
};

/// A point of a pass curve.
struct PassPoint {
    int seq = 0;
    double workingStart = 0;
    double cost = 0; ///< cumulative dollars spent up to this step
    double visible = notANumber;
    double heldOut = notANumber;
};

/// What the replay plots beside a transcript.
struct PassCurve {
    std::vector<PassPoint> points;
    std::vector<int> compactions; ///< steps
    std::vector<int> errors; ///< steps of errors (model errors, tool errors, sample errors)
    std::vector<std::pair<int, double>> spending; ///< step, cumulative dollars after it (model calls)
    int unpricedCalls = 0; ///< model calls without a price: in `spending` at no cost
    QString source; ///< "score events" or the test runner whose output was read
};

/// Which named tests passed at each test run of a transcript, where its test output names them.
struct TestMatrix {
    std::vector<int> runs; ///< steps of the test runs, in order
    QStringList tests; ///< sorted
    std::vector<std::vector<signed char>> results; ///< [test][run]: 1 passed, 0 failed, -1 not in that run
    /// Whether every run's output named each test its runner counted (a run that names only some failures does not).
    bool complete = true;
};
