// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "runtablemodel.h"

#include "analysis/solverates.h"
#include <QFileInfo>

#include <cmath>

RunTableModel::RunTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void RunTableModel::setRuns(std::vector<RunRow> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int RunTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_runs.size()))
        return {};
    const RunRow& run = m_runs[size_t(index.row())];
    auto percent = [](double value) {
        return std::isnan(value) ? QString() : QString::number(100.0 * value, 'f', 1) + QLatin1Char('%');
    };
    if (role == RunIdRole)
        return run.id;
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (Column(index.column())) {
        case Task:
            return run.task;
        case Model:
            return run.model;
        case Status:
            return run.status;
        case Samples:
            return run.samples;
        case Solved:
            return run.solvedSamples;
        case Accuracy:
            return sort ? QVariant(std::isnan(run.accuracy) ? -1.0 : run.accuracy) : QVariant(percent(run.accuracy));
        case HeaderAccuracy:
            if (!run.hasHeaderAccuracy)
                return sort ? QVariant(-1.0) : QVariant();
            if (std::isnan(run.headerAccuracy))
                return sort ? QVariant(-1.0) : QVariant(tr("unscored"));
            if (sort)
                return run.headerAccuracy;
            // A disagreement with the samples is flagged, never hidden.
            return accuracyMismatch(run) ? QStringLiteral("\u2260 ") + percent(run.headerAccuracy)
                                         : percent(run.headerAccuracy);
        case Created:
            return run.created;
        case File:
            return sort ? run.path : QFileInfo(run.path).fileName();
        case ColumnCount:
            break;
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == File)
            return run.path;
        if (index.column() == HeaderAccuracy && accuracyMismatch(run))
            return tr("The accuracy computed from the samples differs from the one in the log's header.");
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Samples && index.column() <= HeaderAccuracy)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Task:
        return tr("Task");
    case Model:
        return tr("Model");
    case Status:
        return tr("Status");
    case Samples:
        return tr("Samples");
    case Solved:
        return tr("Solved");
    case Accuracy:
        return tr("Accuracy");
    case HeaderAccuracy:
        return tr("Header accuracy");
    case Created:
        return tr("Created");
    case File:
        return tr("File");
    case ColumnCount:
        break;
    }
    return {};
}
