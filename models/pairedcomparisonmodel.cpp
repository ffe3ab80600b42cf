// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "pairedcomparisonmodel.h"

#include <cmath>

namespace {
QString percent(double value)
{
    return std::isnan(value) ? QString() : QString::number(100 * value, 'f', 1) + QLatin1Char('%');
}

QString points(double value)
{
    // A difference of rates, in percentage points, signed.
    return std::isnan(value)
        ? QString()
        : (value > 0 ? QStringLiteral("+") : QString()) + QString::number(100 * value, 'f', 1) + QStringLiteral(" pp");
}

QString ratio(double value)
{
    // Three significant digits below 0.1: a model a hundred times cheaper is 0.00412x, not 0.00x.
    if (std::isnan(value))
        return {};
    return (std::abs(value) < 0.1 ? QString::number(value, 'g', 3) : QString::number(value, 'f', 2))
        + QStringLiteral("\u00d7");
}
}

PairedComparisonModel::PairedComparisonModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PairedComparisonModel::setComparison(const PairedComparison& comparison)
{
    beginResetModel();
    m_comparison = comparison;
    m_set = true;
    endResetModel();
}

int PairedComparisonModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_set ? 0 : RowCount;
}

int PairedComparisonModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PairedComparisonModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PairedComparison& c = m_comparison;
    if (role == ValueRole) {
        switch (Row(index.row())) {
        case SharedTasks:
            return c.tasks;
        case PassAt1A:
            return c.passAt1A.value;
        case PassAt1B:
            return c.passAt1B.value;
        case Difference:
            return c.difference.value;
        case McNemar:
            return c.mcnemarP;
        case CostRatio:
            return c.costRatio.value;
        case RowCount:
            break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Value && index.column() <= Tasks)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::DisplayRole || (role == Qt::ToolTipRole && index.column() == Definition))
        return display(index.row(), index.column());
    return {};
}

QVariant PairedComparisonModel::display(int row, int column) const
{
    const PairedComparison& c = m_comparison;
    const QString a = c.modelA.section(QLatin1Char('/'), -1), b = c.modelB.section(QLatin1Char('/'), -1);
    auto interval = [](const Estimate& e, QString (*format)(double)) {
        return std::isnan(e.interval.low) ? QString()
                                          : format(e.interval.low) + QStringLiteral(" to ") + format(e.interval.high);
    };
    switch (Row(row)) {
    case SharedTasks:
        switch (Column(column)) {
        case Measure:
            return tr("Tasks both ran");
        case Value:
        case Tasks:
            return c.tasks;
        case Definition:
            return tr("samples (task, sample id) with a scored epoch by each model");
        default:
            return {};
        }
    case PassAt1A:
    case PassAt1B: {
        const Estimate& e = row == PassAt1A ? c.passAt1A : c.passAt1B;
        switch (Column(column)) {
        case Measure:
            return tr("Solve rate of %1").arg(row == PassAt1A ? a : b);
        case Value:
            return percent(e.value);
        case Interval95:
            return interval(e, percent);
        case Tasks:
            return e.tasks;
        case Definition:
            return e.label();
        default:
            return {};
        }
    }
    case Difference:
        switch (Column(column)) {
        case Measure:
            return tr("Difference, %1 \u2212 %2").arg(a, b);
        case Value:
            return points(c.difference.value);
        case Interval95:
            return interval(c.difference, points);
        case Tasks:
            return c.difference.tasks;
        case Definition:
            return c.difference.label();
        default:
            return {};
        }
    case McNemar:
        switch (Column(column)) {
        case Measure:
            return tr("McNemar p");
        case Value:
            return std::isnan(c.mcnemarP) ? QString() : QString::number(c.mcnemarP, 'g', 3);
        case Interval95:
            return tr("A only: %1, B only: %2").arg(c.onlyASolved).arg(c.onlyBSolved);
        case Tasks:
            return c.tasks;
        case Definition:
            return c.mcnemarDefinition;
        default:
            return {};
        }
    case CostRatio:
        switch (Column(column)) {
        case Measure:
            return tr("Cost ratio, %1 / %2").arg(a, b);
        case Value:
            return c.costRatio.tasks > 0 ? ratio(c.costRatio.value) : tr("no price");
        case Interval95:
            return interval(c.costRatio, ratio);
        case Tasks:
            return c.costRatio.tasks;
        case Definition:
            return c.costRatio.label();
        default:
            return {};
        }
    case RowCount:
        break;
    }
    return {};
}

QVariant PairedComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Measure:
        return tr("Measure");
    case Value:
        return tr("Value");
    case Interval95:
        return tr("95% interval");
    case Tasks:
        return tr("n (tasks)");
    case Definition:
        return tr("Definition and interval method");
    case ColumnCount:
        break;
    }
    return {};
}
