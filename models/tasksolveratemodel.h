// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/taskstatistics.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

/// Solve rate by task x model: an Inspect task a row, a model a column, each cell the model's expected pass@1 over the
/// task's samples (the mean over samples of the share of their epochs solved) with its 95% bootstrap interval and n.
/// A model's rate pools no other task: that is what this table is for when several tasks are in view.
class TaskSolveRateModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        RateRole = Qt::UserRole, ///< the rate (0 to 1), NaN for a task the model did not run; what a proxy sorts by
        TasksRole, ///< n: the samples (tasks in the statistics' sense) the rate counts
    };

    explicit TaskSolveRateModel(QObject* parent = nullptr);

    void setSamples(const std::vector<SampleRow>& samples);
    /// The tasks in view: the table is worth showing when there are several.
    int taskCount() const { return int(m_tasks.size()); }
    /// What each cell is, and how its interval was made: said on screen beside the table.
    QString definition() const { return m_definition; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const Estimate* cell(const QModelIndex& index) const;

    QStringList m_tasks;
    QStringList m_models;
    std::vector<Estimate> m_cells; ///< row by row; value NaN where the model did not run the task
    QString m_definition;
};
