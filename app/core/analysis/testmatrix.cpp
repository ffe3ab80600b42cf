// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testmatrix.h"

TestMatrixBuilder::TestMatrixBuilder(TestOutputParser parser)
    : m_parser(std::move(parser))
{
}

void TestMatrixBuilder::addToolOutput(const ToolOutput& tool)
{
    const std::vector<NamedTestResult> results = m_parser.namedResults(tool.output);
    if (results.empty())
        return;
    for (const NamedTestResult& result : results)
        m_byTest[result.name].emplace_back(m_runs.size(), result.passed);
    m_runs.push_back(tool.seq);
}

TestMatrix TestMatrixBuilder::matrix() const
{
    TestMatrix matrix;
    matrix.runs = m_runs;
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
