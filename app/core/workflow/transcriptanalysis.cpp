// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptanalysis.h"

#include "analysis/edithistory.h"
#include "analysis/passcurve.h"
#include "analysis/runanatomy.h"
#include "analysis/scorereading.h"
#include "analysis/testmatrix.h"
#include "runner/workspacebuilder.h"
#include "store/transcriptquery.h"

#include "json/jsonvalues.h"

#include <limits>

namespace {
/// Which tests never passed, which broke and which kept failing through each plateau: the output of the calls classed
/// as running tests, read once.
void readTests(TranscriptQuery& transcript, Anatomy& anatomy)
{
    const TestOutputParser parser = TestOutputParser::standard();
    TestMatrixBuilder builder(parser);
    std::vector<TestCounts> counts;
    for (const ToolOutput& tool : transcript.toolOutputsAt(anatomy.testSteps)) {
        if (const std::optional<TestCounts> read = parser.parse(tool.output)) {
            counts.push_back(*read);
            builder.addToolOutput(tool);
        }
    }
    const TestMatrix matrix = builder.matrix();
    anatomy.tests = testHistory(matrix, counts);
    if (!anatomy.tests.named)
        return;
    for (Plateau& plateau : anatomy.plateaus)
        plateau.failingTests = testsFailingThroughout(matrix, plateau.fromStep, plateau.toStep);
}
}

PassCurve passCurve(TranscriptQuery& transcript, const PriceTable& prices)
{
    PassCurveBuilder builder(prices, TestOutputParser::standard());
    for (const EventRow& call : transcript.modelCalls())
        builder.addModelCall(call);
    for (const StepMark& mark : transcript.marks())
        builder.addMark(mark);
    for (const StepPayload& score : transcript.scoreEvents())
        builder.addScoreEvent(score);
    if (!builder.hasPoints()) {
        transcript.visitToolOutputs([&](const ToolOutput& tool) {
            builder.addToolOutput(tool);
            return true;
        });
    }
    return builder.curve();
}

TestMatrix testMatrix(TranscriptQuery& transcript)
{
    TestMatrixBuilder builder(TestOutputParser::standard());
    transcript.visitToolOutputs(
        [&](const ToolOutput& tool) {
            builder.addToolOutput(tool);
            return true;
        },
        QStringLiteral("test"));
    return builder.matrix();
}

std::vector<PassPoint> reportedScores(TranscriptQuery& transcript)
{
    std::vector<PassPoint> points;
    for (const StepPayload& event : transcript.scoreEvents()) {
        if (const std::optional<PassFractions> score = intermediateScore(event.json))
            points.push_back({ event.seq, event.workingStart, 0, score->visible, score->heldOut });
    }
    return points;
}

std::vector<int> fileChangingSteps(TranscriptQuery& transcript)
{
    WorkspaceBuilder builder(
        transcript.toolCalls(), [&](const QString& text) { return transcript.resolveAttachments(text); });
    std::vector<int> steps;
    for (const WorkspaceStep& step : builder.fileSteps())
        steps.push_back(step.seq);
    return steps;
}

Anatomy runAnatomy(TranscriptQuery& transcript, const SampleRow& sample, const PriceTable& prices)
{
    RunAnatomy anatomy(prices, ActivityPatterns::standard());
    // The test runs: the run's own intermediate scores, else the test runner's output (as the pass curve reads them).
    PassCurveBuilder curve(prices, TestOutputParser::standard());
    for (const StepPayload& score : transcript.scoreEvents())
        curve.addScoreEvent(score);
    if (!curve.hasPoints()) {
        transcript.visitToolOutputs([&](const ToolOutput& tool) {
            curve.addToolOutput(tool);
            return true;
        });
    }
    anatomy.setScores(curve.curve().points, curve.curve().source);
    int toolErrors = 0;
    for (const StepMark& mark : transcript.marks())
        toolErrors += mark.type == QLatin1String("tool") ? 1 : 0;
    anatomy.setToolErrors(toolErrors);
    transcript.visitEventRows(
        [&](const EventRow& event) {
            // An editor's call names its command and path before the texts it writes, and that is all the anatomy reads
            // of it: attachments are read only for calls whose other arguments are in one (a long command).
            if (event.type == QLatin1String("tool") && TranscriptQuery::hasAttachmentReference(event.summary)) {
                const qsizetype path = event.summary.indexOf(QLatin1String("\"path\":"));
                if (path < 0 || event.summary.indexOf(QLatin1String("attachment://")) < path) {
                    EventRow resolved = event;
                    resolved.summary = transcript.summary(event.summary);
                    anatomy.addEvent(resolved);
                    return true;
                }
            }
            anatomy.addEvent(event);
            return true;
        },
        RunAnatomy::eventTypes());
    // The rest (spans, sandbox calls, scores) only count: the extent comes from the index.
    anatomy.setEnd(transcript.count(), transcript.lastStep(), transcript.lastWorkingStart());
    SampleRow outcome = sample;
    const PassFractions fractions = passFractionsOfMetadata(sample.scoreMetadataJson);
    outcome.visiblePass = fractions.visible;
    outcome.heldOutPass = fractions.heldOut;
    Anatomy result = anatomy.finish(outcome);
    readTests(transcript, result);
    return result;
}

void followEdits(TranscriptQuery& transcript, Anatomy& anatomy)
{
    // The editing calls alone, read by one statement.
    std::vector<ToolCall> calls = transcript.toolCallsAt(anatomy.editSteps);
    auto resolve = [&](const QString& text) { return transcript.resolveAttachments(text); };
    WorkspaceBuilder workspace(std::move(calls), resolve);
    // undo_edit rarely goes back more than a few edits; every earlier content of a file would grow with the run.
    workspace.setHistoryDepth(16);
    workspace.reset();
    EditHistory history;
    anatomy.uncertainEdits = 0;
    // The size of the edits behind each regression: each of its editing calls' texts.
    QHash<int, Regression*> regressionOf;
    for (Regression& regression : anatomy.regressions) {
        regression.diffLines = 0;
        for (const int step : regression.editSteps)
            regressionOf.insert(step, &regression);
    }
    size_t next = 0;
    auto applyUpTo = [&](int step) {
        while (workspace.nextStep() >= 0 && workspace.nextStep() < step) {
            const size_t before = workspace.steps().size();
            const ToolCall& call = workspace.calls()[next++];
            const int seq = call.seq;
            if (Regression* regression = regressionOf.value(seq))
                regression->diffLines += RunAnatomy::diffLinesOf(call.argumentsJson, resolve);
            workspace.applyNext();
            if (workspace.steps().size() == before)
                continue;
            const WorkspaceStep& applied = workspace.steps().back();
            if (applied.kind == WorkspaceStep::Uncertain)
                ++anatomy.uncertainEdits;
            if (applied.kind != WorkspaceStep::Edit && applied.kind != WorkspaceStep::Write)
                continue;
            QString oldText, newText;
            if (applied.detail == QLatin1String("str_replace")) {
                rapidjson::Document arguments;
                if (parseJson(arguments, call.argumentsJson.constData(), size_t(call.argumentsJson.size()))) {
                    oldText = resolve(stringOf(member(arguments, "old_str")));
                    newText = resolve(stringOf(member(arguments, "new_str")));
                }
            }
            history.addEdit(seq, applied.path, workspace.files().value(applied.path), oldText, newText);
        }
    };
    for (const PassPoint& point : anatomy.scores) {
        applyUpTo(point.seq);
        history.addTestRun(point.seq);
    }
    applyUpTo(std::numeric_limits<int>::max());
    anatomy.undoEdits = history.undoEdits();
    anatomy.codeGrowth = history.codeGrowth();
}
