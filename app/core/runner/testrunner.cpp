// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testrunner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace {
/// Gives a directory to the sandbox user, so the program can write there and nowhere else.
void handOver(const QString& path)
{
    // In braces: clang-format 14 reads an attribute after an unbraced if as the if's own.
    if (SandboxedProcess::dropsPrivileges()) {
        [[maybe_unused]] const int changed = chown(
            QFile::encodeName(path).constData(), SandboxedProcess::sandboxUserId(), SandboxedProcess::sandboxUserId());
    }
}

/// `relative` inside `root`, or an empty string when it would lie outside.
QString confined(const QString& root, const QString& relative)
{
    const QString path = QDir::cleanPath(root + QLatin1Char('/') + relative);
    return path.startsWith(root + QLatin1Char('/')) ? path : QString();
}
}

QStringList defaultBuildCommand(const QString& language)
{
    const QString lower = language.toLower();
    if (lower == QLatin1String("rust"))
        return { QStringLiteral("cargo"), QStringLiteral("build"), QStringLiteral("--release"),
            QStringLiteral("--offline") };
    if (lower == QLatin1String("go"))
        return { QStringLiteral("go"), QStringLiteral("build"), QStringLiteral("-o"), QStringLiteral("program"),
            QStringLiteral(".") };
    if (lower == QLatin1String("c"))
        return { QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("gcc -O2 -o program *.c -lm") };
    return {};
}

QString TestRunner::diff(const QByteArray& expected, const QByteArray& actual, int maxLines)
{
    const QList<QByteArray> a = expected.split('\n');
    const QList<QByteArray> b = actual.split('\n');
    const qsizetype n = a.size(), m = b.size();
    QStringList lines;
    if (n * m > 4'000'000) {
        // Too large for a full alignment: show where they first differ.
        qsizetype i = 0;
        while (i < n && i < m && a[i] == b[i])
            ++i;
        lines << QStringLiteral("@@ line %1 @@").arg(i + 1);
        if (i < n)
            lines << QLatin1Char('-') + QString::fromUtf8(a[i]);
        if (i < m)
            lines << QLatin1Char('+') + QString::fromUtf8(b[i]);
        return lines.join(QLatin1Char('\n'));
    }
    // Longest common subsequence of lines, then the edit script.
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    auto at = [&](qsizetype i, qsizetype j) -> int& { return lcs[size_t(i * (m + 1) + j)]; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    qsizetype i = 0, j = 0;
    while ((i < n || j < m) && lines.size() < maxLines) {
        if (i < n && j < m && a[i] == b[j]) {
            ++i, ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            lines << QStringLiteral("-%1 (line %2)").arg(QString::fromUtf8(a[i])).arg(i + 1);
            ++i;
        } else {
            lines << QStringLiteral("+%1 (line %2)").arg(QString::fromUtf8(b[j])).arg(j + 1);
            ++j;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

TestResult TestRunner::runOne(const TestCase& test, const Options& options, const QString& base, int index)
{
    TestResult result;
    result.id = test.id;
    result.heldOut = test.heldOut;
    const QString testRoot = base + QLatin1Char('/') + QString::number(index);
    const QString work = testRoot + QStringLiteral("/work");
    QDir().mkpath(work);
    for (auto it = test.files.begin(); it != test.files.end(); ++it) {
        const QString path = confined(work, it.key());
        if (path.isEmpty()) {
            result.violation = tr("input file %1 lies outside the test directory; refused").arg(it.key());
            continue;
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(it.value());
        handOver(path);
    }
    handOver(work);

    SandboxLimits limits = options.limits;
    limits.timeoutSeconds = test.timeoutSeconds > 0 ? test.timeoutSeconds : limits.timeoutSeconds;
    result.outcome = SandboxedProcess::run(options.command + test.arguments, work, test.stdinData, limits);
    const ProcessOutcome& outcome = result.outcome;
    result.passed = outcome.stop == ProcessOutcome::Exited && outcome.exitCode == test.expectedExitCode
        && outcome.stdoutData == test.expectedStdout && outcome.stderrData == test.expectedStderr;

    // The program runs inside `work`: anything that appeared beside it was written outside its directory.
    const QStringList beside = QDir(testRoot).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    if (beside.size() > 1 || (beside.size() == 1 && beside.first() != QLatin1String("work"))) {
        result.violation = tr("wrote outside its directory: %1").arg(beside.join(QStringLiteral(", ")));
        result.passed = false;
    }
    if (!result.passed) {
        QStringList reasons, parts;
        if (!result.violation.isEmpty())
            reasons << result.violation;
        if (outcome.stop == ProcessOutcome::Exited && outcome.exitCode != test.expectedExitCode)
            reasons << tr("exit code %1, expected %2").arg(outcome.exitCode).arg(test.expectedExitCode);
        else if (outcome.stop != ProcessOutcome::Exited)
            reasons << outcome.describe();
        if (outcome.stdoutData != test.expectedStdout) {
            reasons << tr("stdout differs");
            parts << tr("stdout:") + QLatin1Char('\n') + diff(test.expectedStdout, outcome.stdoutData);
        }
        if (outcome.stderrData != test.expectedStderr) {
            reasons << tr("stderr differs");
            parts << tr("stderr:") + QLatin1Char('\n') + diff(test.expectedStderr, outcome.stderrData);
        }
        result.reason = reasons.join(QStringLiteral("; "));
        result.diff = (QStringList { result.reason } + parts).join(QLatin1Char('\n'));
    }
    QDir(testRoot).removeRecursively();
    return result;
}

std::vector<TestResult> TestRunner::run(const TestSuite& suite, const Options& options, const Progress& progress)
{
    m_summary = {};
    m_cancelled = false;
    m_error.clear();
    m_summary.networkIsolated = options.limits.isolateNetwork && SandboxedProcess::networkIsolationAvailable();
    m_summary.privilegesDropped = SandboxedProcess::dropsPrivileges();
    QElapsedTimer clock;
    clock.start();

    QTemporaryDir base;
    // Traversable by the sandbox user; each test's own folder is handed to it.
    SandboxedProcess::openToSandboxUser(base.path());

    const std::vector<TestCase>& tests = suite.tests();
    std::vector<TestResult> results(tests.size());
    if (!options.buildCommand.isEmpty()) {
        SandboxLimits limits = options.limits;
        limits.timeoutSeconds = std::max(limits.timeoutSeconds, 600.0);
        limits.memoryBytes = std::max<qint64>(limits.memoryBytes, qint64(4) << 30);
        limits.processes = std::max(limits.processes, 256);
        const ProcessOutcome build = SandboxedProcess::run(options.buildCommand, options.workspace, {}, limits);
        if (build.stop != ProcessOutcome::Exited || build.exitCode != 0) {
            m_summary.buildError
                = tr("build failed (%1): %2").arg(build.describe(), QString::fromUtf8(build.stderrData.right(4000)));
            for (size_t i = 0; i < tests.size(); ++i) {
                results[i].id = tests[i].id;
                results[i].heldOut = tests[i].heldOut;
                results[i].reason = tr("build failed");
                results[i].diff = m_summary.buildError;
            }
        }
    }
    if (m_summary.buildError.isEmpty()) {
        const int jobs = options.jobs > 0 ? options.jobs : std::max(1, QThread::idealThreadCount());
        std::atomic<size_t> next { 0 };
        std::atomic<int> done { 0 };
        std::atomic<bool> cancelled { false };
        std::mutex progressLock;
        auto worker = [&] {
            for (size_t i = next++; i < tests.size() && !cancelled; i = next++) {
                results[i] = runOne(tests[i], options, base.path(), int(i));
                const int finished = ++done;
                if (progress) {
                    std::lock_guard lock(progressLock);
                    if (!progress(finished, int(tests.size())))
                        cancelled = true;
                }
            }
        };
        std::vector<std::thread> threads;
        for (int j = 1; j < jobs; ++j)
            threads.emplace_back(worker);
        worker();
        for (std::thread& thread : threads)
            thread.join();
        m_cancelled = cancelled;
        if (m_cancelled)
            std::erase_if(results, [](const TestResult& result) { return result.id.isEmpty(); });
    }
    for (const TestResult& result : results) {
        (result.passed ? m_summary.passed : m_summary.failed)++;
        if (result.heldOut) {
            ++m_summary.heldOutTotal;
            m_summary.heldOutPassed += result.passed;
        } else {
            ++m_summary.visibleTotal;
            m_summary.visiblePassed += result.passed;
        }
    }
    m_summary.seconds = double(clock.nsecsElapsed()) / 1e9;
    return results;
}
