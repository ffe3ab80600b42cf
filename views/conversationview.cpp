// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "conversationview.h"

#include "conversationdelegate.h"
#include "conversationmodel.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTimer>

ConversationView::ConversationView(ConversationModel* model, QWidget* parent)
    : QListView(parent)
    , m_model(model)
    , m_delegate(new ConversationDelegate(this, model))
{
    setObjectName(QStringLiteral("conversation"));
    setModel(model);
    setItemDelegate(m_delegate);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setUniformItemSizes(false);
    setResizeMode(QListView::Adjust);
    setSpacing(0);
    verticalScrollBar()->setSingleStep(fontMetrics().height() * 2);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ConversationView::fetchEarlierAtTop);
    // A new window of rows: the blocks asked for before are not wanted any more (a scrub went elsewhere).
    connect(model, &QAbstractItemModel::modelAboutToBeReset, m_delegate, &ConversationDelegate::forgetRequests);
    connect(m_delegate, &ConversationDelegate::blockReady, this, [this] {
        if (!showsPlaceholders())
            emit blocksShown();
    });
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_pinned = false; });
    // A double-click on a span's opening folds the span into it, or opens it.
    connect(this, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        m_delegate->clear(); // the folded block's height changes
        const int row = m_model->toggleSpan(index.row());
        const QModelIndex folded = m_model->index(row, 0);
        setCurrentIndex(folded);
        scrollTo(folded, QAbstractItemView::PositionAtTop);
    });
}

void ConversationView::fetchEarlierAtTop(int value)
{
    if (value != verticalScrollBar()->minimum() || !m_model->canFetchEarlier() || m_moving)
        return;
    // The rows added above keep the ones in view where they stand.
    const int added = m_model->fetchEarlier();
    int height = 0;
    for (int row = 0; row < added; ++row)
        height += sizeHintForIndex(m_model->index(row, 0)).height();
    executeDelayedItemsLayout();
    const QSignalBlocker block(verticalScrollBar());
    verticalScrollBar()->setValue(height);
}

void ConversationView::showStep(int seq)
{
    m_moving = true;
    const int row = m_model->rowForSeq(seq);
    const QModelIndex index = m_model->index(row, 0);
    if (index.isValid() && index != currentIndex()) {
        setCurrentIndex(index);
        executeDelayedItemsLayout();
        // A block in view stays where it is; one out of view comes to the top.
        const QRect rect = visualRect(index);
        if (!rect.intersects(viewport()->rect())) {
            scrollTo(index, QAbstractItemView::PositionAtTop);
            m_pinned = true;
        }
    }
    m_moving = false;
}

void ConversationView::doItemsLayout()
{
    QListView::doItemsLayout();
    // A new width gives the blocks new heights: the block moved to stays at the top.
    if (m_pinned && currentIndex().isValid())
        scrollTo(currentIndex(), QAbstractItemView::PositionAtTop);
}

bool ConversationView::showsPlaceholders()
{
    executeDelayedItemsLayout();
    // Every row the viewport shows, by its rectangle: a point's row (indexAt) misses the rows below a gap.
    const QRect shown = viewport()->rect();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (visualRect(index).intersects(shown) && !m_delegate->isReady(index))
            return true;
    }
    return false;
}

bool ConversationView::waitUntilShown(int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (showsPlaceholders()) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        connect(m_delegate, &ConversationDelegate::blockReady, &loop, &QEventLoop::quit);
        QTimer::singleShot(left, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void ConversationView::wheelEvent(QWheelEvent* event)
{
    m_pinned = false;
    QListView::wheelEvent(event);
}

void ConversationView::setSpansShown(bool shown)
{
    m_delegate->clear();
    m_model->setSpansShown(shown);
}

void ConversationView::currentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    QListView::currentChanged(current, previous);
    if (!m_moving && current.isValid())
        emit blockSelected(current.data(ConversationModel::FirstSeqRole).toInt());
}

void ConversationView::resizeEvent(QResizeEvent* event)
{
    QListView::resizeEvent(event);
    // The heights are kept by width: a new width measures the fetched rows again.
    if (event->oldSize().width() != event->size().width())
        scheduleDelayedItemsLayout();
}
