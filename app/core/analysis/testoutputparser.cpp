// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testoutputparser.h"

#include "records/datadirectory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <map>

TestOutputParser TestOutputParser::standard()
{
    // The user's own patterns come first, then those shipped with Runlens.
    TestOutputParser parser;
    parser.load(userPath());
    parser.load(QStringLiteral(":/runlens/test_patterns.json"));
    return parser;
}

QString TestOutputParser::userPath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("test_patterns.json"));
}

bool TestOutputParser::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray patterns = document.value(QLatin1String("patterns")).toArray();
    for (const QJsonValue value : patterns) {
        const QJsonObject object = value.toObject();
        Pattern pattern;
        pattern.name = object.value(QLatin1String("name")).toString();
        const auto options = QRegularExpression::MultilineOption;
        if (object.contains(QLatin1String("regex")))
            pattern.summary = QRegularExpression(object.value(QLatin1String("regex")).toString(), options);
        if (object.contains(QLatin1String("count_passed")))
            pattern.passedLine = QRegularExpression(object.value(QLatin1String("count_passed")).toString(), options);
        if (object.contains(QLatin1String("count_failed")))
            pattern.failedLine = QRegularExpression(object.value(QLatin1String("count_failed")).toString(), options);
        m_patterns.push_back(std::move(pattern));
    }
    for (const QJsonValue value : document.value(QLatin1String("named")).toArray())
        m_named.emplace_back(
            value.toObject().value(QLatin1String("regex")).toString(), QRegularExpression::MultilineOption);
    return !m_patterns.empty() || !m_named.empty();
}

std::optional<TestCounts> TestOutputParser::parse(const QString& output) const
{
    for (const Pattern& pattern : m_patterns) {
        if (!pattern.summary.pattern().isEmpty()) {
            // The last summary line counts: a runner may print several as it goes.
            QRegularExpressionMatch last;
            for (auto it = pattern.summary.globalMatch(output); it.hasNext();)
                last = it.next();
            if (last.hasMatch()) {
                TestCounts counts;
                counts.passed = last.captured(QStringLiteral("passed")).toInt();
                counts.failed = last.captured(QStringLiteral("failed")).toInt();
                counts.runner = pattern.name;
                return counts;
            }
        } else if (!pattern.passedLine.pattern().isEmpty()) {
            TestCounts counts;
            for (auto it = pattern.passedLine.globalMatch(output); it.hasNext(); it.next())
                ++counts.passed;
            for (auto it = pattern.failedLine.globalMatch(output); it.hasNext(); it.next())
                ++counts.failed;
            if (counts.passed + counts.failed > 0) {
                counts.runner = pattern.name;
                return counts;
            }
        }
    }
    return std::nullopt;
}

std::vector<NamedTestResult> TestOutputParser::namedResults(const QString& output) const
{
    // Each line names at most one test: where several patterns match at one place, the first pattern's reading holds.
    std::map<qsizetype, NamedTestResult> byPosition;
    for (const QRegularExpression& pattern : m_named) {
        for (auto it = pattern.globalMatch(output); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            const QString name = match.captured(QStringLiteral("test"));
            if (!name.isEmpty())
                byPosition.try_emplace(match.capturedStart(),
                    NamedTestResult { name, !match.captured(QStringLiteral("passed")).isEmpty() });
        }
    }
    std::vector<NamedTestResult> results;
    results.reserve(byPosition.size());
    for (auto& [position, result] : byPosition)
        results.push_back(std::move(result));
    return results;
}
