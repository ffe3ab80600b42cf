// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testmatrix.h"

#include <algorithm>
#include <set>

TestMatrixBuilder::TestMatrixBuilder(TestOutputParser parser)
    : m_parser(std::move(parser))
{
}

void TestMatrixBuilder::addToolOutput(const ToolOutput& tool)
{
    const std::vector<NamedTestResult> results = m_parser.namedResults(tool.output);
    if (results.empty())
        return;
    // A run that names only some of the tests it counts (a few of its failures) says nothing of the others.
    if (const std::optional<TestCounts> counts = m_parser.parse(tool.output)) {
        std::set<QString> names;
        for (const NamedTestResult& result : results)
            names.insert(result.name);
        m_complete = m_complete && qsizetype(names.size()) == qsizetype(counts->passed) + counts->failed;
    }
    for (const NamedTestResult& result : results)
        m_byTest[result.name].emplace_back(m_runs.size(), result.passed);
    m_runs.push_back(tool.seq);
}

TestMatrix TestMatrixBuilder::matrix() const
{
    TestMatrix matrix;
    matrix.runs = m_runs;
    matrix.complete = m_complete;
    for (const auto& [name, results] : m_byTest) {
        matrix.tests << name;
        std::vector<signed char> row(matrix.runs.size(), -1);
        for (const auto& [run, passed] : results)
            row[run] = passed ? 1 : 0;
        matrix.results.push_back(std::move(row));
    }
    return matrix;
}

std::vector<int> testChanges(const TestMatrix& matrix, int test)
{
    std::vector<int> steps;
    signed char previous = -1;
    for (size_t run = 0; run < matrix.runs.size(); ++run) {
        const signed char result = matrix.results[size_t(test)][run];
        if (result < 0)
            continue;
        if (previous >= 0 && result != previous)
            steps.push_back(matrix.runs[run]);
        previous = result;
    }
    return steps;
}

TestHistory testHistory(const TestMatrix& matrix, const std::vector<TestCounts>& counts)
{
    TestHistory history;
    history.runs = int(counts.size());
    for (const TestCounts& run : counts)
        history.bestPassed = std::max(history.bestPassed, run.passed);
    if (!counts.empty()) {
        history.total = counts.back().passed + counts.back().failed;
        history.finalPassed = counts.back().passed;
    }
    history.named = !matrix.runs.empty() && matrix.complete && matrix.runs.size() == counts.size();
    if (!history.named)
        return history;
    for (qsizetype test = 0; test < matrix.tests.size(); ++test) {
        const std::vector<signed char>& row = matrix.results[size_t(test)];
        int lastPassed = -1;
        signed char previous = -1;
        std::optional<TestBreak> open;
        for (size_t run = 0; run < matrix.runs.size(); ++run) {
            if (row[run] < 0)
                continue;
            if (row[run] == 1) {
                if (open) {
                    open->fixedStep = matrix.runs[run];
                    history.broke.push_back(*open);
                    open.reset();
                }
                lastPassed = matrix.runs[run];
            } else if (previous == 1) {
                open = TestBreak { matrix.tests[test], lastPassed, matrix.runs[run], -1 };
            }
            previous = row[run];
        }
        if (open)
            history.broke.push_back(*open);
        if (lastPassed < 0)
            history.neverPassed << matrix.tests[test];
    }
    std::stable_sort(history.broke.begin(), history.broke.end(), [](const TestBreak& a, const TestBreak& b) {
        return a.brokeStep != b.brokeStep ? a.brokeStep < b.brokeStep : a.test < b.test;
    });
    return history;
}

QStringList testsFailingThroughout(const TestMatrix& matrix, int fromStep, int toStep)
{
    const auto first = std::upper_bound(matrix.runs.begin(), matrix.runs.end(), fromStep) - matrix.runs.begin();
    const auto end = std::upper_bound(matrix.runs.begin(), matrix.runs.end(), toStep) - matrix.runs.begin();
    QStringList failing;
    for (qsizetype test = 0; test < matrix.tests.size(); ++test) {
        const std::vector<signed char>& row = matrix.results[size_t(test)];
        bool ran = false;
        bool passed = false;
        for (auto run = first; run < end && !passed; ++run) {
            ran = ran || row[size_t(run)] >= 0;
            passed = row[size_t(run)] == 1;
        }
        if (ran && !passed)
            failing << matrix.tests[test];
    }
    return failing; // the matrix's tests are sorted
}
