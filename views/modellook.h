// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "figurestyle.h"

#include <QColor>
#include <QString>
#include <QStringList>
#include <qcustomplot.h>

/// How one model looks in every figure: a colour (Okabe-Ito, safe for colour-blind readers) and a marker. The
/// pair follows the model's place in the sorted list of every model of the store, so a model keeps it whatever
/// is filtered, and the first 24 models each get a pair of their own (colours repeat after 8, with another marker).
struct ModelLook {
    QColor color;
    QCPScatterStyle::ScatterShape shape = QCPScatterStyle::ssDisc;

    static ModelLook of(const QString& model, const QStringList& models, FigureStyle::Theme theme);
    /// A filled marker of the look (hollow: only its outline, on `background`).
    QCPScatterStyle scatter(double size, bool filled = true, const QColor& background = Qt::white) const;
};
