#include "store/importer.h"
#include "store/store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

namespace {
QString fixture(const char* name)
{
    return QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).filePath(QString::fromLatin1(name));
}

#define REQUIRE_FIXTURES()                                                                                             \
    if (!QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).exists())                                                          \
    QSKIP("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent.")
}

class TestImporter : public QObject {
    Q_OBJECT
private slots:
    void init();
    void fixtureImports_data();
    void fixtureImports();
    void failuresNameTheFault_data();
    void failuresNameTheFault();
    void evalAndJsonAgree();
    void reimportIsSkipped();

private:
    QTemporaryDir m_dir;
    Store m_store;
};

void TestImporter::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("store.sqlite")));
    QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))), qPrintable(m_store.errorString()));
    m_store.db().exec("DELETE FROM files");
}

void TestImporter::fixtureImports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("samples");
    QTest::addColumn<double>("accuracy"); // as the fixtures' README reports it; NaN: unscored
    const double nan = std::nan("");
    QTest::newRow("log_formats.eval") << fixture("log_formats.eval") << 1 << 0.0;
    QTest::newRow("log_formats.json") << fixture("log_formats.json") << 1 << 0.0;
    QTest::newRow("log_read_sample.eval") << fixture("log_read_sample.eval") << 1 << 1.0;
    QTest::newRow("log_read_sample.json") << fixture("log_read_sample.json") << 1 << 1.0;
    QTest::newRow("log_streaming.eval") << fixture("log_streaming.eval") << 4 << 0.75;
    QTest::newRow("log_message_deduplication.eval") << fixture("log_message_deduplication.eval") << 1 << 0.0;
    QTest::newRow("retry-2-then-success.eval") << fixture("retry-2-then-success.eval") << 1 << nan;
    QTest::newRow("log_tool_call_error.json") << fixture("log_tool_call_error.json") << 1 << nan;
    QTest::newRow("log_images.json") << fixture("log_images.json") << 1 << nan;
    QTest::newRow("log_with_nan.txt") << fixture("log_with_nan.txt") << 0 << nan;
    QTest::newRow("log_version_2.txt") << fixture("log_version_2.txt") << 0 << nan;
    QTest::newRow("no-samples") << fixture("2025-05-12T20-28-13-04-00_no-samples.json") << 0 << nan;
    QTest::newRow("popularity.json") << fixture("2025-05-12T20-28-13-04-00_popularity.json") << 3 << 2.0 / 3.0;
    QTest::newRow("security-guide.json") << fixture("2025-05-12T20-28-26-04-00_security-guide.json") << 3 << 1.0;
    QTest::newRow("unscored.eval") << fixture("2025-02-11T15-17-00-05-00_popularity_dPiJifoWeEQBrfWsAopzWr.eval") << 10
                                   << nan;
    QTest::newRow("scored.eval") << fixture("2025-02-11T15-18-04-05-00_popularity_mj7khqpMM4GBCfVQozKgzB.eval") << 10
                                 << 0.8;
    QTest::newRow("input-task.json") << fixture("2024-11-05T13-31-45-05-00_input-task_8zXjbRzCWrL9GXiXo2vus9.json") << 1
                                     << 1.0;
    QTest::newRow("input-task.eval") << fixture("2024-11-05T13-32-37-05-00_input-task_hxs4q9azL3ySGkjJirypKZ.eval") << 1
                                     << 1.0;
    QTest::newRow("header-only.json") << fixture("2024-08-29T15-11-17+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json") << 0
                                      << nan;
    QTest::newRow("mmlu.eval") << fixture("mmlu-summary-choices.eval") << 1 << nan;
    QTest::newRow("gpt-5.eval") << fixture("2025-09-15T15-02-26-04-00_popularity_L8g2GLGDDfsiXvdJ8LyZNJ.eval") << 100
                                << 0.52;
    QTest::newRow("sonnet.eval") << fixture("2025-09-15T15-02-26-04-00_popularity_LthYhadZHuQjsMYHHKRep2.eval") << 100
                                 << 0.57;
    QTest::newRow("gemini.eval") << fixture("2025-09-15T15-02-26-04-00_popularity_eF3BogZE3jzpiWBjjDWbik.eval") << 100
                                 << 0.66;
    QTest::newRow("single.eval") << fixture("2025-09-12T11-41-56-04-00_popularity_HdSVrmTDEge636qZ2op64f.eval") << 1
                                 << nan;
    QTest::newRow("gpt-4o-mini.eval") << fixture("2025-09-23T08-09-58-04-00_popularity_DN2wbX2ZvACsBpjwptzBRo.eval")
                                      << 100 << 0.63;
    QTest::newRow("security-guide.eval")
        << fixture("2025-09-23T08-09-58-04-00_security-guide_LuxZJVwvymC3S3SyoJczxB.eval") << 16 << 0.6875;
}

void TestImporter::fixtureImports()
{
    REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(int, samples);
    QFETCH(double, accuracy);
    Importer importer(m_store);
    const ImportResult result = importer.importFile(file);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    const std::vector<RunRow> runs = m_store.runs();
    QCOMPARE(runs.size(), size_t(1));
    const RunRow& run = runs.front();
    QCOMPARE(run.samples, samples);
    // The accuracy computed from the samples equals the one Inspect wrote in the header.
    QVERIFY2(!run.accuracyMismatch(),
        qPrintable(QStringLiteral("computed %1, header %2").arg(run.accuracy).arg(run.headerAccuracy)));
    if (samples > 0 && !std::isnan(accuracy))
        QVERIFY2(std::abs(run.accuracy - accuracy) < 1e-9, qPrintable(QString::number(run.accuracy)));
    if (run.hasHeaderAccuracy && !std::isnan(accuracy))
        QVERIFY(std::abs(run.headerAccuracy - accuracy) < 1e-9);
    // Every sample with events has them in order, and every message is searchable.
    SqliteStatement gaps(m_store.db(), "SELECT COUNT(*) FROM samples s WHERE event_count != "
                                       "(SELECT COUNT(*) FROM events e WHERE e.sample_id = s.id)");
    QVERIFY(gaps.step());
    QCOMPARE(gaps.integer(0), 0);
    SqliteStatement unresolved(m_store.db(), "SELECT COUNT(*) FROM messages WHERE text LIKE '%attachment://%'");
    QVERIFY(unresolved.step());
    QCOMPARE(unresolved.integer(0), 0);
}

void TestImporter::failuresNameTheFault_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("fault");
    QTest::newRow("invalid") << fixture("log_invalid.txt") << QStringLiteral("invalid JSON at byte");
    QTest::newRow("version 4") << fixture("log_version_3.txt") << QStringLiteral("unsupported log version 4");
}

void TestImporter::failuresNameTheFault()
{
    REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(QString, fault);
    Importer importer(m_store);
    QVERIFY(importer.importFile(fixture("log_streaming.eval")).status == ImportResult::Imported);
    SqliteStatement count(m_store.db(), "SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM samples) + "
                                        "(SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM messages)");
    QVERIFY(count.step());
    const qint64 before = count.integer(0);
    count.reset();
    const ImportResult result = importer.importFile(file);
    QCOMPARE(result.status, ImportResult::Failed);
    QVERIFY2(result.error.contains(fault), qPrintable(result.error));
    QVERIFY(count.step());
    QCOMPARE(count.integer(0), before);
    QCOMPARE(m_store.failedFiles().size(), size_t(1));
}

void TestImporter::evalAndJsonAgree()
{
    REQUIRE_FIXTURES();
    Importer importer(m_store);
    QVERIFY(importer.importFile(fixture("log_formats.eval")).status == ImportResult::Imported);
    QVERIFY(importer.importFile(fixture("log_formats.json")).status == ImportResult::Imported);
    SqliteStatement query(m_store.db(), R"sql(SELECT s.sample_id, s.epoch, s.score, s.event_count,
        (SELECT group_concat(type, ',') FROM (SELECT type FROM events e WHERE e.sample_id = s.id ORDER BY seq)),
        (SELECT group_concat(summary, '|') FROM (SELECT summary FROM events e WHERE e.sample_id = s.id ORDER BY seq))
        FROM samples s ORDER BY s.run_id)sql");
    QVERIFY(query.step());
    const QStringList first { query.text(0), query.text(1), query.text(2), query.text(3), query.text(4), query.text(5) };
    QVERIFY(query.step());
    const QStringList second { query.text(0), query.text(1), query.text(2), query.text(3), query.text(4), query.text(5) };
    QCOMPARE(first, second);
    QVERIFY(first.at(3).toInt() > 0);
}

void TestImporter::reimportIsSkipped()
{
    REQUIRE_FIXTURES();
    Importer importer(m_store);
    QCOMPARE(importer.importFile(fixture("log_streaming.eval")).status, ImportResult::Imported);
    QCOMPARE(importer.importFile(fixture("log_streaming.eval")).status, ImportResult::Skipped);
    QCOMPARE(m_store.runs().size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
