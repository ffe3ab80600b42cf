// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <optional>

#include "records/storerows.h"
#include "records/transcriptrows.h"

/// Prices of a model in USD per million tokens.
struct ModelPrice {
    double input = 0;
    double output = 0;
    double cacheRead = 0;
    double cacheWrite = 0;
    QString source;
    QString date;
};

/// The prices that turn token counts into dollars, for logs that carry no total_cost.
class PriceTable {
    Q_DECLARE_TR_FUNCTIONS(PriceTable)

public:
    /// The table shipped with Runlens (resources/prices.json), or the user's copy when there is one.
    static PriceTable standard();
    /// Where the user's copy lives.
    static QString userPath();

    bool load(const QString& path);
    bool save(const QString& path) const;
    QString errorString() const { return m_error; }

    const QHash<QString, ModelPrice>& prices() const { return m_prices; }
    void setPrice(const QString& model, const ModelPrice& price) { m_prices.insert(model, price); }
    /// The cost of these tokens, or nothing when the model has no price (never $0 for "unknown").
    std::optional<double> cost(
        const QString& model, qint64 input, qint64 cacheRead, qint64 cacheWrite, qint64 output) const;

    /// A model call's cost: as logged, else its tokens priced; NaN when its model has no price.
    double costOf(const EventRow& call) const;

    /// Sets each sample's cost: the log's total_cost where every model of the sample has one, else its tokens
    /// priced by this table, else NaN ("no price") when a model of the sample has no price.
    void applyTo(std::vector<SampleRow>& samples, const std::vector<UsageRow>& usage) const;

private:
    QHash<QString, ModelPrice> m_prices;
    QString m_error;
};
