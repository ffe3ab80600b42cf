// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testrunner.h"

#include "bubblewrapbox.h"

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
/// Gives a directory to the sandbox user of `slot`, so the program can write there and nowhere else (without a box).
void handOver(const QString& path, int slot)
{
    // In braces: clang-format 14 reads an attribute after an unbraced if as the if's own.
    if (geteuid() == 0) {
        const uint user = SandboxedProcess::sandboxUserId(slot);
        [[maybe_unused]] const int changed = chown(QFile::encodeName(path).constData(), user, user);
    }
}

/// The host folders the program needs to see: its workspace and the folders of the files its command names.
QStringList programFolders(const TestRunner::Options& options)
{
    QStringList folders;
    const auto add = [&folders](const QString& folder) {
        // Through links: /bin is /usr/bin on a merged system.
        const QString canonical = QFileInfo(folder).canonicalFilePath();
        const QString clean = canonical.isEmpty() ? QDir::cleanPath(folder) : canonical;
        // The root would show the whole host; system folders are in every box already.
        if (clean == QLatin1String("/") || clean.startsWith(QLatin1String("/usr/")) || clean == QLatin1String("/usr")
            || folders.contains(clean))
            return;
        folders << clean;
    };
    if (!options.workspace.isEmpty() && QFileInfo(options.workspace).isDir())
        add(QFileInfo(options.workspace).absoluteFilePath());
    for (const QString& word : options.command) {
        const QFileInfo info(word);
        if (!word.startsWith(QLatin1Char('/')) || !info.exists())
            continue;
        add(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    }
    // A folder inside another is seen through it.
    QStringList kept;
    for (const QString& folder : folders) {
        if (std::none_of(folders.begin(), folders.end(),
                [&](const QString& other) { return other != folder && folder.startsWith(other + QLatin1Char('/')); }))
            kept << folder;
    }
    return kept;
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

TestResult TestRunner::runOne(
    const TestCase& test, const Options& options, const QString& base, int index, const QStringList& readOnly, int slot)
{
    TestResult result;
    result.id = test.id;
    result.heldOut = test.heldOut;
    SandboxJob job;
    job.command = options.command + test.arguments;
    job.stdinData = test.stdinData;
    job.readOnly = readOnly;
    job.slot = slot;
    for (auto it = test.files.begin(); it != test.files.end(); ++it) {
        if (confined(BubblewrapBox::workFolder(), it.key()).isEmpty())
            result.violation = tr("input file %1 lies outside the test directory; refused").arg(it.key());
        else
            job.files.insert(QDir::cleanPath(it.key()), it.value());
    }
    SandboxLimits limits = options.limits;
    limits.timeoutSeconds = test.timeoutSeconds > 0 ? test.timeoutSeconds : limits.timeoutSeconds;
    if (limits.cpuSeconds <= 0)
        limits.cpuSeconds = limits.timeoutSeconds;
    const QString testRoot = base + QLatin1Char('/') + QString::number(index);
    const bool boxed = BubblewrapBox::available();
    if (!boxed) {
        // Without a box the test runs in a fresh host folder, its files written there first.
        job.hostDirectory = testRoot + QStringLiteral("/work");
        QDir().mkpath(job.hostDirectory);
        for (auto it = job.files.begin(); it != job.files.end(); ++it) {
            const QString path = job.hostDirectory + QLatin1Char('/') + it.key();
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile file(path);
            if (file.open(QIODevice::WriteOnly))
                file.write(it.value());
            handOver(path, slot);
        }
        handOver(job.hostDirectory, slot);
    }
    result.outcome = SandboxedProcess::run(job, limits);
    const ProcessOutcome& outcome = result.outcome;
    result.passed = outcome.stop == ProcessOutcome::Exited && outcome.exitCode == test.expectedExitCode
        && outcome.stdoutData == test.expectedStdout && outcome.stderrData == test.expectedStderr
        && result.violation.isEmpty();

    // The program runs inside `work`: anything that appeared beside it was written outside its directory.
    const QStringList beside
        = boxed ? QStringList() : QDir(testRoot).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
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
    if (!boxed)
        QDir(testRoot).removeRecursively();
    return result;
}

std::vector<TestResult> TestRunner::run(const TestSuite& suite, const Options& options, const Progress& progress)
{
    m_summary = {};
    m_cancelled = false;
    m_error.clear();
    m_summary.networkIsolated = options.limits.isolateNetwork && SandboxedProcess::networkIsolationAvailable();
    const SandboxReport sandbox = SandboxedProcess::report(options.limits.isolateNetwork);
    m_summary.sandboxed = sandbox.boxed;
    m_summary.unenforced = sandbox.unenforced;
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
        limits.cpuSeconds = limits.timeoutSeconds;
        SandboxJob job;
        job.command = options.buildCommand;
        job.writableDirectory = options.workspace;
        job.readOnly = programFolders(options);
        job.readOnly.removeAll(QDir::cleanPath(options.workspace));
        const ProcessOutcome build = SandboxedProcess::run(job, limits);
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
        const QStringList readOnly = programFolders(options);
        auto worker = [&](int slot) {
            for (size_t i = next++; i < tests.size() && !cancelled; i = next++) {
                results[i] = runOne(tests[i], options, base.path(), int(i), readOnly, slot);
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
            threads.emplace_back(worker, j);
        worker(0);
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
