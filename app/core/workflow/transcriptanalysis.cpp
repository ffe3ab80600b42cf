// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptanalysis.h"

#include "analysis/passcurve.h"
#include "analysis/runanatomy.h"
#include "analysis/scorereading.h"
#include "analysis/testmatrix.h"
#include "runner/workspacebuilder.h"
#include "store/transcriptquery.h"

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
    // The size of the edits behind each regression, read from those calls alone.
    for (Regression& regression : result.regressions) {
        for (const int step : regression.editSteps) {
            regression.diffLines += RunAnatomy::diffLinesOf(transcript.toolCall(step).argumentsJson,
                [&](const QString& text) { return transcript.resolveAttachments(text); });
        }
    }
    return result;
}
