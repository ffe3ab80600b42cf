// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomyrecords.h"
#include "records/testrecords.h"
#include "records/transcriptrows.h"
#include "steppositions.h"

#include <QWidget>
#include <optional>

class QCPAxis;
class QCPItemStraightLine;
class QCustomPlot;

/// The replay's plot: a run's share of tests passing (visible and held-out) as its transcript reports it, the
/// re-executions of its code, the dollars it spent and its cost limit, its compactions, and a cursor where the replay
/// stands. Drawn from values on any of the replay's axes; a click says where on the axis it fell.
class ReplayChart : public QWidget {
    Q_OBJECT
public:
    explicit ReplayChart(QWidget* parent = nullptr);

    /// Draws the run anew on `axis`, its steps placed by `positions`, and asks for a replot. `costLimit`: the dollars
    /// the run could spend, NaN where it had no cost limit.
    void draw(const PassCurve& curve, const std::vector<RerunRow>& reruns, StepPositions::Axis axis,
        const StepPositions& positions, double costLimit);
    /// The run's anatomy, marked on the plot from the next draw(): its plateaus shaded, its regressions and its best
    /// point marked, its activities as a coloured band under the curves, and the lines of its code at each test run on
    /// an axis of their own.
    void setAnatomy(const Anatomy& anatomy);
    /// Moves the cursor to `x` on the horizontal axis: only the cursor is drawn again.
    void setCursor(double x);

signals:
    /// The plot was pressed at `x` on the horizontal axis.
    void pressed(double x);

private:
    void addTitleAndLegend();
    void drawPassCurves(const PassCurve& curve, StepPositions::Axis axis, const StepPositions& positions);
    void drawReruns(const std::vector<RerunRow>& reruns, StepPositions::Axis axis, const StepPositions& positions);
    double drawSpending(const PassCurve& curve, StepPositions::Axis axis, const StepPositions& positions);
    void drawCompactions(const PassCurve& curve, StepPositions::Axis axis, const StepPositions& positions);
    /// Marks the cost limit: a level of the dollars spent, or on the dollars axis the point where it stops the run.
    /// The dollars' range, widened to show it where it is near; the range as it was where it is far above.
    double drawCostLimit(double costLimit, double maxSpent, StepPositions::Axis axis, const StepPositions& positions);
    void drawAnatomy(StepPositions::Axis axis, const StepPositions& positions);
    /// The activity band under the curves; false where the anatomy has none.
    bool drawActivityBand(StepPositions::Axis axis, const StepPositions& positions);
    void drawCodeGrowth(StepPositions::Axis axis, const StepPositions& positions);
    void placeCursor();

    QCustomPlot* m_plot;
    QCPItemStraightLine* m_cursor = nullptr;
    QCPAxis* m_linesAxis; ///< the lines of code, right of the dollars
    std::optional<Anatomy> m_anatomy; ///< none until it is read
    std::optional<double> m_cursorX; ///< none until the replay has a current step
    bool m_replotted = false; ///< the plot was drawn since it was last built
};
