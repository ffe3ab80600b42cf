// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "logheader.h"

#include "sampleclassifier.h"

namespace {
void readMetrics(const JsonValue* metrics, const QString& scorer, std::vector<MetricRecord>& records)
{
    if (!metrics || !metrics->IsObject())
        return;
    for (const auto& entry : metrics->GetObject()) {
        MetricRecord metric;
        metric.scorer = scorer;
        metric.name = QString::fromUtf8(entry.name.GetString(), entry.name.GetStringLength());
        // A metric that gave several values (frequency() one a category, say) is split into metrics sharing its
        // `group`, each `name` a leaf of it: stored as group/leaf, unique within the scorer as the key is.
        if (const QString group = stringOf(member(entry.value, "group")); !group.isEmpty()) {
            const QString leaf = stringOf(member(entry.value, "name"));
            metric.name = group + QLatin1Char('/') + (leaf.isEmpty() ? metric.name : leaf);
        }
        metric.value = numberOf(member(entry.value, "value"));
        records.push_back(std::move(metric));
    }
}
}

QString legacyScorerName(const JsonValue& header)
{
    const JsonValue* results = member(header, "results");
    const JsonValue* scorer = results ? member(*results, "scorer") : nullptr;
    return scorer ? stringOf(member(*scorer, "name")) : QString();
}

RunRecord runFromHeader(const JsonValue& header)
{
    RunRecord run;
    run.logVersion = int(integerOf(member(header, "version")));
    run.status = stringOf(member(header, "status"));
    if (const JsonValue* eval = member(header, "eval")) {
        run.evalId = stringOf(member(*eval, "eval_id"));
        run.runId = stringOf(member(*eval, "run_id"));
        run.evalSetId = stringOf(member(*eval, "eval_set_id"));
        run.task = stringOf(member(*eval, "task"));
        run.taskId = stringOf(member(*eval, "task_id"));
        run.model = stringOf(member(*eval, "model"));
        run.created = stringOf(member(*eval, "created"));
        if (const JsonValue* packages = member(*eval, "packages"))
            run.inspectVersion = stringOf(member(*packages, "inspect_ai"));
        if (const JsonValue* config = member(*eval, "config")) {
            run.configJson = toJson(*config);
            run.epochs = int(integerOf(member(*config, "epochs"), -1));
            run.messageLimit = numberOf(member(*config, "message_limit"), numberOf(member(*config, "max_messages")));
            run.tokenLimit = numberOf(member(*config, "token_limit"));
            run.timeLimit = numberOf(member(*config, "time_limit"));
            run.workingLimit = numberOf(member(*config, "working_limit"));
            run.costLimit = numberOf(member(*config, "cost_limit"));
        }
    }
    if (const JsonValue* results = member(header, "results"); results && results->IsObject()) {
        run.totalSamples = int(integerOf(member(*results, "total_samples"), -1));
        run.completedSamples = int(integerOf(member(*results, "completed_samples"), -1));
        if (const JsonValue* scores = member(*results, "scores"); scores && scores->IsArray()) {
            for (const auto& score : scores->GetArray())
                readMetrics(member(score, "metrics"), stringOf(member(score, "name")), run.metrics);
        } else {
            // Version 1 (and early version 2): one `scorer` beside a `metrics` dict.
            readMetrics(member(*results, "metrics"), legacyScorerName(header), run.metrics);
        }
    }
    if (const JsonValue* stats = member(header, "stats")) {
        run.startedAt = stringOf(member(*stats, "started_at"));
        run.completedAt = stringOf(member(*stats, "completed_at"));
        run.usage = usageByModel(member(*stats, "model_usage"));
    }
    if (const JsonValue* error = member(header, "error"); error && error->IsObject())
        run.error = stringOf(member(*error, "message"));
    return run;
}

SampleRecord sampleFromSummary(const JsonValue& summary, const ImportOptions& options)
{
    SampleRecord sample;
    sample.id = scalarText(member(summary, "id"));
    sample.epoch = int(integerOf(member(summary, "epoch"), 1));
    const JsonValue* target = member(summary, "target");
    if (target && target->IsArray()) {
        QStringList targets;
        for (const auto& item : target->GetArray())
            targets << scalarText(&item);
        sample.target = targets.join(QStringLiteral(", "));
    } else {
        sample.target = scalarText(target);
    }
    if (const JsonValue* metadata = member(summary, "metadata"); metadata && metadata->IsObject())
        sample.metadataJson = toJson(*metadata);
    sample.scores = scoresOf(member(summary, "scores"), options);
    sample.usage = usageByModel(member(summary, "model_usage"));
    sample.totalTime = numberOf(member(summary, "total_time"));
    sample.workingTime = numberOf(member(summary, "working_time"));
    sample.startedAt = stringOf(member(summary, "started_at"));
    sample.completedAt = stringOf(member(summary, "completed_at"));
    sample.uuid = stringOf(member(summary, "uuid"));
    const JsonValue* error = member(summary, "error");
    sample.error = error && error->IsObject() ? stringOf(member(*error, "message")) : stringOf(error);
    const JsonValue* limit = member(summary, "limit");
    if (limit && limit->IsObject()) {
        sample.limitType = stringOf(member(*limit, "type"));
        sample.limitValue = numberOf(member(*limit, "limit"));
    } else {
        sample.limitType = stringOf(limit);
    }
    sample.messageCount = int(integerOf(member(summary, "message_count"), -1));
    classifySample(sample, options);
    return sample;
}
