// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"

#include "mirrorcodesynth.h"

#include <QCommandLineParser>
#include <QTextStream>

int runSynthCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(MirrorCodeSynth::tr(
        "Writes MirrorCode-shaped Inspect eval logs (.eval, zstd members): by default the demo, one log per model "
        "(Claude Opus 4.7, GPT-5.5, Gemini 3.1 Pro) over the 25 MirrorCode targets and several epochs, with the test "
        "suites of the three demo programs whose code the transcripts build for real (suites/*.jsonl). Deterministic "
        "for a seed."));
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("out"), MirrorCodeSynth::tr("Folder to write into (required)."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("seed"), MirrorCodeSynth::tr("Seed (default 1)."), QStringLiteral("N") });
    parser.addOption(
        { QStringLiteral("epochs"), MirrorCodeSynth::tr("Epochs of the demo (default 2)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("deflate"), MirrorCodeSynth::tr("Deflate members instead of zstd.") });
    parser.addOption({ QStringLiteral("monster"),
        MirrorCodeSynth::tr("One sample at the scale of the largest known "
                            "MirrorCode sample (~337,000 events, ~1 GB of JSON).") });
    parser.addOption({ QStringLiteral("chunked"),
        MirrorCodeSynth::tr("Write each sample in Inspect's chunked layout (log version 3: sample.json, messages/, "
                            "events/, attachments/ chunks) instead of one member.") });
    parser.addOption({ QStringLiteral("scale"),
        MirrorCodeSynth::tr("N runs of small samples, for store-sized benchmarks."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("samples-per-run"),
        MirrorCodeSynth::tr("Samples in each --scale run (default 10)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("models"),
        MirrorCodeSynth::tr("Comma-separated models (default: the three of the leaderboard)."),
        QStringLiteral("LIST") });
    parser.addOption({ QStringLiteral("dict-scores"),
        MirrorCodeSynth::tr("Score each sample with a dict of its visible and held-out pass fractions instead of C or "
                            "I, and write one EvalScore a key in the header, as Inspect does for a dict score.") });
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.isSet(QStringLiteral("out"))) {
        err << MirrorCodeSynth::tr("runlens-cli synth: --out DIR is required\n");
        return 2;
    }
    SynthOptions options;
    options.outputDirectory = parser.value(QStringLiteral("out"));
    if (parser.isSet(QStringLiteral("seed")))
        options.seed = parser.value(QStringLiteral("seed")).toULongLong();
    if (parser.isSet(QStringLiteral("epochs")))
        options.epochs = std::max(1, parser.value(QStringLiteral("epochs")).toInt());
    if (parser.isSet(QStringLiteral("deflate")))
        options.compression = ZipStreamWriter::Compression::Deflate;
    options.monster = parser.isSet(QStringLiteral("monster"));
    options.chunked = parser.isSet(QStringLiteral("chunked"));
    options.dictScores = parser.isSet(QStringLiteral("dict-scores"));
    options.scaleRuns = parser.value(QStringLiteral("scale")).toInt();
    if (parser.isSet(QStringLiteral("samples-per-run")))
        options.samplesPerRun = std::max(1, parser.value(QStringLiteral("samples-per-run")).toInt());
    if (parser.isSet(QStringLiteral("models")))
        options.models = parser.value(QStringLiteral("models")).split(QLatin1Char(','), Qt::SkipEmptyParts);

    MirrorCodeSynth synth;
    SynthReport report;
    const bool ok = synth.run(options, report, [&](const QString& file) {
        err << MirrorCodeSynth::tr("wrote %1\n").arg(file) << Qt::flush;
        return true;
    });
    if (!ok) {
        err << MirrorCodeSynth::tr("runlens-cli synth: %1\n").arg(synth.errorString());
        return 1;
    }
    for (const QString& suite : report.suites)
        out << MirrorCodeSynth::tr("wrote %1\n").arg(suite);
    out << MirrorCodeSynth::tr("%1 files, %2 samples, %3 events, %4 messages, %5 attachments, %6 compactions; "
                               "%7 MB of JSON in %8 MB of archives, in %9 s\n")
               .arg(report.files.size())
               .arg(report.samples)
               .arg(report.events)
               .arg(report.messages)
               .arg(report.attachments)
               .arg(report.compactions)
               .arg(double(report.jsonBytes) / 1e6, 0, 'f', 1)
               .arg(double(report.archiveBytes) / 1e6, 0, 'f', 1)
               .arg(report.seconds, 0, 'f', 1);
    return 0;
}
