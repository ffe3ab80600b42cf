// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "filteroptions.h"
#include "storeoption.h"
#include "table.h"

#include "analysis/pairedcomparison.h"
#include "analysis/taskstatistics.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSet>
#include <QTextStream>
#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("stats", text);
}

bool machineOutput(const QCommandLineParser& parser)
{
    return parser.isSet(QStringLiteral("json")) || parser.isSet(QStringLiteral("csv"));
}

/// The columns of one estimate: NAME, NAME_low, NAME_high.
void addEstimateColumns(Table& table, const QString& name)
{
    table.addColumn(name, true, 4);
    table.addColumn(name + QStringLiteral("_low"), true, 4);
    table.addColumn(name + QStringLiteral("_high"), true, 4);
}

QStringList estimateCells(const Estimate& estimate)
{
    return { Table::number(estimate.value), Table::number(estimate.interval.low),
        Table::number(estimate.interval.high) };
}

/// Under a table a person reads: each column's definition, once for each different one.
void printDefinitions(QTextStream& out, const QList<std::pair<QString, QString>>& definitions)
{
    QSet<QString> printed;
    out << '\n';
    for (const auto& [column, definition] : definitions) {
        const QString line = column + QStringLiteral(": ") + definition;
        if (!printed.contains(line)) {
            printed.insert(line);
            out << line << '\n';
        }
    }
}

/// The mean over tasks of a task's cost (the mean of its epochs), over the tasks with a price.
Estimate meanCost(const std::vector<TaskOutcome>& tasks)
{
    std::vector<double> costs;
    for (const TaskOutcome& task : tasks) {
        if (!std::isnan(task.cost))
            costs.push_back(task.cost);
    }
    return meanOverTasks(costs, tr("mean over priced tasks of the mean cost of an epoch, USD"));
}

int printGrouped(
    const QCommandLineParser& parser, const std::vector<SampleRow>& samples, QTextStream& out, QTextStream& err)
{
    const QString by
        = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by")) : QStringLiteral("model");
    std::function<QString(const SampleRow&)> group;
    if (by == QLatin1String("tier")) {
        if (std::all_of(samples.begin(), samples.end(), [](const SampleRow& s) { return s.tier.isEmpty(); })) {
            err << tr("no size tiers: these samples are not MirrorCode programs\n");
            return 1;
        }
        group = [](const SampleRow& s) { return s.tier; };
    } else if (by == QLatin1String("task")) {
        group = [](const SampleRow& s) { return s.task; };
    } else if (by != QLatin1String("model")) {
        err << unknownValueMessage(
            tr("--by"), by, { QStringLiteral("model"), QStringLiteral("tier"), QStringLiteral("task") })
            << '\n';
        return unknownValueExit;
    }
    const std::vector<TaskStatistics> statistics = taskStatistics(
        samples, [](const SampleRow& s) { return s.model; }, group);
    const bool machine = machineOutput(parser);
    Table table;
    table.addColumn(QStringLiteral("model"));
    if (group)
        table.addColumn(by);
    for (const char* name : { "tasks", "samples", "unscored", "epochs_min", "epochs_max" })
        table.addColumn(QString::fromLatin1(name), true);
    addEstimateColumns(table, QStringLiteral("pass_at_1"));
    table.addColumn(QStringLiteral("k"), true);
    addEstimateColumns(table, QStringLiteral("pass_at_k"));
    table.addColumn(QStringLiteral("pass_at_k_tasks"), true);
    addEstimateColumns(table, QStringLiteral("any_epoch"));
    addEstimateColumns(table, QStringLiteral("mean_cost_usd"));
    table.addColumn(QStringLiteral("priced_tasks"), true);
    if (machine) {
        for (const char* name :
            { "pass_at_1_definition", "pass_at_k_definition", "any_epoch_definition", "mean_cost_usd_definition" })
            table.addColumn(QString::fromLatin1(name));
    }
    QList<std::pair<QString, QString>> definitions;
    for (const TaskStatistics& entry : statistics) {
        const Estimate cost = meanCost(entry.outcomes);
        QStringList row { entry.key };
        if (group)
            row << entry.group;
        row << QString::number(entry.outcomes.size()) << QString::number(entry.samples)
            << QString::number(entry.unscored) << QString::number(entry.minEpochs) << QString::number(entry.maxEpochs);
        row << estimateCells(entry.passAt1) << QString::number(std::max(1, entry.minEpochs))
            << estimateCells(entry.passAtK) << QString::number(entry.passAtK.tasks) << estimateCells(entry.anyEpoch)
            << estimateCells(cost) << QString::number(cost.tasks);
        if (machine)
            row << entry.passAt1.label() << entry.passAtK.label() << entry.anyEpoch.label() << cost.label();
        table.addRow(row);
        definitions << std::pair(QStringLiteral("pass_at_1"), entry.passAt1.label())
                    << std::pair(QStringLiteral("pass_at_k"), entry.passAtK.label())
                    << std::pair(QStringLiteral("any_epoch"), entry.anyEpoch.label())
                    << std::pair(QStringLiteral("mean_cost_usd"), cost.label());
    }
    table.print(out, parser);
    if (!machine) {
        definitions.prepend({ QStringLiteral("tasks"),
            tr("a task is a (task, sample id) pair; its epochs are repeated attempts and are resampled together") });
        printDefinitions(out, definitions);
    }
    return 0;
}

int printPaired(
    const QCommandLineParser& parser, const std::vector<SampleRow>& samples, QTextStream& out, QTextStream& err)
{
    QStringList models = parser.value(QStringLiteral("paired")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    models << parser.positionalArguments();
    if (models.size() != 2) {
        err << tr("usage: runlens-cli stats --paired MODEL_A MODEL_B\n");
        return 2;
    }
    QStringList known;
    for (const SampleRow& sample : samples) {
        if (!known.contains(sample.model))
            known << sample.model;
    }
    for (const QString& model : models) {
        if (!known.contains(model)) {
            err << unknownValueMessage(tr("model"), model, known) << '\n';
            return unknownValueExit;
        }
    }
    const PairedComparison paired = comparePaired(samples, models[0], models[1]);
    if (paired.tasks == 0) {
        err << tr("%1 and %2 share no scored task: nothing to compare\n").arg(models[0], models[1]);
        return 1;
    }
    const bool machine = machineOutput(parser);
    Table table;
    table.addColumn(QStringLiteral("statistic"));
    table.addColumn(QStringLiteral("model_a"));
    table.addColumn(QStringLiteral("model_b"));
    table.addColumn(QStringLiteral("value"), true, 4, 'g');
    table.addColumn(QStringLiteral("low"), true, 4, 'g');
    table.addColumn(QStringLiteral("high"), true, 4, 'g');
    table.addColumn(QStringLiteral("tasks"), true);
    if (machine)
        table.addColumn(QStringLiteral("definition"));
    QList<std::pair<QString, QString>> definitions;
    auto add = [&](const QString& name, const QStringList& numbers, int tasks, const QString& definition) {
        QStringList row { name, paired.modelA, paired.modelB };
        row << numbers << QString::number(tasks);
        if (machine)
            row << definition;
        table.addRow(row);
        definitions << std::pair(name, definition);
    };
    auto addEstimate = [&](const QString& name, const Estimate& estimate) {
        add(name, estimateCells(estimate), estimate.tasks, estimate.label());
    };
    auto addCount = [&](const QString& name, int count, const QString& definition) {
        add(name, { QString::number(count), QString(), QString() }, paired.tasks, definition);
    };
    addEstimate(QStringLiteral("pass_at_1_a"), paired.passAt1A);
    addEstimate(QStringLiteral("pass_at_1_b"), paired.passAt1B);
    addEstimate(QStringLiteral("pass_at_1_difference"), paired.difference);
    addCount(QStringLiteral("both_solved"), paired.bothSolved, tr("tasks both solved in any epoch"));
    addCount(QStringLiteral("only_a_solved"), paired.onlyASolved, tr("tasks only A solved in any epoch"));
    addCount(QStringLiteral("only_b_solved"), paired.onlyBSolved, tr("tasks only B solved in any epoch"));
    addCount(QStringLiteral("neither_solved"), paired.neitherSolved, tr("tasks neither solved in any epoch"));
    add(QStringLiteral("mcnemar_p"), { Table::number(paired.mcnemarP), QString(), QString() }, paired.tasks,
        paired.mcnemarDefinition);
    addEstimate(QStringLiteral("cost_ratio"), paired.costRatio);
    table.print(out, parser);
    if (!machine)
        printDefinitions(out, definitions);
    return 0;
}
}

int runStatsCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Solve rates over tasks, epochs combined per task: expected pass@1, pass@k and solved in any epoch, each "
           "with a 95% bootstrap interval over tasks and its definition; or, with --paired, two models compared on "
           "the tasks both ran. A task is a (task, sample id) pair. --json and --csv carry full precision and a "
           "definition column. A filter naming a value no sample has is an error (exit 2) that names the close "
           "matches."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("csv"), tr("Write CSV.") });
    parser.addOption({ QStringLiteral("json"), tr("Write JSON.") });
    parser.addOption({ QStringLiteral("by"),
        tr("One row per model (model, the default), per model and size tier (tier), or per model and task (task)."),
        QStringLiteral("model|tier|task") });
    parser.addOption({ QStringLiteral("paired"),
        tr("Compare MODEL_A with MODEL_B (the next argument) on the tasks both ran: the difference in expected "
           "pass@1 with a paired bootstrap interval, an exact McNemar test, the geometric mean cost ratio."),
        QStringLiteral("MODEL_A") });
    parser.addPositionalArgument(QStringLiteral("MODEL_B"), tr("With --paired: the second model."));
    addFilterOptions(parser);
    parser.process(arguments);
    QTextStream err(stderr);
    if (!parser.isSet(QStringLiteral("paired")) && !parser.positionalArguments().isEmpty()) {
        err << tr("runlens-cli stats: unexpected argument %1\n").arg(parser.positionalArguments().first());
        return 2;
    }
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    std::vector<SampleRow> samples;
    if (!selectSamples(store, parser, &samples, err))
        return unknownValueExit;
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("paired")))
        return printPaired(parser, samples, out, err);
    return printGrouped(parser, samples, out, err);
}
