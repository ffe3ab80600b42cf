// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "conversationdelegate.h"

#include "blockloader.h"
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

int firstOf(quint64 key)
{
    return int(quint32(key >> 32));
}
}

ConversationDelegate::ConversationDelegate(QAbstractItemView* view, ConversationModel* model)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_model(model)
    , m_loader(new BlockLoader(model->storePath(), model->sampleId(), this))
{
    connect(m_loader, &BlockLoader::blockLaidOut, this, &ConversationDelegate::store);
}

ConversationDelegate::~ConversationDelegate() = default;

void ConversationDelegate::clear()
{
    forgetRequests();
    m_documents.clear();
    m_recent.clear();
    m_heights.clear();
}

void ConversationDelegate::forgetRequests()
{
    m_loader->forget();
    m_requested.clear();
}

int ConversationDelegate::textWidth(const QModelIndex& index) const
{
    const int depth = index.data(ConversationModel::DepthRole).toInt();
    return std::max(200, m_view->viewport()->width() - 2 * margin - depth * indent);
}

int ConversationDelegate::placeholderHeight() const
{
    return 3 * m_view->fontMetrics().lineSpacing();
}

bool ConversationDelegate::isReady(const QModelIndex& index) const
{
    return document(index, textWidth(index)) != nullptr;
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
    if (!m_requested.contains(key)) {
        m_requested.insert(key);
        m_loader->request(key, m_model->plannedBlock(index.row()), width, m_view->font());
    }
    return nullptr;
}

void ConversationDelegate::store(quint64 key, const std::shared_ptr<QTextDocument>& document)
{
    m_requested.remove(key);
    if (int(m_recent.size()) >= cachedDocuments) {
        m_documents.remove(m_recent.back());
        m_recent.pop_back();
    }
    if (m_documents.contains(key))
        m_recent.remove(key);
    m_documents.insert(key, document);
    m_recent.push_front(key);
    const int height = int(std::ceil(document->size().height()));
    const auto known = m_heights.constFind(key);
    const bool resized = known == m_heights.constEnd() || *known != height;
    m_heights.insert(key, height);
    // The row of the block, if it is still among the rows.
    const int first = firstOf(key);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(ConversationModel::FirstSeqRole).toInt() != first)
            continue;
        if (resized)
            emit sizeHintChanged(index);
        else
            m_view->update(index);
        break;
    }
    emit blockReady();
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(option)
    const int width = textWidth(index);
    const quint64 key = keyOf(index.data(ConversationModel::FirstSeqRole).toInt(), width);
    auto height = m_heights.constFind(key);
    if (height != m_heights.constEnd())
        return { width, *height + 2 * margin };
    const QTextDocument* text = document(index, width);
    return { width, (text ? int(std::ceil(text->size().height())) : placeholderHeight()) + 2 * margin };
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
    painter->translate(option.rect.left() + depth * indent + margin, option.rect.top() + margin);
    const QRect clip(0, 0, width, option.rect.height() - 2 * margin);
    painter->setClipRect(clip);
    if (QTextDocument* text = document(index, width)) {
        QAbstractTextDocumentLayout::PaintContext context;
        // Only the lines in view are drawn: a block can be many times the viewport's height.
        const QRect shown = option.rect.intersected(m_view->viewport()->rect());
        context.clip = clip.intersected(QRect(0, shown.top() - option.rect.top() - margin, width, shown.height()));
        context.palette = option.palette;
        context.palette.setColor(QPalette::Text, option.palette.text().color());
        text->documentLayout()->draw(painter, context);
    } else {
        painter->setPen(option.palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawText(clip, Qt::AlignLeft | Qt::AlignTop,
            tr("Reading steps %1 to %2\u2026")
                .arg(index.data(ConversationModel::FirstSeqRole).toInt())
                .arg(index.data(ConversationModel::LastSeqRole).toInt()));
    }
    painter->restore();
}
