// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>

class QJsonObject;

/// An event's JSON as a researcher reads it, in simple HTML: the model's text with its reasoning folded away
/// and its tool calls, a text_editor edit as a diff, a bash command with its output (long output folded,
/// ANSI colours kept), errors, limits and compactions spelled out.
namespace EventRenderer {
QString toHtml(const QString& eventJson);
/// The same, of an event already parsed.
QString toHtml(const QJsonObject& event);
/// Terminal output with its ANSI SGR colour codes turned into HTML spans; everything else escaped.
QString ansiToHtml(const QString& text);
}
