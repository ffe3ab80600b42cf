// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

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
};

/// The steps at which test `test` of `matrix` changed between passing and failing.
std::vector<int> testChanges(const TestMatrix& matrix, int test);
