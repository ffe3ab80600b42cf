// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampletablemodel.h"

#include "cellformat.h"

#include <algorithm>
#include <cmath>
#include <numeric>

SampleTableModel::SampleTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SampleTableModel::setSamples(std::vector<SampleRow> samples)
{
    beginResetModel();
    m_samples = std::move(samples);
    sortRows();
    endResetModel();
}

void SampleTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    std::vector<int> from;
    sortRows(&from);
    // Selections and other persistent indexes follow their rows to where they now are.
    std::vector<int> to(from.size());
    for (size_t row = 0; row < from.size(); ++row)
        to[size_t(from[row])] = int(row);
    QModelIndexList before = persistentIndexList(), after;
    for (const QModelIndex& index : before)
        after << this->index(to[size_t(index.row())], index.column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SampleTableModel::sortRows(std::vector<int>* from)
{
    std::vector<int> order(m_samples.size());
    std::iota(order.begin(), order.end(), 0);
    if (m_sortColumn >= 0 && m_sortColumn < ColumnCount) {
        // Numbers as numbers (an unknown one below every known one), ids and names in natural order, texts as texts;
        // ties keep their order. Each row's key is made once.
        std::vector<QVariant> keys(m_samples.size());
        for (size_t row = 0; row < m_samples.size(); ++row)
            keys[row] = sortKey(m_samples[row], m_sortColumn);
        auto less = [&](int a, int b) {
            return QVariant::compare(keys[size_t(a)], keys[size_t(b)]) == QPartialOrdering::Less;
        };
        if (m_sortOrder == Qt::AscendingOrder)
            std::stable_sort(order.begin(), order.end(), less);
        else
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return less(b, a); });
    }
    std::vector<SampleRow> sorted;
    sorted.reserve(m_samples.size());
    for (const int row : order)
        sorted.push_back(std::move(m_samples[size_t(row)]));
    m_samples = std::move(sorted);
    if (from)
        *from = std::move(order);
}

int SampleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int SampleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_samples.size()))
        return {};
    const SampleRow& s = m_samples[size_t(index.row())];
    if (role == SampleIdRole)
        return s.id;
    if (role == SortRole)
        return sortKey(s, index.column());
    if (role == Qt::TextAlignmentRole && index.column() >= Epoch && index.column() <= Duration
        && index.column() != Solved)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Task:
        return s.task;
    case Sample:
        return s.sampleId;
    case Program:
        return s.program;
    case Tier:
        return s.tier;
    case Language:
        return s.language;
    case Model:
        return s.model;
    case Epoch:
        return s.epoch;
    case Solved:
        return s.solved < 0 ? tr("unscored") : s.solved ? tr("solved") : tr("not solved");
    case Visible:
        return CellFormat::percent(s.visiblePass);
    case HeldOut:
        return CellFormat::percent(s.heldOutPass);
    case Cost:
        return CellFormat::cost(s.totalCost);
    case InputTokens:
        return CellFormat::count(s.inputTokens);
    case OutputTokens:
        return CellFormat::count(s.outputTokens);
    case Duration:
        return CellFormat::duration(s.totalTime);
    case Limit:
        return s.limitType;
    case Error:
        return role == Qt::ToolTipRole ? s.error : s.error.left(80).simplified();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Task:
        return tr("Task");
    case Sample:
        return tr("Sample");
    case Program:
        return tr("Program");
    case Tier:
        return tr("Tier");
    case Language:
        return tr("Language");
    case Model:
        return tr("Model");
    case Epoch:
        return tr("Epoch");
    case Solved:
        return tr("Outcome");
    case Visible:
        return tr("Visible tests");
    case HeldOut:
        return tr("Held-out tests");
    case Cost:
        return tr("Cost");
    case InputTokens:
        return tr("Input tokens");
    case OutputTokens:
        return tr("Output tokens");
    case Duration:
        return tr("Duration");
    case Limit:
        return tr("Limit hit");
    case Error:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SampleTableModel::sortKey(const SampleRow& s, int column)
{
    auto number = [](double value) { return std::isnan(value) ? -1.0 : value; };
    switch (Column(column)) {
    case Task: // then sample id, model and epoch, so that one task's samples come in order
        return CellFormat::naturalKey(
            s.task + QChar(0x1f) + s.sampleId + QChar(0x1f) + s.model + QChar(0x1f) + QString::number(s.epoch));
    case Sample:
        return CellFormat::naturalKey(s.sampleId);
    case Program:
        return CellFormat::naturalKey(s.program);
    case Tier:
        return s.tier;
    case Language:
        return s.language;
    case Model:
        return CellFormat::naturalKey(s.model);
    case Epoch:
        return s.epoch;
    case Solved:
        return s.solved;
    case Visible:
        return number(s.visiblePass);
    case HeldOut:
        return number(s.heldOutPass);
    case Cost:
        return number(s.totalCost);
    case InputTokens:
        return s.inputTokens;
    case OutputTokens:
        return s.outputTokens;
    case Duration:
        return number(s.totalTime);
    case Limit:
        return s.limitType;
    case Error:
        return s.error;
    case ColumnCount:
        break;
    }
    return {};
}

bool SampleTableModel::isColumnEmpty(int column) const
{
    return std::none_of(m_samples.begin(), m_samples.end(), [column](const SampleRow& s) {
        switch (Column(column)) {
        case Program:
            return !s.program.isEmpty();
        case Tier:
            return !s.tier.isEmpty();
        case Language:
            return !s.language.isEmpty();
        case Visible:
            return !std::isnan(s.visiblePass);
        case HeldOut:
            return !std::isnan(s.heldOutPass);
        default:
            return true;
        }
    });
}

QString SampleTableModel::toCsv(const QModelIndexList& rows) const
{
    auto quote = [](QString cell) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')))
            cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
        return cell;
    };
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << quote(headerData(c, Qt::Horizontal).toString());
    lines << header.join(QLatin1Char(','));
    for (const QModelIndex& row : rows) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << quote(data(index(row.row(), c)).toString());
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
