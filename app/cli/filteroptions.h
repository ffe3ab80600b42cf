// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/samplefilter.h"

#include <QCommandLineParser>
#include <QTextStream>

class Store;

/// The options that choose samples, shared by `samples` and `stats`: --model, --task, --program, --tier, --epoch,
/// --outcome, --run, each repeatable (or comma-separated).
void addFilterOptions(QCommandLineParser& parser);

/// The filter the options name; false with `error` set when a number is not one.
bool readFilter(const QCommandLineParser& parser, SampleFilter* filter, QString* error);

/// The exit status of a filter naming a value the samples do not have.
inline constexpr int unknownValueExit = 2;

/// The store's samples (pass fractions and costs read: analyseSamples) that the filter options keep. False, the
/// reason printed on `err`, when an option names a value the store's samples do not have (exit unknownValueExit).
bool selectSamples(Store& store, const QCommandLineParser& parser, std::vector<SampleRow>* samples, QTextStream& err);
