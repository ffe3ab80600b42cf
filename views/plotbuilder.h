// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "figurestyle.h"
#include "records/storerows.h"

#include <QColor>
#include <QPointF>
#include <QString>
#include <vector>

class QCustomPlot;

/// The plots of the explorer and of `runlens-cli plot`, drawn into a QCustomPlot in one house style. Each
/// returns the plotted data as CSV, so a figure and its numbers leave together.
namespace PlotBuilder {
enum class Kind { SolveRate, Tier, ProgramSize, CostCurve, Pareto, CostByTask, Tokens, Duration };
/// The kinds by name: solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens, duration.
bool kindFromName(const QString& name, Kind* kind);
QStringList kindNames();
QString title(Kind kind);

/// Whether draw() also writes out the CSV of what it shows: a window skips it until a figure is exported.
enum class Csv { Make, Skip };
/// Sets the plot up to show the samples in `style`, and returns the CSV of what it shows (empty with Csv::Skip).
/// A plot the samples cannot make (no tiers, no costs) shows why on its canvas and sets `unavailable` to it.
/// The caller replots: a window replots only the plot on screen.
QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples, const FigureStyle& style,
    Csv table = Csv::Make, QString* unavailable = nullptr);
/// The same on screen: FigureStyle::screen(), which follows the application's palette.
QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples, Csv table = Csv::Make);

/// The sample drawn nearest to a pixel of the plot (within a few pixels), with a line describing it; 0 if none.
qint64 sampleAt(QCustomPlot* plot, const QPointF& pixel, QString* description);

/// Writes a plot drawn in a figure style as PDF or SVG (vector, text kept as text) or PNG at `dpi`, at the style's
/// size, chosen by the extension.
bool exportFigure(QCustomPlot* plot, const QString& path, const FigureStyle& style, int dpi, QString* error);
/// Writes a plot drawn for the screen as a light figure of `widthMm` by `heightMm`, then fits it to its widget again.
bool save(QCustomPlot* plot, const QString& path, double widthMm, double heightMm, int dpi, QString* error);
}
