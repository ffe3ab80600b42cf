// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "anatomyrecords.h"

#include <QtGlobal>
#include <vector>

/// What the store keeps of one sample's anatomy: the few numbers the statistics across runs read (AnatomyStatistics),
/// so that a query over many runs does not read their transcripts again, and what the workspace rebuilt from the run's
/// edits showed (followEdits), which takes seconds to read on a long run and a fraction of a second to read back.
struct AnatomySummary {
    qint64 sampleId = 0;
    bool scored = false; ///< whether it had test runs: the best point and what came after it are defined
    double workingTime = 0; ///< seconds, the last event's working start
    double cost = 0; ///< dollars, priced calls only
    int unpricedCalls = 0;
    int stepsAfterLastGain = 0;
    double workingTimeAfterLastGain = 0;
    double costAfterLastGain = 0;
    int plateaus = 0;
    double plateauTime = 0; ///< seconds, summed over its plateaus
    int regressions = 0;
    int compactions = 0;
    std::vector<ActivityShare> activities; ///< every activity the patterns name, in their order
    std::vector<UndoEdit> undoEdits; ///< as Anatomy::undoEdits
    std::vector<CodeSize> codeGrowth; ///< as Anatomy::codeGrowth
    int uncertainEdits = 0; ///< as Anatomy::uncertainEdits
    std::vector<qint64> regressionDiffLines; ///< Regression::diffLines of each of Anatomy::regressions, in order
};
