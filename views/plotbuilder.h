#pragma once

#include "store/store.h"

#include <QColor>
#include <QString>
#include <vector>

class QCustomPlot;

/// The plots of the explorer and of `runlens-cli plot`, drawn into a QCustomPlot in one house style. Each
/// returns the plotted data as CSV, so a figure and its numbers leave together.
namespace PlotBuilder {
enum class Kind { SolveRate, Tier, ProgramSize, CostCurve, Pareto, Tokens, Duration };
/// The kinds by name: solve-rate, tier, program-size, cost-curve, pareto, tokens, duration.
bool kindFromName(const QString& name, Kind* kind);
QString title(Kind kind);

/// One colour per model, from the Okabe-Ito palette (safe for colour-blind readers), the same in every plot.
QColor modelColor(const QString& model, const QStringList& models);

QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples);

/// The sample drawn nearest to a pixel of the plot (within a few pixels), with a line describing it; 0 if none.
qint64 sampleAt(QCustomPlot* plot, const QPointF& pixel, QString* description);

/// Writes the plot as PDF or SVG (vector) or PNG at `dpi`, `widthMm` by `heightMm`, chosen by the extension.
bool save(QCustomPlot* plot, const QString& path, double widthMm, double heightMm, int dpi, QString* error);
}
