// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/scorereading.h"

#include <QStringList>

/// How samples are classified on import: where the MirrorCode program, tier and language are found, and
/// which score counts as solved.
struct ImportOptions {
    QStringList programKeys { QStringLiteral("program"), QStringLiteral("target_program"), QStringLiteral("target") };
    QStringList tierKeys { QStringLiteral("tier"), QStringLiteral("bucket"), QStringLiteral("size") };
    QStringList languageKeys { QStringLiteral("language"), QStringLiteral("lang") };
    /// Keys read, in order, from a dict-valued score to get its numeric value.
    QStringList scoreKeys = defaultScoreKeys();
    /// A sample is solved when its first score's numeric value reaches this ("C" counts as 1).
    double solvedThreshold = 1.0;
};
