// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "replaychart.h"

#include "analysis/activitypatterns.h"
#include "cellformat.h"

#include <QCoreApplication>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

// The replay view drew this plot first; the translations have its texts under its name.

namespace {
/// The activity band's height below 0 on the pass fraction's axis.
constexpr double bandHeight = 0.08;
}

ReplayChart::ReplayChart(QWidget* parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // A click anywhere on the plot says where on the horizontal axis it fell.
    connect(m_plot, &QCustomPlot::mousePress, this,
        [this](QMouseEvent* event) { emit pressed(m_plot->xAxis->pixelToCoord(event->position().x())); });
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { m_replotted = true; });
    addTitleAndLegend();
    m_linesAxis = m_plot->axisRect()->addAxis(QCPAxis::atRight);
    m_linesAxis->setVisible(false);
    m_linesAxis->setLabel(QCoreApplication::translate("ReplayView", "lines of code"));
}

void ReplayChart::draw(const PassCurve& curve, const std::vector<RerunRow>& reruns, StepPositions::Axis axis,
    const StepPositions& positions, double costLimit)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    drawPassCurves(curve, axis, positions);
    drawReruns(reruns, axis, positions);
    const double maxSpent = drawSpending(curve, axis, positions);
    drawCompactions(curve, axis, positions);
    drawAnatomy(axis, positions);
    drawCodeGrowth(axis, positions);
    const bool band = drawActivityBand(axis, positions);
    const double maxDollars = drawCostLimit(costLimit, maxSpent, axis, positions);
    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(Qt::black, 1.5));
    // On the buffered overlay layer: moving the cursor redraws it alone, not the curves under it.
    m_cursor->setLayer(QStringLiteral("overlay"));
    // Hidden until the replay stands somewhere: an unplaced line would run from corner to corner.
    m_cursor->setVisible(m_cursorX.has_value());
    if (m_cursorX)
        placeCursor();
    const double end
        = axis == StepPositions::Axis::Cost ? std::max(positions.end(axis), maxDollars) : positions.end(axis);
    m_plot->xAxis->setRange(0, std::max(end, 1e-6));
    m_plot->xAxis->setLabel(axis == StepPositions::Axis::Step ? QCoreApplication::translate("ReplayView", "step")
            : axis == StepPositions::Axis::Time ? QCoreApplication::translate("ReplayView", "working time, hours")
                                                : QCoreApplication::translate("ReplayView", "USD spent"));
    // Room under the curves for the activity band.
    m_plot->yAxis->setRange(band ? -bandHeight : 0, 1.02);
    // Short: the axis of a narrow plot is short too. Where the shares come from is in the legend.
    m_plot->yAxis->setLabel(QCoreApplication::translate("ReplayView", "tests passing"));
    if (curve.points.empty()) {
        auto* none = new QCPItemText(m_plot);
        none->position->setType(QCPItemPosition::ptAxisRectRatio);
        none->position->setCoords(0.5, 0.4);
        none->setText(QCoreApplication::translate("ReplayView", "no test results\nin this transcript"));
        none->setColor(Qt::gray);
    }
    m_plot->yAxis2->setVisible(true);
    // Zero dollars level with zero tests passing, over the band.
    const double dollarsTop = std::max(0.01, maxDollars * 1.05);
    m_plot->yAxis2->setRange(band ? -dollarsTop * bandHeight / 1.02 : 0, dollarsTop);
    m_plot->yAxis2->setLabel(QCoreApplication::translate("ReplayView", "USD spent"));
    m_plot->legend->setVisible(true);
    m_replotted = false;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReplayChart::addTitleAndLegend()
{
    QCPLayoutGrid* grid = m_plot->plotLayout();
    grid->insertRow(0);
    grid->addElement(0, 0,
        new QCPTextElement(m_plot, QCoreApplication::translate("ReplayView", "Tests passing, and dollars spent"),
            QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
    // Under the plot, two entries a row: inside it, the legend of eight entries hid most of a short plot's curves.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    grid->addElement(2, 0, m_plot->legend);
    grid->setRowStretchFactor(2, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(2);
    m_plot->legend->setIconSize(18, 9);
    m_plot->legend->setColumnSpacing(2);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 2));
    m_plot->legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
}

void ReplayChart::drawPassCurves(const PassCurve& curve, StepPositions::Axis axis, const StepPositions& positions)
{
    auto* visible = m_plot->addGraph();
    visible->setName(QCoreApplication::translate("ReplayView", "visible tests (%1)").arg(curve.source));
    visible->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2));
    visible->setLineStyle(QCPGraph::lsStepLeft);
    visible->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    auto* heldOut = m_plot->addGraph();
    heldOut->setName(QCoreApplication::translate("ReplayView", "held-out tests (%1)").arg(curve.source));
    heldOut->setPen(QPen(QColor(0xD5, 0x5E, 0x00), 2));
    heldOut->setLineStyle(QCPGraph::lsStepLeft);
    heldOut->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 5));
    for (const PassPoint& point : curve.points) {
        if (!std::isnan(point.visible))
            visible->addData(positions.position(axis, point.seq), point.visible);
        if (!std::isnan(point.heldOut))
            heldOut->addData(positions.position(axis, point.seq), point.heldOut);
    }
    if (visible->dataCount() == 0)
        visible->removeFromLegend();
    if (heldOut->dataCount() == 0)
        heldOut->removeFromLegend();
}

void ReplayChart::drawReruns(
    const std::vector<RerunRow>& reruns, StepPositions::Axis axis, const StepPositions& positions)
{
    // The re-executed series: what the code as it stood at each step really passes.
    if (reruns.empty())
        return;
    auto* rerun = m_plot->addGraph();
    rerun->setName(QCoreApplication::translate("ReplayView", "all tests, re-executed"));
    rerun->setPen(QPen(QColor(0x00, 0x9E, 0x73), 1.5));
    rerun->setLineStyle(QCPGraph::lsNone);
    rerun->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QColor(0x00, 0x9E, 0x73), 8));
    for (const RerunRow& row : reruns) {
        const int total = row.summary.passed + row.summary.failed;
        if (row.step >= 0 && total > 0)
            rerun->addData(positions.position(axis, row.step),
                double(row.summary.visiblePassed + row.summary.heldOutPassed) / total);
    }
}

double ReplayChart::drawSpending(const PassCurve& curve, StepPositions::Axis axis, const StepPositions& positions)
{
    auto* spent = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    spent->setName(curve.unpricedCalls == 0
            ? QCoreApplication::translate("ReplayView", "dollars spent")
            : QCoreApplication::translate("ReplayView", "dollars spent (%1 of %2 calls without a price)")
                  .arg(curve.unpricedCalls)
                  .arg(curve.spending.size()));
    spent->setPen(QPen(QColor(0x99, 0x99, 0x99), 1.5, Qt::DashLine));
    double maxSpent = 0;
    // Thinned to a few thousand points: enough for any screen, cheap for 60,000 calls.
    const size_t every = std::max<size_t>(1, curve.spending.size() / 4000);
    for (size_t i = 0; i < curve.spending.size(); i += every) {
        spent->addData(positions.position(axis, curve.spending[i].first), curve.spending[i].second);
        maxSpent = std::max(maxSpent, curve.spending[i].second);
    }
    if (!curve.spending.empty()) {
        spent->addData(positions.position(axis, curve.spending.back().first), curve.spending.back().second);
        maxSpent = std::max(maxSpent, curve.spending.back().second);
    }
    return maxSpent;
}

void ReplayChart::drawCompactions(const PassCurve& curve, StepPositions::Axis axis, const StepPositions& positions)
{
    if (curve.compactions.empty())
        return;
    // Solid and coloured, unlike the grey dotted grid; named in the legend by an empty graph of the same pen.
    const QPen pen(QColor(0xCC, 0x79, 0xA7, 150), 1.2, Qt::SolidLine);
    auto* named = m_plot->addGraph();
    named->setName(QCoreApplication::translate("ReplayView", "compaction (%1)")
                       .arg(CellFormat::count(qint64(curve.compactions.size()))));
    named->setPen(pen);
    for (const int step : curve.compactions) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(positions.position(axis, step), 0);
        line->point2->setCoords(positions.position(axis, step), 1);
        line->setPen(pen);
    }
}

void ReplayChart::setAnatomy(const Anatomy& anatomy)
{
    m_anatomy = anatomy;
}

void ReplayChart::drawAnatomy(StepPositions::Axis axis, const StepPositions& positions)
{
    if (!m_anatomy || m_anatomy->bestStep < 0)
        return;
    const Anatomy& a = *m_anatomy;
    const bool heldOut = a.measure == QLatin1String("held_out");
    // Plateaus: shaded under the curves, named in the legend by an empty graph of the same brush.
    const QColor shade(0x56, 0xB4, 0xE9, 45);
    if (!a.plateaus.empty()) {
        auto* named = m_plot->addGraph();
        named->setName(QCoreApplication::translate("ReplayView", "plateau (%1)").arg(a.plateaus.size()));
        named->setPen(QPen(shade, 8));
    }
    for (const Plateau& plateau : a.plateaus) {
        auto* rect = new QCPItemRect(m_plot);
        rect->setLayer(QStringLiteral("grid"));
        rect->topLeft->setCoords(positions.position(axis, plateau.fromStep), 1.02);
        rect->bottomRight->setCoords(positions.position(axis, plateau.toStep), 0);
        rect->setPen(Qt::NoPen);
        rect->setBrush(shade);
    }
    if (!a.regressions.empty()) {
        auto* drops = m_plot->addGraph();
        drops->setName(QCoreApplication::translate("ReplayView", "regression (%1)").arg(a.regressions.size()));
        drops->setLineStyle(QCPGraph::lsNone);
        drops->setScatterStyle(QCPScatterStyle(
            QCPScatterStyle::ssTriangleInverted, QColor(0xC0, 0x20, 0x20), QColor(0xC0, 0x20, 0x20), 9));
        for (const Regression& r : a.regressions)
            drops->addData(positions.position(axis, r.toStep), heldOut ? r.heldOutAfter : r.visibleAfter);
    }
    auto* best = m_plot->addGraph();
    best->setName(QCoreApplication::translate("ReplayView", "best, step %1").arg(a.bestStep));
    best->setLineStyle(QCPGraph::lsNone);
    best->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, QPen(QColor(0x20, 0x80, 0x20), 2.5), QBrush(), 14));
    best->addData(positions.position(axis, a.bestStep), heldOut ? a.bestHeldOut : a.bestVisible);
}

bool ReplayChart::drawActivityBand(StepPositions::Axis axis, const StepPositions& positions)
{
    if (!m_anatomy || m_anatomy->activityBand.empty())
        return false;
    const ActivityPatterns patterns = ActivityPatterns::standard();
    // One entry in the legend, in the colour of the run's commonest activity: the panel's activity table, each row
    // with its colour, is the band's key (six entries more would squeeze a short plot under its legend).
    const auto commonest = std::max_element(m_anatomy->activities.begin(), m_anatomy->activities.end(),
        [](const ActivityShare& a, const ActivityShare& b) { return a.turns < b.turns; });
    auto* entry = m_plot->addGraph();
    entry->setName(QCoreApplication::translate("ReplayView", "activities (see Anatomy)"));
    entry->setPen(QPen(
        QColor(patterns.colour(commonest == m_anatomy->activities.end() ? -1 : patterns.indexOf(commonest->name))), 8));
    for (const ActivitySpan& span : m_anatomy->activityBand) {
        auto* rect = new QCPItemRect(m_plot);
        rect->setLayer(QStringLiteral("grid"));
        rect->topLeft->setCoords(positions.position(axis, span.fromStep), -bandHeight * 0.15);
        rect->bottomRight->setCoords(positions.position(axis, span.toStep), -bandHeight);
        rect->setPen(Qt::NoPen);
        rect->setBrush(QColor(patterns.colour(patterns.indexOf(span.activity))));
    }
    return true;
}

void ReplayChart::drawCodeGrowth(StepPositions::Axis axis, const StepPositions& positions)
{
    const bool shown = m_anatomy && !m_anatomy->codeGrowth.empty();
    m_linesAxis->setVisible(shown);
    if (!shown)
        return;
    auto* lines = m_plot->addGraph(m_plot->xAxis, m_linesAxis);
    lines->setName(QCoreApplication::translate("ReplayView", "lines of code (right)"));
    lines->setPen(QPen(QColor(0x55, 0x55, 0x55), 1.5, Qt::DotLine));
    lines->setLineStyle(QCPGraph::lsStepLeft);
    qint64 most = 0;
    for (const CodeSize& size : m_anatomy->codeGrowth) {
        lines->addData(positions.position(axis, size.step), double(size.lines));
        most = std::max(most, size.lines);
    }
    // Its zero level with the pass fractions' zero, over the band.
    const double top = std::max<double>(10, double(most) * 1.05);
    m_linesAxis->setRange(-top * bandHeight / 1.02, top);
}

double ReplayChart::drawCostLimit(
    double costLimit, double maxSpent, StepPositions::Axis axis, const StepPositions& positions)
{
    if (std::isnan(costLimit) || costLimit <= 0)
        return maxSpent;
    // Shown where the run came within a third of it; a limit far above what was spent would flatten the curve.
    const double reached = std::max(maxSpent, axis == StepPositions::Axis::Cost ? positions.end(axis) : 0.0);
    const bool near = reached > 0 && costLimit <= 3 * reached;
    const QPen pen(QColor(0xD5, 0x5E, 0x00), 1.5, Qt::DashDotLine);
    auto* named = m_plot->addGraph();
    named->setName(near ? QCoreApplication::translate("ReplayView", "cost limit, %1").arg(CellFormat::cost(costLimit))
                        : QCoreApplication::translate("ReplayView", "cost limit, %1 (off the plot)")
                              .arg(CellFormat::cost(costLimit)));
    named->setPen(pen);
    if (!near)
        return maxSpent;
    auto* line = new QCPItemStraightLine(m_plot);
    line->setPen(pen);
    if (axis == StepPositions::Axis::Cost) {
        // Dollars across: the point where the run must stop.
        line->point1->setCoords(costLimit, 0);
        line->point2->setCoords(costLimit, 1);
    } else {
        // A level of the dollars spent, read on the right-hand axis.
        line->point1->setAxes(m_plot->xAxis, m_plot->yAxis2);
        line->point2->setAxes(m_plot->xAxis, m_plot->yAxis2);
        line->point1->setCoords(0, costLimit);
        line->point2->setCoords(1, costLimit);
    }
    return std::max(maxSpent, costLimit);
}

void ReplayChart::setCursor(double x)
{
    m_cursorX = x;
    if (!m_cursor)
        return;
    m_cursor->setVisible(true);
    placeCursor();
    // Until the replot asked for has drawn the plot, there is no cursor layer to redraw: that replot draws it.
    if (m_replotted)
        m_cursor->layer()->replot();
}

void ReplayChart::placeCursor()
{
    m_cursor->point1->setCoords(*m_cursorX, 0);
    m_cursor->point2->setCoords(*m_cursorX, 1);
}
