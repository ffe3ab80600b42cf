// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "store/store.h"

#include <QAbstractTableModel>
#include <vector>

/// The imported runs, one row each, with their accuracy computed from samples beside the header's.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Task, Model, Status, Samples, Solved, Accuracy, HeaderAccuracy, Created, File, ColumnCount };
    enum Role { SortRole = Qt::UserRole, RunIdRole };

    explicit RunTableModel(QObject* parent = nullptr);

    void setRuns(std::vector<RunRow> runs);
    const std::vector<RunRow>& runs() const { return m_runs; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<RunRow> m_runs;
};
