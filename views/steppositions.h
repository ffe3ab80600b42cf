// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <utility>
#include <vector>

/// Where each step of a run stands on the replay's horizontal axes: its number, the working time when it began
/// (hours), the dollars spent by then. A value: made once the working times are read, then only looked up.
class StepPositions {
public:
    enum class Axis { Step, Time, Cost };

    StepPositions() = default;
    /// `lastStep`: the run's last step. `workingTimes`: each step's working time in seconds, by step (NaN: unknown);
    /// empty, only the step axis is known. `spending`: steps and the dollars spent after each, ascending.
    StepPositions(
        int lastStep, const std::vector<double>& workingTimes, const std::vector<std::pair<int, double>>& spending);

    /// Where step `seq` stands on `axis`; a step past the last stands where the last does.
    double position(Axis axis, int seq) const;
    /// Where the last step stands on `axis`: the axis's right end (never 0 on the step axis).
    double end(Axis axis) const;
    /// The first step at or past `value` on `axis`.
    int firstStepAt(Axis axis, double value) const;
    /// The step nearest `value` on `axis`.
    int nearestStep(Axis axis, double value) const;

private:
    struct Point {
        int seq;
        double seconds; ///< working time
        double dollars; ///< spent by then
    };
    static double valueOf(Axis axis, const Point& point);

    int m_lastStep = 0;
    std::vector<Point> m_points; ///< by step
};
