// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "figurestyle.h"

#include <QGuiApplication>
#include <QPalette>

bool FigureStyle::preset(const QString& name, FigureStyle* style)
{
    // Heights keep the figure readable at the width: a column figure about 3:4, a page figure about 5:8.
    if (name == QLatin1String("column")) {
        style->widthPt = millimetres(85);
        style->heightPt = millimetres(64);
        style->fontPt = 7;
    } else if (name == QLatin1String("page")) {
        style->widthPt = millimetres(180);
        style->heightPt = millimetres(110);
        style->fontPt = 9;
    } else if (name == QLatin1String("slide")) {
        style->widthPt = millimetres(254);
        style->heightPt = millimetres(142.875);
        style->fontPt = 16;
    } else {
        return false;
    }
    return true;
}

QStringList FigureStyle::presetNames()
{
    return { QStringLiteral("column"), QStringLiteral("page"), QStringLiteral("slide") };
}

bool FigureStyle::legendFromName(const QString& name, Legend* legend)
{
    if (name == QLatin1String("outside"))
        *legend = Legend::Outside;
    else if (name == QLatin1String("inside"))
        *legend = Legend::Inside;
    else if (name == QLatin1String("none"))
        *legend = Legend::None;
    else
        return false;
    return true;
}

bool FigureStyle::themeFromName(const QString& name, Theme* theme)
{
    if (name == QLatin1String("light"))
        *theme = Theme::Light;
    else if (name == QLatin1String("dark"))
        *theme = Theme::Dark;
    else
        return false;
    return true;
}

FigureStyle FigureStyle::screen()
{
    FigureStyle style;
    style.onScreen = true;
    style.theme = QGuiApplication::palette().color(QPalette::Window).lightness() < 128 ? Theme::Dark : Theme::Light;
    return style;
}
