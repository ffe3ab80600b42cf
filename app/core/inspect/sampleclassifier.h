// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "importoptions.h"
#include "records/logrecords.h"

/// Fills a sample's MirrorCode program, tier and language (from its metadata, else from a
/// `<program>_<language>` id and the built-in target table) and whether it is solved.
void classifySample(SampleRecord& sample, const ImportOptions& options);
