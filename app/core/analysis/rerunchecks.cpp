// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "rerunchecks.h"

#include <algorithm>
#include <climits>

std::vector<Contradiction> contradictions(const TestMatrix& tests, const std::vector<RerunRow>& reruns,
    const std::vector<int>& editSteps, const std::function<QHash<QString, bool>(qint64 rerunId)>& resultsOf)
{
    std::vector<Contradiction> found;
    for (int run = 0; run < int(tests.runs.size()); ++run) {
        const int from = tests.runs[size_t(run)];
        const auto nextEdit = std::upper_bound(editSteps.begin(), editSteps.end(), from);
        const int to = nextEdit == editSteps.end() ? INT_MAX : *nextEdit;
        // The latest re-execution of the code as it stood at this test run.
        const auto rerun = std::find_if(
            reruns.rbegin(), reruns.rend(), [&](const RerunRow& row) { return row.step >= from && row.step < to; });
        if (rerun == reruns.rend())
            continue;
        const QHash<QString, bool> results = resultsOf(rerun->id);
        for (int test = 0; test < int(tests.tests.size()); ++test) {
            const signed char reported = tests.results[size_t(test)][size_t(run)];
            const auto result = results.constFind(tests.tests[test]);
            if (reported >= 0 && result != results.constEnd() && bool(reported) != *result)
                found.push_back({ test, run, rerun->step, *result });
        }
    }
    return found;
}
