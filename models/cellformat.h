// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>

/// How the tables write a cell and sort it: written once, read by every table model.
namespace CellFormat {
/// Dollars with as many digits as the amount needs: "$251.00", "$0.0042" (two significant digits under a cent),
/// "no price" for NaN (a model without a price), never "$0.00" for a small cost.
QString cost(double dollars);
/// A key that sorts texts with their numbers as numbers ("2" before "10", "task_9" before "task_10"): every run of
/// digits padded with zeros to one width, the rest as is.
QString naturalKey(const QString& text);
/// True when a comes before b in natural order.
bool naturalLess(const QString& a, const QString& b);
}
