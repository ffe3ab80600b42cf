// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pricetable.h"

#include <QDialog>

class QTableWidget;

/// Edits the price table: per model, USD per million input, output, cache-read and cache-write tokens, with
/// each price's source and date. Saved as the user's copy; a model left out has no price.
class PriceDialog : public QDialog {
    Q_OBJECT
public:
    PriceDialog(const PriceTable& prices, QWidget* parent = nullptr);
    PriceTable prices() const;

private:
    void addRow(const QString& model, const ModelPrice& price);
    QTableWidget* m_table;
};
