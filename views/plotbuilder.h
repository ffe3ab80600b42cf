// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

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
QString title(Kind kind);

/// One colour per model, from the Okabe-Ito palette (safe for colour-blind readers), the same in every plot.
QColor modelColor(const QString& model, const QStringList& models);

/// Whether draw() also writes out the CSV of what it shows: a window skips it until a figure is exported.
enum class Csv { Make, Skip };
/// Sets the plot up to show the samples, in the house style, and returns the CSV of what it shows (empty with
/// Csv::Skip). The caller replots: a window replots only the plot on screen.
QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples, Csv table = Csv::Make);

/// The sample drawn nearest to a pixel of the plot (within a few pixels), with a line describing it; 0 if none.
qint64 sampleAt(QCustomPlot* plot, const QPointF& pixel, QString* description);

/// Writes the plot as PDF or SVG (vector) or PNG at `dpi`, `widthMm` by `heightMm`, chosen by the extension.
bool save(QCustomPlot* plot, const QString& path, double widthMm, double heightMm, int dpi, QString* error);
}
