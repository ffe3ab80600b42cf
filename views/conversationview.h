// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QListView>

class ConversationDelegate;
class ConversationModel;

/// A transcript read as a conversation: its blocks one under the other, scrolled by pixel, fetched a page at a time
/// at either end, and moved to a step's block when the replay moves there.
class ConversationView : public QListView {
    Q_OBJECT
public:
    explicit ConversationView(ConversationModel* model, QWidget* parent = nullptr);

    /// Makes the block holding `seq` current and shows it, without emitting blockSelected.
    void showStep(int seq);
    /// Shows span openings and closings as blocks, their contents indented.
    void setSpansShown(bool shown);
    ConversationModel* conversation() const { return m_model; }
    void doItemsLayout() override;
    /// True while a block in view is a placeholder, its text being read (those not yet asked for are asked for).
    bool showsPlaceholders();
    /// For renders and benchmarks: runs the event loop until no block in view is a placeholder, at most `timeoutMs`;
    /// false on the timeout.
    bool waitUntilShown(int timeoutMs);

signals:
    /// The reader selected a block: its first step.
    void blockSelected(int seq);
    /// Every block in view is laid out: no placeholder is left.
    void blocksShown();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fetchEarlierAtTop(int value);

    ConversationModel* m_model;
    ConversationDelegate* m_delegate;
    bool m_moving = false;
    bool m_pinned = false; ///< the current block is kept at the top through layouts, until the reader scrolls
};
