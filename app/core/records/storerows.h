// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "logrecords.h"

#include <QString>

// What the store's read API returns about runs, samples and their files: plain values, read by the models, the
// analysis and the command line alike.

/// A run as the runs list shows it, with its accuracy computed from its samples beside the one its header reports.
struct RunRow {
    qint64 id = 0;
    QString path;
    QString task;
    QString model;
    QString status;
    QString evalSetId;
    QString created;
    int logVersion = 0;
    int samples = 0;
    int scoredSamples = 0;
    int solvedSamples = 0;
    double accuracy = notANumber; ///< mean score over samples (epochs averaged first); NaN when unscored
    QString scorer; ///< the scorer of the first score of the run's samples, which `accuracy` averages
    QString scoreKey; ///< the key of that score's dict value `accuracy` reads (held_out, ...), or empty
    std::vector<MetricRecord> metrics; ///< the header's metrics, as the log names them (`name`, `group/name`)
    /// The header metric that reports what `accuracy` computes (see headerAccuracyMetric()), as scorer/name; empty
    /// when the header has none
    QString headerMetric;
    double headerAccuracy = notANumber; ///< that metric's value; NaN when absent or NaN
    bool hasHeaderAccuracy = false;
    qint64 inputTokens = 0; ///< input tokens, cache reads and writes included
    qint64 outputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 reasoningTokens = 0;
};

struct SampleRow {
    qint64 id = 0;
    qint64 runId = 0;
    QString evalSetId;
    QString runStatus;
    QString created; ///< the run's
    QString task;
    QString model;
    QString sampleId;
    int epoch = 1;
    QString program;
    QString tier;
    QString language;
    double score = notANumber;
    int solved = -1;
    double totalTime = notANumber;
    double workingTime = notANumber;
    QString error;
    QString limitType;
    int events = 0;
    qint64 inputTokens = 0; ///< input tokens, cache reads and writes included
    qint64 outputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 reasoningTokens = 0;
    double totalCost = notANumber; ///< the log's total_cost, or (PriceTable::applyTo) tokens x prices; NaN: no price
    QByteArray scoreMetadataJson; ///< the first score's metadata, read by analysis/scorereading
    double heldOutPass = notANumber; ///< held-out (else visible) pass fraction from the score's metadata, when known
    double visiblePass = notANumber;
};

/// What a replay's header says of a sample beyond its SampleRow: how many epochs its run has of it, the limits it ran
/// under, and the traceback of its error.
struct SampleDetail {
    int epochs = 1; ///< epochs of this sample in its run: the most of its configured epochs, rows and epoch numbers
    double limitValue = notANumber; ///< the limit the sample reached (SampleRow::limitType), as its log gives it
    double costLimit = notANumber; ///< the run's cost limit in dollars; NaN where it has none
    double tokenLimit = notANumber; ///< the run's token limit; NaN where it has none
    double timeLimit = notANumber; ///< the run's time limit in seconds; NaN where it has none
    double workingLimit = notANumber; ///< the run's working time limit in seconds; NaN where it has none
    QString errorTraceback; ///< the traceback of the sample's error (else of its last error event); empty for none
};

/// Tokens one model used in one sample.
struct UsageRow {
    qint64 sampleId = 0;
    QString model;
    qint64 inputTokens = 0; ///< full-rate input, without cache reads and writes
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 outputTokens = 0;
    double totalCost = notANumber; ///< as the log reports it
};

struct FileRow {
    QString path;
    QString status;
    QString error;
};

/// One message that matches a search.
struct SearchHit {
    qint64 messageId = 0;
    qint64 sampleId = 0;
    int eventSeq = -1; ///< the step that first reads the message
    QString role;
    QString snippet; ///< the text around the first match, the match in [brackets]
};

/// The outcome of a search: its hits, or why it found none (a query refused, a store error), or that it was stopped.
struct SearchResult {
    std::vector<SearchHit> hits;
    QString error;
    bool cancelled = false;
};
