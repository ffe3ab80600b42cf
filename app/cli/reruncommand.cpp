#include "commands.h"
#include "storeoption.h"
#include "testoptions.h"

#include "store/store.h"
#include "workflow/rerunsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <cmath>
#include <map>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rerun", text);
}

}

int runRerunCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Re-executes a test suite on a sample's code as it stood at steps of its transcript, rebuilt from the "
           "agent's file edits, and stores each re-execution. Without --at, --every or --bisect it runs at every step "
           "where the agent ran tests (its intermediate scores) and at the end. Exit status 0 only when every test "
           "passed at the last step run."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("suite"), tr("The test suite (JSONL file or folder)."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("program"), tr("How to run the rebuilt program; {workspace} is replaced by its folder "
                                                     "(default: its `program`, or python3 on its one .py file)."),
        QStringLiteral("CMD") });
    parser.addOption({ QStringLiteral("root"), tr("The agent's workspace root (default: the folder holding every edited path)."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("at"), tr("Only at this step (event number)."), QStringLiteral("STEP") });
    parser.addOption({ QStringLiteral("every"), tr("At N evenly spaced steps among those that changed files."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("bisect"), tr("Find the first step at which this test passes (or breaks)."), QStringLiteral("TEST") });
    parser.addOption({ QStringLiteral("keep"), tr("Write the rebuilt workspaces under this folder and keep them."), QStringLiteral("DIR") });
    addLimitOptions(parser);
    parser.addPositionalArgument(QStringLiteral("SAMPLE"), tr("The sample's id in the store (see runlens-cli samples)."));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("runlens-cli rerun: name one sample id\n");
        return 2;
    }
    const qint64 sampleId = parser.positionalArguments().first().toLongLong();
    if (!parser.isSet(QStringLiteral("suite"))) {
        err << tr("runlens-cli rerun: --suite FILE is required") << '\n';
        return 2;
    }
    Store store;
    if (!openStore(store, parser))
        return 1;
    RerunSession session(store, sampleId);
    if (parser.isSet(QStringLiteral("root")))
        session.setRoot(parser.value(QStringLiteral("root")));
    session.setProgram(parser.value(QStringLiteral("program")));
    session.setKeepDirectory(parser.value(QStringLiteral("keep")));
    TestRunner::Options runnerOptions;
    applyLimitOptions(parser, runnerOptions);
    session.setRunnerOptions(runnerOptions);
    if (!session.prepare(parser.value(QStringLiteral("suite")))) {
        err << tr("runlens-cli rerun: %1\n").arg(session.errorString());
        return session.suite().tests().empty() ? 2 : 1;
    }
    const TestSuite& suite = session.suite();
    const std::vector<WorkspaceStep>& fileSteps = session.fileSteps();
    for (const WorkspaceStep& step : fileSteps) {
        if (step.kind == WorkspaceStep::Refused)
            err << tr("step %1: refused: %2 %3\n").arg(step.seq).arg(step.path, step.detail);
    }
    const int lastStep = fileSteps.empty() ? -1 : fileSteps.back().seq;
    const std::vector<PassPoint>& scores = session.reportedScores();
    const auto runAt = [&](int step) -> const RerunOutcome& { return session.runAt(step); };

    std::vector<int> steps;
    if (parser.isSet(QStringLiteral("at"))) {
        steps.push_back(parser.value(QStringLiteral("at")).toInt());
    } else if (parser.isSet(QStringLiteral("every"))) {
        const int count = std::max(1, parser.value(QStringLiteral("every")).toInt());
        for (int i = 1; i <= count && !fileSteps.empty(); ++i)
            steps.push_back(fileSteps[size_t(std::llround(double(i) * double(fileSteps.size()) / count)) - 1].seq);
    } else if (!parser.isSet(QStringLiteral("bisect"))) {
        for (const PassPoint& score : scores)
            steps.push_back(score.seq);
        steps.push_back(lastStep);
    }

    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    const bool json = parser.isSet(QStringLiteral("json"));
    const bool csv = parser.isSet(QStringLiteral("csv"));
    QJsonArray rows;
    if (csv)
        out << "step,visible_passed,visible_total,held_out_passed,held_out_total,transcript_visible,transcript_held_out,uncertain_steps\n";
    else if (!json)
        out << tr("step      visible    held-out   transcript (visible / held-out)   uncertain steps before") << '\n';
    int lastFailed = 0;
    for (const int step : steps) {
        const TestRunSummary& summary = runAt(step).summary;
        lastFailed = summary.failed;
        PassPoint reported;
        for (const PassPoint& score : scores) {
            if (score.seq <= step)
                reported = score;
        }
        int uncertain = 0;
        for (const WorkspaceStep& fileStep : fileSteps)
            uncertain += fileStep.seq <= step && fileStep.kind == WorkspaceStep::Uncertain;
        if (json) {
            rows.append(QJsonObject { { QStringLiteral("step"), step }, { QStringLiteral("visible_passed"), summary.visiblePassed },
                { QStringLiteral("visible_total"), summary.visibleTotal }, { QStringLiteral("held_out_passed"), summary.heldOutPassed },
                { QStringLiteral("held_out_total"), summary.heldOutTotal },
                { QStringLiteral("transcript_visible"), std::isnan(reported.visible) ? QJsonValue() : QJsonValue(reported.visible) },
                { QStringLiteral("transcript_held_out"), std::isnan(reported.heldOut) ? QJsonValue() : QJsonValue(reported.heldOut) },
                { QStringLiteral("uncertain_steps"), uncertain }, { QStringLiteral("build_error"), summary.buildError } });
        } else if (csv) {
            out << step << ',' << summary.visiblePassed << ',' << summary.visibleTotal << ',' << summary.heldOutPassed << ','
                << summary.heldOutTotal << ',' << (std::isnan(reported.visible) ? QString() : QString::number(reported.visible)) << ','
                << (std::isnan(reported.heldOut) ? QString() : QString::number(reported.heldOut)) << ',' << uncertain << '\n';
        } else {
            auto fraction = [](double value) { return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'f', 3); };
            out << QStringLiteral("%1  %2  %3  %4 / %5   %6")
                       .arg(step, 6)
                       .arg(QStringLiteral("%1/%2").arg(summary.visiblePassed).arg(summary.visibleTotal), 9)
                       .arg(QStringLiteral("%1/%2").arg(summary.heldOutPassed).arg(summary.heldOutTotal), 9)
                       .arg(fraction(reported.visible), 13)
                       .arg(fraction(reported.heldOut), -8)
                       .arg(uncertain)
                << '\n';
            if (!summary.buildError.isEmpty())
                out << "        " << summary.buildError << '\n';
        }
    }

    if (parser.isSet(QStringLiteral("bisect"))) {
        const QString test = parser.value(QStringLiteral("bisect"));
        if (!suite.find(test)) {
            err << tr("runlens-cli rerun: the suite has no test %1\n").arg(test);
            return 2;
        }
        auto passesAt = [&](size_t index) {
            for (const TestResult& result : runAt(fileSteps[index].seq).results) {
                if (result.id == test)
                    return result.passed;
            }
            return false;
        };
        if (fileSteps.empty()) {
            err << tr("runlens-cli rerun: the transcript changes no file\n");
            return 1;
        }
        // The test's state at the end decides what to look for: when it began passing, or when it last broke.
        const bool passesAtEnd = passesAt(fileSteps.size() - 1);
        size_t low = 0, high = fileSteps.size() - 1;
        while (low < high) {
            const size_t middle = (low + high) / 2;
            if (passesAt(middle) == passesAtEnd)
                high = middle;
            else
                low = middle + 1;
        }
        const WorkspaceStep& found = fileSteps[low];
        const QString verdict = passesAtEnd ? tr("first passes") : tr("breaks");
        if (json)
            rows.append(QJsonObject { { QStringLiteral("test"), test }, { QStringLiteral("step"), found.seq }, { QStringLiteral("event"), verdict } });
        else
            out << tr("%1 %2 at step %3 (%4 %5), found in %6 re-executions\n")
                       .arg(test, verdict)
                       .arg(found.seq)
                       .arg(found.detail, found.path)
                       .arg(session.runs());
        lastFailed = passesAtEnd ? 0 : 1;
    }
    if (json)
        out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return lastFailed == 0 ? 0 : 1;
}
