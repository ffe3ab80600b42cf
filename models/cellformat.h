// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>

/// How the tables write a cell and sort it: written once, read by every table model.
namespace CellFormat {
/// Dollars with as many digits as the amount needs: "$251.00", "$0.0042" (two significant digits under a cent),
/// "no price" for NaN (a model without a price), never "$0.00" for a small cost.
QString cost(double dollars);
/// A count with its thousands grouped as the user's locale groups them ("1,234,567"; the C locale's comma where the
/// locale would write none).
QString count(qint64 value);
/// A share as a percentage with one decimal ("87.5%"); empty for NaN (not reported).
QString percent(double share);
/// A span of seconds in the unit that reads best: "42.0 s", "12.5 min", "3.2 h", "2.5 d"; empty for NaN.
QString duration(double seconds);
/// A key that sorts texts with their numbers as numbers ("2" before "10", "task_9" before "task_10"): every run of
/// digits padded with zeros to one width, the rest as is.
QString naturalKey(const QString& text);
/// True when a comes before b in natural order.
bool naturalLess(const QString& a, const QString& b);
}
