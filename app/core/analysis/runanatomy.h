// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "activitypatterns.h"
#include "pricetable.h"
#include "records/anatomyrecords.h"
#include "records/storerows.h"

#include <QHash>
#include <functional>
#include <map>

/// Reads a run's anatomy from its parts, fed in order: its test runs (score points) first, then every event in step
/// order. It keeps a few numbers per turn and per tool call, never an event's text beyond the call being read.
class RunAnatomy {
public:
    RunAnatomy(PriceTable prices, ActivityPatterns patterns);

    /// How many turns before and after a compaction its activity mix and re-read files look at.
    static constexpr int compactionWindow = 10;
    /// How often a command must run with no edit between to be a loop.
    static constexpr int loopRuns = 3;
    /// The most stretches the activity band holds: beyond, the steps are cut in this many equal parts, each drawn in
    /// its commonest activity (by turns).
    static constexpr int bandSpans = 400;

    /// The run's test runs, in order (Anatomy::scores); before the events.
    void setScores(std::vector<PassPoint> scores, const QString& source);
    /// The events it reads (model and tool calls, compactions, limits, errors), in step order; others may be left
    /// out when setEnd() says how the transcript ends.
    void addEvent(const EventRow& event);
    /// The transcript's extent when not every event is added: its event count, last step and last working start.
    void setEnd(int events, int lastStep, double lastWorkingStart);
    /// The event types addEvent() reads.
    static QStringList eventTypes();
    /// Steps of tool calls that failed (from the store's marks).
    void setToolErrors(int count) { m_toolErrors = count; }

    /// The anatomy, with the outcome of `sample` (its final fractions, solved, limit, error).
    Anatomy finish(const SampleRow& sample);

    /// The lines an edit removed and wrote, from its arguments' JSON (text_editor and the like); `resolve` replaces an
    /// argument's attachment references by their text.
    static qint64 diffLinesOf(const QByteArray& argumentsJson, const std::function<QString(const QString&)>& resolve);

private:
    struct TurnInfo {
        int seq = 0;
        int activity = -1; ///< of its first tool call
        double start = 0;
        double cost = 0;
    };
    struct ToolInfo {
        int seq = 0;
        int turn = -1;
        int activity = 0;
        int command = 0; ///< into m_commands
        int path = -1; ///< into m_paths
    };
    void addToolCall(const EventRow& event);
    void addCompaction(const EventRow& event);
    int intern(QHash<QString, int>& ids, QStringList& texts, const QString& text);
    double value(const PassPoint& point) const;
    double turnSeconds(size_t turn) const;
    /// The turns that began in (from, to], as indices.
    std::pair<size_t, size_t> turnsBetween(int from, int to) const;
    std::pair<size_t, size_t> toolsBetween(int from, int to) const;
    std::vector<ActivityShare> activityMix(size_t first, size_t end, bool keepEmpty) const;
    void findBest(Anatomy& anatomy) const;
    void findPlateaus(Anatomy& anatomy) const;
    Plateau describePlateau(int from, int to, int runs, bool ended, double level) const;
    void findRegressions(Anatomy& anatomy) const;
    void describeCompactions(Anatomy& anatomy) const;
    void findLoops(Anatomy& anatomy) const;
    void drawBand(Anatomy& anatomy) const;

    PriceTable m_prices;
    ActivityPatterns m_patterns;
    int m_editing = -1;
    int m_viewing = -1;
    std::vector<PassPoint> m_scores;
    QString m_scoreSource;
    int m_events = 0;
    int m_toolErrors = 0;
    int m_unpriced = 0;
    int m_lastStep = -1;
    double m_lastWorking = 0;
    std::map<QString, int> m_toolCalls;
    std::vector<TurnInfo> m_turns;
    std::vector<ToolInfo> m_tools;
    std::vector<CompactionAnatomy> m_compactions;
    QHash<QString, int> m_commandIds;
    QStringList m_commands;
    QHash<QString, int> m_pathIds;
    QStringList m_paths;
    QString m_limit;
    QString m_error;
};
