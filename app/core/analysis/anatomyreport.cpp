// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomyreport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("report", text);
}

/// A number, or null for NaN (JSON has no NaN).
QJsonValue number(double value)
{
    return std::isnan(value) ? QJsonValue() : QJsonValue(value);
}

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("–") : QString::number(100 * fraction, 'f', 1) + QLatin1Char('%');
}

QString dollars(double value)
{
    return QLatin1Char('$') + QString::number(value, 'f', 2);
}

QJsonArray steps(const std::vector<int>& list)
{
    QJsonArray array;
    for (const int step : list)
        array.append(step);
    return array;
}

QJsonObject activitiesJson(const std::vector<ActivityShare>& shares)
{
    QJsonObject object;
    for (const ActivityShare& share : shares) {
        object.insert(share.name,
            QJsonObject { { QStringLiteral("turns"), share.turns },
                { QStringLiteral("working_time_s"), share.workingTime }, { QStringLiteral("cost_usd"), share.cost } });
    }
    return object;
}

/// `named`: whether the test output names its tests (else `failing_tests` is null: unknown, not none).
QJsonObject plateauJson(const Plateau& plateau, bool named)
{
    QJsonArray commands;
    for (const CommandCount& command : plateau.repeatedCommands)
        commands.append(
            QJsonObject { { QStringLiteral("command"), command.command }, { QStringLiteral("count"), command.count } });
    return { { QStringLiteral("from_step"), plateau.fromStep }, { QStringLiteral("to_step"), plateau.toStep },
        { QStringLiteral("test_runs"), plateau.testRuns }, { QStringLiteral("ended"), plateau.ended },
        { QStringLiteral("level"), number(plateau.level) }, { QStringLiteral("working_time_s"), plateau.workingTime },
        { QStringLiteral("cost_usd"), plateau.cost },
        { QStringLiteral("activities"), activitiesJson(plateau.activities) },
        { QStringLiteral("repeated_commands"), commands },
        { QStringLiteral("edited_files"), QJsonArray::fromStringList(plateau.editedFiles) },
        { QStringLiteral("failing_tests"),
            named ? QJsonValue(QJsonArray::fromStringList(plateau.failingTests)) : QJsonValue() } };
}

QJsonObject regressionJson(const Regression& regression)
{
    return { { QStringLiteral("from_step"), regression.fromStep }, { QStringLiteral("to_step"), regression.toStep },
        { QStringLiteral("held_out_before"), number(regression.heldOutBefore) },
        { QStringLiteral("held_out_after"), number(regression.heldOutAfter) },
        { QStringLiteral("visible_before"), number(regression.visibleBefore) },
        { QStringLiteral("visible_after"), number(regression.visibleAfter) },
        { QStringLiteral("edit_steps"), steps(regression.editSteps) },
        { QStringLiteral("files"), QJsonArray::fromStringList(regression.files) },
        { QStringLiteral("diff_lines"), regression.diffLines } };
}

QJsonObject compactionJson(const CompactionAnatomy& compaction)
{
    return { { QStringLiteral("step"), compaction.step }, { QStringLiteral("tokens_before"), compaction.tokensBefore },
        { QStringLiteral("tokens_after"), compaction.tokensAfter },
        { QStringLiteral("pass_before"), number(compaction.passBefore) },
        { QStringLiteral("pass_after"), number(compaction.passAfter) },
        { QStringLiteral("activities_before"), activitiesJson(compaction.activitiesBefore) },
        { QStringLiteral("activities_after"), activitiesJson(compaction.activitiesAfter) },
        { QStringLiteral("reread_files"), QJsonArray::fromStringList(compaction.rereadFiles) } };
}

QJsonObject testsJson(const TestHistory& tests)
{
    QJsonArray broke;
    for (const TestBreak& b : tests.broke)
        broke.append(QJsonObject { { QStringLiteral("test"), b.test }, { QStringLiteral("passed_step"), b.passedStep },
            { QStringLiteral("broke_step"), b.brokeStep },
            { QStringLiteral("fixed_step"), b.fixedStep < 0 ? QJsonValue() : QJsonValue(b.fixedStep) } });
    const int neverPassed = tests.named ? int(tests.neverPassed.size()) : tests.total - tests.bestPassed;
    return { { QStringLiteral("named"), tests.named }, { QStringLiteral("runs"), tests.runs },
        { QStringLiteral("total"), tests.total }, { QStringLiteral("best_passed"), tests.bestPassed },
        { QStringLiteral("final_passed"), tests.finalPassed },
        { QStringLiteral("never_passed_count"), tests.runs > 0 ? QJsonValue(neverPassed) : QJsonValue() },
        { QStringLiteral("never_passed"),
            tests.named ? QJsonValue(QJsonArray::fromStringList(tests.neverPassed)) : QJsonValue() },
        { QStringLiteral("broke"), tests.named ? QJsonValue(broke) : QJsonValue() } };
}

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

/// A command as a reader knows it: a bash call's command line rather than the tool's arguments as JSON
/// (`bash {"cmd":"ls"}` reads `ls`); any other call as it is.
QString commandText(const QString& command)
{
    const qsizetype space = command.indexOf(QLatin1Char(' '));
    if (space < 0)
        return command;
    const QJsonObject arguments = QJsonDocument::fromJson(command.mid(space + 1).toUtf8()).object();
    for (const char* key : { "cmd", "command" }) {
        QString line = arguments.value(QLatin1String(key)).toString();
        if (!line.isEmpty())
            return line;
    }
    return command;
}

/// Markdown table cells hold no pipes or line breaks.
QString cell(QString text)
{
    text.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.length() > 90 ? text.left(89) + QStringLiteral("…") : text;
}
}

AnatomyReport::AnatomyReport(const Anatomy& anatomy, const SampleRow& sample, const ActivityPatterns& patterns)
    : m_anatomy(anatomy)
    , m_sample(sample)
    , m_patterns(patterns)
{
}

QString AnatomyReport::duration(double seconds)
{
    if (std::isnan(seconds))
        return QStringLiteral("–");
    const qint64 s = qint64(std::llround(seconds));
    if (s >= 86400)
        return tr("%1 d %2 h").arg(s / 86400).arg(s % 86400 / 3600);
    if (s >= 3600)
        return tr("%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
    if (s >= 60)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 s").arg(s);
}

QString AnatomyReport::label(const QString& activity) const
{
    const int index = m_patterns.indexOf(activity);
    return index >= 0 ? m_patterns.label(index) : activity;
}

QJsonObject AnatomyReport::sampleJson() const
{
    return { { QStringLiteral("id"), m_sample.id }, { QStringLiteral("name"), m_sample.sampleId },
        { QStringLiteral("epoch"), m_sample.epoch }, { QStringLiteral("model"), m_sample.model },
        { QStringLiteral("task"), m_sample.task }, { QStringLiteral("run"), m_sample.runId },
        { QStringLiteral("program"), m_sample.program }, { QStringLiteral("tier"), m_sample.tier } };
}

QJsonObject AnatomyReport::json() const
{
    const Anatomy& a = m_anatomy;
    QJsonObject tools;
    for (const auto& [function, count] : a.toolCalls)
        tools.insert(function, count);
    QJsonArray compactions, scores, plateaus, regressions, loops, undoEdits, growth;
    for (const UndoEdit& undo : a.undoEdits)
        undoEdits.append(
            QJsonObject { { QStringLiteral("step"), undo.step }, { QStringLiteral("undoes_step"), undo.undoesStep },
                { QStringLiteral("path"), undo.path }, { QStringLiteral("restores"), undo.restores } });
    QJsonArray band;
    for (const ActivitySpan& span : a.activityBand)
        band.append(QJsonObject { { QStringLiteral("from_step"), span.fromStep },
            { QStringLiteral("to_step"), span.toStep }, { QStringLiteral("activity"), span.activity } });
    for (const CodeSize& size : a.codeGrowth)
        growth.append(QJsonObject { { QStringLiteral("step"), size.step }, { QStringLiteral("lines"), size.lines } });
    for (const CompactionAnatomy& compaction : a.compactions)
        compactions.append(compactionJson(compaction));
    for (const PassPoint& point : a.scores)
        scores.append(QJsonObject { { QStringLiteral("step"), point.seq },
            { QStringLiteral("visible"), number(point.visible) }, { QStringLiteral("held_out"), number(point.heldOut) },
            { QStringLiteral("working_time_s"), point.workingStart } });
    for (const Plateau& plateau : a.plateaus)
        plateaus.append(plateauJson(plateau, a.tests.named));
    for (const Regression& regression : a.regressions)
        regressions.append(regressionJson(regression));
    for (const CommandLoop& loop : a.loops)
        loops.append(
            QJsonObject { { QStringLiteral("command"), loop.command }, { QStringLiteral("first_step"), loop.firstStep },
                { QStringLiteral("last_step"), loop.lastStep }, { QStringLiteral("runs"), loop.runs } });
    const QJsonValue solved = a.solved < 0 ? QJsonValue() : QJsonValue(a.solved == 1);
    return { { QStringLiteral("sample"), sampleJson() }, { QStringLiteral("events"), a.events },
        { QStringLiteral("last_step"), a.lastStep }, { QStringLiteral("model_calls"), a.modelCalls },
        { QStringLiteral("tool_calls"), tools }, { QStringLiteral("tool_errors"), a.toolErrors },
        { QStringLiteral("compactions"), compactions }, { QStringLiteral("score_events"), scores },
        { QStringLiteral("score_source"), a.scoreSource }, { QStringLiteral("measure"), a.measure },
        { QStringLiteral("final"),
            QJsonObject { { QStringLiteral("visible"), number(a.finalVisible) },
                { QStringLiteral("held_out"), number(a.finalHeldOut) }, { QStringLiteral("solved"), solved },
                { QStringLiteral("limit"), a.limit }, { QStringLiteral("error"), a.error } } },
        { QStringLiteral("best"),
            QJsonObject { { QStringLiteral("step"), a.bestStep < 0 ? QJsonValue() : QJsonValue(a.bestStep) },
                { QStringLiteral("held_out"), number(a.bestHeldOut) },
                { QStringLiteral("visible"), number(a.bestVisible) },
                { QStringLiteral("activities"), activitiesJson(a.activitiesToBest) } } },
        { QStringLiteral("after_last_gain"),
            QJsonObject { { QStringLiteral("steps"), a.stepsAfterLastGain },
                { QStringLiteral("working_time_s"), a.workingTimeAfterLastGain },
                { QStringLiteral("cost_usd"), a.costAfterLastGain },
                { QStringLiteral("activities"), activitiesJson(a.activitiesAfterLastGain) } } },
        { QStringLiteral("working_time_s"), a.workingTime }, { QStringLiteral("cost_usd"), a.cost },
        { QStringLiteral("unpriced_calls"), a.unpricedCalls }, { QStringLiteral("plateaus"), plateaus },
        { QStringLiteral("regressions"), regressions }, { QStringLiteral("activities"), activitiesJson(a.activities) },
        { QStringLiteral("loops"), loops }, { QStringLiteral("edit_steps"), int(a.editSteps.size()) },
        { QStringLiteral("undo_edits"), undoEdits }, { QStringLiteral("tests"), testsJson(a.tests) },
        { QStringLiteral("code_growth"), growth }, { QStringLiteral("activity_band"), band },
        { QStringLiteral("uncertain_edits"), a.uncertainEdits } };
}

QString AnatomyReport::headline() const
{
    const Anatomy& a = m_anatomy;
    QString outcome = a.solved == 1 ? tr("solved") : a.solved == 0 ? tr("not solved") : tr("unscored");
    if (!a.limit.isEmpty())
        outcome += tr(", stopped by its %1 limit").arg(a.limit);
    if (!a.error.isEmpty())
        outcome += tr(", ended by an error: %1").arg(a.error.left(120));
    return tr("%1 (epoch %2), %3 on %4: %5. Final held-out %6, visible %7; %8 steps, %9 working, %10.")
        .arg(m_sample.sampleId)
        .arg(m_sample.epoch)
        .arg(m_sample.model, m_sample.task, outcome, percent(a.finalHeldOut), percent(a.finalVisible))
        .arg(a.lastStep + 1)
        .arg(duration(a.workingTime), dollars(a.cost));
}

QStringList AnatomyReport::findings() const
{
    const Anatomy& a = m_anatomy;
    QStringList lines;
    if (a.bestStep >= 0) {
        lines << tr("Best point at step %1 (held-out %2, visible %3). After the last gain: %4 and %5 over %6 steps.")
                     .arg(a.bestStep)
                     .arg(percent(a.bestHeldOut), percent(a.bestVisible), dollars(a.costAfterLastGain),
                         duration(a.workingTimeAfterLastGain))
                     .arg(a.stepsAfterLastGain);
        // The two phases' main activities: what the climb was made of, and what the rest went on.
        const auto mainActivity = [this](const std::vector<ActivityShare>& mix) {
            return mix.empty() ? tr("nothing") : label(mix.front().name);
        };
        lines << tr("Mostly %1 up to the best point; %2 after it.")
                     .arg(mainActivity(a.activitiesToBest), mainActivity(a.activitiesAfterLastGain));
    } else {
        lines << tr("No test run with a pass fraction: no best point, plateaus or regressions.");
    }
    if (!a.plateaus.empty()) {
        const Plateau& longest = a.plateaus.front();
        lines << tr("Longest plateau: steps %1 to %2, %3 test runs at %4, %5 and %6.")
                     .arg(longest.fromStep)
                     .arg(longest.toStep)
                     .arg(longest.testRuns)
                     .arg(percent(longest.level), duration(longest.workingTime), dollars(longest.cost));
    }
    lines << tr("Regressions: %1. Compactions: %2. Loops (a command run %4 or more times with no edit between): %3.")
                 .arg(a.regressions.size())
                 .arg(a.compactions.size())
                 .arg(a.loops.size())
                 .arg(3);
    if (a.tests.named)
        lines << tr("Tests that never passed: %1 of %2. Times a passing test broke: %3.")
                     .arg(a.tests.neverPassed.size())
                     .arg(a.tests.total)
                     .arg(a.tests.broke.size());
    if (!a.undoEdits.empty())
        lines << tr("Edits that undid an earlier edit: %1.").arg(a.undoEdits.size());
    if (a.codeGrowth.size() > 1)
        lines << tr("Code: %1 lines at the first test run, %2 at the last.")
                     .arg(a.codeGrowth.front().lines)
                     .arg(a.codeGrowth.back().lines);
    return lines;
}

QString AnatomyReport::markdown() const
{
    const Anatomy& a = m_anatomy;
    QString md = tr("# Run report: %1\n\n").arg(m_sample.sampleId) + headline() + QStringLiteral("\n\n");
    for (const QString& line : findings())
        md += QStringLiteral("- ") + line + QLatin1Char('\n');
    md += tr("\n## Activities\n\n| activity | turns | working time | dollars |\n|---|---:|---:|---:|\n");
    for (const ActivityShare& share : a.activities)
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(label(share.name))
                  .arg(share.turns)
                  .arg(duration(share.workingTime), dollars(share.cost));
    md += tr("\n## Plateaus (longest first)\n\n| steps | test runs | at | time | dollars | mostly | repeated | files "
             "edited | kept failing |\n|---|---:|---:|---:|---:|---|---|---|---:|\n");
    for (size_t i = 0; i < a.plateaus.size() && i < 10; ++i) {
        const Plateau& p = a.plateaus[i];
        const QString mostly = p.activities.empty() ? QString() : label(p.activities.front().name);
        const QString repeated = p.repeatedCommands.empty()
            ? QString()
            : QStringLiteral("%1 ×%2")
                  .arg(cell(commandText(p.repeatedCommands.front().command)))
                  .arg(p.repeatedCommands.front().count);
        md += QStringLiteral("| %1–%2 | %3 | %4 | %5 | %6 | %7 | %8 | %9 | %10 |\n")
                  .arg(p.fromStep)
                  .arg(p.toStep)
                  .arg(p.testRuns)
                  .arg(percent(p.level), duration(p.workingTime), dollars(p.cost), mostly, repeated,
                      cell(p.editedFiles.join(QStringLiteral(", "))))
                  .arg(a.tests.named ? QString::number(p.failingTests.size()) : QStringLiteral("–"));
    }
    md += tr("\n## Regressions\n\n| steps | held-out | visible | edits at steps | files | diff lines |\n"
             "|---|---|---|---|---|---:|\n");
    for (const Regression& r : a.regressions) {
        QStringList edits;
        for (const int step : r.editSteps)
            edits << QString::number(step);
        md += QStringLiteral("| %1–%2 | %3 → %4 | %5 → %6 | %7 | %8 | %9 |\n")
                  .arg(r.fromStep)
                  .arg(r.toStep)
                  .arg(percent(r.heldOutBefore), percent(r.heldOutAfter), percent(r.visibleBefore),
                      percent(r.visibleAfter), cell(edits.join(QStringLiteral(", "))),
                      cell(r.files.join(QStringLiteral(", "))))
                  .arg(r.diffLines);
    }
    md += testsMarkdown();
    md += tr("\n## Compactions\n\n| step | tokens before | after | pass before | after | files re-read |\n"
             "|---:|---:|---:|---:|---:|---|\n");
    for (const CompactionAnatomy& c : a.compactions)
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                  .arg(c.step)
                  .arg(c.tokensBefore)
                  .arg(c.tokensAfter)
                  .arg(percent(c.passBefore), percent(c.passAfter), cell(c.rereadFiles.join(QStringLiteral(", "))));
    md += tr("\n## Loops\n\n| command | runs | steps |\n|---|---:|---|\n");
    for (size_t i = 0; i < a.loops.size() && i < 10; ++i)
        md += QStringLiteral("| `%1` | %2 | %3–%4 |\n")
                  .arg(cell(commandText(a.loops[i].command)))
                  .arg(a.loops[i].runs)
                  .arg(a.loops[i].firstStep)
                  .arg(a.loops[i].lastStep);
    if (!a.undoEdits.empty()) {
        md += tr("\n## Edits undone\n\n| step | undoes step | file | how |\n|---:|---:|---|---|\n");
        for (size_t i = 0; i < a.undoEdits.size() && i < 10; ++i)
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(a.undoEdits[i].step)
                      .arg(a.undoEdits[i].undoesStep)
                      .arg(cell(a.undoEdits[i].path),
                          a.undoEdits[i].restores ? tr("file as it was before") : tr("old and new texts swapped"));
    }
    return md;
}

QString AnatomyReport::testsMarkdown() const
{
    const TestHistory& t = m_anatomy.tests;
    if (t.runs == 0)
        return {};
    QString md = tr("\n## Tests\n\n");
    if (!t.named) {
        md += tr("The test output does not name every test it counts: %1 test runs, at best %2 of %3 tests passed, "
                 "at the end %4; at least %5 never passed and at least %6 broke after passing.\n")
                  .arg(t.runs)
                  .arg(t.bestPassed)
                  .arg(t.total)
                  .arg(t.finalPassed)
                  .arg(t.total - t.bestPassed)
                  .arg(t.bestPassed - t.finalPassed);
        return md;
    }
    md += tr("%1 test runs; %2 of %3 tests never passed").arg(t.runs).arg(t.neverPassed.size()).arg(t.total);
    md += t.neverPassed.isEmpty()
        ? QStringLiteral(".\n")
        : QStringLiteral(": ") + cell(t.neverPassed.join(QStringLiteral(", "))) + QLatin1Char('\n');
    if (t.broke.empty())
        return md + tr("No test broke after passing.\n");
    md += tr("\n| test | passed at step | broke at step | passed again at |\n|---|---:|---:|---:|\n");
    for (size_t i = 0; i < t.broke.size() && i < 15; ++i)
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(cell(t.broke[i].test))
                  .arg(t.broke[i].passedStep)
                  .arg(t.broke[i].brokeStep)
                  .arg(t.broke[i].fixedStep < 0 ? tr("never") : QString::number(t.broke[i].fixedStep));
    if (t.broke.size() > 15)
        md += tr("\n…and %1 more breaks.\n").arg(t.broke.size() - 15);
    return md;
}

QString AnatomyReport::svgCurve() const
{
    const Anatomy& a = m_anatomy;
    const bool growth = !a.codeGrowth.empty();
    const double width = 700, left = 40, top = 10, plotWidth = width - left - 10, plotHeight = 200,
                 band = a.activityBand.empty() ? 0 : 12, height = top + plotHeight + band + 58;
    const double last = std::max(1, a.lastStep);
    auto x = [&](double step) { return left + plotWidth * step / last; };
    auto y = [&](double fraction) { return top + plotHeight * (1 - fraction); };
    QString svg = QStringLiteral(R"(<svg xmlns="http://www.w3.org/2000/svg" width="%1" height="%2" )"
                                 R"(font-family="sans-serif" font-size="11">)")
                      .arg(width)
                      .arg(height);
    for (const Plateau& p : a.plateaus)
        svg += QStringLiteral(R"(<rect x="%1" y="%2" width="%3" height="%4" fill="#f2e6c9"/>)")
                   .arg(x(p.fromStep))
                   .arg(top)
                   .arg(std::max(1.0, x(p.toStep) - x(p.fromStep)))
                   .arg(plotHeight);
    for (const CompactionAnatomy& c : a.compactions)
        svg += QStringLiteral(R"(<line x1="%1" x2="%1" y1="%2" y2="%3" stroke="#bbb"/>)")
                   .arg(x(c.step))
                   .arg(top)
                   .arg(top + plotHeight);
    svg += QStringLiteral(R"(<rect x="%1" y="%2" width="%3" height="%4" fill="none" stroke="#444"/>)")
               .arg(left)
               .arg(top)
               .arg(plotWidth)
               .arg(plotHeight);
    // The activities along the steps, under the plot, in the panel's colours.
    for (const ActivitySpan& span : a.activityBand)
        svg += QStringLiteral(R"(<rect x="%1" y="%2" width="%3" height="%4" fill="%5"/>)")
                   .arg(x(span.fromStep))
                   .arg(top + plotHeight + 2)
                   .arg(std::max(0.5, x(span.toStep) - x(span.fromStep)))
                   .arg(band - 3)
                   .arg(m_patterns.colour(m_patterns.indexOf(span.activity)));
    // The lines of code at each test run, on their own axis at the right.
    if (growth) {
        qint64 most = 10;
        for (const CodeSize& size : a.codeGrowth)
            most = std::max(most, size.lines);
        QString points;
        double previous = y(0);
        for (const CodeSize& size : a.codeGrowth) {
            const double level = y(double(size.lines) / double(most));
            points += QStringLiteral("%1,%2 %1,%3 ").arg(x(size.step)).arg(previous).arg(level);
            previous = level;
        }
        svg += QStringLiteral(R"(<polyline fill="none" stroke="#555" stroke-dasharray="2,2" points="%1"/>)")
                   .arg(points.trimmed());
        // Its scale inside the plot's top right corner: the top is this many lines, the bottom none.
        svg += QStringLiteral(R"(<text x="%1" y="%2" text-anchor="end" fill="#555">%3</text>)")
                   .arg(left + plotWidth - 4)
                   .arg(top + 12)
                   .arg(tr("top: %1 lines of code").arg(most));
    }
    // The replay's colours: visible blue, held-out orange.
    const std::pair<bool, const char*> lines[] = { { false, "#1f5fbf" }, { true, "#e08a1e" } };
    for (const auto& [heldOut, colour] : lines) {
        QString points;
        for (const PassPoint& p : a.scores) {
            const double v = heldOut ? p.heldOut : p.visible;
            if (!std::isnan(v))
                points += QStringLiteral("%1,%2 ").arg(x(p.seq)).arg(y(v));
        }
        if (!points.isEmpty())
            svg += QStringLiteral(R"(<polyline fill="none" stroke="%1" stroke-width="1.5" points="%2"/>)")
                       .arg(QLatin1String(colour), points.trimmed());
    }
    const bool heldOut = a.measure == QLatin1String("held_out");
    for (const Regression& r : a.regressions)
        svg += QStringLiteral(R"(<circle cx="%1" cy="%2" r="3.5" fill="#c0392b"/>)")
                   .arg(x(r.toStep))
                   .arg(y(heldOut ? r.heldOutAfter : r.visibleAfter));
    if (a.bestStep >= 0)
        svg += QStringLiteral(R"(<circle cx="%1" cy="%2" r="5" fill="none" stroke="#1e8449" stroke-width="2"/>)")
                   .arg(x(a.bestStep))
                   .arg(y(heldOut ? a.bestHeldOut : a.bestVisible));
    const double axisText = top + plotHeight + band + 12;
    svg += QStringLiteral(R"(<text x="%1" y="%2">0</text><text x="%3" y="%2" text-anchor="end">%4</text>)")
               .arg(left)
               .arg(axisText)
               .arg(left + plotWidth)
               .arg(tr("step %1").arg(a.lastStep));
    svg += QStringLiteral(R"(<text x="4" y="%1">100%</text><text x="4" y="%2">0%</text>)")
               .arg(top + 10)
               .arg(top + plotHeight);
    svg += tr(R"(<text x="%1" y="%2">visible blue, held-out orange; plateaus shaded, regressions red, best )"
              R"(point green, compactions grey%3</text>)")
               .arg(left)
               .arg(axisText + 13)
               .arg(growth ? tr(", code lines dotted") : QString());
    // The band's legend: each activity it shows, in the panel's order.
    double at = left;
    for (int i = 0; i < m_patterns.keys().size(); ++i) {
        const bool shown = std::any_of(a.activityBand.begin(), a.activityBand.end(),
            [&](const ActivitySpan& span) { return span.activity == m_patterns.keys()[i]; });
        if (!shown)
            continue;
        svg += QStringLiteral(R"(<rect x="%1" y="%2" width="9" height="9" fill="%3"/><text x="%4" y="%5">%6</text>)")
                   .arg(at)
                   .arg(axisText + 20)
                   .arg(m_patterns.colour(i))
                   .arg(at + 12)
                   .arg(axisText + 28)
                   .arg(escaped(m_patterns.label(i)));
        at += 24 + 6.2 * m_patterns.label(i).size();
    }
    return svg + QStringLiteral("</svg>");
}

QString AnatomyReport::html() const
{
    // The Markdown report, read back line by line: one text, two forms.
    QString body;
    bool inList = false, inTable = false, curve = false;
    auto close = [&]() {
        body += inList ? QStringLiteral("</ul>\n") : QString();
        body += inTable ? QStringLiteral("</table>\n") : QString();
        inList = inTable = false;
    };
    for (const QString& line : markdown().split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("- "))) {
            body += inList ? QString() : QStringLiteral("<ul>\n");
            inList = true;
            body += QStringLiteral("<li>") + escaped(line.mid(2)) + QStringLiteral("</li>\n");
            continue;
        }
        if (line.startsWith(QLatin1Char('|'))) {
            if (line.startsWith(QLatin1String("|---")))
                continue;
            QStringList cells = line.mid(1, line.size() - 2).split(QStringLiteral(" | "));
            const QString tag = inTable ? QStringLiteral("td") : QStringLiteral("th");
            body += inTable ? QString() : QStringLiteral("<table>\n");
            inTable = true;
            body += QStringLiteral("<tr>");
            for (QString& text : cells) {
                text = text.trimmed().replace(QStringLiteral("\\|"), QStringLiteral("|"));
                if (text.startsWith(QLatin1Char('`')) && text.endsWith(QLatin1Char('`')))
                    text = text.mid(1, text.size() - 2);
                body += QStringLiteral("<%1>%2</%1>").arg(tag, escaped(text));
            }
            body += QStringLiteral("</tr>\n");
            continue;
        }
        close();
        if (line.startsWith(QLatin1String("## ")) && !curve) {
            body += svgCurve() + QLatin1Char('\n');
            curve = true;
        }
        if (line.startsWith(QLatin1String("# ")))
            body += QStringLiteral("<h1>") + escaped(line.mid(2)) + QStringLiteral("</h1>\n");
        else if (line.startsWith(QLatin1String("## ")))
            body += QStringLiteral("<h2>") + escaped(line.mid(3)) + QStringLiteral("</h2>\n");
        else if (!line.isEmpty())
            body += QStringLiteral("<p>") + escaped(line) + QStringLiteral("</p>\n");
    }
    close();
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title><style>"
                          "body{font-family:sans-serif;max-width:60em;margin:1em auto;font-size:13px}"
                          "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}"
                          "</style></head><body>\n")
               .arg(escaped(tr("Run report: %1").arg(m_sample.sampleId)))
        + body + QStringLiteral("</body></html>\n");
}
