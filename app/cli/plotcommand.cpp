// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "storeoption.h"

#include "analysis/pricetable.h"
#include "analysis/solverates.h"
#include "plotbuilder.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <cmath>
#include <qcustomplot.h>

int runPlotCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr(
        "Draws a figure from the store, as the explorer does, and writes it with the CSV of its data beside it "
        "(FILE.csv). KIND is solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens or duration; the "
        "format follows the extension of --out "
        "(.pdf, .svg, .png)."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("out"), QObject::tr("The figure file (required)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("width"), QObject::tr("Width in mm (default 160)."), QStringLiteral("MM") });
    parser.addOption({ QStringLiteral("height"), QObject::tr("Height in mm (default 100)."), QStringLiteral("MM") });
    parser.addOption(
        { QStringLiteral("dpi"), QObject::tr("Resolution of a PNG (default 300)."), QStringLiteral("DPI") });
    parser.addOption(
        { QStringLiteral("model"), QObject::tr("Only these models (repeatable)."), QStringLiteral("MODEL") });
    parser.addOption({ QStringLiteral("tier"), QObject::tr("Only these size tiers: S, M, L (repeatable)."),
        QStringLiteral("TIER") });
    parser.addOption(
        { QStringLiteral("language"), QObject::tr("Only these languages (repeatable)."), QStringLiteral("LANGUAGE") });
    parser.addPositionalArgument(QStringLiteral("KIND"),
        QObject::tr("solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens or duration"));
    parser.process(arguments);

    QTextStream err(stderr);
    PlotBuilder::Kind kind {};
    if (parser.positionalArguments().size() != 1
        || !PlotBuilder::kindFromName(parser.positionalArguments().first(), &kind)
        || !parser.isSet(QStringLiteral("out"))) {
        err << QObject::tr(
            "usage: runlens-cli plot solve-rate|tier|program-size|cost-curve|pareto|cost-by-task|tokens|duration --out "
            "FILE.pdf|svg|png\n");
        return 2;
    }
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    std::vector<SampleRow> samples = store.samples();
    analyseSamples(samples, store.usage(), PriceTable::standard());
    const QStringList models = parser.values(QStringLiteral("model"));
    const QStringList tiers = parser.values(QStringLiteral("tier"));
    const QStringList languages = parser.values(QStringLiteral("language"));
    std::erase_if(samples, [&](const SampleRow& s) {
        return (!models.isEmpty() && !models.contains(s.model)) || (!tiers.isEmpty() && !tiers.contains(s.tier))
            || (!languages.isEmpty() && !languages.contains(s.language));
    });
    QCustomPlot plot;
    plot.resize(800, 500);
    const QString csv = PlotBuilder::draw(&plot, kind, samples);
    plot.replot();
    const QString out = parser.value(QStringLiteral("out"));
    QString error;
    const double width = parser.isSet(QStringLiteral("width")) ? parser.value(QStringLiteral("width")).toDouble() : 160;
    const double height
        = parser.isSet(QStringLiteral("height")) ? parser.value(QStringLiteral("height")).toDouble() : 100;
    const int dpi = parser.isSet(QStringLiteral("dpi")) ? parser.value(QStringLiteral("dpi")).toInt() : 300;
    if (!PlotBuilder::save(&plot, out, width, height, dpi, &error)) {
        err << error << '\n';
        return 1;
    }
    const QString csvPath
        = QFileInfo(out).path() + QLatin1Char('/') + QFileInfo(out).completeBaseName() + QStringLiteral(".csv");
    QFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly)) {
        err << QObject::tr("%1: cannot be written\n").arg(csvPath);
        return 1;
    }
    file.write(csv.toUtf8());
    QTextStream(stdout) << QObject::tr("wrote %1 and %2 (%3 samples)\n").arg(out, csvPath).arg(samples.size());
    return 0;
}
