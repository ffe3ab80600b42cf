// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "steppositions.h"

#include <algorithm>
#include <climits>
#include <cmath>

StepPositions::StepPositions(
    int lastStep, const std::vector<double>& workingTimes, const std::vector<std::pair<int, double>>& spending)
    : m_lastStep(lastStep)
{
    m_points.reserve(workingTimes.size());
    auto spent = spending.begin();
    double dollars = 0;
    for (int seq = 0; seq < int(workingTimes.size()); ++seq) {
        // What was spent up to and with this step: the last spending at or before it.
        for (; spent != spending.end() && spent->first <= seq; ++spent)
            dollars = spent->second;
        const double seconds = workingTimes[size_t(seq)];
        m_points.push_back({ seq, std::isnan(seconds) ? 0.0 : seconds, dollars });
    }
}

double StepPositions::valueOf(Axis axis, const Point& point)
{
    switch (axis) {
    case Axis::Step:
        return point.seq;
    case Axis::Time:
        return point.seconds / 3600.0;
    case Axis::Cost:
        return point.dollars;
    }
    return point.seq;
}

double StepPositions::position(Axis axis, int seq) const
{
    if (axis == Axis::Step)
        return seq == INT_MAX ? m_lastStep : seq;
    const auto found
        = std::lower_bound(m_points.begin(), m_points.end(), seq, [](const Point& p, int s) { return p.seq < s; });
    if (found == m_points.end())
        return m_points.empty() ? 0.0 : valueOf(axis, m_points.back());
    return valueOf(axis, *found);
}

double StepPositions::end(Axis axis) const
{
    if (axis == Axis::Step)
        return std::max(1, m_lastStep);
    return m_points.empty() ? 1.0 : valueOf(axis, m_points.back());
}

int StepPositions::firstStepAt(Axis axis, double value) const
{
    if (axis == Axis::Step)
        return int(std::lround(value));
    // Positions grow with the step: the first step at or past the value.
    const auto found = std::lower_bound(
        m_points.begin(), m_points.end(), value, [axis](const Point& p, double v) { return valueOf(axis, p) < v; });
    return found == m_points.end() ? (m_points.empty() ? 0 : m_points.back().seq) : found->seq;
}

int StepPositions::nearestStep(Axis axis, double value) const
{
    if (axis == Axis::Step)
        return int(std::lround(value));
    int best = 0;
    double distance = 1e300;
    for (const Point& point : m_points) {
        const double d = std::abs(valueOf(axis, point) - value);
        if (d < distance) {
            distance = d;
            best = point.seq;
        }
    }
    return best;
}
