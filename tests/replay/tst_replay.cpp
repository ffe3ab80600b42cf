// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/testoutputparser.h"
#include "compareview.h"
#include "replayview.h"
#include "steppositions.h"
#include "store/importer.h"
#include "store/sqlitedb.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/storeschema.h"
#include "store/transcriptquery.h"
#include "testmatrixmodel.h"
#include "transcriptmodel.h"
#include "transcriptpane.h"
#include "workflow/transcriptanalysis.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <climits>
#include <cmath>

namespace {
QJsonObject toolEvent(const QString& command, const QString& result)
{
    return { { QStringLiteral("event"), QStringLiteral("tool") },
        { QStringLiteral("function"), QStringLiteral("bash") }, { QStringLiteral("id"), command },
        { QStringLiteral("arguments"), QJsonObject { { QStringLiteral("cmd"), command } } },
        { QStringLiteral("result"), result } };
}
}

class TestReplay : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void testRunnerOutputs_data();
    void testRunnerOutputs();
    void modelPagesThroughTheTranscript();
    void curveFromTestOutput();
    void curveFromScoreEvents();
    void errorsAreMarked();
    void summariesShowAttachments();
    void viewMovesThroughTheRun();
    void viewShowsTestsOverTime();
    void stepPositions();
    void compareScrubsTogether();
    void findRunsOffTheWindowsThread();

private:
    /// Imports a log of one sample, the only one of its task, and returns the sample's store id (0 on failure).
    qint64 importSample(const QString& task, const QJsonArray& events, const QJsonObject& attachments = {});

    QTemporaryDir m_dir;
    Store m_store;
    qint64 m_sampleId = 0;
};

qint64 TestReplay::importSample(const QString& task, const QJsonArray& events, const QJsonObject& attachments)
{
    QJsonObject sample { { QStringLiteral("id"), 1 }, { QStringLiteral("epoch"), 1 },
        { QStringLiteral("events"), events } };
    if (!attachments.isEmpty())
        sample.insert(QStringLiteral("attachments"), attachments);
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject { { QStringLiteral("task"), task }, { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"), QJsonArray { sample } } };
    QFile file(m_dir.filePath(task + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    file.write(QJsonDocument(log).toJson());
    file.close();
    if (Importer(m_store).importFile(file.fileName()).status != ImportResult::Imported)
        return 0;
    qint64 sampleId = 0;
    for (const SampleRow& sample : m_store.samples())
        sampleId = sample.task == task ? sample.id : sampleId;
    return sampleId;
}

void TestReplay::initTestCase()
{
    // A run whose agent ran three test runners: cargo, pytest and go test, with one intermediate score.
    QJsonArray events;
    for (int i = 0; i < 3500; ++i) // enough pages that the model's cache must evict
        events.append(
            QJsonObject { { QStringLiteral("event"), QStringLiteral("info") }, { QStringLiteral("data"), i } });
    events.append(toolEvent(QStringLiteral("cargo test"),
        QStringLiteral("running 10 tests\ntest a ... ok\ntest result: FAILED. 8 passed; 2 failed; 0 ignored; 0 "
                       "measured; 0 filtered out; finished in 0.01s\n")));
    events.append(QJsonObject { { QStringLiteral("event"), QStringLiteral("compaction") },
        { QStringLiteral("type"), QStringLiteral("summary") }, { QStringLiteral("tokens_before"), 300000 },
        { QStringLiteral("tokens_after"), 20000 } });
    events.append(toolEvent(
        QStringLiteral("pytest"), QStringLiteral("....F\n========= 1 failed, 9 passed in 0.12s =========\n")));
    events.append(toolEvent(QStringLiteral("go test"),
        QStringLiteral("=== RUN   TestA\n--- PASS: TestA (0.00s)\n=== RUN   TestB\n--- PASS: TestB (0.00s)\nPASS\nok  "
                       "\texample.com/x\t0.002s\n")));
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject {
                { QStringLiteral("task"), QStringLiteral("t") }, { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("gron_go") },
                { QStringLiteral("epoch"), 1 }, { QStringLiteral("events"), events } } } } };
    QFile file(m_dir.filePath(QStringLiteral("log.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(log).toJson());
    file.close();
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))));
    QCOMPARE(Importer(m_store).importFile(file.fileName()).status, ImportResult::Imported);
    m_sampleId = m_store.samples().front().id;
}

void TestReplay::testRunnerOutputs_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("passed");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QString>("runner");
    // Real summaries as these runners print them.
    QTest::newRow("pytest") << QStringLiteral(
        "tests/test_x.py ..F.\n=================== 1 failed, 3 passed in 0.05s ===================\n")
                            << 3 << 1 << QStringLiteral("pytest");
    QTest::newRow("pytest passing") << QStringLiteral(
        "============================== 12 passed in 0.31s ==============================\n")
                                    << 12 << 0 << QStringLiteral("pytest");
    QTest::newRow("cargo test") << QStringLiteral(
        "test result: ok. 27 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n")
                                << 27 << 0 << QStringLiteral("cargo test");
    QTest::newRow("go test") << QStringLiteral(
        "=== RUN   TestParse\n--- FAIL: TestParse (0.00s)\n    x_test.go:9: got 1\n=== RUN   TestFormat\n--- PASS: "
        "TestFormat (0.00s)\nFAIL\nFAIL\texample.com/x\t0.003s\n")
                             << 1 << 1 << QStringLiteral("go test");
    QTest::newRow("counts") << QStringLiteral("FAIL case_0001\n412 passed, 37 failed\n") << 412 << 37
                            << QStringLiteral("N passed, M failed");
}

void TestReplay::testRunnerOutputs()
{
    QFETCH(QString, output);
    QFETCH(int, passed);
    QFETCH(int, failed);
    QFETCH(QString, runner);
    const auto counts = TestOutputParser::standard().parse(output);
    QVERIFY(counts.has_value());
    QCOMPARE(counts->passed, passed);
    QCOMPARE(counts->failed, failed);
    QCOMPARE(counts->runner, runner);
}

void TestReplay::modelPagesThroughTheTranscript()
{
    TranscriptModel model(m_store, m_sampleId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3504);
    QCOMPARE(model.index(3503, TranscriptModel::Type).data().toString(), QStringLiteral("tool"));
    QCOMPARE(model.index(0, TranscriptModel::Step).data().toInt(), 0);
    // Every row, front to back and back to front, through a page cache that evicts.
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, TranscriptModel::Step).data().toInt(), row);
    for (int row = model.rowCount() - 1; row >= 0; row -= 7)
        QCOMPARE(model.index(row, TranscriptModel::Step).data().toInt(), row);
    model.setType(QStringLiteral("tool"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, 0).data(TranscriptModel::SeqRole).toInt(), 3502);
    QCOMPARE(model.rowForSeq(3501), 1);
    // The types a filter offers, most common first, as the events themselves count them.
    SqliteStatement counted(StoreConnection::of(m_store),
        "SELECT type FROM events WHERE sample_id = ? GROUP BY type ORDER BY COUNT(*) DESC, type");
    counted.bind(1, m_sampleId);
    QStringList types;
    while (counted.step())
        types << counted.text(0);
    QCOMPARE(TranscriptQuery(m_store, m_sampleId).types(), types);
}

void TestReplay::curveFromTestOutput()
{
    TranscriptQuery query(m_store, m_sampleId);
    const PassCurve curve = passCurve(query, PriceTable());
    QCOMPARE(curve.points.size(), size_t(3));
    QCOMPARE(curve.points[0].visible, 0.8);
    QCOMPARE(curve.points[1].visible, 0.9);
    QCOMPARE(curve.points[2].visible, 1.0);
    QCOMPARE(curve.compactions, std::vector<int> { 3501 });
    // go test names its tests: they make the test x time matrix.
    const TestMatrix matrix = testMatrix(query);
    QCOMPARE(matrix.tests, (QStringList { QStringLiteral("TestA"), QStringLiteral("TestB") }));
    QCOMPARE(matrix.runs, std::vector<int> { 3503 });
    QCOMPARE(int(matrix.results[0][0]), 1);
}

void TestReplay::curveFromScoreEvents()
{
    QJsonArray events;
    const double fractions[] = { 0.25, 0.5, 0.4, 1.0 };
    for (const double fraction : fractions) {
        events.append(QJsonObject { { QStringLiteral("event"), QStringLiteral("score") },
            { QStringLiteral("intermediate"), true },
            { QStringLiteral("score"),
                QJsonObject { { QStringLiteral("value"),
                    QJsonObject { { QStringLiteral("visible"), fraction },
                        { QStringLiteral("held_out"), fraction / 2 } } } } } });
    }
    const qint64 sampleId = importSample(QStringLiteral("scores"), events);
    QVERIFY(sampleId > 0);
    const PassCurve curve = passCurve(*m_store.transcript(sampleId), PriceTable());
    QCOMPARE(curve.source, QStringLiteral("score events"));
    QCOMPARE(curve.points.size(), size_t(4));
    for (size_t i = 0; i < 4; ++i) {
        QCOMPARE(curve.points[i].visible, fractions[i]);
        QCOMPARE(curve.points[i].heldOut, fractions[i] / 2);
    }
}

void TestReplay::errorsAreMarked()
{
    // A tool error, a model error and a sample error are the plot's error marks, read from the sample's list of
    // marked steps: the events are looked up by their steps, never scanned.
    QJsonObject failedTool = toolEvent(QStringLiteral("rm -r /"), QString());
    failedTool.insert(QStringLiteral("error"),
        QJsonObject { { QStringLiteral("type"), QStringLiteral("permission") },
            { QStringLiteral("message"), QStringLiteral("Permission denied") } });
    const QJsonArray events {
        toolEvent(QStringLiteral("ls"), QStringLiteral("src\n")), failedTool,
        QJsonObject { { QStringLiteral("event"), QStringLiteral("model") },
            { QStringLiteral("model"), QStringLiteral("m") },
            { QStringLiteral("error"), QStringLiteral("overloaded") } },
        QJsonObject { { QStringLiteral("event"), QStringLiteral("error") },
            { QStringLiteral("error"), QJsonObject { { QStringLiteral("message"), QStringLiteral("sandbox lost") } } } }
    };
    const qint64 sampleId = importSample(QStringLiteral("errors"), events);
    QVERIFY(sampleId > 0);
    QCOMPARE(passCurve(*m_store.transcript(sampleId), PriceTable()).errors, (std::vector<int> { 1, 2, 3 }));
    SqliteStatement plan(
        StoreConnection::of(m_store), (QByteArray("EXPLAIN QUERY PLAN ") + StoreSchema::marksQuery).constData());
    plan.bind(1, sampleId);
    QString steps;
    while (plan.step())
        steps += plan.text(3);
    QVERIFY2(steps.contains(QLatin1String("events_by_sample (sample_id=? AND seq=?)")), qPrintable(steps));
    QVERIFY2(!steps.contains(QLatin1String("SCAN events")), qPrintable(steps));
}

void TestReplay::summariesShowAttachments()
{
    // A tool call whose file content Inspect moved to the sample's attachments.
    const QString hash = QStringLiteral("0123456789abcdef0123456789abcdef");
    const QJsonArray events { toolEvent(QStringLiteral("write_file attachment://") + hash, QStringLiteral("ok")) };
    const qint64 sampleId = importSample(QStringLiteral("attached"), events,
        QJsonObject { { hash, QStringLiteral("fn main() {\n    println!(\"quokka\");\n}") } });
    QVERIFY(sampleId > 0);
    // The store keeps the reference; the line a reader gets shows the file, on one line.
    SqliteStatement stored(StoreConnection::of(m_store), "SELECT summary FROM events WHERE sample_id = ?");
    stored.bind(1, sampleId);
    QVERIFY(stored.step());
    QVERIFY(stored.text(0).contains(QLatin1String("attachment://") + hash));
    TranscriptModel model(m_store, sampleId);
    QCOMPARE(model.rowCount(), 1);
    const QString line = model.data(model.index(0, TranscriptModel::Summary)).toString();
    QVERIFY2(line.contains(QLatin1String(R"(fn main() { println!("quokka"); })")), qPrintable(line));
    QVERIFY(!line.contains(QLatin1String("attachment://")));
    QVERIFY(model.rowText(0).contains(QLatin1String("quokka")));
}

void TestReplay::viewMovesThroughTheRun()
{
    ReplayView view(m_store, m_sampleId);
    view.resize(1200, 700);
    QCOMPARE(view.currentStep(), 0);
    QVERIFY(view.jumpToNext(ReplayView::Jump::PassChange));
    QCOMPARE(view.currentStep(), 3500);
    QVERIFY(view.jumpToNext(ReplayView::Jump::Compaction));
    QCOMPARE(view.currentStep(), 3501);
    QVERIFY(view.jumpToNext(ReplayView::Jump::PassChange));
    QCOMPARE(view.currentStep(), 3502);
    view.goToStep(350);
    QCOMPARE(view.currentStep(), 350);
    QVERIFY(!view.jumpToNext(ReplayView::Jump::Error));
}

void TestReplay::viewShowsTestsOverTime()
{
    ReplayView view(m_store, m_sampleId);
    view.resize(1200, 700);
    // The event table is named, the one a benchmark scrolls when the conversation is not shown; the tests over time
    // are another table.
    QVERIFY(qobject_cast<TranscriptModel*>(view.findChild<QTableView*>(QStringLiteral("events"))->model()));
    QTableView* matrix = nullptr;
    for (QTableView* table : view.findChildren<QTableView*>())
        matrix = qobject_cast<TestMatrixModel*>(table->model()) ? table : matrix;
    QVERIFY(matrix);
    if (!matrix)
        return;
    // Read when first shown.
    QCOMPARE(matrix->model()->rowCount(), 0);
    view.showTests();
    QCOMPARE(matrix->model()->rowCount(), 2);
    QCOMPARE(matrix->model()->columnCount(), 1);
    QCOMPARE(matrix->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("3503"));
    QCOMPARE(matrix->model()->headerData(1, Qt::Vertical).toString(), QStringLiteral("TestB"));
    QCOMPARE(matrix->model()->index(1, 0).data().toString(), QStringLiteral("\u2713"));
    auto noteSays = [&view](const QString& text) {
        for (const QLabel* label : view.findChildren<QLabel*>()) {
            if (label->text() == text)
                return true;
        }
        return false;
    };
    QVERIFY(noteSays(QStringLiteral("2 tests over 1 test runs; 0 results disagree with a re-execution (marked !); "
                                    "select a test to see where it changed")));
    // A click on a result moves the transcript to its test run and says where the test changed.
    emit matrix->clicked(matrix->model()->index(1, 0));
    QCOMPARE(view.currentStep(), 3503);
    QVERIFY(noteSays(QStringLiteral("TestB never changed")));
}

void TestReplay::stepPositions()
{
    using Axis = StepPositions::Axis;
    // Four steps, 0, 0.5, 2 and 2.5 hours into the working time; dollars spent after steps 0 and 2.
    const StepPositions positions(3, { 0, 1800, 7200, 9000 }, { { 0, 0.5 }, { 2, 1.5 } });
    QCOMPARE(positions.position(Axis::Step, 2), 2.0);
    QCOMPARE(positions.position(Axis::Step, INT_MAX), 3.0);
    QCOMPARE(positions.position(Axis::Time, 1), 0.5);
    QCOMPARE(positions.position(Axis::Cost, 1), 0.5);
    QCOMPARE(positions.position(Axis::Cost, 3), 1.5);
    QCOMPARE(positions.position(Axis::Time, 99), 2.5); // past the last step: where the last stands
    QCOMPARE(positions.end(Axis::Step), 3.0);
    QCOMPARE(positions.end(Axis::Time), 2.5);
    QCOMPARE(positions.end(Axis::Cost), 1.5);
    QCOMPARE(positions.firstStepAt(Axis::Step, 1.6), 2);
    QCOMPARE(positions.firstStepAt(Axis::Time, 1.0), 2);
    QCOMPARE(positions.firstStepAt(Axis::Cost, 1.0), 2);
    QCOMPARE(positions.firstStepAt(Axis::Time, 10.0), 3);
    QCOMPARE(positions.nearestStep(Axis::Cost, 1.4), 2);
    QCOMPARE(positions.nearestStep(Axis::Time, 0.6), 1); // hours against hours: 0.5 h is nearer than 2 h
    QCOMPARE(positions.nearestStep(Axis::Step, 2.4), 2);
    // Without working times only the step axis is known; the others stand at zero and end at one.
    const StepPositions stepsOnly(0, {}, {});
    QCOMPARE(stepsOnly.end(Axis::Step), 1.0);
    QCOMPARE(stepsOnly.position(Axis::Cost, 5), 0.0);
    QCOMPARE(stepsOnly.end(Axis::Time), 1.0);
}

void TestReplay::compareScrubsTogether()
{
    qint64 other = 0; // the run with four steps
    for (const SampleRow& sample : m_store.samples())
        other = sample.task == QLatin1String("errors") ? sample.id : other;
    QVERIFY(other > 0);
    CompareView compare(m_store, m_sampleId, other);
    compare.setAxis(ReplayView::Axis::Step);
    compare.first()->goToStep(2);
    QCOMPARE(compare.second()->currentStep(), 2); // linked: the other run follows on the shared axis
    compare.setLinked(false);
    compare.first()->goToStep(3);
    QCOMPARE(compare.second()->currentStep(), 2);
}

void TestReplay::findRunsOffTheWindowsThread()
{
    // Three model calls, each reading a message of its own (steps 1, 3 and 5).
    QJsonArray events;
    for (const char* text : { "count the wombats", "feed the llamas", "count the llamas" }) {
        events.append(
            QJsonObject { { QStringLiteral("event"), QStringLiteral("info") }, { QStringLiteral("data"), 0 } });
        events.append(QJsonObject { { QStringLiteral("event"), QStringLiteral("model") },
            { QStringLiteral("model"), QStringLiteral("m") },
            { QStringLiteral("input"),
                QJsonArray { QJsonObject { { QStringLiteral("role"), QStringLiteral("user") },
                    { QStringLiteral("content"), QString::fromLatin1(text) } } } },
            { QStringLiteral("output"), QJsonObject() } });
    }
    const qint64 sample = importSample(QStringLiteral("find"), events);
    QVERIFY(sample > 0);
    QString error;
    QVERIFY2(m_store.indexMessages({}, &error), qPrintable(error));
    QCOMPARE(m_store.transcript(sample)->find(QStringLiteral("llamas")), (std::vector<int> { 3, 5 }));

    ReplayView view(m_store, sample);
    auto* find = view.findChild<QLineEdit*>(QStringLiteral("find"));
    auto* pane = view.findChild<TranscriptPane*>();
    QVERIFY(find && pane);
    QSignalSpy moved(pane, &TranscriptPane::findMoved);
    QSignalSpy failed(pane, &TranscriptPane::findFailed);
    // Enter returns before the steps are found, on the finder's thread; the replay moves when they are.
    find->setText(QStringLiteral("llamas"));
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(moved.count(), 0);
    QVERIFY(moved.wait(10000));
    QCOMPARE(view.currentStep(), 3);
    // Found already: the next Enter moves at once.
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(moved.count(), 2);
    QCOMPARE(view.currentStep(), 5);
    // New words stop the find under way: the replay moves to theirs only.
    find->setText(QStringLiteral("wombats"));
    QTest::keyClick(find, Qt::Key_Return);
    find->setText(QStringLiteral("feed"));
    QTest::keyClick(find, Qt::Key_Return);
    QVERIFY(moved.wait(10000));
    QTest::qWait(300); // long enough for a stray result of the first words to arrive
    QCOMPARE(moved.count(), 3);
    QCOMPARE(view.currentStep(), 3);
    // Words in no message say so.
    find->setText(QStringLiteral("zebras"));
    QTest::keyClick(find, Qt::Key_Return);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.back().front().toString().contains(QLatin1String("zebras")));
    QCOMPARE(view.currentStep(), 3);
}

QTEST_MAIN(TestReplay)
#include "tst_replay.moc"
