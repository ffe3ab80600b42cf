// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "pricetable.h"
#include "records/transcriptrows.h"
#include "testoutputparser.h"

/// Builds a transcript's pass curve from its parts, fed in step order: what each model call cost, the steps marked
/// (compactions, errors), and the run's own intermediate scores, else the test runs read from tool output.
class PassCurveBuilder {
public:
    PassCurveBuilder(PriceTable prices, TestOutputParser parser);

    void addModelCall(const EventRow& call);
    void addMark(const StepMark& mark);
    /// A score event; an intermediate one becomes a point.
    void addScoreEvent(const StepPayload& event);
    /// Whether the run's own scores gave points: then tool output is not read.
    bool hasPoints() const { return !m_curve.points.empty(); }
    /// A tool call's output; one that a test runner wrote becomes a point.
    void addToolOutput(const ToolOutput& tool);

    const PassCurve& curve() const { return m_curve; }

private:
    double spentBy(int seq) const;

    PriceTable m_prices;
    TestOutputParser m_parser;
    PassCurve m_curve;
    double m_spent = 0;
};
