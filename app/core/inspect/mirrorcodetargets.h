// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <QStringList>
#include <span>

/// One of the 25 MirrorCode target programs (paper table 3).
struct MirrorCodeTarget {
    const char* program;
    char tier; ///< 'S', 'M' or 'L'
    const char* originalLanguage;
    int originalLines; ///< lines of code of the original program, 0 when unknown (private targets)
    const char* command;
};

/// The built-in table of MirrorCode targets and their size tiers.
std::span<const MirrorCodeTarget> mirrorCodeTargets();

/// The target named `program`, or nullptr.
const MirrorCodeTarget* findMirrorCodeTarget(const QString& program);

/// The languages MirrorCode agents were asked to write in, as they appear in sample ids.
QStringList mirrorCodeLanguages();

/// MirrorCode's size tiers, small to large: S, M, L.
QStringList mirrorCodeTiers();
/// Where `tier` stands among mirrorCodeTiers(), any other after them: what tables and plots sort tiers by.
int tierRank(const QString& tier);
