// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <limits>
#include <vector>

// Plain records the Inspect readers hand to a LogSink. Unknown or absent numbers are NaN or -1.

inline constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();

struct UsageRecord {
    QString model;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 totalTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 reasoningTokens = 0;
    double totalCost = notANumber; ///< USD, only when the log has it
};

struct ScoreRecord {
    QString scorer;
    QByteArray valueJson; ///< the raw Score.value
    double value = notANumber; ///< numeric value per the import options; NaN = unscored
    QString answer;
    QString explanation;
    QByteArray metadataJson;
};

struct MetricRecord {
    QString scorer;
    QString name;
    double value = notANumber;
};

struct RunRecord {
    int logVersion = 0;
    QString status;
    QString evalId;
    QString runId;
    QString evalSetId;
    QString task;
    QString taskId;
    QString model;
    QString created;
    QString inspectVersion;
    QString startedAt;
    QString completedAt;
    QString error;
    int epochs = -1;
    double messageLimit = notANumber;
    double tokenLimit = notANumber;
    double timeLimit = notANumber;
    double workingLimit = notANumber;
    double costLimit = notANumber;
    int totalSamples = -1;
    int completedSamples = -1;
    std::vector<MetricRecord> metrics;
    std::vector<UsageRecord> usage;
    QByteArray configJson;
};

struct SampleRecord {
    QString id;
    int epoch = 1;
    QString target;
    QByteArray metadataJson;
    QString program;
    QString tier;
    QString language;
    double totalTime = notANumber;
    double workingTime = notANumber;
    QString startedAt;
    QString completedAt;
    QString uuid;
    QString error; ///< the message of the error the sample ended on
    QString errorTraceback; ///< and its traceback, when the log has one
    QString limitType;
    double limitValue = notANumber;
    int messageCount = -1;
    int solved = -1; ///< 1 solved, 0 not, -1 unscored
    std::vector<ScoreRecord> scores;
    std::vector<UsageRecord> usage;
};

struct EventRecord {
    int seq = 0;
    QString type;
    QString timestamp;
    double workingStart = notANumber;
    QString spanId;
    QString summary; ///< one line; may still hold attachment:// references, resolved by the sink
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    qint64 cacheReadTokens = 0;
    qint64 cacheWriteTokens = 0;
    qint64 reasoningTokens = 0;
    double cost = notANumber;
    QString model;
    /// The event's JSON, model input replaced by input_refs into the sample's message pool. It may lie in the
    /// reader's buffer: a sink keeps a copy, not the array.
    QByteArray payload;
    bool marked = false; ///< a step a replay's plot marks: an error, a failed model call or tool, a limit, a compaction
};

/// A message of a sample. Pool messages (model inputs) are addressed by poolIndex; final messages are the
/// sample's `messages` list, addressed by their position. The same message is often in both (same `id`).
struct MessageRecord {
    enum Kind { Pool = 0, Final = 1 };
    Kind kind = Pool;
    int index = 0;
    int eventSeq = -1; ///< first event that uses this message
    QByteArray id; ///< the message's own `id`, empty where it has none
    QString role;
    QString toolCallId;
    QString function;
    QByteArray json;
};
