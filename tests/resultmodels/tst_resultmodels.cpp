// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "outcomegridmodel.h"
#include "runtablemodel.h"
#include "testmatrixmodel.h"
#include "testresultmodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QTest>
#include <cmath>

class TestResultModels : public QObject {
    Q_OBJECT
private slots:
    void runTable();
    void testResults();
    void testMatrix();
    void outcomeGrid();
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

void TestResultModels::testMatrix()
{
    TestMatrixModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    TestMatrix matrix;
    matrix.runs = { 11, 20, 29 };
    matrix.tests = { QStringLiteral("alpha"), QStringLiteral("beta") };
    matrix.results = { { 0, 1, 1 }, { 1, -1, 0 } };
    // One re-execution at step 22, before the edit at 25: it checks the test run at 20, where it fails alpha.
    RerunRow rerun;
    rerun.id = 7;
    rerun.step = 22;
    const std::vector<Contradiction> found = contradictions(matrix, { rerun }, { 25 }, [](qint64 id) {
        return id == 7 ? QHash<QString, bool> { { QStringLiteral("alpha"), false }, { QStringLiteral("beta"), true } }
                       : QHash<QString, bool>();
    });
    QCOMPARE(found.size(), size_t(1));
    model.setMatrix(matrix, found);

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("29"));
    QCOMPARE(model.headerData(1, Qt::Vertical).toString(), QStringLiteral("beta"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("\u2717"));
    QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("\u2713"));
    QCOMPARE(model.index(1, 1).data().toString(), QString());
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignCenter));
    // Passed in green, failed in orange, nothing behind a test the run did not name.
    QCOMPARE(model.index(0, 2).data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0x00, 0x9E, 0x73, 90));
    QCOMPARE(model.index(0, 0).data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xD5, 0x5E, 0x00, 110));
    QVERIFY(!model.index(1, 1).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(1, 1).data(TestMatrixModel::ResultRole).toInt(), -1);
    QCOMPARE(model.index(1, 2).data(TestMatrixModel::ResultRole).toInt(), 0);
    QCOMPARE(model.index(0, 1).data(TestMatrixModel::StepRole).toInt(), 20);

    // The contradicted result: marked, in red, explained; its neighbours are not.
    const QModelIndex contradicted = model.index(0, 1);
    QCOMPARE(contradicted.data().toString(), QStringLiteral("\u2713!"));
    QVERIFY(contradicted.data(TestMatrixModel::ContradictedRole).toBool());
    QCOMPARE(contradicted.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::red));
    QCOMPARE(contradicted.data(Qt::ToolTipRole).toString(),
        QStringLiteral("The transcript reports a pass; re-executed at step 22 it fails"));
    QCOMPARE(model.contradictionCount(), 1);
    for (const QModelIndex& other : { model.index(0, 0), model.index(0, 2), model.index(1, 0) }) {
        QVERIFY(!other.data(TestMatrixModel::ContradictedRole).toBool());
        QVERIFY(!other.data(Qt::ForegroundRole).isValid());
        QVERIFY(!other.data(Qt::ToolTipRole).isValid());
    }

    // A contradiction naming a cell the matrix does not have is dropped.
    model.setMatrix(matrix, { Contradiction { 5, 0, 30, true } });
    QCOMPARE(model.contradictionCount(), 0);
    model.setMatrix({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestResultModels::outcomeGrid()
{
    OutcomeGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto sample = [](qint64 id, const QString& model, const QString& program, int solved, double heldOut, double cost,
                      double seconds) {
        SampleRow row;
        row.id = id;
        row.model = model;
        row.program = program;
        row.sampleId = QStringLiteral("task_") + QString::number(id);
        row.solved = solved;
        row.heldOutPass = heldOut;
        row.totalCost = cost;
        row.totalTime = seconds;
        return row;
    };
    const double unknown = std::nan("");
    model.setSamples({
        sample(12, QStringLiteral("org/m1"), QStringLiteral("cal"), 0, 0.5, unknown, 3600),
        sample(11, QStringLiteral("org/m1"), QStringLiteral("cal"), 1, unknown, 2.0, 7200),
        sample(13, QStringLiteral("org/m2"), QStringLiteral("cal"), 0, 0.25, 1.5, unknown),
        sample(14, QStringLiteral("org/m2"), QString(), 0, unknown, unknown, unknown),
        sample(15, QStringLiteral("org/m1"), QStringLiteral("bitwise"), 0, 0.9, 0.5, 1800),
    });

    // Programs and models sorted; a program-less sample in a row of its own, named by its sample id.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("m1"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("m2"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("bitwise"));
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QStringLiteral("task_14"));
    QCOMPARE(model.model(1), QStringLiteral("org/m2"));

    // cal by m1: solved by its second sample, which is the one to open; costs and hours summed over both.
    const QModelIndex solved = model.index(1, 0);
    QCOMPARE(solved.data().toString(), QStringLiteral("solved"));
    QCOMPARE(solved.data(OutcomeGridModel::BestRole).toDouble(), 1.0);
    QCOMPARE(solved.data(OutcomeGridModel::CostRole).toDouble(), 2.0);
    QCOMPARE(solved.data(OutcomeGridModel::HoursRole).toDouble(), 3.0);
    QCOMPARE(solved.data(OutcomeGridModel::SampleIdRole).toLongLong(), qint64(11));
    QCOMPARE(solved.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0x00, 0x9E, 0x73));
    QCOMPARE(solved.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::white));
    QCOMPARE(solved.data(Qt::ToolTipRole).toString(),
        QStringLiteral("org/m1 on cal: best held-out pass 100.0%, $2.00 and 3.0 h over its epochs"));

    const QModelIndex partly = model.index(1, 1);
    QCOMPARE(partly.data().toString(), QStringLiteral("25%"));
    QCOMPARE(partly.data(OutcomeGridModel::SampleIdRole).toLongLong(), qint64(13));
    QCOMPARE(partly.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::black));
    QCOMPARE(partly.data(Qt::BackgroundRole).value<QBrush>().color(), QColor::fromHsvF(0.02 + 0.1 * 0.25, 0.55, 0.95));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("90%"));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("0%"));
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignCenter));

    // A program no sample of a model tried: an empty cell, with nothing to open.
    const QModelIndex untried = model.index(0, 1);
    QVERIFY(!untried.data().isValid());
    QVERIFY(!untried.data(OutcomeGridModel::SampleIdRole).isValid());
    QVERIFY(!untried.data(Qt::BackgroundRole).isValid());

    model.setSamples({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

QTEST_GUILESS_MAIN(TestResultModels)
#include "tst_resultmodels.moc"
