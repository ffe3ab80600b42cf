// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "plotbuilder.h"

#include "analysis/solverates.h"
#include "inspect/mirrorcodetargets.h"

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

const QColor palette[]
    = { QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73), QColor(0xD5, 0x5E, 0x00),
          QColor(0x00, 0x72, 0xB2), QColor(0xCC, 0x79, 0xA7), QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x00, 0x00) };

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

void houseStyle(QCustomPlot* plot)
{
    QFont font(QStringLiteral("DejaVu Sans"), 9);
    plot->setFont(font);
    for (QCPAxis* axis : { plot->xAxis, plot->yAxis, plot->yAxis2 }) {
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
        axis->setBasePen(QPen(Qt::black, 1));
        axis->setTickPen(QPen(Qt::black, 1));
        axis->grid()->setPen(QPen(QColor(220, 220, 220), 1, Qt::DotLine));
    }
    plot->legend->setFont(font);
    plot->legend->setVisible(true);
    plot->legend->setBorderPen(QPen(QColor(180, 180, 180)));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
}

void addTitle(QCustomPlot* plot, const QString& text)
{
    if (plot->plotLayout()->rowCount() == 1)
        plot->plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(plot, text, QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, title);
}

QCPErrorBars* errorBars(QCustomPlot* plot, QCPBars* bars, const std::vector<SolveRate>& rates)
{
    auto* errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
    errors->removeFromLegend();
    errors->setDataPlottable(bars);
    QVector<double> minus, plus;
    for (const SolveRate& rate : rates) {
        minus << rate.rate - rate.interval.low;
        plus << rate.interval.high - rate.rate;
    }
    errors->setData(minus, plus);
    errors->setPen(QPen(Qt::black, 1.2));
    return errors;
}

QString solveRate(QCustomPlot* plot, const std::vector<SampleRow>& samples, Csv table)
{
    const QStringList models = modelsOf(samples);
    const std::vector<SolveRate> rates = solveRates(samples, [](const SampleRow& s) { return s.model; });
    QString csv = QStringLiteral("model,solved,scored,solve_rate,wilson_low,wilson_high\n");
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (qsizetype i = 0; i < models.size(); ++i) {
        const auto rate
            = std::find_if(rates.begin(), rates.end(), [&](const SolveRate& r) { return r.key == models[i]; });
        if (rate == rates.end())
            continue;
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(QStringLiteral("%1 (%2/%3)").arg(shortName(models[i])).arg(rate->solved).arg(rate->scored));
        bars->setBrush(PlotBuilder::modelColor(models[i], models));
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.6);
        bars->setData({ double(i + 1) }, { rate->rate });
        errorBars(plot, bars, { *rate });
        ticker->addTick(double(i + 1), shortName(models[i]));
        if (table == Csv::Make)
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                       .arg(models[i])
                       .arg(rate->solved)
                       .arg(rate->scored)
                       .arg(rate->rate, 0, 'f', 6)
                       .arg(rate->interval.low, 0, 'f', 6)
                       .arg(rate->interval.high, 0, 'f', 6);
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, double(models.size()) + 0.6);
    plot->yAxis->setRange(0, 1.05);
    plot->yAxis->setLabel(QObject::tr("share of tasks solved (95% Wilson interval)"));
    plot->legend->setVisible(false);
    return csv;
}

QString tierRates(QCustomPlot* plot, const std::vector<SampleRow>& samples, Csv table)
{
    const QStringList models = modelsOf(samples);
    const QStringList tiers { QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L") };
    const std::vector<SolveRate> rates = solveRates(
        samples, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.tier; });
    auto* group = new QCPBarsGroup(plot);
    QString csv = QStringLiteral("model,tier,solved,scored,solve_rate,wilson_low,wilson_high\n");
    for (const QString& model : models) {
        auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
        bars->setName(shortName(model));
        bars->setBrush(PlotBuilder::modelColor(model, models));
        bars->setPen(Qt::NoPen);
        bars->setWidth(0.8 / std::max<qsizetype>(1, models.size()));
        bars->setBarsGroup(group);
        std::vector<SolveRate> shown;
        QVector<double> keys, values;
        for (qsizetype t = 0; t < tiers.size(); ++t) {
            const auto rate = std::find_if(
                rates.begin(), rates.end(), [&](const SolveRate& r) { return r.key == model && r.group == tiers[t]; });
            if (rate == rates.end())
                continue;
            keys << double(t + 1);
            values << rate->rate;
            shown.push_back(*rate);
            if (table == Csv::Make)
                csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                           .arg(model, tiers[t])
                           .arg(rate->solved)
                           .arg(rate->scored)
                           .arg(rate->rate, 0, 'f', 6)
                           .arg(rate->interval.low, 0, 'f', 6)
                           .arg(rate->interval.high, 0, 'f', 6);
        }
        bars->setData(keys, values);
        errorBars(plot, bars, shown);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTick(1, QObject::tr("small"));
    ticker->addTick(2, QObject::tr("medium"));
    ticker->addTick(3, QObject::tr("large"));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, 3.6);
    plot->xAxis->setLabel(QObject::tr("size tier"));
    plot->yAxis->setRange(0, 1.05);
    plot->yAxis->setLabel(QObject::tr("share of tasks solved (95% Wilson interval)"));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    return csv;
}

QString costCurve(QCustomPlot* plot, const std::vector<SampleRow>& samples, Csv table)
{
    const QStringList models = modelsOf(samples);
    int unpriced = 0;
    QString csv = QStringLiteral("model,cumulative_dollars,share_solved,sample\n");
    double maxDollars = 1;
    QHash<qint64, const SampleRow*> byId;
    for (const SampleRow& sample : samples)
        byId.insert(sample.id, &sample);
    for (const auto& [model, points] : costCurves(samples, &unpriced)) {
        auto* graph = plot->addGraph();
        graph->setName(shortName(model));
        graph->setPen(QPen(PlotBuilder::modelColor(model, models), 1.8));
        graph->setLineStyle(QCPGraph::lsStepLeft);
        PointTags tagged;
        for (const CostPoint& point : points) {
            graph->addData(point.dollars, point.share);
            if (const SampleRow* sample = byId.value(point.sampleId))
                tagPoint(tagged, point.dollars, point.share, *sample);
            maxDollars = std::max(maxDollars, point.dollars);
            if (table == Csv::Make)
                csv += model + QLatin1Char(',') + QString::number(point.dollars, 'f', 4) + QLatin1Char(',')
                    + QString::number(point.share, 'f', 6) + QLatin1Char(',') + QString::number(point.sampleId)
                    + QLatin1Char('\n');
        }
        graph->setProperty("samplePoints", QVariant::fromValue(tagged));
    }
    plot->xAxis->setRange(0, maxDollars * 1.02);
    plot->xAxis->setLabel(unpriced
            ? QObject::tr(
                "cumulative cost, USD, tasks cheapest first (%n sample(s) without a price left out)", nullptr, unpriced)
            : QObject::tr("cumulative cost, USD, tasks cheapest first"));
    plot->yAxis->setRange(0, 1.02);
    plot->yAxis->setLabel(QObject::tr("share of tasks solved"));
    return csv;
}

QString programSize(QCustomPlot* plot, const std::vector<SampleRow>& samples, Csv table)
{
    // Solve rate of each program against the size of the original (MirrorCode table 3), one series per model.
    const QStringList models = modelsOf(samples);
    const std::vector<SolveRate> rates = solveRates(
        samples, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.program; });
    QString csv = QStringLiteral("model,program,original_lines,solved,scored,solve_rate\n");
    for (const QString& model : models) {
        auto* graph = plot->addGraph();
        graph->setName(shortName(model));
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, PlotBuilder::modelColor(model, models), 7));
        for (const SolveRate& rate : rates) {
            const MirrorCodeTarget* target = rate.key == model ? findMirrorCodeTarget(rate.group) : nullptr;
            if (!target || target->originalLines <= 0)
                continue;
            graph->addData(target->originalLines, rate.rate);
            if (table == Csv::Make)
                csv += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                           .arg(model, rate.group)
                           .arg(target->originalLines)
                           .arg(rate.solved)
                           .arg(rate.scored)
                           .arg(rate.rate, 0, 'f', 6);
        }
    }
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot->xAxis->setRange(500, 400000);
    plot->xAxis->setLabel(QObject::tr("lines of code of the original program (log)"));
    plot->yAxis->setRange(-0.05, 1.05);
    plot->yAxis->setLabel(QObject::tr("share of the program's samples solved"));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    return csv;
}

/// One box (quartiles, whiskers to the extremes) per model of a quantity of the samples, on a log axis.
QString distribution(QCustomPlot* plot, const std::vector<SampleRow>& samples, const QString& quantity,
    const QString& label, const std::function<double(const SampleRow&)>& value, Csv table)
{
    const QStringList models = modelsOf(samples);
    QString csv = QStringLiteral("model,minimum,lower_quartile,median,upper_quartile,maximum,samples\n");
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double low = 1e300, high = 0;
    for (qsizetype i = 0; i < models.size(); ++i) {
        std::vector<double> values;
        for (const SampleRow& sample : samples) {
            const double v = sample.model == models[i] ? value(sample) : notANumber;
            if (!std::isnan(v) && v > 0)
                values.push_back(v);
        }
        if (values.empty())
            continue;
        std::sort(values.begin(), values.end());
        auto quantile = [&](double q) { return values[size_t(std::lround(q * double(values.size() - 1)))]; };
        auto* box = new QCPStatisticalBox(plot->xAxis, plot->yAxis);
        box->setName(shortName(models[i]));
        box->setBrush(PlotBuilder::modelColor(models[i], models));
        box->addData(double(i + 1), values.front(), quantile(0.25), quantile(0.5), quantile(0.75), values.back());
        ticker->addTick(double(i + 1), shortName(models[i]));
        low = std::min(low, values.front());
        high = std::max(high, values.back());
        if (table == Csv::Make)
            csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7\n")
                       .arg(models[i])
                       .arg(values.front())
                       .arg(quantile(0.25))
                       .arg(quantile(0.5))
                       .arg(quantile(0.75))
                       .arg(values.back())
                       .arg(values.size());
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, double(models.size()) + 0.6);
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot->yAxis->setRange(std::max(1e-6, low / 2), std::max(1.0, high * 2));
    plot->yAxis->setLabel(label);
    plot->legend->setVisible(false);
    Q_UNUSED(quantity);
    return csv;
}

/// Programs by tier, then by the size of the original, so columns of programs climb in difficulty.
void sortBySize(QStringList& programs)
{
    auto rank = [](const QString& program) {
        const MirrorCodeTarget* target = findMirrorCodeTarget(program);
        const int tier = !target ? 3 : target->tier == 'S' ? 0 : target->tier == 'M' ? 1 : 2;
        return std::tuple(tier, target ? target->originalLines : 0, program);
    };
    std::sort(programs.begin(), programs.end(), [&](const QString& a, const QString& b) { return rank(a) < rank(b); });
}

/// Each task on its own column, each model's cost on it side by side (the mean over its epochs, log axis): the
/// paired comparison of models task by task. A filled marker: solved in at least one epoch; hollow: never.
QString costByTask(QCustomPlot* plot, const std::vector<SampleRow>& samples, Csv table)
{
    struct Cell {
        double cost = 0;
        int priced = 0, solved = 0, epochs = 0;
        const SampleRow* first = nullptr;
    };
    const QStringList models = modelsOf(samples);
    std::map<std::pair<QString, QString>, Cell> cells; // (program, model)
    for (const SampleRow& sample : samples) {
        Cell& cell = cells[{ sample.program.isEmpty() ? sample.sampleId : sample.program, sample.model }];
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
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (qsizetype i = 0; i < programs.size(); ++i)
        ticker->addTick(double(i), programs[i]);
    QString csv = QStringLiteral("program,model,mean_cost_usd,priced_epochs,solved_epochs,epochs\n");
    double low = 1e300, high = 0;
    for (qsizetype m = 0; m < models.size(); ++m) {
        const QColor color = PlotBuilder::modelColor(models[m], models);
        auto* solved = plot->addGraph();
        solved->setName(shortName(models[m]));
        solved->setLineStyle(QCPGraph::lsNone);
        solved->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 8));
        auto* unsolved = plot->addGraph();
        unsolved->removeFromLegend();
        unsolved->setLineStyle(QCPGraph::lsNone);
        unsolved->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.5), Qt::white, 8));
        PointTags solvedTags, unsolvedTags;
        const double offset = (double(m) - double(models.size() - 1) / 2) * 0.22; // side by side within a column
        for (qsizetype i = 0; i < programs.size(); ++i) {
            const auto found = cells.find({ programs[i], models[m] });
            if (found == cells.end())
                continue;
            const Cell& cell = found->second;
            const double mean = cell.priced ? cell.cost / cell.priced : notANumber;
            if (table == Csv::Make)
                csv += programs[i] + QLatin1Char(',') + models[m] + QLatin1Char(',')
                    + (cell.priced ? QString::number(mean, 'f', 4) : QString()) + QLatin1Char(',')
                    + QString::number(cell.priced) + QLatin1Char(',') + QString::number(cell.solved) + QLatin1Char(',')
                    + QString::number(cell.epochs) + QLatin1Char('\n');
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
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setTickLabelRotation(60);
    plot->xAxis->setSubTicks(false);
    plot->xAxis->setRange(-0.6, double(programs.size()) - 0.4);
    plot->xAxis->setLabel(QObject::tr("task, small to large (filled: solved; hollow: never solved)"));
    plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot->yAxis->setRange(std::max(0.01, (high > 0 ? low : 1) / 1.5), std::max(1.0, high * 1.5));
    plot->yAxis->setLabel(QObject::tr("mean cost of a run, USD (log)"));
    // Small tasks cost little and large ones much: the lower right corner is free.
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    return csv;
}

QString pareto(QCustomPlot* plot, const std::vector<SampleRow>& samples, Csv table)
{
    const QStringList models = modelsOf(samples);
    QString csv = QStringLiteral("model,sample,cost,pass_fraction,on_frontier\n");
    double low = 1e9, high = 0;
    for (const QString& model : models) {
        std::vector<std::pair<double, double>> points;
        std::vector<const SampleRow*> rows;
        for (const SampleRow& sample : samples) {
            const double pass = std::isnan(sample.heldOutPass) ? sample.score : sample.heldOutPass;
            if (sample.model != model || std::isnan(sample.totalCost) || sample.totalCost <= 0 || std::isnan(pass))
                continue;
            points.emplace_back(sample.totalCost, pass);
            rows.push_back(&sample);
            low = std::min(low, sample.totalCost);
            high = std::max(high, sample.totalCost);
        }
        const std::vector<size_t> frontier = paretoFrontier(points);
        auto* scatter = plot->addGraph();
        scatter->setName(shortName(model));
        scatter->setLineStyle(QCPGraph::lsNone);
        scatter->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, PlotBuilder::modelColor(model, models), 5));
        auto* line = plot->addGraph();
        line->removeFromLegend();
        line->setPen(QPen(PlotBuilder::modelColor(model, models), 1.5, Qt::DashLine));
        line->setLineStyle(QCPGraph::lsStepLeft);
        PointTags tagged;
        for (size_t i = 0; i < points.size(); ++i) {
            scatter->addData(points[i].first, points[i].second);
            tagPoint(tagged, points[i].first, points[i].second, *rows[i]);
            const bool onFrontier = std::find(frontier.begin(), frontier.end(), i) != frontier.end();
            if (table == Csv::Make)
                csv += model + QLatin1Char(',') + rows[i]->sampleId + QLatin1Char(',')
                    + QString::number(points[i].first, 'f', 4) + QLatin1Char(',')
                    + QString::number(points[i].second, 'f', 6)
                    + (onFrontier ? QLatin1String(",1\n") : QLatin1String(",0\n"));
        }
        scatter->setProperty("samplePoints", QVariant::fromValue(tagged));
        for (const size_t i : frontier)
            line->addData(points[i].first, points[i].second);
    }
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    plot->xAxis->setRange(std::max(0.01, low / 1.5), std::max(1.0, high * 1.5));
    plot->xAxis->setLabel(QObject::tr("cost of the sample, USD (log)"));
    plot->yAxis->setRange(0, 1.02);
    plot->yAxis->setLabel(QObject::tr("held-out tests passed"));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    return csv;
}
}

namespace PlotBuilder {

bool kindFromName(const QString& name, Kind* kind)
{
    if (name == QLatin1String("solve-rate"))
        *kind = Kind::SolveRate;
    else if (name == QLatin1String("tier"))
        *kind = Kind::Tier;
    else if (name == QLatin1String("cost-curve"))
        *kind = Kind::CostCurve;
    else if (name == QLatin1String("pareto"))
        *kind = Kind::Pareto;
    else if (name == QLatin1String("program-size"))
        *kind = Kind::ProgramSize;
    else if (name == QLatin1String("tokens"))
        *kind = Kind::Tokens;
    else if (name == QLatin1String("duration"))
        *kind = Kind::Duration;
    else if (name == QLatin1String("cost-by-task"))
        *kind = Kind::CostByTask;
    else
        return false;
    return true;
}

QString title(Kind kind)
{
    switch (kind) {
    case Kind::SolveRate:
        return QObject::tr("Solve rate by model");
    case Kind::Tier:
        return QObject::tr("Solve rate by size tier");
    case Kind::CostCurve:
        return QObject::tr("Tasks solved against dollars spent");
    case Kind::Pareto:
        return QObject::tr("Cost and held-out pass, with Pareto frontiers");
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

QColor modelColor(const QString& model, const QStringList& models)
{
    const qsizetype index = std::max<qsizetype>(0, models.indexOf(model));
    return palette[size_t(index) % (sizeof palette / sizeof palette[0])];
}

QString draw(QCustomPlot* plot, Kind kind, const std::vector<SampleRow>& samples, Csv table)
{
    plot->clearPlottables();
    plot->clearItems();
    for (QCPBarsGroup* group : plot->findChildren<QCPBarsGroup*>())
        delete group;
    plot->xAxis->setScaleType(QCPAxis::stLinear);
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setScaleType(QCPAxis::stLinear);
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setLabel({});
    plot->plotLayout()->simplify();
    if (plot->plotLayout()->rowCount() > 1) {
        plot->plotLayout()->removeAt(0);
        plot->plotLayout()->simplify();
    }
    houseStyle(plot);
    addTitle(plot, title(kind));
    QString csv;
    switch (kind) {
    case Kind::SolveRate:
        csv = solveRate(plot, samples, table);
        break;
    case Kind::Tier:
        csv = tierRates(plot, samples, table);
        break;
    case Kind::CostCurve:
        csv = costCurve(plot, samples, table);
        break;
    case Kind::Pareto:
        csv = pareto(plot, samples, table);
        break;
    case Kind::CostByTask:
        csv = costByTask(plot, samples, table);
        break;
    case Kind::ProgramSize:
        csv = programSize(plot, samples, table);
        break;
    case Kind::Tokens:
        csv = distribution(
            plot, samples, QStringLiteral("tokens"), QObject::tr("input and output tokens (log)"),
            [](const SampleRow& s) { return double(s.inputTokens + s.outputTokens); }, table);
        break;
    case Kind::Duration:
        csv = distribution(
            plot, samples, QStringLiteral("hours"), QObject::tr("total time, hours (log)"),
            [](const SampleRow& s) { return s.totalTime / 3600.0; }, table);
        break;
    }
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

bool save(QCustomPlot* plot, const QString& path, double widthMm, double heightMm, int dpi, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    // Points for vector formats (1/72 inch), pixels at the chosen dpi for PNG.
    const int widthPt = int(std::lround(widthMm / 25.4 * 72.0));
    const int heightPt = int(std::lround(heightMm / 25.4 * 72.0));
    bool ok = false;
    if (suffix == QLatin1String("pdf")) {
        ok = plot->savePdf(path, widthPt, heightPt, QCP::epNoCosmetic, QStringLiteral("Runlens"), plot->objectName());
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
