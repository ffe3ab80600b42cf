// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>

/// A run report (AnatomyReport::html()) printed to a PDF page: its text laid out by QTextDocument, its curve (inline
/// SVG, which a text document cannot draw) rendered to an image in its place. Needs a QGuiApplication.
class ReportPdf {
public:
    /// Writes `html` to `path` as an A4 PDF titled `title`; false where it cannot be written.
    static bool write(const QString& html, const QString& path, const QString& title);
};
