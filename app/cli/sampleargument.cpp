// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampleargument.h"

#include "store/store.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("sample", text);
}

/// A model matches its full name ("openai/gpt-5.5") or the part after the provider ("gpt-5.5"), case aside.
bool modelMatches(const QString& model, const QString& asked)
{
    if (asked.isEmpty())
        return true;
    if (model.compare(asked, Qt::CaseInsensitive) == 0)
        return true;
    const qsizetype slash = model.lastIndexOf(QLatin1Char('/'));
    return slash >= 0 && model.mid(slash + 1).compare(asked, Qt::CaseInsensitive) == 0;
}

bool fits(const SampleRow& sample, const SampleArgument::Choice& choice)
{
    return modelMatches(sample.model, choice.model) && (choice.epoch <= 0 || sample.epoch == choice.epoch)
        && (choice.run <= 0 || sample.runId == choice.run);
}

/// The candidates as lines: id, model, epoch, run.
QString listOf(const std::vector<SampleRow>& candidates)
{
    QString text;
    for (const SampleRow& sample : candidates) {
        text += QStringLiteral("\n  ")
            + tr("id %1  %2  model %3  epoch %4  run %5")
                  .arg(sample.id)
                  .arg(sample.sampleId, sample.model)
                  .arg(sample.epoch)
                  .arg(sample.runId);
    }
    return text;
}
}

void SampleArgument::addOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("model"),
        tr("Among samples of that name, the one of this model (its full name or the part after the provider)."),
        QStringLiteral("MODEL") });
    parser.addOption(
        { QStringLiteral("epoch"), tr("Among samples of that name, the one of this epoch."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("run"), tr("Among samples of that name, the one of this run (its store id)."),
        QStringLiteral("ID") });
}

SampleArgument::Choice SampleArgument::choiceOf(const QCommandLineParser& parser, QString* error)
{
    Choice choice;
    choice.model = parser.value(QStringLiteral("model"));
    bool ok = true;
    if (parser.isSet(QStringLiteral("epoch"))) {
        choice.epoch = parser.value(QStringLiteral("epoch")).toInt(&ok);
        if (!ok || choice.epoch <= 0)
            *error = tr("--epoch takes a positive number, not '%1'").arg(parser.value(QStringLiteral("epoch")));
    }
    if (parser.isSet(QStringLiteral("run"))) {
        choice.run = parser.value(QStringLiteral("run")).toLongLong(&ok);
        if (!ok || choice.run <= 0)
            *error = tr("--run takes a run's store id, not '%1'").arg(parser.value(QStringLiteral("run")));
    }
    return choice;
}

SampleArgument::Resolution SampleArgument::resolve(
    const std::vector<SampleRow>& samples, const QString& argument, const Choice& choice)
{
    Resolution resolution;
    std::vector<SampleRow> named;
    for (const SampleRow& sample : samples) {
        if (sample.sampleId == argument)
            named.push_back(sample);
    }
    bool isNumber = false;
    const qint64 id = argument.toLongLong(&isNumber);
    if (named.empty() && isNumber) {
        // A store id names one sample whatever the options say; options that contradict it are an error.
        for (const SampleRow& sample : samples) {
            if (sample.id != id)
                continue;
            if (!fits(sample, choice)) {
                resolution.error = tr("sample %1 does not fit --model, --epoch or --run:").arg(id) + listOf({ sample });
                resolution.candidates = { sample };
                return resolution;
            }
            resolution.sampleId = id;
            return resolution;
        }
        resolution.error = tr("no sample has the store id %1 (see runlens-cli samples)").arg(id);
        return resolution;
    }
    if (named.empty()) {
        resolution.error = tr("no sample is named '%1' (see runlens-cli samples)").arg(argument);
        return resolution;
    }
    for (const SampleRow& sample : named) {
        if (fits(sample, choice))
            resolution.candidates.push_back(sample);
    }
    if (resolution.candidates.size() == 1) {
        resolution.sampleId = resolution.candidates.front().id;
        resolution.candidates.clear();
        return resolution;
    }
    if (resolution.candidates.empty()) {
        resolution.candidates = named;
        resolution.error
            = tr("no sample named '%1' fits --model, --epoch and --run; the samples of that name:").arg(argument)
            + listOf(named);
        return resolution;
    }
    resolution.error = tr("'%1' names %2 samples; choose one by its id or with --model, --epoch or --run:")
                           .arg(argument)
                           .arg(resolution.candidates.size())
        + listOf(resolution.candidates);
    return resolution;
}

SampleArgument::Resolution SampleArgument::resolve(
    Store& store, const QString& argument, const QCommandLineParser& parser)
{
    Resolution resolution;
    const Choice choice = choiceOf(parser, &resolution.error);
    if (!resolution.error.isEmpty())
        return resolution;
    return resolve(store.samples(), argument, choice);
}
