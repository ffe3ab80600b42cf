// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/passcurve.h"
#include "analysis/pricetable.h"
#include "analysis/rerunchecks.h"
#include "analysis/scorereading.h"
#include "analysis/solverates.h"
#include "analysis/testmatrix.h"

#include <QTemporaryDir>
#include <QTest>
#include <cmath>

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void wilsonIntervals_data();
    void wilsonIntervals();
    void solveRatesByModel();
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

void TestAnalysis::wilsonIntervals_data()
{
    QTest::addColumn<int>("successes");
    QTest::addColumn<int>("trials");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    // Reference values: Wilson score interval, z = 1.96.
    QTest::newRow("8/10") << 8 << 10 << 0.4902 << 0.9433;
    QTest::newRow("0/10") << 0 << 10 << 0.0 << 0.2775;
    QTest::newRow("10/10") << 10 << 10 << 0.7225 << 1.0;
    QTest::newRow("52/100") << 52 << 100 << 0.4231 << 0.6153;
}

void TestAnalysis::wilsonIntervals()
{
    QFETCH(int, successes);
    QFETCH(int, trials);
    QFETCH(double, low);
    QFETCH(double, high);
    const Interval interval = wilsonInterval(successes, trials);
    QVERIFY2(std::abs(interval.low - low) < 5e-4, qPrintable(QString::number(interval.low)));
    QVERIFY2(std::abs(interval.high - high) < 5e-4, qPrintable(QString::number(interval.high)));
}

void TestAnalysis::solveRatesByModel()
{
    std::vector<SampleRow> samples(5);
    for (size_t i = 0; i < samples.size(); ++i) {
        samples[i].model = i < 3 ? QStringLiteral("a") : QStringLiteral("b");
        samples[i].solved = i == 0 || i == 3 ? 1 : 0;
    }
    samples[2].solved = -1; // unscored: left out
    const std::vector<SolveRate> rates = solveRates(samples, [](const SampleRow& s) { return s.model; });
    QCOMPARE(rates.size(), size_t(2));
    QCOMPARE(rates[0].key, QStringLiteral("a"));
    QCOMPARE(rates[0].scored, 2);
    QCOMPARE(rates[0].rate, 0.5);
    QCOMPARE(rates[1].rate, 0.5);
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
