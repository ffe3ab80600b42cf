// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "mirrorcodesynth.h"

#include "chunkedlayout.h"
#include "demoprogram.h"
#include "inspect/mirrorcodetargets.h"
#include "jsonout.h"
#include "runner/testrunner.h"
#include "samplesynth.h"
#include "synthrandom.h"
#include "synthtext.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <array>
#include <cmath>
#include <map>

namespace {
struct ModelProfile {
    QString name;
    double solveSmall, solveMedium; ///< share of the tier's targets solved (large: none)
    SynthPrices prices; ///< USD per million tokens, billed on the calls
    double tokenFactor; ///< output tokens relative to the others
};

ModelProfile profileOf(const QString& model)
{
    // Shares of the 10 small and 11 medium targets solved: 14, 11 and 8 of 25, the leaderboard's 56% / 44% / 32%.
    if (model.contains(QLatin1String("opus")))
        return { model, 0.98, 0.38, { 5.0, 25.0, 0.5, 6.25 }, 1.0 };
    if (model.contains(QLatin1String("gpt")))
        return { model, 0.90, 0.18, { 5.0, 30.0, 0.5, 0.0 }, 1.3 };
    return { model, 0.70, 0.09, { 2.0, 12.0, 0.2, 0.0 }, 1.2 };
}

QString languageFor(const MirrorCodeTarget& target, const QString& model, quint64 seed)
{
    const QString program = QString::fromLatin1(target.program);
    if (DemoProgram::find(program) || model.contains(QLatin1String("gemini")))
        return QStringLiteral("python"); // the demo programs have real Python code; the Gemini run was Python-only
    if (program == QLatin1String("ruff") || program == QLatin1String("cprepro") || program == QLatin1String("nonogrid"))
        return QStringLiteral("go"); // language-forced targets
    if (target.tier == 'L')
        return QStringLiteral("rust");
    const QStringList languages = mirrorCodeLanguages();
    SynthRandom random = SynthRandom::derive(seed, qHash(program), qHash(model));
    return languages[random.range(0, languages.size() - 1)];
}

/// Visible tests of a target: its published size where known, else by tier.
int visibleTestsOf(const MirrorCodeTarget& target, SynthRandom& random)
{
    if (QLatin1String(target.program) == QLatin1String("gotree"))
        return 2001;
    switch (target.tier) {
    case 'S':
        return int(random.range(80, 400));
    case 'M':
        return int(random.range(300, 1600));
    default:
        return int(random.range(1000, 3000));
    }
}

struct DemoResults {
    std::vector<std::pair<int, int>> passes;
    std::vector<QStringList> passing;
};

/// Runs every version of a demo program on its suite: the curve its transcript shows is the one a re-run gives.
bool runDemoVersions(const DemoProgram& demo, DemoResults& results, QString* error)
{
    const QString python = QStandardPaths::findExecutable(
        QStringLiteral("python3"), { QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin") });
    if (python.isEmpty()) {
        *error = MirrorCodeSynth::tr("the demo programs are run with python3, which is not installed");
        return false;
    }
    const TestSuite suite = demo.suite();
    for (const QByteArray& version : demo.versions()) {
        QTemporaryDir directory;
        QFile::setPermissions(directory.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        QFile file(directory.filePath(QStringLiteral("main.py")));
        if (!file.open(QIODevice::WriteOnly) || file.write(version) != version.size()) {
            *error = file.errorString();
            return false;
        }
        file.close();
        QFile::setPermissions(file.fileName(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther | QFileDevice::ReadGroup);
        TestRunner::Options options;
        options.command = { python, file.fileName() };
        options.limits.isolateNetwork = false;
        // Every version exits by itself on every test (wrong output at worst): anything else is this machine
        // refusing a process or running out of time under load, which would bend the curve, so run again.
        QString trouble;
        for (int attempt = 0; attempt < 3; ++attempt) {
            TestRunner runner;
            QStringList passing;
            trouble.clear();
            for (const TestResult& result : runner.run(suite, options)) {
                if (result.passed && !result.heldOut)
                    passing << result.id;
                if (result.outcome.stop != ProcessOutcome::Exited && trouble.isEmpty())
                    trouble = MirrorCodeSynth::tr("test %1 of %2: %3")
                                  .arg(result.id, demo.program(), result.outcome.describe());
            }
            if (trouble.isEmpty()) {
                results.passes.emplace_back(runner.summary().visiblePassed, runner.summary().heldOutPassed);
                results.passing.push_back(passing);
                break;
            }
        }
        if (!trouble.isEmpty()) {
            *error = MirrorCodeSynth::tr("python3 could not run the demo programs' tests here (%1)").arg(trouble);
            return false;
        }
    }
    // The last version passes every test by construction: if it did not here, the machine could not run the
    // programs (python3 missing for the sandbox user, processes refused), and every curve would be wrong.
    const int total = int(suite.tests().size());
    if (results.passes.back().first + results.passes.back().second != total) {
        *error = MirrorCodeSynth::tr("the last version of the demo program %1 passed %2 of its %3 tests here: "
                                     "python3 could not run its tests")
                     .arg(demo.program())
                     .arg(results.passes.back().first + results.passes.back().second)
                     .arg(total);
        return false;
    }
    return true;
}

QString isoDate(const QDateTime& at)
{
    return at.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("+00:00");
}

QByteArray shortId(quint64 seed, quint64 a, quint64 b = 0)
{
    SynthRandom random = SynthRandom::derive(seed, a, b);
    return SynthText::id(random);
}

/// The budgets of a run's eval.config; a sample that reaches one stops there.
struct RunLimits {
    qint64 tokens = 1000000000;
    double seconds = 1728000; // 20 days
    double cost = 2000;
};

/// Estimated turns until a sample's spending reaches `limit` (cost, time or tokens), from the averages of
/// SampleSynth's draws: a limited run is planned so that its curve ends about when the limit stops it.
int turnsToLimit(const SampleSpec& spec)
{
    const double output = spec.outputTokens * 0.75;
    const double context = spec.contextLimit * 0.5;
    const double growth = spec.contextGrowth;
    double perTurn = 0;
    if (spec.limitType == QLatin1String("cost"))
        perTurn = (output * spec.prices.output + context * spec.prices.cacheRead + growth * spec.prices.cacheWrite
                      + 100 * spec.prices.input)
            / 1e6;
    else if (spec.limitType == QLatin1String("time"))
        perTurn = spec.secondsPerTurn;
    else
        perTurn = output + context + growth;
    return perTurn > 0 ? int(spec.limitValue / perTurn) : spec.turns;
}

/// Makes `spec` the run a budget stops: a large target worked on for days, like the paper's $2,600, 19-day attempt.
void makeLongRun(SampleSpec& spec, const ModelProfile& profile, const RunLimits& limits)
{
    // Gemini's calls are cheap: its long run meets the time limit well before the cost limit.
    const bool cheap = profile.prices.output < 20;
    spec.limitType = cheap ? QStringLiteral("time") : QStringLiteral("cost");
    spec.limitValue = cheap ? limits.seconds : limits.cost;
    spec.outputTokens = int(100000 * profile.tokenFactor);
    spec.contextLimit = 950000;
    spec.contextGrowth = 40000;
    spec.secondsPerTurn = cheap ? 3000 : 1500;
    spec.verbosity = 0.4;
    spec.crashed = false;
    spec.curveTurns = turnsToLimit(spec);
    spec.turns = spec.curveTurns * 13 / 10 + 10; // enough that the limit, not the end of the plan, stops it
}

/// Whether `model` solves `target` in `epoch`. By quota rather than by a coin for each sample: 25 targets are too
/// few for coins to land near the leaderboard's rates. In each epoch a model solves the share of a tier's targets
/// its profile gives, those ranked first by a draw of its own; medium targets' ranks shift a little between
/// epochs, so the ones near the cut change.
bool solvesTarget(const MirrorCodeTarget& target, const QString& model, int epoch, quint64 seed, double share)
{
    auto rank = [&](const MirrorCodeTarget& other) {
        const quint64 program = qHash(QLatin1String(other.program));
        double key = SynthRandom::derive(seed, program, qHash(model), 11).uniform();
        if (other.tier == 'M')
            key += SynthRandom::derive(seed, program, qHash(model), 12 + quint64(epoch)).uniform(0, 0.25);
        return key;
    };
    int inTier = 0, ahead = 0;
    const double own = rank(target);
    for (const MirrorCodeTarget& other : mirrorCodeTargets()) {
        if (other.tier != target.tier)
            continue;
        ++inTier;
        ahead += rank(other) < own;
    }
    return ahead < int(std::lround(share * inTier));
}

/// One eval log: its samples stream into the archive; the header, summaries and reductions are written from them.
class EvalLogWriter {
public:
    EvalLogWriter(const QString& path, const SynthOptions& options, const QString& model, const QByteArray& evalSetId,
        const QDateTime& created, quint64 runSeed, const RunLimits& limits = {})
        : m_path(path)
        , m_limits(limits)
        , m_options(options)
        , m_model(model)
        , m_evalSetId(evalSetId)
        , m_created(created)
        , m_runSeed(runSeed)
    {
    }

    bool begin(int plannedSamples)
    {
        if (!m_zip.open(m_path, m_options.compression))
            return false;
        m_planned = plannedSamples;
        return member(QStringLiteral("_journal/start.json"),
            "{\"version\": " + version() + ", \"eval\": " + evalSpec() + ", \"plan\": " + plan() + "}");
    }

    bool add(SampleSynth& sample, SynthReport& report)
    {
        const QString prefix = QStringLiteral("samples/%1_epoch_%2").arg(sample.spec().id).arg(sample.spec().epoch);
        if (m_options.chunked) {
            ChunkedLayout layout(m_zip, prefix, m_options.chunkItems, m_options.chunkBytes);
            if (!sample.writeChunked(layout)) {
                m_error = MirrorCodeSynth::tr("sample %1 could not be written: %2")
                              .arg(sample.spec().id, layout.errorString());
                return false;
            }
        } else {
            if (!m_zip.beginMember(prefix + QStringLiteral(".json")))
                return false;
            JsonOut out([this](const QByteArray& bytes) { return m_zip.write(bytes); });
            if (!sample.write(out)) {
                m_error = MirrorCodeSynth::tr("sample %1 could not be written").arg(sample.spec().id);
                return false;
            }
            if (!m_zip.endMember())
                return false;
        }
        const SampleStats& stats = sample.stats();
        report.samples += 1;
        report.events += stats.events;
        report.messages += stats.messages;
        report.attachments += stats.attachments;
        report.compactions += stats.compactions;
        m_summaries.push_back(sample.summaryJson());
        m_flush.push_back(m_summaries.back());
        const SampleSpec& spec = sample.spec();
        m_outcomes[spec.id].push_back({ stats.solved ? 1.0 : 0.0, double(stats.visiblePassed) / spec.visibleTotal,
            double(stats.heldOutPassed) / spec.heldOutTotal });
        m_inputTokens += stats.inputTokens;
        m_outputTokens += stats.outputTokens;
        m_cacheRead += stats.cacheReadTokens;
        m_cacheWrite += stats.cacheWriteTokens;
        m_reasoning += stats.reasoningTokens;
        m_cost += stats.cost;
        m_writeCost = sample.spec().writeTotalCost;
        m_completed = std::max(m_completed, sample.spec().start.addMSecs(qint64(stats.totalTime * 1000)));
        // Inspect flushes its journal every few samples.
        if (m_flush.size() >= 10)
            return flushJournal();
        return true;
    }

    bool finish()
    {
        if (!m_flush.empty() && !flushJournal())
            return false;
        QByteArray summaries = "[";
        for (size_t i = 0; i < m_summaries.size(); ++i)
            summaries += (i ? ", " : "") + m_summaries[i];
        summaries += "]";
        // Accuracy as Inspect reports it: each sample's epochs averaged, then the mean over samples. A dict score has
        // one EvalScore a key, each reduced and averaged so.
        QByteArray scores;
        QByteArray reductions;
        const std::vector<std::pair<QByteArray, int>> keys = m_options.dictScores
            ? std::vector<std::pair<QByteArray, int>> { { "visible", 1 }, { "held_out", 2 } }
            : std::vector<std::pair<QByteArray, int>> { { "mirrorcode", 0 } };
        for (const auto& [name, part] : keys) {
            double sum = 0, squares = 0;
            QByteArray reduced;
            for (const auto& [id, values] : m_outcomes) {
                double mean = 0;
                for (const std::array<double, 3>& value : values)
                    mean += value[size_t(part)] / double(values.size());
                sum += mean;
                squares += mean * mean;
                reduced += QByteArray(reduced.isEmpty() ? "" : ", ") + "{\"value\": " + QByteArray::number(mean, 'f', 6)
                    + ", \"sample_id\": \"" + id.toUtf8() + "\"}";
            }
            const double n = double(m_outcomes.size());
            const double accuracy = n > 0 ? sum / n : 0;
            const double variance = n > 1 ? (squares - n * accuracy * accuracy) / (n - 1) : 0;
            const double stderror = n > 0 ? std::sqrt(std::max(variance, 0.0) / n) : 0;
            scores += QByteArray(scores.isEmpty() ? "" : ", ") + "{\"name\": \"" + name
                + "\", \"scorer\": \"mirrorcode\", \"reducer\": \"mean\", \"scored_samples\": "
                + QByteArray::number(qsizetype(m_outcomes.size()))
                + ", \"unscored_samples\": 0, \"params\": {}, \"metrics\": "
                + "{\"accuracy\": {\"name\": \"accuracy\", \"value\": " + QByteArray::number(accuracy, 'g', 17)
                + ", \"params\": {}}, \"stderr\": {\"name\": \"stderr\", \"value\": "
                + QByteArray::number(stderror, 'g', 17) + ", \"params\": {}}}}";
            reductions += QByteArray(reductions.isEmpty() ? "" : ", ") + "{\"scorer\": \"" + name
                + "\", \"reducer\": \"mean\", \"samples\": [" + reduced + "]}";
        }
        QByteArray usage = "{\"" + m_model.toUtf8() + "\": {\"input_tokens\": " + QByteArray::number(m_inputTokens)
            + ", \"output_tokens\": " + QByteArray::number(m_outputTokens)
            + ", \"total_tokens\": " + QByteArray::number(m_inputTokens + m_outputTokens + m_cacheRead + m_cacheWrite)
            + ", \"input_tokens_cache_write\": " + QByteArray::number(m_cacheWrite) + ", \"input_tokens_cache_read\": "
            + QByteArray::number(m_cacheRead) + ", \"reasoning_tokens\": " + QByteArray::number(m_reasoning)
            + (m_writeCost ? ", \"total_cost\": " + QByteArray::number(m_cost, 'f', 4) : QByteArray()) + "}}";
        const QByteArray results = "{\"total_samples\": " + QByteArray::number(qsizetype(m_summaries.size()))
            + ", \"completed_samples\": " + QByteArray::number(qsizetype(m_summaries.size())) + ", \"scores\": ["
            + scores + "]}";
        const QByteArray stats = "{\"started_at\": \"" + isoDate(m_created).toUtf8() + "\", \"completed_at\": \""
            + isoDate(m_completed.isValid() ? m_completed : m_created).toUtf8() + "\", \"model_usage\": " + usage
            + ", \"role_usage\": {}}";
        const QByteArray header = "{\"version\": " + version() + ", \"status\": \"success\", \"eval\": " + evalSpec()
            + ", \"plan\": " + plan() + ", \"results\": " + results + ", \"stats\": " + stats
            + ", \"invalidated\": false, \"tags\": [], \"metadata\": {}}";
        return member(QStringLiteral("summaries.json"), summaries)
            && member(QStringLiteral("reductions.json"), "[" + reductions + "]")
            && member(QStringLiteral("header.json"), header) && m_zip.close();
    }

    QString errorString() const { return m_error.isEmpty() ? m_zip.errorString() : m_error; }
    qint64 jsonBytes() const { return m_zip.uncompressedBytes(); }

private:
    /// Inspect stamps version 3 into a log with chunked samples, so that older readers refuse it.
    QByteArray version() const { return m_options.chunked ? "3" : "2"; }
    bool member(const QString& name, const QByteArray& json)
    {
        return m_zip.beginMember(name) && m_zip.write(json) && m_zip.endMember();
    }
    bool flushJournal()
    {
        ++m_flushes;
        QByteArray rows = "[";
        for (size_t i = 0; i < m_flush.size(); ++i)
            rows += (i ? ", " : "") + m_flush[i];
        rows += "]";
        m_flush.clear();
        return member(QStringLiteral("_journal/summaries/%1.json").arg(m_flushes), rows);
    }
    QByteArray evalSpec() const
    {
        return "{\"eval_set_id\": \"" + m_evalSetId + "\", \"eval_id\": \"" + shortId(m_runSeed, 1)
            + "\", \"run_id\": \"" + shortId(m_runSeed, 2) + "\", \"created\": \"" + isoDate(m_created).toUtf8()
            + "\", \"task\": \"mirror-code\", \"task_id\": \"" + shortId(m_options.seed, 3)
            + "\", \"task_version\": 1, \"task_display_name\": \"MirrorCode\", \"task_attribs\": {}, \"task_args\": "
              "{}, "
              "\"task_args_passed\": {}, \"dataset\": {\"name\": \"mirror-code\", \"samples\": "
            + QByteArray::number(m_planned)
            + ", \"shuffled\": false}, \"sandbox\": {\"type\": \"docker\"}, \"model\": \"" + m_model.toUtf8()
            + "\", \"model_generate_config\": {}, \"model_args\": {}, \"config\": {\"epochs\": "
            + QByteArray::number(m_options.epochs) + ", \"epochs_reducer\": [\"mean\"], \"token_limit\": "
            + QByteArray::number(m_limits.tokens) + ", \"time_limit\": " + QByteArray::number(qint64(m_limits.seconds))
            + (m_limits.cost > 0 ? ", \"cost_limit\": " + QByteArray::number(m_limits.cost, 'g', 10) : QByteArray())
            + ", \"fail_on_error\": false, \"log_samples\": true, "
              "\"log_realtime\": true, \"max_samples\": 8}, \"packages\": {\"inspect_ai\": \"0.3.212\"}, "
              "\"scorers\": [{\"name\": \"mirrorcode\", \"options\": {}, \"metrics\": [{\"name\": "
              "\"inspect_ai/accuracy\", "
              "\"options\": {}}, {\"name\": \"inspect_ai/stderr\", \"options\": {}}], \"metadata\": {}}]}";
    }
    static QByteArray plan()
    {
        return R"({"name": "plan", "steps": [{"solver": "react", "params": {"tools": ["bash", "text_editor"], )"
               R"("compaction": "summary"}, "params_passed": {}}], "config": {"max_tokens": )"
            + QByteArray::number(SampleSynth::maxTokens) + "}}";
    }

    QString m_path;
    RunLimits m_limits;
    const SynthOptions& m_options;
    QString m_model;
    QByteArray m_evalSetId;
    QDateTime m_created;
    QDateTime m_completed;
    quint64 m_runSeed;
    ZipStreamWriter m_zip;
    QString m_error;
    int m_planned = 0;
    int m_flushes = 0;
    std::vector<QByteArray> m_summaries;
    std::vector<QByteArray> m_flush;
    /// Per sample id, each epoch's solved (1 or 0), visible and held-out pass fractions.
    std::map<QString, std::vector<std::array<double, 3>>> m_outcomes;
    qint64 m_inputTokens = 0, m_outputTokens = 0, m_cacheRead = 0, m_cacheWrite = 0, m_reasoning = 0;
    double m_cost = 0;
    bool m_writeCost = false;
};

/// The fractions of the tests a run ends at: all when solved, else most (a large target: about half).
void drawOutcome(SampleSpec& spec, const MirrorCodeTarget& target, bool solved, SynthRandom& random)
{
    if (solved) {
        spec.finalVisible = spec.finalHeldOut = 1.0;
    } else if (target.tier == 'L') {
        spec.finalHeldOut = random.uniform(0.3, 0.7); // ruff's best was 67% held-out
        spec.finalVisible = std::min(0.99, spec.finalHeldOut + random.uniform(0.02, 0.2));
    } else {
        // Failed runs typically still pass over 90% of tests.
        spec.finalHeldOut = random.chance(0.8) ? random.uniform(0.9, 0.995) : random.uniform(0.6, 0.9);
        spec.finalVisible = std::min(0.999, spec.finalHeldOut + random.uniform(0.0, 0.05));
    }
}

/// Cost and duration grow with the tier: minutes and dollars, hours and hundreds, days and up to thousands.
/// The demo keeps transcripts to a few hundred events, so one of its turns stands for more work than a real
/// call: outputs heavy with (mostly hidden) reasoning, long contexts re-read from the cache.
void shapeByTier(SampleSpec& spec, const MirrorCodeTarget& target, const ModelProfile& profile, SynthRandom& random)
{
    struct TierShape {
        int turns[2];
        double secondsPerTurn[2];
        int outputTokens, contextGrowth, contextLimit;
    };
    const TierShape shape = target.tier == 'S' ? TierShape { { 12, 30 }, { 8, 25 }, 4000, 2500, 200000 }
        : target.tier == 'M'                   ? TierShape { { 60, 130 }, { 80, 220 }, 80000, 12000, 800000 }
                                               : TierShape { { 120, 200 }, { 1100, 3000 }, 100000, 25000, 850000 };
    spec.turns = int(random.range(shape.turns[0], shape.turns[1]));
    spec.secondsPerTurn = random.uniform(shape.secondsPerTurn[0], shape.secondsPerTurn[1]);
    spec.outputTokens = shape.outputTokens;
    spec.contextGrowth = shape.contextGrowth;
    spec.contextLimit = shape.contextLimit;
    spec.outputTokens = int(spec.outputTokens * profile.tokenFactor);
    spec.verbosity = target.tier == 'S' ? 1.0 : 0.6;
}

/// Makes `spec` a run of a demo program's real code: the versions it reaches, their measured passes, its suite.
void fitToDemo(SampleSpec& spec, const DemoProgram* demo, const DemoResults& results, bool solved, SynthRandom& random)
{
    spec.demo = demo;
    // A failed run stops short of the last version, at the best one before it: failed runs still pass most tests.
    size_t reached = results.passes.size();
    if (!solved) {
        reached = 1;
        for (size_t k = 1; k < results.passes.size(); ++k) {
            const auto& [visible, heldOut] = results.passes[k - 1];
            if (visible + heldOut >= results.passes[reached - 1].first + results.passes[reached - 1].second)
                reached = k;
        }
    }
    spec.demoPasses.assign(results.passes.begin(), results.passes.begin() + qsizetype(reached));
    spec.demoPassing.assign(results.passing.begin(), results.passing.begin() + qsizetype(reached));
    spec.visibleTotal = 0;
    spec.heldOutTotal = 0;
    const TestSuite suite = demo->suite();
    for (const TestCase& test : suite.tests())
        (test.heldOut ? spec.heldOutTotal : spec.visibleTotal)++;
    spec.turns = 2 + 2 * int(reached) + int(random.range(1, 6));
    spec.crashed = false;
}

/// A spec for one sample of a target, with an outcome drawn from the model's profile and the target's tier.
SampleSpec specFor(const MirrorCodeTarget& target, const ModelProfile& profile, int epoch, const SynthOptions& options,
    const std::map<QString, DemoResults>& demos, const QDateTime& start, bool small)
{
    const QString program = QString::fromLatin1(target.program);
    SampleSpec spec;
    spec.program = program;
    spec.tier = QString(QLatin1Char(target.tier));
    spec.language = languageFor(target, profile.name, options.seed);
    spec.id = program + QLatin1Char('_') + spec.language;
    spec.epoch = epoch;
    spec.model = profile.name;
    spec.seed = SynthRandom::derive(options.seed, qHash(spec.id), qHash(profile.name), quint64(epoch)).next();
    spec.prices = profile.prices;
    // The logs of the two models the price table has no primary source for carry the cost each call reported
    // (total_cost), as Inspect writes it where the provider reports one.
    spec.writeTotalCost
        = profile.name.contains(QLatin1String("gemini")) || profile.name.contains(QLatin1String("gpt-5.5"));
    spec.dictScores = options.dictScores;
    spec.start = start;
    SynthRandom random = SynthRandom::derive(spec.seed, 7);
    const double solveChance = target.tier == 'S' ? profile.solveSmall : target.tier == 'M' ? profile.solveMedium : 0.0;
    const bool solved = solvesTarget(target, profile.name, epoch, options.seed, solveChance);
    // The suite is the target's: the same size in every run of it.
    SynthRandom suiteSize = SynthRandom::derive(options.seed, qHash(program), 13);
    spec.visibleTotal = visibleTestsOf(target, suiteSize);
    spec.heldOutTotal = std::max(10, int(spec.visibleTotal * suiteSize.uniform(0.8, 1.2)));
    drawOutcome(spec, target, solved, random);
    shapeByTier(spec, target, profile, random);
    if (small)
        spec.turns = int(random.range(3, 8));
    if (!solved && random.chance(0.04))
        spec.crashed = true;
    if (const DemoProgram* demo = DemoProgram::find(program); demo && !small)
        fitToDemo(spec, demo, demos.at(program), solved, random);
    return spec;
}

/// One call of MirrorCodeSynth::run: where it writes, what it reports, and its first error.
struct SynthJob {
    const SynthOptions& options;
    SynthReport& report;
    const MirrorCodeSynth::Progress& progress;
    QDir out;
    QStringList models;
    QByteArray evalSetId;
    QDateTime base;
    QString error;

    bool fail(const QString& message)
    {
        error = message;
        return false;
    }

    /// Writes what `sample` planted beside the archives: .truth/<model>/<sample>_epoch<N>.json, a hidden folder, which
    /// importing the folder does not read as logs.
    bool writeTruth(const SampleSynth& sample)
    {
        const QString folder = QStringLiteral(".truth/") + sample.spec().model.section(QLatin1Char('/'), -1);
        if (!out.mkpath(folder))
            return fail(MirrorCodeSynth::tr("cannot create %1").arg(out.filePath(folder)));
        const QString path
            = out.filePath(folder + QStringLiteral("/%1_epoch%2.json").arg(sample.spec().id).arg(sample.spec().epoch));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(QJsonDocument(sample.truth().json()).toJson(QJsonDocument::Indented)) < 0)
            return fail(MirrorCodeSynth::tr("cannot write %1").arg(path));
        return true;
    }

    /// Completes a log and counts it in the report; false on an error, or when the caller asks to stop.
    bool finishFile(EvalLogWriter& log, const QString& path)
    {
        if (!log.finish())
            return fail(log.errorString());
        report.files << path;
        report.jsonBytes += log.jsonBytes();
        report.archiveBytes += QFileInfo(path).size();
        return !progress || progress(path) || fail(MirrorCodeSynth::tr("cancelled"));
    }
};

/// The largest known MirrorCode sample: ~337,000 events, ~130,000 messages, 80+ compactions, ~1 GB of JSON.
bool writeMonster(SynthJob& job)
{
    const MirrorCodeTarget* target = findMirrorCodeTarget(QStringLiteral("cprepro"));
    const ModelProfile profile = profileOf(job.models.first());
    SampleSpec spec = specFor(*target, profile, 1, job.options, {}, job.base, false);
    // Its ~10B tokens are what stops it: the run's token budget.
    const RunLimits limits { 10000000000, 1728000, 0 };
    spec.verbosity = 4.2;
    spec.requestHeaders = 40;
    spec.secondsPerTurn = 25; // 18 days
    spec.sandboxEvents = true;
    spec.outputTokens = 3000;
    spec.contextLimit = 310000;
    spec.contextGrowth = 0;
    spec.limitType = QStringLiteral("token");
    spec.limitValue = double(limits.tokens);
    spec.crashed = false;
    spec.curveTurns = turnsToLimit(spec);
    spec.turns = spec.curveTurns * 12 / 10;
    const QString path = job.out.filePath(QStringLiteral("2026-05-20T09-00-00+00-00_mirror-code_monster.eval"));
    EvalLogWriter log(path, job.options, profile.name, job.evalSetId, job.base, job.options.seed, limits);
    spec.alteredFinalMessages = job.options.alteredFinalMessages;
    SampleSynth sample(spec);
    if (!log.begin(1) || !log.add(sample, job.report))
        return job.fail(log.errorString());
    return job.writeTruth(sample) && job.finishFile(log, path);
}

/// The demo programs' suites, beside the archives, and the pass counts of every version of their code.
bool writeDemoSuites(SynthJob& job, std::map<QString, DemoResults>& demos)
{
    QDir().mkpath(job.out.filePath(QStringLiteral("suites")));
    for (const DemoProgram& demo : DemoProgram::all()) {
        QString error;
        if (!runDemoVersions(demo, demos[demo.program()], &error))
            return job.fail(error);
        const QString path = job.out.filePath(QStringLiteral("suites/%1.jsonl").arg(demo.program()));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return job.fail(MirrorCodeSynth::tr("%1: %2").arg(path, file.errorString()));
        const TestSuite suite = demo.suite();
        for (const TestCase& test : suite.tests())
            file.write(TestSuite::toJsonLine(test) + '\n');
        job.report.suites << path;
    }
    return true;
}

/// A store-sized set: `scaleRuns` logs of small samples, the targets taken in turn.
bool writeScaleRuns(SynthJob& job)
{
    const SynthOptions& options = job.options;
    const auto targets = mirrorCodeTargets();
    for (int run = 0; run < options.scaleRuns; ++run) {
        const ModelProfile profile = profileOf(job.models[run % job.models.size()]);
        const QDateTime created = job.base.addSecs(qint64(run) * 3600);
        const QString path = job.out.filePath(QStringLiteral("%1_mirror-code_run%2.eval")
                                                  .arg(created.toString(QStringLiteral("yyyy-MM-ddTHH-mm-ss+00-00")))
                                                  .arg(run, 5, 10, QLatin1Char('0')));
        EvalLogWriter log(path, options, profile.name, job.evalSetId, created, options.seed * 1000003 + quint64(run));
        if (!log.begin(options.samplesPerRun))
            return job.fail(log.errorString());
        for (int i = 0; i < options.samplesPerRun; ++i) {
            const MirrorCodeTarget& target = targets[size_t((run * options.samplesPerRun + i) % int(targets.size()))];
            SynthOptions runOptions = options;
            runOptions.seed = options.seed * 7919 + quint64(run);
            SampleSpec spec = specFor(target, profile, 1, runOptions, {}, created.addSecs(i * 60), true);
            spec.alteredFinalMessages = options.alteredFinalMessages;
            SampleSynth sample(spec);
            if (!log.add(sample, job.report))
                return job.fail(log.errorString());
        }
        if (!job.finishFile(log, path))
            return false;
    }
    return true;
}

/// The demo: one log per model, every target in every epoch.
bool writeModelRuns(SynthJob& job, const std::map<QString, DemoResults>& demos)
{
    const SynthOptions& options = job.options;
    const auto targets = mirrorCodeTargets();
    for (qsizetype m = 0; m < job.models.size(); ++m) {
        const ModelProfile profile = profileOf(job.models[m]);
        const QDateTime created = job.base.addSecs(m * 600);
        const QString name = profile.name.section(QLatin1Char('/'), -1);
        const QString path
            = job.out.filePath(QStringLiteral("%1_mirror-code_%2.eval")
                                   .arg(created.toString(QStringLiteral("yyyy-MM-ddTHH-mm-ss+00-00")), name));
        EvalLogWriter log(path, options, profile.name, job.evalSetId, created, options.seed * 31 + quint64(m));
        if (!log.begin(int(targets.size()) * options.epochs))
            return job.fail(log.errorString());
        QDateTime start = created;
        for (const MirrorCodeTarget& target : targets) {
            for (int epoch = 1; epoch <= options.epochs; ++epoch) {
                SampleSpec spec = specFor(target, profile, epoch, options, demos, start, false);
                // One long run per model, stopped by its budget, so that every log has a limited sample.
                if (epoch == 1 && QLatin1String(target.program) == QLatin1String("pkl"))
                    makeLongRun(spec, profile, RunLimits {});
                spec.alteredFinalMessages = options.alteredFinalMessages;
                SampleSynth sample(spec);
                if (!log.add(sample, job.report))
                    return job.fail(log.errorString());
                if (!job.writeTruth(sample))
                    return false;
                start = start.addSecs(97);
            }
        }
        if (!job.finishFile(log, path))
            return false;
    }
    return true;
}
}

QStringList MirrorCodeSynth::defaultModels()
{
    return { QStringLiteral("anthropic/claude-opus-4-7"), QStringLiteral("openai/gpt-5.5"),
        QStringLiteral("google/gemini-3.1-pro-preview") };
}

bool MirrorCodeSynth::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool MirrorCodeSynth::run(const SynthOptions& options, SynthReport& report, const Progress& progress)
{
    QElapsedTimer clock;
    clock.start();
    report = {};
    m_error.clear();
    const QDir out(options.outputDirectory);
    if (!QDir().mkpath(out.path()))
        return fail(tr("cannot create %1").arg(out.path()));
    SynthJob job { options, report, progress, out, options.models.isEmpty() ? defaultModels() : options.models,
        shortId(options.seed, 9), QDateTime(QDate(2026, 5, 20), QTime(9, 0), Qt::UTC), {} };
    bool written = false;
    if (options.monster) {
        written = writeMonster(job);
    } else if (options.scaleRuns > 0) {
        written = writeScaleRuns(job);
    } else {
        std::map<QString, DemoResults> demos;
        written = writeDemoSuites(job, demos) && writeModelRuns(job, demos);
    }
    if (!written)
        return fail(job.error);
    report.seconds = double(clock.elapsed()) / 1000.0;
    return true;
}
