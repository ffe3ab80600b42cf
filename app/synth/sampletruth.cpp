// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampletruth.h"

#include <QJsonArray>
#include <algorithm>
#include <map>
#include <tuple>

void SampleTruth::clear()
{
    *this = SampleTruth();
}

void SampleTruth::addTurn(int seq, const char* activity, double start, double cost)
{
    m_turns.push_back({ seq, activity, start, cost });
}

void SampleTruth::addToolCall(int seq, const QByteArray& function, const QByteArray& command, bool edit)
{
    m_tools.push_back({ seq, function, command, edit });
}

void SampleTruth::addTestRun(int seq, double start, double visible, double heldOut, qint64 codeLines)
{
    m_tests.push_back({ seq, start, visible, heldOut, codeLines });
}

void SampleTruth::addTestOutcome(int seq, int passed, int total, const QStringList& passing, const QStringList& failing)
{
    m_outcomes.push_back({ seq, passed, total, passing, failing });
}

void SampleTruth::addUndoEdit(int seq, int turn)
{
    m_undoEdits.emplace_back(seq, m_tools[size_t(turn)].seq);
}

QJsonObject SampleTruth::testsJson() const
{
    // Named where every run names each of its tests; a test breaks when it fails at a run after passing at the last
    // run that named it.
    bool named = !m_outcomes.empty();
    int best = 0;
    for (const TestOutcome& run : m_outcomes) {
        named = named && run.passing.size() + run.failing.size() == run.total;
        best = std::max(best, run.passed);
    }
    QJsonObject tests { { QStringLiteral("named"), named }, { QStringLiteral("runs"), int(m_outcomes.size()) },
        { QStringLiteral("best_passed"), best },
        { QStringLiteral("total"), m_outcomes.empty() ? 0 : m_outcomes.back().total },
        { QStringLiteral("final_passed"), m_outcomes.empty() ? 0 : m_outcomes.back().passed } };
    if (!named)
        return tests;
    std::map<QString, int> lastPassed; // test -> step
    std::map<QString, std::pair<int, int>> open; // test -> passed, broke
    QJsonArray broke;
    std::vector<std::tuple<int, QString, int, int>> breaks; // broke, test, passed, fixed
    for (const TestOutcome& run : m_outcomes) {
        for (const QString& test : run.failing) {
            const auto passed = lastPassed.find(test);
            if (passed != lastPassed.end() && passed->second >= 0 && !open.count(test))
                open[test] = { passed->second, run.seq };
        }
        for (const QString& test : run.passing) {
            if (const auto broken = open.find(test); broken != open.end()) {
                breaks.emplace_back(broken->second.second, test, broken->second.first, run.seq);
                open.erase(broken);
            }
            lastPassed[test] = run.seq;
        }
    }
    for (const auto& [test, steps] : open)
        breaks.emplace_back(steps.second, test, steps.first, -1);
    std::sort(breaks.begin(), breaks.end());
    for (const auto& [brokeStep, test, passedStep, fixedStep] : breaks)
        broke.append(QJsonObject { { QStringLiteral("test"), test }, { QStringLiteral("passed_step"), passedStep },
            { QStringLiteral("broke_step"), brokeStep },
            { QStringLiteral("fixed_step"), fixedStep < 0 ? QJsonValue() : QJsonValue(fixedStep) } });
    QStringList never;
    for (const QString& test : m_outcomes.back().passing + m_outcomes.back().failing) {
        if (!lastPassed.count(test))
            never << test;
    }
    never.sort();
    tests[QStringLiteral("never_passed")] = QJsonArray::fromStringList(never);
    tests[QStringLiteral("broke")] = broke;
    return tests;
}

void SampleTruth::addCompaction(int seq, qint64 tokensBefore, qint64 tokensAfter)
{
    m_compactions.push_back({ seq, tokensBefore, tokensAfter });
}

void SampleTruth::finish(int events, double lastStart, const QString& limit)
{
    m_events = events;
    m_lastStart = lastStart;
    m_limit = limit;
}

QJsonObject SampleTruth::activitiesJson() const
{
    QJsonObject activities;
    for (size_t i = 0; i < m_turns.size(); ++i) {
        const QString name = QString::fromLatin1(m_turns[i].activity);
        QJsonObject share = activities.value(name).toObject();
        const double end = i + 1 < m_turns.size() ? m_turns[i + 1].start : m_lastStart;
        share[QStringLiteral("turns")] = share.value(QStringLiteral("turns")).toInt() + 1;
        share[QStringLiteral("working_time_s")]
            = share.value(QStringLiteral("working_time_s")).toDouble() + (end - m_turns[i].start);
        share[QStringLiteral("cost_usd")] = share.value(QStringLiteral("cost_usd")).toDouble() + m_turns[i].cost;
        activities[name] = share;
    }
    return activities;
}

QJsonArray SampleTruth::plateausJson() const
{
    // A plateau: the test runs after a gain (a held-out fraction above the best so far) up to the next gain, or the
    // last run; longest (in steps) first.
    struct Span {
        int from, to, runs;
    };
    std::vector<Span> spans;
    size_t anchor = 0;
    for (size_t i = 1; i < m_tests.size(); ++i) {
        if (m_tests[i].heldOut > m_tests[anchor].heldOut) {
            if (i - anchor > 1)
                spans.push_back({ m_tests[anchor].seq, m_tests[i].seq, int(i - anchor - 1) });
            anchor = i;
        }
    }
    if (anchor + 1 < m_tests.size())
        spans.push_back({ m_tests[anchor].seq, m_tests.back().seq, int(m_tests.size() - 1 - anchor) });
    std::stable_sort(
        spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.to - a.from > b.to - b.from; });
    QJsonArray plateaus;
    for (const Span& span : spans)
        plateaus.append(QJsonObject { { QStringLiteral("from_step"), span.from },
            { QStringLiteral("to_step"), span.to }, { QStringLiteral("test_runs"), span.runs } });
    return plateaus;
}

QJsonArray SampleTruth::regressionsJson() const
{
    QJsonArray regressions;
    for (size_t i = 1; i < m_tests.size(); ++i) {
        if (m_tests[i].heldOut >= m_tests[i - 1].heldOut)
            continue;
        QJsonArray edits;
        for (const ToolCall& tool : m_tools) {
            if (tool.edit && tool.seq > m_tests[i - 1].seq && tool.seq < m_tests[i].seq)
                edits.append(tool.seq);
        }
        regressions.append(QJsonObject { { QStringLiteral("from_step"), m_tests[i - 1].seq },
            { QStringLiteral("to_step"), m_tests[i].seq },
            { QStringLiteral("held_out_before"), m_tests[i - 1].heldOut },
            { QStringLiteral("held_out_after"), m_tests[i].heldOut }, { QStringLiteral("edit_steps"), edits } });
    }
    return regressions;
}

QJsonArray SampleTruth::loopsJson() const
{
    // The same command three times or more with no edit between.
    struct Loop {
        int first = 0, last = 0, runs = 0;
    };
    std::vector<std::pair<QByteArray, Loop>> found;
    std::map<QByteArray, Loop> open;
    auto flush = [&]() {
        for (const auto& [command, loop] : open) {
            if (loop.runs >= 3)
                found.emplace_back(command, loop);
        }
        open.clear();
    };
    for (const ToolCall& tool : m_tools) {
        if (tool.edit) {
            flush();
            continue;
        }
        Loop& loop = open[tool.function + ' ' + tool.command];
        loop.first = loop.runs == 0 ? tool.seq : loop.first;
        loop.last = tool.seq;
        ++loop.runs;
    }
    flush();
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.second.runs != b.second.runs ? a.second.runs > b.second.runs : a.second.first < b.second.first;
    });
    QJsonArray loops;
    for (const auto& [command, loop] : found)
        loops.append(QJsonObject { { QStringLiteral("command"), QString::fromUtf8(command) },
            { QStringLiteral("first_step"), loop.first }, { QStringLiteral("last_step"), loop.last },
            { QStringLiteral("runs"), loop.runs } });
    return loops;
}

QJsonObject SampleTruth::bestJson() const
{
    size_t best = 0;
    for (size_t i = 1; i < m_tests.size(); ++i)
        best = m_tests[i].heldOut > m_tests[best].heldOut ? i : best;
    if (m_tests.empty())
        return {};
    double cost = 0;
    for (const Turn& turn : m_turns)
        cost += turn.seq > m_tests[best].seq ? turn.cost : 0;
    return { { QStringLiteral("step"), m_tests[best].seq }, { QStringLiteral("held_out"), m_tests[best].heldOut },
        { QStringLiteral("after_last_gain"),
            QJsonObject { { QStringLiteral("steps"), m_events - 1 - m_tests[best].seq },
                { QStringLiteral("working_time_s"), m_lastStart - m_tests[best].start },
                { QStringLiteral("cost_usd"), cost } } } };
}

QJsonObject SampleTruth::json() const
{
    QJsonObject tools;
    QJsonArray edits, compactions, scores;
    for (const ToolCall& tool : m_tools) {
        const QString function = QString::fromUtf8(tool.function);
        tools[function] = tools.value(function).toInt() + 1;
        if (tool.edit)
            edits.append(tool.seq);
    }
    for (const Compaction& compaction : m_compactions)
        compactions.append(QJsonObject { { QStringLiteral("step"), compaction.seq },
            { QStringLiteral("tokens_before"), compaction.before },
            { QStringLiteral("tokens_after"), compaction.after } });
    QJsonArray growth, undoEdits;
    for (const TestRun& test : m_tests) {
        scores.append(QJsonObject { { QStringLiteral("step"), test.seq }, { QStringLiteral("visible"), test.visible },
            { QStringLiteral("held_out"), test.heldOut } });
        growth.append(
            QJsonObject { { QStringLiteral("step"), test.seq }, { QStringLiteral("lines"), test.codeLines } });
    }
    for (const auto& [step, undoes] : m_undoEdits)
        undoEdits.append(QJsonObject { { QStringLiteral("step"), step }, { QStringLiteral("undoes_step"), undoes } });
    const QJsonObject best = bestJson();
    return { { QStringLiteral("events"), m_events }, { QStringLiteral("model_calls"), int(m_turns.size()) },
        { QStringLiteral("tool_calls"), tools }, { QStringLiteral("tool_errors"), 0 },
        { QStringLiteral("compactions"), compactions }, { QStringLiteral("score_events"), scores },
        { QStringLiteral("best"),
            QJsonObject { { QStringLiteral("step"), best.value(QStringLiteral("step")) },
                { QStringLiteral("held_out"), best.value(QStringLiteral("held_out")) } } },
        { QStringLiteral("after_last_gain"), best.value(QStringLiteral("after_last_gain")) },
        { QStringLiteral("plateaus"), plateausJson() }, { QStringLiteral("regressions"), regressionsJson() },
        { QStringLiteral("activities"), activitiesJson() }, { QStringLiteral("loops"), loopsJson() },
        { QStringLiteral("edit_steps"), edits }, { QStringLiteral("limit"), m_limit },
        { QStringLiteral("tests"), testsJson() }, { QStringLiteral("undo_edits"), undoEdits },
        { QStringLiteral("code_growth"), growth } };
}
