// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/edithistory.h"
#include "analysis/runanatomy.h"
#include "analysis/testmatrix.h"
#include "mirrorcodesynth.h"
#include "store/importer.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "workflow/anatomysummaries.h"
#include "workflow/importsession.h"
#include "workflow/transcriptanalysis.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

// The run anatomy: on a run written by hand, on the generator's runs against what it planted (exactly where exact),
// read as the report reads it (what the edits' texts show kept by the import, else on first asking), and on the real
// logs (a report for every sample, its counts those of the log).
class TestAnatomy : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void handWrittenRun();
    void testsThatBroke();
    void editsThatUndo();
    void activities_data();
    void activities();
    void generatedRunsMatchTheirTruth();
    void keptAsComputed();
    void reportJsonKeysAndNames();
    void realLogs();

private:
    QTemporaryDir m_dir;
    Store m_store;
    QString m_storePath;
};

namespace {
EventRow eventRow(int seq, const char* type, double workingStart, const QString& summary = {}, double cost = notANumber)
{
    EventRow row;
    row.seq = seq;
    row.type = QString::fromLatin1(type);
    row.workingStart = workingStart;
    row.summary = summary;
    row.loggedCost = cost;
    return row;
}

PassPoint point(int seq, double workingStart, double heldOut)
{
    return { seq, workingStart, 0, heldOut, heldOut };
}

const ActivityShare* share(const std::vector<ActivityShare>& shares, const char* name)
{
    for (const ActivityShare& s : shares) {
        if (s.name == QLatin1String(name))
            return &s;
    }
    return nullptr;
}

QString sampleName(const QString& truthPath)
{
    const QString base = QFileInfo(truthPath).completeBaseName();
    return base.left(base.lastIndexOf(QLatin1String("_epoch")));
}
}

void TestAnatomy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // One demo model, one epoch: 25 runs with plateaus, regressions, loops, compactions and a limited run.
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("demo"));
    options.epochs = 1;
    options.models = { QStringLiteral("openai/gpt-5.5") };
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    m_storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(m_store.open(m_storePath));
    // Imported as the command line imports, keeping the anatomy of every sample however short (the demo's runs are
    // far below the bound of the long samples).
    ImportSession session(m_store);
    session.setAnatomyEvents(0);
    const ImportSummary imported = session.run(report.files, {});
    QCOMPARE(imported.imported, int(report.files.size()));
    QVERIFY2(imported.anatomyError.isEmpty(), qPrintable(imported.anatomyError));
    QCOMPARE(imported.anatomies, 25);
}

void TestAnatomy::handWrittenRun()
{
    // Tests at 1 (0.2), then an edit of a.py at 3 breaks them (5: 0.1); they stay broken (7, 10), run with no edit
    // between: a plateau from 1 to the end, a regression with its edit, a loop, and a compaction at 8.
    RunAnatomy anatomy({}, ActivityPatterns::standard());
    anatomy.setScores(
        { point(1, 1, 0.2), point(5, 21, 0.1), point(7, 31, 0.1), point(10, 41, 0.1) }, QStringLiteral("score events"));
    const QString tests = QStringLiteral(R"(bash {"cmd":"./run_tests.sh tests/visible"})");
    const QString compaction = QChar(0x1e) + QStringLiteral("compaction") + QChar(0x1f) + QStringLiteral("summary")
        + QChar(0x1f) + QStringLiteral("1000") + QChar(0x1f) + QStringLiteral("100");
    const std::vector<EventRow> events { eventRow(0, "model", 0, {}, 1), eventRow(1, "tool", 1, tests),
        eventRow(2, "model", 10, {}, 2),
        eventRow(3, "tool", 11, QStringLiteral(R"(text_editor {"command":"str_replace","path":"a.py","old_str":"x"})")),
        eventRow(4, "model", 20, {}, 3), eventRow(5, "tool", 21, tests), eventRow(6, "model", 30, {}, 4),
        eventRow(7, "tool", 31, tests), eventRow(8, "compaction", 35, compaction), eventRow(9, "model", 40, {}, 5),
        eventRow(10, "tool", 41, tests), eventRow(11, "span_end", 50) };
    for (const EventRow& row : events)
        anatomy.addEvent(row);
    SampleRow sample;
    sample.solved = 0;
    const Anatomy result = anatomy.finish(sample);
    QCOMPARE(result.events, 12);
    QCOMPARE(result.modelCalls, 5);
    QCOMPARE(result.bestStep, 1);
    QCOMPARE(result.stepsAfterLastGain, 10);
    QCOMPARE(result.workingTimeAfterLastGain, 49.0);
    QCOMPARE(result.costAfterLastGain, 14.0);
    QCOMPARE(result.cost, 15.0);
    QCOMPARE(result.plateaus.size(), size_t(1));
    QCOMPARE(result.plateaus[0].fromStep, 1);
    QCOMPARE(result.plateaus[0].toStep, 10);
    QCOMPARE(result.plateaus[0].testRuns, 3);
    QVERIFY(!result.plateaus[0].ended);
    QCOMPARE(result.plateaus[0].editedFiles, QStringList { QStringLiteral("a.py") });
    QCOMPARE(result.plateaus[0].repeatedCommands.size(), size_t(1));
    QCOMPARE(result.plateaus[0].repeatedCommands[0].count, 3);
    QCOMPARE(result.regressions.size(), size_t(1));
    QCOMPARE(result.regressions[0].fromStep, 1);
    QCOMPARE(result.regressions[0].toStep, 5);
    QCOMPARE(result.regressions[0].editSteps, std::vector<int> { 3 });
    QCOMPARE(result.loops.size(), size_t(1));
    QCOMPARE(result.loops[0].firstStep, 5);
    QCOMPARE(result.loops[0].lastStep, 10);
    QCOMPARE(result.loops[0].runs, 3);
    QCOMPARE(result.compactions.size(), size_t(1));
    QCOMPARE(result.compactions[0].tokensBefore, qint64(1000));
    QCOMPARE(result.compactions[0].tokensAfter, qint64(100));
    QCOMPARE(result.compactions[0].passBefore, 0.1);
    const ActivityShare* running = share(result.activities, "running_tests");
    const ActivityShare* editing = share(result.activities, "editing");
    QVERIFY(running && editing);
    QCOMPARE(running->turns, 4);
    QCOMPARE(running->workingTime, 40.0);
    QCOMPARE(running->cost, 13.0);
    QCOMPARE(editing->turns, 1);
    QCOMPARE(editing->cost, 2.0);
}

void TestAnatomy::testsThatBroke()
{
    // a passes at 10, fails at 20, passes at 30, fails at 40: two breaks; b never passes; c always does.
    TestMatrixBuilder builder(TestOutputParser::standard());
    std::vector<TestCounts> counts;
    const std::pair<int, const char*> runs[] = { { 10, "PASS a\nFAIL b\nPASS c\n2 passed, 1 failed\n" },
        { 20, "FAIL a\nFAIL b\nPASS c\n1 passed, 2 failed\n" }, { 30, "PASS a\nFAIL b\nPASS c\n2 passed, 1 failed\n" },
        { 40, "FAIL a\nFAIL b\nPASS c\n1 passed, 2 failed\n" } };
    for (const auto& [seq, output] : runs) {
        const ToolOutput tool { seq, 0, QString::fromLatin1(output) };
        builder.addToolOutput(tool);
        counts.push_back(*TestOutputParser::standard().parse(tool.output));
    }
    TestHistory history = testHistory(builder.matrix(), counts);
    QVERIFY(history.named);
    QCOMPARE(history.runs, 4);
    QCOMPARE(history.total, 3);
    QCOMPARE(history.bestPassed, 2);
    QCOMPARE(history.finalPassed, 1);
    QCOMPARE(history.neverPassed, QStringList { QStringLiteral("b") });
    QCOMPARE(history.broke.size(), size_t(2));
    QCOMPARE(history.broke[0].test, QStringLiteral("a"));
    QCOMPARE(history.broke[0].passedStep, 10);
    QCOMPARE(history.broke[0].brokeStep, 20);
    QCOMPARE(history.broke[0].fixedStep, 30);
    QCOMPARE(history.broke[1].brokeStep, 40);
    QCOMPARE(history.broke[1].fixedStep, -1);
    // Through a plateau: the tests its test runs ran and never passed. After 10 up to 20, a failed (its one run);
    // after 10 up to 30, a passed again; b failed through every stretch; before the first run, nothing ran.
    const TestMatrix matrix = builder.matrix();
    QCOMPARE(testsFailingThroughout(matrix, 10, 20), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
    QCOMPARE(testsFailingThroughout(matrix, 10, 30), QStringList { QStringLiteral("b") });
    QCOMPARE(testsFailingThroughout(matrix, 0, 40), QStringList { QStringLiteral("b") });
    QVERIFY(testsFailingThroughout(matrix, 0, 5).isEmpty());
    // Output that names only some of the failures it counts gives counts alone.
    TestMatrixBuilder partial(TestOutputParser::standard());
    const ToolOutput some { 5, 0, QStringLiteral("FAIL x (stdout differs)\n7 passed, 3 failed\n") };
    partial.addToolOutput(some);
    history = testHistory(partial.matrix(), { *TestOutputParser::standard().parse(some.output) });
    QVERIFY(!history.named);
    QVERIFY(history.neverPassed.isEmpty() && history.broke.empty());
    QCOMPARE(history.total, 10);
    QCOMPARE(history.bestPassed, 7);
}

void TestAnatomy::editsThatUndo()
{
    EditHistory history;
    history.addEdit(1, QStringLiteral("a.py"), "x\ny\n");
    history.addTestRun(2);
    history.addEdit(3, QStringLiteral("a.py"), "x\nz\n", QStringLiteral("y"), QStringLiteral("z"));
    history.addEdit(4, QStringLiteral("b.py"), "one line");
    history.addEdit(5, QStringLiteral("a.py"), "x\nz\nw\n");
    history.addTestRun(6);
    // Swaps back the edit at 3 with another line since: its texts inverted, the file not as it was.
    history.addEdit(7, QStringLiteral("a.py"), "x\ny\nw\n", QStringLiteral("z"), QStringLiteral("y"));
    // Removes w: the file as it was before the edit at 3.
    history.addEdit(8, QStringLiteral("a.py"), "x\ny\n");
    history.addTestRun(9);
    QCOMPARE(history.undoEdits().size(), size_t(2));
    QCOMPARE(history.undoEdits()[0].step, 7);
    QCOMPARE(history.undoEdits()[0].undoesStep, 3);
    QVERIFY(!history.undoEdits()[0].restores);
    QCOMPARE(history.undoEdits()[1].step, 8);
    QCOMPARE(history.undoEdits()[1].undoesStep, 3);
    QVERIFY(history.undoEdits()[1].restores);
    QCOMPARE(history.codeGrowth().size(), size_t(3));
    QCOMPARE(history.codeGrowth()[0].lines, qint64(2));
    QCOMPARE(history.codeGrowth()[1].lines, qint64(4));
    QCOMPARE(history.codeGrowth()[2].lines, qint64(3));
}

void TestAnatomy::activities_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("activity");
    auto row = [](const char* name, const char* function, const char* arguments, const char* activity) {
        QTest::newRow(name) << QString::fromLatin1(function) << QString::fromLatin1(arguments)
                            << QString::fromLatin1(activity);
    };
    row("tests", "bash", R"({"cmd":"cd /w && ./run_tests.sh tests/visible"})", "running_tests");
    row("pytest", "bash", R"({"cmd":"python -m pytest -q"})", "running_tests");
    row("probe", "bash", R"({"cmd":"./reference --width 3 a.txt"})", "probing_reference");
    row("piped probe", "bash", R"({"cmd":"printf %s \"x\" | ./reference 'a'"})", "probing_reference");
    row("docs", "bash", R"({"cmd":"cat docs/README.md"})", "reading_docs");
    row("view", "text_editor", R"({"command":"view","path":"/w/src/main.rs"})", "viewing_code");
    row("cat source", "bash", R"({"cmd":"head -50 src/main.go"})", "viewing_code");
    row("edit", "text_editor", R"({"command":"str_replace","path":"/w/main.py","old_str":"a","new_str":"b"})",
        "editing");
    row("create", "text_editor", R"({"command":"create","path":"/w/main.py","file_text":"x"})", "editing");
    row("sed -i", "bash", R"({"cmd":"sed -i 's/a/b/' main.py"})", "editing");
    row("listing", "bash", R"({"cmd":"ls -la"})", "other");
    row("test's command file", "bash", R"({"cmd":"cat tests/visible/t1/cmd"})", "other");
}

void TestAnatomy::activities()
{
    QFETCH(QString, function);
    QFETCH(QString, arguments);
    QFETCH(QString, activity);
    ActivityPatterns patterns = ActivityPatterns::standard();
    QCOMPARE(patterns.keys().value(patterns.classify(function, arguments)), activity);
}

namespace {
void compareCounts(const Anatomy& a, const QJsonObject& truth)
{
    QCOMPARE(a.events, truth.value(QLatin1String("events")).toInt());
    QCOMPARE(a.modelCalls, truth.value(QLatin1String("model_calls")).toInt());
    QCOMPARE(a.toolErrors, 0);
    const QJsonObject tools = truth.value(QLatin1String("tool_calls")).toObject();
    QCOMPARE(int(a.toolCalls.size()), int(tools.size()));
    for (const auto& [function, count] : a.toolCalls)
        QCOMPARE(count, tools.value(function).toInt());
    // Compactions and every test run at their steps, tokens and fractions to the bit.
    const QJsonArray compactions = truth.value(QLatin1String("compactions")).toArray();
    QCOMPARE(int(a.compactions.size()), int(compactions.size()));
    for (size_t i = 0; i < a.compactions.size(); ++i) {
        const QJsonObject c = compactions[qsizetype(i)].toObject();
        QCOMPARE(a.compactions[i].step, c.value(QLatin1String("step")).toInt());
        QCOMPARE(a.compactions[i].tokensBefore, qint64(c.value(QLatin1String("tokens_before")).toInteger()));
        QCOMPARE(a.compactions[i].tokensAfter, qint64(c.value(QLatin1String("tokens_after")).toInteger()));
    }
    const QJsonArray scores = truth.value(QLatin1String("score_events")).toArray();
    QCOMPARE(int(a.scores.size()), int(scores.size()));
    for (size_t i = 0; i < a.scores.size(); ++i) {
        const QJsonObject s = scores[qsizetype(i)].toObject();
        QCOMPARE(a.scores[i].seq, s.value(QLatin1String("step")).toInt());
        QCOMPARE(a.scores[i].visible, s.value(QLatin1String("visible")).toDouble());
        QCOMPARE(a.scores[i].heldOut, s.value(QLatin1String("held_out")).toDouble());
    }
}

void compareStalls(const Anatomy& a, const QJsonObject& truth)
{
    QCOMPARE(a.bestStep, truth.value(QLatin1String("best")).toObject().value(QLatin1String("step")).toInt());
    const QJsonObject after = truth.value(QLatin1String("after_last_gain")).toObject();
    QCOMPARE(a.stepsAfterLastGain, after.value(QLatin1String("steps")).toInt());
    QVERIFY(std::abs(a.costAfterLastGain - after.value(QLatin1String("cost_usd")).toDouble()) < 1e-4);
    QVERIFY(std::abs(a.workingTimeAfterLastGain - after.value(QLatin1String("working_time_s")).toDouble()) < 0.01);
    const QJsonArray plateaus = truth.value(QLatin1String("plateaus")).toArray();
    QCOMPARE(int(a.plateaus.size()), int(plateaus.size()));
    for (size_t i = 0; i < a.plateaus.size(); ++i) {
        const QJsonObject p = plateaus[qsizetype(i)].toObject();
        QCOMPARE(a.plateaus[i].fromStep, p.value(QLatin1String("from_step")).toInt());
        QCOMPARE(a.plateaus[i].toStep, p.value(QLatin1String("to_step")).toInt());
        QCOMPARE(a.plateaus[i].testRuns, p.value(QLatin1String("test_runs")).toInt());
    }
    const QJsonArray regressions = truth.value(QLatin1String("regressions")).toArray();
    QCOMPARE(int(a.regressions.size()), int(regressions.size()));
    for (size_t i = 0; i < a.regressions.size(); ++i) {
        const QJsonObject r = regressions[qsizetype(i)].toObject();
        QCOMPARE(a.regressions[i].fromStep, r.value(QLatin1String("from_step")).toInt());
        QCOMPARE(a.regressions[i].toStep, r.value(QLatin1String("to_step")).toInt());
        QCOMPARE(a.regressions[i].heldOutAfter, r.value(QLatin1String("held_out_after")).toDouble());
        std::vector<int> edits;
        for (const QJsonValue step : r.value(QLatin1String("edit_steps")).toArray())
            edits.push_back(step.toInt());
        QCOMPARE(a.regressions[i].editSteps, edits);
    }
    const QJsonArray loops = truth.value(QLatin1String("loops")).toArray();
    QCOMPARE(int(a.loops.size()), int(loops.size()));
    for (size_t i = 0; i < a.loops.size(); ++i) {
        const QJsonObject l = loops[qsizetype(i)].toObject();
        QCOMPARE(a.loops[i].firstStep, l.value(QLatin1String("first_step")).toInt());
        QCOMPARE(a.loops[i].lastStep, l.value(QLatin1String("last_step")).toInt());
        QCOMPARE(a.loops[i].runs, l.value(QLatin1String("runs")).toInt());
    }
}

/// The tests that never passed and broke (named where the output names every test, else counts), the edits that undo
/// earlier ones, and the lines of code at each test run, as planted.
void compareTestsAndEdits(const Anatomy& a, const QJsonObject& truth)
{
    const QJsonObject tests = truth.value(QLatin1String("tests")).toObject();
    QCOMPARE(a.tests.named, tests.value(QLatin1String("named")).toBool());
    QCOMPARE(a.tests.runs, tests.value(QLatin1String("runs")).toInt());
    QCOMPARE(a.tests.total, tests.value(QLatin1String("total")).toInt());
    QCOMPARE(a.tests.bestPassed, tests.value(QLatin1String("best_passed")).toInt());
    QCOMPARE(a.tests.finalPassed, tests.value(QLatin1String("final_passed")).toInt());
    QStringList never;
    for (const QJsonValue test : tests.value(QLatin1String("never_passed")).toArray())
        never << test.toString();
    QCOMPARE(a.tests.neverPassed, never);
    const QJsonArray broke = tests.value(QLatin1String("broke")).toArray();
    QCOMPARE(int(a.tests.broke.size()), int(broke.size()));
    for (size_t i = 0; i < a.tests.broke.size(); ++i) {
        const QJsonObject b = broke[qsizetype(i)].toObject();
        QCOMPARE(a.tests.broke[i].test, b.value(QLatin1String("test")).toString());
        QCOMPARE(a.tests.broke[i].passedStep, b.value(QLatin1String("passed_step")).toInt());
        QCOMPARE(a.tests.broke[i].brokeStep, b.value(QLatin1String("broke_step")).toInt());
        QCOMPARE(a.tests.broke[i].fixedStep, b.value(QLatin1String("fixed_step")).toInt(-1));
    }
    const QJsonArray undone = truth.value(QLatin1String("undo_edits")).toArray();
    QCOMPARE(int(a.undoEdits.size()), int(undone.size()));
    for (size_t i = 0; i < a.undoEdits.size(); ++i) {
        const QJsonObject u = undone[qsizetype(i)].toObject();
        QCOMPARE(a.undoEdits[i].step, u.value(QLatin1String("step")).toInt());
        QCOMPARE(a.undoEdits[i].undoesStep, u.value(QLatin1String("undoes_step")).toInt());
    }
    const QJsonArray growth = truth.value(QLatin1String("code_growth")).toArray();
    QCOMPARE(int(a.codeGrowth.size()), int(growth.size()));
    for (size_t i = 0; i < a.codeGrowth.size(); ++i) {
        const QJsonObject g = growth[qsizetype(i)].toObject();
        QCOMPARE(a.codeGrowth[i].step, g.value(QLatin1String("step")).toInt());
        QCOMPARE(a.codeGrowth[i].lines, qint64(g.value(QLatin1String("lines")).toInteger()));
    }
}

/// Each turn's activity as the generator meant it, not as the patterns guess it.
void compareActivities(const Anatomy& a, const QJsonObject& truth)
{
    const QJsonObject activities = truth.value(QLatin1String("activities")).toObject();
    int turns = 0;
    for (const ActivityShare& s : a.activities) {
        const QJsonObject t = activities.value(s.name).toObject();
        QVERIFY2(s.turns == t.value(QLatin1String("turns")).toInt(), qPrintable(s.name));
        QVERIFY2(std::abs(s.cost - t.value(QLatin1String("cost_usd")).toDouble()) < 1e-4, qPrintable(s.name));
        QVERIFY2(std::abs(s.workingTime - t.value(QLatin1String("working_time_s")).toDouble()) < 0.01 * (s.turns + 1),
            qPrintable(s.name));
        turns += s.turns;
    }
    QCOMPARE(turns, a.modelCalls);
}
}

void TestAnatomy::generatedRunsMatchTheirTruth()
{
    const std::vector<SampleRow> samples = m_store.samples();
    QDirIterator files(m_dir.filePath(QStringLiteral("demo/.truth")), { QStringLiteral("*.json") }, QDir::Files,
        QDirIterator::Subdirectories);
    int compared = 0, plateaus = 0, regressions = 0, loops = 0, compactions = 0, named = 0, counted = 0, broke = 0,
        never = 0, undone = 0, grown = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(file.readAll()).object();
        const auto sample = std::find_if(samples.begin(), samples.end(),
            [&](const SampleRow& row) { return row.sampleId == sampleName(path) && row.epoch == 1; });
        QVERIFY2(sample != samples.end(), qPrintable(path));
        // As the report reads it: the edits' findings read back from what the import kept.
        AnatomySummaries summaries(m_store, PriceTable::standard());
        const std::optional<Anatomy> anatomy = summaries.anatomy(*sample);
        QVERIFY2(anatomy, qPrintable(summaries.errorString()));
        QCOMPARE(summaries.computed(), 0);
        const Anatomy& a = *anatomy;
        compareCounts(a, truth);
        compareStalls(a, truth);
        compareActivities(a, truth);
        compareTestsAndEdits(a, truth);
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("against ") + path));
        ++compared;
        plateaus += int(a.plateaus.size());
        regressions += int(a.regressions.size());
        loops += int(a.loops.size());
        compactions += int(a.compactions.size());
        named += a.tests.named ? 1 : 0;
        counted += !a.tests.named && a.tests.runs > 0 ? 1 : 0;
        broke += int(a.tests.broke.size());
        never += int(a.tests.neverPassed.size());
        undone += int(a.undoEdits.size());
        grown += !a.codeGrowth.empty() && a.codeGrowth.back().lines > a.codeGrowth.front().lines ? 1 : 0;
    }
    QCOMPARE(compared, 25);
    // The demo plants each kind somewhere: a comparison of empty lists would prove nothing.
    QVERIFY(plateaus > 0 && regressions > 0 && loops > 0 && compactions > 0);
    qInfo("tests named in %d runs (%d breaks, %d never passed), counted in %d; %d edits undone; code grew in %d runs",
        named, broke, never, counted, undone, grown);
    QVERIFY(named > 0 && counted > 0 && never > 0 && undone > 0 && grown > 0);
}

void TestAnatomy::keptAsComputed()
{
    const std::vector<SampleRow> samples = m_store.samples();
    int compared = 0, undone = 0, diffLines = 0;
    for (const SampleRow& sample : samples) {
        AnatomySummaries summaries(m_store, PriceTable::standard());
        const std::optional<Anatomy> kept = summaries.anatomy(sample);
        QVERIFY(kept);
        QCOMPARE(summaries.computed(), 0);
        const std::unique_ptr<TranscriptQuery> transcript = m_store.transcript(sample.id);
        Anatomy fresh = runAnatomy(*transcript, sample, PriceTable::standard());
        followEdits(*transcript, fresh);
        QCOMPARE(kept->uncertainEdits, fresh.uncertainEdits);
        QCOMPARE(kept->undoEdits.size(), fresh.undoEdits.size());
        for (size_t i = 0; i < kept->undoEdits.size(); ++i) {
            QCOMPARE(kept->undoEdits[i].step, fresh.undoEdits[i].step);
            QCOMPARE(kept->undoEdits[i].undoesStep, fresh.undoEdits[i].undoesStep);
            QCOMPARE(kept->undoEdits[i].path, fresh.undoEdits[i].path);
            QCOMPARE(kept->undoEdits[i].restores, fresh.undoEdits[i].restores);
        }
        QCOMPARE(kept->codeGrowth.size(), fresh.codeGrowth.size());
        for (size_t i = 0; i < kept->codeGrowth.size(); ++i) {
            QCOMPARE(kept->codeGrowth[i].step, fresh.codeGrowth[i].step);
            QCOMPARE(kept->codeGrowth[i].lines, fresh.codeGrowth[i].lines);
        }
        QCOMPARE(kept->regressions.size(), fresh.regressions.size());
        for (size_t i = 0; i < kept->regressions.size(); ++i) {
            QCOMPARE(kept->regressions[i].diffLines, fresh.regressions[i].diffLines);
            diffLines += kept->regressions[i].diffLines > 0 ? 1 : 0;
        }
        ++compared;
        undone += int(kept->undoEdits.size());
    }
    QCOMPARE(compared, 25);
    QVERIFY(undone > 0 && diffLines > 0);

    // Other prices: nothing kept holds, so the first asking computes and keeps, and the next reads it back.
    PriceTable other = PriceTable::standard();
    ModelPrice price;
    price.input = price.output = 1000;
    other.setPrice(QStringLiteral("some/other-model"), price);
    AnatomySummaries first(m_store, other);
    const std::optional<Anatomy> computed = first.anatomy(samples.front());
    QVERIFY(computed);
    QCOMPARE(first.computed(), 1);
    AnatomySummaries second(m_store, other);
    const std::optional<Anatomy> read = second.anatomy(samples.front());
    QVERIFY(read);
    QCOMPARE(second.computed(), 0);
    QCOMPARE(read->codeGrowth.size(), computed->codeGrowth.size());
    QVERIFY(!read->codeGrowth.empty());
    QCOMPARE(read->codeGrowth.back().lines, computed->codeGrowth.back().lines);

    // The import's own bound: the demo's runs are short, so a default import keeps none of their anatomies.
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("default.sqlite"))));
    QDirIterator files(m_dir.filePath(QStringLiteral("demo")), { QStringLiteral("*.eval") }, QDir::Files);
    QStringList paths;
    while (files.hasNext())
        paths << files.next();
    const ImportSummary imported = ImportSession(store).run(paths, {});
    QCOMPARE(imported.imported, int(paths.size()));
    QCOMPARE(imported.anatomies, 0);
    QVERIFY(imported.anatomyError.isEmpty());
}

void TestAnatomy::reportJsonKeysAndNames()
{
    auto cli = [this](const QStringList& arguments, QByteArray* out, QByteArray* err) {
        QProcess process;
        process.start(QStringLiteral(RUNLENS_CLI),
            QStringList { QStringLiteral("report") } << arguments << QStringLiteral("--db") << m_storePath);
        process.waitForFinished(60000);
        *out = process.readAllStandardOutput();
        *err = process.readAllStandardError();
        return process.exitCode();
    };
    QByteArray out, err;
    QCOMPARE(cli({ QStringLiteral("pkl_rust"), QStringLiteral("--json") }, &out, &err), 0);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    for (const char* key : { "events", "model_calls", "tool_calls", "tool_errors", "compactions", "score_events",
             "final", "best", "after_last_gain", "plateaus", "regressions", "activities", "tests", "undo_edits",
             "code_growth", "uncertain_edits" })
        QVERIFY2(report.contains(QLatin1String(key)), key);
    // The activity band: stretches in step order, each to where the next begins, the last to the last step.
    const QJsonArray band = report.value(QLatin1String("activity_band")).toArray();
    QVERIFY(!band.isEmpty());
    for (qsizetype i = 0; i + 1 < band.size(); ++i) {
        QCOMPARE(band[i].toObject().value(QLatin1String("to_step")).toInt(),
            band[i + 1].toObject().value(QLatin1String("from_step")).toInt());
        QVERIFY(band[i].toObject().value(QLatin1String("activity"))
            != band[i + 1].toObject().value(QLatin1String("activity")));
    }
    QCOMPARE(band.last().toObject().value(QLatin1String("to_step")).toInt(),
        report.value(QLatin1String("last_step")).toInt());
    QCOMPARE(report.value(QLatin1String("code_growth")).toArray().size(),
        report.value(QLatin1String("score_events")).toArray().size());
    QVERIFY(report.value(QLatin1String("tool_calls")).isObject());
    QVERIFY(report.value(QLatin1String("final")).toObject().contains(QLatin1String("solved")));
    // The demo's long run is stopped by its limit.
    QVERIFY(!report.value(QLatin1String("final")).toObject().value(QLatin1String("limit")).toString().isEmpty());
    for (const QJsonValue compaction : report.value(QLatin1String("compactions")).toArray()) {
        for (const char* key : { "step", "tokens_before", "tokens_after" })
            QVERIFY2(compaction.toObject().contains(QLatin1String(key)), key);
    }
    // A name that no sample of that epoch has is an error listing the samples of that name.
    QCOMPARE(cli({ QStringLiteral("pkl_rust"), QStringLiteral("--epoch"), QStringLiteral("2") }, &out, &err), 2);
    QVERIFY2(err.contains("model openai/gpt-5.5  epoch 1"), err.constData());
    QCOMPARE(cli({ QStringLiteral("no_such_sample") }, &out, &err), 2);
    QVERIFY2(err.contains("no_such_sample"), err.constData());
    // The one-page reports.
    const QString html = m_dir.filePath(QStringLiteral("report.html"));
    QCOMPARE(cli({ QStringLiteral("pkl_rust"), QStringLiteral("--out"), html }, &out, &err), 0);
    QFile page(html);
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QByteArray text = page.readAll();
    QVERIFY(text.contains("<svg") && text.contains("<h1>Run report: pkl_rust</h1>") && text.contains("<table>"));
}

void TestAnatomy::realLogs()
{
    const QDir fixtures(QStringLiteral(RUNLENS_FIXTURES_DIR));
    if (!fixtures.exists())
        QSKIP("the shared Inspect logs (../shared/fixtures/inspect beside the checkout) are absent");
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("fixtures.sqlite"))));
    for (const QString& name : fixtures.entryList({ QStringLiteral("*.eval"), QStringLiteral("*.json") }, QDir::Files))
        Importer(store).importFile(fixtures.filePath(name));
    int samples = 0, withEvents = 0;
    for (const SampleRow& sample : store.samples()) {
        const std::unique_ptr<TranscriptQuery> transcript = store.transcript(sample.id);
        // As the report reads it: here, nothing kept, computed on first asking.
        const std::optional<Anatomy> anatomy = AnatomySummaries(store, PriceTable::standard()).anatomy(sample);
        QVERIFY(anatomy);
        const Anatomy& a = *anatomy;
        QCOMPARE(a.codeGrowth.size(), a.scores.size());
        auto countOf = [&](const char* type) {
            transcript->setType(QString::fromLatin1(type));
            return transcript->count();
        };
        QCOMPARE(a.modelCalls, countOf("model"));
        QCOMPARE(int(a.compactions.size()), countOf("compaction"));
        int tools = 0, turns = 0;
        for (const auto& [function, count] : a.toolCalls)
            tools += count;
        QCOMPARE(tools, countOf("tool"));
        transcript->setType({});
        QCOMPARE(a.events, transcript->count());
        QCOMPARE(a.lastStep, transcript->lastStep());
        for (const ActivityShare& s : a.activities)
            turns += s.turns;
        QCOMPARE(turns, a.modelCalls);
        ++samples;
        withEvents += a.events > 0 ? 1 : 0;
    }
    QVERIFY(samples > 0 && withEvents > 0);
}

QTEST_GUILESS_MAIN(TestAnatomy)
#include "tst_anatomy.moc"
