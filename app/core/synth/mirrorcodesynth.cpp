#include "mirrorcodesynth.h"

#include "demoprogram.h"
#include "inspect/mirrorcodetargets.h"
#include "jsonout.h"
#include "runner/testrunner.h"
#include "samplesynth.h"
#include "synthrandom.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <cmath>
#include <map>

namespace {
struct ModelProfile {
    QString name;
    double solveSmall, solveMedium; ///< chance to solve a task of the tier (large: never)
    SynthPrices prices; ///< USD per million tokens, billed on the calls
    double tokenFactor; ///< output tokens relative to the others
};

ModelProfile profileOf(const QString& model)
{
    // Solve chances give overall rates near the leaderboard's 56% / 44% / 32%.
    if (model.contains(QLatin1String("opus")))
        return { model, 0.98, 0.38, { 5.0, 25.0, 0.5, 6.25 }, 1.0 };
    if (model.contains(QLatin1String("gpt")))
        return { model, 0.88, 0.15, { 5.0, 30.0, 0.5, 0.0 }, 1.6 };
    return { model, 0.80, 0.06, { 2.0, 12.0, 0.2, 0.0 }, 1.2 };
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
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"), { QStringLiteral("/usr/bin"), QStringLiteral("/usr/local/bin") });
    if (python.isEmpty()) {
        *error = MirrorCodeSynth::tr("the demo programs are run with python3, which is not installed");
        return false;
    }
    const TestSuite suite = demo.suite();
    for (const QByteArray& version : demo.versions()) {
        QTemporaryDir directory;
        QFile::setPermissions(directory.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadOther | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        QFile file(directory.filePath(QStringLiteral("main.py")));
        if (!file.open(QIODevice::WriteOnly) || file.write(version) != version.size()) {
            *error = file.errorString();
            return false;
        }
        file.close();
        QFile::setPermissions(file.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther | QFileDevice::ReadGroup);
        TestRunner runner;
        TestRunner::Options options;
        options.command = { python, file.fileName() };
        options.limits.isolateNetwork = false;
        QStringList passing;
        for (const TestResult& result : runner.run(suite, options)) {
            if (result.passed && !result.heldOut)
                passing << result.id;
        }
        results.passes.emplace_back(runner.summary().visiblePassed, runner.summary().heldOutPassed);
        results.passing.push_back(passing);
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
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    SynthRandom random = SynthRandom::derive(seed, a, b);
    QByteArray id(22, '0');
    for (char& c : id)
        c = alphabet[random.range(0, int(sizeof alphabet) - 2)];
    return id;
}

/// One eval log: its samples stream into the archive; the header, summaries and reductions are written from them.
class EvalLogWriter {
public:
    EvalLogWriter(const QString& path, const SynthOptions& options, const QString& model, const QByteArray& evalSetId,
        const QDateTime& created, quint64 runSeed)
        : m_path(path)
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
        return member(QStringLiteral("_journal/start.json"), "{\"version\": 2, \"eval\": " + evalSpec() + ", \"plan\": " + plan() + "}");
    }

    bool add(SampleSynth& sample, SynthReport& report)
    {
        const QString name = QStringLiteral("samples/%1_epoch_%2.json").arg(sample.spec().id).arg(sample.spec().epoch);
        if (!m_zip.beginMember(name))
            return false;
        JsonOut out([this](const QByteArray& bytes) { return m_zip.write(bytes); });
        if (!sample.write(out)) {
            m_error = MirrorCodeSynth::tr("sample %1 could not be written").arg(sample.spec().id);
            return false;
        }
        if (!m_zip.endMember())
            return false;
        const SampleStats& stats = sample.stats();
        report.samples += 1;
        report.events += stats.events;
        report.messages += stats.messages;
        report.attachments += stats.attachments;
        report.compactions += stats.compactions;
        m_summaries.push_back(sample.summaryJson());
        m_flush.push_back(m_summaries.back());
        m_outcomes[sample.spec().id].push_back(stats.solved ? 1.0 : 0.0);
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
        // Accuracy as Inspect reports it: each sample's epochs averaged, then the mean over samples.
        double sum = 0, squares = 0;
        QByteArray reduced;
        for (const auto& [id, values] : m_outcomes) {
            double mean = 0;
            for (const double value : values)
                mean += value / double(values.size());
            sum += mean;
            squares += mean * mean;
            reduced += QByteArray(reduced.isEmpty() ? "" : ", ") + "{\"value\": " + QByteArray::number(mean, 'f', 6)
                + ", \"sample_id\": \"" + id.toUtf8() + "\"}";
        }
        const double n = double(m_outcomes.size());
        const double accuracy = n > 0 ? sum / n : 0;
        const double variance = n > 1 ? (squares - n * accuracy * accuracy) / (n - 1) : 0;
        const double stderror = n > 0 ? std::sqrt(std::max(variance, 0.0) / n) : 0;
        QByteArray usage = "{\"" + m_model.toUtf8() + "\": {\"input_tokens\": " + QByteArray::number(m_inputTokens)
            + ", \"output_tokens\": " + QByteArray::number(m_outputTokens) + ", \"total_tokens\": "
            + QByteArray::number(m_inputTokens + m_outputTokens + m_cacheRead + m_cacheWrite)
            + ", \"input_tokens_cache_write\": " + QByteArray::number(m_cacheWrite) + ", \"input_tokens_cache_read\": "
            + QByteArray::number(m_cacheRead) + ", \"reasoning_tokens\": " + QByteArray::number(m_reasoning)
            + (m_writeCost ? ", \"total_cost\": " + QByteArray::number(m_cost, 'f', 4) : QByteArray()) + "}}";
        const QByteArray results = "{\"total_samples\": " + QByteArray::number(qsizetype(m_summaries.size()))
            + ", \"completed_samples\": " + QByteArray::number(qsizetype(m_summaries.size()))
            + ", \"scores\": [{\"name\": \"mirrorcode\", \"scorer\": \"mirrorcode\", \"reducer\": \"mean\", \"scored_samples\": "
            + QByteArray::number(qsizetype(m_outcomes.size())) + ", \"unscored_samples\": 0, \"params\": {}, \"metrics\": "
            + "{\"accuracy\": {\"name\": \"accuracy\", \"value\": " + QByteArray::number(accuracy, 'g', 17)
            + ", \"params\": {}}, \"stderr\": {\"name\": \"stderr\", \"value\": " + QByteArray::number(stderror, 'g', 17)
            + ", \"params\": {}}}}]}";
        const QByteArray stats = "{\"started_at\": \"" + isoDate(m_created).toUtf8() + "\", \"completed_at\": \""
            + isoDate(m_completed.isValid() ? m_completed : m_created).toUtf8() + "\", \"model_usage\": " + usage
            + ", \"role_usage\": {}}";
        const QByteArray header = "{\"version\": 2, \"status\": \"success\", \"eval\": " + evalSpec() + ", \"plan\": " + plan()
            + ", \"results\": " + results + ", \"stats\": " + stats + ", \"invalidated\": false, \"tags\": [], \"metadata\": {}}";
        return member(QStringLiteral("summaries.json"), summaries)
            && member(QStringLiteral("reductions.json"),
                "[{\"scorer\": \"mirrorcode\", \"reducer\": \"mean\", \"samples\": [" + reduced + "]}]")
            && member(QStringLiteral("header.json"), header) && m_zip.close();
    }

    QString errorString() const { return m_error.isEmpty() ? m_zip.errorString() : m_error; }
    qint64 jsonBytes() const { return m_zip.uncompressedBytes(); }

private:
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
        return "{\"eval_set_id\": \"" + m_evalSetId + "\", \"eval_id\": \"" + shortId(m_runSeed, 1) + "\", \"run_id\": \""
            + shortId(m_runSeed, 2) + "\", \"created\": \"" + isoDate(m_created).toUtf8()
            + "\", \"task\": \"mirror-code\", \"task_id\": \"" + shortId(m_options.seed, 3)
            + "\", \"task_version\": 1, \"task_display_name\": \"MirrorCode\", \"task_attribs\": {}, \"task_args\": {}, "
              "\"task_args_passed\": {}, \"dataset\": {\"name\": \"mirror-code\", \"samples\": "
            + QByteArray::number(m_planned) + ", \"shuffled\": false}, \"sandbox\": {\"type\": \"docker\"}, \"model\": \""
            + m_model.toUtf8() + "\", \"model_generate_config\": {}, \"model_args\": {}, \"config\": {\"epochs\": "
            + QByteArray::number(m_options.epochs) + ", \"epochs_reducer\": [\"mean\"], \"token_limit\": 1000000000, "
              "\"time_limit\": 1728000, \"cost_limit\": 3000, \"fail_on_error\": false, \"log_samples\": true, "
              "\"log_realtime\": true, \"max_samples\": 8}, \"packages\": {\"inspect_ai\": \"0.3.212\"}, "
              "\"scorers\": [{\"name\": \"mirrorcode\", \"options\": {}, \"metrics\": [{\"name\": \"inspect_ai/accuracy\", "
              "\"options\": {}}, {\"name\": \"inspect_ai/stderr\", \"options\": {}}], \"metadata\": {}}]}";
    }
    static QByteArray plan()
    {
        return R"({"name": "plan", "steps": [{"solver": "react", "params": {"tools": ["bash", "text_editor"], "compaction": "summary"}, "params_passed": {}}], "config": {"max_tokens": 64000}})";
    }

    QString m_path;
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
    std::map<QString, std::vector<double>> m_outcomes;
    qint64 m_inputTokens = 0, m_outputTokens = 0, m_cacheRead = 0, m_cacheWrite = 0, m_reasoning = 0;
    double m_cost = 0;
    bool m_writeCost = false;
};

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
    spec.writeTotalCost = profile.name.contains(QLatin1String("gemini")); // one model's logs carry total_cost
    spec.start = start;
    SynthRandom random = SynthRandom::derive(spec.seed, 7);
    const double solveChance = target.tier == 'S' ? profile.solveSmall : target.tier == 'M' ? profile.solveMedium : 0.0;
    const bool solved = random.chance(solveChance);
    spec.visibleTotal = visibleTestsOf(target, random);
    spec.heldOutTotal = std::max(10, int(spec.visibleTotal * random.uniform(0.8, 1.2)));
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
    // Cost and duration grow with the tier: minutes and dollars, hours and hundreds, days and thousands.
    const double tierScale = target.tier == 'S' ? 1 : target.tier == 'M' ? 6 : 14;
    spec.turns = small ? int(random.range(3, 8)) : int(random.range(20, 50) * tierScale * random.uniform(0.7, 1.3));
    spec.secondsPerTurn = target.tier == 'S' ? random.uniform(10, 25) : target.tier == 'M' ? random.uniform(30, 70) : random.uniform(120, 300);
    spec.outputTokens = int((target.tier == 'S' ? 3000 : target.tier == 'M' ? 30000 : 60000) * profile.tokenFactor);
    spec.contextLimit = 300000;
    if (!solved && target.tier != 'S' && random.chance(0.25)) {
        spec.limitType = random.chance(0.6) ? QStringLiteral("cost") : QStringLiteral("time");
        spec.limitValue = spec.limitType == QLatin1String("cost") ? 3000 : 1728000;
    } else if (!solved && random.chance(0.04)) {
        spec.crashed = true;
    }
    if (const DemoProgram* demo = DemoProgram::find(program); demo && !small) {
        const DemoResults& results = demos.at(program);
        spec.demo = demo;
        const size_t reached = solved ? results.passes.size() : size_t(random.range(1, qsizetype(results.passes.size()) - 1));
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
    return spec;
}
}

QStringList MirrorCodeSynth::defaultModels()
{
    return { QStringLiteral("anthropic/claude-opus-4-7"), QStringLiteral("openai/gpt-5.5"), QStringLiteral("google/gemini-3.1-pro-preview") };
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
    const QStringList models = options.models.isEmpty() ? defaultModels() : options.models;
    const QByteArray evalSetId = shortId(options.seed, 9);
    const QDateTime base(QDate(2026, 5, 20), QTime(9, 0), Qt::UTC);

    auto finishFile = [&](EvalLogWriter& log, const QString& path) {
        if (!log.finish())
            return fail(log.errorString());
        report.files << path;
        report.jsonBytes += log.jsonBytes();
        report.archiveBytes += QFileInfo(path).size();
        return !progress || progress(path) || fail(tr("cancelled"));
    };

    if (options.monster) {
        // The largest known MirrorCode sample: ~337,000 events, ~130,000 messages, 80+ compactions, ~1 GB of JSON.
        const MirrorCodeTarget* target = findMirrorCodeTarget(QStringLiteral("cprepro"));
        const ModelProfile profile = profileOf(models.first());
        SampleSpec spec = specFor(*target, profile, 1, options, {}, base, false);
        spec.turns = 63000;
        spec.verbosity = 3.2;
        spec.requestHeaders = 40;
        spec.secondsPerTurn = 25; // 19 days
        spec.sandboxEvents = true;
        spec.outputTokens = 3000;
        spec.limitType = QStringLiteral("cost");
        spec.limitValue = 3000;
        spec.crashed = false;
        const QString path = out.filePath(QStringLiteral("2026-05-20T09-00-00+00-00_mirror-code_monster.eval"));
        EvalLogWriter log(path, options, profile.name, evalSetId, base, options.seed);
        SampleSynth sample(spec);
        if (!log.begin(1) || !log.add(sample, report))
            return fail(log.errorString());
        if (!finishFile(log, path))
            return false;
        report.seconds = double(clock.elapsed()) / 1000.0;
        return true;
    }

    std::map<QString, DemoResults> demos;
    if (options.scaleRuns <= 0) {
        // The demo programs' suites, beside the archives, and the pass counts of every version of their code.
        QDir().mkpath(out.filePath(QStringLiteral("suites")));
        for (const DemoProgram& demo : DemoProgram::all()) {
            QString error;
            if (!runDemoVersions(demo, demos[demo.program()], &error))
                return fail(error);
            const QString path = out.filePath(QStringLiteral("suites/%1.jsonl").arg(demo.program()));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return fail(tr("%1: %2").arg(path, file.errorString()));
            const TestSuite suite = demo.suite();
            for (const TestCase& test : suite.tests())
                file.write(TestSuite::toJsonLine(test) + '\n');
            report.suites << path;
        }
    }

    const auto targets = mirrorCodeTargets();
    if (options.scaleRuns > 0) {
        for (int run = 0; run < options.scaleRuns; ++run) {
            const ModelProfile profile = profileOf(models[run % models.size()]);
            const QDateTime created = base.addSecs(qint64(run) * 3600);
            const QString path = out.filePath(QStringLiteral("%1_mirror-code_run%2.eval")
                                                  .arg(created.toString(QStringLiteral("yyyy-MM-ddTHH-mm-ss+00-00")))
                                                  .arg(run, 5, 10, QLatin1Char('0')));
            EvalLogWriter log(path, options, profile.name, evalSetId, created, options.seed * 1000003 + quint64(run));
            if (!log.begin(options.samplesPerRun))
                return fail(log.errorString());
            for (int i = 0; i < options.samplesPerRun; ++i) {
                const MirrorCodeTarget& target = targets[size_t((run * options.samplesPerRun + i) % int(targets.size()))];
                SynthOptions runOptions = options;
                runOptions.seed = options.seed * 7919 + quint64(run);
                SampleSynth sample(specFor(target, profile, 1, runOptions, demos, created.addSecs(i * 60), true));
                if (!log.add(sample, report))
                    return fail(log.errorString());
            }
            if (!finishFile(log, path))
                return false;
        }
        report.seconds = double(clock.elapsed()) / 1000.0;
        return true;
    }

    for (qsizetype m = 0; m < models.size(); ++m) {
        const ModelProfile profile = profileOf(models[m]);
        const QDateTime created = base.addSecs(m * 600);
        const QString name = profile.name.section(QLatin1Char('/'), -1);
        const QString path = out.filePath(QStringLiteral("%1_mirror-code_%2.eval").arg(created.toString(QStringLiteral("yyyy-MM-ddTHH-mm-ss+00-00")), name));
        EvalLogWriter log(path, options, profile.name, evalSetId, created, options.seed * 31 + quint64(m));
        if (!log.begin(int(targets.size()) * options.epochs))
            return fail(log.errorString());
        QDateTime start = created;
        for (const MirrorCodeTarget& target : targets) {
            for (int epoch = 1; epoch <= options.epochs; ++epoch) {
                SampleSynth sample(specFor(target, profile, epoch, options, demos, start, false));
                if (!log.add(sample, report))
                    return fail(log.errorString());
                start = start.addSecs(97);
            }
        }
        if (!finishFile(log, path))
            return false;
    }
    report.seconds = double(clock.elapsed()) / 1000.0;
    return true;
}
