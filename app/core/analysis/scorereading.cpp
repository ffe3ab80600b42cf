// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "scorereading.h"

namespace {
double ratio(const JsonValue* numerator, const JsonValue* denominator)
{
    const double total = numberOf(denominator);
    return total > 0 ? numberOf(numerator) / total : notANumber;
}
}

QStringList defaultScoreKeys()
{
    return { QStringLiteral("held_out"), QStringLiteral("hidden"), QStringLiteral("value") };
}

double scoreNumber(const JsonValue& value, const QStringList& keys)
{
    if (value.IsNumber())
        return value.GetDouble();
    if (value.IsBool())
        return value.GetBool() ? 1.0 : 0.0;
    if (value.IsString()) {
        const QString text = stringOf(&value);
        if (text == QLatin1String("C"))
            return 1.0;
        if (text == QLatin1String("I") || text == QLatin1String("N"))
            return 0.0;
        if (text == QLatin1String("P"))
            return 0.5;
        bool ok = false;
        const double number = text.toDouble(&ok);
        return ok ? number : notANumber;
    }
    if (value.IsObject()) {
        for (const QString& key : keys) {
            const JsonValue* field = member(value, key.toUtf8().constData());
            if (field)
                return scoreNumber(*field, keys);
        }
    }
    return notANumber;
}

QString scoreKeyOf(const QByteArray& valueJson, const QStringList& keys)
{
    rapidjson::Document value;
    if (valueJson.isEmpty() || !parseJson(value, valueJson.constData(), size_t(valueJson.size())) || !value.IsObject())
        return {};
    for (const QString& key : keys) {
        if (member(value, key.toUtf8().constData()))
            return key;
    }
    return {};
}

const MetricRecord* headerAccuracyMetric(
    const std::vector<MetricRecord>& metrics, const QString& scorer, const QString& key)
{
    const QString accuracy = QStringLiteral("accuracy");
    std::vector<std::pair<QString, QString>> names; // (EvalScore name, metric name), best first
    if (key.isEmpty() || key == QLatin1String("value"))
        names.emplace_back(scorer, accuracy);
    if (!key.isEmpty()) {
        names.emplace_back(key, accuracy);
        names.emplace_back(scorer, key + QLatin1Char('/') + accuracy);
        names.emplace_back(scorer, accuracy + QLatin1Char('/') + key);
    }
    for (const auto& [score, name] : names) {
        for (const MetricRecord& metric : metrics) {
            if (metric.scorer == score && metric.name == name)
                return &metric;
        }
    }
    return nullptr;
}

PassFractions passFractionsOfValue(const JsonValue& value)
{
    PassFractions fractions;
    if (value.IsObject()) {
        fractions.visible = numberOf(member(value, "visible"));
        fractions.heldOut = numberOf(member(value, "held_out"), numberOf(member(value, "hidden")));
    } else {
        fractions.visible = numberOf(&value);
    }
    return fractions;
}

PassFractions passFractionsOfMetadata(const QByteArray& metadataJson)
{
    PassFractions fractions;
    rapidjson::Document metadata;
    if (metadataJson.isEmpty() || !parseJson(metadata, metadataJson.constData(), size_t(metadataJson.size()))
        || !metadata.IsObject())
        return fractions;
    fractions.visible = ratio(member(metadata, "visible_passed"), member(metadata, "visible_total"));
    fractions.heldOut = ratio(member(metadata, "held_out_passed"), member(metadata, "held_out_total"));
    return fractions;
}

std::optional<PassFractions> intermediateScore(const QByteArray& scoreEventJson)
{
    rapidjson::Document event;
    if (!parseJson(event, scoreEventJson.constData(), size_t(scoreEventJson.size())))
        return std::nullopt;
    const JsonValue* intermediate = member(event, "intermediate");
    const JsonValue* score = member(event, "score");
    const JsonValue* value = score ? member(*score, "value") : nullptr;
    if (!value || !intermediate || !intermediate->IsTrue())
        return std::nullopt;
    return passFractionsOfValue(*value);
}
