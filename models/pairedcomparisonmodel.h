// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pairedcomparison.h"

#include <QAbstractTableModel>

/// Two models compared on the tasks both ran (analysis/pairedcomparison): a measure a row, with its value, 95%
/// interval, n and what it is.
class PairedComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Measure, Value, Interval95, Tasks, Definition, ColumnCount };
    enum Row { SharedTasks, PassAt1A, PassAt1B, Difference, McNemar, CostRatio, RowCount };
    enum Role { ValueRole = Qt::UserRole }; ///< the measure's number, full precision

    explicit PairedComparisonModel(QObject* parent = nullptr);

    void setComparison(const PairedComparison& comparison);
    const PairedComparison& comparison() const { return m_comparison; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(int row, int column) const;

    PairedComparison m_comparison;
    bool m_set = false;
};
