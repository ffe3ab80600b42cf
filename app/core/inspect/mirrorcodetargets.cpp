// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "mirrorcodetargets.h"

#include <array>

namespace {
// MirrorCode paper, table 3. Lines of code are those of the original program.
constexpr std::array<MirrorCodeTarget, 25> targets { {
    { "qsv_select", 'S', "Rust", 87000, "qsv select" },
    { "jq_simple", 'S', "C", 21000, "jq" },
    { "gron", 'S', "Go", 2300, "gron" },
    { "bitwise", 'S', "C", 1900, "bitwise" },
    { "hexyl", 'S', "Rust", 1800, "hexyl" },
    { "uuidparse", 'S', "C", 1200, "uuidparse" },
    { "numfmt", 'S', "C", 1100, "numfmt" },
    { "cal", 'S', "C", 984, "cal" },
    { "choose", 'S', "Rust", 931, "choose" },
    { "private_S", 'S', "", 0, "" },
    { "giac_subset", 'M', "C++", 31000, "giac" },
    { "texmacros", 'M', "C", 18000, "pdftex" },
    { "gotree", 'M', "Go", 16905, "gotree" },
    { "mailauth", 'M', "Rust", 16000, "mailauth" },
    { "brotlid", 'M', "C", 13000, "brotli -d" },
    { "wren_cli", 'M', "C", 7800, "wren_cli" },
    { "nonogrid", 'M', "Rust", 5900, "nonogrid" },
    { "sed", 'M', "C", 4100, "sed" },
    { "tssql", 'M', "Haskell", 2100, "tssql" },
    { "bib2json", 'M', "Haskell", 2000, "pandoc -f biblatex -t csljson" },
    { "private_M", 'M', "", 0, "" },
    { "ruff", 'L', "Rust", 250000, "ruff check" },
    { "pkl", 'L', "Java/Kotlin", 61461, "pkl eval" },
    { "cprepro", 'L', "C", 27000, "cc1 -E -quiet" },
    { "private_L", 'L', "", 0, "" },
} };
}

std::span<const MirrorCodeTarget> mirrorCodeTargets()
{
    return targets;
}

const MirrorCodeTarget* findMirrorCodeTarget(const QString& program)
{
    for (const auto& target : targets) {
        if (program == QLatin1String(target.program))
            return &target;
    }
    return nullptr;
}

QStringList mirrorCodeLanguages()
{
    return { QStringLiteral("python"), QStringLiteral("c"), QStringLiteral("rust"), QStringLiteral("go"),
        QStringLiteral("ocaml"), QStringLiteral("ada") };
}

QStringList mirrorCodeTiers()
{
    return { QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L") };
}

int tierRank(const QString& tier)
{
    const qsizetype rank = mirrorCodeTiers().indexOf(tier);
    return rank < 0 ? int(mirrorCodeTiers().size()) : int(rank);
}
