// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "outcomegridmodel.h"

#include "cellformat.h"

#include <QBrush>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <tuple>

namespace {
/// A task's name within its eval: its MirrorCode program, else its sample id.
QString name(const SampleRow& sample)
{
    return sample.program.isEmpty() ? sample.sampleId : sample.program;
}

QString rowKey(const SampleRow& sample)
{
    return sample.task + QChar(0x1f) + name(sample);
}
}

OutcomeGridModel::OutcomeGridModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void OutcomeGridModel::setSamples(const std::vector<SampleRow>& samples)
{
    beginResetModel();
    m_rows.clear();
    m_rowNames.clear();
    m_models.clear();
    QSet<QString> rows, models, tasks;
    for (const SampleRow& sample : samples) {
        models.insert(sample.model);
        rows.insert(rowKey(sample));
        tasks.insert(sample.task);
    }
    m_models = QStringList(models.begin(), models.end());
    m_rows = QStringList(rows.begin(), rows.end());
    std::sort(m_models.begin(), m_models.end(), CellFormat::naturalLess);
    std::sort(m_rows.begin(), m_rows.end(), CellFormat::naturalLess);
    // With several tasks in view a row names its task too.
    for (const QString& row : m_rows) {
        const QString task = row.section(QChar(0x1f), 0, 0), sampleName = row.section(QChar(0x1f), 1);
        m_rowNames << (tasks.size() > 1 ? task + QStringLiteral(" \u00b7 ") + sampleName : sampleName);
    }
    QHash<QString, int> rowOf, columnOf;
    for (int i = 0; i < m_rows.size(); ++i)
        rowOf.insert(m_rows[i], i);
    for (int i = 0; i < m_models.size(); ++i)
        columnOf.insert(m_models[i], i);
    m_cells.assign(size_t(m_rows.size() * m_models.size()), Cell());
    for (const SampleRow& sample : samples) {
        Cell& cell = m_cells[size_t(rowOf.value(rowKey(sample)) * m_models.size() + columnOf.value(sample.model))];
        cell.epochs.push_back({ sample.epoch, sample.id, sample.solved, sample.runId, sample.created });
        cell.scored += sample.solved >= 0;
        cell.solved += sample.solved == 1;
        const double pass = sample.solved == 1 ? 1.0 : sample.heldOutPass;
        if (!std::isnan(pass))
            cell.best = std::max(cell.best, pass);
        cell.cost += std::isnan(sample.totalCost) ? 0 : sample.totalCost;
        cell.hours += std::isnan(sample.totalTime) ? 0 : sample.totalTime / 3600;
        cell.model = sample.model;
        cell.task = sample.task.isEmpty() ? name(sample) : sample.task + QLatin1Char(' ') + name(sample);
    }
    for (Cell& cell : m_cells)
        std::stable_sort(cell.epochs.begin(), cell.epochs.end(), [](const Epoch& a, const Epoch& b) {
            return std::tie(a.created, a.run, a.epoch) < std::tie(b.created, b.run, b.epoch);
        });
    endResetModel();
}

int OutcomeGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    return cell.epochs.empty() ? nullptr : &cell;
}

std::vector<OutcomeGridModel::Epoch> OutcomeGridModel::epochs(const QModelIndex& index) const
{
    const Cell* cell = this->cell(index);
    return cell ? cell->epochs : std::vector<Epoch>();
}

double OutcomeGridModel::share(const Cell& cell) const
{
    return cell.scored > 0 ? double(cell.solved) / cell.scored : -1.0;
}

QColor OutcomeGridModel::colour(double share)
{
    // All epochs solved in green, none in red, some in amber (the more solved, the yellower); unscored in grey.
    if (share < 0)
        return { 0xD9, 0xD9, 0xD9 };
    if (share >= 1.0)
        return { 0x00, 0x9E, 0x73 };
    return QColor::fromHsvF(0.0f + 0.12f * float(share) + (share > 0 ? 0.02f : 0.0f), 0.55f, 0.95f);
}

QColor OutcomeGridModel::textColour(double share)
{
    return share >= 1.0 ? QColor(Qt::white) : QColor(Qt::black);
}

QVariant OutcomeGridModel::data(const QModelIndex& index, int role) const
{
    const Cell* cell = this->cell(index);
    if (!cell)
        return {};
    const double share = this->share(*cell);
    switch (role) {
    case Qt::DisplayRole:
        // Epochs solved of epochs scored: "1/2".
        return cell->scored > 0 ? QStringLiteral("%1/%2").arg(cell->solved).arg(cell->scored)
                                : QCoreApplication::translate("MainWindow", "unscored");
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::BackgroundRole:
        return QBrush(colour(share));
    case Qt::ForegroundRole:
        return QBrush(textColour(share));
    case Qt::ToolTipRole:
        return toolTip(*cell);
    case ShareRole:
        return share;
    case SolvedEpochsRole:
        return cell->solved;
    case EpochsRole:
        return cell->scored;
    case BestRole:
        return cell->best < 0 ? std::nan("") : cell->best;
    case CostRole:
        return cell->cost;
    case HoursRole:
        return cell->hours;
    case SampleIdRole:
        return cell->epochs.front().sample;
    default:
        return {};
    }
}

QString OutcomeGridModel::toolTip(const Cell& cell) const
{
    QStringList epochs;
    const bool runs = std::any_of(cell.epochs.begin(), cell.epochs.end(),
        [&](const Epoch& epoch) { return epoch.run != cell.epochs.front().run; });
    for (const Epoch& epoch : cell.epochs) {
        // Epochs of several runs of one task name their run by its date.
        epochs << (runs
                ? QCoreApplication::translate("MainWindow", "epoch %1 of %2 %3").arg(epoch.epoch).arg(epoch.created)
                : QCoreApplication::translate("MainWindow", "epoch %1 %2").arg(epoch.epoch))
                      .arg(epoch.solved == 1      ? QCoreApplication::translate("MainWindow", "solved")
                              : epoch.solved == 0 ? QCoreApplication::translate("MainWindow", "not solved")
                                                  : QCoreApplication::translate("MainWindow", "unscored"));
    }
    QString text = QCoreApplication::translate("MainWindow", "%1 on %2: %3 of %4 epochs solved (%5)")
                       .arg(cell.model, cell.task)
                       .arg(cell.solved)
                       .arg(cell.scored)
                       .arg(epochs.join(QStringLiteral(", ")));
    if (cell.best >= 0)
        text += QCoreApplication::translate("MainWindow", "; best held-out pass %1%").arg(100 * cell.best, 0, 'f', 1);
    return text
        + QCoreApplication::translate("MainWindow", "; %1 and %2 h over its epochs")
              .arg(CellFormat::cost(cell.cost))
              .arg(cell.hours, 0, 'f', 1);
}

QVariant OutcomeGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    const QStringList& names = orientation == Qt::Horizontal ? m_models : m_rowNames;
    if (section < 0 || section >= names.size())
        return {};
    if (role == Qt::ToolTipRole)
        return names[section];
    if (role != Qt::DisplayRole)
        return {};
    // A model by the last part of its name (claude-opus-4-7, not anthropic/claude-opus-4-7): the columns stay narrow.
    return orientation == Qt::Horizontal ? names[section].section(QLatin1Char('/'), -1) : names[section];
}

Qt::ItemFlags OutcomeGridModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled : Qt::NoItemFlags;
}
