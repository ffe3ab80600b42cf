// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>

struct ConversationBlock;

/// A block of a conversation in simple HTML, built on EventRenderer's rendering of each event: a line saying when
/// and where it stands, the messages its model call reads for the first time, the model's text, each tool call
/// with its result as a terminal block (folded to a dozen lines, its size shown), text_editor edits as diffs, and
/// errors, limits, compactions and scores as coloured banners.
namespace BlockRenderer {
QString toHtml(const ConversationBlock& block);
/// `text` folded to its first `lines` lines and a line saying how much more there is.
QString foldedOutput(const QString& text, int lines = 12);
/// Seconds as h:mm:ss.
QString clock(double seconds);
}
