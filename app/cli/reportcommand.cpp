// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/anatomyreport.h"
#include "commands.h"
#include "sampleargument.h"
#include "storeoption.h"

#include "analysis/pricetable.h"
#include "reportpdf.h"
#include "store/store.h"
#include "workflow/anatomysummaries.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("report", text);
}

void addReportOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Reads one sample's run and says where it stalled, what the agent did then, what broke it and where the "
           "money went: its outcome, best point and what was spent after the last gain, plateaus, regressions with "
           "the edits between, compactions, activities and loops. Printed as Markdown, as JSON (--json), or written "
           "as a one-page report (--out FILE.md, FILE.html or FILE.pdf)."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    SampleArgument::addOptions(parser);
    parser.addOption({ QStringLiteral("json"), tr("Print the anatomy as JSON (its keys: see the README).") });
    parser.addOption(
        { QStringLiteral("out"), tr("Write the report to this file (.md, .html or .pdf)."), QStringLiteral("FILE") });
    parser.addPositionalArgument(QStringLiteral("SAMPLE"),
        tr("The sample: its store id (see runlens-cli samples) or its name, with --model, --epoch or --run to choose "
           "among several."));
}

bool writeFile(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
        QTextStream(stderr) << tr("runlens-cli report: cannot write %1: %2\n").arg(path, file.errorString());
        return false;
    }
    return true;
}
}

int runReportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    addReportOptions(parser);
    parser.process(arguments);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("runlens-cli report: name one SAMPLE (see --help)\n");
        return 2;
    }
    const QString out = parser.value(QStringLiteral("out"));
    const bool pdf = out.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (!out.isEmpty() && !out.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)
        && !out.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) && !pdf) {
        err << tr("runlens-cli report: --out writes .md, .html or .pdf, not %1\n").arg(out);
        return 2;
    }
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    const SampleArgument::Resolution resolution
        = SampleArgument::resolve(store, parser.positionalArguments().first(), parser);
    if (resolution.sampleId == 0) {
        err << tr("runlens-cli report: ") << resolution.error << '\n';
        return 2;
    }
    const std::optional<SampleRow> sample = store.sample(resolution.sampleId);
    if (!sample) {
        err << tr("runlens-cli report: sample %1 is not in the store\n").arg(resolution.sampleId);
        return 1;
    }
    // The workspace's history comes from the store, where the import (or the first report) kept it.
    AnatomySummaries summaries(store, PriceTable::standard());
    const std::optional<Anatomy> anatomy = summaries.anatomy(*sample);
    if (!anatomy) {
        err << tr("runlens-cli report: ") << summaries.errorString() << '\n';
        return 1;
    }
    const ActivityPatterns patterns = ActivityPatterns::standard();
    const AnatomyReport report(*anatomy, *sample, patterns);
    if (pdf) {
        if (ReportPdf::write(report.html(), out, sample->sampleId))
            return 0;
        err << tr("runlens-cli report: cannot write %1\n").arg(out);
        return 1;
    }
    if (!out.isEmpty())
        return writeFile(
                   out, out.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) ? report.html() : report.markdown())
            ? 0
            : 1;
    QTextStream stdOut(stdout);
    if (parser.isSet(QStringLiteral("json")))
        stdOut << QJsonDocument(report.json()).toJson(QJsonDocument::Indented);
    else
        stdOut << report.markdown();
    return 0;
}
