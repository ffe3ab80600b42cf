// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <vector>

/// What the generator planted in one sample, as it wrote its events: the steps of its model calls and what each turn
/// did (the planner's own intent, not a pattern's guess), its test runs and their pass fractions, its edits and
/// compactions. Written beside the archive (.truth/<model>/<sample>_epoch<N>.json) for tests to hold a run's anatomy
/// to.
class SampleTruth {
public:
    /// Forgets everything: each pass over the events starts again.
    void clear();
    void addTurn(int seq, const char* activity, double start, double cost);
    void addToolCall(int seq, const QByteArray& function, const QByteArray& command, bool edit);
    /// A test run's intermediate score, and the lines of the agent's code as it stood.
    void addTestRun(int seq, double start, double visible, double heldOut, qint64 codeLines);
    /// A test run's tool call: the visible tests it passed of `total`, and those its output names passing and failing
    /// (none where it names only a few failures).
    void addTestOutcome(int seq, int passed, int total, const QStringList& passing, const QStringList& failing);
    /// An edit that swaps back the str_replace of an earlier turn (`turn`: its index among the turns).
    void addUndoEdit(int seq, int turn);
    void addCompaction(int seq, qint64 tokensBefore, qint64 tokensAfter);
    /// The run's end: its event count and the working start of its last event.
    void finish(int events, double lastStart, const QString& limit);

    /// The truth as JSON, keyed as `runlens-cli report --json` is, with plateaus, regressions and loops read from the
    /// planted curve and commands by the README's definitions.
    QJsonObject json() const;

private:
    struct Turn {
        int seq = 0;
        const char* activity = "other";
        double start = 0;
        double cost = 0;
    };
    struct ToolCall {
        int seq = 0;
        QByteArray function;
        QByteArray command;
        bool edit = false;
    };
    struct TestRun {
        int seq = 0;
        double start = 0;
        double visible = 0;
        double heldOut = 0;
        qint64 codeLines = 0;
    };
    struct TestOutcome {
        int seq = 0;
        int passed = 0;
        int total = 0;
        QStringList passing;
        QStringList failing;
    };
    struct Compaction {
        int seq = 0;
        qint64 before = 0;
        qint64 after = 0;
    };
    QJsonObject activitiesJson() const;
    QJsonArray plateausJson() const;
    QJsonArray regressionsJson() const;
    QJsonArray loopsJson() const;
    QJsonObject bestJson() const;
    QJsonObject testsJson() const;

    std::vector<Turn> m_turns;
    std::vector<ToolCall> m_tools;
    std::vector<TestRun> m_tests;
    std::vector<Compaction> m_compactions;
    std::vector<TestOutcome> m_outcomes;
    std::vector<std::pair<int, int>> m_undoEdits; ///< step, the step it undoes
    int m_events = 0;
    double m_lastStart = 0;
    QString m_limit;
};
