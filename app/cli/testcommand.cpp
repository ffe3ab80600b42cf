// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "testoptions.h"

#include "runner/testrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("test", text);
}
}

void printTestResults(QTextStream& out, const std::vector<TestResult>& results, const TestRunSummary& summary,
    bool json, bool csv, bool verbose)
{
    if (json) {
        QJsonArray tests;
        for (const TestResult& result : results) {
            tests.append(QJsonObject { { QStringLiteral("id"), result.id },
                { QStringLiteral("visibility"),
                    result.heldOut ? QStringLiteral("held_out") : QStringLiteral("visible") },
                { QStringLiteral("passed"), result.passed }, { QStringLiteral("outcome"), result.outcome.describe() },
                { QStringLiteral("reason"), result.reason }, { QStringLiteral("exit_code"), result.outcome.exitCode },
                { QStringLiteral("seconds"), result.outcome.seconds },
                { QStringLiteral("violation"), result.violation }, { QStringLiteral("diff"), result.diff } });
        }
        const QJsonObject document { { QStringLiteral("passed"), summary.passed },
            { QStringLiteral("failed"), summary.failed }, { QStringLiteral("visible_passed"), summary.visiblePassed },
            { QStringLiteral("visible_total"), summary.visibleTotal },
            { QStringLiteral("held_out_passed"), summary.heldOutPassed },
            { QStringLiteral("held_out_total"), summary.heldOutTotal },
            { QStringLiteral("build_error"), summary.buildError },
            { QStringLiteral("network_isolated"), summary.networkIsolated },
            { QStringLiteral("sandbox"), summary.sandboxed },
            { QStringLiteral("unenforced"), QJsonArray::fromStringList(summary.unenforced) },
            { QStringLiteral("seconds"), summary.seconds }, { QStringLiteral("tests"), tests } };
        out << QJsonDocument(document).toJson(QJsonDocument::Indented);
        return;
    }
    if (csv) {
        out << "id,visibility,passed,outcome,exit_code,seconds,violation,sandbox,unenforced\n";
        const QString unenforced = csvCell(summary.unenforced.join(QStringLiteral("; ")));
        for (const TestResult& result : results) {
            out << csvCell(result.id) << ',' << (result.heldOut ? "held_out" : "visible") << ','
                << (result.passed ? 1 : 0) << ',' << csvCell(result.outcome.describe()) << ','
                << result.outcome.exitCode << ',' << QString::number(result.outcome.seconds, 'f', 4) << ','
                << csvCell(result.violation) << ',' << (summary.sandboxed ? 1 : 0) << ',' << unenforced << '\n';
        }
        return;
    }
    for (const TestResult& result : results) {
        if (result.passed && !verbose)
            continue;
        out << (result.passed ? "PASS " : "FAIL ") << result.id << (result.heldOut ? " (held-out)" : "") << "  "
            << (result.passed ? result.outcome.describe() : result.reason) << '\n';
        if (!result.passed && !result.diff.isEmpty())
            out << "  " << QString(result.diff).replace(QLatin1Char('\n'), QStringLiteral("\n  ")) << '\n';
    }
    if (!summary.buildError.isEmpty())
        out << summary.buildError << '\n';
    if (!summary.networkIsolated)
        out << tr("note: this system allows no private network namespace; tests ran with the network reachable\n");
    out << (summary.sandboxed ? tr("sandbox: a bubblewrap box per test") : tr("sandbox: no box"));
    if (!summary.unenforced.isEmpty())
        out << tr("; not enforced: %1").arg(summary.unenforced.join(QStringLiteral(", ")));
    out << '\n';
    out << tr("visible %1/%2, held-out %3/%4, %5 s\n")
               .arg(summary.visiblePassed)
               .arg(summary.visibleTotal)
               .arg(summary.heldOutPassed)
               .arg(summary.heldOutTotal)
               .arg(summary.seconds, 0, 'f', 2);
    out << summary.passed << " passed, " << summary.failed << " failed\n";
}

void addLimitOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("timeout"), tr("Seconds a test may run when the suite names none (default 10)."),
        QStringLiteral("S") });
    parser.addOption({ QStringLiteral("memory"),
        tr("Memory all the processes of a test may use together, in MB (default 1024)."), QStringLiteral("MB") });
    parser.addOption({ QStringLiteral("cpu"),
        tr("CPU seconds all the processes of a test may use together (default: its timeout)."), QStringLiteral("S") });
    parser.addOption({ QStringLiteral("disk"),
        tr("Size of each of a test's tmpfs (work folder, /tmp, /var/tmp, /dev/shm), in MB (default 256)."),
        QStringLiteral("MB") });
    parser.addOption({ QStringLiteral("processes"), tr("Processes and threads a test may have at once (default 64)."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("require-sandbox"),
        tr("Refuse to run when the sandbox cannot enforce all it should on this system.") });
    parser.addOption({ QStringLiteral("jobs"), tr("Tests run at once (default: one a core)."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("build"), tr("Build command run once in the workspace first (shell syntax)."),
        QStringLiteral("CMD") });
    parser.addOption({ QStringLiteral("language"), tr("Use the default build step of this language (rust, go, c)."),
        QStringLiteral("LANG") });
    parser.addOption({ QStringLiteral("json"), tr("Write JSON.") });
    parser.addOption({ QStringLiteral("csv"), tr("Write CSV.") });
    parser.addOption({ QStringLiteral("verbose"), tr("List passing tests too.") });
}

void applyLimitOptions(const QCommandLineParser& parser, TestRunner::Options& options)
{
    if (parser.isSet(QStringLiteral("timeout")))
        options.limits.timeoutSeconds = parser.value(QStringLiteral("timeout")).toDouble();
    if (parser.isSet(QStringLiteral("memory")))
        options.limits.memoryBytes = parser.value(QStringLiteral("memory")).toLongLong() << 20;
    if (parser.isSet(QStringLiteral("cpu")))
        options.limits.cpuSeconds = parser.value(QStringLiteral("cpu")).toDouble();
    if (parser.isSet(QStringLiteral("disk")))
        options.limits.diskBytes = parser.value(QStringLiteral("disk")).toLongLong() << 20;
    if (parser.isSet(QStringLiteral("processes")))
        options.limits.processes = parser.value(QStringLiteral("processes")).toInt();
    options.jobs = parser.value(QStringLiteral("jobs")).toInt();
    if (parser.isSet(QStringLiteral("build")))
        options.buildCommand = { QStringLiteral("sh"), QStringLiteral("-c"), parser.value(QStringLiteral("build")) };
    else if (parser.isSet(QStringLiteral("language")))
        options.buildCommand = defaultBuildCommand(parser.value(QStringLiteral("language")));
}

bool announceSandbox(const QCommandLineParser& parser, const TestRunner::Options& options, QTextStream& err)
{
    const SandboxReport report = SandboxedProcess::report(options.limits.isolateNetwork);
    if (report.unenforced.isEmpty())
        return true;
    err << report.line() << '\n';
    err.flush();
    if (!parser.isSet(QStringLiteral("require-sandbox")))
        return true;
    err << tr("refused: --require-sandbox and this system cannot enforce all of the sandbox\n");
    return false;
}

int runTestCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Runs a test suite (JSONL file or suite folder) against a program: every "
                                        "test in a fresh directory, in parallel, sandboxed. Exit status 0 only when "
                                        "every test passed."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("suite"), tr("The test suite."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("program"), tr("The program under test (shell words)."), QStringLiteral("CMD") });
    parser.addOption({ QStringLiteral("workspace"),
        tr("A folder holding the program; with --program its commands run "
           "there, else its `program` file is run."),
        QStringLiteral("DIR") });
    addLimitOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    TestSuite suite;
    if (!parser.isSet(QStringLiteral("suite")) || !suite.load(parser.value(QStringLiteral("suite")))) {
        err << (suite.errorString().isEmpty() ? tr("runlens-cli test: --suite FILE is required") : suite.errorString())
            << '\n';
        return 2;
    }
    TestRunner::Options options;
    options.workspace = QFileInfo(parser.value(QStringLiteral("workspace"))).absoluteFilePath();
    if (parser.isSet(QStringLiteral("program"))) {
        options.command = QProcess::splitCommand(parser.value(QStringLiteral("program")));
    } else if (parser.isSet(QStringLiteral("workspace"))) {
        options.command = { options.workspace + QStringLiteral("/program") };
    } else {
        err << tr("runlens-cli test: name --program CMD or --workspace DIR\n");
        return 2;
    }
    if (!parser.isSet(QStringLiteral("workspace")))
        options.workspace = QFileInfo(options.command.first()).absolutePath();
    applyLimitOptions(parser, options);
    if (!announceSandbox(parser, options, err))
        return 2;
    TestRunner runner;
    const std::vector<TestResult> results = runner.run(suite, options);
    printTestResults(out, results, runner.summary(), parser.isSet(QStringLiteral("json")),
        parser.isSet(QStringLiteral("csv")), parser.isSet(QStringLiteral("verbose")));
    return runner.summary().failed == 0 ? 0 : 1;
}
