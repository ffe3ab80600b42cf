// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QHash>
#include <QStyledItemDelegate>
#include <list>
#include <memory>

class QAbstractItemView;
class QTextDocument;

/// Paints a block of a conversation (BlockRenderer's HTML) across the view's width, indented by the spans open around
/// it, the current block framed. Its heights are kept by block and width: a view lays out only the rows it has
/// fetched, and each once for a width.
class ConversationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ConversationDelegate(QAbstractItemView* view);
    ~ConversationDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    /// Forgets the documents and heights (the blocks changed).
    void clear();

    static constexpr int margin = 6;
    static constexpr int indent = 18;
    static constexpr int cachedDocuments = 120;

private:
    /// The block's document laid out for `width`, made the first time it is asked for.
    QTextDocument* document(const QModelIndex& index, int width) const;
    int textWidth(const QModelIndex& index) const;

    QAbstractItemView* m_view;
    mutable QHash<quint64, std::shared_ptr<QTextDocument>> m_documents; ///< by first step and width
    mutable std::list<quint64> m_recent;
    mutable QHash<quint64, int> m_heights; ///< by first step and width
};
