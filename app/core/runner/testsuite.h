// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

/// One end-to-end test: the program is run with `arguments`, `stdinData` and `files` in a fresh directory,
/// and passes when stdout, stderr and the exit code all match byte for byte.
struct TestCase {
    QString id;
    QStringList arguments;
    QByteArray stdinData;
    QMap<QString, QByteArray> files; ///< relative path -> content, written before the run
    QByteArray expectedStdout;
    QByteArray expectedStderr;
    int expectedExitCode = 0;
    bool heldOut = false;
    double timeoutSeconds = 10.0;
};

/// A test suite in one of its two forms:
/// - JSONL, one test a line: {"id", "args": [..], "stdin", "files": {path: content}, "stdout", "stderr",
///   "exit_code", "visibility": "visible"|"held_out", "timeout_s"};
/// - a directory with one folder a test: `args` (one argument a line), optional `stdin`, `files/`,
///   `expected_stdout`, `expected_stderr`, `exit_code`, and an optional `held_out` marker file.
class TestSuite {
    Q_DECLARE_TR_FUNCTIONS(TestSuite)

public:
    /// Loads a .jsonl file or a suite directory; false with errorString() naming the line or folder at fault.
    bool load(const QString& path);
    QString errorString() const { return m_error; }
    QString name() const { return m_name; }
    void setName(const QString& name) { m_name = name; }

    const std::vector<TestCase>& tests() const { return m_tests; }
    void setTests(std::vector<TestCase> tests) { m_tests = std::move(tests); }
    const TestCase* find(const QString& id) const;

    /// One test as a JSONL line, the inverse of what load() reads.
    static QByteArray toJsonLine(const TestCase& test);

private:
    bool loadJsonLines(const QString& path);
    bool loadDirectory(const QString& path);

    QString m_name;
    QString m_error;
    std::vector<TestCase> m_tests;
};
