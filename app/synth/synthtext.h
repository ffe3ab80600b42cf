// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "programprofile.h"
#include "synthrandom.h"

#include <QByteArray>

/// Text for generated transcripts: English as a coding agent writes it (plans, hypotheses about the reference,
/// readings of test failures, summaries), documentation, code in the sample's language and command output, put
/// together from sentence patterns filled with the program's own options, behaviours, tests and functions.
namespace SynthText {
/// What the agent is about to do in a turn: its words speak of it.
enum class Intent { Docs, Probe, Edit, View, Look, Test };

/// What the agent knows when it speaks.
struct Situation {
    const ProgramProfile* profile = nullptr;
    QByteArray language;
    QByteArray source; ///< the file it writes
    int passed = -1; ///< visible tests passed at the last run; -1 before the first run
    int total = 0; ///< visible tests
    QByteArray failing; ///< a test that failed at the last run
};

/// The message before a tool call: about `words` words, what it is about to do and why.
QByteArray said(SynthRandom& random, int words, Intent intent, const Situation& situation);
/// The model's reasoning: readings of the last results, hypotheses, a plan.
QByteArray reasoning(SynthRandom& random, int words, Intent intent, const Situation& situation);
/// The summary that replaces the history at a compaction.
QByteArray summary(SynthRandom& random, int words, const Situation& situation);
/// The program's documentation (docs/README.md), about `words` words.
QByteArray documentation(SynthRandom& random, int words, const ProgramProfile& profile);
/// `lines` lines of code in `language`, with the program's function names.
QByteArray code(SynthRandom& random, int lines, const QByteArray& language, const ProgramProfile& profile);
/// Command `which` (0 to 4) of a look around the workspace and its output, about `lines` long.
std::pair<QByteArray, QByteArray> workspaceCommand(
    SynthRandom& random, int which, int lines, const Situation& situation);
/// 22 characters of shortuuid's alphabet, as Inspect's ids of events, messages and runs.
QByteArray id(SynthRandom& random);
/// 32 hex digits naming `text`, as Inspect names attachments.
QByteArray hash(const QByteArray& text);
}
