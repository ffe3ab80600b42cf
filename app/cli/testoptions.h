// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "table.h"

#include "runner/testrunner.h"

#include <QCommandLineParser>
#include <QTextStream>

// Options and output shared by the `test` and `rerun` commands.
void addLimitOptions(QCommandLineParser& parser);
void applyLimitOptions(const QCommandLineParser& parser, TestRunner::Options& options);
/// Says in one line, before a run, what the sandbox cannot enforce here; false when --require-sandbox refuses it.
bool announceSandbox(const QCommandLineParser& parser, const TestRunner::Options& options, QTextStream& err);
void printTestResults(QTextStream& out, const std::vector<TestResult>& results, const TestRunSummary& summary,
    bool json, bool csv, bool verbose);
