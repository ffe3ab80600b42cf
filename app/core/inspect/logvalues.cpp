// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "logvalues.h"

#include "analysis/scorereading.h"

std::vector<ScoreRecord> scoresOf(const JsonValue* scores, const ImportOptions& options)
{
    std::vector<ScoreRecord> records;
    if (!scores || !scores->IsObject())
        return records;
    for (const auto& entry : scores->GetObject()) {
        ScoreRecord record;
        record.scorer = QString::fromUtf8(entry.name.GetString(), entry.name.GetStringLength());
        const JsonValue* value = member(entry.value, "value");
        if (value) {
            record.valueJson = toJson(*value);
            record.value = scoreNumber(*value, options.scoreKeys);
        }
        record.answer = scalarText(member(entry.value, "answer"));
        record.explanation = stringOf(member(entry.value, "explanation"));
        if (const JsonValue* metadata = member(entry.value, "metadata"); metadata && !metadata->IsNull())
            record.metadataJson = toJson(*metadata);
        records.push_back(std::move(record));
    }
    return records;
}

UsageRecord usageOf(const JsonValue& usage)
{
    UsageRecord record;
    record.inputTokens = integerOf(member(usage, "input_tokens"));
    record.outputTokens = integerOf(member(usage, "output_tokens"));
    record.totalTokens = integerOf(member(usage, "total_tokens"));
    record.cacheReadTokens = integerOf(member(usage, "input_tokens_cache_read"));
    record.cacheWriteTokens = integerOf(member(usage, "input_tokens_cache_write"));
    record.reasoningTokens = integerOf(member(usage, "reasoning_tokens"));
    record.totalCost = numberOf(member(usage, "total_cost"));
    return record;
}

std::vector<UsageRecord> usageByModel(const JsonValue* modelUsage)
{
    std::vector<UsageRecord> records;
    if (!modelUsage || !modelUsage->IsObject())
        return records;
    for (const auto& entry : modelUsage->GetObject()) {
        UsageRecord record = usageOf(entry.value);
        record.model = QString::fromUtf8(entry.name.GetString(), entry.name.GetStringLength());
        records.push_back(std::move(record));
    }
    return records;
}
