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
        QString text = result.diff;
        if (!result.violation.isEmpty())
            text = result.violation + QLatin1Char('\n') + text;
        return text;
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
        return result.violation.isEmpty() ? result.outcome.describe() : result.violation;
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
