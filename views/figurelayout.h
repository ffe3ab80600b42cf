// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "figurestyle.h"

#include <QFont>
#include <QMap>
#include <QString>

class QCustomPlot;
class QCPAxis;

/// The frame of a figure around its data, and fitting it to a size: title, legend placement, wrapped labels,
/// tick labels thinned or turned so that none overlaps another, none leaves the figure and no legend covers data.
namespace FigureLayout {
/// The font of the style: on screen in screen points, in a figure exactly `fontPt` points of the page.
QFont font(const FigureStyle& style, double scale = 1.0, bool bold = false);
/// Empties the layout around the axes and sets it up again: fonts, colours, title, legend (FigureStyle::Legend).
void arrange(QCustomPlot* plot, const FigureStyle& style, const QString& title);
/// A text ticker on `axis` for labels at whole positions; fit() shows as many as fit, turned if need be.
void setTextTicks(QCPAxis* axis, const QMap<double, QString>& labels);
/// A message in the middle of the empty axes, for a plot the data cannot make.
void showMessage(QCustomPlot* plot, const FigureStyle& style, const QString& message);
/// Lays the plot out at `widthPt` by `heightPt` (its units: points in a figure, pixels on screen) and fits the
/// texts to it. The plot then draws or exports at that size.
void fit(QCustomPlot* plot, int widthPt, int heightPt);
/// fit() at the widget's size when the plot is built: a plot on screen. (Refitting on each replot after a resize
/// crashed on a legend rebuilt under it, and is not done.)
void fitOnScreen(QCustomPlot* plot);
/// The colours of the frame (background, axes, grid, texts) for a theme; the data keeps its colours.
void applyTheme(QCustomPlot* plot, FigureStyle::Theme theme);
}
