// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "plotbuilder.h"

#include "analysis/solverates.h"
#include "analysis/taskstatistics.h"
#include "figurelayout.h"
#include "inspect/mirrorcodetargets.h"
#include "modellook.h"
#include "unitlogticker.h"

#include <QCollator>
#include <QFileInfo>
#include <QSet>
#include <QSvgGenerator>
#include <cmath>
#include <map>
#include <qcustomplot.h>
#include <tuple>

using PlotBuilder::Csv;

namespace {
/// What a plotted point stands for, so hovering and clicking can name and open its sample. The texts are the
/// sample row's own, shared: nothing is built for a point until it is hovered.
struct PointTag {
    double x = 0, y = 0;
    qint64 sample = 0;
    QString model, sampleId;
    int epoch = 0;
};
using PointTags = QList<PointTag>;

/// The points are kept on the plottable as a "samplePoints" property once all are known.
void tagPoint(PointTags& points, double x, double y, const SampleRow& sample)
{
    points.append({ x, y, sample.id, sample.model, sample.sampleId, sample.epoch });
}

/// A number in a CSV: the shortest text that reads back as the same double; empty for none.
QString number(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', QLocale::FloatingPointShortest);
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
QString field(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

QString row(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& f : fields)
        quoted << field(f);
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QStringList modelsOf(const std::vector<SampleRow>& samples)
{
    // Samples come run by run: a model is looked up only where it changes.
    QSet<QString> seen;
    const QString* last = nullptr;
    for (const SampleRow& sample : samples) {
        if (!last || sample.model != *last)
            seen.insert(sample.model);
        last = &sample.model;
    }
    QStringList models(seen.begin(), seen.end());
    models.sort();
    return models;
}

QString shortName(const QString& model)
{
    return model.section(QLatin1Char('/'), -1);
}

/// A solve rate the plots show: expected pass@1 over tasks (a task is a task and sample id; its epochs averaged),
/// with its bootstrap interval over tasks, n the tasks, and its definition to say on the axis and in the CSV.
struct Rate {
    QString key, group;
    int tasks = 0; ///< n
    int epochs = 0; ///< scored epochs of those tasks
    double rate = notANumber;
    Interval interval;
    QString definition;
};

std::vector<Rate> passRates(const std::vector<SampleRow>& samples, const std::function<QString(const SampleRow&)>& key,
    const std::function<QString(const SampleRow&)>& group = {})
{
    std::vector<Rate> rates;
    for (const TaskStatistics& statistics : taskStatistics(samples, key, group)) {
        const Estimate& estimate = statistics.passAt1;
        if (!std::isnan(estimate.value))
            rates.push_back({ statistics.key, statistics.group, estimate.tasks, statistics.samples, estimate.value,
                estimate.interval, estimate.label() });
    }
    return rates;
}

/// What the rates are, short enough for a column's axis (the CSV holds the whole definition), and their n: "n = 25
/// tasks" or "n = 3 to 25 tasks".
QString rateAxisLabel(const std::vector<Rate>& rates)
{
    QString what = QObject::tr("expected pass@1 over tasks; 95% bootstrap interval");
    if (rates.empty())
        return what;
    const auto [fewest, most] = std::minmax_element(
        rates.begin(), rates.end(), [](const Rate& a, const Rate& b) { return a.tasks < b.tasks; });
    const QString n = fewest->tasks == most->tasks
        ? QObject::tr("n = %n task(s)", nullptr, most->tasks)
        : QObject::tr("n = %1 to %2 tasks").arg(fewest->tasks).arg(most->tasks);
    return what + QStringLiteral("; ") + n;
}

/// What one figure is drawn with: the plot, the style and every model's look.
struct Canvas {
    QCustomPlot* plot = nullptr;
    const FigureStyle& style;
    QStringList models; ///< the universe of models whose places give their looks

    ModelLook look(const QString& model) const { return ModelLook::of(model, models, style.theme); }
    double markerSize() const { return style.onScreen ? 8 : std::max(4.0, style.fontPt * 0.85); }
    QColor background() const
    {
        return style.theme == FigureStyle::Theme::Dark ? QColor(30, 30, 32) : QColor(Qt::white);
    }
    QCPGraph* pointGraph(const QString& model, bool filled = true) const
    {
        auto* graph = plot->addGraph();
        graph->setName(shortName(model));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setPen(QPen(look(model).color, 1));
        graph->setScatterStyle(look(model).scatter(markerSize(), filled, background()));
        return graph;
    }
};

/// Several models at one x: each moved aside by its place among them, within `width` of the x.
double dodge(qsizetype index, qsizetype count, double width = 0.6)
{
    return count <= 1 ? 0 : (double(index) - double(count - 1) / 2) * width / double(count);
}

QCPErrorBars* errorBars(
    const Canvas& canvas, QCPGraph* graph, const QVector<double>& minus, const QVector<double>& plus)
{
    auto* errors = new QCPErrorBars(canvas.plot->xAxis, canvas.plot->yAxis);
    errors->removeFromLegend();
    errors->setDataPlottable(graph);
    errors->setData(minus, plus);
    errors->setPen(QPen(graph->pen().color(), 1.2));
    errors->setWhiskerWidth(canvas.markerSize());
    return errors;
}

void logAxis(QCPAxis* axis, const QString& prefix)
{
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<UnitLogTicker>(new UnitLogTicker(prefix)));
}

QStringList tasksOf(const std::vector<SampleRow>& samples)
{
    QStringList tasks;
    for (const SampleRow& sample : samples) {
        if (!tasks.contains(sample.task))
            tasks << sample.task;
    }
    tasks.sort();
    return tasks;
}

/// Solve rate per model with its interval; with several tasks, per task, the models side by side.
QString solveRate(const Canvas& canvas, const std::vector<SampleRow>& samples, Csv table)
{
    QCustomPlot* plot = canvas.plot;
    const QStringList models = modelsOf(samples);
    const QStringList tasks = tasksOf(samples);
    const bool byTask = tasks.size() > 1;
    const std::vector<Rate> rates = byTask
        ? passRates(
            samples, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.task; })
        : passRates(samples, [](const SampleRow& s) { return s.model; });
    QString csv = row({ QStringLiteral("model"), QStringLiteral("tasks"), QStringLiteral("scored_epochs"),
        QStringLiteral("pass_at_1"), QStringLiteral("interval_low"), QStringLiteral("interval_high"),
        QStringLiteral("task"), QStringLiteral("definition") });
    std::map<QString, QStringList> present; // task: its models, sorted
    for (const QString& model : models) {
        for (const Rate& rate : rates) {
            if (rate.key == model)
                present[rate.group] << model;
        }
    }
    QMap<double, QString> ticks;
    if (byTask) {
        for (qsizetype t = 0; t < tasks.size(); ++t)
            ticks.insert(double(t), tasks[t]);
    } else {
        for (qsizetype m = 0; m < models.size(); ++m)
            ticks.insert(double(m), shortName(models[m]));
    }
    for (qsizetype m = 0; m < models.size(); ++m) {
        QCPGraph* graph = canvas.pointGraph(models[m]);
        QVector<double> minus, plus;
        PointTags tags;
        for (const Rate& rate : rates) {
            if (rate.key != models[m])
                continue;
            // At a task, the models that ran it side by side.
            const QStringList& there = present[rate.group];
            const double x = byTask ? double(tasks.indexOf(rate.group)) + dodge(there.indexOf(models[m]), there.size())
                                    : double(m);
            graph->addData(x, rate.rate);
            minus << rate.rate - rate.interval.low;
            plus << rate.interval.high - rate.rate;
            if (table == Csv::Make)
                csv += row({ models[m], QString::number(rate.tasks), QString::number(rate.epochs), number(rate.rate),
                    number(rate.interval.low), number(rate.interval.high), byTask ? rate.group : tasks.value(0),
                    rate.definition });
        }
        errorBars(canvas, graph, minus, plus);
    }
    FigureLayout::setTextTicks(plot->xAxis, ticks);
    plot->xAxis->setRange(-0.6, double(ticks.size()) - 0.4);
    plot->xAxis->setLabel(byTask ? QObject::tr("task") : QObject::tr("model"));
    plot->yAxis->setRange(0, 1.05);
    plot->yAxis->setLabel(rateAxisLabel(rates));
    if (!byTask)
        plot->legend->setVisible(false); // the axis names the models
    return csv;
}

QString tierRates(const Canvas& canvas, const std::vector<SampleRow>& samples, Csv table, QString* missing)
{
    if (std::none_of(samples.begin(), samples.end(), [](const SampleRow& s) { return !s.tier.isEmpty(); })) {
        *missing = QObject::tr("No size tiers: these samples are not MirrorCode programs.");
        return {};
    }
    QCustomPlot* plot = canvas.plot;
    const QStringList models = modelsOf(samples);
    const QStringList tiers = mirrorCodeTiers();
    const std::vector<Rate> rates = passRates(
        samples, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.tier; });
    QString csv = row({ QStringLiteral("model"), QStringLiteral("tier"), QStringLiteral("tasks"),
        QStringLiteral("scored_epochs"), QStringLiteral("pass_at_1"), QStringLiteral("interval_low"),
        QStringLiteral("interval_high"), QStringLiteral("definition") });
    for (qsizetype m = 0; m < models.size(); ++m) {
        QCPGraph* graph = canvas.pointGraph(models[m]);
        QVector<double> minus, plus;
        for (qsizetype t = 0; t < tiers.size(); ++t) {
            const auto rate = std::find_if(
                rates.begin(), rates.end(), [&](const Rate& r) { return r.key == models[m] && r.group == tiers[t]; });
            if (rate == rates.end())
                continue;
            graph->addData(double(t) + dodge(m, models.size()), rate->rate);
            minus << rate->rate - rate->interval.low;
            plus << rate->interval.high - rate->rate;
            if (table == Csv::Make)
                csv += row({ models[m], tiers[t], QString::number(rate->tasks), QString::number(rate->epochs),
                    number(rate->rate), number(rate->interval.low), number(rate->interval.high), rate->definition });
        }
        errorBars(canvas, graph, minus, plus);
    }
    FigureLayout::setTextTicks(
        plot->xAxis, { { 0.0, QObject::tr("small") }, { 1.0, QObject::tr("medium") }, { 2.0, QObject::tr("large") } });
    plot->xAxis->setRange(-0.6, 2.6);
    plot->xAxis->setLabel(QObject::tr("size tier of the program"));
    plot->yAxis->setRange(0, 1.05);
    plot->yAxis->setLabel(rateAxisLabel(rates));
    return csv;
}

QString costCurve(const Canvas& canvas, const std::vector<SampleRow>& samples, Csv table, QString* missing)
{
    QCustomPlot* plot = canvas.plot;
    int unpriced = 0;
    const auto curves = costCurves(samples, &unpriced);
    if (curves.empty()) {
        *missing = QObject::tr("No costs: none of these samples has a price or a cost in its log.");
        return {};
    }
    QString csv = row({ QStringLiteral("model"), QStringLiteral("cumulative_cost_usd"), QStringLiteral("share_solved"),
        QStringLiteral("task"), QStringLiteral("sample"), QStringLiteral("epoch") });
    double low = 1e300, high = 0;
    QHash<qint64, const SampleRow*> byId;
    for (const SampleRow& sample : samples)
        byId.insert(sample.id, &sample);
    for (const QString& model : modelsOf(samples)) {
        const auto curve = std::find_if(curves.begin(), curves.end(), [&](const auto& c) { return c.first == model; });
        if (curve == curves.end())
            continue;
        auto* graph = plot->addGraph();
        graph->setName(shortName(model));
        graph->setPen(QPen(canvas.look(model).color, canvas.style.onScreen ? 1.8 : 1.2));
        graph->setLineStyle(QCPGraph::lsStepLeft);
        QCPScatterStyle marker = canvas.look(model).scatter(canvas.markerSize() * 0.7);
        graph->setScatterStyle(marker);
        graph->setScatterSkip(std::max(0, int(curve->second.size()) / 6)); // a few markers name the model
        PointTags tagged;
        // A log axis has no 0: the curve starts at its first sample's cost, at 0 solved.
        const double start = curve->second.size() > 1 ? curve->second[1].dollars : 1;
        for (const CostPoint& point : curve->second) {
            const SampleRow* sample = byId.value(point.sampleId);
            graph->addData(std::max(point.dollars, start), point.share);
            if (sample)
                tagPoint(tagged, point.dollars, point.share, *sample);
            if (point.dollars > 0) {
                low = std::min(low, point.dollars);
                high = std::max(high, point.dollars);
            }
            if (table == Csv::Make)
                csv += row({ model, number(point.dollars), number(point.share), sample ? sample->task : QString(),
                    sample ? sample->sampleId : QString(), sample ? QString::number(sample->epoch) : QString() });
        }
        graph->setProperty("samplePoints", QVariant::fromValue(tagged));
    }
    logAxis(plot->xAxis, QStringLiteral("$"));
    plot->xAxis->setRange(high > 0 ? low / 1.5 : 0.01, high > 0 ? high * 1.5 : 1);
    plot->xAxis->setLabel(unpriced ? QObject::tr("cumulative cost, USD (log), samples cheapest first (%n sample(s) "
                                                 "without a price left out)",
                              nullptr, unpriced)
                                   : QObject::tr("cumulative cost, USD (log), samples cheapest first"));
    plot->yAxis->setRange(0, 1.02);
    plot->yAxis->setLabel(QObject::tr("share of the model's priced samples solved (epochs counted separately)"));
    return csv;
}

QString programSize(const Canvas& canvas, const std::vector<SampleRow>& samples, Csv table, QString* missing)
{
    // Solve rate of each program against the size of the original (MirrorCode table 3), one series per model.
    QCustomPlot* plot = canvas.plot;
    auto sized = [](const QString& program) {
        const MirrorCodeTarget* target = findMirrorCodeTarget(program);
        return target && target->originalLines > 0 ? target : nullptr;
    };
    if (std::none_of(samples.begin(), samples.end(), [&](const SampleRow& s) { return sized(s.program); })) {
        *missing
            = QObject::tr("No program sizes: these samples are not MirrorCode programs whose original size is known.");
        return {};
    }
    const QStringList models = modelsOf(samples);
    const std::vector<Rate> rates = passRates(
        samples, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.program; });
    QString csv = row(
        { QStringLiteral("model"), QStringLiteral("program"), QStringLiteral("original_lines"), QStringLiteral("tasks"),
            QStringLiteral("scored_epochs"), QStringLiteral("pass_at_1"), QStringLiteral("definition") });
    for (qsizetype m = 0; m < models.size(); ++m) {
        QCPGraph* graph = canvas.pointGraph(models[m]);
        // Models side by side at a program's size: a few per cent apart on the log axis.
        const double aside = std::pow(10.0, dodge(m, models.size(), 0.12));
        for (const Rate& rate : rates) {
            const MirrorCodeTarget* target = rate.key == models[m] ? sized(rate.group) : nullptr;
            if (!target)
                continue;
            graph->addData(target->originalLines * aside, rate.rate);
            if (table == Csv::Make)
                csv += row({ models[m], rate.group, QString::number(target->originalLines), QString::number(rate.tasks),
                    QString::number(rate.epochs), number(rate.rate), rate.definition });
        }
    }
    logAxis(plot->xAxis, {});
    plot->xAxis->setRange(500, 400000);
    plot->xAxis->setLabel(QObject::tr("lines of code of the original program (log)"));
    plot->yAxis->setRange(-0.05, 1.05);
    plot->yAxis->setLabel(rateAxisLabel(rates));
    return csv;
}

/// A stable spread in [-1, 1] for a sample, so its point sits at the same place in every drawing.
double jitter(const SampleRow& sample)
{
    const size_t hash = qHash(sample.task) ^ (qHash(sample.sampleId) * 31U) ^ (size_t(sample.epoch) * 7919U);
    return double(hash % 1000) / 499.5 - 1.0;
}

/// Every sample's value as a point, beside a hollow box (quartiles, whiskers to the extremes) per model, on a log
/// axis; where samples have size tiers, small, medium and large side by side within a model.
QString distribution(const Canvas& canvas, const std::vector<SampleRow>& samples, const QString& column,
    const QString& label, const QString& unit, const std::function<double(const SampleRow&)>& value, Csv table)
{
    QCustomPlot* plot = canvas.plot;
    const QStringList models = modelsOf(samples);
    const bool tiers
        = std::any_of(samples.begin(), samples.end(), [](const SampleRow& s) { return !s.tier.isEmpty(); });
    QString csv = row({ QStringLiteral("model"), QStringLiteral("task"), QStringLiteral("sample"),
        QStringLiteral("epoch"), QStringLiteral("tier"), column });
    QMap<double, QString> ticks;
    double low = 1e300, high = 0;
    for (qsizetype m = 0; m < models.size(); ++m) {
        std::vector<double> values;
        QCPGraph* points = canvas.pointGraph(models[m]);
        points->setScatterStyle(canvas.look(models[m]).scatter(canvas.markerSize() * 0.75));
        PointTags tags;
        for (const SampleRow& sample : samples) {
            const double v = sample.model == models[m] ? value(sample) : notANumber;
            if (std::isnan(v) || v <= 0)
                continue;
            values.push_back(v);
            const double tierOffset = !tiers        ? 0
                : sample.tier == QLatin1String("S") ? -0.25
                : sample.tier == QLatin1String("L") ? 0.25
                                                    : 0;
            const double x = double(m) + tierOffset + jitter(sample) * (tiers ? 0.07 : 0.18);
            points->addData(x, v);
            tagPoint(tags, x, v, sample);
            if (table == Csv::Make)
                csv += row(
                    { models[m], sample.task, sample.sampleId, QString::number(sample.epoch), sample.tier, number(v) });
        }
        points->setProperty("samplePoints", QVariant::fromValue(tags));
        ticks.insert(double(m), shortName(models[m]));
        if (values.empty())
            continue;
        std::sort(values.begin(), values.end());
        auto quantile = [&](double q) { return values[size_t(std::lround(q * double(values.size() - 1)))]; };
        auto* box = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
        box->removeFromLegend();
        box->setPen(QPen(canvas.look(models[m]).color, 0.8));
        box->setBrush(Qt::NoBrush);
        box->setWhiskerPen(QPen(canvas.look(models[m]).color, 0.8, Qt::DashLine));
        box->setWhiskerBarPen(QPen(canvas.look(models[m]).color, 0.8));
        box->setMedianPen(QPen(canvas.look(models[m]).color, 1.6));
        box->setWidth(tiers ? 0.8 : 0.5);
        box->addData(double(m), values.front(), quantile(0.25), quantile(0.5), quantile(0.75), values.back());
        low = std::min(low, values.front());
        high = std::max(high, values.back());
    }
    FigureLayout::setTextTicks(plot->xAxis, ticks);
    plot->xAxis->setRange(-0.6, double(models.size()) - 0.4);
    plot->xAxis->setLabel(tiers ? QObject::tr("model; in each, small, medium and large programs left to right")
                                : QObject::tr("model; a point per sample"));
    logAxis(plot->yAxis, unit);
    plot->yAxis->setRange(high > 0 ? low / 2 : 0.1, high > 0 ? high * 2 : 10);
    plot->yAxis->setLabel(label);
    plot->legend->setVisible(false); // the axis names the models
    return csv;
}

/// Programs by tier, then by the size of the original, so columns of programs climb in difficulty; other tasks
/// in natural order (2 before 10).
void sortBySize(QStringList& programs)
{
    QCollator natural;
    natural.setNumericMode(true);
    auto rank = [](const QString& program) {
        const MirrorCodeTarget* target = findMirrorCodeTarget(program);
        const int tier = !target ? 3 : target->tier == 'S' ? 0 : target->tier == 'M' ? 1 : 2;
        return std::tuple(tier, target ? target->originalLines : 0);
    };
    std::sort(programs.begin(), programs.end(), [&](const QString& a, const QString& b) {
        const auto ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : natural.compare(a, b) < 0;
    });
}

/// Each task on its own column, each model's cost on it side by side (the mean over its epochs, log axis): the
/// paired comparison of models task by task. A filled marker: solved in at least one epoch; hollow: never.
QString costByTask(const Canvas& canvas, const std::vector<SampleRow>& samples, Csv table, QString* missing)
{
    if (std::all_of(samples.begin(), samples.end(), [](const SampleRow& s) { return std::isnan(s.totalCost); })) {
        *missing = QObject::tr("No costs: none of these samples has a price or a cost in its log.");
        return {};
    }
    QCustomPlot* plot = canvas.plot;
    struct Cell {
        double cost = 0;
        int priced = 0, solved = 0, epochs = 0;
        const SampleRow* first = nullptr;
    };
    const QStringList models = modelsOf(samples);
    const bool severalTasks = tasksOf(samples).size() > 1;
    auto taskName = [&](const SampleRow& s) {
        if (!s.program.isEmpty())
            return s.program;
        return severalTasks ? s.task + QLatin1Char('/') + s.sampleId : s.sampleId;
    };
    std::map<std::pair<QString, QString>, Cell> cells; // (task, model)
    for (const SampleRow& sample : samples) {
        Cell& cell = cells[{ taskName(sample), sample.model }];
        ++cell.epochs;
        cell.solved += sample.solved == 1;
        if (!std::isnan(sample.totalCost)) {
            cell.cost += sample.totalCost;
            ++cell.priced;
        }
        if (!cell.first)
            cell.first = &sample;
    }
    QStringList programs;
    for (const auto& [key, cell] : cells) {
        if (!programs.contains(key.first))
            programs << key.first;
    }
    sortBySize(programs);
    QMap<double, QString> ticks;
    for (qsizetype i = 0; i < programs.size(); ++i)
        ticks.insert(double(i), programs[i]);
    QString csv = row({ QStringLiteral("task"), QStringLiteral("model"), QStringLiteral("mean_cost_usd"),
        QStringLiteral("priced_epochs"), QStringLiteral("solved_epochs"), QStringLiteral("epochs") });
    double low = 1e300, high = 0;
    for (qsizetype m = 0; m < models.size(); ++m) {
        QCPGraph* solved = canvas.pointGraph(models[m]);
        QCPGraph* unsolved = canvas.pointGraph(models[m], false);
        unsolved->removeFromLegend();
        PointTags solvedTags, unsolvedTags;
        const double offset = dodge(m, models.size(), 0.7); // side by side within a column
        for (qsizetype i = 0; i < programs.size(); ++i) {
            const auto found = cells.find({ programs[i], models[m] });
            if (found == cells.end())
                continue;
            const Cell& cell = found->second;
            const double mean = cell.priced ? cell.cost / cell.priced : notANumber;
            if (table == Csv::Make)
                csv += row({ programs[i], models[m], number(mean), QString::number(cell.priced),
                    QString::number(cell.solved), QString::number(cell.epochs) });
            if (!cell.priced || mean <= 0)
                continue;
            (cell.solved ? solved : unsolved)->addData(double(i) + offset, mean);
            tagPoint(cell.solved ? solvedTags : unsolvedTags, double(i) + offset, mean, *cell.first);
            low = std::min(low, mean);
            high = std::max(high, mean);
        }
        solved->setProperty("samplePoints", QVariant::fromValue(solvedTags));
        unsolved->setProperty("samplePoints", QVariant::fromValue(unsolvedTags));
    }
    FigureLayout::setTextTicks(plot->xAxis, ticks);
    plot->xAxis->setRange(-0.6, double(programs.size()) - 0.4);
    plot->xAxis->setLabel(QObject::tr("task, small to large (filled: solved in an epoch; hollow: never solved)"));
    logAxis(plot->yAxis, QStringLiteral("$"));
    plot->yAxis->setRange(high > 0 ? low / 1.5 : 0.01, high > 0 ? high * 1.5 : 1);
    plot->yAxis->setLabel(QObject::tr("mean cost of a sample over its epochs, USD (log)"));
    return csv;
}

/// A model's mean cost of a sample against its solve rate, with the Pareto frontier over the models (no other
/// model is both cheaper and solves more); per size tier when the style asks.
QString pareto(const Canvas& canvas, const std::vector<SampleRow>& samples, Csv table, QString* missing)
{
    if (std::all_of(samples.begin(), samples.end(), [](const SampleRow& s) { return std::isnan(s.totalCost); })) {
        *missing = QObject::tr("No costs: none of these samples has a price or a cost in its log.");
        return {};
    }
    const bool perTier = canvas.style.perTier;
    if (perTier && std::none_of(samples.begin(), samples.end(), [](const SampleRow& s) { return !s.tier.isEmpty(); })) {
        *missing = QObject::tr("No size tiers: these samples are not MirrorCode programs.");
        return {};
    }
    QCustomPlot* plot = canvas.plot;
    const QStringList models = modelsOf(samples);
    const QStringList groups = perTier ? mirrorCodeTiers() : QStringList { QString() };
    const std::vector<Rate> rates = passRates(
        samples, [](const SampleRow& s) { return s.model; },
        [perTier](const SampleRow& s) { return perTier ? s.tier : QString(); });
    QString csv = row({ QStringLiteral("model"), QStringLiteral("tier"), QStringLiteral("mean_cost_usd"),
        QStringLiteral("priced_samples"), QStringLiteral("pass_at_1"), QStringLiteral("tasks"),
        QStringLiteral("on_frontier"), QStringLiteral("definition") });
    double low = 1e300, high = 0;
    const Qt::PenStyle lines[] = { Qt::SolidLine, Qt::DashLine, Qt::DotLine };
    std::map<QString, QCPGraph*> graphs;
    for (const QString& model : models)
        graphs[model] = canvas.pointGraph(model);
    for (qsizetype g = 0; g < groups.size(); ++g) {
        std::vector<std::pair<double, double>> points;
        std::vector<const Rate*> shown;
        std::vector<int> priced;
        for (const QString& model : models) {
            double cost = 0;
            int count = 0;
            for (const SampleRow& s : samples) {
                if (s.model == model && (!perTier || s.tier == groups[g]) && !std::isnan(s.totalCost)) {
                    cost += s.totalCost;
                    ++count;
                }
            }
            const auto rate = std::find_if(
                rates.begin(), rates.end(), [&](const Rate& r) { return r.key == model && r.group == groups[g]; });
            if (!count || cost <= 0 || rate == rates.end())
                continue;
            points.emplace_back(cost / count, rate->rate);
            shown.push_back(&*rate);
            priced.push_back(count);
        }
        const std::vector<size_t> frontier = paretoFrontier(points);
        auto* line = plot->addGraph();
        line->setName(perTier ? QObject::tr("frontier, %1 programs")
                                    .arg(g == 0      ? QObject::tr("small")
                                            : g == 1 ? QObject::tr("medium")
                                                     : QObject::tr("large"))
                              : QObject::tr("Pareto frontier"));
        if (!perTier)
            line->removeFromLegend();
        line->setPen(QPen(QColor(128, 128, 128), 1, lines[g % 3]));
        line->setLineStyle(QCPGraph::lsStepLeft);
        for (const size_t i : frontier)
            line->addData(points[i].first, points[i].second);
        for (size_t i = 0; i < points.size(); ++i) {
            graphs[shown[i]->key]->addData(points[i].first, points[i].second);
            low = std::min(low, points[i].first);
            high = std::max(high, points[i].first);
            const bool onFrontier = std::find(frontier.begin(), frontier.end(), i) != frontier.end();
            if (table == Csv::Make)
                csv += row({ shown[i]->key, groups[g], number(points[i].first), QString::number(priced[i]),
                    number(points[i].second), QString::number(shown[i]->tasks),
                    onFrontier ? QStringLiteral("1") : QStringLiteral("0"), shown[i]->definition });
        }
    }
    logAxis(plot->xAxis, QStringLiteral("$"));
    plot->xAxis->setRange(high > 0 ? low / 2 : 0.01, high > 0 ? high * 2 : 1);
    plot->xAxis->setLabel(QObject::tr("mean cost of a sample, USD (log)"));
    plot->yAxis->setRange(0, 1.05);
    plot->yAxis->setLabel(rateAxisLabel(rates));
    return csv;
}
}

namespace PlotBuilder {

namespace {
    struct KindName {
        Kind kind;
        const char* name;
    };
    const KindName kindNames_[] = { { Kind::SolveRate, "solve-rate" }, { Kind::Tier, "tier" },
        { Kind::ProgramSize, "program-size" }, { Kind::CostCurve, "cost-curve" }, { Kind::Pareto, "pareto" },
        { Kind::CostByTask, "cost-by-task" }, { Kind::Tokens, "tokens" }, { Kind::Duration, "duration" } };
}

bool kindFromName(const QString& name, Kind* kind)
{
    for (const KindName& known : kindNames_) {
        if (name == QLatin1String(known.name)) {
            *kind = known.kind;
            return true;
        }
    }
    return false;
}

QStringList kindNames()
{
    QStringList names;
    for (const KindName& known : kindNames_)
        names << QString::fromLatin1(known.name);
    return names;
}

QString title(Kind kind)
{
    switch (kind) {
    case Kind::SolveRate:
        return QObject::tr("Solve rate by model");
    case Kind::Tier:
        return QObject::tr("Solve rate by size tier");
    case Kind::CostCurve:
        return QObject::tr("Samples solved against dollars spent");
    case Kind::Pareto:
        return QObject::tr("Solve rate against mean cost, with the Pareto frontier over models");
    case Kind::ProgramSize:
        return QObject::tr("Solve rate against the size of the original program");
    case Kind::Tokens:
        return QObject::tr("Tokens a sample used, by model");
    case Kind::Duration:
        return QObject::tr("How long a sample ran, by model");
    case Kind::CostByTask:
        return QObject::tr("Cost of each task, model beside model");
    }
    return {};
}

QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples, Csv table)
{
    return draw(plot, kind, samples, FigureStyle::screen(), table);
}

QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples, const FigureStyle& style, Csv table,
    QString* unavailable)
{
    plot->clearPlottables();
    plot->clearItems();
    for (QCPBarsGroup* group : plot->findChildren<QCPBarsGroup*>())
        delete group;
    for (QCPAxis* axis : { plot->xAxis, plot->yAxis }) {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setTickLabels(true);
        axis->setLabel({});
    }
    FigureLayout::arrange(plot, style, title(kind));
    const Canvas canvas { plot, style, style.models.isEmpty() ? modelsOf(samples) : style.models };
    QString csv, missing;
    if (samples.empty()) {
        missing = QObject::tr("No samples: the filter leaves none.");
    } else {
        switch (kind) {
        case Kind::SolveRate:
            csv = solveRate(canvas, samples, table);
            break;
        case Kind::Tier:
            csv = tierRates(canvas, samples, table, &missing);
            break;
        case Kind::CostCurve:
            csv = costCurve(canvas, samples, table, &missing);
            break;
        case Kind::Pareto:
            csv = pareto(canvas, samples, table, &missing);
            break;
        case Kind::CostByTask:
            csv = costByTask(canvas, samples, table, &missing);
            break;
        case Kind::ProgramSize:
            csv = programSize(canvas, samples, table, &missing);
            break;
        case Kind::Tokens:
            csv = distribution(
                canvas, samples, QStringLiteral("input_output_tokens"), QObject::tr("input and output tokens (log)"),
                {}, [](const SampleRow& s) { return double(s.inputTokens + s.outputTokens); }, table);
            break;
        case Kind::Duration:
            csv = distribution(
                canvas, samples, QStringLiteral("total_time_h"), QObject::tr("total time, hours (log)"), {},
                [](const SampleRow& s) { return s.totalTime / 3600.0; }, table);
            break;
        }
    }
    if (!missing.isEmpty())
        FigureLayout::showMessage(plot, style, missing);
    if (unavailable)
        *unavailable = missing;
    FigureLayout::applyTheme(plot, style.theme);
    if (style.onScreen)
        FigureLayout::fitOnScreen(plot);
    return csv;
}

qint64 sampleAt(QCustomPlot* plot, const QPointF& pixel, QString* description)
{
    qint64 nearest = 0;
    double best = 8.0; // pixels
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        for (const PointTag& point : plottable->property("samplePoints").value<PointTags>()) {
            const double dx = plottable->keyAxis()->coordToPixel(point.x) - pixel.x();
            const double dy = plottable->valueAxis()->coordToPixel(point.y) - pixel.y();
            const double distance = std::hypot(dx, dy);
            if (distance < best) {
                best = distance;
                nearest = point.sample;
                if (description)
                    *description = QObject::tr("%1, %2 (epoch %3): %4, %5")
                                       .arg(point.model, point.sampleId)
                                       .arg(point.epoch)
                                       .arg(point.x, 0, 'g', 4)
                                       .arg(point.y, 0, 'g', 3);
            }
        }
    }
    return nearest;
}

namespace {
    /// Writes the plot as laid out at `widthPt` by `heightPt`: a point of the figure is a unit of the layout.
    bool write(QCustomPlot* plot, const QString& path, int widthPt, int heightPt, int dpi, QString* error)
    {
        const QString suffix = QFileInfo(path).suffix().toLower();
        bool ok = false;
        if (suffix == QLatin1String("pdf")) {
            ok = plot->savePdf(
                path, widthPt, heightPt, QCP::epNoCosmetic, QStringLiteral("Runlens"), plot->objectName());
        } else if (suffix == QLatin1String("svg")) {
            QSvgGenerator generator;
            generator.setFileName(path);
            generator.setSize(QSize(widthPt, heightPt));
            generator.setViewBox(QRect(0, 0, widthPt, heightPt));
            generator.setTitle(QStringLiteral("Runlens"));
            QCPPainter painter;
            ok = painter.begin(&generator);
            if (ok) {
                plot->toPainter(&painter, widthPt, heightPt);
                ok = painter.end();
            }
        } else if (suffix == QLatin1String("png")) {
            ok = plot->savePng(path, widthPt, heightPt, double(dpi) / 72.0);
        } else {
            *error = QObject::tr("%1: choose .pdf, .svg or .png").arg(path);
            return false;
        }
        if (!ok)
            *error = QObject::tr("%1: cannot be written").arg(path);
        return ok;
    }
}

bool exportFigure(QCustomPlot* plot, const QString& path, const FigureStyle& style, int dpi, QString* error)
{
    const int width = int(std::lround(style.widthPt));
    const int height = int(std::lround(style.heightPt));
    FigureLayout::fit(plot, width, height);
    return write(plot, path, width, height, dpi, error);
}

bool save(QCustomPlot* plot, const QString& path, double widthMm, double heightMm, int dpi, QString* error)
{
    // A figure for a paper is light, whatever the screen shows; the plot on screen is fitted back afterwards.
    const int width = int(std::lround(FigureStyle::millimetres(widthMm)));
    const int height = int(std::lround(FigureStyle::millimetres(heightMm)));
    const QVariant theme = plot->property("figureTheme");
    FigureLayout::applyTheme(plot, FigureStyle::Theme::Light);
    FigureLayout::fit(plot, width, height);
    const bool ok = write(plot, path, width, height, dpi, error);
    FigureLayout::applyTheme(plot, FigureStyle::Theme(theme.toInt()));
    FigureLayout::fit(plot, std::max(plot->width(), 400), std::max(plot->height(), 300));
    return ok;
}
}
