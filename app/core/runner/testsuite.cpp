// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testsuite.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
}

const TestCase* TestSuite::find(const QString& id) const
{
    for (const TestCase& test : m_tests) {
        if (test.id == id)
            return &test;
    }
    return nullptr;
}

bool TestSuite::load(const QString& path)
{
    m_tests.clear();
    m_error.clear();
    const QFileInfo info(path);
    m_name = info.completeBaseName();
    if (info.isDir())
        return loadDirectory(path);
    return loadJsonLines(path);
}

bool TestSuite::loadJsonLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (!document.isObject()) {
            m_error = tr("%1, line %2: not a JSON object (%3)").arg(path).arg(lineNumber).arg(error.errorString());
            return false;
        }
        const QJsonObject object = document.object();
        TestCase test;
        test.id = object.value(QLatin1String("id")).toVariant().toString();
        if (test.id.isEmpty()) {
            m_error = tr("%1, line %2: the test has no id").arg(path).arg(lineNumber);
            return false;
        }
        for (const QJsonValue& argument : object.value(QLatin1String("args")).toArray())
            test.arguments << argument.toString();
        test.stdinData = object.value(QLatin1String("stdin")).toString().toUtf8();
        const QJsonObject files = object.value(QLatin1String("files")).toObject();
        for (auto it = files.begin(); it != files.end(); ++it)
            test.files.insert(it.key(), it.value().toString().toUtf8());
        test.expectedStdout = object.value(QLatin1String("stdout")).toString().toUtf8();
        test.expectedStderr = object.value(QLatin1String("stderr")).toString().toUtf8();
        test.expectedExitCode = object.value(QLatin1String("exit_code")).toInt(0);
        test.heldOut = object.value(QLatin1String("visibility")).toString() == QLatin1String("held_out");
        test.timeoutSeconds = object.value(QLatin1String("timeout_s")).toDouble(10.0);
        m_tests.push_back(std::move(test));
    }
    return true;
}

bool TestSuite::loadDirectory(const QString& path)
{
    const QDir root(path);
    const QStringList folders = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& folder : folders) {
        const QDir dir(root.filePath(folder));
        if (!dir.exists(QStringLiteral("expected_stdout")) && !dir.exists(QStringLiteral("args"))) {
            m_error = tr("%1: has neither args nor expected_stdout").arg(dir.path());
            return false;
        }
        TestCase test;
        test.id = folder;
        const QByteArray arguments = readFile(dir.filePath(QStringLiteral("args")));
        for (const QByteArray& argument : arguments.split('\n')) {
            if (!argument.isEmpty())
                test.arguments << QString::fromUtf8(argument);
        }
        test.stdinData = readFile(dir.filePath(QStringLiteral("stdin")));
        const QString filesRoot = dir.filePath(QStringLiteral("files"));
        QDirIterator it(filesRoot, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            test.files.insert(QDir(filesRoot).relativeFilePath(file), readFile(file));
        }
        test.expectedStdout = readFile(dir.filePath(QStringLiteral("expected_stdout")));
        test.expectedStderr = readFile(dir.filePath(QStringLiteral("expected_stderr")));
        test.expectedExitCode = readFile(dir.filePath(QStringLiteral("exit_code"))).trimmed().toInt();
        test.heldOut = dir.exists(QStringLiteral("held_out"));
        const QByteArray timeout = readFile(dir.filePath(QStringLiteral("timeout_s"))).trimmed();
        if (!timeout.isEmpty())
            test.timeoutSeconds = timeout.toDouble();
        m_tests.push_back(std::move(test));
    }
    if (m_tests.empty()) {
        m_error = tr("%1: no test folders").arg(path);
        return false;
    }
    return true;
}

QByteArray TestSuite::toJsonLine(const TestCase& test)
{
    QJsonObject object;
    object.insert(QLatin1String("id"), test.id);
    object.insert(QLatin1String("args"), QJsonArray::fromStringList(test.arguments));
    object.insert(QLatin1String("stdin"), QString::fromUtf8(test.stdinData));
    QJsonObject files;
    for (auto it = test.files.begin(); it != test.files.end(); ++it)
        files.insert(it.key(), QString::fromUtf8(it.value()));
    object.insert(QLatin1String("files"), files);
    object.insert(QLatin1String("stdout"), QString::fromUtf8(test.expectedStdout));
    object.insert(QLatin1String("stderr"), QString::fromUtf8(test.expectedStderr));
    object.insert(QLatin1String("exit_code"), test.expectedExitCode);
    object.insert(QLatin1String("visibility"), test.heldOut ? QStringLiteral("held_out") : QStringLiteral("visible"));
    object.insert(QLatin1String("timeout_s"), test.timeoutSeconds);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
