// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// What a run of a test suite comes to, as the runner reports it and the store keeps it.

/// Totals of a run of a suite.
struct TestRunSummary {
    int passed = 0;
    int failed = 0;
    int visiblePassed = 0;
    int visibleTotal = 0;
    int heldOutPassed = 0;
    int heldOutTotal = 0;
    double seconds = 0;
    QString buildError; ///< the build step failed: every test counts as failed
    bool networkIsolated = false;
    bool sandboxed = false; ///< each test ran in a bubblewrap box
    QStringList unenforced; ///< what the sandbox could not enforce on this system: "network isolation"...

    double visibleFraction() const { return visibleTotal > 0 ? double(visiblePassed) / visibleTotal : 0.0; }
    double heldOutFraction() const { return heldOutTotal > 0 ? double(heldOutPassed) / heldOutTotal : 0.0; }
};

/// A re-execution as stored: a suite run on a sample's code at one step.
struct RerunRow {
    qint64 id = 0;
    int step = -1; ///< -1: a workspace given as is
    TestRunSummary summary;
    int uncertainSteps = 0;
};

/// A test of a suite as the store keeps it.
struct StoredTest {
    QString id;
    bool heldOut = false;
    QByteArray json; ///< the test as a JSONL line
};

/// One test's result in a re-execution, as the store keeps it.
struct StoredTestResult {
    QString id;
    bool passed = false;
    QString outcome; ///< "exit 1", "timeout"...
    int exitCode = -1;
    double seconds = 0;
    QString detail; ///< the diff of expected and actual output, or what the program must not do
};
