// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

// The read API on both store backends: the fixtures imported into SQLite, copied into a PostgreSQL server the test
// starts for itself, and read back from both.

#include "postgresserver.h"

#include "store/importer.h"
#include "store/postgresstore.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/storecopier.h"
#include "store/transcriptquery.h"
#include "workflow/anatomysummaries.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>
#include <memory>

namespace {
bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) <= 1e-12 * std::max(1.0, std::abs(a));
}

QString describe(const RunRow& run)
{
    return run.task + QLatin1Char('/') + run.model + QLatin1Char(' ') + run.created;
}
}

class TestStoreBackends : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void copiesEveryImportedFileOnce();
    void runsAreTheSame();
    void samplesAreTheSame();
    void oneSampleIsTheSame();
    void usageIsTheSame();
    void sampleDetailsAreTheSame();
    void failedCopyLeavesTargetUnchanged();
    void unsupportedReadsSaySo();
    void importIntoPostgresIsRefused();
    void commandLineCopiesAndLists();
    void copiesAtOnceStoreEachFileOnce();

private:
    QTemporaryDir m_folder;
    std::unique_ptr<PostgresServer> m_server;
    Store m_sqlite;
    Store m_postgres;
    QString m_location;
    int m_imported = 0;
    std::vector<StoreCopier::Outcome> m_firstCopy;
    std::vector<StoreCopier::Outcome> m_secondCopy;
};

void TestStoreBackends::initTestCase()
{
    const QDir fixtures(QStringLiteral(RUNLENS_FIXTURES_DIR));
    if (!fixtures.exists())
        QSKIP("the Inspect fixtures are not there (shared/fixtures/inspect beside the repository)");
    if (PostgresServer::binDirectory().isEmpty())
        QSKIP(qPrintable(PostgresServer::missingMessage()));
    m_server = std::make_unique<PostgresServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    m_location = m_server->createDatabase(QStringLiteral("team"));
    QVERIFY2(!m_location.isEmpty(), qPrintable(m_server->errorString()));

    QVERIFY(m_sqlite.open(m_folder.filePath(QStringLiteral("local.sqlite"))));
    {
        Importer importer(m_sqlite);
        const QStringList logs
            = fixtures.entryList({ QStringLiteral("*.eval"), QStringLiteral("*.json") }, QDir::Files);
        for (const QString& log : logs)
            m_imported += importer.importFile(fixtures.filePath(log)).status == ImportResult::Imported ? 1 : 0;
        // Generated runs beside them: the fixtures have no sample that ended on an error.
        const QString generated = m_folder.filePath(QStringLiteral("generated"));
        QProcess synth;
        synth.setStandardOutputFile(QProcess::nullDevice());
        synth.start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("synth"), QStringLiteral("--scale"), QStringLiteral("30"), QStringLiteral("--out"),
                generated });
        QVERIFY(synth.waitForFinished(120000) && synth.exitCode() == 0);
        const QFileInfoList archives = QDir(generated).entryInfoList({ QStringLiteral("*.eval") }, QDir::Files);
        QVERIFY(!archives.isEmpty());
        for (const QFileInfo& archive : archives)
            m_imported += importer.importFile(archive.filePath()).status == ImportResult::Imported ? 1 : 0;
        QVERIFY(importer.commit());
    }
    QVERIFY(m_imported > 40);

    PostgresStore target;
    QVERIFY2(target.open(m_location, true), qPrintable(target.errorString()));
    QString error;
    QVERIFY2(StoreCopier(m_sqlite, target)
                 .copyAll([this](const StoreCopier::Outcome& outcome) { m_firstCopy.push_back(outcome); }, &error),
        qPrintable(error));
    QVERIFY2(StoreCopier(m_sqlite, target)
                 .copyAll([this](const StoreCopier::Outcome& outcome) { m_secondCopy.push_back(outcome); }, &error),
        qPrintable(error));
    QVERIFY2(m_postgres.open(m_location, Store::OpenMode::Existing), qPrintable(m_postgres.errorString()));
}

void TestStoreBackends::copiesEveryImportedFileOnce()
{
    QCOMPARE(int(m_firstCopy.size()), m_imported);
    QCOMPARE(int(m_secondCopy.size()), m_imported);
    qint64 events = 0;
    for (const StoreCopier::Outcome& outcome : m_firstCopy) {
        QVERIFY2(outcome.kind == StoreCopier::Outcome::Kind::Copied, qPrintable(outcome.path + outcome.error));
        events += outcome.events;
    }
    QVERIFY(events > 0);
    // The content hash is there: a second copy skips every file.
    for (const StoreCopier::Outcome& outcome : m_secondCopy)
        QVERIFY2(outcome.kind == StoreCopier::Outcome::Kind::AlreadyThere, qPrintable(outcome.path));
}

void TestStoreBackends::runsAreTheSame()
{
    const std::vector<RunRow> expected = m_sqlite.runs();
    const std::vector<RunRow> actual = m_postgres.runs();
    QVERIFY(!expected.empty());
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        const RunRow& a = actual[i];
        const RunRow& e = expected[i];
        QCOMPARE(describe(a), describe(e));
        QCOMPARE(a.path, e.path);
        QCOMPARE(a.status, e.status);
        QCOMPARE(a.evalSetId, e.evalSetId);
        QCOMPARE(a.logVersion, e.logVersion);
        QCOMPARE(a.samples, e.samples);
        QCOMPARE(a.scoredSamples, e.scoredSamples);
        QCOMPARE(a.solvedSamples, e.solvedSamples);
        QVERIFY2(sameNumber(a.accuracy, e.accuracy), qPrintable(describe(e)));
        QCOMPARE(a.scorer, e.scorer);
        QCOMPARE(a.scoreKey, e.scoreKey);
        QCOMPARE(a.headerMetric, e.headerMetric);
        QCOMPARE(a.hasHeaderAccuracy, e.hasHeaderAccuracy);
        QVERIFY(sameNumber(a.headerAccuracy, e.headerAccuracy));
        QCOMPARE(a.metrics.size(), e.metrics.size());
        for (size_t m = 0; m < e.metrics.size(); ++m) {
            QCOMPARE(a.metrics[m].scorer, e.metrics[m].scorer);
            QCOMPARE(a.metrics[m].name, e.metrics[m].name);
            QVERIFY(sameNumber(a.metrics[m].value, e.metrics[m].value));
        }
        QCOMPARE(a.inputTokens, e.inputTokens);
        QCOMPARE(a.outputTokens, e.outputTokens);
        QCOMPARE(a.cacheReadTokens, e.cacheReadTokens);
        QCOMPARE(a.cacheWriteTokens, e.cacheWriteTokens);
        QCOMPARE(a.reasoningTokens, e.reasoningTokens);
        // The run's samples, asked by its own id in each store.
        QCOMPARE(m_postgres.samples(a.id).size(), m_sqlite.samples(e.id).size());
    }
}

void TestStoreBackends::samplesAreTheSame()
{
    const std::vector<SampleRow> expected = m_sqlite.samples();
    const std::vector<SampleRow> actual = m_postgres.samples();
    QVERIFY(expected.size() > 20);
    QCOMPARE(actual.size(), expected.size());
    int scored = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const SampleRow& a = actual[i];
        const SampleRow& e = expected[i];
        const QString which = e.task + QLatin1Char(' ') + e.sampleId;
        QCOMPARE(a.task, e.task);
        QCOMPARE(a.model, e.model);
        QCOMPARE(a.sampleId, e.sampleId);
        QCOMPARE(a.epoch, e.epoch);
        QCOMPARE(a.evalSetId, e.evalSetId);
        QCOMPARE(a.runStatus, e.runStatus);
        QCOMPARE(a.created, e.created);
        QCOMPARE(a.program, e.program);
        QCOMPARE(a.tier, e.tier);
        QCOMPARE(a.language, e.language);
        QVERIFY2(sameNumber(a.score, e.score), qPrintable(which));
        QCOMPARE(a.solved, e.solved);
        QVERIFY(sameNumber(a.totalTime, e.totalTime));
        QVERIFY(sameNumber(a.workingTime, e.workingTime));
        QCOMPARE(a.error, e.error);
        QCOMPARE(a.limitType, e.limitType);
        QCOMPARE(a.events, e.events);
        QCOMPARE(a.inputTokens, e.inputTokens);
        QCOMPARE(a.outputTokens, e.outputTokens);
        QCOMPARE(a.cacheReadTokens, e.cacheReadTokens);
        QCOMPARE(a.cacheWriteTokens, e.cacheWriteTokens);
        QCOMPARE(a.reasoningTokens, e.reasoningTokens);
        QVERIFY2(sameNumber(a.totalCost, e.totalCost), qPrintable(which));
        QCOMPARE(a.scoreMetadataJson, e.scoreMetadataJson);
        scored += std::isnan(e.score) ? 0 : 1;
    }
    QVERIFY(scored > 0);
}

void TestStoreBackends::oneSampleIsTheSame()
{
    const std::vector<SampleRow> all = m_postgres.samples();
    QVERIFY(!all.empty());
    const SampleRow& last = all.back();
    const std::optional<SampleRow> one = m_postgres.sample(last.id);
    QVERIFY(one.has_value());
    QCOMPARE(one->sampleId, last.sampleId);
    QCOMPARE(one->runId, last.runId);
    QVERIFY(!m_postgres.sample(last.id + 1000000).has_value());
}

void TestStoreBackends::usageIsTheSame()
{
    const std::vector<UsageRow> expected = m_sqlite.usage();
    const std::vector<UsageRow> actual = m_postgres.usage();
    QVERIFY(!expected.empty());
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(actual[i].model, expected[i].model);
        QCOMPARE(actual[i].inputTokens, expected[i].inputTokens);
        QCOMPARE(actual[i].cacheReadTokens, expected[i].cacheReadTokens);
        QCOMPARE(actual[i].cacheWriteTokens, expected[i].cacheWriteTokens);
        QCOMPARE(actual[i].outputTokens, expected[i].outputTokens);
        QVERIFY(sameNumber(actual[i].totalCost, expected[i].totalCost));
    }
    // One sample's, by its id in each store.
    const SampleRow last = m_postgres.samples().back();
    QCOMPARE(m_postgres.usage(last.id).size(), m_sqlite.usage(m_sqlite.samples().back().id).size());
}

void TestStoreBackends::sampleDetailsAreTheSame()
{
    const std::vector<SampleRow> expected = m_sqlite.samples();
    const std::vector<SampleRow> actual = m_postgres.samples();
    QCOMPARE(actual.size(), expected.size());
    int tracebacks = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const std::optional<SampleDetail> e = m_sqlite.sampleDetail(expected[i].id);
        const std::optional<SampleDetail> a = m_postgres.sampleDetail(actual[i].id);
        QVERIFY(e.has_value());
        QVERIFY2(a.has_value(), qPrintable(m_postgres.errorString()));
        QCOMPARE(a->epochs, e->epochs);
        QVERIFY(sameNumber(a->limitValue, e->limitValue));
        QVERIFY(sameNumber(a->costLimit, e->costLimit));
        QVERIFY(sameNumber(a->tokenLimit, e->tokenLimit));
        QVERIFY(sameNumber(a->timeLimit, e->timeLimit));
        QVERIFY(sameNumber(a->workingLimit, e->workingLimit));
        QCOMPARE(a->errorTraceback, e->errorTraceback);
        tracebacks += e->errorTraceback.isEmpty() ? 0 : 1;
    }
    QVERIFY(tracebacks > 0);
    QVERIFY(!m_postgres.sampleDetail(actual.back().id + 1000000).has_value());
    // A store imported before schema 8 kept no traceback of the sample: its last error event's is read from its chunk.
    QVERIFY(m_server->execute(QStringLiteral("team"), QStringLiteral("UPDATE samples SET error_traceback = NULL")));
    QVERIFY(StoreConnection::of(m_sqlite).exec("UPDATE samples SET error_traceback = NULL"));
    int fromEvents = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const QString traceback = m_postgres.sampleDetail(actual[i].id)->errorTraceback;
        if (!traceback.isEmpty()) {
            ++fromEvents;
            QCOMPARE(traceback, m_sqlite.sampleDetail(expected[i].id)->errorTraceback);
        }
    }
    QCOMPARE(fromEvents, tracebacks);
}

void TestStoreBackends::failedCopyLeavesTargetUnchanged()
{
    // A target whose events table refuses rows: each file fails in the middle of its copy, after its run and samples
    // were sent, and none of it stays.
    const QString location = m_server->createDatabase(QStringLiteral("refusing"));
    QVERIFY(!location.isEmpty());
    PostgresStore target;
    QVERIFY2(target.open(location, true), qPrintable(target.errorString()));
    QVERIFY2(m_server->execute(QStringLiteral("refusing"), QStringLiteral(R"sql(
CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse();)sql")),
        qPrintable(m_server->errorString()));
    QStringList failed;
    qint64 copiedSamples = 0;
    int copied = 0;
    QString error;
    QVERIFY(StoreCopier(m_sqlite, target)
                .copyAll(
                    [&](const StoreCopier::Outcome& outcome) {
                        if (outcome.kind == StoreCopier::Outcome::Kind::Failed) {
                            failed << outcome.path;
                            QVERIFY2(outcome.error.contains(QLatin1String("refused by the test")),
                                qPrintable(outcome.error));
                        } else {
                            // Files without events are copied as before.
                            QCOMPARE(outcome.events, 0);
                            copiedSamples += outcome.samples;
                            ++copied;
                        }
                    },
                    &error));
    QVERIFY(failed.size() > 5);
    const PostgresResult counts = target.db().query("SELECT (SELECT COUNT(*) FROM files), (SELECT COUNT(*) FROM "
                                                    "samples), (SELECT COUNT(*) FROM events)");
    QCOMPARE(counts.rows(), 1);
    QCOMPARE(counts.integer(0, 0), copied);
    QCOMPARE(counts.integer(0, 1), copiedSamples);
    QCOMPARE(counts.integer(0, 2), 0);
    for (const QString& path : failed)
        QCOMPARE(target.db().query("SELECT 1 FROM files WHERE path = $1", { path.toUtf8() }).rows(), 0);
}

void TestStoreBackends::unsupportedReadsSaySo()
{
    const std::vector<SampleRow> all = m_postgres.samples();
    QVERIFY(!all.empty());
    QVERIFY(m_postgres.transcript(all.front().id) == nullptr);
    QVERIFY(m_postgres.transcriptsUnavailable().contains(QLatin1String("PostgreSQL")));
    QVERIFY(m_sqlite.transcriptsUnavailable().isEmpty());
    QVERIFY2(m_postgres.errorString().contains(QLatin1String("PostgreSQL")), qPrintable(m_postgres.errorString()));
    const SearchResult found = m_postgres.find(QStringLiteral("popularity"));
    QVERIFY(found.hits.empty());
    QVERIFY2(found.error.contains(QLatin1String("PostgreSQL")), qPrintable(found.error));
    QVERIFY(m_postgres.isReadOnly());
    QCOMPARE(m_postgres.saveSuite(QStringLiteral("suite"), QString(), QString(), {}), 0);
    // The run anatomy across runs reads transcripts: refused by name too.
    AnatomySummaries anatomies(m_postgres, PriceTable::standard());
    QVERIFY(!anatomies.of(all));
    QVERIFY2(anatomies.errorString().contains(QLatin1String("PostgreSQL")), qPrintable(anatomies.errorString()));
}

void TestStoreBackends::importIntoPostgresIsRefused()
{
    Store store;
    QVERIFY(!store.open(m_location, Store::OpenMode::Create));
    QVERIFY2(store.errorString().contains(QLatin1String("copy")), qPrintable(store.errorString()));
}

namespace {
/// runlens-cli's output and exit status.
std::pair<QString, int> cli(const QStringList& arguments)
{
    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), arguments);
    process.waitForFinished(120000);
    return { QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()), process.exitCode() };
}

/// CSV lines without their first column (ids, which differ between stores).
QStringList withoutIds(const QString& csv)
{
    QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString& line : lines)
        line = line.section(QLatin1Char(','), 1);
    return lines;
}
}

void TestStoreBackends::commandLineCopiesAndLists()
{
    const QString location = m_server->createDatabase(QStringLiteral("cli"));
    QVERIFY(!location.isEmpty());
    const QString local = m_folder.filePath(QStringLiteral("local.sqlite"));
    const auto [copied, status]
        = cli({ QStringLiteral("copy"), QStringLiteral("--from"), local, QStringLiteral("--to"), location });
    QVERIFY2(status == 0, qPrintable(copied));
    QVERIFY2(copied.contains(QStringLiteral("%1 files copied, 0 already there, 0 failed").arg(m_imported)),
        qPrintable(copied));
    const auto [again, againStatus]
        = cli({ QStringLiteral("copy"), QStringLiteral("--from"), local, QStringLiteral("--to"), location });
    QCOMPARE(againStatus, 0);
    QVERIFY2(again.contains(QStringLiteral("0 files copied, %1 already there").arg(m_imported)), qPrintable(again));
    for (const char* command : { "runs", "samples" }) {
        const auto [expected, expectedStatus]
            = cli({ QString::fromLatin1(command), QStringLiteral("--csv"), QStringLiteral("--db"), local });
        const auto [actual, actualStatus]
            = cli({ QString::fromLatin1(command), QStringLiteral("--csv"), QStringLiteral("--db"), location });
        QCOMPARE(actualStatus, 0);
        QCOMPARE(expectedStatus, 0);
        QVERIFY(withoutIds(expected).size() > 5);
        QCOMPARE(withoutIds(actual), withoutIds(expected));
    }
    // What PostgreSQL does not do yet it refuses, saying so.
    const auto [digest, digestStatus]
        = cli({ QStringLiteral("samples"), QStringLiteral("--digest"), QStringLiteral("--db"), location });
    QCOMPARE(digestStatus, 1);
    QVERIFY2(digest.contains(QLatin1String("not read from a store on PostgreSQL yet")), qPrintable(digest));
    // The commands that read a transcript refuse by name, and do not crash.
    const auto [listed, listedStatus]
        = cli({ QStringLiteral("samples"), QStringLiteral("--csv"), QStringLiteral("--db"), location });
    QCOMPARE(listedStatus, 0);
    const QString firstSample = listed.section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(','), 0, 0);
    QVERIFY2(firstSample.toLongLong() > 0, qPrintable(listed));
    for (const char* command : { "transcript", "report" }) {
        const auto [refused, refusedStatus]
            = cli({ QString::fromLatin1(command), firstSample, QStringLiteral("--db"), location });
        QCOMPARE(refusedStatus, 1);
        QVERIFY2(refused.contains(QLatin1String("a transcript is not read from a store on PostgreSQL yet")),
            qPrintable(refused));
    }
    const auto [backwards, backwardsStatus]
        = cli({ QStringLiteral("copy"), QStringLiteral("--from"), location, QStringLiteral("--to"), local });
    QCOMPARE(backwardsStatus, 2);
    QVERIFY2(backwards.contains(QLatin1String("only from a SQLite store into PostgreSQL")), qPrintable(backwards));
}

void TestStoreBackends::copiesAtOnceStoreEachFileOnce()
{
    // Three copies of the same store into one database, started together: each file is stored once, by one of them.
    const QString location = m_server->createDatabase(QStringLiteral("race"));
    QVERIFY(!location.isEmpty());
    const QString local = m_folder.filePath(QStringLiteral("local.sqlite"));
    std::vector<std::unique_ptr<QProcess>> copies;
    for (int i = 0; i < 3; ++i) {
        copies.push_back(std::make_unique<QProcess>());
        copies.back()->start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("copy"), QStringLiteral("--from"), local, QStringLiteral("--to"), location });
    }
    int copied = 0;
    for (const auto& copy : copies) {
        QVERIFY(copy->waitForFinished(120000));
        const QString output = QString::fromUtf8(copy->readAllStandardOutput() + copy->readAllStandardError());
        QVERIFY2(copy->exitCode() == 0, qPrintable(output));
        copied += int(output.count(QLatin1String("\ncopied ")) + (output.startsWith(QLatin1String("copied ")) ? 1 : 0));
    }
    QCOMPARE(copied, m_imported);
    PostgresStore target;
    QVERIFY2(target.open(location, false), qPrintable(target.errorString()));
    const PostgresResult files = target.db().query("SELECT COUNT(*), COUNT(DISTINCT hash) FROM files");
    QCOMPARE(files.integer(0, 0), qint64(m_imported));
    QCOMPARE(files.integer(0, 1), qint64(m_imported));
    Store store;
    QVERIFY(store.open(location, Store::OpenMode::Existing));
    QCOMPARE(store.samples().size(), m_sqlite.samples().size());
}

QTEST_GUILESS_MAIN(TestStoreBackends)
#include "tst_storebackends.moc"
