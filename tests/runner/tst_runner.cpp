// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "runner/testrunner.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

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

private:
    QString script(const QString& name, const QByteArray& code);
    QTemporaryDir m_dir;
    QString m_python;
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
    const bool dropped = SandboxedProcess::dropsPrivileges();
    std::vector<Case> cases { { allocates, QStringLiteral("allocates"), ProcessOutcome::MemoryLimit },
        { writesFile, QStringLiteral("writes"), ProcessOutcome::FileSizeLimit },
        { printsForever, QStringLiteral("prints"), ProcessOutcome::OutputLimit },
        { sleeps, QStringLiteral("sleeps"), ProcessOutcome::Timeout },
        { fine, QStringLiteral("fine"), ProcessOutcome::Exited } };
    if (dropped) // only a sandbox user has a process limit; a person's own account is never limited
        cases.push_back({ forks, QStringLiteral("forks"), ProcessOutcome::Timeout });

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
        QVERIFY2(!result.violation.isEmpty() || result.outcome.stderrData.contains("PermissionError"),
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

QTEST_GUILESS_MAIN(TestRunnerTest)
#include "tst_runner.moc"
