// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QRegularExpression>
#include <QString>
#include <optional>
#include <vector>

/// Pass counts read from a test runner's output.
struct TestCounts {
    int passed = 0;
    int failed = 0;
    QString runner; ///< the pattern that matched
    double fraction() const { return passed + failed > 0 ? double(passed) / (passed + failed) : 0.0; }
};

/// One named test's outcome, read from a line of test output.
struct NamedTestResult {
    QString name;
    bool passed = false;
};

/// Reads pass and fail counts from test-runner output (pytest, cargo test, go test, `N passed, M failed`...) by
/// patterns from a JSON file that users can extend; also the outcomes of tests that the output names.
class TestOutputParser {
public:
    /// The user's patterns (userPath(), when there), then those shipped with Runlens (resources/test_patterns.json).
    static TestOutputParser standard();
    static QString userPath();
    /// Adds the patterns of a file after those already loaded; false when it cannot be read.
    bool load(const QString& path);

    std::optional<TestCounts> parse(const QString& output) const;
    /// The tests the output names with their outcomes (PASS/FAIL lines, go test -v, pytest -v), in order.
    std::vector<NamedTestResult> namedResults(const QString& output) const;

private:
    struct Pattern {
        QString name;
        QRegularExpression summary;
        QRegularExpression passedLine;
        QRegularExpression failedLine;
    };
    std::vector<Pattern> m_patterns;
    std::vector<QRegularExpression> m_named;
};
