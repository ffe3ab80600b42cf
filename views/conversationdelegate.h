// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QHash>
#include <QSet>
#include <QStyledItemDelegate>
#include <list>
#include <memory>

class BlockLoader;
class ConversationModel;
class QAbstractItemView;
class QTextDocument;

/// Paints a block of a conversation (BlockRenderer's HTML) across the view's width, indented by the spans open around
/// it, the current block framed. The blocks are read and laid out by a BlockLoader off the UI thread: a block not yet
/// there is a placeholder, and its row takes its height when it comes. Heights are kept by block and width.
class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    ConversationDelegate(QAbstractItemView* view, ConversationModel* model);
    ~ConversationDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    /// Forgets the documents and heights (the blocks changed).
    void clear();
    /// Forgets what was asked for and not yet laid out (the rows changed).
    void forgetRequests();
    /// True when the row's block is laid out; false when a placeholder shows, the block asked for.
    bool isReady(const QModelIndex& index) const;

    static constexpr int margin = 6;
    static constexpr int indent = 18;
    static constexpr int cachedDocuments = 120;

signals:
    /// A block was laid out and its row updated.
    void blockReady();

private:
    /// The block's document laid out for `width`, or null while it is read (it is asked for).
    QTextDocument* document(const QModelIndex& index, int width) const;
    int textWidth(const QModelIndex& index) const;
    int placeholderHeight() const;
    void store(quint64 key, const std::shared_ptr<QTextDocument>& document);

    QAbstractItemView* m_view;
    ConversationModel* m_model;
    BlockLoader* m_loader;
    mutable QHash<quint64, std::shared_ptr<QTextDocument>> m_documents; ///< by first step and width
    mutable std::list<quint64> m_recent;
    QHash<quint64, int> m_heights; ///< by first step and width
    mutable QSet<quint64> m_requested; ///< asked of the loader, not yet laid out
};
