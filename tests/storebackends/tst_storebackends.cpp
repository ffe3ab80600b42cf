// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

// The read API on both store backends: the fixtures imported into SQLite, copied into a PostgreSQL server the test
// starts for itself, and read back from both.

#include "store/postgresserver.h"

#include "analysis/anatomystatistics.h"
#include "store/conversationquery.h"
#include "store/importer.h"
#include "store/postgresstore.h"
#include "store/searchquery.h"
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
    // Before sampleDetailsAreTheSame, which takes the samples' tracebacks away (the errors' search index on
    // PostgreSQL is made as a file is copied, and not changed by an UPDATE of the copy).
    void searchFindsTheSame();
    void copiesBackIntoSqlite();
    void copiesASubsetOutAndBack();
    void sampleDetailsAreTheSame();
    void transcriptsAreTheSame();
    void rerunsAreTheSame();
    void failedCopyLeavesTargetUnchanged();
    void unsupportedReadsSaySo();
    void anatomiesAreTheSame();
    void commandLineCopiesAndLists();
    void copiesAtOnceStoreEachFileOnce();
    void importsStraightIntoPostgres();
    void importersAtOnceImportEachFileOnce();
    void readerRoleIsRefusedWrites();

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
    QString indexError;
    QVERIFY2(m_sqlite.indexMessages({}, &indexError), qPrintable(indexError));
    QVERIFY(m_imported > 40);
    // A re-run stored beside them, copied with its sample.
    {
        const SampleRow first = m_sqlite.samples().front();
        const qint64 suite = m_sqlite.saveSuite(QStringLiteral("suite"), first.program,
            m_folder.filePath(QStringLiteral("suite.jsonl")),
            { { QStringLiteral("t1"), false, "{}" }, { QStringLiteral("t2"), true, "{}" } });
        QVERIFY(suite > 0);
        TestRunSummary summary;
        summary.passed = 1;
        summary.failed = 1;
        summary.visiblePassed = 1;
        summary.visibleTotal = 1;
        summary.heldOutTotal = 1;
        QVERIFY(m_sqlite.saveRerun(first.id, suite, 3, summary,
                    { { QStringLiteral("t1"), true, QStringLiteral("passed"), 0, 0.25, QString() },
                        { QStringLiteral("t2"), false, QStringLiteral("exit 1"), 1, 0.5, QStringLiteral("diff") } },
                    2)
            > 0);
    }

    Store target;
    QVERIFY2(target.open(m_location, Store::OpenMode::Create), qPrintable(target.errorString()));
    QString error;
    QVERIFY2(StoreCopier(m_sqlite).copyInto(
                 target, [this](const StoreCopier::Outcome& outcome) { m_firstCopy.push_back(outcome); }, &error),
        qPrintable(error));
    QVERIFY2(StoreCopier(m_sqlite).copyInto(
                 target, [this](const StoreCopier::Outcome& outcome) { m_secondCopy.push_back(outcome); }, &error),
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

void TestStoreBackends::transcriptsAreTheSame()
{
    // Every sample's pages, read from both stores (their ids differ, their order does not).
    const std::vector<SampleRow> expected = m_sqlite.samples();
    const std::vector<SampleRow> actual = m_postgres.samples();
    QCOMPARE(actual.size(), expected.size());
    int events = 0;
    int payloads = 0;
    int conversations = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const QString which = expected[i].task + QLatin1Char(' ') + expected[i].sampleId;
        const std::unique_ptr<TranscriptQuery> e = m_sqlite.transcript(expected[i].id);
        const std::unique_ptr<TranscriptQuery> a = m_postgres.transcript(actual[i].id);
        QVERIFY2(a, qPrintable(m_postgres.errorString()));
        QCOMPARE(a->count(), e->count());
        QCOMPARE(a->lastStep(), e->lastStep());
        QCOMPARE(a->types(), e->types());
        constexpr int page = 250;
        for (int row = 0; row < e->count(); row += page) {
            const std::vector<EventRow> ePage = e->events(row, page);
            const std::vector<EventRow> aPage = a->events(row, page);
            QCOMPARE(aPage.size(), ePage.size());
            for (size_t j = 0; j < ePage.size(); ++j) {
                QCOMPARE(aPage[j].seq, ePage[j].seq);
                QCOMPARE(aPage[j].type, ePage[j].type);
                QCOMPARE(aPage[j].timestamp, ePage[j].timestamp);
                QVERIFY2(sameNumber(aPage[j].workingStart, ePage[j].workingStart), qPrintable(which));
                QCOMPARE(a->summary(aPage[j].summary), e->summary(ePage[j].summary));
                QCOMPARE(aPage[j].model, ePage[j].model);
                QCOMPARE(aPage[j].inputTokens, ePage[j].inputTokens);
                QCOMPARE(aPage[j].outputTokens, ePage[j].outputTokens);
                QCOMPARE(aPage[j].cacheReadTokens, ePage[j].cacheReadTokens);
                QCOMPARE(aPage[j].turn, ePage[j].turn);
                QCOMPARE(aPage[j].depth, ePage[j].depth);
                QVERIFY(sameNumber(aPage[j].loggedCost, ePage[j].loggedCost));
                ++events;
            }
        }
        // The payloads of the first steps and the last, model calls with their pooled input put back.
        const int last = e->lastStep();
        for (int seq = 0; seq <= last; seq = seq < 60 ? seq + 1 : std::max(seq + 1, last)) {
            QCOMPARE(a->payload(seq), e->payload(seq));
            ++payloads;
        }
        QCOMPARE(a->workingTimes(), e->workingTimes());
        QCOMPARE(a->modelCalls().size(), e->modelCalls().size());
        const std::vector<StepMark> aMarks = a->marks();
        const std::vector<StepMark> eMarks = e->marks();
        QCOMPARE(aMarks.size(), eMarks.size());
        for (size_t j = 0; j < eMarks.size(); ++j) {
            QCOMPARE(aMarks[j].seq, eMarks[j].seq);
            QCOMPARE(aMarks[j].type, eMarks[j].type);
        }
        const std::vector<StepPayload> aScores = a->scoreEvents();
        const std::vector<StepPayload> eScores = e->scoreEvents();
        QCOMPARE(aScores.size(), eScores.size());
        for (size_t j = 0; j < eScores.size(); ++j)
            QCOMPARE(aScores[j].json, eScores[j].json);
        const std::vector<ToolCall> aTools = a->toolCalls();
        const std::vector<ToolCall> eTools = e->toolCalls();
        QCOMPARE(aTools.size(), eTools.size());
        for (size_t j = 0; j < eTools.size(); ++j) {
            QCOMPARE(aTools[j].seq, eTools[j].seq);
            QCOMPARE(aTools[j].function, eTools[j].function);
            QCOMPARE(aTools[j].argumentsJson, eTools[j].argumentsJson);
        }
        QCOMPARE(a->fullyIndexed(), true);
        QCOMPARE(a->find(QStringLiteral("test*")), e->find(QStringLiteral("test*")));
        // The conversation's pages.
        ConversationQuery eConversation(m_sqlite, expected[i].id);
        ConversationQuery aConversation(m_postgres, actual[i].id);
        QCOMPARE(aConversation.eventCount(), eConversation.eventCount());
        QCOMPARE(aConversation.firstTimestamp(), eConversation.firstTimestamp());
        QCOMPARE(aConversation.steps(QStringLiteral("model")), eConversation.steps(QStringLiteral("model")));
        const std::vector<ConversationEvent> eSteps = eConversation.events(0, 200, 200);
        const std::vector<ConversationEvent> aSteps = aConversation.events(0, 200, 200);
        QCOMPARE(aSteps.size(), eSteps.size());
        for (size_t j = 0; j < eSteps.size(); ++j) {
            QCOMPARE(aSteps[j].seq, eSteps[j].seq);
            QCOMPARE(aSteps[j].type, eSteps[j].type);
            QCOMPARE(aSteps[j].payload, eSteps[j].payload);
            ++conversations;
        }
        for (const int seq : eConversation.steps(QStringLiteral("model"))) {
            const std::vector<ConversationMessage> eMessages = eConversation.newMessages(seq, 0, 1 << 30);
            const std::vector<ConversationMessage> aMessages = aConversation.newMessages(seq, 0, 1 << 30);
            QCOMPARE(aMessages.size(), eMessages.size());
            for (size_t j = 0; j < eMessages.size(); ++j)
                QCOMPARE(aMessages[j].json, eMessages[j].json);
            if (seq > 200)
                break;
        }
    }
    QVERIFY(events > 1000);
    QVERIFY(payloads > 100);
    QVERIFY(conversations > 100);
}

void TestStoreBackends::searchFindsTheSame()
{
    // The same messages and sample errors for each query, ids mapped between the stores; the order differs (bm25 on
    // SQLite, ts_rank on PostgreSQL), so hits are compared as sets, every hit asked for.
    const std::vector<SampleRow> expected = m_sqlite.samples();
    const std::vector<SampleRow> actual = m_postgres.samples();
    QCOMPARE(actual.size(), expected.size());
    QHash<qint64, qint64> sqliteId;
    for (size_t i = 0; i < expected.size(); ++i)
        sqliteId.insert(actual[i].id, expected[i].id);
    const auto keys = [](const std::vector<SearchHit>& hits, const QHash<qint64, qint64>* ids) {
        QStringList keys;
        for (const SearchHit& hit : hits)
            keys << QStringLiteral("%1 %2 %3 %4")
                        .arg(ids ? ids->value(hit.sampleId) : hit.sampleId)
                        .arg(hit.eventSeq)
                        .arg(hit.role, hit.snippet);
        keys.sort();
        return keys;
    };
    constexpr int all = 1000000;
    int found = 0;
    for (const char* words : { "error", "test*", "compil*", "\"cargo build\"", "\"def main\"", "import os",
             "src/main.rs", "Traceback", "RuntimeError*", "passed failed", "\"no such file\"", "TODO", "404",
             "x_y_z_nowhere", "résumé", "\"the test\" pass*", "AND OR NOT", "(", "sample_limit" }) {
        const QString query = QString::fromUtf8(words);
        const SearchResult e = m_sqlite.find(query, 0, all);
        const SearchResult a = m_postgres.find(query, 0, all);
        QVERIFY2(e.error.isEmpty() && a.error.isEmpty(), qPrintable(query + e.error + a.error));
        const QStringList aKeys = keys(a.hits, &sqliteId);
        const QStringList eKeys = keys(e.hits, nullptr);
        QVERIFY2(aKeys == eKeys,
            qPrintable(query
                + QStringLiteral(": %1 hits on PostgreSQL, %2 on SQLite; first on PostgreSQL: ")
                      .arg(aKeys.size())
                      .arg(eKeys.size())
                + aKeys.value(0) + QStringLiteral("; first on SQLite: ") + eKeys.value(0)));
        found += int(e.hits.size());
    }
    QVERIFY(found > 200);
    // Within a sample, as the replay's find asks.
    for (size_t i = 0; i < expected.size(); i += 7) {
        const std::unique_ptr<TranscriptQuery> e = m_sqlite.transcript(expected[i].id);
        const std::unique_ptr<TranscriptQuery> a = m_postgres.transcript(actual[i].id);
        QVERIFY(a);
        for (const char* words : { "test*", "\"cargo build\"", "error" })
            QCOMPARE(a->find(QString::fromUtf8(words)), e->find(QString::fromUtf8(words)));
    }
    // Past the query's limits, both refuse alike.
    const QString tooLong(SearchQuery::maxCharacters + 1, QLatin1Char('a'));
    QCOMPARE(m_postgres.find(tooLong).error, m_sqlite.find(tooLong).error);
}

void TestStoreBackends::rerunsAreTheSame()
{
    const std::vector<SampleRow> expected = m_sqlite.samples();
    const std::vector<SampleRow> actual = m_postgres.samples();
    int reruns = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const std::vector<RerunRow> e = m_sqlite.reruns(expected[i].id);
        const std::vector<RerunRow> a = m_postgres.reruns(actual[i].id);
        QCOMPARE(a.size(), e.size());
        for (size_t j = 0; j < e.size(); ++j) {
            QCOMPARE(a[j].step, e[j].step);
            QCOMPARE(a[j].summary.passed, e[j].summary.passed);
            QCOMPARE(a[j].summary.failed, e[j].summary.failed);
            QCOMPARE(a[j].summary.visiblePassed, e[j].summary.visiblePassed);
            QCOMPARE(a[j].summary.visibleTotal, e[j].summary.visibleTotal);
            QCOMPARE(a[j].summary.heldOutPassed, e[j].summary.heldOutPassed);
            QCOMPARE(a[j].summary.heldOutTotal, e[j].summary.heldOutTotal);
            QCOMPARE(a[j].summary.buildError, e[j].summary.buildError);
            QCOMPARE(a[j].uncertainSteps, e[j].uncertainSteps);
            QCOMPARE(m_postgres.rerunResults(a[j].id), m_sqlite.rerunResults(e[j].id));
            ++reruns;
        }
    }
    QCOMPARE(reruns, 1);
}

void TestStoreBackends::failedCopyLeavesTargetUnchanged()
{
    // A target whose events table refuses rows: each file fails in the middle of its copy, after its run and samples
    // were sent, and none of it stays.
    const QString location = m_server->createDatabase(QStringLiteral("refusing"));
    QVERIFY(!location.isEmpty());
    Store target;
    QVERIFY2(target.open(location, Store::OpenMode::Create), qPrintable(target.errorString()));
    QVERIFY2(m_server->execute(QStringLiteral("refusing"), QStringLiteral(R"sql(
CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse();)sql")),
        qPrintable(m_server->errorString()));
    QStringList failed;
    qint64 copiedSamples = 0;
    int copied = 0;
    QString error;
    QVERIFY(StoreCopier(m_sqlite).copyInto(
        target,
        [&](const StoreCopier::Outcome& outcome) {
            if (outcome.kind == StoreCopier::Outcome::Kind::Failed) {
                failed << outcome.path;
                QVERIFY2(outcome.error.contains(QLatin1String("refused by the test")), qPrintable(outcome.error));
            } else {
                // Files without events are copied as before.
                QCOMPARE(outcome.events, 0);
                copiedSamples += outcome.samples;
                ++copied;
            }
        },
        &error));
    QVERIFY(failed.size() > 5);
    PostgresDb& db = StoreConnection::postgresOf(target)->db();
    const PostgresResult counts = db.query(
        "SELECT (SELECT COUNT(*) FROM files), (SELECT COUNT(*) FROM samples), (SELECT COUNT(*) FROM events)");
    QCOMPARE(counts.rows(), 1);
    QCOMPARE(counts.integer(0, 0), copied);
    QCOMPARE(counts.integer(0, 1), copiedSamples);
    QCOMPARE(counts.integer(0, 2), 0);
    for (const QString& path : failed)
        QCOMPARE(db.query("SELECT 1 FROM files WHERE path = $1", { path.toUtf8() }).rows(), 0);
}

void TestStoreBackends::unsupportedReadsSaySo()
{
    QVERIFY(m_postgres.isReadOnly());
    QCOMPARE(m_postgres.saveSuite(QStringLiteral("suite"), QString(), QString(), {}), 0);
}

void TestStoreBackends::anatomiesAreTheSame()
{
    // The run anatomy across runs reads every sample's transcript: the same figures from both stores, none kept in
    // the store on PostgreSQL (which is opened read-only).
    const std::vector<SampleRow> expectedSamples = m_sqlite.samples();
    const std::vector<SampleRow> actualSamples = m_postgres.samples();
    QCOMPARE(actualSamples.size(), expectedSamples.size());
    AnatomySummaries fromSqlite(m_sqlite, PriceTable::standard());
    AnatomySummaries fromPostgres(m_postgres, PriceTable::standard());
    const auto expected = fromSqlite.of(expectedSamples);
    QVERIFY2(expected, qPrintable(fromSqlite.errorString()));
    const auto actual = fromPostgres.of(actualSamples);
    QVERIFY2(actual, qPrintable(fromPostgres.errorString()));
    QCOMPARE(actual->size(), expected->size());
    int scored = 0;
    for (size_t i = 0; i < expected->size(); ++i) {
        const AnatomySummary& e = (*expected)[i];
        const AnatomySummary& a = (*actual)[i];
        const QString which = expectedSamples[i].sampleId;
        QVERIFY2(a.scored == e.scored, qPrintable(which));
        QVERIFY2(sameNumber(a.workingTime, e.workingTime), qPrintable(which));
        QVERIFY2(sameNumber(a.cost, e.cost), qPrintable(which));
        QCOMPARE(a.unpricedCalls, e.unpricedCalls);
        QCOMPARE(a.stepsAfterLastGain, e.stepsAfterLastGain);
        QVERIFY2(sameNumber(a.costAfterLastGain, e.costAfterLastGain), qPrintable(which));
        QCOMPARE(a.plateaus, e.plateaus);
        QVERIFY2(sameNumber(a.plateauTime, e.plateauTime), qPrintable(which));
        QCOMPARE(a.regressions, e.regressions);
        QCOMPARE(a.compactions, e.compactions);
        QCOMPARE(a.activities.size(), e.activities.size());
        for (size_t k = 0; k < e.activities.size(); ++k) {
            QCOMPARE(a.activities[k].name, e.activities[k].name);
            QCOMPARE(a.activities[k].turns, e.activities[k].turns);
            QVERIFY2(sameNumber(a.activities[k].cost, e.activities[k].cost), qPrintable(which));
        }
        scored += e.scored ? 1 : 0;
    }
    QVERIFY(scored > 0);
    QCOMPARE(fromPostgres.computed(), int(actualSamples.size()));
    QVERIFY(!m_postgres.anatomySummary(actualSamples.front().id, AnatomyStatistics::summaryVersion, QString()));
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

namespace {
/// The runs of `store` whose log file is one of `paths` (every run when `paths` is empty).
std::vector<RunRow> runsOf(Store& store, const QSet<QString>& paths)
{
    std::vector<RunRow> runs;
    for (RunRow& run : store.runs()) {
        if (paths.isEmpty() || paths.contains(run.path))
            runs.push_back(std::move(run));
    }
    return runs;
}

/// Compares what `copy` reads with what `original` reads of the runs of the log files `paths` (all when empty): runs,
/// samples, search hits, transcripts and re-runs, sample ids mapped by their order.
void compareStores(Store& original, Store& copy, const QSet<QString>& paths)
{
    const std::vector<RunRow> expectedRuns = runsOf(original, paths);
    const std::vector<RunRow> actualRuns = copy.runs();
    QVERIFY(!expectedRuns.empty());
    QCOMPARE(actualRuns.size(), expectedRuns.size());
    std::vector<SampleRow> expected;
    std::vector<SampleRow> actual;
    for (size_t i = 0; i < expectedRuns.size(); ++i) {
        const RunRow& a = actualRuns[i];
        const RunRow& e = expectedRuns[i];
        QCOMPARE(describe(a), describe(e));
        QCOMPARE(a.path, e.path);
        QCOMPARE(a.samples, e.samples);
        QCOMPARE(a.solvedSamples, e.solvedSamples);
        QVERIFY(sameNumber(a.accuracy, e.accuracy));
        QCOMPARE(a.headerMetric, e.headerMetric);
        QCOMPARE(a.metrics.size(), e.metrics.size());
        QCOMPARE(a.inputTokens, e.inputTokens);
        QCOMPARE(a.reasoningTokens, e.reasoningTokens);
        for (SampleRow& sample : original.samples(e.id))
            expected.push_back(std::move(sample));
        for (SampleRow& sample : copy.samples(a.id))
            actual.push_back(std::move(sample));
    }
    QCOMPARE(actual.size(), expected.size());
    QHash<qint64, qint64> originalId;
    for (size_t i = 0; i < expected.size(); ++i) {
        const SampleRow& a = actual[i];
        const SampleRow& e = expected[i];
        QCOMPARE(a.sampleId, e.sampleId);
        QCOMPARE(a.epoch, e.epoch);
        QCOMPARE(a.model, e.model);
        QVERIFY(sameNumber(a.score, e.score));
        QCOMPARE(a.solved, e.solved);
        QCOMPARE(a.events, e.events);
        QCOMPARE(a.outputTokens, e.outputTokens);
        QVERIFY(sameNumber(a.totalCost, e.totalCost));
        QCOMPARE(a.error, e.error);
        QCOMPARE(a.limitType, e.limitType);
        originalId.insert(a.id, e.id);
    }
    // The same hits, those of the runs copied.
    const auto keys
        = [](const std::vector<SearchHit>& hits, const QHash<qint64, qint64>* ids, const QHash<qint64, qint64>& kept) {
              QStringList keys;
              for (const SearchHit& hit : hits) {
                  const qint64 sample = ids ? ids->value(hit.sampleId) : hit.sampleId;
                  if (ids || std::find(kept.cbegin(), kept.cend(), sample) != kept.cend())
                      keys << QStringLiteral("%1 %2 %3 %4").arg(sample).arg(hit.eventSeq).arg(hit.role, hit.snippet);
              }
              keys.sort();
              return keys;
          };
    int found = 0;
    for (const char* words : { "error", "test*", "\"cargo build\"", "Traceback", "RuntimeError*" }) {
        const QString query = QString::fromUtf8(words);
        const QStringList e = keys(original.find(query, 0, 1000000).hits, nullptr, originalId);
        const QStringList a = keys(copy.find(query, 0, 1000000).hits, &originalId, originalId);
        QVERIFY2(a == e, qPrintable(query + QStringLiteral(": %1 hits, %2 expected").arg(a.size()).arg(e.size())));
        found += int(e.size());
    }
    QVERIFY(found > 0);
    int payloads = 0;
    int reruns = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
        const std::unique_ptr<TranscriptQuery> e = original.transcript(expected[i].id);
        const std::unique_ptr<TranscriptQuery> a = copy.transcript(actual[i].id);
        QVERIFY2(a, qPrintable(copy.errorString()));
        QCOMPARE(a->count(), e->count());
        QCOMPARE(a->types(), e->types());
        for (int seq = 0; seq <= std::min(e->lastStep(), 30); ++seq) {
            QCOMPARE(a->payload(seq), e->payload(seq));
            ++payloads;
        }
        QCOMPARE(a->workingTimes(), e->workingTimes());
        QCOMPARE(a->marks().size(), e->marks().size());
        QCOMPARE(a->fullyIndexed(), true);
        const std::vector<RerunRow> eReruns = original.reruns(expected[i].id);
        const std::vector<RerunRow> aReruns = copy.reruns(actual[i].id);
        QCOMPARE(aReruns.size(), eReruns.size());
        for (size_t j = 0; j < eReruns.size(); ++j) {
            QCOMPARE(aReruns[j].step, eReruns[j].step);
            QCOMPARE(copy.rerunResults(aReruns[j].id), original.rerunResults(eReruns[j].id));
            ++reruns;
        }
    }
    QVERIFY(payloads > 0);
    QCOMPARE(reruns, paths.isEmpty() ? 1 : reruns);
}
}

void TestStoreBackends::copiesBackIntoSqlite()
{
    // The whole team store copied into a new SQLite store reads as the store it was copied from; a second copy
    // finds every file there.
    Store back;
    QVERIFY(back.open(m_folder.filePath(QStringLiteral("back.sqlite")), Store::OpenMode::Create));
    std::vector<StoreCopier::Outcome> first;
    std::vector<StoreCopier::Outcome> second;
    QString error;
    QVERIFY2(StoreCopier(m_postgres)
                 .copyInto(
                     back, [&](const StoreCopier::Outcome& outcome) { first.push_back(outcome); }, &error),
        qPrintable(error));
    QVERIFY2(StoreCopier(m_postgres)
                 .copyInto(
                     back, [&](const StoreCopier::Outcome& outcome) { second.push_back(outcome); }, &error),
        qPrintable(error));
    QCOMPARE(int(first.size()), m_imported);
    QCOMPARE(int(second.size()), m_imported);
    for (const StoreCopier::Outcome& outcome : first)
        QVERIFY2(outcome.kind == StoreCopier::Outcome::Kind::Copied, qPrintable(outcome.path + outcome.error));
    for (const StoreCopier::Outcome& outcome : second)
        QVERIFY2(outcome.kind == StoreCopier::Outcome::Kind::AlreadyThere, qPrintable(outcome.path));
    compareStores(m_sqlite, back, {});
}

void TestStoreBackends::copiesASubsetOutAndBack()
{
    // A model's runs taken from the team store onto a laptop (PostgreSQL to SQLite), pushed into another team store
    // (SQLite to PostgreSQL), and a task's runs and a file named by its hash copied from one team store to another:
    // each copy reads as the original's runs of the files chosen.
    const std::vector<SampleRow> samples = m_sqlite.samples();
    QString model;
    for (const SampleRow& sample : samples) {
        if (!sample.program.isEmpty()) {
            model = sample.model;
            break;
        }
    }
    QVERIFY(!model.isEmpty());
    QSet<qint64> modelRuns;
    for (const SampleRow& sample : samples) {
        if (sample.model == model)
            modelRuns.insert(sample.runId);
    }
    QSet<QString> modelFiles;
    QSet<QString> allFiles;
    for (const RunRow& run : m_sqlite.runs()) {
        allFiles.insert(run.path);
        if (modelRuns.contains(run.id))
            modelFiles.insert(run.path);
    }
    QVERIFY(modelFiles.size() > 1 && modelFiles.size() < allFiles.size());

    const QString laptop = m_folder.filePath(QStringLiteral("laptop.sqlite"));
    const auto [out, status] = cli({ QStringLiteral("copy"), QStringLiteral("--from"), m_location,
        QStringLiteral("--to"), laptop, QStringLiteral("--model"), model });
    QVERIFY2(status == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("%1 files copied, 0 already there, 0 failed").arg(modelFiles.size())),
        qPrintable(out));
    {
        Store copy;
        QVERIFY(copy.open(laptop, Store::OpenMode::Existing));
        compareStores(m_sqlite, copy, modelFiles);
        if (QTest::currentTestFailed())
            return;
    }
    const QString pushed = m_server->createDatabase(QStringLiteral("pushed"));
    const auto [pushOut, pushStatus]
        = cli({ QStringLiteral("copy"), QStringLiteral("--from"), laptop, QStringLiteral("--to"), pushed });
    QVERIFY2(pushStatus == 0, qPrintable(pushOut));
    {
        Store copy;
        QVERIFY(copy.open(pushed, Store::OpenMode::Existing));
        compareStores(m_sqlite, copy, modelFiles);
        if (QTest::currentTestFailed())
            return;
    }

    // PostgreSQL to PostgreSQL: a task's files, and one more named by its content hash.
    const SampleRow& other = samples.back();
    QSet<QString> taskFiles;
    for (const RunRow& run : m_sqlite.runs()) {
        if (run.task == other.task)
            taskFiles.insert(run.path);
    }
    QString named;
    QString namedHash;
    {
        SqliteStatement file(StoreConnection::of(m_sqlite), "SELECT path, hash FROM files WHERE status = 'imported'");
        while (file.step()) {
            if (!taskFiles.contains(file.text(0))) {
                named = file.text(0);
                namedHash = file.text(1);
                break;
            }
        }
    }
    QVERIFY(!namedHash.isEmpty());
    const QString team = m_server->createDatabase(QStringLiteral("teamcopy"));
    const auto [teamOut, teamStatus] = cli({ QStringLiteral("copy"), QStringLiteral("--from"), m_location,
        QStringLiteral("--to"), team, QStringLiteral("--task"), other.task, QStringLiteral("--file"), namedHash });
    QVERIFY2(teamStatus == 0, qPrintable(teamOut));
    QVERIFY2(teamOut.contains(QStringLiteral("%1 files copied, 0 already there").arg(taskFiles.size() + 1)),
        qPrintable(teamOut));
    {
        Store copy;
        QVERIFY(copy.open(team, Store::OpenMode::Existing));
        compareStores(m_sqlite, copy, taskFiles + QSet<QString> { named });
        if (QTest::currentTestFailed())
            return;
    }

    // Values no sample has are refused, as by `samples`, and nothing is copied.
    const QString refused = m_folder.filePath(QStringLiteral("refused.sqlite"));
    const auto [unknown, unknownStatus] = cli({ QStringLiteral("copy"), QStringLiteral("--from"), m_location,
        QStringLiteral("--to"), refused, QStringLiteral("--model"), model + QStringLiteral("x") });
    QCOMPARE(unknownStatus, 2);
    QVERIFY2(unknown.contains(QStringLiteral("did you mean %1").arg(model)), qPrintable(unknown));
    const auto [noFile, noFileStatus] = cli({ QStringLiteral("copy"), QStringLiteral("--from"), m_location,
        QStringLiteral("--to"), refused, QStringLiteral("--file"), QStringLiteral("/nowhere.eval") });
    QCOMPARE(noFileStatus, 2);
    QVERIFY2(noFile.contains(QLatin1String("no file /nowhere.eval")), qPrintable(noFile));
    Store empty;
    QVERIFY(!QFile::exists(refused));
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
    // The commands that read transcripts print the same from both stores (the sample's id aside).
    const auto [digestExpected, digestExpectedStatus]
        = cli({ QStringLiteral("samples"), QStringLiteral("--digest"), QStringLiteral("--db"), local });
    const auto [digest, digestStatus]
        = cli({ QStringLiteral("samples"), QStringLiteral("--digest"), QStringLiteral("--db"), location });
    QCOMPARE(digestExpectedStatus, 0);
    QVERIFY2(digestStatus == 0, qPrintable(digest));
    QVERIFY(digest.size() > 100);
    QCOMPARE(withoutIds(digest).size(), withoutIds(digestExpected).size());
    const auto firstSample
        = [](const QString& csv) { return csv.section(QLatin1Char('\n'), 1, 1).section(QLatin1Char(','), 0, 0); };
    const QString sqliteSample
        = firstSample(cli({ QStringLiteral("samples"), QStringLiteral("--csv"), QStringLiteral("--db"), local }).first);
    const QString postgresSample = firstSample(
        cli({ QStringLiteral("samples"), QStringLiteral("--csv"), QStringLiteral("--db"), location }).first);
    QVERIFY(postgresSample.toLongLong() > 0);
    for (const char* command : { "transcript", "report" }) {
        const auto [expected, expectedStatus]
            = cli({ QString::fromLatin1(command), sqliteSample, QStringLiteral("--db"), local });
        const auto [actual, actualStatus]
            = cli({ QString::fromLatin1(command), postgresSample, QStringLiteral("--db"), location });
        QCOMPARE(expectedStatus, 0);
        QVERIFY2(actualStatus == 0, qPrintable(actual));
        QVERIFY(expected.size() > 100);
        QCOMPARE(QString(actual).replace(location, local).replace(postgresSample, sqliteSample), expected);
    }
    const auto [same, sameStatus]
        = cli({ QStringLiteral("copy"), QStringLiteral("--from"), location, QStringLiteral("--to"), location });
    QCOMPARE(sameStatus, 2);
    QVERIFY2(same.contains(QLatin1String("the same store")), qPrintable(same));
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

void TestStoreBackends::importsStraightIntoPostgres()
{
    // The same logs imported into PostgreSQL by `import` list as the SQLite store they were imported into.
    const QString location = m_server->createDatabase(QStringLiteral("direct"));
    QVERIFY(!location.isEmpty());
    const QString local = m_folder.filePath(QStringLiteral("local.sqlite"));
    const QStringList logs { QStringLiteral(RUNLENS_FIXTURES_DIR), m_folder.filePath(QStringLiteral("generated")) };
    const auto [imported, status]
        = cli(QStringList { QStringLiteral("import"), QStringLiteral("--db"), location } + logs);
    QVERIFY2(imported.contains(QStringLiteral("%1 imported, 0 skipped").arg(m_imported)), qPrintable(imported));
    const auto [again, againStatus]
        = cli(QStringList { QStringLiteral("import"), QStringLiteral("--db"), location } + logs);
    QVERIFY2(again.contains(QStringLiteral("0 imported, %1 skipped").arg(m_imported)), qPrintable(again));
    QCOMPARE(againStatus, status);
    for (const char* command : { "runs", "samples" }) {
        const auto [expected, expectedStatus]
            = cli({ QString::fromLatin1(command), QStringLiteral("--csv"), QStringLiteral("--db"), local });
        const auto [actual, actualStatus]
            = cli({ QString::fromLatin1(command), QStringLiteral("--csv"), QStringLiteral("--db"), location });
        QCOMPARE(actualStatus, 0);
        // Runs created at the same second are listed by id, which follows the order files were imported in.
        // A sample's second column is its run's id, which differs too.
        const int idColumns = QLatin1String(command) == QLatin1String("samples") ? 2 : 1;
        QStringList expectedLines = withoutIds(expected);
        QStringList actualLines = withoutIds(actual);
        for (QStringList* lines : { &expectedLines, &actualLines }) {
            for (QString& row : *lines)
                row = row.section(QLatin1Char(','), idColumns - 1);
        }
        QVERIFY(expectedLines.size() > 5);
        expectedLines.sort();
        actualLines.sort();
        QCOMPARE(actualLines, expectedLines);
    }
    // Searchable at once: nothing waits to be indexed.
    Store store;
    QVERIFY(store.open(location, Store::OpenMode::Existing));
    QCOMPARE(store.unindexedMessages(), 0);
    QCOMPARE(store.search(QStringLiteral("test*"), 0, 1000000).size(),
        m_sqlite.search(QStringLiteral("test*"), 0, 1000000).size());
}

void TestStoreBackends::importersAtOnceImportEachFileOnce()
{
    // Four importers on four files and two on one more file, all at once: every file is stored exactly once.
    const QString location = m_server->createDatabase(QStringLiteral("crowd"));
    QVERIFY(!location.isEmpty());
    const QFileInfoList archives = QDir(m_folder.filePath(QStringLiteral("generated")))
                                       .entryInfoList({ QStringLiteral("*.eval") }, QDir::Files, QDir::Name);
    QVERIFY(archives.size() >= 5);
    const QStringList files { archives[0].filePath(), archives[1].filePath(), archives[2].filePath(),
        archives[3].filePath(), archives[4].filePath(), archives[4].filePath() };
    std::vector<std::unique_ptr<QProcess>> importers;
    for (const QString& file : files) {
        importers.push_back(std::make_unique<QProcess>());
        importers.back()->start(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), location, file });
    }
    int imported = 0;
    int skipped = 0;
    for (const auto& importer : importers) {
        QVERIFY(importer->waitForFinished(120000));
        const QString output = QString::fromUtf8(importer->readAllStandardOutput() + importer->readAllStandardError());
        QVERIFY2(importer->exitCode() == 0, qPrintable(output));
        imported += output.contains(QLatin1String("1 imported, 0 skipped")) ? 1 : 0;
        skipped += output.contains(QLatin1String("0 imported, 1 skipped")) ? 1 : 0;
    }
    QCOMPARE(imported, 5);
    QCOMPARE(skipped, 1);
    PostgresStore target;
    QVERIFY2(target.open(location, false), qPrintable(target.errorString()));
    const PostgresResult counts = target.db().query(
        "SELECT COUNT(*), COUNT(DISTINCT hash), (SELECT COUNT(*) FROM samples), (SELECT COUNT(*) FROM message_words) "
        "FROM files WHERE status = 'imported'");
    QCOMPARE(counts.integer(0, 0), qint64(5));
    QCOMPARE(counts.integer(0, 1), qint64(5));
    QVERIFY(counts.integer(0, 2) > 0);
    QVERIFY(counts.integer(0, 3) > 0);
}

void TestStoreBackends::readerRoleIsRefusedWrites()
{
    // A role granted SELECT only browses everything and is refused an import, saying why, before any file is read.
    QVERIFY2(m_server->execute(QStringLiteral("team"),
                 QStringLiteral("CREATE ROLE reader LOGIN; GRANT CONNECT ON DATABASE team TO reader; GRANT USAGE ON "
                                "SCHEMA public TO reader; GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader;")),
        qPrintable(m_server->errorString()));
    const QString reader = QString(m_location).replace(QLatin1String("user=runlens"), QLatin1String("user=reader"));
    QVERIFY(reader != m_location);
    const auto [runs, runsStatus]
        = cli({ QStringLiteral("runs"), QStringLiteral("--csv"), QStringLiteral("--db"), reader });
    QVERIFY2(runsStatus == 0, qPrintable(runs));
    QVERIFY(withoutIds(runs).size() > 5);
    const QString log = QDir(m_folder.filePath(QStringLiteral("generated")))
                            .entryInfoList({ QStringLiteral("*.eval") }, QDir::Files, QDir::Name)
                            .front()
                            .filePath();
    const auto [refused, refusedStatus] = cli({ QStringLiteral("import"), QStringLiteral("--db"), reader, log });
    QCOMPARE(refusedStatus, 1);
    QVERIFY2(refused.contains(QLatin1String("the role reader may read the store")), qPrintable(refused));
    QVERIFY2(refused.contains(QLatin1String("not write into it")), qPrintable(refused));
}

QTEST_GUILESS_MAIN(TestStoreBackends)
#include "tst_storebackends.moc"
