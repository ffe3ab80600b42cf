// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "conversationdelegate.h"

#include "blockrenderer.h"
#include "conversationmodel.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace {
quint64 keyOf(int first, int width)
{
    return (quint64(quint32(first)) << 32) | quint32(width);
}
}

ConversationDelegate::ConversationDelegate(QAbstractItemView* view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
}

ConversationDelegate::~ConversationDelegate() = default;

void ConversationDelegate::clear()
{
    m_documents.clear();
    m_recent.clear();
    m_heights.clear();
}

int ConversationDelegate::textWidth(const QModelIndex& index) const
{
    const int depth = index.data(ConversationModel::DepthRole).toInt();
    return std::max(200, m_view->viewport()->width() - 2 * margin - depth * indent);
}

QTextDocument* ConversationDelegate::document(const QModelIndex& index, int width) const
{
    const quint64 key = keyOf(index.data(ConversationModel::FirstSeqRole).toInt(), width);
    auto found = m_documents.find(key);
    if (found != m_documents.end()) {
        if (m_recent.front() != key) {
            m_recent.remove(key);
            m_recent.push_front(key);
        }
        return found->get();
    }
    const auto* model = qobject_cast<const ConversationModel*>(index.model());
    const ConversationBlock* block = model ? model->block(index.row()) : nullptr;
    auto document = std::make_shared<QTextDocument>();
    document->setDefaultFont(m_view->font());
    document->setDocumentMargin(2);
    if (block)
        document->setHtml(BlockRenderer::toHtml(*block));
    document->setTextWidth(width);
    if (int(m_recent.size()) >= cachedDocuments) {
        m_documents.remove(m_recent.back());
        m_recent.pop_back();
    }
    m_documents.insert(key, document);
    m_recent.push_front(key);
    m_heights.insert(key, int(std::ceil(document->size().height())));
    return document.get();
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(option)
    const int width = textWidth(index);
    const quint64 key = keyOf(index.data(ConversationModel::FirstSeqRole).toInt(), width);
    auto height = m_heights.constFind(key);
    const int text = height != m_heights.constEnd() ? *height : int(std::ceil(document(index, width)->size().height()));
    return { width, text + 2 * margin };
}

void ConversationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    const int depth = index.data(ConversationModel::DepthRole).toInt();
    const QRect frame = option.rect.adjusted(depth * indent + 1, 1, -1, -1);
    const auto kind = ConversationBlock::Kind(index.data(ConversationModel::KindRole).toInt());
    const QColor base
        = kind == ConversationBlock::Turn ? option.palette.base().color() : option.palette.alternateBase().color();
    painter->fillRect(frame, base);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? QPen(option.palette.highlight().color(), 2) : QPen(option.palette.mid().color(), 1));
    painter->drawRect(frame.adjusted(0, 0, -1, -1));
    const int width = textWidth(index);
    QTextDocument* text = document(index, width);
    painter->translate(option.rect.left() + depth * indent + margin, option.rect.top() + margin);
    const QRect clip(0, 0, width, option.rect.height() - 2 * margin);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = clip;
    context.palette = option.palette;
    context.palette.setColor(QPalette::Text, option.palette.text().color());
    painter->setClipRect(clip);
    text->documentLayout()->draw(painter, context);
    painter->restore();
}
