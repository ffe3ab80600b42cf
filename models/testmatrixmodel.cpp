// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testmatrixmodel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>

namespace {
qint64 cellKey(int test, int run)
{
    return (qint64(test) << 32) | quint32(run);
}
}

TestMatrixModel::TestMatrixModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TestMatrixModel::setMatrix(TestMatrix matrix, const std::vector<Contradiction>& contradictions)
{
    beginResetModel();
    m_matrix = std::move(matrix);
    m_contradictions.clear();
    m_contradictionAt.clear();
    for (const Contradiction& contradiction : contradictions) {
        if (contradiction.test < 0 || contradiction.test >= m_matrix.tests.size() || contradiction.run < 0
            || contradiction.run >= int(m_matrix.runs.size()))
            continue;
        m_contradictionAt.insert(cellKey(contradiction.test, contradiction.run), m_contradictions.size());
        m_contradictions.push_back(contradiction);
    }
    endResetModel();
}

int TestMatrixModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.tests.size());
}

int TestMatrixModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_matrix.runs.size());
}

const Contradiction* TestMatrixModel::contradictionAt(int test, int run) const
{
    const auto found = m_contradictionAt.constFind(cellKey(test, run));
    return found == m_contradictionAt.constEnd() ? nullptr : &m_contradictions[*found];
}

QVariant TestMatrixModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int test = index.row();
    const int run = index.column();
    const signed char result = m_matrix.results[size_t(test)][size_t(run)];
    const Contradiction* contradiction = contradictionAt(test, run);
    switch (role) {
    case Qt::DisplayRole: {
        const QString mark = result < 0 ? QString() : result ? QStringLiteral("\u2713") : QStringLiteral("\u2717");
        return contradiction ? mark + QLatin1Char('!') : mark;
    }
    case Qt::TextAlignmentRole:
        return int(Qt::AlignCenter);
    case Qt::BackgroundRole:
        // Passed in green, failed in orange, both light enough to read the mark on.
        if (result < 0)
            return {};
        return QBrush(result ? QColor(0x00, 0x9E, 0x73, 90) : QColor(0xD5, 0x5E, 0x00, 110));
    case Qt::ForegroundRole:
        return contradiction ? QVariant(QBrush(Qt::red)) : QVariant();
    case Qt::ToolTipRole:
        return contradiction ? QVariant(toolTip(*contradiction, result > 0)) : QVariant();
    case ResultRole:
        return int(result);
    case StepRole:
        return m_matrix.runs[size_t(run)];
    case ContradictedRole:
        return contradiction != nullptr;
    default:
        return {};
    }
}

QString TestMatrixModel::toolTip(const Contradiction& contradiction, bool reportedPass) const
{
    // The replay view showed these texts first; the translations have them under its name.
    return QCoreApplication::translate("ReplayView", "The transcript reports %1; re-executed at step %2 it %3")
        .arg(reportedPass ? QCoreApplication::translate("ReplayView", "a pass")
                          : QCoreApplication::translate("ReplayView", "a failure"))
        .arg(contradiction.rerunStep)
        .arg(contradiction.rerunPassed ? QCoreApplication::translate("ReplayView", "passes")
                                       : QCoreApplication::translate("ReplayView", "fails"));
}

QVariant TestMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Vertical)
        return section < m_matrix.tests.size() ? QVariant(m_matrix.tests[section]) : QVariant();
    if (section >= int(m_matrix.runs.size()))
        return {};
    return QString::number(m_matrix.runs[size_t(section)]);
}

Qt::ItemFlags TestMatrixModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsSelectable | Qt::ItemIsEnabled : Qt::NoItemFlags;
}
