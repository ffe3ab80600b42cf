// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "filteroptions.h"

#include "analysis/pricetable.h"
#include "analysis/solverates.h"
#include "store/store.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("filter", text);
}

/// An option's values, each also split at commas.
QStringList valuesOf(const QCommandLineParser& parser, const QString& name)
{
    QStringList values;
    for (const QString& value : parser.values(name))
        values << value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return values;
}

/// Numbers of an option; false with `error` set on one that is not.
template <typename Number>
bool numbersOf(const QCommandLineParser& parser, const QString& name, QList<Number>* numbers, QString* error)
{
    for (const QString& value : valuesOf(parser, name)) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok) {
            *error = tr("--%1 takes a number, not %2").arg(name, value);
            return false;
        }
        *numbers << Number(number);
    }
    return true;
}
}

void addFilterOptions(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("model"), tr("Only the samples of this model (repeatable)."), QStringLiteral("MODEL") });
    parser.addOption(
        { QStringLiteral("task"), tr("Only the samples of this task (repeatable)."), QStringLiteral("TASK") });
    parser.addOption({ QStringLiteral("program"), tr("Only the samples of this MirrorCode program (repeatable)."),
        QStringLiteral("PROGRAM") });
    parser.addOption({ QStringLiteral("tier"), tr("Only the samples of this size tier: S, M, L (repeatable)."),
        QStringLiteral("TIER") });
    parser.addOption(
        { QStringLiteral("epoch"), tr("Only the samples of this epoch (repeatable)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("outcome"),
        tr("Only the samples with this outcome: solved, failed (scored, not solved), unscored, error (ended on an "
           "error), limit (hit a limit) (repeatable)."),
        QStringLiteral("OUTCOME") });
    parser.addOption(
        { QStringLiteral("run"), tr("Only the samples of this run id (repeatable)."), QStringLiteral("ID") });
}

bool readFilter(const QCommandLineParser& parser, SampleFilter* filter, QString* error)
{
    filter->models = valuesOf(parser, QStringLiteral("model"));
    filter->tasks = valuesOf(parser, QStringLiteral("task"));
    filter->programs = valuesOf(parser, QStringLiteral("program"));
    filter->tiers = valuesOf(parser, QStringLiteral("tier"));
    filter->outcomes = valuesOf(parser, QStringLiteral("outcome"));
    return numbersOf(parser, QStringLiteral("epoch"), &filter->epochs, error)
        && numbersOf(parser, QStringLiteral("run"), &filter->runs, error);
}

bool selectSamples(Store& store, const QCommandLineParser& parser, std::vector<SampleRow>* samples, QTextStream& err)
{
    SampleFilter filter;
    QString error;
    if (!readFilter(parser, &filter, &error)) {
        err << error << '\n';
        return false;
    }
    std::vector<SampleRow> all = store.samples();
    error = filter.check(all);
    if (!error.isEmpty()) {
        err << error << '\n';
        return false;
    }
    *samples = filter.apply(all);
    analyseSamples(*samples, store.usage(), PriceTable::standard());
    return true;
}
