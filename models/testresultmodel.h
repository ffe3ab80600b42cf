// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "runner/testrunner.h"

#include <QAbstractTableModel>
#include <vector>

/// The results of one run of a test suite, a test a row; failures first is up to the proxy in front.
class TestResultModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Test, Visibility, Result, Outcome, Seconds, ColumnCount };
    enum Role { SortRole = Qt::UserRole, DiffRole };

    explicit TestResultModel(QObject* parent = nullptr);

    void setResults(std::vector<TestResult> results);
    const std::vector<TestResult>& results() const { return m_results; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<TestResult> m_results;
};
