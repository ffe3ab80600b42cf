// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "transcriptrows.h"

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

// A run's anatomy (see RunAnatomy): where it stalled, what the agent did then, what broke it, where the money went.

/// Turns, working time and dollars of one activity (probing the reference, editing...).
struct ActivityShare {
    QString name;
    int turns = 0;
    double workingTime = 0; ///< seconds
    double cost = 0; ///< dollars, priced calls only
};

/// A command and how often it ran.
struct CommandCount {
    QString command; ///< the tool and the start of its arguments, as the transcript shows them
    int count = 0;
};

/// A maximal stretch of test runs with no gain on the best pass fraction so far.
struct Plateau {
    int fromStep = 0; ///< the score event of the last gain before it (or the first score event)
    int toStep = 0; ///< the first score event that gains again, or the last one
    int testRuns = 0; ///< score events after fromStep up to toStep that did not gain
    bool ended = false; ///< whether toStep gained (false: the run ended on it)
    double level = notANumber; ///< the best pass fraction it stalled at
    double workingTime = 0;
    double cost = 0;
    std::vector<ActivityShare> activities; ///< the activity mix of its turns, most turns first
    std::vector<CommandCount> repeatedCommands; ///< commands run more than once in it, most first
    QStringList editedFiles;
    /// Where the test output names its tests (TestHistory::named): those that failed at every test run of it that ran
    /// them, sorted; empty otherwise.
    QStringList failingTests;
};

/// A drop in pass fraction from one test run to the next, and the edits between.
struct Regression {
    int fromStep = 0;
    int toStep = 0;
    double heldOutBefore = notANumber;
    double heldOutAfter = notANumber;
    double visibleBefore = notANumber;
    double visibleAfter = notANumber;
    std::vector<int> editSteps;
    QStringList files;
    qint64 diffLines = 0; ///< lines the edits removed and wrote (read from their arguments)
};

/// A compaction of the agent's history and what surrounded it.
struct CompactionAnatomy {
    int step = 0;
    qint64 tokensBefore = 0;
    qint64 tokensAfter = 0;
    double passBefore = notANumber; ///< the last test run's pass fraction before it
    double passAfter = notANumber; ///< the first test run's after it
    std::vector<ActivityShare> activitiesBefore; ///< over the turns just before it
    std::vector<ActivityShare> activitiesAfter; ///< over the turns just after it
    QStringList rereadFiles; ///< files seen before it and read again in the turns just after it
};

/// The same command run again and again with no edit between.
struct CommandLoop {
    QString command;
    int firstStep = 0;
    int lastStep = 0;
    int runs = 0;
};

/// A test that passed at one test run and failed at a later one.
struct TestBreak {
    QString test;
    int passedStep = 0; ///< the test run where it last passed before breaking
    int brokeStep = 0; ///< the first test run where it failed after that
    int fixedStep = -1; ///< the next test run where it passed again; -1: never again
};

/// Which tests never passed and which broke, where the test output names every test it counts; else only counts.
struct TestHistory {
    bool named = false; ///< every test run named each test it counted: the lists below hold
    int runs = 0; ///< test runs read (tool calls whose output a test runner's pattern reads)
    int total = 0; ///< tests the last test run counted
    int bestPassed = 0; ///< the most tests one test run passed
    int finalPassed = 0; ///< tests the last test run passed
    QStringList neverPassed; ///< named: tests no test run passed, sorted
    std::vector<TestBreak> broke; ///< named: every break, by its step, then the test's name
};

/// An edit that undoes an earlier one: it restores the file as it was before that edit, or writes back what the
/// earlier edit replaced (its old and new texts swapped).
struct UndoEdit {
    int step = 0;
    int undoesStep = 0;
    QString path;
    bool restores = false; ///< the file's content after it is the content before undoesStep
};

/// The lines of code in the workspace (the files rebuilt from the transcript's edits) at one test run.
struct CodeSize {
    int step = 0;
    qint64 lines = 0;
};

/// A stretch of the run's steps spent mostly on one activity: the band drawn along a run's curve.
struct ActivitySpan {
    int fromStep = 0;
    int toStep = 0; ///< the step where the next stretch begins, or the last step
    QString activity;
};

/// The anatomy of one sample: counts, outcome, best point and waste, plateaus, regressions, compactions, activities,
/// loops. Steps are event numbers, as the replay shows them.
struct Anatomy {
    int events = 0;
    int modelCalls = 0;
    std::vector<std::pair<QString, int>> toolCalls; ///< function -> calls, by name
    int toolErrors = 0;
    std::vector<PassPoint> scores; ///< the intermediate scores (else test runs read from tool output)
    QString scoreSource; ///< "score events" or the test runner read
    QString measure; ///< "held_out" or "visible": what best point, plateaus and regressions follow

    double finalVisible = notANumber;
    double finalHeldOut = notANumber;
    int solved = -1; ///< 1, 0, -1 unscored
    QString limit; ///< the type of limit that ended the run (token, cost...), if any
    QString error; ///< the error that ended it, if any

    int bestStep = -1; ///< the score event where the measure peaked first; -1 without scores
    double bestVisible = notANumber;
    double bestHeldOut = notANumber;
    int lastStep = -1;
    int stepsAfterLastGain = 0;
    double workingTimeAfterLastGain = 0;
    double costAfterLastGain = 0;
    /// The run's two phases, its climb and what came after: the activity mix of the turns up to the best point, and
    /// of those after it (most turns first; both empty without scores).
    std::vector<ActivityShare> activitiesToBest;
    std::vector<ActivityShare> activitiesAfterLastGain;
    double workingTime = 0; ///< the last event's working start
    double cost = 0; ///< priced calls only
    int unpricedCalls = 0;

    std::vector<Plateau> plateaus; ///< longest first
    std::vector<Regression> regressions; ///< in order
    std::vector<CompactionAnatomy> compactions;
    std::vector<ActivityShare> activities; ///< every activity the patterns name, in their order
    std::vector<CommandLoop> loops; ///< most runs first
    std::vector<int> editSteps; ///< every step that edited a file
    std::vector<int> testSteps; ///< every tool call classed as running tests
    TestHistory tests;
    std::vector<ActivitySpan> activityBand; ///< in step order; at most RunAnatomy::bandSpans
    std::vector<UndoEdit> undoEdits; ///< in order
    std::vector<CodeSize> codeGrowth; ///< at each test run (score event), in order
    int uncertainEdits = 0; ///< edit steps whose effect the workspace rebuild cannot follow (sed -i, scripts)
};
