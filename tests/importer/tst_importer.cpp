// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/solverates.h"
#include "inspect/jsonstream.h"
#include "store/checkpointer.h"
#include "store/importer.h"
#include "store/messageindex.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/storeschema.h"
#include "store/transcriptquery.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

namespace {
QString fixture(const char* name)
{
    return QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).filePath(QString::fromLatin1(name));
}

/// Hands out `input` a few bytes at a time, as a zip member's reader hands out blocks.
JsonStream::Source inBlocks(const QByteArray& input, int blockSize)
{
    return [input, blockSize, at = qsizetype(0)](const char*& data, size_t& size) mutable {
        if (at >= input.size())
            return false;
        data = input.constData() + at;
        size = size_t(std::min<qsizetype>(blockSize, input.size() - at));
        at += qsizetype(size);
        return true;
    };
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
    void fileHashedByAnOlderStoreIsSkipped();
    void nonFiniteNumbersAndOddStrings();
    void changedFileReplacesItsRows_data();
    void changedFileReplacesItsRows();
    void stoppedIndexGoesOn();
    void indexReadsAheadOnlyWhatStands();
    void migratesAVersion2Store();
    void killedImportLeavesStoreAsItWas();
    void refusedWriteLeavesStoreAsItWas_data();
    void refusedWriteLeavesStoreAsItWas();
    void sharedTransactionsKeepEachFileWhole();
    void lostTransactionNamesItsFiles();
    void checkpointsBesideTheWriter();
    void rawItemsAcrossBlocks_data();
    void rawItemsAcrossBlocks();
    void stringMapsAcrossBlocks_data();
    void stringMapsAcrossBlocks();
    void longStringsAreCut_data();
    void longStringsAreCut();
    void stringMapCutInAnEscape();
    void boundValuesReadBack();

private:
    QTemporaryDir m_dir;
    Store m_store;
};

void TestImporter::init()
{
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("store.sqlite")));
    QVERIFY2(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))), qPrintable(m_store.errorString()));
    StoreConnection::of(m_store).exec("DELETE FROM files");
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
    QTest::newRow("header-only.json") << fixture("2024-08-29T15-11-17+00-00_popularity_5EAmX6wjMFqea6WY7XHzZp.json")
                                      << 0 << nan;
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
    QTest::newRow("security-guide.eval") << fixture(
        "2025-09-23T08-09-58-04-00_security-guide_LuxZJVwvymC3S3SyoJczxB.eval")
                                         << 16 << 0.6875;
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
    QVERIFY2(!accuracyMismatch(run),
        qPrintable(QStringLiteral("computed %1, header %2").arg(run.accuracy).arg(run.headerAccuracy)));
    if (samples > 0 && !std::isnan(accuracy))
        QVERIFY2(std::abs(run.accuracy - accuracy) < 1e-9, qPrintable(QString::number(run.accuracy)));
    if (run.hasHeaderAccuracy && !std::isnan(accuracy))
        QVERIFY(std::abs(run.headerAccuracy - accuracy) < 1e-9);
    // Every sample with events has them in order, and every message is searchable.
    SqliteStatement gaps(StoreConnection::of(m_store),
        "SELECT COUNT(*) FROM samples s WHERE event_count != "
        "(SELECT COUNT(*) FROM events e WHERE e.sample_id = s.id)");
    QVERIFY(gaps.step());
    QCOMPARE(gaps.integer(0), 0);
    // Every message's text resolves its attachments, and every message is indexed after the import.
    MessageIndex index(StoreConnection::of(m_store));
    SqliteStatement messages(StoreConnection::of(m_store), "SELECT id FROM messages");
    while (messages.step())
        QVERIFY(!index.text(messages.integer(0)).contains(QLatin1String("attachment://")));
    // A message in both the pool and the final conversation is indexed once (log_message_deduplication.eval has 11).
    QCOMPARE(index.pendingCount(), result.messages - result.sharedMessages);
    QVERIFY(index.indexPending());
    QCOMPARE(index.pendingCount(), 0);
    SqliteStatement indexed(StoreConnection::of(m_store),
        "SELECT (SELECT COUNT(*) FROM messages_fts_docsize) - (SELECT COUNT(*) FROM messages WHERE copy_of IS NULL)");
    QVERIFY(indexed.step());
    QCOMPARE(indexed.integer(0), 0);
}

void TestImporter::failuresNameTheFault_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("fault");
    QTest::newRow("cut short") << fixture("log_invalid.txt") << QStringLiteral("ends early, at byte 30");
    const QString garbled = m_dir.filePath(QStringLiteral("garbled.json"));
    QFile file(garbled);
    file.open(QIODevice::WriteOnly);
    file.write(R"({"version": 2, "status": "success", "eval": {"task": x}})");
    file.close();
    QTest::newRow("garbled") << garbled << QStringLiteral("invalid JSON at byte 53");
    QTest::newRow("version 4") << fixture("log_version_3.txt") << QStringLiteral("unsupported log version 4");
}

void TestImporter::failuresNameTheFault()
{
    REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(QString, fault);
    Importer importer(m_store);
    QVERIFY(importer.importFile(fixture("log_streaming.eval")).status == ImportResult::Imported);
    SqliteStatement count(StoreConnection::of(m_store),
        "SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM samples) + "
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
    SqliteStatement query(StoreConnection::of(m_store), R"sql(SELECT s.sample_id, s.epoch, s.score, s.event_count,
        (SELECT group_concat(type, ',') FROM (SELECT type FROM events e WHERE e.sample_id = s.id ORDER BY seq)),
        (SELECT group_concat(summary, '|') FROM (SELECT summary FROM events e WHERE e.sample_id = s.id ORDER BY seq))
        FROM samples s ORDER BY s.run_id)sql");
    QVERIFY(query.step());
    const QStringList first { query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
        query.text(5) };
    QVERIFY(query.step());
    const QStringList second { query.text(0), query.text(1), query.text(2), query.text(3), query.text(4),
        query.text(5) };
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

void TestImporter::fileHashedByAnOlderStoreIsSkipped()
{
    const QString path = QFileInfo(m_dir.filePath(QStringLiteral("older.json"))).absoluteFilePath();
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 2, "status": "success", "eval": {"task": "t", "task_id": "tid", "model": "m/x",
        "created": "2026-01-01T00:00:00+00:00", "config": {}}, "results": null, "samples": []})");
    file.close();
    Importer importer(m_store);
    QCOMPARE(importer.importFile(path).status, ImportResult::Imported);
    auto storedHash = [this] {
        SqliteStatement query(StoreConnection::of(m_store), "SELECT hash FROM files");
        return query.step() ? query.text(0) : QString();
    };
    const QString hash = storedHash();
    QCOMPARE(hash.size(), 32);
    // As a store of schema 5 or before recorded it: BLAKE2b.
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString legacy
        = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Blake2b_256).toHex());
    file.close();
    SqliteStatement setLegacy(StoreConnection::of(m_store), "UPDATE files SET hash = ?");
    setLegacy.bind(1, legacy);
    QVERIFY(setLegacy.exec());
    QCOMPARE(importer.importFile(path).status, ImportResult::Skipped);
    QCOMPARE(storedHash(), hash);
    // Another content of the same size is no match for it.
    SqliteStatement otherLegacy(StoreConnection::of(m_store), "UPDATE files SET hash = ?");
    otherLegacy.bind(1, QString(64, QLatin1Char('0')));
    QVERIFY(otherLegacy.exec());
    QCOMPARE(importer.importFile(path).status, ImportResult::Imported);
    QCOMPARE(storedHash(), hash);
    QCOMPARE(m_store.runs().size(), size_t(1));
}

namespace {
/// A small .json log written by the test: `samples` is the JSON text of the samples list.
QString writeJsonLog(const QString& path, const QByteArray& samples, const QByteArray& results = "null")
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(R"({"version": 2, "status": "success", "eval": {"task": "t", "task_id": "tid", "model": "m/x",
        "created": "2026-01-01T00:00:00+00:00", "config": {}}, "results": )"
        + results + R"(, "samples": )" + samples + "}");
    return path;
}

/// A one-sample log of `count` user messages, each with a word of its own (`word<N>`) and the word `shared`.
QString writeManyMessages(const QString& path, int count)
{
    QString messages;
    for (int i = 0; i < count; ++i) {
        messages += QStringLiteral("%1{\"role\": \"user\", \"content\": \"word%2 shared\"}")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(i);
    }
    return writeJsonLog(path,
        QStringLiteral(R"([{"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": "C"}}, "events": [],
            "messages": [%1]}])")
            .arg(messages)
            .toUtf8());
}
}

void TestImporter::nonFiniteNumbersAndOddStrings()
{
    const QString path = writeJsonLog(m_dir.filePath(QStringLiteral("nan.json")), R"([
        {"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": NaN}}, "messages": [
            {"role": "user", "content": "lone \udc00 surrogate"}], "events": []},
        {"id": 2, "epoch": 1, "target": "x", "scores": {"s": {"value": Infinity}}, "events": []},
        {"id": 3, "epoch": 1, "target": "x", "scores": {"s": {"value": -Infinity}}, "events": []},
        {"id": 4, "epoch": 1, "target": "x", "scores": {"s": {"value": {"visible": 1.0, "held_out": 0.5}}}, "events": []}
    ])",
        R"({"scores": [{"name": "s", "scorer": "s", "metrics": {"accuracy": {"name": "accuracy", "value": NaN}}}]})");
    Importer importer(m_store);
    const ImportResult result = importer.importFile(path);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    const std::vector<SampleRow> samples = m_store.samples();
    QCOMPARE(samples.size(), size_t(4));
    QVERIFY(std::isnan(samples[0].score)); // NaN: unscored
    QCOMPARE(samples[0].solved, -1);
    QVERIFY(samples[1].score > 1e300);
    QCOMPARE(samples[1].solved, 1);
    QVERIFY(samples[2].score < -1e300);
    QCOMPARE(samples[2].solved, 0);
    QCOMPARE(samples[3].score, 0.5); // a dict score reads its held_out value
    const std::vector<RunRow> runs = m_store.runs();
    QVERIFY(runs.front().hasHeaderAccuracy);
    QVERIFY(std::isnan(runs.front().headerAccuracy));
    MessageIndex index(StoreConnection::of(m_store));
    QVERIFY(index.indexPending());
    const std::vector<SearchHit> hits = index.search(QStringLiteral("surrogate"));
    QCOMPARE(hits.size(), size_t(1));
    QVERIFY2(hits.front().snippet.contains(QLatin1String("[surrogate]")), qPrintable(hits.front().snippet));
}

void TestImporter::changedFileReplacesItsRows()
{
    const QString path = m_dir.filePath(QStringLiteral("changing.json"));
    writeJsonLog(path, R"([{"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": "C"}}, "events": [],
        "messages": [{"role": "user", "content": "the first wording"}]}])");
    QFETCH(bool, indexedBetween);
    Importer importer(m_store);
    MessageIndex index(StoreConnection::of(m_store));
    QCOMPARE(importer.importFile(path).status, ImportResult::Imported);
    if (indexedBetween)
        QVERIFY(index.indexPending());
    SqliteStatement lastChunk(StoreConnection::of(m_store), "SELECT MAX(id), MIN(id) FROM chunks");
    QVERIFY(lastChunk.step());
    const qint64 firstImportsLast = lastChunk.integer(0);
    QVERIFY(firstImportsLast > 0);
    lastChunk.reset();
    writeJsonLog(path, R"([{"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": "I"}}, "events": [],
        "messages": [{"role": "user", "content": "the second wording"}]},
        {"id": 2, "epoch": 1, "target": "x", "scores": {"s": {"value": "I"}}, "events": []}])");
    QCOMPARE(importer.importFile(path).status, ImportResult::Imported);
    QCOMPARE(m_store.runs().size(), size_t(1));
    QCOMPARE(m_store.runs().front().samples, 2);
    QCOMPARE(m_store.runs().front().solvedSamples, 0);
    // A replaced chunk's id is never given again: a reader may still hold it.
    QVERIFY(lastChunk.step());
    QVERIFY(lastChunk.integer(1) > firstImportsLast);
    // The replaced messages left the full-text index with their rows, whether they were in it yet or not.
    QCOMPARE(index.pendingCount(), 1);
    QVERIFY(index.indexPending());
    QCOMPARE(index.search(QStringLiteral("first")).size(), size_t(0));
    QCOMPARE(index.search(QStringLiteral("second")).size(), size_t(1));
    QCOMPARE(index.search(QStringLiteral("wording")).size(), size_t(1));
    SqliteStatement integrity(
        StoreConnection::of(m_store), "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
    QVERIFY2(integrity.exec(), qPrintable(StoreConnection::of(m_store).errorString()));
}

void TestImporter::changedFileReplacesItsRows_data()
{
    QTest::addColumn<bool>("indexedBetween");
    QTest::newRow("indexed before the change") << true;
    QTest::newRow("changed before it was indexed") << false;
}

void TestImporter::stoppedIndexGoesOn()
{
    // More messages than one transaction of the index holds.
    constexpr int count = MessageIndex::messagesPerTransaction + 500;
    const QString last = QStringLiteral("word%1").arg(count - 1);
    QCOMPARE(Importer(m_store).importFile(writeManyMessages(m_dir.filePath(QStringLiteral("many.json")), count)).status,
        ImportResult::Imported);
    MessageIndex index(StoreConnection::of(m_store));
    QCOMPARE(index.pendingCount(), count);
    QCOMPARE(index.search(QStringLiteral("word0")).size(), size_t(0)); // stored, not yet searchable

    // Stopped after the first transaction: its messages are searchable, the rest waits, and the index is whole.
    QVERIFY(index.indexPending([](qint64, qint64) { return false; }));
    const qint64 left = index.pendingCount();
    QCOMPARE(left, 500);
    QCOMPARE(index.search(QStringLiteral("word0")).size(), size_t(1));
    QCOMPARE(index.search(last).size(), size_t(0));
    // FTS5 gathers up to 64 MB of terms before it writes them as a segment (its default is 1 MB).
    SqliteStatement hashSize(StoreConnection::of(m_store), "SELECT v FROM messages_fts_config WHERE k = 'hashsize'");
    QVERIFY(hashSize.step());
    QCOMPARE(hashSize.integer(0), qint64(64 << 20));
    SqliteStatement integrity(
        StoreConnection::of(m_store), "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
    QVERIFY2(integrity.exec(), qPrintable(StoreConnection::of(m_store).errorString()));

    // The next call goes on from there.
    qint64 lastDone = 0, lastTotal = 0;
    QVERIFY(index.indexPending([&](qint64 done, qint64 total) {
        lastDone = done;
        lastTotal = total;
        return true;
    }));
    QCOMPARE(lastDone, left);
    QCOMPARE(lastTotal, left);
    QCOMPARE(index.pendingCount(), 0);
    QCOMPARE(index.search(last).size(), size_t(1));
    QCOMPARE(index.search(QStringLiteral("shared"), 0, count).size(), size_t(count));
}

void TestImporter::indexReadsAheadOnlyWhatStands()
{
    // Two transactions and more; while the first one's last batch is indexed, the next batch's texts are read ahead on
    // another thread.
    constexpr int transaction = MessageIndex::messagesPerTransaction;
    constexpr int batch = MessageIndex::messagesPerBatch;
    constexpr int count = transaction + 2 * batch + 1000;
    QCOMPARE(Importer(m_store).importFile(writeManyMessages(m_dir.filePath(QStringLiteral("many.json")), count)).status,
        ImportResult::Imported);
    SqliteStatement first(StoreConnection::of(m_store), "SELECT MIN(id) FROM messages");
    QVERIFY(first.step());
    const qint64 base = first.integer(0);
    first.reset();

    // After the first transaction, another connection points the next batch's messages at the first message's JSON:
    // the texts read ahead for them are stale, and must not be indexed.
    MessageIndex index(StoreConnection::of(m_store));
    bool changed = false;
    QVERIFY(index.indexPending([&](qint64, qint64) {
        if (!std::exchange(changed, true)) {
            Store other;
            if (!other.open(m_store.path()))
                return false;
            SqliteStatement repoint(
                StoreConnection::of(other), R"sql(UPDATE messages SET json_chunk = (SELECT json_chunk FROM messages
                WHERE id = ?1), json_slot = (SELECT json_slot FROM messages WHERE id = ?1) WHERE id >= ?1 + ?2 AND id < ?1 + ?3)sql");
            repoint.bind(1, base);
            repoint.bind(2, transaction);
            repoint.bind(3, transaction + batch);
            if (!repoint.exec())
                return false;
        }
        return true;
    }));
    QVERIFY(changed);
    QCOMPARE(index.pendingCount(), 0);
    const auto found = [&index](int word) { return index.search(QStringLiteral("word%1").arg(word)).size(); };
    QCOMPARE(found(transaction - 1), size_t(1));
    QCOMPARE(found(transaction), size_t(0));
    QCOMPARE(found(transaction + batch - 1), size_t(0));
    QCOMPARE(found(transaction + batch), size_t(1));
    QCOMPARE(index.search(QStringLiteral("word0"), 0, count).size(), size_t(batch + 1));
    SqliteStatement integrity(
        StoreConnection::of(m_store), "INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')");
    QVERIFY2(integrity.exec(), qPrintable(StoreConnection::of(m_store).errorString()));
}

void TestImporter::migratesAVersion2Store()
{
    // A store as version 2 left it: messages indexed as they were imported, chunk ids reusable.
    const QString path = m_dir.filePath(QStringLiteral("version2.sqlite"));
    QFile::remove(path);
    {
        SqliteDb db;
        QVERIFY(db.open(path));
        QString error;
        QVERIFY2(StoreSchema::migrate(db, &error, 2), qPrintable(error));
        QVERIFY2(db.exec(R"sql(INSERT INTO files (id, path, status) VALUES (1, '/runs/a.eval', 'imported');
            INSERT INTO runs (id, file_id) VALUES (1, 1);
            INSERT INTO samples (id, run_id, sample_id, epoch) VALUES (1, 1, 'gron_go', 1);
            INSERT INTO chunks (id, sample_id, data) VALUES (7, 1, x'00'), (9, 1, x'00');
            INSERT INTO messages (sample_id, kind, idx) VALUES (1, 0, 0), (1, 0, 1), (1, 0, 2);
            INSERT INTO events (sample_id, seq, type, summary) VALUES (1, 0, 'tool', 'bash ls ✗ denied'), (1, 1, 'tool', 'bash ls');)sql"),
            qPrintable(db.errorString()));
    }
    Store store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QCOMPARE(StoreSchema::version(StoreConnection::of(store)), StoreSchema::currentVersion);
    // Its messages wait to be indexed (version 10 builds the index anew); its chunks are kept, and a new chunk never
    // takes a deleted one's id.
    QCOMPARE(MessageIndex(StoreConnection::of(store)).pendingCount(), 3);
    SqliteStatement chunks(
        StoreConnection::of(store), "SELECT group_concat(id) FROM (SELECT id FROM chunks ORDER BY id)");
    QVERIFY(chunks.step());
    QCOMPARE(chunks.text(0), QStringLiteral("7,9"));
    QVERIFY(StoreConnection::of(store).exec(
        "DELETE FROM chunks WHERE id = 9; INSERT INTO chunks (sample_id, data) VALUES (1, x'00')"));
    QCOMPARE(StoreConnection::of(store).lastInsertId(), 10);
    // The marks are gathered from its events into each sample's list of marked steps.
    SqliteStatement marks(StoreConnection::of(store), StoreSchema::marksQuery);
    marks.bind(1, 1);
    QVERIFY(marks.step());
    QCOMPARE(marks.integer(0), 0);
    QVERIFY(!marks.step());
    // Each type's steps are gathered from its events.
    TranscriptQuery tools(store, 1);
    QCOMPARE(tools.types(), QStringList { QStringLiteral("tool") });
    tools.setType(QStringLiteral("tool"));
    QCOMPARE(tools.count(), 2);
    QCOMPARE(tools.events(1, 10).front().seq, 1);
}

void TestImporter::killedImportLeavesStoreAsItWas()
{
    Importer importer(m_store);
    const QString small = writeJsonLog(m_dir.filePath(QStringLiteral("small.json")),
        R"([{"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": "C"}}, "events": []}])");
    QCOMPARE(importer.importFile(small).status, ImportResult::Imported);

    // A log large enough to be killed half way: many events with long text.
    QByteArray samples = R"([{"id": 1, "epoch": 1, "target": "x", "events": [)";
    // Text that does not compress away, so the store grows while the import runs.
    quint32 state = 12345;
    for (int i = 0; i < 40000; ++i) {
        QByteArray data(2000, ' ');
        for (char& c : data) {
            state = state * 1664525u + 1013904223u;
            c = char('a' + (state >> 24) % 26);
        }
        samples += R"({"event": "info", "timestamp": "2026-01-01T00:00:00+00:00", "data": ")" + data + R"("},)";
    }
    samples += R"({"event": "info", "data": 1}]}])";
    const QString large = writeJsonLog(m_dir.filePath(QStringLiteral("large.json")), samples);

    QProcess import;
    import.start(QStringLiteral(RUNLENS_CLI),
        { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), m_store.path(), large });
    QVERIFY(import.waitForStarted());
    // Kill it once it is writing: its transaction must vanish, and the store stay as it was.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_store.path() + QStringLiteral("-wal")).size() > 2 * 1024 * 1024
            || import.state() == QProcess::NotRunning,
        20000);
    const bool killedWhileWriting = import.state() == QProcess::Running;
    import.kill();
    import.waitForFinished();
    if (!killedWhileWriting)
        QSKIP("the import finished before it could be killed");

    Store reopened;
    QVERIFY(reopened.open(m_store.path()));
    if (reopened.runs().size() == 2)
        QSKIP("the import committed just before it was killed");
    SqliteStatement check(StoreConnection::of(reopened), "PRAGMA integrity_check");
    QVERIFY(check.step());
    QCOMPARE(check.text(0), QStringLiteral("ok"));
    QCOMPARE(reopened.runs().size(), size_t(1));
    SqliteStatement events(StoreConnection::of(reopened), "SELECT COUNT(*) FROM events");
    QVERIFY(events.step());
    QCOMPARE(events.integer(0), 0);
    // And the next import of the same file goes through.
    Importer again(reopened);
    QCOMPARE(again.importFile(large).status, ImportResult::Imported);
}

void TestImporter::refusedWriteLeavesStoreAsItWas_data()
{
    QTest::addColumn<int>("refusedSeq");
    // Refused in the first chunk of events, in the middle of the sample, and in the last chunk, written at its end.
    QTest::newRow("early") << 3;
    QTest::newRow("mid-way") << 2500;
    QTest::newRow("last event") << 4999;
}

void TestImporter::refusedWriteLeavesStoreAsItWas()
{
    QFETCH(int, refusedSeq);
    Importer importer(m_store);
    const QString small = writeJsonLog(m_dir.filePath(QStringLiteral("small.json")),
        R"([{"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": "C"}}, "events": []}])");
    QCOMPARE(importer.importFile(small).status, ImportResult::Imported);

    // The store refuses one event row, as a full disk would refuse a page.
    const QByteArray trigger = "CREATE TEMP TRIGGER refuse BEFORE INSERT ON events WHEN NEW.seq = "
        + QByteArray::number(refusedSeq) + " BEGIN SELECT RAISE(ABORT, 'no room for this row'); END";
    QVERIFY2(
        StoreConnection::of(m_store).exec(trigger.constData()), qPrintable(StoreConnection::of(m_store).errorString()));
    QByteArray samples = R"([{"id": 1, "epoch": 1, "target": "x", "events": [)";
    for (int i = 0; i < 5000; ++i)
        samples += R"({"event": "info", "timestamp": "2026-01-01T00:00:00+00:00", "data": "step )"
            + QByteArray::number(i) + R"("},)";
    samples
        += R"({"event": "info", "data": "last"}], "attachments": {"a": "b"}}, {"id": 2, "epoch": 1, "target": "y", "events": []}])";
    const QString large = writeJsonLog(m_dir.filePath(QStringLiteral("large.json")), samples);
    const ImportResult result = importer.importFile(large);
    QCOMPARE(result.status, ImportResult::Failed);
    QVERIFY2(result.error.contains(QLatin1String("no room for this row")), qPrintable(result.error));

    QCOMPARE(m_store.runs().size(), size_t(1));
    SqliteStatement rows(StoreConnection::of(m_store),
        "SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM chunks) + (SELECT COUNT(*) FROM attachments)");
    QVERIFY(rows.step());
    QCOMPARE(rows.integer(0), 0);
    // The store is usable at once: without the trigger the same file goes in.
    QVERIFY(StoreConnection::of(m_store).exec("DROP TRIGGER refuse"));
    const ImportResult again = importer.importFile(large);
    QCOMPARE(again.status, ImportResult::Imported);
    QCOMPARE(again.events, 5001);
}

void TestImporter::sharedTransactionsKeepEachFileWhole()
{
    const QByteArray events = R"([{"event": "info", "data": "a"}, {"event": "info", "data": "b"}])";
    const QString first = writeJsonLog(m_dir.filePath(QStringLiteral("first.json")),
        R"([{"id": 1, "epoch": 1, "target": "x", "scores": {"s": {"value": "C"}}, "events": )" + events + "}]");
    const QString broken = writeJsonLog(m_dir.filePath(QStringLiteral("broken.json")),
        R"([{"id": 1, "epoch": 1, "target": "x", "events": )" + events.chopped(1) + ", {]}]");
    const QString third = writeJsonLog(m_dir.filePath(QStringLiteral("third.json")),
        R"([{"id": 3, "epoch": 1, "target": "z", "scores": {"s": {"value": "I"}}, "events": )" + events + "}]");

    Store other;
    QVERIFY(other.open(m_store.path()));
    {
        Importer importer(m_store);
        // A minute: the three files go into one transaction however slow the machine.
        importer.setSharedTransactions(true, 60000);
        QCOMPARE(importer.importFile(first).status, ImportResult::Imported);
        QCOMPARE(importer.importFile(broken).status, ImportResult::Failed);
        QCOMPARE(importer.importFile(third).status, ImportResult::Imported);
        // Small files share one transaction: nothing is visible to another connection yet.
        QCOMPARE(other.runs().size(), size_t(0));
        QVERIFY(importer.commit());
    }
    // The broken file left nothing but its failure; the files around it are whole.
    QCOMPARE(other.runs().size(), size_t(2));
    SqliteStatement rows(
        StoreConnection::of(other), R"sql(SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM samples),
        (SELECT group_concat(status) FROM (SELECT status FROM files ORDER BY path)))sql");
    QVERIFY(rows.step());
    QCOMPARE(rows.integer(0), 4);
    QCOMPARE(rows.integer(1), 2);
    QCOMPARE(rows.text(2), QStringLiteral("failed,imported,imported"));
    SqliteStatement integrity(StoreConnection::of(other), "PRAGMA integrity_check");
    QVERIFY(integrity.step());
    QCOMPARE(integrity.text(0), QStringLiteral("ok"));
}

void TestImporter::lostTransactionNamesItsFiles()
{
    const auto log = [this](const char* name, const char* id) {
        return writeJsonLog(m_dir.filePath(QString::fromLatin1(name)),
            QByteArray(R"([{"id": ")") + id
                + R"(", "epoch": 1, "target": "x", "events": [{"event": "info", "data": "a"}, {"event": "info", "data": "b"}]}])");
    };
    const QString first = log("first.json", "one"), second = log("second.json", "two"),
                  third = log("third.json", "three");
    Importer importer(m_store);
    importer.setSharedTransactions(true, 60000);

    // SQLite rolls the whole transaction back by itself, as on a full disk: the file imported before goes with it.
    QCOMPARE(importer.importFile(first).status, ImportResult::Imported);
    QVERIFY(StoreConnection::of(m_store).exec("CREATE TEMP TRIGGER drop_all BEFORE INSERT ON events WHEN NEW.seq = 1 "
                                              "BEGIN SELECT RAISE(ROLLBACK, 'disk full'); END"));
    ImportResult result = importer.importFile(second);
    // (Created inside the transaction, the trigger went with it.)
    QVERIFY(StoreConnection::of(m_store).exec("DROP TRIGGER IF EXISTS drop_all"));
    QCOMPARE(result.status, ImportResult::Failed);
    QVERIFY2(result.error.contains(QLatin1String("disk full")), qPrintable(result.error));
    QCOMPARE(result.lostFiles, QStringList { first });
    QVERIFY(importer.commit());
    QCOMPARE(m_store.runs().size(), size_t(0));

    // COMMIT itself fails (here a foreign key checked only then): the files in the transaction are named.
    QCOMPARE(importer.importFile(third).status, ImportResult::Imported);
    QVERIFY(StoreConnection::of(m_store).exec(
        "PRAGMA defer_foreign_keys = ON; "
        "INSERT INTO event_steps (sample_id, type, count, seqs) VALUES (999999, 'x', 0, '[]')"));
    QString error;
    QStringList lost;
    QVERIFY(!importer.commit(&error, &lost));
    QCOMPARE(lost, QStringList { third });
    QVERIFY2(error.contains(QLatin1String("FOREIGN KEY")), qPrintable(error));

    QCOMPARE(m_store.runs().size(), size_t(0));
    SqliteStatement files(
        StoreConnection::of(m_store), "SELECT group_concat(status) FROM (SELECT status FROM files ORDER BY path)");
    QVERIFY(files.step());
    QCOMPARE(files.text(0), QStringLiteral("failed,failed,failed"));
    // And the next file goes in.
    QCOMPARE(importer.importFile(first).status, ImportResult::Imported);
    QVERIFY(importer.commit());
    QCOMPARE(m_store.runs().size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestImporter)
void TestImporter::checkpointsBesideTheWriter()
{
    const QString path = m_store.path();
    SqliteDb& db = StoreConnection::of(m_store);
    QVERIFY(db.exec("CREATE TABLE scratch (data BLOB)"));
    // 24 MB of pages that do not compress, past the 16 MB at which a checkpoint is due.
    const auto commitPages = [&db] {
        QVERIFY(db.exec("BEGIN"));
        QVERIFY(db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 384) "
                        "INSERT INTO scratch SELECT randomblob(65536) FROM n"));
        QVERIFY(db.exec("COMMIT"));
    };
    const qint64 empty = QFileInfo(path).size();
    {
        Checkpointer checkpointer(db, path);
        commitPages();
        checkpointer.waitForIdle();
        // Copied into the store file by the checkpointer's thread, while the writer's connection stays open.
        QVERIFY2(QFileInfo(path).size() > empty + 24'000'000, qPrintable(QString::number(QFileInfo(path).size())));
    }
    // Without it, SQLite checkpoints inside the commit again.
    const qint64 before = QFileInfo(path).size();
    commitPages();
    QVERIFY2(QFileInfo(path).size() > before + 24'000'000, qPrintable(QString::number(QFileInfo(path).size())));
    SqliteStatement integrity(db, "PRAGMA integrity_check");
    QVERIFY(integrity.step());
    QCOMPARE(integrity.text(0), QStringLiteral("ok"));
}

void TestImporter::rawItemsAcrossBlocks_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::newRow("nested") << QByteArray(R"({"a": [1, {"b": []}], "c": {}})");
    QTest::newRow("brackets in strings") << QByteArray(R"({"s": "}]{[", "t": "\"}"})");
    QTest::newRow("backslash runs") << QByteArray(R"({"a": "\\", "b": "\\\"}", "c": "x\\\\"})");
    QTest::newRow("array") << QByteArray(R"([{"x": "]"}, ["\\"], 3])");
    // Long enough for the scans' 16-byte steps: quotes, backslashes and brackets on and beside their edges.
    QTest::newRow("long") << QByteArray(R"({"key number one": "a string of some length \"}]\\", "n": [1, 2, {"deep": )"
                                        R"("0123456789abcde\\"}], "last": "0123456789abcd\"f\\\\\"]}[{"})");
    // An escape at every place in the scans' 16-byte steps, the last place of one included.
    for (int k = 0; k < 34; ++k) {
        QTest::addRow("escapes after %d bytes", k)
            << (R"({"s": ")" + QByteArray(k, 'x') + R"(\"}]", "t": ")" + QByteArray(33 - k, 'y') + R"(\\"})");
    }
}

void TestImporter::rawItemsAcrossBlocks()
{
    // The item is copied exactly, whatever the block size; the stream stops before its closing bracket.
    QFETCH(QByteArray, item);
    const QByteArray input = item + " , 7";
    for (const int blockSize : { 1, 2, 3, 4, 5, 15, 16, 17, 33, int(input.size()) }) {
        JsonStream stream(inBlocks(input, blockSize));
        const char open = stream.Take();
        std::string raw;
        QVERIFY(stream.takeRaw(raw, open) == JsonStream::RawFault::None);
        QCOMPARE(QByteArray::fromStdString(raw), item);
        QCOMPARE(stream.Peek(), item.back());
        QCOMPARE(stream.Tell(), size_t(item.size() - 1));
    }
    // An item the input cuts off is reported.
    JsonStream cut([done = false](const char*& data, size_t& size) mutable {
        data = R"({"a": "}")";
        size = 8;
        return !std::exchange(done, true);
    });
    std::string raw;
    QVERIFY(cut.takeRaw(raw, cut.Take()) == JsonStream::RawFault::Ended);
    // Nesting past the limit stops the copy at the bracket that passes it.
    const QByteArray deep = "{\"a\": " + QByteArray(40000, '[');
    JsonStream deepStream(inBlocks(deep, 4096));
    QVERIFY(deepStream.takeRaw(raw, deepStream.Take()) == JsonStream::RawFault::TooDeep);
    QCOMPARE(deepStream.faultAt(), size_t(6 + JsonLimits::maxDepth - 1));
}

void TestImporter::longStringsAreCut_data()
{
    QTest::addColumn<QByteArray>("text"); // a string's JSON text, without its quotes
    QTest::newRow("plain") << QByteArray(300, 'x');
    QTest::newRow("escapes") << QByteArray("\\n").repeated(150);
    QTest::newRow("escaped quotes") << QByteArray("a\\\"").repeated(100);
    QTest::newRow("two-byte characters") << QByteArray("\xc3\xa9").repeated(150);
    QTest::newRow("four-byte characters") << QByteArray("\xf0\x9f\x98\x80").repeated(80);
    QTest::newRow("\\u escapes") << QByteArray("\\u00e9").repeated(60);
    QTest::newRow("surrogate pairs") << QByteArray("\\ud83d\\ude00").repeated(30);
}

void TestImporter::longStringsAreCut()
{
    // Whichever way a string is read (RapidJSON's own parse, a list item copied raw, a string map), one longer than
    // the cap keeps its first bytes, never cut inside an escape, a character or a surrogate pair, and the marker; the
    // value after it is read as before. At every block size.
    QFETCH(QByteArray, text);
    constexpr size_t cap = 41;
    const QByteArray object = "{\"s\": \"" + text + "\", \"n\": 7}";
    rapidjson::Document whole;
    QVERIFY(!whole.Parse(object.constData(), size_t(object.size())).HasParseError());
    const std::string full(whole["s"].GetString(), whole["s"].GetStringLength());
    const QByteArray marker = QByteArray::fromStdString(JsonLimits::truncationMarker(size_t(text.size()), 0));
    const QByteArray markerStart = marker.left(marker.indexOf(", first"));
    const auto check = [&](const std::string& value, const JsonStream& stream) {
        QCOMPARE(stream.cuts().size(), size_t(1));
        const JsonStream::Cut cut = stream.cuts().front();
        QCOMPARE(cut.offset, size_t(6));
        QCOMPARE(cut.bytes, size_t(text.size()));
        // RapidJSON's own strings are cut at the first byte that may end them after the cap, the others before.
        QVERIFY2(cut.kept < cap + 12 && cut.kept + 12 > cap, QByteArray::number(qulonglong(cut.kept)));
        const QByteArray kept = QByteArray::fromStdString(value);
        QVERIFY2(kept.contains(markerStart), kept);
        const QByteArray prefix = kept.left(kept.indexOf(markerStart));
        QVERIFY(!prefix.isEmpty());
        QVERIFY2(QByteArray::fromStdString(full).startsWith(prefix), prefix);
        QVERIFY(QString::fromUtf8(prefix).toUtf8() == prefix); // whole characters only
    };
    for (const int blockSize : { 1, 2, 3, 7, 16, 17, 64, int(object.size()) }) {
        {
            JsonStream stream(inBlocks(object, blockSize));
            stream.setStringCap(cap);
            rapidjson::Document parsed;
            parsed.ParseStream(stream);
            QVERIFY2(!parsed.HasParseError(), rapidjson::GetParseError_En(parsed.GetParseError()));
            QCOMPARE(parsed["n"].GetInt(), 7);
            check(std::string(parsed["s"].GetString(), parsed["s"].GetStringLength()), stream);
        }
        {
            JsonStream stream(inBlocks(object, blockSize));
            stream.setStringCap(cap);
            std::string raw;
            QVERIFY(stream.takeRaw(raw, stream.Take()) == JsonStream::RawFault::None);
            rapidjson::Document parsed;
            QVERIFY2(!parsed.Parse(raw.data(), raw.size()).HasParseError(), raw.c_str());
            QCOMPARE(parsed["n"].GetInt(), 7);
            check(std::string(parsed["s"].GetString(), parsed["s"].GetStringLength()), stream);
        }
        if (!text.contains("\\u")) {
            const QByteArray map = "{\"s\": \"" + text + "\", \"n\": \"7\"}";
            JsonStream stream(inBlocks(map, blockSize));
            stream.setStringCap(cap);
            stream.Take();
            std::map<std::string, std::string> values;
            QVERIFY(!stream.takeStringMap([&](const std::string& key, const std::string& value) {
                values[key] = value;
                return true;
            }));
            QCOMPARE(values["n"], std::string("7"));
            QCOMPARE(stream.cuts().size(), size_t(1));
            QVERIFY(QByteArray::fromStdString(values["s"]).contains(markerStart));
            QVERIFY(full.compare(0, values["s"].find(" [trunc"), values["s"], 0, values["s"].find(" [trunc")) == 0);
        }
    }
}

void TestImporter::stringMapsAcrossBlocks_data()
{
    QTest::addColumn<QByteArray>("object");
    QTest::addColumn<QString>("fault"); // empty: the object is read, each value as RapidJSON reads it
    QTest::addColumn<QByteArray>("faultAt"); // the text the fault is reported at; empty: the end of the input
    QTest::newRow("empty") << QByteArray("{ }") << QString() << QByteArray();
    QTest::newRow("plain") << QByteArray(R"({"a1": "one", "b2":"two"})") << QString() << QByteArray();
    QTest::newRow("white space") << QByteArray("{\n\t\"k\" :\r\n \"v\" ,\"l\": \"\"\n}") << QString() << QByteArray();
    QTest::newRow("escapes") << QByteArray(R"({"e": "q\"b\\s\/n\nr\rt\tb\bf\f \u00e9\u20ac \ud83d\ude00 }"})")
                             << QString() << QByteArray();
    QTest::newRow("quotes and braces") << QByteArray(R"({"x": "}\"{", "y": "\\"})") << QString() << QByteArray();
    QTest::newRow("lone surrogates") << QByteArray(
        R"({"s": "a\ud800b\udc00c\ud800\u0041", "t": "\ud800\n\ud800\ud83d\ude00\ud800"})")
                                     << QString() << QByteArray();
    QTest::newRow("not a string") << QByteArray(R"({"a": "one", "b": 2})") << QStringLiteral("not a string")
                                  << QByteArray("2}");
    QTest::newRow("control character") << QByteArray("{\"a\": \"x\ny\"}") << QStringLiteral("control character")
                                       << QByteArray("\ny");
    QTest::newRow("bad escape") << QByteArray(R"({"a": "\x41"})") << QStringLiteral("invalid escape")
                                << QByteArray(R"(\x41)");
    QTest::newRow("bad hex") << QByteArray(R"({"a": "\u00g1"})") << QStringLiteral("\\u escape")
                             << QByteArray(R"(\u00g1)");
    QTest::newRow("missing comma") << QByteArray(R"({"a": "1" "b": "2"})") << QStringLiteral("',' or '}'")
                                   << QByteArray(R"("b")");
    QTest::newRow("missing colon") << QByteArray(R"({"a" "b"})") << QStringLiteral("':' was expected")
                                   << QByteArray(R"("b")");
    QTest::newRow("cut short") << QByteArray(R"({"a": "1", "b": "tw)") << QStringLiteral("ends inside a string")
                               << QByteArray();
    QTest::newRow("long") << QByteArray(R"({"a key of 16 ch.": "0123456789abcdef\"0123456789abcde\\x", )"
                                        R"("b": "\u00e9 and the rest of a long value \t\n"})")
                          << QString() << QByteArray();
    QTest::newRow("long, control character") << QByteArray("{\"k\": \"0123456789abcdefghijklmnopqrs\ttuv\"}")
                                             << QStringLiteral("control character") << QByteArray("\ttuv");
}

void TestImporter::stringMapsAcrossBlocks()
{
    QFETCH(QByteArray, object);
    QFETCH(QString, fault);
    QFETCH(QByteArray, faultAt);
    const QByteArray input = object + " , 7";
    std::vector<std::pair<std::string, std::string>> expected;
    if (QByteArray(QTest::currentDataTag()) == "lone surrogates") {
        // RapidJSON fails a lone high surrogate and keeps a lone low one as it is: this reader makes both U+FFFD.
        expected.emplace_back("s", "a\uFFFDb\uFFFDc\uFFFDA");
        expected.emplace_back("t", "\uFFFD\n\uFFFD\U0001F600\uFFFD");
    } else if (fault.isEmpty()) {
        rapidjson::Document document;
        QVERIFY(!document.Parse(object.constData(), size_t(object.size())).HasParseError());
        for (const auto& member : document.GetObject())
            expected.emplace_back(
                member.name.GetString(), std::string(member.value.GetString(), member.value.GetStringLength()));
    }
    for (const int blockSize : { 1, 2, 3, 4, 5, 6, 7, 15, 16, 17, 33, int(input.size()) }) {
        JsonStream stream(inBlocks(input, blockSize));
        QCOMPARE(stream.Take(), '{');
        std::vector<std::pair<std::string, std::string>> read;
        const char* error = stream.takeStringMap([&read](const std::string& key, const std::string& value) {
            read.emplace_back(key, value);
            return true;
        });
        if (!fault.isEmpty()) {
            QVERIFY2(error && QString::fromUtf8(error).contains(fault), error ? error : "no fault");
            QCOMPARE(stream.faultAt(), size_t(faultAt.isEmpty() ? input.size() : input.indexOf(faultAt)));
            continue;
        }
        QVERIFY2(!error, error);
        QVERIFY(read == expected);
        // Stopped before the closing brace, for the reader to take.
        QCOMPARE(stream.Peek(), '}');
        QCOMPARE(stream.Tell(), size_t(object.size() - 1));
    }
}

void TestImporter::stringMapCutInAnEscape()
{
    JsonStream stream([done = false](const char*& data, size_t& size) mutable {
        data = R"({"a": "\u00)";
        size = 11;
        return !std::exchange(done, true);
    });
    QCOMPARE(stream.Take(), '{');
    const char* error = stream.takeStringMap([](const std::string&, const std::string&) { return true; });
    QVERIFY(error);
    QCOMPARE(QString::fromUtf8(error), QStringLiteral("the input ends inside a string"));
}

void TestImporter::boundValuesReadBack()
{
    // SQLite reads bound text and bytes where the statement keeps them: short and long, one after another, bound
    // again after a reset, they must all read back whole.
    SqliteStatement echo(StoreConnection::of(m_store), "SELECT ?1, ?2, ?3, ?4, length(?1)");
    const QString unicode = QStringLiteral("Gr\u00fc\u00dfe \u2717 \U0001F600");
    const QByteArray longText(5000, 'x');
    for (int round = 0; round < 2; ++round) {
        echo.bind(1, unicode);
        echo.bind(2, std::string_view("short"));
        echo.bind(3, QByteArray(longText).append(char('0' + round)));
        echo.bindBlob(4, QByteArray("\0\1\2", 3));
        QVERIFY(echo.step());
        QCOMPARE(echo.text(0), unicode);
        QCOMPARE(echo.text(1), QStringLiteral("short"));
        QCOMPARE(echo.bytes(2), QByteArray(longText).append(char('0' + round)));
        QCOMPARE(echo.blob(3), QByteArray("\0\1\2", 3));
        QCOMPARE(echo.integer(4), qint64(unicode.toUcs4().size()));
        echo.reset();
    }
    echo.bind(1, QString());
    QVERIFY(echo.step());
    QVERIFY(echo.isNull(0));
}

#include "tst_importer.moc"
