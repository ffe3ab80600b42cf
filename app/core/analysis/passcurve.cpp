// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "passcurve.h"

#include "scorereading.h"

#include <algorithm>

PassCurveBuilder::PassCurveBuilder(PriceTable prices, TestOutputParser parser)
    : m_prices(std::move(prices))
    , m_parser(std::move(parser))
{
}

void PassCurveBuilder::addModelCall(const EventRow& call)
{
    const double cost = m_prices.costOf(call);
    // A call without a price adds nothing to the line of dollars (it says "no price" where a total is shown).
    m_spent += std::isnan(cost) ? 0 : cost;
    m_curve.unpricedCalls += std::isnan(cost) ? 1 : 0;
    m_curve.spending.emplace_back(call.seq, m_spent);
}

void PassCurveBuilder::addMark(const StepMark& mark)
{
    (mark.type == QLatin1String("compaction") ? m_curve.compactions : m_curve.errors).push_back(mark.seq);
}

double PassCurveBuilder::spentBy(int seq) const
{
    const auto after = std::upper_bound(m_curve.spending.begin(), m_curve.spending.end(), seq,
        [](int s, const std::pair<int, double>& point) { return s < point.first; });
    return after == m_curve.spending.begin() ? 0.0 : std::prev(after)->second;
}

void PassCurveBuilder::addScoreEvent(const StepPayload& event)
{
    const std::optional<PassFractions> score = intermediateScore(event.json);
    if (!score)
        return;
    m_curve.points.push_back({ event.seq, event.workingStart, spentBy(event.seq), score->visible, score->heldOut });
    m_curve.source = QStringLiteral("score events");
}

void PassCurveBuilder::addToolOutput(const ToolOutput& tool)
{
    const std::optional<TestCounts> counts = m_parser.parse(tool.output);
    if (!counts)
        return;
    m_curve.points.push_back({ tool.seq, tool.workingStart, spentBy(tool.seq), counts->fraction(), notANumber });
    m_curve.source = counts->runner;
}
