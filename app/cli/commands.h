// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QStringList>

// Each command takes the arguments that follow its name and returns the process exit status.
int runImportCommand(const QStringList& arguments);
int runRunsCommand(const QStringList& arguments);
int runSamplesCommand(const QStringList& arguments);
int runStatsCommand(const QStringList& arguments);
int runSynthCommand(const QStringList& arguments);
int runPlotCommand(const QStringList& arguments);
int runBenchCommand(const QStringList& arguments);
int runTestCommand(const QStringList& arguments);
int runRerunCommand(const QStringList& arguments);
int runTranscriptCommand(const QStringList& arguments);
int runReportCommand(const QStringList& arguments);
int runCopyCommand(const QStringList& arguments);
