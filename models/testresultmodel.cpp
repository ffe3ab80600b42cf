// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testresultmodel.h"

TestResultModel::TestResultModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TestResultModel::setResults(std::vector<TestResult> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

int TestResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int TestResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TestResultModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_results.size()))
        return {};
    const TestResult& result = m_results[size_t(index.row())];
    if (role == DiffRole) {
        return result.diff;
    }
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Test:
        return result.id;
    case Visibility:
        return result.heldOut ? tr("held-out") : tr("visible");
    case Result:
        if (role == SortRole)
            return result.passed ? 1 : 0;
        return result.passed ? tr("pass") : tr("FAIL");
    case Outcome:
        return result.passed ? result.outcome.describe() : result.reason;
    case Seconds:
        if (role == SortRole)
            return result.outcome.seconds;
        return QString::number(result.outcome.seconds, 'f', 3);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TestResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Test:
        return tr("Test");
    case Visibility:
        return tr("Visibility");
    case Result:
        return tr("Result");
    case Outcome:
        return tr("Outcome");
    case Seconds:
        return tr("Seconds");
    case ColumnCount:
        break;
    }
    return {};
}
