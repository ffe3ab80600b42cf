// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "modellook.h"

namespace {
// Okabe-Ito, with the yellow and the black last: the yellow is faint on white, and the black becomes a light grey
// on a dark background.
const QColor lightColors[]
    = { QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
          QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0x99, 0x88, 0x00), QColor(0x33, 0x33, 0x33) };
const QColor darkColors[]
    = { QColor(0x3A, 0x9B, 0xE0), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0xC0, 0x8C), QColor(0xF0, 0x78, 0x20),
          QColor(0xE0, 0x90, 0xC0), QColor(0x56, 0xB4, 0xE9), QColor(0xF0, 0xE4, 0x42), QColor(0xDD, 0xDD, 0xDD) };
// Six markers: with eight colours, models i and i + 8 differ in marker, and no pair repeats before 24 models.
const QCPScatterStyle::ScatterShape shapes[]
    = { QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
          QCPScatterStyle::ssTriangleInverted, QCPScatterStyle::ssStar };
constexpr size_t colorCount = sizeof lightColors / sizeof lightColors[0];
constexpr size_t shapeCount = sizeof shapes / sizeof shapes[0];
}

ModelLook ModelLook::of(const QString& model, const QStringList& models, FigureStyle::Theme theme)
{
    const auto index = size_t(std::max<qsizetype>(0, models.indexOf(model)));
    const QColor* colors = theme == FigureStyle::Theme::Dark ? darkColors : lightColors;
    return { colors[index % colorCount], shapes[index % shapeCount] };
}

QCPScatterStyle ModelLook::scatter(double size, bool filled, const QColor& background) const
{
    // A filled marker: a thin outline of the same colour; a hollow one: a thicker outline around the background.
    if (filled)
        return { shape, QPen(color, 1), QBrush(color), size };
    return { shape, QPen(color, 1.4), QBrush(background), size };
}
