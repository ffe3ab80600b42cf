// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/rerunchecks.h"
#include "records/transcriptrows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

/// Which named tests passed at each test run of a transcript: a test a row (sorted by name, the row's header), a test
/// run a column (in step order, headed by its step). A cell shows ✓ (passed), ✗ (failed) or nothing (the run did not
/// name the test); a result that a re-execution of the same code contradicts is marked "!" in red, its tooltip saying
/// what the re-execution found.
///
/// The columns are the matrix's test runs, column c being matrix().runs[c]: there is no fixed column, so no column
/// enum.
class TestMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        ResultRole = Qt::UserRole, ///< 1 passed, 0 failed, -1 not in that run; also what a proxy sorts by
        StepRole, ///< the step of the cell's test run
        ContradictedRole, ///< true where a re-execution contradicts the reported result
    };

    explicit TestMatrixModel(QObject* parent = nullptr);

    /// Shows `matrix`; each of `contradictions` marks the cell it names.
    void setMatrix(TestMatrix matrix, const std::vector<Contradiction>& contradictions = {});
    const TestMatrix& matrix() const { return m_matrix; }
    int contradictionCount() const { return int(m_contradictions.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    const Contradiction* contradictionAt(int test, int run) const;
    QString toolTip(const Contradiction& contradiction, bool reportedPass) const;

    TestMatrix m_matrix;
    std::vector<Contradiction> m_contradictions;
    QHash<qint64, size_t> m_contradictionAt; ///< (test << 32 | run) → index in m_contradictions
};
