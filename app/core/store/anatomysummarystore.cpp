// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomysummarystore.h"

#include "sqlitedb.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QByteArray toJson(const AnatomySummary& summary)
{
    QJsonArray activities;
    for (const ActivityShare& share : summary.activities)
        activities.append(QJsonArray { share.name, share.turns, share.workingTime, share.cost });
    QJsonArray undoEdits, growth, diffLines;
    for (const qint64 lines : summary.regressionDiffLines)
        diffLines.append(lines);
    for (const UndoEdit& undo : summary.undoEdits)
        undoEdits.append(QJsonArray { undo.step, undo.undoesStep, undo.path, undo.restores });
    for (const CodeSize& size : summary.codeGrowth)
        growth.append(QJsonArray { size.step, size.lines });
    const QJsonObject object { { QStringLiteral("scored"), summary.scored },
        { QStringLiteral("working_time_s"), summary.workingTime }, { QStringLiteral("cost_usd"), summary.cost },
        { QStringLiteral("unpriced_calls"), summary.unpricedCalls },
        { QStringLiteral("steps_after_last_gain"), summary.stepsAfterLastGain },
        { QStringLiteral("working_time_after_last_gain_s"), summary.workingTimeAfterLastGain },
        { QStringLiteral("cost_after_last_gain_usd"), summary.costAfterLastGain },
        { QStringLiteral("plateaus"), summary.plateaus }, { QStringLiteral("plateau_time_s"), summary.plateauTime },
        { QStringLiteral("regressions"), summary.regressions }, { QStringLiteral("compactions"), summary.compactions },
        { QStringLiteral("activities"), activities }, { QStringLiteral("undo_edits"), undoEdits },
        { QStringLiteral("code_growth"), growth }, { QStringLiteral("uncertain_edits"), summary.uncertainEdits },
        { QStringLiteral("regression_diff_lines"), diffLines } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<AnatomySummary> fromJson(qint64 sampleId, const QByteArray& json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    AnatomySummary summary;
    summary.sampleId = sampleId;
    summary.scored = object.value(QLatin1String("scored")).toBool();
    summary.workingTime = object.value(QLatin1String("working_time_s")).toDouble();
    summary.cost = object.value(QLatin1String("cost_usd")).toDouble();
    summary.unpricedCalls = object.value(QLatin1String("unpriced_calls")).toInt();
    summary.stepsAfterLastGain = object.value(QLatin1String("steps_after_last_gain")).toInt();
    summary.workingTimeAfterLastGain = object.value(QLatin1String("working_time_after_last_gain_s")).toDouble();
    summary.costAfterLastGain = object.value(QLatin1String("cost_after_last_gain_usd")).toDouble();
    summary.plateaus = object.value(QLatin1String("plateaus")).toInt();
    summary.plateauTime = object.value(QLatin1String("plateau_time_s")).toDouble();
    summary.regressions = object.value(QLatin1String("regressions")).toInt();
    summary.compactions = object.value(QLatin1String("compactions")).toInt();
    const QJsonArray activities = object.value(QLatin1String("activities")).toArray();
    for (const QJsonValue& value : activities) {
        const QJsonArray share = value.toArray();
        summary.activities.push_back(
            { share.at(0).toString(), share.at(1).toInt(), share.at(2).toDouble(), share.at(3).toDouble() });
    }
    for (const QJsonValue& value : object.value(QLatin1String("undo_edits")).toArray()) {
        const QJsonArray undo = value.toArray();
        summary.undoEdits.push_back(
            { undo.at(0).toInt(), undo.at(1).toInt(), undo.at(2).toString(), undo.at(3).toBool() });
    }
    for (const QJsonValue& value : object.value(QLatin1String("code_growth")).toArray()) {
        const QJsonArray size = value.toArray();
        summary.codeGrowth.push_back({ size.at(0).toInt(), size.at(1).toInteger() });
    }
    summary.uncertainEdits = object.value(QLatin1String("uncertain_edits")).toInt();
    for (const QJsonValue& value : object.value(QLatin1String("regression_diff_lines")).toArray())
        summary.regressionDiffLines.push_back(value.toInteger());
    return summary;
}
}

AnatomySummaryStore::AnatomySummaryStore(SqliteDb& db)
    : m_db(db)
{
}

std::optional<AnatomySummary> AnatomySummaryStore::summary(qint64 sampleId, int version, const QString& basis)
{
    SqliteStatement query(
        m_db, "SELECT summary FROM anatomy_summaries WHERE sample_id = ? AND version = ? AND basis = ?");
    query.bind(1, sampleId);
    query.bind(2, version);
    query.bind(3, basis);
    if (!query.step())
        return std::nullopt;
    return fromJson(sampleId, query.bytes(0));
}

bool AnatomySummaryStore::save(const AnatomySummary& summary, int version, const QString& basis)
{
    SqliteStatement insert(
        m_db, "INSERT OR REPLACE INTO anatomy_summaries (sample_id, version, basis, summary) VALUES (?,?,?,?)");
    insert.bind(1, summary.sampleId);
    insert.bind(2, version);
    insert.bind(3, basis);
    insert.bind(4, toJson(summary));
    return insert.exec();
}
