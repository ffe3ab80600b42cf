// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <vector>

/// Task x model, as in the MirrorCode paper's figure 2: a task a row (a task being a (task, sample id) pair, or a
/// MirrorCode program), a model a column (both in natural order), each cell the epochs solved of the epochs run
/// ("1/2"), coloured by that share, with what they cost and how long they took over their epochs.
///
/// The columns are the models the samples name, column c being model(c), headed by the last part of its name: there
/// is no fixed column, so no column enum.
class OutcomeGridModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ShareRole = Qt::UserRole, ///< epochs solved / epochs scored; what a proxy sorts by (-1: none scored)
        SolvedEpochsRole, ///< epochs solved
        EpochsRole, ///< epochs scored
        BestRole, ///< best held-out pass fraction (1: solved; NaN when no sample reports one)
        CostRole, ///< dollars, summed over the cell's samples (unpriced ones count nothing)
        HoursRole, ///< hours, summed over the cell's samples
        SampleIdRole, ///< the first epoch's sample (store id), the one a double-click opens when there is one epoch
    };
    /// One epoch of a cell: what a double-click offers to open.
    struct Epoch {
        int epoch = 1;
        qint64 sample = 0;
        int solved = -1; ///< as SampleRow::solved
        qint64 run = 0; ///< the run's store id: a cell may hold epochs of several runs of one task
        QString created; ///< when that run was made
    };

    explicit OutcomeGridModel(QObject* parent = nullptr);

    void setSamples(const std::vector<SampleRow>& samples);
    /// A row's task name and a column's model, in full.
    QString task(int row) const { return m_rowNames.value(row); }
    QString model(int column) const { return m_models.value(column); }
    /// A cell's epochs, in epoch order; empty for an untried cell.
    std::vector<Epoch> epochs(const QModelIndex& index) const;
    /// The colour of a cell whose epochs solved this share (0 to 1), and of an unscored one (share < 0): the legend
    /// shows the same colours.
    static QColor colour(double share);
    static QColor textColour(double share);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    /// One task by one model, summed over its epochs.
    struct Cell {
        std::vector<Epoch> epochs;
        int scored = 0;
        int solved = 0;
        double best = -1; ///< -1: no held-out pass fraction known
        double cost = 0;
        double hours = 0;
        QString model;
        QString task;
    };
    const Cell* cell(const QModelIndex& index) const;
    QString toolTip(const Cell& cell) const;
    double share(const Cell& cell) const;

    QStringList m_rows; ///< row keys: task and name
    QStringList m_rowNames; ///< as the header shows them
    QStringList m_models;
    std::vector<Cell> m_cells; ///< row by row
};
