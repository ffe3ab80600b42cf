// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "pricedialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

PriceDialog::PriceDialog(const PriceTable& prices, QWidget* parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 7, this))
{
    setWindowTitle(tr("Prices"));
    m_table->setHorizontalHeaderLabels(
        { tr("Model"), tr("Input"), tr("Output"), tr("Cache read"), tr("Cache write"), tr("Source"), tr("Date") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    QStringList models = prices.prices().keys();
    models.sort();
    for (const QString& model : models)
        addRow(model, prices.prices().value(model));
    m_table->resizeColumnsToContents();
    auto* add = new QPushButton(tr("Add a model"), this);
    auto* remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] { addRow(QString(), {}); });
    connect(remove, &QPushButton::clicked, this, [this] { m_table->removeRow(m_table->currentRow()); });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->addButton(add, QDialogButtonBox::ActionRole);
    buttons->addButton(remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("USD per million tokens. A model without a row has no price: its cost shows as \"no price\", never $0."),
        this));
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1000, 420);
}

void PriceDialog::addRow(const QString& model, const ModelPrice& price)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QStringList cells { model, QString::number(price.input), QString::number(price.output),
        QString::number(price.cacheRead), QString::number(price.cacheWrite), price.source, price.date };
    for (int column = 0; column < int(cells.size()); ++column)
        m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
}

PriceTable PriceDialog::prices() const
{
    PriceTable table;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        auto text = [&](int column) {
            return m_table->item(row, column) ? m_table->item(row, column)->text().trimmed() : QString();
        };
        if (text(0).isEmpty())
            continue;
        table.setPrice(text(0),
            { text(1).toDouble(), text(2).toDouble(), text(3).toDouble(), text(4).toDouble(), text(5), text(6) });
    }
    return table;
}
