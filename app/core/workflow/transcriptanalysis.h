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
/// The run's anatomy (RunAnatomy) from its events, streamed once, and its test runs, but for what its edits' texts
/// show: followEdits()'s, or kept in the store (AnatomySummaries::anatomy()). `sample`: the sample's row, for its
/// outcome.
Anatomy runAnatomy(TranscriptQuery& transcript, const SampleRow& sample, const PriceTable& prices);
/// The edits of `anatomy` (runAnatomy()'s) read one by one, into `anatomy`: the workspace rebuilt from them alone,
/// followed edit by edit (the edits that undo earlier ones, the lines of code at each test run, the edits it cannot
/// follow), and the lines each regression's edits removed and wrote. Each edit is a payload to unpack: seconds for the
/// longest runs.
void followEdits(TranscriptQuery& transcript, Anatomy& anatomy);
