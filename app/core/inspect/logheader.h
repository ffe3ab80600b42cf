// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "importoptions.h"
#include "logvalues.h"
#include "records/logrecords.h"

/// Reads an EvalLog header (header.json, _journal/start.json or the top of a .json log), migrating a
/// version 1 `results.scorer` to the version 2 shape.
RunRecord runFromHeader(const JsonValue& header);
/// The scorer a version 1 log's sample `score` belongs to.
QString legacyScorerName(const JsonValue& header);
/// A sample as an EvalSampleSummary row (summaries.json or a journal summary) describes it.
SampleRecord sampleFromSummary(const JsonValue& summary, const ImportOptions& options);
