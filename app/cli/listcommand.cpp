// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "storeoption.h"

#include "analysis/solverates.h"
#include "store/store.h"
#include "workflow/transcriptdigest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("list", text);
}

/// A table printed as aligned text, CSV or JSON. Cells hold text; numeric columns are written as JSON numbers.
struct Table {
    QStringList headers;
    QList<QStringList> rows;
    QList<bool> numeric;

    void print(QTextStream& out, const QCommandLineParser& parser) const
    {
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const QStringList& row : rows) {
                QJsonObject object;
                for (qsizetype c = 0; c < headers.size(); ++c) {
                    const QString& cell = row.at(c);
                    if (cell.isEmpty())
                        object.insert(headers.at(c), QJsonValue::Null);
                    else if (numeric.value(c))
                        object.insert(headers.at(c), cell.toDouble());
                    else
                        object.insert(headers.at(c), cell);
                }
                array.append(object);
            }
            out << QJsonDocument(array).toJson(QJsonDocument::Indented);
            return;
        }
        if (parser.isSet(QStringLiteral("csv"))) {
            auto quote = [](QString cell) {
                if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"'))
                    || cell.contains(QLatin1Char('\n')))
                    cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
                return cell;
            };
            QStringList line;
            for (const QString& header : headers)
                line << quote(header);
            out << line.join(QLatin1Char(',')) << '\n';
            for (const QStringList& row : rows) {
                line.clear();
                for (const QString& cell : row)
                    line << quote(cell);
                out << line.join(QLatin1Char(',')) << '\n';
            }
            return;
        }
        QList<qsizetype> widths;
        for (qsizetype c = 0; c < headers.size(); ++c) {
            qsizetype width = headers.at(c).size();
            for (const QStringList& row : rows)
                width = std::max(width, row.at(c).size());
            widths << std::min<qsizetype>(width, 60);
        }
        auto printRow = [&](const QStringList& row) {
            QString line;
            for (qsizetype c = 0; c < row.size(); ++c) {
                const QString cell = row.at(c).left(60);
                line += numeric.value(c) ? cell.rightJustified(widths.at(c)) : cell.leftJustified(widths.at(c));
                line += QStringLiteral("  ");
            }
            while (line.endsWith(QLatin1Char(' ')))
                line.chop(1);
            out << line << '\n';
        };
        printRow(headers);
        for (const QStringList& row : rows)
            printRow(row);
    }
};

QString number(double value, int decimals = 3)
{
    return std::isnan(value) ? QString() : QString::number(value, 'f', decimals);
}

bool parse(QCommandLineParser& parser, const QStringList& arguments, const QString& description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("csv"), tr("Write CSV.") });
    parser.addOption({ QStringLiteral("json"), tr("Write JSON.") });
    parser.process(arguments);
    return true;
}
}

int runRunsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parse(parser, arguments,
        tr("Lists the imported runs. 'accuracy' is computed from the samples (epochs averaged, unscored samples "
           "left out); 'header_accuracy' is what the log's header reports; 'mismatch' flags a disagreement."));
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    Table table;
    table.headers = { QStringLiteral("id"), QStringLiteral("task"), QStringLiteral("model"), QStringLiteral("status"),
        QStringLiteral("samples"), QStringLiteral("solved"), QStringLiteral("accuracy"),
        QStringLiteral("header_accuracy"), QStringLiteral("mismatch"), QStringLiteral("created"),
        QStringLiteral("file") };
    table.numeric = { true, false, false, false, true, true, true, true, false, false, false };
    for (const RunRow& run : store.runs()) {
        QString header = run.hasHeaderAccuracy
            ? (std::isnan(run.headerAccuracy) ? QStringLiteral("NaN") : number(run.headerAccuracy))
            : QString();
        table.rows << QStringList { QString::number(run.id), run.task, run.model, run.status,
            QString::number(run.samples), QString::number(run.solvedSamples), number(run.accuracy), header,
            accuracyMismatch(run) ? QStringLiteral("MISMATCH") : QString(), run.created, run.path };
    }
    if (parser.isSet(QStringLiteral("json"))) {
        // NaN is not JSON: an unscored header accuracy is written as null.
        for (QStringList& row : table.rows) {
            if (row[7] == QLatin1String("NaN"))
                row[7].clear();
        }
    }
    QTextStream out(stdout);
    table.print(out, parser);
    return 0;
}

int runSamplesCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("run"), tr("Only the samples of this run id."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("digest"),
        tr("Instead of the table: each sample's counts and checksums of its row, events, messages and pass curve "
           "(attachments replaced), to compare two imports of the same logs.") });
    parse(parser, arguments, tr("Lists the imported samples."));
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    if (parser.isSet(QStringLiteral("digest"))) {
        QTextStream out(stdout);
        for (const SampleRow& sample : store.samples(parser.value(QStringLiteral("run")).toLongLong())) {
            out << sample.sampleId << QLatin1Char(' ') << sample.epoch << QLatin1Char(' ')
                << TranscriptDigest::of(store, sample).line() << QLatin1Char('\n');
        }
        return 0;
    }
    Table table;
    table.headers = { QStringLiteral("id"), QStringLiteral("run"), QStringLiteral("model"), QStringLiteral("sample"),
        QStringLiteral("epoch"), QStringLiteral("program"), QStringLiteral("tier"), QStringLiteral("language"),
        QStringLiteral("score"), QStringLiteral("solved"), QStringLiteral("events"), QStringLiteral("input_tokens"),
        QStringLiteral("output_tokens"), QStringLiteral("total_time"), QStringLiteral("limit"),
        QStringLiteral("error") };
    table.numeric
        = { true, true, false, false, true, false, false, false, true, true, true, true, true, true, false, false };
    for (const SampleRow& sample : store.samples(parser.value(QStringLiteral("run")).toLongLong())) {
        table.rows << QStringList { QString::number(sample.id), QString::number(sample.runId), sample.model,
            sample.sampleId, QString::number(sample.epoch), sample.program, sample.tier, sample.language,
            number(sample.score), sample.solved < 0 ? QString() : QString::number(sample.solved),
            QString::number(sample.events), QString::number(sample.inputTokens), QString::number(sample.outputTokens),
            number(sample.totalTime, 1), sample.limitType, sample.error.left(80).simplified() };
    }
    QTextStream out(stdout);
    table.print(out, parser);
    return 0;
}
