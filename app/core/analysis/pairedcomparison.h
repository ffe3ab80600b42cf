// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "taskstatistics.h"

// Two models compared on the tasks both ran (a task: a (task, sample id) pair with a scored epoch for each model):
//
//   difference   expected pass@1 of A minus that of B, with a paired percentile bootstrap over the shared tasks
//                (a resample draws tasks, each with both models' results)
//   McNemar      an exact two-sided binomial test on the tasks where exactly one model solved; a task counts as
//                solved when solved in any epoch
//   cost ratio   the geometric mean over tasks of cost(A)/cost(B), a task's cost being the mean cost of its epochs,
//                over the tasks both have a price for; its interval is the bootstrap of the mean log ratio over
//                tasks, exponentiated

/// The result of comparePaired().
struct PairedComparison {
    QString modelA;
    QString modelB;
    int tasks = 0; ///< tasks both models ran (a scored epoch each)
    Estimate passAt1A; ///< over the shared tasks
    Estimate passAt1B;
    Estimate difference; ///< passAt1A - passAt1B, paired bootstrap interval
    int bothSolved = 0; ///< per-task flags (solved in any epoch)
    int onlyASolved = 0;
    int onlyBSolved = 0;
    int neitherSolved = 0;
    double mcnemarP = notANumber; ///< exact two-sided McNemar p; 1 when no task is discordant
    QString mcnemarDefinition;
    Estimate costRatio; ///< geometric mean of cost(A)/cost(B); n = tasks priced for both
};

/// The exact two-sided McNemar p-value for `onlyA` and `onlyB` discordant pairs: min(1, 2 P(X <= min)) for X
/// binomial(onlyA + onlyB, 1/2).
double mcnemarExactP(int onlyA, int onlyB);

/// Compares `modelA` with `modelB` over the samples of both in `samples` (others are ignored).
PairedComparison comparePaired(const std::vector<SampleRow>& samples, const QString& modelA, const QString& modelB);
