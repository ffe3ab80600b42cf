// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "importoptions.h"
#include "records/logrecords.h"
#include "json/jsonvalues.h"

#include <vector>

// Reading the parts of an Inspect log that several of its records share: scores and token usage.

/// A sample's scores, each valued by `options.scoreKeys` (analysis/scorereading).
std::vector<ScoreRecord> scoresOf(const JsonValue* scores, const ImportOptions& options);
std::vector<UsageRecord> usageByModel(const JsonValue* modelUsage);
UsageRecord usageOf(const JsonValue& usage);
