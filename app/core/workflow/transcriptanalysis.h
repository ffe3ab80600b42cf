// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pricetable.h"
#include "records/anatomyrecords.h"
#include "records/storerows.h"
#include "records/transcriptrows.h"

class TranscriptQuery;

// What the analysis makes of one transcript, read from the store: the one place that feeds the one to the other.

/// The pass curve: the run's own intermediate scores, else its test runs read from tool output; its spending and marks.
PassCurve passCurve(TranscriptQuery& transcript, const PriceTable& prices);
/// Which named tests passed at each test run, where the test output names them.
TestMatrix testMatrix(TranscriptQuery& transcript);
/// The run's own intermediate scores (the pass fractions the transcript reports), in order.
std::vector<PassPoint> reportedScores(TranscriptQuery& transcript);
/// The steps that changed the agent's files (or may have), ascending: where its code changed.
std::vector<int> fileChangingSteps(TranscriptQuery& transcript);
/// The run's anatomy (RunAnatomy): its events streamed once, its test runs, the edits behind its regressions read
/// one by one, and the workspace rebuilt from its edits where it has at most RunAnatomy::workspaceEdits of them, or
/// `wholeWorkspace`. `sample`: the sample's row, for its outcome.
Anatomy runAnatomy(
    TranscriptQuery& transcript, const SampleRow& sample, const PriceTable& prices, bool wholeWorkspace = false);
