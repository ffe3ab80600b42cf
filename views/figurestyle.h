// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <QStringList>

/// How a figure is drawn: its size and font in points (1/72 inch), its title, where its legend goes, its colours.
/// A figure for a paper is light and sized exactly; a plot on screen follows the application's palette.
struct FigureStyle {
    enum class Legend { Outside, Inside, None };
    enum class Theme { Light, Dark };

    double widthPt = 454; ///< 160 mm
    double heightPt = 283; ///< 100 mm
    double fontPt = 9;
    bool title = true;
    /// Outside: below the axes, wrapped into rows. Inside: in a corner of the axes that no data reaches (else
    /// outside). Never over data.
    Legend legend = Legend::Outside;
    Theme theme = Theme::Light;
    /// On screen fonts are in the screen's points; in an exported figure in points of the page.
    bool onScreen = false;
    /// Pareto: one frontier per size tier rather than one over all samples of a model.
    bool perTier = false;
    /// Every model of the store, sorted: a model's colour and marker follow its place here, the same in every
    /// figure whatever the filter. Empty: the models of the samples drawn.
    QStringList models;

    static double millimetres(double mm) { return mm / 25.4 * 72.0; }
    /// column (85 mm wide), page (180 mm), slide (254 mm, 16:9): the size and a font that suits it.
    static bool preset(const QString& name, FigureStyle* style);
    static QStringList presetNames();
    static bool legendFromName(const QString& name, Legend* legend);
    static bool themeFromName(const QString& name, Theme* theme);
    /// The style of a plot on screen: the application's palette decides light or dark.
    static FigureStyle screen();
};
