// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomyrecords.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <vector>

/// Follows the workspace's files edit by edit, as the workspace rebuild applies them, keeping a hash and a line count
/// per file rather than its contents: the edits that undo earlier ones and the lines of code at each test run.
class EditHistory {
public:
    /// An edit applied to `path` at `step`: the file's content after it, and the texts a str_replace swapped (else
    /// empty).
    void addEdit(int step, const QString& path, const QByteArray& content, const QString& oldText = {},
        const QString& newText = {});
    /// A test run at `step`: the workspace's lines as they stand.
    void addTestRun(int step);

    const std::vector<UndoEdit>& undoEdits() const { return m_undoEdits; }
    const std::vector<CodeSize>& codeGrowth() const { return m_growth; }

    /// Lines of a text: its line breaks, and a last line without one.
    static qint64 linesOf(const QByteArray& text);

private:
    struct FileState {
        size_t hash = 0;
        qint64 lines = 0;
        QHash<size_t, int> editBefore; ///< content hash -> the last edit made to that content
    };
    QHash<QString, FileState> m_files;
    QHash<size_t, int> m_swaps; ///< hash of (path, new, old) of each str_replace -> its step
    qint64 m_lines = 0;
    std::vector<UndoEdit> m_undoEdits;
    std::vector<CodeSize> m_growth;
};
