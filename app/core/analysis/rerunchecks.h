// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/testrecords.h"
#include "records/transcriptrows.h"

#include <QHash>
#include <functional>
#include <vector>

/// A result the transcript's test output reports that a re-execution of the same code contradicts.
struct Contradiction {
    int test = 0; ///< row of the test matrix
    int run = 0; ///< column: the test run
    int rerunStep = 0; ///< where the re-execution ran
    bool rerunPassed = false;
};

/// The results of `tests` that a stored re-execution contradicts. A re-execution checks a test run when no step
/// between them changed the agent's files (`editSteps`, ascending); `resultsOf` gives a re-execution's per-test
/// results.
std::vector<Contradiction> contradictions(const TestMatrix& tests, const std::vector<RerunRow>& reruns,
    const std::vector<int>& editSteps, const std::function<QHash<QString, bool>(qint64 rerunId)>& resultsOf);
