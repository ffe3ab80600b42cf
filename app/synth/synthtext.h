// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "synthrandom.h"

#include <QByteArray>

/// Text for generated transcripts: prose, code and command output drawn word by word from fixed vocabularies,
/// so that it compresses like real transcripts do rather than like repeated blocks.
namespace SynthText {
QByteArray prose(SynthRandom& random, int words);
QByteArray code(SynthRandom& random, int lines, const QByteArray& language);
QByteArray shellOutput(SynthRandom& random, int lines);
/// 22 characters of shortuuid's alphabet, as Inspect's ids of events, messages and runs.
QByteArray id(SynthRandom& random);
/// 32 hex digits naming `text`, as Inspect names attachments.
QByteArray hash(const QByteArray& text);
}
