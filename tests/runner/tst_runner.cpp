// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "runner/bubblewrapbox.h"
#include "runner/testcgroup.h"
#include "runner/testrunner.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

namespace {
TestCase makeTest(const QString& id, const QStringList& arguments, const QByteArray& expectedStdout, double timeout = 5)
{
    TestCase test;
    test.id = id;
    test.arguments = arguments;
    test.expectedStdout = expectedStdout;
    test.timeoutSeconds = timeout;
    return test;
}
}

class TestRunnerTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void passesAndFails();
    void containment();
    void diffShowsChangedLines();
    void suiteFormsAgree();
    void hostileSuite_data();
    void hostileSuite();

private:
    QString script(const QString& name, const QByteArray& code);
    void runHostileSuite();
    QTemporaryDir m_dir;
    QString m_python;
    QTemporaryDir m_secretDir; ///< a host folder the probes try to read
    QByteArray m_marker; ///< in the command line of every process a probe leaves behind, and its files' names
    std::vector<TestResult> m_hostile;
    bool m_hostileRan = false;
};

void TestRunnerTest::initTestCase()
{
    // The sandbox user may not reach an interpreter in a person's home: prefer the system's.
    m_python = QStandardPaths::findExecutable(
        QStringLiteral("python3"), { QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin") });
    if (m_python.isEmpty())
        m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (m_python.isEmpty())
        QSKIP("python3 is needed for the runner's test programs");
    QFile::setPermissions(m_dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
            | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
}

QString TestRunnerTest::script(const QString& name, const QByteArray& code)
{
    QString path = m_dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(code);
    file.close();
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther | QFileDevice::ReadGroup);
    return path;
}

void TestRunnerTest::passesAndFails()
{
    const QString program = script(QStringLiteral("echo.py"), "import sys\nprint(' '.join(sys.argv[1:]))\n");
    TestSuite suite;
    std::vector<TestCase> tests { makeTest(
                                      QStringLiteral("same"), { QStringLiteral("a"), QStringLiteral("b") }, "a b\n"),
        makeTest(QStringLiteral("other"), { QStringLiteral("a") }, "b\n") };
    tests[1].heldOut = true;
    suite.setTests(tests);
    TestRunner runner;
    TestRunner::Options options;
    options.command = { m_python, program };
    const std::vector<TestResult> results = runner.run(suite, options);
    QCOMPARE(results.size(), size_t(2));
    QVERIFY(results[0].passed);
    QVERIFY(!results[1].passed);
    QVERIFY2(results[1].diff.contains(QLatin1String("-b")) && results[1].diff.contains(QLatin1String("+a")),
        qPrintable(results[1].diff));
    QCOMPARE(runner.summary().visiblePassed, 1);
    QCOMPARE(runner.summary().heldOutTotal, 1);
    QCOMPARE(runner.summary().heldOutPassed, 0);
}

void TestRunnerTest::containment()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QByteArray port = QByteArray::number(server.serverPort());
    const QString forks = script(QStringLiteral("forks.py"),
        "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n");
    const QString allocates
        = script(QStringLiteral("allocates.py"), "a = []\nwhile True:\n    a.append(' ' * 10**7)\n");
    const QString writesFile
        = script(QStringLiteral("writes.py"), "f = open('big', 'w')\nwhile True:\n    f.write('x' * 65536)\n");
    const QString printsForever
        = script(QStringLiteral("prints.py"), "import sys\nwhile True:\n    sys.stdout.write('y' * 65536)\n");
    const QString sleeps = script(QStringLiteral("sleeps.py"), "import time\ntime.sleep(3600)\n");
    const QString connects = script(QStringLiteral("connects.py"),
        "import socket\ns = socket.create_connection(('127.0.0.1', " + port + "), timeout=2)\nprint('connected')\n");
    const QString escapes
        = script(QStringLiteral("escapes.py"), "open('../outside', 'w').write('x')\nprint('wrote')\n");
    const QString fine = script(QStringLiteral("fine.py"), "print('ok')\n");

    struct Case {
        QString program;
        QString id;
        ProcessOutcome::Stop expected;
    };
    const bool perTestProcesses = TestCgroup::support().processes || geteuid() == 0;
    std::vector<Case> cases { { allocates, QStringLiteral("allocates"), ProcessOutcome::MemoryLimit },
        { writesFile, QStringLiteral("writes"), ProcessOutcome::FileSizeLimit },
        { printsForever, QStringLiteral("prints"), ProcessOutcome::OutputLimit },
        { sleeps, QStringLiteral("sleeps"), ProcessOutcome::Timeout },
        { fine, QStringLiteral("fine"), ProcessOutcome::Exited } };
    // A pids cgroup, or as root a user of the slot's own; a person's own account is never limited.
    if (perTestProcesses)
        cases.push_back({ forks, QStringLiteral("forks"),
            TestCgroup::support().processes ? ProcessOutcome::ProcessLimit : ProcessOutcome::Timeout });

    for (const Case& c : cases) {
        TestSuite suite;
        suite.setTests({ makeTest(c.id, {}, "ok\n", 2) });
        TestRunner runner;
        TestRunner::Options options;
        options.command = { m_python, c.program };
        options.limits.memoryBytes = qint64(256) << 20;
        options.limits.fileSizeBytes = qint64(4) << 20;
        options.limits.outputBytes = qint64(1) << 20;
        const std::vector<TestResult> results = runner.run(suite, options);
        QCOMPARE(results.size(), size_t(1));
        QVERIFY2(results[0].outcome.stop == c.expected,
            qPrintable(c.id + QStringLiteral(": ") + results[0].outcome.describe()
                + QString::fromUtf8(results[0].outcome.stderrData.left(300))));
        QCOMPARE(results[0].passed, c.id == QLatin1String("fine"));
    }

    // Network: no connection leaves a private network namespace.
    if (SandboxedProcess::networkIsolationAvailable()) {
        TestSuite suite;
        suite.setTests({ makeTest(QStringLiteral("connects"), {}, "connected\n", 5) });
        TestRunner runner;
        TestRunner::Options options;
        options.command = { m_python, connects };
        const std::vector<TestResult> results = runner.run(suite, options);
        QVERIFY(!results[0].passed);
        QVERIFY(!results[0].outcome.stdoutData.contains("connected"));
        QVERIFY(runner.summary().networkIsolated);
    } else {
        qWarning("this system allows no private network namespace: the network case was not checked");
    }

    // Writing beside the test directory is refused (sandbox user) or reported.
    TestSuite suite;
    suite.setTests(
        { makeTest(QStringLiteral("escapes"), {}, "wrote\n"), makeTest(QStringLiteral("fine"), {}, "wrote\n") });
    TestRunner runner;
    TestRunner::Options options;
    options.command = { m_python, escapes };
    const std::vector<TestResult> results = runner.run(suite, options);
    for (const TestResult& result : results) {
        QVERIFY(!result.passed);
        QVERIFY2(!result.violation.isEmpty() || result.outcome.stderrData.contains("PermissionError")
                || result.outcome.stderrData.contains("Read-only file system"),
            qPrintable(result.outcome.describe()));
    }
}

void TestRunnerTest::diffShowsChangedLines()
{
    const QString diff = TestRunner::diff("a\nb\nc\n", "a\nB\nc\n");
    QCOMPARE(diff, QStringLiteral("-b (line 2)\n+B (line 2)"));
}

void TestRunnerTest::suiteFormsAgree()
{
    TestCase test = makeTest(QStringLiteral("t1"), { QStringLiteral("--x"), QStringLiteral("y z") }, "out\n");
    test.stdinData = "in";
    test.files.insert(QStringLiteral("data/a.txt"), "A");
    test.expectedStderr = "err";
    test.expectedExitCode = 3;
    test.heldOut = true;
    const QString jsonl = m_dir.filePath(QStringLiteral("suite.jsonl"));
    QFile file(jsonl);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(TestSuite::toJsonLine(test) + '\n');
    file.close();
    const QString folder = m_dir.filePath(QStringLiteral("suite/t1"));
    QDir().mkpath(folder + QStringLiteral("/files/data"));
    auto write = [&](const QString& name, const QByteArray& data) {
        QFile f(folder + QLatin1Char('/') + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    };
    write(QStringLiteral("args"), "--x\ny z\n");
    write(QStringLiteral("stdin"), "in");
    write(QStringLiteral("files/data/a.txt"), "A");
    write(QStringLiteral("expected_stdout"), "out\n");
    write(QStringLiteral("expected_stderr"), "err");
    write(QStringLiteral("exit_code"), "3\n");
    write(QStringLiteral("held_out"), "");
    TestSuite fromLines, fromFolders;
    QVERIFY2(fromLines.load(jsonl), qPrintable(fromLines.errorString()));
    QVERIFY2(fromFolders.load(m_dir.filePath(QStringLiteral("suite"))), qPrintable(fromFolders.errorString()));
    for (const TestSuite* suite : { &fromLines, &fromFolders }) {
        QCOMPARE(suite->tests().size(), size_t(1));
        const TestCase& loaded = suite->tests().front();
        QCOMPARE(loaded.arguments, test.arguments);
        QCOMPARE(loaded.stdinData, test.stdinData);
        QCOMPARE(loaded.files, test.files);
        QCOMPARE(loaded.expectedStdout, test.expectedStdout);
        QCOMPARE(loaded.expectedStderr, test.expectedStderr);
        QCOMPARE(loaded.expectedExitCode, 3);
        QVERIFY(loaded.heldOut);
    }
}

namespace {
/// One probe of the hostile suite: a shell script, and how the runner must judge it.
struct Probe {
    const char* id;
    QByteArray script;
    QByteArray expectedStdout;
    int stop; ///< the ProcessOutcome::Stop it must end with, -1: it must pass
};

std::vector<Probe> hostileProbes(const QByteArray& marker, const QByteArray& secret, const QByteArray& folders)
{
    const QByteArray daemon = "python3 -c 'import time; time.sleep(1000)' " + marker;
    const QByteArray leak = "cat " + secret + " 2>/dev/null && echo LEAK; for d in " + folders
        + "; do ls -A \"$d\" 2>/dev/null | grep -q . && echo \"LEAK $d\"; done; echo end";
    // Victims between the probes: with two tests at once each runs beside one of them.
    const QByteArray victim = "sleep 1; echo ok";
    return {
        { "forkbomb",
            "python3 -c 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass'", "",
            ProcessOutcome::ProcessLimit },
        { "victim1", victim, "ok\n", -1 },
        { "memory",
            "for i in 1 2 3 4 5 6; do python3 -c 'import time; b = b\"x\" * (400 << 20); time.sleep(3)' & done; wait; "
            "echo done",
            "done\n", ProcessOutcome::MemoryLimit },
        { "victim2", victim, "ok\n", -1 },
        { "tmpwrites",
            "echo x > /tmp/" + marker + " && echo x > /var/tmp/" + marker + " && head -c 50000000 /dev/zero > /dev/shm/"
                + marker + " && echo wrote",
            "wrote\n", -1 },
        { "hostread", leak, "end\n", -1 },
        { "setsid", "setsid " + daemon + " & sleep 0.3; echo started", "started\n", -1 },
        { "doublefork", "(" + daemon + " &); sleep 0.3; echo started", "started\n", -1 },
        { "killall", "kill -9 -1 2>/dev/null; echo alive", "alive\n", -1 },
        { "victim3", victim, "ok\n", -1 },
        { "background", "sleep 1000 & echo started", "started\n", -1 },
        { "diskfill", "i=0; while head -c 8000000 /dev/zero > f$i; do i=$((i+1)); done; exit 1", "",
            ProcessOutcome::DiskLimit },
        { "victim4", victim, "ok\n", -1 },
        { "cpuburn", "python3 -c 'while True: pass'", "", ProcessOutcome::CpuLimit },
        { "victim5", victim, "ok\n", -1 },
    };
}

/// Host processes whose command line holds `marker`.
QStringList processesWith(const QByteArray& marker)
{
    QStringList found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& pid : pids) {
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker))
            found << pid;
    }
    return found;
}
}

void TestRunnerTest::runHostileSuite()
{
    if (m_hostileRan)
        return;
    m_hostileRan = true;
    QFile secret(m_secretDir.filePath(QStringLiteral("secret")));
    QVERIFY(secret.open(QIODevice::WriteOnly));
    secret.write("SECRET\n");
    secret.close();
    const QByteArray folders = "/root /home " + QFile::encodeName(QDir::homePath()) + ' '
        + QFile::encodeName(QStringLiteral(QT_TESTCASE_SOURCEDIR)) + ' ' + QFile::encodeName(m_secretDir.path());
    std::vector<TestCase> tests;
    for (const Probe& probe : hostileProbes(m_marker, QFile::encodeName(secret.fileName()), folders)) {
        TestCase test
            = makeTest(QString::fromLatin1(probe.id), { QString::fromUtf8(probe.script) }, probe.expectedStdout, 20);
        tests.push_back(test);
    }
    TestSuite suite;
    suite.setTests(tests);
    TestRunner runner;
    TestRunner::Options options;
    options.command = { QStringLiteral("/bin/sh"), QStringLiteral("-c") };
    options.limits.cpuSeconds = 6;
    options.limits.memoryBytes = qint64(512) << 20; // six processes of 400 MB: over it, well over 1 GB
    options.jobs = 2;
    m_hostile = runner.run(suite, options);
    QVERIFY(runner.summary().sandboxed);
}

void TestRunnerTest::hostileSuite_data()
{
    m_marker = "rlprobe" + QByteArray::number(QCoreApplication::applicationPid());
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("expectedStdout");
    QTest::addColumn<int>("stop");
    for (const Probe& probe : hostileProbes(m_marker, {}, {}))
        QTest::newRow(probe.id) << QString::fromLatin1(probe.id) << probe.expectedStdout << probe.stop;
}

/// Probes written to break out, run together through the real runner two at a time, judged from the host: every
/// probe contained, the victims beside them pass, nothing left on the host, each stop reported as its limit.
void TestRunnerTest::hostileSuite()
{
    if (!BubblewrapBox::available())
        QSKIP(qPrintable(QStringLiteral("no box on this system: %1").arg(BubblewrapBox::unavailableReason())));
    const TestCgroup::Support groups = TestCgroup::support();
    if (!groups.processes || !groups.memory || !groups.cpu)
        QSKIP("no writable cgroup with pids, memory and CPU accounting here: per-test limits cannot be checked");
    runHostileSuite();
    QFETCH(QString, id);
    QFETCH(int, stop);
    const auto found
        = std::find_if(m_hostile.begin(), m_hostile.end(), [&](const TestResult& result) { return result.id == id; });
    QVERIFY(found != m_hostile.end());
    const TestResult& result = *found;
    const QString seen = id + QStringLiteral(": ") + result.outcome.describe() + QStringLiteral(" | ")
        + QString::fromUtf8(result.outcome.stdoutData.left(300)) + QStringLiteral(" | ")
        + QString::fromUtf8(result.outcome.stderrData.left(300));
    if (stop < 0) {
        QVERIFY2(result.passed, qPrintable(seen));
    } else {
        QVERIFY2(!result.passed, qPrintable(seen));
        QVERIFY2(result.outcome.stop == ProcessOutcome::Stop(stop), qPrintable(seen));
    }
    // Judged on its main process's exit, not held by what it left running.
    if (id == QLatin1String("background") || id.startsWith(QLatin1String("victim")))
        QVERIFY2(result.outcome.seconds < 5, qPrintable(seen));
    // Nothing of the run is left on the host: files, processes, groups.
    for (const char* folder : { "/tmp/", "/var/tmp/", "/dev/shm/" })
        QVERIFY2(!QFile::exists(QString::fromLatin1(folder) + QString::fromLatin1(m_marker)), folder);
    const QStringList left = processesWith(m_marker);
    QVERIFY2(left.isEmpty(), qPrintable(QStringLiteral("left running: ") + left.join(QLatin1Char(' '))));
    QVERIFY(!result.outcome.stdoutData.contains("SECRET") && !result.outcome.stdoutData.contains("LEAK"));
}

QTEST_GUILESS_MAIN(TestRunnerTest)
#include "tst_runner.moc"
