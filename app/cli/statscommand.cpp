// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "filteroptions.h"
#include "storeoption.h"
#include "table.h"

#include "analysis/anatomystatistics.h"
#include "analysis/pairedcomparison.h"
#include "analysis/taskstatistics.h"
#include "inspect/mirrorcodetargets.h"
#include "store/store.h"
#include "workflow/anatomysummaries.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
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

/// What --by groups the rows by beyond the model: `by` its name, `group` the key (none for the model alone). 0, or
/// the exit code of a --by that names nothing the samples have.
int groupOf(const QCommandLineParser& parser, const std::vector<SampleRow>& samples, QTextStream& err, QString* by,
    std::function<QString(const SampleRow&)>* group)
{
    *by = parser.isSet(QStringLiteral("by")) ? parser.value(QStringLiteral("by")) : QStringLiteral("model");
    if (*by == QLatin1String("tier")) {
        if (std::all_of(samples.begin(), samples.end(), [](const SampleRow& s) { return s.tier.isEmpty(); })) {
            err << tr("no size tiers: these samples are not MirrorCode programs\n");
            return 1;
        }
        *group = [](const SampleRow& s) { return s.tier; };
    } else if (*by == QLatin1String("task")) {
        *group = [](const SampleRow& s) { return s.task; };
    } else if (*by != QLatin1String("model")) {
        err << unknownValueMessage(
            tr("--by"), *by, { QStringLiteral("model"), QStringLiteral("tier"), QStringLiteral("task") })
            << '\n';
        return unknownValueExit;
    }
    return 0;
}

/// Groups by model and tier in the models' first-seen order, each model's tiers small to large (S, M, L) rather than
/// as the samples first showed them.
template <typename Group> void orderTiers(std::vector<Group>& groups)
{
    QStringList models;
    for (const Group& entry : groups) {
        if (!models.contains(entry.key))
            models << entry.key;
    }
    std::stable_sort(groups.begin(), groups.end(), [&models](const Group& a, const Group& b) {
        const qsizetype modelA = models.indexOf(a.key), modelB = models.indexOf(b.key);
        return modelA != modelB ? modelA < modelB : tierRank(a.group) < tierRank(b.group);
    });
}

int printGrouped(
    const QCommandLineParser& parser, const std::vector<SampleRow>& samples, QTextStream& out, QTextStream& err)
{
    QString by;
    std::function<QString(const SampleRow&)> group;
    if (const int exit = groupOf(parser, samples, err, &by, &group))
        return exit;
    std::vector<TaskStatistics> statistics = taskStatistics(
        samples, [](const SampleRow& s) { return s.model; }, group);
    if (by == QLatin1String("tier"))
        orderTiers(statistics);
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
        const Estimate atK = entry.passAtK();
        const Estimate inAnyEpoch = entry.anyEpoch();
        QStringList row { entry.key };
        if (group)
            row << entry.group;
        row << QString::number(entry.outcomes.size()) << QString::number(entry.samples)
            << QString::number(entry.unscored) << QString::number(entry.minEpochs) << QString::number(entry.maxEpochs);
        row << estimateCells(entry.passAt1) << QString::number(std::max(1, entry.minEpochs)) << estimateCells(atK)
            << QString::number(atK.tasks) << estimateCells(inAnyEpoch) << estimateCells(cost)
            << QString::number(cost.tasks);
        if (machine)
            row << entry.passAt1.label() << atK.label() << inAnyEpoch.label() << cost.label();
        table.addRow(row);
        definitions << std::pair(QStringLiteral("pass_at_1"), entry.passAt1.label())
                    << std::pair(QStringLiteral("pass_at_k"), atK.label())
                    << std::pair(QStringLiteral("any_epoch"), inAnyEpoch.label())
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

int printAnatomy(const QCommandLineParser& parser, Store& store, const std::vector<SampleRow>& samples,
    QTextStream& out, QTextStream& err)
{
    QString by;
    std::function<QString(const SampleRow&)> group;
    if (const int exit = groupOf(parser, samples, err, &by, &group))
        return exit;
    AnatomySummaries reader(store, PriceTable::standard());
    // The first ask reads every transcript (about a second for a run of 300,000 events): a line on stderr every five
    // seconds says how far it is.
    QElapsedTimer clock;
    clock.start();
    qint64 said = 0;
    const std::optional<std::vector<AnatomySummary>> summaries = reader.of(
        samples, [&](int done, int total, int computed) {
            if (computed > 0 && clock.elapsed() - said >= 5000) {
                said = clock.elapsed();
                err << tr("reading the anatomy of the samples from their transcripts: %1 of %2\n").arg(done).arg(total);
                err.flush();
            }
            return true;
        });
    if (!summaries) {
        err << tr("runlens-cli stats: %1\n").arg(reader.errorString());
        return 1;
    }
    if (reader.computed() > 0) {
        err << (store.isReadOnly() ? tr("read the anatomy of %1 samples from their transcripts (the store is "
                                        "read-only: they are read again next time)\n")
                                   : tr("read the anatomy of %1 samples from their transcripts and kept it in the "
                                        "store for the next time\n"))
                   .arg(reader.computed());
    }
    std::vector<AnatomyGroup> groups = AnatomyStatistics::groups(
        samples, *summaries, [](const SampleRow& s) { return s.model; }, group);
    if (by == QLatin1String("tier"))
        orderTiers(groups);
    using Figure = AnatomyStatistics::Figure;
    const bool machine = machineOutput(parser);
    QStringList activities;
    for (const AnatomyGroup& entry : groups) {
        for (const ActivityShare& share : entry.activities) {
            if (!activities.contains(share.name))
                activities << share.name;
        }
    }
    auto activityOf = [](const AnatomyGroup& entry, const QString& name) {
        const auto found = std::find_if(entry.activities.begin(), entry.activities.end(),
            [&](const ActivityShare& share) { return share.name == name; });
        return found == entry.activities.end() ? ActivityShare { name, 0, 0, 0 } : *found;
    };
    // Each column and the figure it is; a column with no figure (a sum beside its share) shares the share's.
    const QList<std::pair<QString, Figure>> figures { { QStringLiteral("samples"), Figure::Samples },
        { QStringLiteral("after_gain_cost_usd"), Figure::CostAfterLastGain },
        { QStringLiteral("after_gain_cost_share"), Figure::CostShareAfterLastGain },
        { QStringLiteral("after_gain_time_s"), Figure::TimeAfterLastGain },
        { QStringLiteral("after_gain_time_share"), Figure::TimeShareAfterLastGain },
        { QStringLiteral("plateau_time_s_per_run"), Figure::PlateauTimePerRun },
        { QStringLiteral("plateau_time_share"), Figure::PlateauTimeShare },
        { QStringLiteral("regressions"), Figure::Regressions },
        { QStringLiteral("regressions_per_run"), Figure::RegressionsPerRun },
        { QStringLiteral("compactions"), Figure::Compactions },
        { QStringLiteral("compactions_per_run"), Figure::CompactionsPerRun },
        { QStringLiteral("activity_cost_usd"), Figure::ActivityCost },
        { QStringLiteral("activity_cost_share"), Figure::ActivityCostShare } };
    Table table;
    table.addColumn(QStringLiteral("model"));
    if (group)
        table.addColumn(by);
    table.addColumn(QStringLiteral("samples"), true);
    table.addColumn(QStringLiteral("scored"), true);
    table.addColumn(QStringLiteral("cost_usd"), true, 2);
    table.addColumn(QStringLiteral("after_gain_cost_usd"), true, 2);
    table.addColumn(QStringLiteral("after_gain_cost_share"), true, 3);
    table.addColumn(QStringLiteral("working_time_s"), true, 0);
    table.addColumn(QStringLiteral("after_gain_time_s"), true, 0);
    table.addColumn(QStringLiteral("after_gain_time_share"), true, 3);
    table.addColumn(QStringLiteral("plateau_time_s_per_run"), true, 0);
    table.addColumn(QStringLiteral("plateau_time_share"), true, 3);
    table.addColumn(QStringLiteral("regressions"), true);
    table.addColumn(QStringLiteral("regressions_per_run"), true, 2);
    table.addColumn(QStringLiteral("compactions"), true);
    table.addColumn(QStringLiteral("compactions_per_run"), true, 2);
    table.addColumn(QStringLiteral("unpriced_calls"), true);
    if (machine) {
        // The cost of each activity, as columns: one table for CSV; in text, a table of its own below.
        for (const QString& activity : activities) {
            table.addColumn(activity + QStringLiteral("_cost_usd"), true);
            table.addColumn(activity + QStringLiteral("_cost_share"), true);
        }
        for (const auto& [column, figure] : figures)
            table.addColumn(column + QStringLiteral("_definition"));
    }
    Table perActivity;
    perActivity.addColumn(QStringLiteral("model"));
    if (group)
        perActivity.addColumn(by);
    perActivity.addColumn(QStringLiteral("activity"));
    perActivity.addColumn(QStringLiteral("turns"), true);
    perActivity.addColumn(QStringLiteral("working_time_s"), true, 0);
    perActivity.addColumn(QStringLiteral("activity_cost_usd"), true, 2);
    perActivity.addColumn(QStringLiteral("activity_cost_share"), true, 3);
    for (const AnatomyGroup& entry : groups) {
        QStringList keys { entry.key };
        if (group)
            keys << entry.group;
        QStringList row = keys;
        row << QString::number(entry.samples) << QString::number(entry.scored) << Table::number(entry.cost)
            << Table::number(entry.costAfterLastGain) << Table::number(entry.costShareAfterLastGain())
            << Table::number(entry.workingTime) << Table::number(entry.workingTimeAfterLastGain)
            << Table::number(entry.timeShareAfterLastGain()) << Table::number(entry.plateauTimePerRun())
            << Table::number(entry.plateauTimeShare()) << QString::number(entry.regressions)
            << Table::number(entry.regressionsPerRun()) << QString::number(entry.compactions)
            << Table::number(entry.compactionsPerRun()) << QString::number(entry.unpricedCalls);
        for (const QString& activity : activities) {
            const ActivityShare share = activityOf(entry, activity);
            if (machine)
                row << Table::number(share.cost) << Table::number(entry.costShare(share));
            perActivity.addRow(QStringList(keys)
                << activity << QString::number(share.turns) << Table::number(share.workingTime)
                << Table::number(share.cost) << Table::number(entry.costShare(share)));
        }
        if (machine) {
            for (const auto& [column, figure] : figures)
                row << AnatomyStatistics::definition(figure);
        }
        table.addRow(row);
    }
    table.print(out, parser);
    if (!machine) {
        out << '\n';
        perActivity.print(out, parser);
        QList<std::pair<QString, QString>> definitions;
        for (const auto& [column, figure] : figures)
            definitions << std::pair(column, AnatomyStatistics::definition(figure));
        definitions << std::pair(QStringLiteral("cost_usd, working_time_s"),
            tr("summed over every sample of the group; dollars of priced calls only (unpriced_calls left out)"));
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
    parser.addOption({ QStringLiteral("anatomy"),
        tr("The run anatomy across runs, per model (or --by tier or task): the share of dollars and working time spent "
           "after the last gain, plateau time, regressions and compactions per run, the cost of each activity. Every "
           "epoch is a sample of its own; shares are pooled over samples. A sample's anatomy is read from its "
           "transcript once and kept in the store.") });
    parser.addPositionalArgument(QStringLiteral("MODEL_B"), tr("With --paired: the second model."));
    addFilterOptions(parser);
    parser.process(arguments);
    QTextStream err(stderr);
    if (parser.isSet(QStringLiteral("paired")) && parser.isSet(QStringLiteral("anatomy"))) {
        err << tr("runlens-cli stats: --anatomy and --paired cannot be combined\n");
        return 2;
    }
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
    if (parser.isSet(QStringLiteral("anatomy")))
        return printAnatomy(parser, store, samples, out, err);
    if (parser.isSet(QStringLiteral("paired")))
        return printPaired(parser, samples, out, err);
    return printGrouped(parser, samples, out, err);
}
