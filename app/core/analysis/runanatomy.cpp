// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "runanatomy.h"

#include "json/jsonvalues.h"

#include <QRegularExpression>
#include <algorithm>
#include <cmath>
#include <set>

namespace {
/// The fields of a structured summary (EventSummary): its kind, then its values.
QStringList summaryFields(const QString& stored)
{
    if (!stored.startsWith(QChar(0x1e)))
        return {};
    return stored.mid(1).split(QChar(0x1f));
}

/// The tool's name and its arguments from a tool event's summary ("bash {...} ✗ error").
std::pair<QString, QString> splitCall(const QString& summary)
{
    const qsizetype space = summary.indexOf(QLatin1Char(' '));
    if (space < 0)
        return { summary, {} };
    QString arguments = summary.mid(space + 1);
    const qsizetype error = arguments.lastIndexOf(QStringLiteral(" \u2717 "));
    if (error >= 0)
        arguments.truncate(error);
    return { summary.left(space), arguments };
}

/// The file a call names: its `path` argument, else a source file its command names.
QString pathOf(const QString& arguments)
{
    static const QRegularExpression path(QStringLiteral(R"re("path"\s*:\s*"([^"]+)")re"));
    static const QRegularExpression file(QStringLiteral(
        R"re((?:^|[\s"'])((?:[\w.-]+/)*[\w-]+\.(?:py|rs|go|ml|mli|adb|ads|c|cc|cpp|h|hpp|js|ts|java|rb)))\b)re"));
    QRegularExpressionMatch match = path.match(arguments);
    if (match.hasMatch())
        return match.captured(1);
    match = file.match(arguments);
    return match.hasMatch() ? match.captured(1) : QString();
}

void sortByTurns(std::vector<ActivityShare>& shares)
{
    std::stable_sort(
        shares.begin(), shares.end(), [](const ActivityShare& a, const ActivityShare& b) { return a.turns > b.turns; });
}
}

RunAnatomy::RunAnatomy(PriceTable prices, ActivityPatterns patterns)
    : m_prices(std::move(prices))
    , m_patterns(std::move(patterns))
    , m_editing(m_patterns.indexOf(QStringLiteral("editing")))
    , m_viewing(m_patterns.indexOf(QStringLiteral("viewing_code")))
{
}

void RunAnatomy::setScores(std::vector<PassPoint> scores, const QString& source)
{
    m_scores = std::move(scores);
    m_scoreSource = source;
}

void RunAnatomy::addEvent(const EventRow& event)
{
    ++m_events;
    m_lastStep = std::max(m_lastStep, event.seq);
    m_lastWorking = std::max(m_lastWorking, event.workingStart);
    if (event.type == QLatin1String("model")) {
        const double cost = m_prices.costOf(event);
        m_unpriced += std::isnan(cost) ? 1 : 0;
        m_turns.push_back({ event.seq, -1, event.workingStart, std::isnan(cost) ? 0.0 : cost });
    } else if (event.type == QLatin1String("tool")) {
        addToolCall(event);
    } else if (event.type == QLatin1String("compaction")) {
        addCompaction(event);
    } else if (event.type == QLatin1String("sample_limit")) {
        const QStringList fields = summaryFields(event.summary);
        m_limit = fields.value(1); // its type: token, cost, time...
    } else if (event.type == QLatin1String("error")) {
        m_error = event.summary;
    }
}

void RunAnatomy::setEnd(int events, int lastStep, double lastWorkingStart)
{
    m_events = std::max(m_events, events);
    m_lastStep = std::max(m_lastStep, lastStep);
    m_lastWorking = std::max(m_lastWorking, lastWorkingStart);
}

QStringList RunAnatomy::eventTypes()
{
    return { QStringLiteral("model"), QStringLiteral("tool"), QStringLiteral("compaction"),
        QStringLiteral("sample_limit"), QStringLiteral("error") };
}

int RunAnatomy::intern(QHash<QString, int>& ids, QStringList& texts, const QString& text)
{
    const auto known = ids.constFind(text);
    if (known != ids.constEnd())
        return known.value();
    texts << text;
    ids.insert(text, int(texts.size() - 1));
    return int(texts.size() - 1);
}

void RunAnatomy::addToolCall(const EventRow& event)
{
    const auto [function, arguments] = splitCall(event.summary);
    ++m_toolCalls[function];
    ToolInfo tool;
    tool.seq = event.seq;
    tool.turn = int(m_turns.size()) - 1;
    tool.activity = m_patterns.classify(function, arguments);
    tool.command = intern(m_commandIds, m_commands, function + QLatin1Char(' ') + arguments);
    if (tool.activity == m_editing || tool.activity == m_viewing) {
        const QString path = pathOf(arguments);
        tool.path = path.isEmpty() ? -1 : intern(m_pathIds, m_paths, path);
    }
    if (tool.turn >= 0 && m_turns[size_t(tool.turn)].activity < 0)
        m_turns[size_t(tool.turn)].activity = tool.activity;
    m_tools.push_back(tool);
}

void RunAnatomy::addCompaction(const EventRow& event)
{
    const QStringList fields = summaryFields(event.summary);
    CompactionAnatomy compaction;
    compaction.step = event.seq;
    compaction.tokensBefore = fields.value(2).toLongLong();
    compaction.tokensAfter = fields.value(3).toLongLong();
    m_compactions.push_back(std::move(compaction));
}

double RunAnatomy::value(const PassPoint& point) const
{
    const bool heldOut
        = std::any_of(m_scores.begin(), m_scores.end(), [](const PassPoint& p) { return !std::isnan(p.heldOut); });
    return heldOut ? point.heldOut : point.visible;
}

double RunAnatomy::turnSeconds(size_t turn) const
{
    const double end = turn + 1 < m_turns.size() ? m_turns[turn + 1].start : m_lastWorking;
    return std::max(0.0, end - m_turns[turn].start);
}

std::pair<size_t, size_t> RunAnatomy::turnsBetween(int from, int to) const
{
    auto bySeq = [](const TurnInfo& turn, int seq) { return turn.seq <= seq; };
    const auto first = std::lower_bound(m_turns.begin(), m_turns.end(), from, bySeq);
    const auto end = std::lower_bound(m_turns.begin(), m_turns.end(), to, bySeq);
    return { size_t(first - m_turns.begin()), size_t(end - m_turns.begin()) };
}

std::pair<size_t, size_t> RunAnatomy::toolsBetween(int from, int to) const
{
    auto bySeq = [](const ToolInfo& tool, int seq) { return tool.seq <= seq; };
    const auto first = std::lower_bound(m_tools.begin(), m_tools.end(), from, bySeq);
    const auto end = std::lower_bound(m_tools.begin(), m_tools.end(), to, bySeq);
    return { size_t(first - m_tools.begin()), size_t(end - m_tools.begin()) };
}

std::vector<ActivityShare> RunAnatomy::activityMix(size_t first, size_t end, bool keepEmpty) const
{
    std::vector<ActivityShare> shares(size_t(m_patterns.keys().size()));
    for (size_t i = 0; i < shares.size(); ++i)
        shares[i].name = m_patterns.keys()[qsizetype(i)];
    const size_t other = size_t(std::max(m_patterns.other(), 0));
    for (size_t turn = first; turn < end && turn < m_turns.size(); ++turn) {
        const int activity = m_turns[turn].activity;
        ActivityShare& share = shares[activity >= 0 ? size_t(activity) : other];
        ++share.turns;
        share.workingTime += turnSeconds(turn);
        share.cost += m_turns[turn].cost;
    }
    if (!keepEmpty) {
        shares.erase(std::remove_if(shares.begin(), shares.end(), [](const ActivityShare& s) { return s.turns == 0; }),
            shares.end());
        sortByTurns(shares);
    }
    return shares;
}

Anatomy RunAnatomy::finish(const SampleRow& sample)
{
    Anatomy anatomy;
    anatomy.events = m_events;
    anatomy.modelCalls = int(m_turns.size());
    for (const auto& [function, count] : m_toolCalls)
        anatomy.toolCalls.emplace_back(function, count);
    anatomy.toolErrors = m_toolErrors;
    anatomy.scores = m_scores;
    anatomy.scoreSource = m_scoreSource;
    anatomy.finalVisible = sample.visiblePass;
    anatomy.finalHeldOut = sample.heldOutPass;
    anatomy.solved = sample.solved;
    anatomy.limit = m_limit.isEmpty() ? sample.limitType : m_limit;
    anatomy.error = m_error.isEmpty() ? sample.error : m_error;
    anatomy.lastStep = m_lastStep;
    anatomy.workingTime = m_lastWorking;
    anatomy.unpricedCalls = m_unpriced;
    for (const TurnInfo& turn : m_turns)
        anatomy.cost += turn.cost;
    anatomy.activities = activityMix(0, m_turns.size(), true);
    const int testing = m_patterns.indexOf(QStringLiteral("running_tests"));
    for (const ToolInfo& tool : m_tools) {
        if (tool.activity == m_editing)
            anatomy.editSteps.push_back(tool.seq);
        else if (tool.activity == testing)
            anatomy.testSteps.push_back(tool.seq);
    }
    findBest(anatomy);
    findPlateaus(anatomy);
    findRegressions(anatomy);
    describeCompactions(anatomy);
    findLoops(anatomy);
    drawBand(anatomy);
    return anatomy;
}

void RunAnatomy::findBest(Anatomy& anatomy) const
{
    const bool heldOut
        = std::any_of(m_scores.begin(), m_scores.end(), [](const PassPoint& p) { return !std::isnan(p.heldOut); });
    anatomy.measure = heldOut ? QStringLiteral("held_out") : QStringLiteral("visible");
    double best = -1;
    for (const PassPoint& point : m_scores) {
        const double v = value(point);
        if (!std::isnan(v) && v > best) {
            best = v;
            anatomy.bestStep = point.seq;
            anatomy.bestVisible = point.visible;
            anatomy.bestHeldOut = point.heldOut;
        }
    }
    if (anatomy.bestStep < 0)
        return;
    const auto best_
        = std::find_if(m_scores.begin(), m_scores.end(), [&](const PassPoint& p) { return p.seq == anatomy.bestStep; });
    anatomy.stepsAfterLastGain = std::max(0, m_lastStep - anatomy.bestStep);
    anatomy.workingTimeAfterLastGain = std::max(0.0, m_lastWorking - best_->workingStart);
    const auto [first, end] = turnsBetween(anatomy.bestStep, m_lastStep);
    for (size_t turn = first; turn < end; ++turn)
        anatomy.costAfterLastGain += m_turns[turn].cost;
    anatomy.activitiesToBest = activityMix(0, first, false);
    anatomy.activitiesAfterLastGain = activityMix(first, end, false);
}

void RunAnatomy::findPlateaus(Anatomy& anatomy) const
{
    // A gain betters the best so far; a plateau runs from the last gain to the next one, or to the last test run.
    size_t anchor = m_scores.size();
    double best = -1;
    for (size_t i = 0; i < m_scores.size(); ++i) {
        const double v = value(m_scores[i]);
        if (std::isnan(v))
            continue;
        if (anchor == m_scores.size()) {
            anchor = i;
            best = v;
            continue;
        }
        if (v > best) {
            if (i - anchor > 1)
                anatomy.plateaus.push_back(
                    describePlateau(m_scores[anchor].seq, m_scores[i].seq, int(i - anchor - 1), true, best));
            anchor = i;
            best = v;
        }
    }
    if (anchor + 1 < m_scores.size()) {
        anatomy.plateaus.push_back(
            describePlateau(m_scores[anchor].seq, m_scores.back().seq, int(m_scores.size() - 1 - anchor), false, best));
    }
    std::stable_sort(anatomy.plateaus.begin(), anatomy.plateaus.end(),
        [](const Plateau& a, const Plateau& b) { return a.toStep - a.fromStep > b.toStep - b.fromStep; });
}

Plateau RunAnatomy::describePlateau(int from, int to, int runs, bool ended, double level) const
{
    Plateau plateau;
    plateau.fromStep = from;
    plateau.toStep = to;
    plateau.testRuns = runs;
    plateau.ended = ended;
    plateau.level = level;
    const auto [firstTurn, endTurn] = turnsBetween(from, to);
    plateau.activities = activityMix(firstTurn, endTurn, false);
    for (size_t turn = firstTurn; turn < endTurn; ++turn) {
        plateau.workingTime += turnSeconds(turn);
        plateau.cost += m_turns[turn].cost;
    }
    const auto [firstTool, endTool] = toolsBetween(from, to);
    std::map<int, int> counts;
    std::set<int> paths;
    for (size_t i = firstTool; i < endTool; ++i) {
        ++counts[m_tools[i].command];
        if (m_tools[i].activity == m_editing && m_tools[i].path >= 0)
            paths.insert(m_tools[i].path);
    }
    for (const auto& [command, count] : counts) {
        if (count > 1)
            plateau.repeatedCommands.push_back({ m_commands[command], count });
    }
    std::stable_sort(plateau.repeatedCommands.begin(), plateau.repeatedCommands.end(),
        [](const CommandCount& a, const CommandCount& b) { return a.count > b.count; });
    for (const int path : paths)
        plateau.editedFiles << m_paths[path];
    plateau.editedFiles.sort();
    return plateau;
}

void RunAnatomy::findRegressions(Anatomy& anatomy) const
{
    const PassPoint* previous = nullptr;
    for (const PassPoint& point : m_scores) {
        if (std::isnan(value(point)))
            continue;
        if (previous && value(point) < value(*previous)) {
            Regression regression;
            regression.fromStep = previous->seq;
            regression.toStep = point.seq;
            regression.heldOutBefore = previous->heldOut;
            regression.heldOutAfter = point.heldOut;
            regression.visibleBefore = previous->visible;
            regression.visibleAfter = point.visible;
            const auto [first, end] = toolsBetween(previous->seq, point.seq);
            std::set<int> paths;
            for (size_t i = first; i < end; ++i) {
                if (m_tools[i].activity != m_editing)
                    continue;
                regression.editSteps.push_back(m_tools[i].seq);
                if (m_tools[i].path >= 0)
                    paths.insert(m_tools[i].path);
            }
            for (const int path : paths)
                regression.files << m_paths[path];
            anatomy.regressions.push_back(std::move(regression));
        }
        previous = &point;
    }
}

void RunAnatomy::describeCompactions(Anatomy& anatomy) const
{
    // Files the agent had seen or written before each compaction, gathered once: the compactions come in step order.
    std::set<int> seen;
    size_t seenUpTo = 0; // the tools before it
    for (CompactionAnatomy compaction : m_compactions) {
        for (const PassPoint& point : m_scores) {
            if (point.seq < compaction.step)
                compaction.passBefore = value(point);
            else if (std::isnan(compaction.passAfter))
                compaction.passAfter = value(point);
        }
        const size_t at = turnsBetween(-1, compaction.step).second;
        const size_t window = size_t(compactionWindow);
        compaction.activitiesBefore = activityMix(at > window ? at - window : 0, at, false);
        compaction.activitiesAfter = activityMix(at, std::min(m_turns.size(), at + window), false);
        // Files the agent had seen or written before, read again soon after: context it lost.
        const int windowEnd = at + window < m_turns.size() ? m_turns[at + window].seq : m_lastStep + 1;
        for (; seenUpTo < m_tools.size() && m_tools[seenUpTo].seq < compaction.step; ++seenUpTo) {
            if (m_tools[seenUpTo].path >= 0)
                seen.insert(m_tools[seenUpTo].path);
        }
        std::set<int> reread;
        for (size_t i = seenUpTo; i < m_tools.size() && m_tools[i].seq < windowEnd; ++i) {
            const ToolInfo& tool = m_tools[i];
            if (tool.path >= 0 && tool.activity == m_viewing && seen.count(tool.path))
                reread.insert(tool.path);
        }
        for (const int path : reread)
            compaction.rereadFiles << m_paths[path];
        anatomy.compactions.push_back(std::move(compaction));
    }
}

void RunAnatomy::findLoops(Anatomy& anatomy) const
{
    struct Open {
        int first = 0;
        int last = 0;
        int runs = 0;
    };
    std::map<int, Open> open;
    auto flush = [&]() {
        for (const auto& [command, loop] : open) {
            if (loop.runs >= loopRuns)
                anatomy.loops.push_back({ m_commands[command], loop.first, loop.last, loop.runs });
        }
        open.clear();
    };
    for (const ToolInfo& tool : m_tools) {
        if (tool.activity == m_editing) {
            flush();
            continue;
        }
        Open& loop = open[tool.command];
        if (loop.runs == 0)
            loop.first = tool.seq;
        loop.last = tool.seq;
        ++loop.runs;
    }
    flush();
    std::stable_sort(anatomy.loops.begin(), anatomy.loops.end(), [](const CommandLoop& a, const CommandLoop& b) {
        return a.runs != b.runs ? a.runs > b.runs : a.firstStep < b.firstStep;
    });
}

void RunAnatomy::drawBand(Anatomy& anatomy) const
{
    if (m_turns.empty())
        return;
    const int other = std::max(m_patterns.other(), 0);
    auto activityOf = [&](const TurnInfo& turn) { return turn.activity >= 0 ? turn.activity : other; };
    std::vector<std::pair<int, int>> spans; // first step, activity
    for (const TurnInfo& turn : m_turns) {
        if (spans.empty() || spans.back().second != activityOf(turn))
            spans.emplace_back(turn.seq, activityOf(turn));
    }
    const int end = std::max(m_lastStep, m_turns.back().seq);
    if (spans.size() > size_t(bandSpans)) {
        // Equal parts of the steps, each in the activity most of its turns had.
        const int first = m_turns.front().seq;
        const double width = double(end - first + 1) / bandSpans;
        std::vector<std::vector<int>> counts(size_t(bandSpans), std::vector<int>(size_t(m_patterns.keys().size())));
        for (const TurnInfo& turn : m_turns)
            ++counts[std::min(size_t(bandSpans) - 1, size_t((turn.seq - first) / width))][size_t(activityOf(turn))];
        spans.clear();
        for (size_t part = 0; part < counts.size(); ++part) {
            const auto most = std::max_element(counts[part].begin(), counts[part].end());
            if (*most == 0)
                continue;
            const int activity = int(most - counts[part].begin());
            if (spans.empty() || spans.back().second != activity)
                spans.emplace_back(first + int(std::ceil(double(part) * width)), activity);
        }
    }
    for (size_t i = 0; i < spans.size(); ++i)
        anatomy.activityBand.push_back({ spans[i].first, i + 1 < spans.size() ? spans[i + 1].first : end,
            m_patterns.keys().value(spans[i].second) });
}

qint64 RunAnatomy::diffLinesOf(const QByteArray& argumentsJson, const std::function<QString(const QString&)>& resolve)
{
    rapidjson::Document arguments;
    if (!parseJson(arguments, argumentsJson.constData(), size_t(argumentsJson.size())) || !arguments.IsObject())
        return 0;
    qint64 lines = 0;
    for (const char* field : { "old_str", "new_str", "file_text", "content", "patch" }) {
        const QString text = resolve(stringOf(member(arguments, field)));
        if (!text.isEmpty())
            lines += text.count(QLatin1Char('\n')) + 1;
    }
    return lines;
}
