// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "filteroptions.h"
#include "storeoption.h"
#include "table.h"

#include "analysis/pricetable.h"
#include "analysis/solverates.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "workflow/transcriptdigest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QTextStream>
#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("list", text);
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

/// Sums and means of a run's samples.
struct RunTotals {
    double cost = 0; ///< NaN as soon as one sample has no price
    double workingTime = 0;
    double totalTime = 0;
    double visible = 0;
    int visibleCount = 0;
    double heldOut = 0;
    int heldOutCount = 0;

    void add(const SampleRow& sample)
    {
        cost += sample.totalCost;
        workingTime += std::isnan(sample.workingTime) ? 0 : sample.workingTime;
        totalTime += std::isnan(sample.totalTime) ? 0 : sample.totalTime;
        if (!std::isnan(sample.visiblePass)) {
            visible += sample.visiblePass;
            ++visibleCount;
        }
        if (!std::isnan(sample.heldOutPass)) {
            heldOut += sample.heldOutPass;
            ++heldOutCount;
        }
    }
};

QString integer(qint64 value)
{
    return QString::number(value);
}

/// Input tokens at the full rate: the total without cache reads and writes.
qint64 uncachedInput(qint64 input, qint64 cacheRead, qint64 cacheWrite)
{
    return input - cacheRead - cacheWrite;
}
}

int runRunsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parse(parser, arguments,
        tr("Lists the imported runs. 'accuracy' is computed from the samples (the first score of each, epochs "
           "averaged per sample, then the mean over samples; unscored samples left out); 'header_accuracy' is the "
           "header's accuracy of the same score ('header_metric': scorer/metric, or the dict key of a dict score); "
           "'mismatch' flags a disagreement of the two. Tokens as the header reports them; 'cost_usd' sums the "
           "samples' costs (empty when one has no price); 'visible_pass' and 'held_out_pass' are means over the "
           "samples that report them; times are sums over samples. --json and --csv carry full precision."));
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    std::vector<SampleRow> samples = store.samples();
    analyseSamples(samples, store.usage(), PriceTable::standard());
    QHash<qint64, RunTotals> totals;
    for (const SampleRow& sample : samples)
        totals[sample.runId].add(sample);
    Table table;
    for (const char* name : { "id", "task", "model", "status" })
        table.addColumn(QString::fromLatin1(name), QLatin1String(name) == QLatin1String("id"));
    table.addColumn(QStringLiteral("samples"), true);
    table.addColumn(QStringLiteral("solved"), true);
    table.addColumn(QStringLiteral("accuracy"), true, 3);
    table.addColumn(QStringLiteral("header_accuracy"), true, 3);
    table.addColumn(QStringLiteral("header_metric"));
    table.addColumn(QStringLiteral("mismatch"));
    table.addColumn(QStringLiteral("cost_usd"), true, 4);
    for (const char* name :
        { "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens" })
        table.addColumn(QString::fromLatin1(name), true);
    table.addColumn(QStringLiteral("visible_pass"), true, 3);
    table.addColumn(QStringLiteral("held_out_pass"), true, 3);
    table.addColumn(QStringLiteral("working_time_s"), true, 1);
    table.addColumn(QStringLiteral("total_time_s"), true, 1);
    table.addColumn(QStringLiteral("created"));
    table.addColumn(QStringLiteral("file"));
    const bool json = parser.isSet(QStringLiteral("json"));
    for (const RunRow& run : store.runs()) {
        // NaN is not JSON: an unscored header accuracy is null there, NaN elsewhere.
        const QString header = run.hasHeaderAccuracy
            ? (std::isnan(run.headerAccuracy) ? (json ? QString() : QStringLiteral("NaN"))
                                              : Table::number(run.headerAccuracy))
            : QString();
        const RunTotals sums = totals.value(run.id);
        table.addRow({ integer(run.id), run.task, run.model, run.status, integer(run.samples),
            integer(run.solvedSamples), Table::number(run.accuracy), header, run.headerMetric,
            accuracyMismatch(run) ? QStringLiteral("MISMATCH") : QString(),
            Table::number(run.samples ? sums.cost : notANumber),
            integer(uncachedInput(run.inputTokens, run.cacheReadTokens, run.cacheWriteTokens)),
            integer(run.outputTokens), integer(run.cacheReadTokens), integer(run.cacheWriteTokens),
            integer(run.reasoningTokens),
            Table::number(sums.visibleCount ? sums.visible / sums.visibleCount : notANumber),
            Table::number(sums.heldOutCount ? sums.heldOut / sums.heldOutCount : notANumber),
            Table::number(sums.workingTime), Table::number(sums.totalTime), run.created, run.path });
    }
    QTextStream out(stdout);
    table.print(out, parser);
    return 0;
}

int runSamplesCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    addFilterOptions(parser);
    parser.addOption({ QStringLiteral("digest"),
        tr("Instead of the table: each sample's counts and checksums of its row, events, messages and pass curve "
           "(attachments replaced), to compare two imports of the same logs.") });
    parse(parser, arguments,
        tr("Lists the imported samples: 'id' is the store's row (what 'rerun' takes), 'sample' and 'epoch' the "
           "sample's own id and epoch in its log. Tokens summed over the models a sample used; 'input_tokens' "
           "without cache reads and writes. 'cost_usd' from the log's total_cost or tokens x prices (empty: no "
           "price). 'visible_pass' and 'held_out_pass' are the shares of tests passed the score reports. --json and "
           "--csv carry full precision. A filter naming a value no sample has is an error (exit 2) that names the "
           "close matches."));
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    QTextStream err(stderr);
    std::vector<SampleRow> samples;
    if (!selectSamples(store, parser, &samples, err))
        return unknownValueExit;
    if (parser.isSet(QStringLiteral("digest"))) {
        if (!samples.empty() && !store.transcript(samples.front().id)) {
            err << store.errorString() << '\n';
            return 1;
        }
        QTextStream out(stdout);
        for (const SampleRow& sample : samples) {
            out << sample.sampleId << QLatin1Char(' ') << sample.epoch << QLatin1Char(' ')
                << TranscriptDigest::of(store, sample).line() << QLatin1Char('\n');
        }
        return 0;
    }
    Table table;
    table.addColumn(QStringLiteral("id"), true);
    table.addColumn(QStringLiteral("run"), true);
    table.addColumn(QStringLiteral("task"));
    table.addColumn(QStringLiteral("model"));
    table.addColumn(QStringLiteral("sample"));
    table.addColumn(QStringLiteral("epoch"), true);
    table.addColumn(QStringLiteral("program"));
    table.addColumn(QStringLiteral("tier"));
    table.addColumn(QStringLiteral("language"));
    table.addColumn(QStringLiteral("score"), true, 3);
    table.addColumn(QStringLiteral("solved"), true);
    table.addColumn(QStringLiteral("cost_usd"), true, 4);
    for (const char* name :
        { "input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens", "events" })
        table.addColumn(QString::fromLatin1(name), true);
    table.addColumn(QStringLiteral("visible_pass"), true, 3);
    table.addColumn(QStringLiteral("held_out_pass"), true, 3);
    table.addColumn(QStringLiteral("working_time_s"), true, 1);
    table.addColumn(QStringLiteral("total_time_s"), true, 1);
    table.addColumn(QStringLiteral("limit"));
    table.addColumn(QStringLiteral("error"));
    for (const SampleRow& sample : samples) {
        table.addRow({ integer(sample.id), integer(sample.runId), sample.task, sample.model, sample.sampleId,
            integer(sample.epoch), sample.program, sample.tier, sample.language, Table::number(sample.score),
            sample.solved < 0 ? QString() : integer(sample.solved), Table::number(sample.totalCost),
            integer(uncachedInput(sample.inputTokens, sample.cacheReadTokens, sample.cacheWriteTokens)),
            integer(sample.outputTokens), integer(sample.cacheReadTokens), integer(sample.cacheWriteTokens),
            integer(sample.reasoningTokens), integer(sample.events), Table::number(sample.visiblePass),
            Table::number(sample.heldOutPass), Table::number(sample.workingTime), Table::number(sample.totalTime),
            sample.limitType, sample.error.left(80).simplified() });
    }
    QTextStream out(stdout);
    table.print(out, parser);
    return 0;
}
