// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "turndelegate.h"

#include "transcriptmodel.h"

#include <QPainter>

void TurnDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem styled = option;
    initStyleOption(&styled, index);
    const QString type = index.data(TranscriptModel::TypeRole).toString();
    const QString summary = index.sibling(index.row(), TranscriptModel::Summary).data().toString().trimmed();
    QColor background;
    if (type == QLatin1String("error") || type == QLatin1String("sample_limit")
        || summary.startsWith(QLatin1String("model error")) || summary.contains(QChar(0x2717)))
        background = QColor(0xD5, 0x5E, 0x00, 70);
    else if (type == QLatin1String("compaction"))
        background = QColor(0xCC, 0x79, 0xA7, 70);
    else if (index.data(TranscriptModel::TurnRole).toInt() % 2)
        background = option.palette.color(QPalette::AlternateBase);
    if (background.isValid() && !(option.state & QStyle::State_Selected))
        painter->fillRect(option.rect, background);
    QStyledItemDelegate::paint(painter, option, index);
}
