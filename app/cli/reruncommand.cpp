// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "storeoption.h"
#include "testoptions.h"

#include "store/store.h"
#include "workflow/rerunsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cmath>
#include <optional>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rerun", text);
}

void addRerunOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Re-executes a test suite on a sample's code as it stood at steps of its transcript, rebuilt from the "
           "agent's file edits, and stores each re-execution. Without --at, --every or --bisect it runs at every step "
           "where the agent ran tests (its intermediate scores) and at the end. Exit status 0 only when every test "
           "passed at the last step run."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("suite"), tr("The test suite (JSONL file or folder)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("program"),
        tr("How to run the rebuilt program; {workspace} is replaced by its folder "
           "(default: its `program`, or python3 on its one .py file)."),
        QStringLiteral("CMD") });
    parser.addOption({ QStringLiteral("root"),
        tr("The agent's workspace root (default: the folder holding every edited path)."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("at"), tr("Only at this step (event number)."), QStringLiteral("STEP") });
    parser.addOption({ QStringLiteral("every"), tr("At N evenly spaced steps among those that changed files."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("bisect"), tr("Find the first step at which this test passes (or breaks)."),
        QStringLiteral("TEST") });
    parser.addOption({ QStringLiteral("keep"), tr("Write the rebuilt workspaces under this folder and keep them."),
        QStringLiteral("DIR") });
    addLimitOptions(parser);
    parser.addPositionalArgument(
        QStringLiteral("SAMPLE"), tr("The sample's id in the store (see runlens-cli samples)."));
}

/// The steps to re-run at: --at, --every N among those that changed files, else where the agent ran its tests and
/// the end (none for --bisect alone).
std::vector<int> chosenSteps(const QCommandLineParser& parser, const RerunSession& session)
{
    const std::vector<WorkspaceStep>& fileSteps = session.fileSteps();
    std::vector<int> steps;
    if (parser.isSet(QStringLiteral("at"))) {
        steps.push_back(parser.value(QStringLiteral("at")).toInt());
    } else if (parser.isSet(QStringLiteral("every"))) {
        const int count = std::max(1, parser.value(QStringLiteral("every")).toInt());
        for (int i = 1; i <= count && !fileSteps.empty(); ++i)
            steps.push_back(fileSteps[size_t(std::llround(double(i) * double(fileSteps.size()) / count)) - 1].seq);
    } else if (!parser.isSet(QStringLiteral("bisect"))) {
        for (const PassPoint& score : session.reportedScores())
            steps.push_back(score.seq);
        steps.push_back(fileSteps.empty() ? -1 : fileSteps.back().seq);
    }
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    return steps;
}

/// Prints a re-execution beside what the transcript reported there, as text, CSV or a JSON row.
class RerunPrinter {
public:
    RerunPrinter(QTextStream& out, bool json, bool csv)
        : m_out(out)
        , m_json(json)
        , m_csv(csv)
    {
        if (m_csv)
            m_out << "step,visible_passed,visible_total,held_out_passed,held_out_total,transcript_visible,transcript_"
                     "held_out,uncertain_steps,sandbox,unenforced\n";
        else if (!m_json)
            m_out << tr("step      visible    held-out   transcript (visible / held-out)   uncertain steps before")
                  << '\n';
    }

    void print(int step, const TestRunSummary& summary, const PassPoint& reported, int uncertain)
    {
        const auto number = [](double value) { return std::isnan(value) ? QJsonValue() : QJsonValue(value); };
        const auto cell = [](double value) { return std::isnan(value) ? QString() : QString::number(value); };
        const auto fraction
            = [](double value) { return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'f', 3); };
        if (m_json) {
            m_rows.append(QJsonObject { { QStringLiteral("step"), step },
                { QStringLiteral("visible_passed"), summary.visiblePassed },
                { QStringLiteral("visible_total"), summary.visibleTotal },
                { QStringLiteral("held_out_passed"), summary.heldOutPassed },
                { QStringLiteral("held_out_total"), summary.heldOutTotal },
                { QStringLiteral("transcript_visible"), number(reported.visible) },
                { QStringLiteral("transcript_held_out"), number(reported.heldOut) },
                { QStringLiteral("uncertain_steps"), uncertain }, { QStringLiteral("build_error"), summary.buildError },
                { QStringLiteral("sandbox"), summary.sandboxed },
                { QStringLiteral("unenforced"), QJsonArray::fromStringList(summary.unenforced) } });
        } else if (m_csv) {
            m_out << step << ',' << summary.visiblePassed << ',' << summary.visibleTotal << ',' << summary.heldOutPassed
                  << ',' << summary.heldOutTotal << ',' << cell(reported.visible) << ',' << cell(reported.heldOut)
                  << ',' << uncertain << ',' << (summary.sandboxed ? 1 : 0) << ','
                  << csvCell(summary.unenforced.join(QStringLiteral("; "))) << '\n';
        } else {
            m_out << QStringLiteral("%1  %2  %3  %4 / %5   %6")
                         .arg(step, 6)
                         .arg(QStringLiteral("%1/%2").arg(summary.visiblePassed).arg(summary.visibleTotal), 9)
                         .arg(QStringLiteral("%1/%2").arg(summary.heldOutPassed).arg(summary.heldOutTotal), 9)
                         .arg(fraction(reported.visible), 13)
                         .arg(fraction(reported.heldOut), -8)
                         .arg(uncertain)
                  << '\n';
            if (!summary.buildError.isEmpty())
                m_out << "        " << summary.buildError << '\n';
            if (!summary.unenforced.isEmpty())
                m_out << "        " << tr("not enforced: %1").arg(summary.unenforced.join(QStringLiteral(", ")))
                      << '\n';
        }
    }

    void printBisection(const QString& test, const QString& verdict, const WorkspaceStep& found, int runs)
    {
        if (m_json)
            m_rows.append(QJsonObject { { QStringLiteral("test"), test }, { QStringLiteral("step"), found.seq },
                { QStringLiteral("event"), verdict } });
        else
            m_out << tr("%1 %2 at step %3 (%4 %5), found in %6 re-executions\n")
                         .arg(test, verdict)
                         .arg(found.seq)
                         .arg(found.detail, found.path)
                         .arg(runs);
    }

    ~RerunPrinter()
    {
        if (m_json)
            m_out << QJsonDocument(m_rows).toJson(QJsonDocument::Indented);
    }

private:
    QTextStream& m_out;
    bool m_json;
    bool m_csv;
    QJsonArray m_rows;
};

/// The session for the command's options, prepared; an exit status when it cannot be.
std::optional<int> prepare(RerunSession& session, const QCommandLineParser& parser, QTextStream& err)
{
    if (parser.isSet(QStringLiteral("root")))
        session.setRoot(parser.value(QStringLiteral("root")));
    session.setProgram(parser.value(QStringLiteral("program")));
    session.setKeepDirectory(parser.value(QStringLiteral("keep")));
    TestRunner::Options runnerOptions;
    applyLimitOptions(parser, runnerOptions);
    if (!announceSandbox(parser, runnerOptions, err))
        return 2;
    session.setRunnerOptions(runnerOptions);
    if (!session.prepare(parser.value(QStringLiteral("suite")))) {
        err << tr("runlens-cli rerun: %1\n").arg(session.errorString());
        return session.suite().tests().empty() ? 2 : 1;
    }
    for (const WorkspaceStep& step : session.fileSteps()) {
        if (step.kind == WorkspaceStep::Refused)
            err << tr("step %1: refused: %2 %3\n").arg(step.seq).arg(step.path, step.detail);
    }
    return std::nullopt;
}
}

int runRerunCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    addRerunOptions(parser);
    parser.process(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("runlens-cli rerun: name one sample id\n");
        return 2;
    }
    if (!parser.isSet(QStringLiteral("suite"))) {
        err << tr("runlens-cli rerun: --suite FILE is required") << '\n';
        return 2;
    }
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    RerunSession session(store, parser.positionalArguments().first().toLongLong());
    if (const std::optional<int> status = prepare(session, parser, err))
        return *status;
    RerunPrinter printer(out, parser.isSet(QStringLiteral("json")), parser.isSet(QStringLiteral("csv")));
    int lastFailed = 0;
    for (const int step : chosenSteps(parser, session)) {
        const TestRunSummary& summary = session.runAt(step).summary;
        lastFailed = summary.failed;
        PassPoint reported;
        for (const PassPoint& score : session.reportedScores()) {
            if (score.seq <= step)
                reported = score;
        }
        const int uncertain = int(
            std::count_if(session.fileSteps().begin(), session.fileSteps().end(), [&](const WorkspaceStep& fileStep) {
                return fileStep.seq <= step && fileStep.kind == WorkspaceStep::Uncertain;
            }));
        printer.print(step, summary, reported, uncertain);
    }
    if (parser.isSet(QStringLiteral("bisect"))) {
        const QString test = parser.value(QStringLiteral("bisect"));
        if (!session.suite().find(test)) {
            err << tr("runlens-cli rerun: the suite has no test %1\n").arg(test);
            return 2;
        }
        const RerunSession::Bisection found = session.bisect(test);
        if (!found.step) {
            err << tr("runlens-cli rerun: the transcript changes no file\n");
            return 1;
        }
        printer.printBisection(
            test, found.passesAtEnd ? tr("first passes") : tr("breaks"), *found.step, session.runs());
        lastFailed = found.passesAtEnd ? 0 : 1;
    }
    return lastFailed == 0 ? 0 : 1;
}
