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
