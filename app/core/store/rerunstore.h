#pragma once

#include "runner/testrunner.h"

#include <QHash>

class SqliteDb;

/// A re-execution as stored: a suite run on a sample's code at one step.
struct RerunRow {
    qint64 id = 0;
    int step = -1; ///< -1: a workspace given as is
    TestRunSummary summary;
    int uncertainSteps = 0;
};

/// Test suites and re-executions in the store.
class RerunStore {
public:
    explicit RerunStore(SqliteDb& db);

    /// Stores `suite` (replacing an earlier copy from the same path) for `program`; the suite's id, or 0 on error.
    qint64 saveSuite(const TestSuite& suite, const QString& program, const QString& path);
    /// Stores one re-execution of a sample (0 for none) at `step`; its id, or 0 on error.
    qint64 saveRerun(qint64 sampleId, qint64 suiteId, int step, const TestRunSummary& summary,
        const std::vector<TestResult>& results, int uncertainSteps);
    std::vector<RerunRow> reruns(qint64 sampleId);
    /// The per-test results of one re-execution: test id -> passed.
    QHash<QString, bool> results(qint64 rerunId);

private:
    SqliteDb& m_db;
};
