// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "rerunsession.h"

#include "store/store.h"
#include "store/transcriptquery.h"
#include "transcriptanalysis.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

RerunSession::RerunSession(Store& store, qint64 sampleId)
    : m_store(store)
    , m_sampleId(sampleId)
    , m_builder(std::make_unique<WorkspaceBuilder>(std::vector<ToolCall>(), WorkspaceBuilder::AttachmentResolver()))
{
}

RerunSession::~RerunSession() = default;

bool RerunSession::prepare(const QString& suitePath)
{
    if (!m_suite.load(suitePath)) {
        m_error = m_suite.errorString();
        return false;
    }
    const std::optional<SampleRow> sample = m_store.sample(m_sampleId);
    if (!sample) {
        m_error = tr("no sample %1 in %2").arg(m_sampleId).arg(m_store.path());
        return false;
    }
    std::vector<StoredTest> tests;
    for (const TestCase& test : m_suite.tests())
        tests.push_back({ test.id, test.heldOut, TestSuite::toJsonLine(test) });
    m_suiteId = m_store.saveSuite(m_suite.name(), sample->program, QFileInfo(suitePath).absoluteFilePath(), tests);
    if (m_suiteId == 0) { // a re-execution is kept in the store: one that cannot be written (read-only) is refused
        m_error = m_store.errorString();
        return false;
    }

    // The transcript is read once; its attachments are read as the rebuild needs them.
    std::shared_ptr<TranscriptQuery> transcript = m_store.transcript(m_sampleId);
    const QString root = m_builder->root();
    m_builder = std::make_unique<WorkspaceBuilder>(
        transcript->toolCalls(), [transcript](const QString& text) { return transcript->resolveAttachments(text); });
    if (!root.isEmpty())
        m_builder->setRoot(root);
    m_fileSteps = m_builder->fileSteps();
    m_reported = ::reportedScores(*transcript);
    return true;
}

QStringList RerunSession::programCommand(const QString& workspace) const
{
    if (!m_program.isEmpty())
        return QProcess::splitCommand(QString(m_program).replace(QStringLiteral("{workspace}"), workspace));
    if (QFileInfo(workspace + QStringLiteral("/program")).isExecutable())
        return { workspace + QStringLiteral("/program") };
    const QStringList scripts = QDir(workspace).entryList({ QStringLiteral("*.py") }, QDir::Files);
    if (scripts.size() == 1)
        return { QStringLiteral("python3"), workspace + QLatin1Char('/') + scripts.first() };
    return {};
}

const RerunOutcome& RerunSession::runAt(int step, const TestRunner::Progress& progress)
{
    if (auto found = m_done.find(step); found != m_done.end())
        return found->second;
    RerunOutcome& outcome = m_done[step];
    outcome.step = step;
    const QString base = m_keep.isEmpty() ? m_temporary.path() : m_keep;
    QDir().mkpath(base);
    SandboxedProcess::openToSandboxUser(base);
    m_builder->replay(step);
    outcome.uncertainSteps = m_builder->uncertainSteps();
    const QString workspace = QDir(base).filePath(QStringLiteral("step-%1").arg(step));
    QDir(workspace).removeRecursively();
    QDir().mkpath(workspace);
    TestRunner::Options options = m_options;
    options.workspace = workspace;
    const bool written = m_builder->write(workspace);
    options.command = programCommand(workspace);
    if (!written)
        outcome.summary.buildError = m_builder->errorString();
    else if (options.command.isEmpty())
        outcome.summary.buildError = tr("no program to run at step %1: name one").arg(step);
    if (!outcome.summary.buildError.isEmpty()) {
        // Nothing ran: every test counts as failed, and nothing is stored.
        outcome.summary.failed = int(m_suite.tests().size());
        for (const TestCase& test : m_suite.tests())
            (test.heldOut ? outcome.summary.heldOutTotal : outcome.summary.visibleTotal)++;
        return outcome;
    }
    TestRunner runner;
    outcome.results = runner.run(m_suite, options, progress);
    outcome.summary = runner.summary();
    outcome.cancelled = runner.wasCancelled();
    if (!outcome.cancelled)
        store(outcome);
    return outcome;
}

void RerunSession::store(const RerunOutcome& outcome)
{
    std::vector<StoredTestResult> results;
    results.reserve(outcome.results.size());
    for (const TestResult& test : outcome.results) {
        results.push_back({ test.id, test.passed, test.outcome.describe(), test.outcome.exitCode, test.outcome.seconds,
            test.diff.isEmpty() ? test.violation : test.diff });
    }
    m_store.saveRerun(m_sampleId, m_suiteId, outcome.step, outcome.summary, results, outcome.uncertainSteps);
}

RerunSession::Bisection RerunSession::bisect(const QString& test)
{
    Bisection found;
    if (m_fileSteps.empty())
        return found;
    const auto passesAt = [&](size_t index) {
        for (const TestResult& result : runAt(m_fileSteps[index].seq).results) {
            if (result.id == test)
                return result.passed;
        }
        return false;
    };
    // The test's state at the end decides what to look for: when it began passing, or when it last broke.
    found.passesAtEnd = passesAt(m_fileSteps.size() - 1);
    size_t low = 0, high = m_fileSteps.size() - 1;
    while (low < high) {
        const size_t middle = (low + high) / 2;
        if (passesAt(middle) == found.passesAtEnd)
            high = middle;
        else
            low = middle + 1;
    }
    found.step = &m_fileSteps[low];
    return found;
}
