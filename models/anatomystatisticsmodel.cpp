// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomystatisticsmodel.h"

#include "analysis/activitypatterns.h"
#include "cellformat.h"

#include <cmath>
#include <limits>

AnatomyStatisticsModel::AnatomyStatisticsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

QString AnatomyStatisticsModel::activityLabel(const QString& key)
{
    const ActivityPatterns patterns = ActivityPatterns::standard();
    const int index = patterns.indexOf(key);
    return index >= 0 ? patterns.label(index) : key;
}

QString AnatomyStatisticsModel::activityName(const QString& key)
{
    return QString(key).replace(QLatin1Char('_'), QLatin1Char(' '));
}

void AnatomyStatisticsModel::setGroups(std::vector<AnatomyGroup> groups, const QString& groupName)
{
    beginResetModel();
    m_groups = std::move(groups);
    m_groupName = groupName;
    m_activities.clear();
    for (const AnatomyGroup& group : m_groups) {
        for (const ActivityShare& share : group.activities) {
            if (!m_activities.contains(share.name))
                m_activities << share.name;
        }
    }
    endResetModel();
}

int AnatomyStatisticsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int AnatomyStatisticsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(FirstActivity + m_activities.size());
}

QVariant AnatomyStatisticsModel::number(const AnatomyGroup& group, int column) const
{
    switch (column) {
    case Samples:
        return group.samples;
    case Scored:
        return group.scored;
    case Cost:
        return group.cost;
    case CostShareAfterLastGain:
        return group.costShareAfterLastGain();
    case TimeShareAfterLastGain:
        return group.timeShareAfterLastGain();
    case PlateauTimePerRun:
        return group.plateauTimePerRun();
    case PlateauTimeShare:
        return group.plateauTimeShare();
    case RegressionsPerRun:
        return group.regressionsPerRun();
    case CompactionsPerRun:
        return group.compactionsPerRun();
    default:
        break;
    }
    const QString& name = m_activities[column - FirstActivity];
    for (const ActivityShare& share : group.activities) {
        if (share.name == name)
            return group.costShare(share);
    }
    return 0.0;
}

QString AnatomyStatisticsModel::display(const AnatomyGroup& group, int column) const
{
    switch (column) {
    case Model:
        return group.key;
    case Group:
        return group.group;
    case Samples:
    case Scored:
        return CellFormat::count(number(group, column).toLongLong());
    case Cost:
        return CellFormat::cost(group.cost);
    case PlateauTimePerRun:
        return CellFormat::duration(group.plateauTimePerRun());
    case RegressionsPerRun:
    case CompactionsPerRun: {
        const double value = number(group, column).toDouble();
        return std::isnan(value) ? QString() : QString::number(value, 'f', 2);
    }
    default:
        return CellFormat::percent(number(group, column).toDouble());
    }
}

QVariant AnatomyStatisticsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AnatomyGroup& group = m_groups[size_t(index.row())];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(group, column);
    case Qt::TextAlignmentRole:
        return column <= Group ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case SortRole: {
        if (column <= Group)
            return CellFormat::naturalKey(display(group, column));
        const double value = number(group, column).toDouble();
        return std::isnan(value) ? -std::numeric_limits<double>::infinity() : value;
    }
    case Qt::ToolTipRole:
        if (column == Cost && group.unpricedCalls > 0)
            return tr("%n model call(s) with no price left out", nullptr, group.unpricedCalls);
        return {};
    default:
        return {};
    }
}

QVariant AnatomyStatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    using Figure = AnatomyStatistics::Figure;
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Samples:
        case Scored:
            return AnatomyStatistics::definition(Figure::Samples);
        case Cost:
            return tr("dollars summed over the samples of the group; priced calls only");
        case CostShareAfterLastGain:
            return AnatomyStatistics::definition(Figure::CostShareAfterLastGain);
        case TimeShareAfterLastGain:
            return AnatomyStatistics::definition(Figure::TimeShareAfterLastGain);
        case PlateauTimePerRun:
            return AnatomyStatistics::definition(Figure::PlateauTimePerRun);
        case PlateauTimeShare:
            return AnatomyStatistics::definition(Figure::PlateauTimeShare);
        case RegressionsPerRun:
            return AnatomyStatistics::definition(Figure::RegressionsPerRun);
        case CompactionsPerRun:
            return AnatomyStatistics::definition(Figure::CompactionsPerRun);
        default:
            if (section < FirstActivity)
                return {};
            return tr("%1: %2").arg(activityLabel(m_activities[section - FirstActivity]),
                AnatomyStatistics::definition(Figure::ActivityCostShare));
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Model:
        return tr("Model");
    case Group:
        return m_groupName;
    case Samples:
        return tr("Samples");
    case Scored:
        return tr("Scored");
    case Cost:
        return tr("Cost");
    case CostShareAfterLastGain:
        return tr("$ after last gain");
    case TimeShareAfterLastGain:
        return tr("Time after last gain");
    case PlateauTimePerRun:
        return tr("Plateau time / run");
    case PlateauTimeShare:
        return tr("Plateau share");
    case RegressionsPerRun:
        return tr("Regressions / run");
    case CompactionsPerRun:
        return tr("Compactions / run");
    default:
        return tr("$ %1").arg(activityName(m_activities[section - FirstActivity]));
    }
}
