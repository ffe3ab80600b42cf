// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/logrecords.h"
#include "json/jsonvalues.h"

#include <QByteArray>
#include <QStringList>
#include <optional>

// The one reader of scores: what a Score.value is worth, and the visible and held-out pass fractions a
// MirrorCode-style scorer reports, in its value or in its metadata.

/// The keys read, in order, from a dict-valued score to get its numeric value: held-out tests decide.
QStringList defaultScoreKeys();

/// The numeric value of a Score.value: C 1, I 0, P 0.5, N 0; numbers and bools as such; a dict by the
/// first of `keys` it holds; NaN for unscored or anything else.
double scoreNumber(const JsonValue& value, const QStringList& keys = defaultScoreKeys());

/// The key of a dict-valued Score.value (its JSON) that scoreNumber() reads: the first of `keys` it holds; empty for
/// any other value.
QString scoreKeyOf(const QByteArray& valueJson, const QStringList& keys = defaultScoreKeys());

/// Among a header's `metrics`, the `accuracy` of the very score a run's computed accuracy averages: for a scalar
/// score, the one of the EvalScore named `scorer`; for a dict read through `key`, the one of the EvalScore named `key`
/// (Inspect writes one EvalScore per key of a dict) or `key/accuracy` or `accuracy/key` of `scorer` (a metric split
/// by EvalMetric.group). nullptr when the header has none of these: nothing to compare with.
const MetricRecord* headerAccuracyMetric(
    const std::vector<MetricRecord>& metrics, const QString& scorer, const QString& key);

/// Visible and held-out pass fractions; NaN where not reported.
struct PassFractions {
    double visible = notANumber;
    double heldOut = notANumber;
};

/// From a Score.value: a dict's `visible` and `held_out` (or `hidden`); a scalar counts as visible.
PassFractions passFractionsOfValue(const JsonValue& value);
/// From a score's metadata: `visible_passed`/`visible_total` and `held_out_passed`/`held_out_total`.
PassFractions passFractionsOfMetadata(const QByteArray& metadataJson);
/// The pass fractions of a score event's JSON when it is an intermediate score (a test run along the way).
std::optional<PassFractions> intermediateScore(const QByteArray& scoreEventJson);
