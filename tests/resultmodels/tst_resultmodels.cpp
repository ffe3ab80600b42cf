#include "runtablemodel.h"
#include "testresultmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>
#include <cmath>

class TestResultModels : public QObject {
    Q_OBJECT
private slots:
    void runTable();
    void testResults();
};

void TestResultModels::runTable()
{
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunRow agreeing;
    agreeing.id = 1;
    agreeing.samples = agreeing.scoredSamples = 4;
    agreeing.accuracy = 0.75;
    agreeing.hasHeaderAccuracy = true;
    agreeing.headerAccuracy = 0.75;
    RunRow disagreeing = agreeing;
    disagreeing.id = 2;
    disagreeing.headerAccuracy = 0.5;
    RunRow headerOnly;
    headerOnly.id = 3;
    headerOnly.hasHeaderAccuracy = true;
    headerOnly.headerAccuracy = std::nan("");
    model.setRuns({ agreeing, disagreeing, headerOnly });
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, RunTableModel::Accuracy).data().toString(), QStringLiteral("75.0%"));
    QCOMPARE(model.index(0, RunTableModel::HeaderAccuracy).data().toString(), QStringLiteral("75.0%"));
    // A disagreement is flagged in the cell itself, and explained.
    QVERIFY(model.index(1, RunTableModel::HeaderAccuracy).data().toString().startsWith(QChar(0x2260)));
    QVERIFY(!model.index(1, RunTableModel::HeaderAccuracy).data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(model.index(2, RunTableModel::HeaderAccuracy).data().toString(), QStringLiteral("unscored"));
    QCOMPARE(model.index(1, RunTableModel::Accuracy).data(RunTableModel::SortRole).toDouble(), 0.75);
}

void TestResultModels::testResults()
{
    TestResultModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TestResult pass;
    pass.id = QStringLiteral("a");
    pass.passed = true;
    pass.outcome.stop = ProcessOutcome::Exited;
    TestResult fail;
    fail.id = QStringLiteral("b");
    fail.heldOut = true;
    fail.outcome.stop = ProcessOutcome::Timeout;
    fail.reason = QStringLiteral("timeout");
    fail.diff = QStringLiteral("-x\n+y");
    model.setResults({ pass, fail });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, TestResultModel::Outcome).data().toString(), QStringLiteral("timeout"));
    QCOMPARE(model.index(1, TestResultModel::Visibility).data().toString(), QStringLiteral("held-out"));
    QCOMPARE(model.index(1, TestResultModel::Result).data(TestResultModel::SortRole).toInt(), 0);
    QCOMPARE(model.index(1, 0).data(TestResultModel::DiffRole).toString(), QStringLiteral("-x\n+y"));
}

QTEST_GUILESS_MAIN(TestResultModels)
#include "tst_resultmodels.moc"
