// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "activitypatterns.h"

#include "records/datadirectory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <iterator>

ActivityPatterns ActivityPatterns::standard()
{
    ActivityPatterns patterns;
    patterns.load(userPath());
    patterns.load(QStringLiteral(":/runlens/activity_patterns.json"));
    patterns.addActivity(QStringLiteral("other"), {}, {});
    return patterns;
}

QString ActivityPatterns::userPath()
{
    return QDir(dataDirectory()).filePath(QStringLiteral("activity_patterns.json"));
}

int ActivityPatterns::addActivity(const QString& key, const QString& label, const QString& colour)
{
    const qsizetype known = m_keys.indexOf(key);
    if (known >= 0) {
        // The user's activity without a colour takes the one Runlens ships for it.
        if (m_colours[known].isEmpty())
            m_colours[known] = colour;
        return int(known);
    }
    m_keys << key;
    m_labels << (label.isEmpty() ? key : label);
    m_colours << colour;
    return int(m_keys.size() - 1);
}

QString ActivityPatterns::colour(int activity) const
{
    if (activity < 0 || activity >= m_colours.size())
        return QStringLiteral("#bbbbbb");
    if (!m_colours[activity].isEmpty())
        return m_colours[activity];
    // An activity of the user's that names no colour: one of a few that the shipped ones do not use.
    static const char* const spare[] = { "#66a61e", "#e7298a", "#1f78b4", "#b15928", "#6a3d9a" };
    return QLatin1String(spare[size_t(activity) % std::size(spare)]);
}

bool ActivityPatterns::load(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    for (const QJsonValue value : document.value(QLatin1String("activities")).toArray()) {
        const QJsonObject activity = value.toObject();
        addActivity(activity.value(QLatin1String("key")).toString(), activity.value(QLatin1String("label")).toString(),
            activity.value(QLatin1String("colour")).toString());
    }
    for (const QJsonValue value : document.value(QLatin1String("patterns")).toArray()) {
        const QJsonObject object = value.toObject();
        Pattern pattern;
        pattern.activity = addActivity(object.value(QLatin1String("activity")).toString(), {}, {});
        pattern.function = QRegularExpression(object.value(QLatin1String("function")).toString());
        pattern.arguments = QRegularExpression(object.value(QLatin1String("arguments")).toString());
        if (pattern.function.isValid() && pattern.arguments.isValid())
            m_patterns.push_back(std::move(pattern));
    }
    // Every call has an activity: one that no pattern names is "other".
    addActivity(QStringLiteral("other"), {}, {});
    m_known.clear();
    return true;
}

QString ActivityPatterns::label(int activity) const
{
    return activity >= 0 && activity < m_labels.size() ? m_labels[activity] : QString();
}

int ActivityPatterns::other() const
{
    return int(m_keys.indexOf(QStringLiteral("other")));
}

int ActivityPatterns::classify(const QString& function, const QString& arguments)
{
    const QString call = function + QChar(0x1f) + arguments;
    const auto known = m_known.constFind(call);
    if (known != m_known.constEnd())
        return known.value();
    int activity = -1;
    for (const Pattern& pattern : m_patterns) {
        if (pattern.function.match(function).hasMatch() && pattern.arguments.match(arguments).hasMatch()) {
            activity = pattern.activity;
            break;
        }
    }
    if (activity < 0)
        activity = std::max(other(), 0);
    // Bounded: a run of unique commands must not grow the cache without end.
    if (m_known.size() < 100000)
        m_known.insert(call, activity);
    return activity;
}
