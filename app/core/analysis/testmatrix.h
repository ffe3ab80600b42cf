// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomyrecords.h"
#include "records/transcriptrows.h"
#include "testoutputparser.h"

#include <map>

/// Builds which named tests passed at each test run of a transcript, from tool output that names its tests.
class TestMatrixBuilder {
public:
    explicit TestMatrixBuilder(TestOutputParser parser);

    /// A tool call's output, in step order.
    void addToolOutput(const ToolOutput& tool);
    TestMatrix matrix() const;

private:
    TestOutputParser m_parser;
    std::vector<int> m_runs;
    std::map<QString, std::vector<std::pair<size_t, bool>>> m_byTest;
    bool m_complete = true;
};

/// Which tests never passed and which broke, from `matrix` where its runs name every test they count and are all the
/// test runs `counts` holds (each test run's counts, in order); else the counts alone.
TestHistory testHistory(const TestMatrix& matrix, const std::vector<TestCounts>& counts);

/// The tests of `matrix` that the test runs after `fromStep` up to `toStep` ran and never passed, sorted.
QStringList testsFailingThroughout(const TestMatrix& matrix, int fromStep, int toStep);

/// The steps at which test `test` of `matrix` changed between passing and failing.
std::vector<int> testChanges(const TestMatrix& matrix, int test);
