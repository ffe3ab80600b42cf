// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "tasksolveratemodel.h"

#include "cellformat.h"

#include <QHash>
#include <algorithm>
#include <cmath>

TaskSolveRateModel::TaskSolveRateModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TaskSolveRateModel::setSamples(const std::vector<SampleRow>& samples)
{
    beginResetModel();
    m_tasks.clear();
    m_models.clear();
    m_cells.clear();
    m_definition.clear();
    const std::vector<TaskStatistics> statistics = taskStatistics(
        samples, [](const SampleRow& sample) { return sample.model; },
        [](const SampleRow& sample) { return sample.task; });
    for (const TaskStatistics& group : statistics) {
        if (!m_models.contains(group.key))
            m_models << group.key;
        if (!m_tasks.contains(group.group))
            m_tasks << group.group;
        if (m_definition.isEmpty())
            m_definition = group.passAt1.label();
    }
    std::sort(m_models.begin(), m_models.end(), CellFormat::naturalLess);
    std::sort(m_tasks.begin(), m_tasks.end(), CellFormat::naturalLess);
    m_cells.assign(size_t(m_tasks.size() * m_models.size()), Estimate());
    for (const TaskStatistics& group : statistics)
        m_cells[size_t(m_tasks.indexOf(group.group) * m_models.size() + m_models.indexOf(group.key))] = group.passAt1;
    endResetModel();
}

int TaskSolveRateModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskSolveRateModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

const Estimate* TaskSolveRateModel::cell(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    const Estimate& estimate = m_cells[size_t(index.row() * m_models.size() + index.column())];
    return std::isnan(estimate.value) ? nullptr : &estimate;
}

QVariant TaskSolveRateModel::data(const QModelIndex& index, int role) const
{
    const Estimate* estimate = cell(index);
    if (role == RateRole)
        return estimate ? estimate->value : std::nan("");
    if (!estimate)
        return {};
    auto percent = [](double value) { return QString::number(100 * value, 'f', 1); };
    switch (role) {
    case Qt::DisplayRole:
        // "52.0% [42.1, 61.8] n=100"
        return tr("%1% [%2, %3] n=%4")
            .arg(percent(estimate->value), percent(estimate->interval.low), percent(estimate->interval.high))
            .arg(estimate->tasks);
    case Qt::ToolTipRole:
        return tr("%1 on %2: %3% of its epochs solved, averaged over %4 samples; 95% interval %5% to %6%.\n%7")
            .arg(m_models[index.column()], m_tasks[index.row()], percent(estimate->value))
            .arg(estimate->tasks)
            .arg(percent(estimate->interval.low), percent(estimate->interval.high), estimate->label());
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case TasksRole:
        return estimate->tasks;
    default:
        return {};
    }
}

QVariant TaskSolveRateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList& names = orientation == Qt::Horizontal ? m_models : m_tasks;
    if (section < 0 || section >= names.size())
        return {};
    if (role == Qt::ToolTipRole)
        return names[section];
    if (role != Qt::DisplayRole)
        return {};
    return orientation == Qt::Horizontal ? names[section].section(QLatin1Char('/'), -1) : names[section];
}
