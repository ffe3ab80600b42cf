#pragma once

#include "inspect/logrecords.h"
#include "sqlitedb.h"

#include <QString>
#include <vector>

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
    double headerAccuracy = notANumber; ///< the header's `accuracy` metric; NaN when absent or NaN
    bool hasHeaderAccuracy = false;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;

    /// True when the computed and reported accuracies disagree.
    bool accuracyMismatch() const;
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
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double totalCost = notANumber; ///< the log's total_cost, or (PriceTable::applyTo) tokens x prices; NaN: no price
    double heldOutPass = notANumber; ///< held-out (else visible) pass fraction from the score's metadata, when known
    double visiblePass = notANumber;
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

/// The local SQLite store: opening (with migrations), pragmas, and the read queries that models use.
class Store {
public:
    /// The store under the user's data directory.
    static QString defaultPath();

    /// Opens (creating if needed) and migrates the store at `path`.
    bool open(const QString& path);
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    SqliteDb& db() { return m_db; }

    std::vector<RunRow> runs();
    std::vector<SampleRow> samples(qint64 runId = 0);
    std::vector<FileRow> failedFiles();
    std::vector<UsageRow> usage();

private:
    SqliteDb m_db;
    QString m_path;
    QString m_error;
};
