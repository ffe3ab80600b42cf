// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "synthrandom.h"

#include <QByteArray>
#include <utility>
#include <vector>

/// What the generated agent knows of one MirrorCode target: what the program does, its options, the behaviours
/// worth a hypothesis, the names of its tests and functions, and probes of its reference binary whose output fits
/// the program. Unknown (private) targets get a plain text filter's profile.
class ProgramProfile {
public:
    /// A probe of the reference: its command (after `./reference`) and what it prints, `lines` long or so.
    struct Probe {
        const char* arguments;
        QByteArray (*output)(SynthRandom& random, int lines);
    };

    static const ProgramProfile& find(const QByteArray& program);

    const char* program = "";
    const char* what = "";
    std::vector<std::pair<const char*, const char*>> flags; ///< an option and what it does
    /// Noun phrases of the program's domain: "the header row", "a negative index".
    std::vector<const char*> nouns;
    /// What the reference does, as a verb phrase: "keeps empty fields between two separators".
    std::vector<const char*> behaviours;
    std::vector<const char*> tests; ///< test name stems; a test is a stem and a number
    std::vector<const char*> functions; ///< identifiers of the reimplementation, snake case
    std::vector<Probe> probes;

    /// The name of visible test `index` (1-based), the same at every run.
    QByteArray testName(int index) const;
    /// The `--help` text of the reference, built from the options and behaviours.
    QByteArray help() const;
};
