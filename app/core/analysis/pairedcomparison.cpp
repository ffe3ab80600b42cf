// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "pairedcomparison.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("PairedComparison", text);
}

QString pairedMethod()
{
    return tr("95% paired percentile bootstrap over tasks, %1 resamples")
        .arg(QLocale(QLocale::English).toString(bootstrapResamples));
}

std::vector<TaskOutcome> outcomesOf(const std::vector<SampleRow>& samples, const QString& model)
{
    std::vector<SampleRow> mine;
    for (const SampleRow& sample : samples) {
        if (sample.model == model)
            mine.push_back(sample);
    }
    return taskOutcomes(mine);
}
}

double mcnemarExactP(int onlyA, int onlyB)
{
    const int n = onlyA + onlyB;
    if (n <= 0)
        return 1.0;
    const int fewer = std::min(onlyA, onlyB);
    // P(X <= fewer) for X ~ binomial(n, 1/2), each term C(n,i)/2^n through lgamma so that large n neither overflows
    // nor underflows to a sum of zeros.
    const double logHalf = double(n) * std::log(0.5);
    double tail = 0;
    for (int i = 0; i <= fewer; ++i)
        tail += std::exp(std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) + logHalf);
    return std::min(1.0, 2.0 * tail);
}

PairedComparison comparePaired(const std::vector<SampleRow>& samples, const QString& modelA, const QString& modelB)
{
    PairedComparison result;
    result.modelA = modelA;
    result.modelB = modelB;
    result.mcnemarDefinition = tr("exact two-sided McNemar test (binomial on the tasks only one model solved); a "
                                  "task counts as solved when solved in any epoch");
    const std::vector<TaskOutcome> a = outcomesOf(samples, modelA);
    const std::vector<TaskOutcome> b = outcomesOf(samples, modelB);
    QHash<QString, size_t> inB;
    for (size_t i = 0; i < b.size(); ++i)
        inB.insert(b[i].task + QChar(0) + b[i].sampleId, i);
    std::vector<TaskOutcome> sharedA;
    std::vector<TaskOutcome> sharedB;
    std::vector<double> differences;
    std::vector<double> logRatios;
    for (const TaskOutcome& taskA : a) {
        const auto found = inB.constFind(taskA.task + QChar(0) + taskA.sampleId);
        if (found == inB.constEnd())
            continue;
        const TaskOutcome& taskB = b[*found];
        sharedA.push_back(taskA);
        sharedB.push_back(taskB);
        differences.push_back(
            double(taskA.solved) / double(taskA.epochs) - double(taskB.solved) / double(taskB.epochs));
        const bool solvedA = taskA.solved > 0;
        const bool solvedB = taskB.solved > 0;
        result.bothSolved += solvedA && solvedB;
        result.onlyASolved += solvedA && !solvedB;
        result.onlyBSolved += !solvedA && solvedB;
        result.neitherSolved += !solvedA && !solvedB;
        // NaN (no price) fails both tests; a free task has no ratio.
        if (taskA.cost > 0 && taskB.cost > 0)
            logRatios.push_back(std::log(taskA.cost / taskB.cost));
    }
    result.tasks = int(sharedA.size());
    result.passAt1A = passAt1(sharedA);
    result.passAt1B = passAt1(sharedB);
    result.difference = meanOverTasks(differences,
        tr("difference in expected pass@1 (%1 - %2) over the tasks both ran").arg(modelA, modelB), pairedMethod());
    result.mcnemarP = mcnemarExactP(result.onlyASolved, result.onlyBSolved);
    Estimate logRatio = meanOverTasks(logRatios,
        tr("geometric mean over tasks of the cost ratio %1 / %2 (a task's cost: the mean cost of its epochs, USD), "
           "over the tasks priced for both")
            .arg(modelA, modelB),
        tr("95% percentile bootstrap over tasks of the mean log ratio, %1 resamples, exponentiated")
            .arg(QLocale(QLocale::English).toString(bootstrapResamples)));
    logRatio.value = std::exp(logRatio.value);
    logRatio.interval = { std::exp(logRatio.interval.low), std::exp(logRatio.interval.high) };
    result.costRatio = logRatio;
    return result;
}
