#include "analysis/pricetable.h"
#include "analysis/solverates.h"

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
    const std::vector<std::pair<double, double>> points { { 5, 0.9 }, { 1, 0.5 }, { 3, 0.4 }, { 10, 0.9 }, { 20, 1.0 } };
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

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
