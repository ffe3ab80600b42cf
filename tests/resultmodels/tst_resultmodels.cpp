// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "outcomegridmodel.h"
#include "pairedcomparisonmodel.h"
#include "runtablemodel.h"
#include "tasksolveratemodel.h"
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
    void outcomeGridOfInspectTasks();
    void taskSolveRates();
    void pairedComparison();
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
    auto sample = [](qint64 id, const QString& model, const QString& program, int epoch, int solved, double heldOut,
                      double cost, double seconds) {
        SampleRow row;
        row.id = id;
        row.task = QStringLiteral("mirror");
        row.model = model;
        row.program = program;
        row.sampleId = QStringLiteral("task_") + QString::number(id);
        row.epoch = epoch;
        row.solved = solved;
        row.heldOutPass = heldOut;
        row.totalCost = cost;
        row.totalTime = seconds;
        return row;
    };
    const double unknown = std::nan("");
    model.setSamples({
        sample(12, QStringLiteral("org/m1"), QStringLiteral("cal"), 2, 0, 0.5, unknown, 3600),
        sample(11, QStringLiteral("org/m1"), QStringLiteral("cal"), 1, 1, unknown, 2.0, 7200),
        sample(13, QStringLiteral("org/m2"), QStringLiteral("cal"), 1, 0, 0.25, 1.5, unknown),
        sample(14, QStringLiteral("org/m2"), QString(), 1, -1, unknown, unknown, unknown),
        sample(15, QStringLiteral("org/m1"), QStringLiteral("bitwise"), 1, 0, 0.9, 0.0042, 1800),
    });

    // Programs and models sorted; a program-less sample in a row of its own, named by its sample id.
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("m1"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("m2"));
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("bitwise"));
    QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QStringLiteral("task_14"));
    QCOMPARE(model.model(1), QStringLiteral("org/m2"));

    // cal by m1: one of two epochs solved, "1/2"; the first epoch is the one to open; costs and hours summed.
    const QModelIndex half = model.index(1, 0);
    QCOMPARE(half.data().toString(), QStringLiteral("1/2"));
    QCOMPARE(half.data(OutcomeGridModel::SolvedEpochsRole).toInt(), 1);
    QCOMPARE(half.data(OutcomeGridModel::EpochsRole).toInt(), 2);
    QCOMPARE(half.data(OutcomeGridModel::ShareRole).toDouble(), 0.5);
    QCOMPARE(half.data(OutcomeGridModel::BestRole).toDouble(), 1.0);
    QCOMPARE(half.data(OutcomeGridModel::CostRole).toDouble(), 2.0);
    QCOMPARE(half.data(OutcomeGridModel::HoursRole).toDouble(), 3.0);
    QCOMPARE(half.data(OutcomeGridModel::SampleIdRole).toLongLong(), qint64(11));
    const std::vector<OutcomeGridModel::Epoch> epochs = model.epochs(half);
    QCOMPARE(epochs.size(), size_t(2));
    QCOMPARE(epochs[0].epoch, 1);
    QCOMPARE(epochs[0].sample, qint64(11));
    QCOMPARE(epochs[1].epoch, 2);
    QCOMPARE(epochs[1].solved, 0);
    QCOMPARE(half.data(Qt::BackgroundRole).value<QBrush>().color(), OutcomeGridModel::colour(0.5));
    QCOMPARE(half.data(Qt::ToolTipRole).toString(),
        QStringLiteral("org/m1 on mirror cal: 1 of 2 epochs solved (epoch 1 solved, epoch 2 not solved); best held-out "
                       "pass 100.0%; $2.00 and 3.0 h over its epochs"));

    // Colours by share: all solved green on white, none red, some amber, unscored grey.
    QCOMPARE(OutcomeGridModel::colour(1.0), QColor(0x00, 0x9E, 0x73));
    QCOMPARE(OutcomeGridModel::textColour(1.0), QColor(Qt::white));
    QVERIFY(OutcomeGridModel::colour(0.0) != OutcomeGridModel::colour(0.5));
    QVERIFY(OutcomeGridModel::colour(-1) != OutcomeGridModel::colour(0.0));

    const QModelIndex none = model.index(1, 1);
    QCOMPARE(none.data().toString(), QStringLiteral("0/1"));
    QCOMPARE(none.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(Qt::black));
    QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("unscored"));
    QCOMPARE(model.index(0, 0).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignCenter));
    QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QLatin1String("$0.0042")));

    // A program no sample of a model tried: an empty cell, with nothing to open.
    const QModelIndex untried = model.index(0, 1);
    QVERIFY(!untried.data().isValid());
    QVERIFY(!untried.data(OutcomeGridModel::SampleIdRole).isValid());
    QVERIFY(!untried.data(Qt::BackgroundRole).isValid());
    QVERIFY(model.epochs(untried).empty());

    model.setSamples({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
}

void TestResultModels::outcomeGridOfInspectTasks()
{
    // Ordinary Inspect samples: a row per (task, sample id), ids in natural order, the task named when there are
    // several.
    OutcomeGridModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    std::vector<SampleRow> samples;
    qint64 id = 0;
    for (const char* task : { "popularity", "security" }) {
        for (const char* sampleId : { "10", "2", "1", "100", "0" }) {
            SampleRow row;
            row.id = ++id;
            row.task = QString::fromLatin1(task);
            row.model = QStringLiteral("openai/gpt-5");
            row.sampleId = QString::fromLatin1(sampleId);
            row.solved = 1;
            samples.push_back(row);
        }
    }
    model.setSamples(samples);
    QCOMPARE(model.rowCount(), 10);
    QStringList rows;
    for (int row = 0; row < 5; ++row)
        rows << model.headerData(row, Qt::Vertical).toString();
    const QString dot = QStringLiteral(" \u00b7 ");
    QCOMPARE(rows,
        QStringList({ QStringLiteral("popularity") + dot + QStringLiteral("0"),
            QStringLiteral("popularity") + dot + QStringLiteral("1"),
            QStringLiteral("popularity") + dot + QStringLiteral("2"),
            QStringLiteral("popularity") + dot + QStringLiteral("10"),
            QStringLiteral("popularity") + dot + QStringLiteral("100") }));
    QCOMPARE(model.headerData(5, Qt::Vertical).toString(), QStringLiteral("security") + dot + QStringLiteral("0"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("1/1"));
    // One task: rows by sample id alone.
    samples.resize(5);
    model.setSamples(samples);
    QCOMPARE(model.headerData(4, Qt::Vertical).toString(), QStringLiteral("100"));
}

namespace {
/// Model m on sample `id` of `task`: one row per epoch, solved as the flags say.
std::vector<SampleRow> epochs(const QString& task, const QString& id, const QString& model,
    const std::vector<int>& solved, double cost = std::nan(""))
{
    std::vector<SampleRow> rows;
    int epoch = 0;
    for (const int flag : solved) {
        SampleRow row;
        row.task = task;
        row.sampleId = id;
        row.model = model;
        row.epoch = ++epoch;
        row.solved = flag;
        row.totalCost = cost;
        rows.push_back(row);
    }
    return rows;
}
}

void TestResultModels::taskSolveRates()
{
    // Two tasks, two models. m1 on task a: samples 1 (1 of 2 epochs) and 2 (2 of 2): (0.5 + 1) / 2 = 75%;
    // on task b: sample 1 (0 of 2): 0%. m2 ran task a only: sample 1 (2 of 2): 100%.
    std::vector<SampleRow> samples;
    for (const auto& part : { epochs(QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("org/m1"), { 1, 0 }),
             epochs(QStringLiteral("a"), QStringLiteral("2"), QStringLiteral("org/m1"), { 1, 1 }),
             epochs(QStringLiteral("b"), QStringLiteral("1"), QStringLiteral("org/m1"), { 0, 0 }),
             epochs(QStringLiteral("a"), QStringLiteral("1"), QStringLiteral("org/m2"), { 1, 1 }) })
        samples.insert(samples.end(), part.begin(), part.end());
    TaskSolveRateModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSamples(samples);
    QCOMPARE(model.taskCount(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("a"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("m2"));
    QCOMPARE(model.index(0, 0).data(TaskSolveRateModel::RateRole).toDouble(), 0.75);
    QCOMPARE(model.index(0, 0).data(TaskSolveRateModel::TasksRole).toInt(), 2);
    QVERIFY(model.index(0, 0).data().toString().startsWith(QLatin1String("75.0% [")));
    QVERIFY(model.index(0, 0).data().toString().endsWith(QLatin1String("n=2")));
    QCOMPARE(model.index(1, 0).data(TaskSolveRateModel::RateRole).toDouble(), 0.0);
    QCOMPARE(model.index(0, 1).data(TaskSolveRateModel::RateRole).toDouble(), 1.0);
    // m2 did not run task b: an empty cell.
    QVERIFY(!model.index(1, 1).data().isValid());
    QVERIFY(std::isnan(model.index(1, 1).data(TaskSolveRateModel::RateRole).toDouble()));
    QVERIFY(model.definition().contains(QLatin1String("bootstrap")));
}

void TestResultModels::pairedComparison()
{
    // Tasks 1 to 3 run by both: A solves 1 and 2 (costs 1 each), B solves 1 only (costs 2 each); task 4 by A only.
    std::vector<SampleRow> samples;
    for (const auto& part : { epochs(QStringLiteral("t"), QStringLiteral("1"), QStringLiteral("org/a"), { 1 }, 1.0),
             epochs(QStringLiteral("t"), QStringLiteral("2"), QStringLiteral("org/a"), { 1 }, 1.0),
             epochs(QStringLiteral("t"), QStringLiteral("3"), QStringLiteral("org/a"), { 0 }, 1.0),
             epochs(QStringLiteral("t"), QStringLiteral("4"), QStringLiteral("org/a"), { 1 }, 1.0),
             epochs(QStringLiteral("t"), QStringLiteral("1"), QStringLiteral("org/b"), { 1 }, 2.0),
             epochs(QStringLiteral("t"), QStringLiteral("2"), QStringLiteral("org/b"), { 0 }, 2.0),
             epochs(QStringLiteral("t"), QStringLiteral("3"), QStringLiteral("org/b"), { 0 }, 2.0) })
        samples.insert(samples.end(), part.begin(), part.end());
    PairedComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    model.setComparison(comparePaired(samples, QStringLiteral("org/a"), QStringLiteral("org/b")));
    QCOMPARE(model.rowCount(), int(PairedComparisonModel::RowCount));
    auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(cell(PairedComparisonModel::SharedTasks, PairedComparisonModel::Value), QStringLiteral("3"));
    QCOMPARE(cell(PairedComparisonModel::PassAt1A, PairedComparisonModel::Value), QStringLiteral("66.7%"));
    QCOMPARE(cell(PairedComparisonModel::PassAt1B, PairedComparisonModel::Value), QStringLiteral("33.3%"));
    QCOMPARE(cell(PairedComparisonModel::Difference, PairedComparisonModel::Value), QStringLiteral("+33.3 pp"));
    // One discordant task: p = min(1, 2 * 1/2) = 1.
    QCOMPARE(cell(PairedComparisonModel::McNemar, PairedComparisonModel::Value), QStringLiteral("1"));
    QCOMPARE(cell(PairedComparisonModel::McNemar, PairedComparisonModel::Interval95),
        QStringLiteral("A only: 1, B only: 0"));
    QCOMPARE(cell(PairedComparisonModel::CostRatio, PairedComparisonModel::Value), QStringLiteral("0.50\u00d7"));
    QCOMPARE(model.index(PairedComparisonModel::CostRatio, 0).data(PairedComparisonModel::ValueRole).toDouble(), 0.5);
    QVERIFY(!cell(PairedComparisonModel::Difference, PairedComparisonModel::Definition).isEmpty());
}

QTEST_GUILESS_MAIN(TestResultModels)
#include "tst_resultmodels.moc"
