// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "runner/testrunner.h"

#include <QCommandLineParser>
#include <QTextStream>

// Options and output shared by the `test` and `rerun` commands.
void addLimitOptions(QCommandLineParser& parser);
void applyLimitOptions(const QCommandLineParser& parser, TestRunner::Options& options);
void printTestResults(QTextStream& out, const std::vector<TestResult>& results, const TestRunSummary& summary,
    bool json, bool csv, bool verbose);
