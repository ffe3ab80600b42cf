// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"

#include <QApplication>
#include <QTextStream>
#include <memory>

namespace {
void printUsage(QTextStream& out)
{
    out << QCoreApplication::translate("main",
        "Usage: runlens-cli COMMAND [options]\n"
        "\n"
        "Commands:\n"
        "  import PATH...   import Inspect logs (.eval, .json; folders recursively) into the store\n"
        "  runs             list the imported runs with their accuracy\n"
        "  samples          list the imported samples (filters: model, task, program, tier, epoch, outcome, run)\n"
        "  stats            solve rates over tasks with intervals (--by model|tier|task), two models compared\n"
        "                   (--paired MODEL_A MODEL_B), or where the runs' time and money went (--anatomy)\n"
        "  synth            write MirrorCode-shaped Inspect archives (demo data, benchmarks)\n"
        "  bench            benchmarks: import (beside its floor), runner (beside a shell loop), store (SQLite\n"
        "                   beside PostgreSQL)\n"
        "  test             run a test suite against a program, sandboxed\n"
        "  rerun SAMPLE     re-run a suite on a sample's code at steps of its transcript\n"
        "  transcript SAMPLE  a sample's transcript as text (grep, diff) or JSON Lines, streamed\n"
        "  report SAMPLE    a run's anatomy: where it stalled, what broke it, where the money went (text, JSON, HTML)\n"
        "  plot KIND        a figure (solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens,\n"
        "                   duration) as PDF, SVG or PNG, with its CSV\n"
        "  copy             copy runs between stores, SQLite or PostgreSQL, all or some\n"
        "\n"
        "Run 'runlens-cli COMMAND --help' for a command's options.\n");
}
}

int main(int argc, char* argv[])
{
    // Without TZ, glibc reads /etc/localtime again on every local time conversion, and libarchive makes one for
    // each zip member: 90 file checks per archive. Naming the same file keeps the same zone, read once.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", ":/etc/localtime");
    // `runlens-cli --db FILE COMMAND ...` as well as `runlens-cli COMMAND --db FILE ...`.
    const int commandAt = argc > 3 && qstrcmp(argv[1], "--db") == 0 ? 3 : 1;
    // Only `plot` and `report --out FILE.pdf` draw: they get a QApplication, offscreen unless a display is there.
    bool plotting = argc > commandAt && qstrcmp(argv[commandAt], "plot") == 0;
    for (int i = 1; argc > commandAt && qstrcmp(argv[commandAt], "report") == 0 && i < argc; ++i)
        plotting = plotting || QByteArray(argv[i]).toLower().endsWith(".pdf");
    if (plotting && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(
        plotting ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication& app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Runlens"));
    QCoreApplication::setApplicationName(QStringLiteral("runlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));

    QStringList arguments = app.arguments();
    QTextStream out(stdout);
    if (arguments.size() < 2 || arguments.at(1) == QLatin1String("--help") || arguments.at(1) == QLatin1String("-h")) {
        printUsage(out);
        return arguments.size() < 2 ? 2 : 0;
    }
    if (commandAt == 3) {
        arguments.move(1, arguments.size() - 1);
        arguments.move(1, arguments.size() - 1);
    }
    const QString command = arguments.at(1);
    // QCommandLineParser expects the program name first: keep it, drop the command word.
    arguments.removeAt(1);
    arguments[0] = QStringLiteral("runlens-cli ") + command;
    if (command == QLatin1String("import"))
        return runImportCommand(arguments);
    if (command == QLatin1String("runs"))
        return runRunsCommand(arguments);
    if (command == QLatin1String("samples"))
        return runSamplesCommand(arguments);
    if (command == QLatin1String("stats"))
        return runStatsCommand(arguments);
    if (command == QLatin1String("bench"))
        return runBenchCommand(arguments);
    if (command == QLatin1String("test"))
        return runTestCommand(arguments);
    if (command == QLatin1String("rerun"))
        return runRerunCommand(arguments);
    if (command == QLatin1String("transcript"))
        return runTranscriptCommand(arguments);
    if (command == QLatin1String("report"))
        return runReportCommand(arguments);
    if (command == QLatin1String("plot"))
        return runPlotCommand(arguments);
    if (command == QLatin1String("copy"))
        return runCopyCommand(arguments);
    if (command == QLatin1String("synth"))
        return runSynthCommand(arguments);
    QTextStream(stderr) << QCoreApplication::translate("main", "runlens-cli: unknown command '%1'\n").arg(command);
    printUsage(out);
    return 2;
}
