// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

// Each message stored once: a message in both the pool and the final conversation (same id, same JSON) is stored and
// indexed once, and every reader sees what it saw when each list kept its own copy.

#include "mirrorcodesynth.h"

#include "inspect/inspectlogreader.h"
#include "store/importer.h"
#include "store/sqlitedb.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/transcriptquery.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <set>

namespace {
/// The messages a log holds, as the reader hands them on: what the store is compared against.
class MessageSink : public LogSink {
public:
    struct Sample {
        QString id;
        int epoch = 0;
        std::vector<MessageRecord> messages;
        qint64 shared = 0; ///< messages whose id the other list holds with the same JSON, met second
        qint64 differing = 0; ///< messages whose id the other list holds with other JSON, met second
    };

    bool run(const RunRecord&) override { return true; }
    bool beginSample(const SampleRecord&) override
    {
        samples.emplace_back();
        return true;
    }
    bool event(const EventRecord&) override { return true; }
    bool message(const MessageRecord& record) override
    {
        Sample& sample = samples.back();
        for (const MessageRecord& earlier : sample.messages) {
            if (earlier.kind != record.kind && !record.id.isEmpty() && earlier.id == record.id) {
                ++(earlier.json == record.json ? sample.shared : sample.differing);
                break;
            }
        }
        sample.messages.push_back(record);
        return true;
    }
    bool attachment(const QString&, std::string_view) override { return true; }
    bool modelCall(int, std::string_view) override { return true; }
    bool endSample(const SampleRecord& record) override
    {
        samples.back().id = record.id;
        samples.back().epoch = record.epoch;
        return true;
    }
    bool summarySample(const SampleRecord&) override { return true; }

    std::vector<Sample> samples;
};

qint64 count(Store& store, const char* sql)
{
    SqliteStatement query(StoreConnection::of(store), sql);
    return query.step() ? query.integer(0) : -1;
}
}

class TestMessages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sharedMessagesAreStoredOnce_data();
    void sharedMessagesAreStoredOnce();
    void filesImportedBeforeAreImportedAgain();

private:
    QTemporaryDir m_dir;
};

void TestMessages::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestMessages::sharedMessagesAreStoredOnce_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<int>("altered");
    QTest::newRow("single member, 3 altered a sample") << false << 3;
    QTest::newRow("chunked") << true << 0; // the final conversation is references into the pool: none can differ
}

void TestMessages::sharedMessagesAreStoredOnce()
{
    QFETCH(bool, chunked);
    QFETCH(int, altered);
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()));
    options.seed = 11;
    options.scaleRuns = 1;
    options.samplesPerRun = 3;
    options.chunked = chunked;
    options.chunkItems = 10;
    options.alteredFinalMessages = altered;
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    const QString log = report.files.front();

    // What the log holds, counted here: the pool and the final conversation share ids.
    MessageSink sink;
    InspectLogReader reader;
    QVERIFY2(reader.read(log, sink), qPrintable(reader.errorString()));
    QCOMPARE(sink.samples.size(), size_t(3));
    qint64 messages = 0, shared = 0, differing = 0;
    for (const MessageSink::Sample& sample : sink.samples) {
        messages += qint64(sample.messages.size());
        shared += sample.shared;
        differing += sample.differing;
        // The final conversation holds every message of the pool, a few of them altered, and some of its own.
        const auto pool = std::count_if(sample.messages.begin(), sample.messages.end(),
            [](const MessageRecord& message) { return message.kind == MessageRecord::Pool; });
        QVERIFY(pool > 4);
        QCOMPARE(sample.shared, qint64(pool) - altered);
        QCOMPARE(sample.differing, qint64(altered));
    }

    Store store;
    QVERIFY(store.open(options.outputDirectory + QStringLiteral(".sqlite")));
    const ImportResult result = Importer(store).importFile(log);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    QCOMPARE(result.messages, messages);
    QCOMPARE(result.sharedMessages, shared);
    QCOMPARE(result.differingMessages, differing);

    // A row for every place a message is in; its JSON once.
    QCOMPARE(count(store, "SELECT COUNT(*) FROM messages"), messages);
    QCOMPARE(count(store, "SELECT COUNT(*) FROM messages WHERE copy_of IS NOT NULL"), shared);
    QCOMPARE(
        count(store, "SELECT COUNT(*) FROM (SELECT DISTINCT json_chunk, json_slot FROM messages)"), messages - shared);
    QCOMPARE(count(store, R"sql(SELECT COUNT(*) FROM messages c JOIN messages m ON m.id = c.copy_of
        WHERE m.json_chunk = c.json_chunk AND m.json_slot = c.json_slot AND m.kind <> c.kind
        AND m.sample_id = c.sample_id)sql"),
        shared);
    QCOMPARE(count(store, "SELECT SUM(shared_messages) FROM files"), shared);
    QCOMPARE(count(store, "SELECT SUM(differing_messages) FROM files"), differing);

    // Every place reads back the message the log holds there: same list, place, role, call, step and JSON.
    QCOMPARE(store.samples().size(), sink.samples.size());
    for (const SampleRow& row : store.samples()) {
        const auto sample = std::find_if(sink.samples.begin(), sink.samples.end(),
            [&row](const MessageSink::Sample& read) { return read.id == row.sampleId && read.epoch == row.epoch; });
        QVERIFY(sample != sink.samples.end());
        const MessageSink::Sample& expected = *sample;
        std::map<std::pair<int, int>, const MessageRecord*> byPlace;
        for (const MessageRecord& message : expected.messages)
            byPlace[{ int(message.kind), message.index }] = &message;
        std::map<QString, QString> jsonById[2];
        size_t seen = 0;
        QString differs;
        TranscriptQuery(store, row.id).visitMessages([&](const StoredMessage& message) {
            const QString place = QStringLiteral("list %1, message %2: ").arg(message.kind).arg(message.index);
            const auto found = byPlace.find({ message.kind, message.index });
            if (found == byPlace.end()) {
                differs = place + QStringLiteral("not in the log");
                return false;
            }
            const MessageRecord& record = *found->second;
            if (message.role != record.role || message.toolCallId != record.toolCallId
                || message.eventSeq != record.eventSeq) {
                differs = place + QStringLiteral("role, call or step");
                return false;
            }
            if (!record.json.contains("attachment://") && message.json != QString::fromUtf8(record.json)) {
                differs = place + message.json + QStringLiteral(" != ") + QString::fromUtf8(record.json);
                return false;
            }
            jsonById[message.kind][QString::fromUtf8(record.id)] = message.json;
            ++seen;
            return true;
        });
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QCOMPARE(seen, expected.messages.size());
        // The final conversation read back equals the pool's message of the same id wherever the log has them equal.
        int equal = 0;
        for (const auto& [id, json] : jsonById[MessageRecord::Final]) {
            const auto pool = jsonById[MessageRecord::Pool].find(id);
            equal += pool != jsonById[MessageRecord::Pool].end() && pool->second == json;
        }
        QCOMPARE(qint64(equal), expected.shared);
    }

    // The index holds each stored message once; a hit is every place the message is in.
    QString error;
    QVERIFY2(store.indexMessages({}, &error), qPrintable(error));
    QCOMPARE(store.unindexedMessages(), qint64(0));
    QCOMPARE(count(store, "SELECT COUNT(*) FROM messages_fts_docsize"), messages - shared);
    // The closing message is in the final conversation only; the task's first message in both lists.
    const std::vector<SearchHit> opening = store.search(QStringLiteral("\"Reimplement\""), 0, 1000);
    std::set<std::pair<qint64, int>> places;
    for (const SearchHit& hit : opening)
        places.insert({ hit.sampleId, hit.eventSeq });
    QVERIFY(!opening.empty());
    const qint64 openingRows = count(store, R"sql(SELECT COUNT(*) FROM messages m WHERE m.copy_of IS NULL
        AND m.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH '"Reimplement"'))sql");
    const qint64 openingCopies = count(store, R"sql(SELECT COUNT(*) FROM messages m WHERE m.copy_of IN
        (SELECT rowid FROM messages_fts WHERE messages_fts MATCH '"Reimplement"'))sql");
    QVERIFY(openingCopies > 0);
    QCOMPARE(qint64(opening.size()), openingRows + openingCopies);
    // A transcript's find gives the steps of those places, its copies' included, however many parts it goes through
    // the sample's messages in; a find cancelled gives none.
    for (const SampleRow& row : store.samples()) {
        std::set<int> steps;
        for (const SearchHit& hit : opening) {
            if (hit.sampleId == row.id && hit.eventSeq >= 0)
                steps.insert(hit.eventSeq);
        }
        QVERIFY(!steps.empty());
        TranscriptQuery transcript(store, row.id);
        const std::vector<int> expected(steps.begin(), steps.end());
        QCOMPARE(transcript.find(QStringLiteral("Reimplement")), expected);
        int reported = 0;
        QCOMPARE(transcript.find(
                     QStringLiteral("Reimplement"), {},
                     [&reported](int done, int parts) { reported = done * 100 + parts; }, 7),
            expected);
        QCOMPARE(reported, 707);
        QCOMPARE(transcript.find(QStringLiteral("Reimplement"), [] { return true; }), std::vector<int>());
    }
    if (altered > 0) {
        // Only the final conversation holds the altered text: one hit for each, none in the pool.
        const std::vector<SearchHit> cleared = store.search(QStringLiteral("\"output cleared\""), 0, 1000);
        QCOMPARE(qint64(cleared.size()), differing);
        QCOMPARE(count(store, R"sql(SELECT COUNT(*) FROM messages WHERE kind = 1 AND id IN
            (SELECT rowid FROM messages_fts WHERE messages_fts MATCH '"output" "cleared"'))sql"),
            differing);
    }
}

void TestMessages::filesImportedBeforeAreImportedAgain()
{
    // A file a store of schema 6 or older imported keeps each message twice (shared_messages NULL, as the migration
    // leaves it): importing the same content again, from its path or another, replaces it instead of skipping it.
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("older"));
    options.seed = 5;
    options.scaleRuns = 1;
    options.samplesPerRun = 2;
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    const QString log = report.files.front();
    Store store;
    QVERIFY(store.open(options.outputDirectory + QStringLiteral(".sqlite")));
    Importer importer(store);
    const ImportResult first = importer.importFile(log);
    QCOMPARE(first.status, ImportResult::Imported);
    QCOMPARE(importer.importFile(log).status, ImportResult::Skipped);
    QCOMPARE(store.filesWithMessagesTwice(), qint64(0));

    // As an older Runlens stored it: every message a row with JSON of its own.
    QVERIFY(StoreConnection::of(store).exec("UPDATE files SET shared_messages = NULL, differing_messages = NULL"));
    QVERIFY(StoreConnection::of(store).exec("UPDATE messages SET copy_of = NULL"));
    QCOMPARE(store.filesWithMessagesTwice(), qint64(1));
    const QString copy = m_dir.filePath(QStringLiteral("older-copy.eval"));
    QVERIFY(QFile::copy(log, copy));
    const ImportResult again = importer.importFile(copy);
    QVERIFY2(again.status == ImportResult::Imported, qPrintable(again.error));
    QCOMPARE(again.sharedMessages, first.sharedMessages);
    QCOMPARE(store.filesWithMessagesTwice(), qint64(0));
    QCOMPARE(store.runs().size(), size_t(1));
    QCOMPARE(count(store, "SELECT COUNT(*) FROM files"), qint64(1));
    QCOMPARE(count(store, "SELECT COUNT(*) FROM messages WHERE copy_of IS NOT NULL"), first.sharedMessages);
    QCOMPARE(importer.importFile(log).status, ImportResult::Skipped);
}

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
