// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "pricetable.h"

#include "records/datadirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

QString PriceTable::userPath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("prices.json"));
}

PriceTable PriceTable::standard()
{
    PriceTable table;
    if (!QFileInfo::exists(userPath()) || !table.load(userPath()))
        table.load(QStringLiteral(":/runlens/prices.json"));
    return table;
}

bool PriceTable::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (!document.isObject()) {
        m_error = tr("%1: not a price table: %2").arg(path, error.errorString());
        return false;
    }
    m_prices.clear();
    const QJsonObject models = document.object().value(QLatin1String("models")).toObject();
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        ModelPrice price;
        price.input = entry.value(QLatin1String("input")).toDouble();
        price.output = entry.value(QLatin1String("output")).toDouble();
        price.cacheRead = entry.value(QLatin1String("cache_read")).toDouble(price.input);
        price.cacheWrite = entry.value(QLatin1String("cache_write")).toDouble(price.input);
        price.source = entry.value(QLatin1String("source")).toString();
        price.date = entry.value(QLatin1String("date")).toString();
        m_prices.insert(it.key(), price);
    }
    return true;
}

bool PriceTable::save(const QString& path) const
{
    QJsonObject models;
    for (auto it = m_prices.begin(); it != m_prices.end(); ++it) {
        models.insert(it.key(),
            QJsonObject { { QStringLiteral("input"), it->input }, { QStringLiteral("output"), it->output },
                { QStringLiteral("cache_read"), it->cacheRead }, { QStringLiteral("cache_write"), it->cacheWrite },
                { QStringLiteral("source"), it->source }, { QStringLiteral("date"), it->date } });
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject { { QStringLiteral("models"), models } }).toJson());
    return true;
}

std::optional<double> PriceTable::cost(
    const QString& model, qint64 input, qint64 cacheRead, qint64 cacheWrite, qint64 output) const
{
    const auto found = m_prices.constFind(model);
    if (found == m_prices.constEnd())
        return std::nullopt;
    return (double(input) * found->input + double(cacheRead) * found->cacheRead + double(cacheWrite) * found->cacheWrite
               + double(output) * found->output)
        / 1e6;
}

double PriceTable::costOf(const EventRow& call) const
{
    if (!std::isnan(call.loggedCost))
        return call.loggedCost;
    const auto priced
        = cost(call.model, call.inputTokens, call.cacheReadTokens, call.cacheWriteTokens, call.outputTokens);
    return priced ? *priced : notANumber;
}

void PriceTable::applyTo(std::vector<SampleRow>& samples, const std::vector<UsageRow>& usage) const
{
    QHash<qint64, std::vector<const UsageRow*>> bySample;
    for (const UsageRow& row : usage)
        bySample[row.sampleId].push_back(&row);
    for (SampleRow& sample : samples) {
        const auto rows = bySample.value(sample.id);
        double logged = 0, priced = 0;
        bool allLogged = !rows.empty(), allPriced = !rows.empty();
        for (const UsageRow* row : rows) {
            if (std::isnan(row->totalCost))
                allLogged = false;
            else
                logged += row->totalCost;
            const auto cost = this->cost(
                row->model, row->inputTokens, row->cacheReadTokens, row->cacheWriteTokens, row->outputTokens);
            if (cost)
                priced += *cost;
            else
                allPriced = false;
        }
        sample.totalCost = allLogged ? logged : allPriced ? priced : notANumber;
    }
}
