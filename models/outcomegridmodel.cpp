// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "outcomegridmodel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <cmath>

namespace {
QString rowName(const SampleRow& sample)
{
    return sample.program.isEmpty() ? sample.sampleId : sample.program;
}
}

OutcomeGridModel::OutcomeGridModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void OutcomeGridModel::setSamples(const std::vector<SampleRow>& samples)
{
    beginResetModel();
    m_programs.clear();
    m_models.clear();
    for (const SampleRow& sample : samples) {
        if (!m_models.contains(sample.model))
            m_models << sample.model;
        if (!m_programs.contains(rowName(sample)))
            m_programs << rowName(sample);
    }
    m_models.sort();
    m_programs.sort();
    QHash<QString, int> rowOf, columnOf;
    for (int i = 0; i < m_programs.size(); ++i)
        rowOf.insert(m_programs[i], i);
    for (int i = 0; i < m_models.size(); ++i)
        columnOf.insert(m_models[i], i);
    m_cells.assign(size_t(m_programs.size() * m_models.size()), Cell());
    for (const SampleRow& sample : samples) {
        Cell& cell = m_cells[size_t(rowOf.value(rowName(sample)) * m_models.size() + columnOf.value(sample.model))];
        const double pass = sample.solved == 1 ? 1.0 : std::isnan(sample.heldOutPass) ? 0.0 : sample.heldOutPass;
        if (pass >= cell.best)
            cell.sample = sample.id;
        cell.best = std::max(cell.best, pass);
        cell.cost += std::isnan(sample.totalCost) ? 0 : sample.totalCost;
        cell.hours += std::isnan(sample.totalTime) ? 0 : sample.totalTime / 3600;
        cell.model = sample.model;
        cell.program = sample.program;
        ++cell.samples;
    }
    endResetModel();
}

int OutcomeGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_programs.size());
}

int OutcomeGridModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

const OutcomeGridModel::Cell* OutcomeGridModel::cell(const QModelIndex& index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    const Cell& cell = m_cells[size_t(index.row() * m_models.size() + index.column())];
    return cell.samples > 0 ? &cell : nullptr;
}

QVariant OutcomeGridModel::data(const QModelIndex& index, int role) const
{
    const Cell* cell = this->cell(index);
    if (!cell)
        return {};
    const bool solved = cell->best >= 1.0;
    switch (role) {
    case Qt::DisplayRole:
        // The main window showed this grid first; the translations have its texts under its name.
        return solved ? QCoreApplication::translate("MainWindow", "solved")
                      : QStringLiteral("%1%").arg(100 * cell->best, 0, 'f', 0);
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::BackgroundRole:
        // Solved in green; unsolved from red (little passing) to amber (most passing).
        return QBrush(solved ? QColor(0x00, 0x9E, 0x73) : QColor::fromHsvF(0.02 + 0.1 * cell->best, 0.55, 0.95));
    case Qt::ForegroundRole:
        return QBrush(solved ? Qt::white : Qt::black);
    case Qt::ToolTipRole:
        return toolTip(*cell);
    case BestRole:
        return cell->best;
    case CostRole:
        return cell->cost;
    case HoursRole:
        return cell->hours;
    case SampleIdRole:
        return cell->sample;
    default:
        return {};
    }
}

QString OutcomeGridModel::toolTip(const Cell& cell) const
{
    return QCoreApplication::translate("MainWindow", "%1 on %2: best held-out pass %3%, $%4 and %5 h over its epochs")
        .arg(cell.model, cell.program)
        .arg(100 * cell.best, 0, 'f', 1)
        .arg(cell.cost, 0, 'f', 2)
        .arg(cell.hours, 0, 'f', 1);
}

QVariant OutcomeGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList& names = orientation == Qt::Horizontal ? m_models : m_programs;
    if (role != Qt::DisplayRole || section < 0 || section >= names.size())
        return {};
    // A model by the last part of its name (claude-opus-4-7, not anthropic/claude-opus-4-7): the columns stay narrow.
    return orientation == Qt::Horizontal ? names[section].section(QLatin1Char('/'), -1) : names[section];
}

Qt::ItemFlags OutcomeGridModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled : Qt::NoItemFlags;
}
