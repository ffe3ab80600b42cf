// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "storeoption.h"

#include "analysis/pricetable.h"
#include "analysis/samplefilter.h"
#include "analysis/solverates.h"
#include "figurestyle.h"
#include "plotbuilder.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>
#include <cmath>
#include <qcustomplot.h>

namespace {
QStringList valuesOf(const std::vector<SampleRow>& samples, const std::function<QString(const SampleRow&)>& value)
{
    QSet<QString> seen;
    for (const SampleRow& sample : samples)
        seen.insert(value(sample));
    seen.remove(QString());
    QStringList sorted(seen.begin(), seen.end());
    sorted.sort();
    return sorted;
}

double positive(const QString& text, bool* ok)
{
    const double value = text.toDouble(ok);
    *ok = *ok && std::isfinite(value) && value > 0;
    return value;
}
}

int runPlotCommand(const QStringList& arguments)
{
    const QString kinds = PlotBuilder::kindNames().join(QStringLiteral(", "));
    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr(
        "Draws a figure from the store, as the explorer does, and writes it with the CSV of its data beside it "
        "(FILE.csv). KIND is %1; the format follows the extension of --out (.pdf, .svg, .png). PDF and SVG keep "
        "their text as text.")
                                         .arg(kinds));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("out"), QObject::tr("The figure file (required)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("size"),
        QObject::tr("column (85 mm by 64 mm, 7 pt), page (180 mm by 110 mm, 9 pt) or slide (254 mm by 143 mm, 16 pt)."),
        QStringLiteral("PRESET") });
    parser.addOption(
        { QStringLiteral("width"), QObject::tr("Width in mm (default 160, or the preset's)."), QStringLiteral("MM") });
    parser.addOption({ QStringLiteral("height"), QObject::tr("Height in mm (default 100, or the preset's)."),
        QStringLiteral("MM") });
    parser.addOption({ QStringLiteral("font-size"),
        QObject::tr("Font size in points of the page (default 9, or the preset's); whole points."),
        QStringLiteral("PT") });
    parser.addOption({ QStringLiteral("title"), QObject::tr("on or off: the title above the plot (default on)."),
        QStringLiteral("ON") });
    parser.addOption({ QStringLiteral("no-title"), QObject::tr("No title (as --title off).") });
    parser.addOption({ QStringLiteral("legend"),
        QObject::tr("outside (below the plot, default), inside (in a corner no data reaches, else outside) or none."),
        QStringLiteral("WHERE") });
    parser.addOption(
        { QStringLiteral("theme"), QObject::tr("light (default, for papers) or dark (as the explorer's dark palette)."),
            QStringLiteral("THEME") });
    parser.addOption({ QStringLiteral("per-tier"), QObject::tr("pareto: one frontier per size tier.") });
    parser.addOption(
        { QStringLiteral("dpi"), QObject::tr("Resolution of a PNG (default 300)."), QStringLiteral("DPI") });
    parser.addOption(
        { QStringLiteral("model"), QObject::tr("Only these models (repeatable)."), QStringLiteral("MODEL") });
    parser.addOption({ QStringLiteral("task"), QObject::tr("Only these tasks (repeatable)."), QStringLiteral("TASK") });
    parser.addOption(
        { QStringLiteral("program"), QObject::tr("Only these programs (repeatable)."), QStringLiteral("PROGRAM") });
    parser.addOption({ QStringLiteral("tier"), QObject::tr("Only these size tiers: S, M, L (repeatable)."),
        QStringLiteral("TIER") });
    parser.addOption(
        { QStringLiteral("language"), QObject::tr("Only these languages (repeatable)."), QStringLiteral("LANGUAGE") });
    parser.addPositionalArgument(QStringLiteral("KIND"), kinds);
    parser.process(arguments);

    QTextStream err(stderr);
    PlotBuilder::Kind kind {};
    if (parser.positionalArguments().size() != 1
        || !PlotBuilder::kindFromName(parser.positionalArguments().first(), &kind)
        || !parser.isSet(QStringLiteral("out"))) {
        err << QObject::tr("usage: runlens-cli plot %1 --out FILE.pdf|svg|png [--size column|page|slide]\n")
                   .arg(PlotBuilder::kindNames().join(QLatin1Char('|')));
        return 2;
    }
    FigureStyle style;
    bool ok = true;
    if (parser.isSet(QStringLiteral("size")) && !FigureStyle::preset(parser.value(QStringLiteral("size")), &style)) {
        err << QObject::tr("--size %1: choose column, page or slide\n").arg(parser.value(QStringLiteral("size")));
        return 2;
    }
    if (parser.isSet(QStringLiteral("width")))
        style.widthPt = FigureStyle::millimetres(positive(parser.value(QStringLiteral("width")), &ok));
    if (ok && parser.isSet(QStringLiteral("height")))
        style.heightPt = FigureStyle::millimetres(positive(parser.value(QStringLiteral("height")), &ok));
    if (ok && parser.isSet(QStringLiteral("font-size")))
        style.fontPt = positive(parser.value(QStringLiteral("font-size")), &ok);
    if (!ok || style.widthPt < 20 || style.heightPt < 20 || style.fontPt < 4 || style.fontPt > 72) {
        err << QObject::tr("--width and --height take millimetres (at least 8), --font-size points (4 to 72)\n");
        return 2;
    }
    const QString titleValue = parser.value(QStringLiteral("title"));
    if (parser.isSet(QStringLiteral("title")) && titleValue != QLatin1String("on")
        && titleValue != QLatin1String("off")) {
        err << QObject::tr("--title %1: choose on or off\n").arg(titleValue);
        return 2;
    }
    style.title = !parser.isSet(QStringLiteral("no-title")) && titleValue != QLatin1String("off");
    if (parser.isSet(QStringLiteral("legend"))
        && !FigureStyle::legendFromName(parser.value(QStringLiteral("legend")), &style.legend)) {
        err << QObject::tr("--legend %1: choose outside, inside or none\n").arg(parser.value(QStringLiteral("legend")));
        return 2;
    }
    if (parser.isSet(QStringLiteral("theme"))
        && !FigureStyle::themeFromName(parser.value(QStringLiteral("theme")), &style.theme)) {
        err << QObject::tr("--theme %1: choose light or dark\n").arg(parser.value(QStringLiteral("theme")));
        return 2;
    }
    style.perTier = parser.isSet(QStringLiteral("per-tier"));

    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    std::vector<SampleRow> samples = store.samples();
    analyseSamples(samples, store.usage(), PriceTable::standard());
    // Every model of the store gives the looks, so a model has its colour and marker in every figure.
    style.models = valuesOf(samples, [](const SampleRow& s) { return s.model; });
    SampleFilter filter;
    filter.models = parser.values(QStringLiteral("model"));
    filter.tasks = parser.values(QStringLiteral("task"));
    filter.programs = parser.values(QStringLiteral("program"));
    filter.tiers = parser.values(QStringLiteral("tier"));
    const QStringList languages = parser.values(QStringLiteral("language"));
    const QStringList knownLanguages = valuesOf(samples, [](const SampleRow& s) { return s.language; });
    QString unknown = filter.check(samples);
    for (const QString& language : languages) {
        if (!knownLanguages.contains(language))
            unknown += (unknown.isEmpty() ? QString() : QStringLiteral("\n"))
                + unknownValueMessage(QStringLiteral("language"), language, knownLanguages);
    }
    if (!unknown.isEmpty()) {
        err << unknown << '\n';
        return 1;
    }
    samples = filter.apply(samples);
    std::erase_if(samples, [&](const SampleRow& s) { return !languages.isEmpty() && !languages.contains(s.language); });
    QCustomPlot plot;
    QString unavailable;
    const QString csv = PlotBuilder::draw(&plot, kind, samples, style, PlotBuilder::Csv::Make, &unavailable);
    if (!unavailable.isEmpty()) {
        err << QObject::tr("%1: %2\n").arg(parser.positionalArguments().first(), unavailable);
        return 1;
    }
    const QString out = parser.value(QStringLiteral("out"));
    QString error;
    const int dpi = parser.isSet(QStringLiteral("dpi")) ? parser.value(QStringLiteral("dpi")).toInt() : 300;
    if (!PlotBuilder::exportFigure(&plot, out, style, std::clamp(dpi, 36, 2400), &error)) {
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
