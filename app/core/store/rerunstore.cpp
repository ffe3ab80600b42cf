// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "rerunstore.h"

#include "sqlitedb.h"

#include <QDateTime>

RerunStore::RerunStore(SqliteDb& db)
    : m_db(db)
{
}

qint64 RerunStore::saveSuite(
    const QString& name, const QString& program, const QString& path, const std::vector<StoredTest>& tests)
{
    if (!m_db.exec("BEGIN IMMEDIATE"))
        return 0;
    SqliteStatement remove(m_db, "DELETE FROM test_suites WHERE path = ?");
    remove.bind(1, path);
    remove.exec();
    SqliteStatement insert(m_db, "INSERT INTO test_suites (name, program, path, imported_at) VALUES (?,?,?,?)");
    insert.bind(1, name);
    insert.bind(2, program.isEmpty() ? QString() : program);
    insert.bind(3, path);
    insert.bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!insert.exec()) {
        m_db.exec("ROLLBACK");
        return 0;
    }
    const qint64 suiteId = m_db.lastInsertId();
    SqliteStatement test(m_db, "INSERT INTO test_cases (suite_id, test_id, held_out, json) VALUES (?,?,?,?)");
    for (const StoredTest& stored : tests) {
        test.bind(1, suiteId);
        test.bind(2, stored.id);
        test.bind(3, stored.heldOut ? 1 : 0);
        test.bind(4, stored.json);
        if (!test.exec()) {
            m_db.exec("ROLLBACK");
            return 0;
        }
    }
    return m_db.exec("COMMIT") ? suiteId : 0;
}

qint64 RerunStore::saveRerun(qint64 sampleId, qint64 suiteId, int step, const TestRunSummary& summary,
    const std::vector<StoredTestResult>& results, int uncertainSteps)
{
    if (!m_db.exec("BEGIN IMMEDIATE"))
        return 0;
    SqliteStatement insert(m_db, R"sql(INSERT INTO reruns (sample_id, suite_id, step, created, passed, failed,
        visible_passed, visible_total, held_out_passed, held_out_total, build_error, uncertain_steps)
        VALUES (?,?,?,?,?,?,?,?,?,?,?,?))sql");
    if (sampleId > 0)
        insert.bind(1, sampleId);
    if (suiteId > 0)
        insert.bind(2, suiteId);
    if (step >= 0)
        insert.bind(3, step);
    insert.bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    insert.bind(5, summary.passed);
    insert.bind(6, summary.failed);
    insert.bind(7, summary.visiblePassed);
    insert.bind(8, summary.visibleTotal);
    insert.bind(9, summary.heldOutPassed);
    insert.bind(10, summary.heldOutTotal);
    insert.bind(11, summary.buildError.isEmpty() ? QString() : summary.buildError);
    insert.bind(12, uncertainSteps);
    if (!insert.exec()) {
        m_db.exec("ROLLBACK");
        return 0;
    }
    const qint64 rerunId = m_db.lastInsertId();
    SqliteStatement result(m_db, R"sql(INSERT INTO rerun_results (rerun_id, test_id, passed, outcome, exit_code,
        seconds, diff) VALUES (?,?,?,?,?,?,?))sql");
    for (const StoredTestResult& test : results) {
        result.bind(1, rerunId);
        result.bind(2, test.id);
        result.bind(3, test.passed ? 1 : 0);
        result.bind(4, test.outcome);
        result.bind(5, test.exitCode);
        result.bind(6, test.seconds);
        result.bind(7, test.detail);
        if (!result.exec()) {
            m_db.exec("ROLLBACK");
            return 0;
        }
    }
    return m_db.exec("COMMIT") ? rerunId : 0;
}

std::vector<RerunRow> RerunStore::reruns(qint64 sampleId)
{
    SqliteStatement query(m_db, R"sql(SELECT id, step, passed, failed, visible_passed, visible_total, held_out_passed,
        held_out_total, build_error, uncertain_steps FROM reruns WHERE sample_id = ? ORDER BY step, id)sql");
    query.bind(1, sampleId);
    std::vector<RerunRow> rows;
    while (query.step()) {
        RerunRow row;
        row.id = query.integer(0);
        row.step = query.isNull(1) ? -1 : int(query.integer(1));
        row.summary.passed = int(query.integer(2));
        row.summary.failed = int(query.integer(3));
        row.summary.visiblePassed = int(query.integer(4));
        row.summary.visibleTotal = int(query.integer(5));
        row.summary.heldOutPassed = int(query.integer(6));
        row.summary.heldOutTotal = int(query.integer(7));
        row.summary.buildError = query.text(8);
        row.uncertainSteps = int(query.integer(9));
        rows.push_back(row);
    }
    return rows;
}

QHash<QString, bool> RerunStore::results(qint64 rerunId)
{
    SqliteStatement query(m_db, "SELECT test_id, passed FROM rerun_results WHERE rerun_id = ?");
    query.bind(1, rerunId);
    QHash<QString, bool> results;
    while (query.step())
        results.insert(query.text(0), query.integer(1) != 0);
    return results;
}
