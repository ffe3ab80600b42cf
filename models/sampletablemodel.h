#pragma once

#include "store/store.h"

#include <QAbstractTableModel>
#include <vector>

/// Samples, one row each: program, tier, model, outcome, pass fractions, cost, tokens, duration, limit, error.
class SampleTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Program, Tier, Language, Model, Epoch, Solved, Visible, HeldOut, Cost, InputTokens, OutputTokens,
        Duration, Limit, Error, ColumnCount };
    enum Role { SortRole = Qt::UserRole, SampleIdRole };

    explicit SampleTableModel(QObject* parent = nullptr);

    void setSamples(std::vector<SampleRow> samples);
    const std::vector<SampleRow>& samples() const { return m_samples; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The visible rows as CSV, for the clipboard.
    QString toCsv(const QModelIndexList& rows) const;

private:
    std::vector<SampleRow> m_samples;
};
