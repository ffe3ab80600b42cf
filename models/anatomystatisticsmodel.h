// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/anatomystatistics.h"

#include <QAbstractTableModel>
#include <vector>

/// The run anatomy across runs (AnatomyStatistics): a group of samples a row (a model, or a model and a size tier),
/// with the share of its dollars and working time spent after the last gain, its plateau time, regressions and
/// compactions per run, and the share of its dollars each activity took.
class AnatomyStatisticsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Model,
        Group,
        Samples,
        Scored,
        Cost,
        CostShareAfterLastGain,
        TimeShareAfterLastGain,
        PlateauTimePerRun,
        PlateauTimeShare,
        RegressionsPerRun,
        CompactionsPerRun,
        FirstActivity, ///< then one column an activity: the share of the group's dollars it took
        ColumnCount = FirstActivity, ///< the columns before the activities'
    };
    enum Role {
        SortRole = Qt::UserRole, ///< the number (NaN as the lowest), or the text: what a proxy sorts by
    };

    explicit AnatomyStatisticsModel(QObject* parent = nullptr);

    /// The groups to show; `groupName` heads the second column ("tier"), empty when the rows are models alone.
    void setGroups(std::vector<AnatomyGroup> groups, const QString& groupName = {});
    const std::vector<AnatomyGroup>& groups() const { return m_groups; }
    /// The activities' names, in their columns' order.
    const QStringList& activities() const { return m_activities; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The words the patterns show for an activity's key ("probing_reference": "probing the reference program").
    static QString activityLabel(const QString& key);
    /// An activity's key as a short name for a column or a legend ("probing_reference": "probing reference").
    static QString activityName(const QString& key);

private:
    QVariant number(const AnatomyGroup& group, int column) const;
    QString display(const AnatomyGroup& group, int column) const;

    std::vector<AnatomyGroup> m_groups;
    QStringList m_activities;
    QString m_groupName;
};
