// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/testrecords.h"
#include "sandboxedprocess.h"
#include "testsuite.h"
#include <QCoreApplication>

#include <functional>
#include <vector>

/// The result of one test.
struct TestResult {
    QString id;
    bool heldOut = false;
    bool passed = false;
    ProcessOutcome outcome;
    QString reason; ///< why it failed, in a few words: "stdout differs", "exit code 1, expected 0", "timeout"
    QString diff; ///< expected against actual, for a failure
    QString violation; ///< what the program did that it must not (write outside its directory)
};

/// Runs a test suite against a program: each test in a fresh work folder (its own box where the system allows),
/// in parallel on all cores, through SandboxedProcess. Synchronous; progress and cancel through the callback.
class TestRunner {
    Q_DECLARE_TR_FUNCTIONS(TestRunner)

public:
    struct Options {
        QStringList command; ///< the program under test and its leading arguments
        QString workspace; ///< where the program's files are; the build step runs there
        QStringList buildCommand; ///< optional, run once in the workspace before the tests
        SandboxLimits limits;
        int jobs = 0; ///< parallel tests; 0: one a core
    };
    /// Tests done so far; return false to cancel.
    using Progress = std::function<bool(int done, int total)>;

    std::vector<TestResult> run(const TestSuite& suite, const Options& options, const Progress& progress = {});
    TestRunSummary summary() const { return m_summary; }
    bool wasCancelled() const { return m_cancelled; }
    QString errorString() const { return m_error; }

    /// A line diff of expected against actual text (unified style, cut after `maxLines` lines).
    static QString diff(const QByteArray& expected, const QByteArray& actual, int maxLines = 40);

private:
    TestResult runOne(const TestCase& test, const Options& options, const QString& base, int index,
        const QStringList& readOnly, int slot);

    TestRunSummary m_summary;
    bool m_cancelled = false;
    QString m_error;
};

/// The commands that build a program written in `language` (rust, go, c), empty for interpreted ones.
QStringList defaultBuildCommand(const QString& language);
