// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "edithistory.h"

namespace {
/// A hash of a file that is not there yet, apart from any content's (an empty file's included).
constexpr size_t absent = 0x9e3779b97f4a7c15ULL;

size_t swapKey(const QString& path, const QString& from, const QString& to)
{
    return qHashMulti(0, path, from, to);
}
}

qint64 EditHistory::linesOf(const QByteArray& text)
{
    return text.count('\n') + (!text.isEmpty() && !text.endsWith('\n') ? 1 : 0);
}

void EditHistory::addEdit(
    int step, const QString& path, const QByteArray& content, const QString& oldText, const QString& newText)
{
    const bool known = m_files.contains(path);
    FileState& file = m_files[path];
    if (!known)
        file.hash = absent;
    const size_t hash = qHash(content);
    if (hash == file.hash)
        return;
    // The file as it was before an earlier edit; else that edit's texts swapped back.
    const auto restored = file.editBefore.constFind(hash);
    const bool swaps = !oldText.isEmpty() || !newText.isEmpty();
    const auto swapped = swaps ? m_swaps.constFind(swapKey(path, oldText, newText)) : m_swaps.constEnd();
    if (restored != file.editBefore.constEnd())
        m_undoEdits.push_back({ step, restored.value(), path, true });
    else if (swapped != m_swaps.constEnd())
        m_undoEdits.push_back({ step, swapped.value(), path, false });
    file.editBefore.insert(file.hash, step);
    if (swaps)
        m_swaps.insert(swapKey(path, newText, oldText), step);
    const qint64 lines = linesOf(content);
    m_lines += lines - file.lines;
    file.lines = lines;
    file.hash = hash;
}

void EditHistory::addTestRun(int step)
{
    m_growth.push_back({ step, m_lines });
}
