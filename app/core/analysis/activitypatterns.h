// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QHash>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <vector>

/// Classes tool calls into activities (probing the reference program, reading docs, viewing code, editing, running
/// tests, other) by patterns over the tool's name and its arguments, from a JSON file users can extend.
class ActivityPatterns {
public:
    /// The user's patterns (userPath(), when there), then those shipped with Runlens
    /// (resources/activity_patterns.json).
    static ActivityPatterns standard();
    static QString userPath();
    /// Adds the activities and patterns of a file after those already loaded; false when it cannot be read.
    bool load(const QString& path);

    /// The activities' keys, in the order reports list them; "other" last.
    const QStringList& keys() const { return m_keys; }
    /// The words shown for an activity.
    QString label(int activity) const;
    /// The colour of an activity's band along a run's curve and of its mark in the panel and report ("#rrggbb").
    QString colour(int activity) const;
    /// The activity of a call of `function` with these arguments (their JSON, or its start).
    int classify(const QString& function, const QString& arguments);
    /// The index of "other".
    int other() const;
    /// The index of the activity with this key; -1 if none.
    int indexOf(const QString& key) const { return int(m_keys.indexOf(key)); }

private:
    struct Pattern {
        int activity = 0;
        QRegularExpression function;
        QRegularExpression arguments;
    };
    int addActivity(const QString& key, const QString& label, const QString& colour);

    QStringList m_keys;
    QStringList m_labels;
    QStringList m_colours; ///< "#rrggbb", or empty where the file names none
    std::vector<Pattern> m_patterns;
    QHash<QString, int> m_known; ///< calls classed already: transcripts repeat their commands
};
