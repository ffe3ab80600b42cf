// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "store/store.h"

#include <QAbstractTableModel>
#include <vector>

/// Samples, one row each: task, sample id, MirrorCode's program, tier and language (where the sample was classified),
/// model, epoch, outcome, pass fractions, cost, tokens, duration, limit, error.
class SampleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Task,
        Sample,
        Program,
        Tier,
        Language,
        Model,
        Epoch,
        Solved,
        Visible,
        HeldOut,
        Cost,
        InputTokens,
        OutputTokens,
        Duration,
        Limit,
        Error,
        ColumnCount
    };
    enum Role {
        SampleIdRole = Qt::UserRole, ///< the sample's store id
        SortRole, ///< what a column sorts by: numbers as numbers, ids and names in natural order
    };

    explicit SampleTableModel(QObject* parent = nullptr);

    void setSamples(std::vector<SampleRow> samples);
    const std::vector<SampleRow>& samples() const { return m_samples; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts the rows themselves (no proxy: re-sorting 10,000 rows through one costs more than a filter change),
    /// and keeps them so sorted as samples are set.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// True when no sample has a value in this column: MirrorCode's program, tier, language and pass fractions are
    /// empty for an ordinary Inspect eval, and the view hides them.
    bool isColumnEmpty(int column) const;

    /// The visible rows as CSV, for the clipboard.
    QString toCsv(const QModelIndexList& rows) const;

private:
    static QVariant sortKey(const SampleRow& sample, int column);
    void sortRows(std::vector<int>* from = nullptr);

    std::vector<SampleRow> m_samples;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};
