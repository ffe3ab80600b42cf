// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/transcriptrows.h"
#include "runner/testrunner.h"
#include "runner/testsuite.h"
#include "runner/workspacebuilder.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <map>
#include <memory>

class Store;

/// One re-execution: a suite run on the code a sample's agent had at one step.
struct RerunOutcome {
    int step = -1;
    TestRunSummary summary;
    std::vector<TestResult> results;
    int uncertainSteps = 0; ///< steps up to this one that changed files in ways that could not be followed
    bool cancelled = false;
};

/// Re-runs a test suite on a sample's code as it stood at steps of its transcript: rebuilds the agent's files from
/// its edits, runs the suite on them in the sandbox, and stores each re-execution. The one re-run that the command
/// line and the re-run dialog both run. Synchronous.
class RerunSession {
    Q_DECLARE_TR_FUNCTIONS(RerunSession)

public:
    RerunSession(Store& store, qint64 sampleId);
    ~RerunSession();

    /// Loads the suite and the sample's tool calls, and stores the suite; false with errorString() when it cannot.
    bool prepare(const QString& suitePath);
    QString errorString() const { return m_error; }

    /// How to run the rebuilt program; {workspace} is replaced by its folder. Empty: its `program`, else python3 on
    /// its one .py file.
    void setProgram(const QString& command) { m_program = command; }
    /// The agent's workspace root (default: the folder holding every edited path).
    void setRoot(const QString& root) { m_builder->setRoot(root); }
    /// Keep the rebuilt workspaces under this folder (default: a temporary one, removed at the end).
    void setKeepDirectory(const QString& directory) { m_keep = directory; }
    /// Limits and parallelism of the tests (the command and workspace are the session's).
    void setRunnerOptions(const TestRunner::Options& options) { m_options = options; }

    const TestSuite& suite() const { return m_suite; }
    /// Every step that touched files in the whole transcript.
    const std::vector<WorkspaceStep>& fileSteps() const { return m_fileSteps; }
    /// The run's own intermediate scores: the pass fractions the transcript reports.
    const std::vector<PassPoint>& reportedScores() const { return m_reported; }
    /// Re-executions made so far.
    int runs() const { return int(m_done.size()); }

    /// Re-executes the suite at `step` (once: asked again, the same outcome) and stores it unless cancelled or
    /// nothing could run. `progress` gets tests done; false cancels.
    const RerunOutcome& runAt(int step, const TestRunner::Progress& progress = {});

    /// Where a test changed, found by bisecting the steps that changed files.
    struct Bisection {
        const WorkspaceStep* step = nullptr; ///< none when the transcript changes no file
        bool passesAtEnd = false; ///< so `step` is where it first passes; else where it last broke
    };
    /// Bisects the file-changing steps for the one at which `test` took the state it has at the end.
    Bisection bisect(const QString& test);

private:
    QStringList programCommand(const QString& workspace) const;
    void store(const RerunOutcome& outcome);

    Store& m_store;
    qint64 m_sampleId;
    QString m_error;
    TestSuite m_suite;
    qint64 m_suiteId = 0;
    QString m_program;
    QString m_keep;
    TestRunner::Options m_options;
    std::unique_ptr<WorkspaceBuilder> m_builder;
    std::vector<WorkspaceStep> m_fileSteps;
    std::vector<PassPoint> m_reported;
    std::map<int, RerunOutcome> m_done;
    QTemporaryDir m_temporary;
};
