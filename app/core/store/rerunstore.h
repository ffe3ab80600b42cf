// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/testrecords.h"

#include <QHash>
#include <vector>

class SqliteDb;

/// Test suites and re-executions in the store (behind Store's read API).
class RerunStore {
public:
    explicit RerunStore(SqliteDb& db);

    qint64 saveSuite(
        const QString& name, const QString& program, const QString& path, const std::vector<StoredTest>& tests);
    qint64 saveRerun(qint64 sampleId, qint64 suiteId, int step, const TestRunSummary& summary,
        const std::vector<StoredTestResult>& results, int uncertainSteps);
    std::vector<RerunRow> reruns(qint64 sampleId);
    QHash<QString, bool> results(qint64 rerunId);

private:
    SqliteDb& m_db;
};
