// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/pairedcomparison.h"
#include "analysis/passcurve.h"
#include "analysis/pricetable.h"
#include "analysis/rerunchecks.h"
#include "analysis/samplefilter.h"
#include "analysis/scorereading.h"
#include "analysis/solverates.h"
#include "analysis/taskstatistics.h"
#include "analysis/testmatrix.h"
#include "store/importer.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void passAtKOfOneTask_data();
    void passAtKOfOneTask();
    void epochsAreAveragedPerTask();
    void bootstrapIntervalsResampleTasks();
    void statisticsByModelAndTier();
    void mcnemarIsExact_data();
    void mcnemarIsExact();
    void pairedComparisonOnSharedTasks();
    void unknownNamesSuggestCloseOnes();
    void filtersKeepWhatTheyName();
    void headerAccuracyOfTheSameScore_data();
    void headerAccuracyOfTheSameScore();
    void fixtureAccuraciesEqualTheirHeaders();
    void costCurveIsCheapestFirst();
    void paretoFrontier();
    void pricesNeverMakeUnknownFree();
    void scoresAreReadOneWay_data();
    void scoresAreReadOneWay();
    void passFractionsFromMetadata();
    void passCurvePrefersTheRunsOwnScores();
    void passCurveFallsBackOnTestOutput();
    void namedTestsMakeTheMatrix();
    void reExecutionsContradictReportedResults();
};

namespace {
/// One epoch of `model` on `sampleId` of task "t": solved 1, 0, or -1 unscored.
SampleRow epoch(const QString& model, const QString& sampleId, int solved, double cost = notANumber)
{
    SampleRow sample;
    sample.model = model;
    sample.task = QStringLiteral("t");
    sample.sampleId = sampleId;
    sample.solved = solved;
    sample.totalCost = cost;
    return sample;
}

/// Four tasks of one model: a 1/2 epochs solved, b 2/2, c 0/2, d 1/3 (and one unscored epoch).
std::vector<SampleRow> fourTasks(const QString& model = QStringLiteral("m"))
{
    return { epoch(model, QStringLiteral("a"), 1, 1.0), epoch(model, QStringLiteral("a"), 0, 3.0),
        epoch(model, QStringLiteral("b"), 1, 2.0), epoch(model, QStringLiteral("b"), 1, 2.0),
        epoch(model, QStringLiteral("c"), 0, 4.0), epoch(model, QStringLiteral("c"), 0, notANumber),
        epoch(model, QStringLiteral("d"), 0, 1.0), epoch(model, QStringLiteral("d"), 1, 1.0),
        epoch(model, QStringLiteral("d"), 0, 1.0), epoch(model, QStringLiteral("d"), -1, 1.0) };
}
}

void TestAnalysis::passAtKOfOneTask_data()
{
    QTest::addColumn<int>("epochs");
    QTest::addColumn<int>("solved");
    QTest::addColumn<int>("k");
    QTest::addColumn<double>("expected");
    // 1 - C(n-c,k)/C(n,k), by hand.
    QTest::newRow("n2 c1 k1") << 2 << 1 << 1 << 0.5;
    QTest::newRow("n2 c1 k2") << 2 << 1 << 2 << 1.0; // C(1,2) = 0
    QTest::newRow("n2 c0 k2") << 2 << 0 << 2 << 0.0;
    QTest::newRow("n3 c1 k2") << 3 << 1 << 2 << 1.0 - 1.0 / 3.0; // 1 - C(2,2)/C(3,2)
    QTest::newRow("n5 c2 k2") << 5 << 2 << 2 << 0.7; // 1 - C(3,2)/C(5,2) = 1 - 3/10
    QTest::newRow("n5 c1 k3") << 5 << 1 << 3 << 0.6; // 1 - C(4,3)/C(5,3) = 1 - 4/10
    QTest::newRow("n10 c3 k5") << 10 << 3 << 5 << 1.0 - 21.0 / 252.0; // 1 - C(7,5)/C(10,5)
}

void TestAnalysis::passAtKOfOneTask()
{
    QFETCH(int, epochs);
    QFETCH(int, solved);
    QFETCH(int, k);
    QFETCH(double, expected);
    QVERIFY2(std::abs(passAtKOfTask(epochs, solved, k) - expected) < 1e-12,
        qPrintable(QString::number(passAtKOfTask(epochs, solved, k), 'g', 17)));
    QVERIFY(std::isnan(passAtKOfTask(1, 1, 2))); // fewer epochs than k: no estimate
}

void TestAnalysis::epochsAreAveragedPerTask()
{
    const std::vector<TaskOutcome> tasks = taskOutcomes(fourTasks());
    QCOMPARE(tasks.size(), size_t(4));
    QCOMPARE(tasks[3].sampleId, QStringLiteral("d"));
    QCOMPARE(tasks[3].epochs, 3); // the unscored epoch is left out
    QCOMPARE(tasks[3].solved, 1);
    QCOMPARE(tasks[0].cost, 2.0); // (1 + 3) / 2
    QVERIFY(std::isnan(tasks[2].cost)); // an epoch without a price: the task has none

    // (1/2 + 2/2 + 0/2 + 1/3) / 4 = 11/24, n = 4 tasks (not 9 epochs).
    const Estimate one = passAt1(tasks);
    QCOMPARE(one.tasks, 4);
    QVERIFY(std::abs(one.value - 11.0 / 24.0) < 1e-15);
    QVERIFY(one.label().contains(QStringLiteral("expected pass@1 over tasks")));
    QVERIFY(one.label().contains(QStringLiteral("bootstrap over tasks, 10,000 resamples")));
    // pass@2: a 1, b 1, c 0, d 2/3 -> (8/3) / 4 = 2/3.
    const Estimate two = passAtK(tasks, 2);
    QCOMPARE(two.tasks, 4);
    QVERIFY(std::abs(two.value - 2.0 / 3.0) < 1e-15);
    QVERIFY(two.definition.startsWith(QStringLiteral("pass@2")));
    // pass@3: only d has three epochs, and C(2,3) = 0.
    const Estimate three = passAtK(tasks, 3);
    QCOMPARE(three.tasks, 1);
    QCOMPARE(three.value, 1.0);
    // Solved in any epoch: a, b, d.
    const Estimate any = solvedInAnyEpoch(tasks);
    QCOMPARE(any.value, 0.75);
    QCOMPARE(any.tasks, 4);
    // No task: no value, never 0.
    QVERIFY(std::isnan(passAt1({}).value));
    QVERIFY(std::isnan(passAt1({}).interval.low));
}

void TestAnalysis::bootstrapIntervalsResampleTasks()
{
    // Every task the same: no spread.
    const Interval flat = bootstrapMeanInterval({ 0.5, 0.5, 0.5 });
    QCOMPARE(flat.low, 0.5);
    QCOMPARE(flat.high, 0.5);
    // Two tasks, 0 and 1: a resample's mean is 0 (1/4), 1/2 (1/2) or 1 (1/4), so the 2.5th and 97.5th
    // percentiles are 0 and 1.
    const Interval two = bootstrapMeanInterval({ 0.0, 1.0 });
    QCOMPARE(two.low, 0.0);
    QCOMPARE(two.high, 1.0);
    // The same input gives the same interval; it holds the estimate and stays within [0, 1].
    const std::vector<TaskOutcome> tasks = taskOutcomes(fourTasks());
    const Estimate first = passAt1(tasks);
    const Estimate again = passAt1(tasks);
    QCOMPARE(first.interval.low, again.interval.low);
    QCOMPARE(first.interval.high, again.interval.high);
    QVERIFY(first.interval.low >= 0 && first.interval.low < first.value);
    QVERIFY(first.interval.high > first.value && first.interval.high <= 1);
    // A known mean of many tasks: the percentile interval is close to mean +- 1.96 sd/sqrt(n).
    std::vector<double> many;
    many.reserve(400);
    for (int i = 0; i < 400; ++i)
        many.push_back(i % 4 == 0 ? 1.0 : 0.0); // p = 0.25, n = 400: sd/sqrt(n) = 0.02165
    const Interval wide = bootstrapMeanInterval(many);
    QVERIFY2(std::abs(wide.low - (0.25 - 1.96 * 0.021651)) < 0.006, qPrintable(QString::number(wide.low)));
    QVERIFY2(std::abs(wide.high - (0.25 + 1.96 * 0.021651)) < 0.006, qPrintable(QString::number(wide.high)));
}

void TestAnalysis::statisticsByModelAndTier()
{
    std::vector<SampleRow> samples = fourTasks(QStringLiteral("m"));
    for (SampleRow& sample : samples)
        sample.tier = sample.sampleId == QLatin1String("a") || sample.sampleId == QLatin1String("b")
            ? QStringLiteral("S")
            : QStringLiteral("L");
    samples.push_back(epoch(QStringLiteral("other"), QStringLiteral("a"), 1));
    const std::vector<TaskStatistics> byModel = taskStatistics(samples, [](const SampleRow& s) { return s.model; });
    QCOMPARE(byModel.size(), size_t(2));
    QCOMPARE(byModel[0].key, QStringLiteral("m"));
    QCOMPARE(byModel[0].samples, 9);
    QCOMPARE(byModel[0].unscored, 1);
    QCOMPARE(byModel[0].minEpochs, 2);
    QCOMPARE(byModel[0].maxEpochs, 3);
    QVERIFY(std::abs(byModel[0].passAt1.value - 11.0 / 24.0) < 1e-15);
    QVERIFY(std::abs(byModel[0].passAtK().value - 2.0 / 3.0) < 1e-15);
    QCOMPARE(byModel[0].anyEpoch().value, 0.75);
    QCOMPARE(byModel[1].passAt1.tasks, 1);
    const std::vector<TaskStatistics> byTier = taskStatistics(
        samples, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.tier; });
    QCOMPARE(byTier.size(), size_t(3));
    QCOMPARE(byTier[0].group, QStringLiteral("S"));
    QCOMPARE(byTier[0].passAt1.value, 0.75); // (1/2 + 1) / 2
    QCOMPARE(byTier[1].group, QStringLiteral("L"));
    QVERIFY(std::abs(byTier[1].passAt1.value - 1.0 / 6.0) < 1e-15); // (0 + 1/3) / 2
}

void TestAnalysis::mcnemarIsExact_data()
{
    QTest::addColumn<int>("onlyA");
    QTest::addColumn<int>("onlyB");
    QTest::addColumn<double>("p");
    // 2 * sum_{i <= min} C(n,i) / 2^n, capped at 1, by hand.
    QTest::newRow("none discordant") << 0 << 0 << 1.0;
    QTest::newRow("1-0") << 1 << 0 << 1.0; // 2 * 1/2
    QTest::newRow("0-5") << 0 << 5 << 0.0625; // 2 * 1/32
    QTest::newRow("6-1") << 6 << 1 << 0.125; // 2 * (1 + 7)/128
    QTest::newRow("2-2") << 2 << 2 << 1.0; // 2 * 11/16 capped
    QTest::newRow("3-10") << 3 << 10 << 378.0 / 4096.0; // 2 * (1 + 13 + 78 + 286)/8192
    QTest::newRow("0-20") << 0 << 20 << 2.0 / 1048576.0;
}

void TestAnalysis::mcnemarIsExact()
{
    QFETCH(int, onlyA);
    QFETCH(int, onlyB);
    QFETCH(double, p);
    const double computed = mcnemarExactP(onlyA, onlyB);
    QVERIFY2(
        std::abs(computed - p) <= 1e-12 * std::max(p, 1e-300) + 1e-300, qPrintable(QString::number(computed, 'g', 17)));
    QCOMPARE(mcnemarExactP(onlyB, onlyA), computed); // two-sided: symmetric
}

void TestAnalysis::pairedComparisonOnSharedTasks()
{
    // A: a 1/2 ($1, $3), b 2/2 ($2, $2), c 0/2 (one epoch unpriced), d 1/3 (B never ran d).
    // B: a 0/2 ($1, $1), b 2/2 ($8, $8), c 0/2 ($1, $1), e 1/1 (A never ran e).
    std::vector<SampleRow> samples = fourTasks(QStringLiteral("A"));
    const QString b = QStringLiteral("B");
    for (const SampleRow& sample : { epoch(b, QStringLiteral("a"), 0, 1.0), epoch(b, QStringLiteral("a"), 0, 1.0),
             epoch(b, QStringLiteral("b"), 1, 8.0), epoch(b, QStringLiteral("b"), 1, 8.0),
             epoch(b, QStringLiteral("c"), 0, 1.0), epoch(b, QStringLiteral("c"), 0, 1.0),
             epoch(b, QStringLiteral("e"), 1, 5.0) })
        samples.push_back(sample);
    const PairedComparison paired = comparePaired(samples, QStringLiteral("A"), b);
    QCOMPARE(paired.tasks, 3); // a, b, c
    QCOMPARE(paired.passAt1A.value, 0.5); // (1/2 + 1 + 0) / 3
    QVERIFY(std::abs(paired.passAt1B.value - 1.0 / 3.0) < 1e-15); // (0 + 1 + 0) / 3
    // Per task A - B: 1/2, 0, 0.
    QVERIFY(std::abs(paired.difference.value - 1.0 / 6.0) < 1e-15);
    QCOMPARE(paired.difference.tasks, 3);
    // A resample of three differences from {1/2, 0, 0} has a mean in [0, 1/2].
    QVERIFY(paired.difference.interval.low >= 0 && paired.difference.interval.low <= paired.difference.value);
    QVERIFY(paired.difference.interval.high >= paired.difference.value && paired.difference.interval.high <= 0.5);
    QVERIFY(paired.difference.intervalMethod.contains(QStringLiteral("paired")));
    // Solved in any epoch: a only A, b both, c neither.
    QCOMPARE(paired.bothSolved, 1);
    QCOMPARE(paired.onlyASolved, 1);
    QCOMPARE(paired.onlyBSolved, 0);
    QCOMPARE(paired.neitherSolved, 1);
    QCOMPARE(paired.mcnemarP, 1.0);
    // Cost ratios: a 2/1, b 2/8; c has no price for A: sqrt(2 * 1/4).
    QCOMPARE(paired.costRatio.tasks, 2);
    QVERIFY(std::abs(paired.costRatio.value - std::sqrt(0.5)) < 1e-15);
    QVERIFY(paired.costRatio.interval.low >= 0.25 - 1e-12 && paired.costRatio.interval.high <= 2.0 + 1e-12);
    QVERIFY(paired.costRatio.definition.contains(QStringLiteral("geometric mean")));
}

void TestAnalysis::unknownNamesSuggestCloseOnes()
{
    const QStringList models { QStringLiteral("openai/gpt-5.5"), QStringLiteral("anthropic/claude-opus-4-7"),
        QStringLiteral("google/gemini-3.1-pro") };
    QCOMPARE(closeMatches(QStringLiteral("gpt-5.5"), models), QStringList { QStringLiteral("openai/gpt-5.5") });
    QCOMPARE(closeMatches(QStringLiteral("OpenAI/GPT-5.5"), models), QStringList { QStringLiteral("openai/gpt-5.5") });
    QCOMPARE(closeMatches(QStringLiteral("claude-opus-4.7"), models),
        QStringList { QStringLiteral("anthropic/claude-opus-4-7") });
    QCOMPARE(closeMatches(QStringLiteral("opus"), models), QStringList { QStringLiteral("anthropic/claude-opus-4-7") });
    QVERIFY(closeMatches(QStringLiteral("llama"), models).isEmpty());
    QCOMPARE(unknownValueMessage(QStringLiteral("model"), QStringLiteral("gpt-5.5"), models),
        QStringLiteral("no model gpt-5.5; did you mean openai/gpt-5.5?"));
    QCOMPARE(unknownValueMessage(QStringLiteral("model"), QStringLiteral("llama"), models.mid(0, 2)),
        QStringLiteral("no model llama; known: openai/gpt-5.5, anthropic/claude-opus-4-7"));
}

void TestAnalysis::filtersKeepWhatTheyName()
{
    std::vector<SampleRow> samples = fourTasks(QStringLiteral("openai/gpt-5.5"));
    samples[0].epoch = 2;
    samples[1].error = QStringLiteral("boom");
    samples.push_back(epoch(QStringLiteral("other"), QStringLiteral("a"), 1));
    SampleFilter filter;
    QVERIFY(filter.isEmpty());
    QCOMPARE(filter.apply(samples).size(), samples.size());
    filter.models = QStringList { QStringLiteral("gpt-5.5") };
    QCOMPARE(filter.check(samples), QStringLiteral("no model gpt-5.5; did you mean openai/gpt-5.5?"));
    filter.models = QStringList { QStringLiteral("openai/gpt-5.5") };
    QVERIFY(filter.check(samples).isEmpty());
    QCOMPARE(filter.apply(samples).size(), size_t(10));
    filter.outcomes = QStringList { QStringLiteral("unscored"), QStringLiteral("error") };
    QCOMPARE(filter.apply(samples).size(), size_t(2));
    filter.outcomes = QStringList { QStringLiteral("solve") };
    QCOMPARE(filter.check(samples), QStringLiteral("no outcome solve; did you mean solved?"));
    filter.outcomes = QStringList { QStringLiteral("solved") };
    filter.epochs = { 2 };
    QCOMPARE(filter.apply(samples).size(), size_t(1));
    filter.epochs = { 7 };
    QCOMPARE(filter.check(samples), QStringLiteral("no epoch 7; known: 1, 2"));
    filter.epochs.clear();
    filter.tasks = QStringList { QStringLiteral("t") };
    filter.tiers = QStringList { QStringLiteral("S") };
    QVERIFY(filter.check(samples).startsWith(QStringLiteral("no tier S; the samples have none")));
}

void TestAnalysis::headerAccuracyOfTheSameScore_data()
{
    QTest::addColumn<QByteArray>("scores");
    QTest::addColumn<QString>("metric");
    QTest::addColumn<bool>("mismatch");
    // Two samples whose dict scores hold visible 1 and held_out 1/3 and 2/3: the computed accuracy reads held_out,
    // 1/2; visible's is 1.
    const QByteArray perKey = R"([{"name": "visible", "scorer": "mc", "metrics": {"accuracy": {"name": "accuracy",
        "value": 1.0}}}, {"name": "held_out", "scorer": "mc", "metrics": {"accuracy": {"name": "accuracy",
        "value": 0.5}}}])";
    QTest::newRow("one EvalScore a key") << perKey << QStringLiteral("held_out/accuracy") << false;
    const QByteArray grouped = R"([{"name": "mc", "scorer": "mc", "metrics": {"accuracy_visible": {"name":
        "visible", "group": "accuracy", "value": 1.0}, "accuracy_held_out": {"name": "held_out", "group":
        "accuracy", "value": 0.5}}}])";
    QTest::newRow("metric group") << grouped << QStringLiteral("mc/accuracy/held_out") << false;
    QByteArray wrong = perKey;
    wrong.replace("0.5", "0.25");
    QTest::newRow("the same metric differs") << wrong << QStringLiteral("held_out/accuracy") << true;
    const QByteArray other = R"([{"name": "other", "scorer": "other", "metrics": {"accuracy": {"name": "accuracy",
        "value": 0.9}}}])";
    QTest::newRow("no metric of that score") << other << QString() << false;
}

void TestAnalysis::headerAccuracyOfTheSameScore()
{
    QFETCH(QByteArray, scores);
    QFETCH(QString, metric);
    QFETCH(bool, mismatch);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dict.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 2, "status": "success", "eval": {"task": "t", "model": "m/x",
        "created": "2026-01-01T00:00:00+00:00"}, "results": {"total_samples": 2, "completed_samples": 2,
        "scores": )"
        + scores + R"(}, "samples": [
        {"id": "a", "epoch": 1, "scores": {"mc": {"value": {"visible": 1.0, "held_out": 0.3333333333333333}}}},
        {"id": "b", "epoch": 1, "scores": {"mc": {"value": {"visible": 1.0, "held_out": 0.6666666666666666}}}}]})");
    file.close();
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))));
    QCOMPARE(Importer(store).importFile(path).status, ImportResult::Imported);
    const RunRow run = store.runs().front();
    QCOMPARE(run.scorer, QStringLiteral("mc"));
    QCOMPARE(run.scoreKey, QStringLiteral("held_out"));
    QCOMPARE(run.accuracy, 0.5);
    QCOMPARE(run.headerMetric, metric);
    QCOMPARE(run.hasHeaderAccuracy, !metric.isEmpty());
    QCOMPARE(accuracyMismatch(run), mismatch);
}

void TestAnalysis::fixtureAccuraciesEqualTheirHeaders()
{
    const QDir fixtures(QStringLiteral(RUNLENS_FIXTURES_DIR));
    if (!fixtures.exists())
        QSKIP("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent.");
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("fixtures.sqlite"))));
    Importer importer(store);
    for (const QString& name : fixtures.entryList(QDir::Files))
        importer.importFile(fixtures.filePath(name));
    int compared = 0;
    for (const RunRow& run : store.runs()) {
        if (run.scoredSamples == 0 || !run.hasHeaderAccuracy)
            continue;
        // The same metric, to the last bit: not within a tolerance.
        QVERIFY2(run.accuracy == run.headerAccuracy,
            qPrintable(QStringLiteral("%1: computed %2, header %3 (%4)")
                           .arg(run.path, QString::number(run.accuracy, 'g', 17),
                               QString::number(run.headerAccuracy, 'g', 17), run.headerMetric)));
        QVERIFY(!accuracyMismatch(run));
        ++compared;
    }
    QVERIFY2(compared >= 15, qPrintable(QString::number(compared)));
}

void TestAnalysis::costCurveIsCheapestFirst()
{
    std::vector<SampleRow> samples(4);
    const double costs[] = { 10, 1, 5, notANumber };
    const int solved[] = { 1, 0, 1, 1 };
    for (size_t i = 0; i < samples.size(); ++i) {
        samples[i].model = QStringLiteral("m");
        samples[i].totalCost = costs[i];
        samples[i].solved = solved[i];
    }
    int unpriced = 0;
    const auto curves = costCurves(samples, &unpriced);
    QCOMPARE(unpriced, 1);
    QCOMPARE(curves.size(), size_t(1));
    const auto& points = curves.front().second;
    QCOMPARE(points.size(), size_t(4));
    QCOMPARE(points[1].dollars, 1.0);
    QCOMPARE(points[1].share, 0.0);
    QCOMPARE(points[2].dollars, 6.0);
    QCOMPARE(points[3].dollars, 16.0);
    QCOMPARE(points[3].share, 2.0 / 3.0);
}

void TestAnalysis::paretoFrontier()
{
    const std::vector<std::pair<double, double>> points { { 5, 0.9 }, { 1, 0.5 }, { 3, 0.4 }, { 10, 0.9 },
        { 20, 1.0 } };
    const std::vector<size_t> frontier = ::paretoFrontier(points);
    QCOMPARE(frontier, (std::vector<size_t> { 1, 0, 4 }));
}

void TestAnalysis::pricesNeverMakeUnknownFree()
{
    PriceTable table;
    table.setPrice(QStringLiteral("known"), { 1.0, 10.0, 0.1, 1.25, {}, {} });
    QCOMPARE(*table.cost(QStringLiteral("known"), 1'000'000, 1'000'000, 0, 100'000), 1.0 + 0.1 + 1.0);
    QVERIFY(!table.cost(QStringLiteral("unknown"), 1, 1, 1, 1).has_value());
    std::vector<SampleRow> samples(3);
    samples[0].id = 1;
    samples[1].id = 2;
    samples[2].id = 3;
    const std::vector<UsageRow> usage { { 1, QStringLiteral("known"), 1'000'000, 0, 0, 0, notANumber },
        { 2, QStringLiteral("unknown"), 5, 0, 0, 0, notANumber }, { 3, QStringLiteral("unknown"), 5, 0, 0, 0, 4.5 } };
    table.applyTo(samples, usage);
    QCOMPARE(samples[0].totalCost, 1.0);
    QVERIFY(std::isnan(samples[1].totalCost)); // no price: unknown, never $0
    QCOMPARE(samples[2].totalCost, 4.5); // the log's own total_cost
    // The shipped table names its source for every price.
    PriceTable shipped;
    QVERIFY(shipped.load(QStringLiteral(RUNLENS_PRICES_JSON)));
    QVERIFY(shipped.prices().size() >= 3);
    for (const ModelPrice& price : shipped.prices())
        QVERIFY(!price.source.isEmpty() && !price.date.isEmpty());
}

void TestAnalysis::scoresAreReadOneWay_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<double>("score");
    QTest::newRow("C") << QByteArray(R"("C")") << 1.0;
    QTest::newRow("I") << QByteArray(R"("I")") << 0.0;
    QTest::newRow("P") << QByteArray(R"("P")") << 0.5;
    QTest::newRow("number") << QByteArray("0.25") << 0.25;
    QTest::newRow("true") << QByteArray("true") << 1.0;
    QTest::newRow("held_out decides") << QByteArray(R"({"visible": 1.0, "held_out": 0.75})") << 0.75;
    QTest::newRow("hidden") << QByteArray(R"({"visible": 1.0, "hidden": 0.5})") << 0.5;
    QTest::newRow("value") << QByteArray(R"({"value": "C"})") << 1.0;
}

void TestAnalysis::scoresAreReadOneWay()
{
    QFETCH(QByteArray, value);
    QFETCH(double, score);
    rapidjson::Document document;
    QVERIFY(parseJson(document, value.constData(), size_t(value.size())));
    QCOMPARE(scoreNumber(document), score);
    rapidjson::Document unscored;
    QVERIFY(parseJson(unscored, "{\"other\": 1}", 12));
    QVERIFY(std::isnan(scoreNumber(unscored)));
}

void TestAnalysis::passFractionsFromMetadata()
{
    const PassFractions fractions = passFractionsOfMetadata(
        R"({"visible_passed": 3, "visible_total": 4, "held_out_passed": 1, "held_out_total": 0})");
    QCOMPARE(fractions.visible, 0.75);
    QVERIFY(std::isnan(fractions.heldOut)); // no held-out tests: no fraction, never a division by zero
    QVERIFY(std::isnan(passFractionsOfMetadata("not json").visible));
}

void TestAnalysis::passCurvePrefersTheRunsOwnScores()
{
    PriceTable prices;
    prices.setPrice(QStringLiteral("m"), { 1.0, 2.0, 0, 0, {}, {} });
    PassCurveBuilder builder(prices, TestOutputParser::standard());
    EventRow call;
    call.seq = 1;
    call.model = QStringLiteral("m");
    call.inputTokens = 1000000;
    builder.addModelCall(call); // $1 by the table
    call.seq = 5;
    call.loggedCost = 3.0;
    builder.addModelCall(call); // $3 as logged
    builder.addMark({ 2, QStringLiteral("compaction") });
    builder.addMark({ 4, QStringLiteral("error") });
    builder.addScoreEvent(
        { 3, 60.0, R"({"intermediate": true, "score": {"value": {"visible": 0.5, "held_out": 0.25}}})" });
    builder.addScoreEvent({ 6, 90.0, R"({"intermediate": false, "score": {"value": 1}})" });
    QVERIFY(builder.hasPoints());
    const PassCurve& curve = builder.curve();
    QCOMPARE(curve.points.size(), size_t(1));
    QCOMPARE(curve.points[0].visible, 0.5);
    QCOMPARE(curve.points[0].heldOut, 0.25);
    QCOMPARE(curve.points[0].cost, 1.0); // spent by step 3
    QCOMPARE(curve.spending.back().second, 4.0);
    QCOMPARE(curve.compactions, std::vector<int> { 2 });
    QCOMPARE(curve.errors, std::vector<int> { 4 });
    QCOMPARE(curve.source, QStringLiteral("score events"));
}

void TestAnalysis::passCurveFallsBackOnTestOutput()
{
    PassCurveBuilder builder(PriceTable(), TestOutputParser::standard());
    builder.addToolOutput({ 7, 0, QStringLiteral("collected 10 items\n===== 2 failed, 8 passed in 0.1s =====") });
    builder.addToolOutput({ 8, 0, QStringLiteral("ls: nothing here") });
    QCOMPARE(builder.curve().points.size(), size_t(1));
    QCOMPARE(builder.curve().points[0].visible, 0.8);
    QCOMPARE(builder.curve().source, QStringLiteral("pytest"));
}

void TestAnalysis::namedTestsMakeTheMatrix()
{
    TestMatrixBuilder builder(TestOutputParser::standard());
    builder.addToolOutput({ 10, 0, QStringLiteral("--- PASS: TestA (0.00s)\n--- FAIL: TestB (0.01s)\nFAIL") });
    builder.addToolOutput({ 20, 0, QStringLiteral("no tests here") });
    builder.addToolOutput({ 30, 0, QStringLiteral("tests/x.py::test_b PASSED\nPASS TestA\n") });
    const TestMatrix matrix = builder.matrix();
    QCOMPARE(matrix.runs, (std::vector<int> { 10, 30 }));
    QCOMPARE(matrix.tests,
        (QStringList { QStringLiteral("TestA"), QStringLiteral("TestB"), QStringLiteral("tests/x.py::test_b") }));
    QCOMPARE(int(matrix.results[0][0]), 1);
    QCOMPARE(int(matrix.results[1][0]), 0);
    QCOMPARE(int(matrix.results[1][1]), -1); // not in that run
    QCOMPARE(int(matrix.results[2][1]), 1);
    QVERIFY(testChanges(matrix, 0).empty());
}

void TestAnalysis::reExecutionsContradictReportedResults()
{
    TestMatrix matrix;
    matrix.runs = { 10, 30 };
    matrix.tests = QStringList { QStringLiteral("a"), QStringLiteral("b") };
    matrix.results = { { 1, 1 }, { 0, 1 } };
    RerunRow atTen;
    atTen.id = 1;
    atTen.step = 12; // no edit between 10 and 12: it checks the run at 10
    RerunRow atForty;
    atForty.id = 2;
    atForty.step = 40; // after the edit at 35: it checks nothing
    const std::vector<Contradiction> found = contradictions(matrix, { atTen, atForty }, { 5, 35 }, [](qint64 id) {
        QHash<QString, bool> results;
        results.insert(QStringLiteral("a"), id != 1); // re-executed at 12, a fails though the transcript says it passed
        results.insert(QStringLiteral("b"), false);
        return results;
    });
    QCOMPARE(found.size(), size_t(1));
    QCOMPARE(found[0].test, 0);
    QCOMPARE(found[0].run, 0);
    QCOMPARE(found[0].rerunStep, 12);
    QVERIFY(!found[0].rerunPassed);
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
