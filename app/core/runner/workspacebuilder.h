// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <functional>
#include <vector>

#include "records/transcriptrows.h"

/// One transcript step that touched (or may have touched) the agent's files.
struct WorkspaceStep {
    enum Kind {
        Edit, ///< a text_editor create, str_replace, insert or undo_edit, applied
        Write, ///< a bash heredoc, `cat >` or `tee` write, applied
        Uncertain, ///< a bash command that may change files in ways that cannot be followed (sed -i, a script)
        Refused, ///< a path outside the workspace root, or an edit that does not apply
    };
    int seq = 0;
    Kind kind = Edit;
    QString path;
    QString detail;
};

/// Rebuilds the files an agent had at any step of a sample from its transcript's tool calls: text_editor edits and
/// bash writes that can be followed exactly. Paths are confined to the workspace root.
class WorkspaceBuilder {
    Q_DECLARE_TR_FUNCTIONS(WorkspaceBuilder)

public:
    /// Replaces a sample's attachment references in a text by the attachments' text.
    using AttachmentResolver = std::function<QString(const QString&)>;
    /// `calls`: the transcript's tool calls in order (TranscriptQuery::toolCalls).
    WorkspaceBuilder(std::vector<ToolCall> calls, AttachmentResolver resolve);

    /// The agent's workspace root; by default the deepest folder holding every edited path outside system folders.
    void setRoot(const QString& root) { m_root = root; }
    QString root() const { return m_root; }

    /// Replays the transcript up to and including event `seq` (-1: to the end).
    void replay(int seq = -1);
    /// Forgets every file and step: applyNext() starts again from the first call.
    void reset();
    /// Applies the next call not yet applied, keeping what stood (one pass over the transcript, for reading the
    /// workspace as it grows); false when none is left.
    bool applyNext();
    /// The calls it replays, in order.
    const std::vector<ToolCall>& calls() const { return m_calls; }
    /// The step of the call applyNext() applies next; -1 when none is left.
    int nextStep() const { return m_next < m_calls.size() ? m_calls[m_next].seq : -1; }
    /// How many earlier contents of a file undo_edit can go back to (default: every one). A long transcript read in one
    /// pass keeps only the last few, as its memory would otherwise grow with every edit.
    void setHistoryDepth(int depth) { m_historyDepth = depth; }
    QString errorString() const { return m_error; }

    /// Files as they stood, relative to the root.
    const QMap<QString, QByteArray>& files() const { return m_files; }
    /// The steps that touched files up to the replayed one, in order.
    const std::vector<WorkspaceStep>& steps() const { return m_steps; }
    int uncertainSteps() const;
    /// Every step that touched files in the whole transcript, without applying them (for choosing steps).
    std::vector<WorkspaceStep> fileSteps();

    /// Writes the files under `directory`; false with errorString() on a write error.
    bool write(const QString& directory);

private:
    QString resolveAttachments(const QString& text);
    QString relativePath(const QString& path, bool* inside) const;
    void apply(int seq, const QString& function, const QByteArray& argumentsJson);
    void remember(const QString& path, const QByteArray& content);
    void applyBash(int seq, const QString& command);
    QString defaultRoot();

    std::vector<ToolCall> m_calls;
    AttachmentResolver m_resolve;
    QString m_root;
    QString m_error;
    QMap<QString, QByteArray> m_files;
    QMap<QString, std::vector<QByteArray>> m_history; ///< earlier contents, for undo_edit
    std::vector<WorkspaceStep> m_steps;
    size_t m_next = 0; ///< into m_calls: the next call applyNext() applies
    int m_historyDepth = -1; ///< -1: every earlier content
};
