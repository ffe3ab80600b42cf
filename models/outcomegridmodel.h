// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

/// Program x model, as in the MirrorCode paper's figure 2: a program a row, a model a column (both sorted), each cell
/// "solved" or the best held-out pass fraction its samples reached, with what they cost and how long they took over
/// their epochs. A program-less sample stands in its own row, named by its sample id.
///
/// The columns are the models the samples name, column c being model(c), headed by the last part of its name: there
/// is no fixed column, so no column enum.
class OutcomeGridModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        BestRole = Qt::UserRole, ///< best held-out pass fraction (1: solved); also what a proxy sorts by
        CostRole, ///< dollars, summed over the cell's samples (unpriced ones count nothing)
        HoursRole, ///< hours, summed over the cell's samples
        SampleIdRole, ///< the cell's best sample (store id), the one to open
    };

    explicit OutcomeGridModel(QObject* parent = nullptr);

    void setSamples(const std::vector<SampleRow>& samples);
    /// A row's program and a column's model, in full.
    QString program(int row) const { return m_programs.value(row); }
    QString model(int column) const { return m_models.value(column); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    /// One program by one model, summed over its samples.
    struct Cell {
        int samples = 0;
        double best = -1;
        double cost = 0;
        double hours = 0;
        qint64 sample = 0; ///< the best sample; of equals, the last
        QString model; ///< as the last sample names them, for the tooltip
        QString program;
    };
    const Cell* cell(const QModelIndex& index) const;
    QString toolTip(const Cell& cell) const;

    QStringList m_programs;
    QStringList m_models;
    std::vector<Cell> m_cells; ///< row by row
};
