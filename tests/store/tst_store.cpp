// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "store/chunkstore.h"
#include "store/importer.h"
#include "store/messageindex.h"
#include "store/searchquery.h"
#include "store/sqlitedb.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/storeschema.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

/// Opening stores (created, existing, read-only, missing) and searching them with what a user may type.
class TestStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();

    void missingStoreIsAnErrorAndNothingIsMade();
    void createMakesTheStore();
    void readOnlyStoreReadsAndRefusesWrites();
    void commandLineOnAReadOnlyStore();
    void commandLineOnAMissingStore();

    void queryQuotesEveryTerm_data();
    void queryQuotesEveryTerm();
    void queryLimits();
    void tsvectorKeepsEachWordsPlaces();
    void searchSyntaxNeverErrors_data();
    void searchSyntaxNeverErrors();
    void prefixAndPhrase();
    void hugeQueriesReturnAtOnce();
    void searchCanBeCancelled();
    void sampleErrorsAreFound();
    void anOlderStoresSampleErrorsAreFound();
    void aVersion9StoresIndexIsBuiltAgain();

private:
    /// A store at `path` holding one run with two messages, indexed.
    void makeStore(const QString& path);
    /// Runs runlens-cli with `arguments` as a user who cannot write the store (root can write any file, so as root
    /// it runs as nobody, on a store owned by root with mode 0644 in a folder of mode 0755).
    QProcess::ProcessState runCli(const QStringList& arguments, QByteArray* out, QByteArray* err, int* status);

    QTemporaryDir m_dir;
    QString m_store; ///< a store with data, written once
};

void TestStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("data.sqlite"));
    makeStore(m_store);
}

void TestStore::makeStore(const QString& path)
{
    const QString log = QFileInfo(path).absolutePath() + QStringLiteral("/log.json");
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 2, "status": "success",
        "eval": {"task": "t", "model": "m/x", "created": "2026-01-02T00:00:00+00:00"},
        "samples": [{"id": "cal_c", "epoch": 1, "scores": {"s": {"value": "C"}}, "events": [],
        "messages": [{"role": "user", "content": "run bashrc-check AND (tests) NOT passing"},
                     {"role": "assistant", "content": "a wombat ate the tests; bashful wombats passed"}]}]})");
    file.close();
    Store store;
    QVERIFY(store.open(path, Store::OpenMode::Create));
    QCOMPARE(Importer(store).importFile(log).status, ImportResult::Imported);
    QString error;
    QVERIFY2(store.indexMessages({}, &error), qPrintable(error));
    QCOMPARE(store.unindexedMessages(), 0);
}

void TestStore::missingStoreIsAnErrorAndNothingIsMade()
{
    const QString folder = m_dir.filePath(QStringLiteral("not/there"));
    const QString path = folder + QStringLiteral("/store.sqlite");
    Store store;
    QVERIFY(!store.open(path, Store::OpenMode::Existing));
    QVERIFY2(store.errorString().contains(path), qPrintable(store.errorString()));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("not"))));
}

void TestStore::createMakesTheStore()
{
    const QString path = m_dir.filePath(QStringLiteral("new/folder/store.sqlite"));
    Store store;
    QVERIFY2(store.open(path, Store::OpenMode::Create), qPrintable(store.errorString()));
    QVERIFY(!store.isReadOnly());
    QVERIFY(QFileInfo::exists(path));
    QVERIFY(store.runs().empty());
    Store again;
    QVERIFY(again.open(path, Store::OpenMode::Existing));
    QVERIFY(!again.isReadOnly());
}

void TestStore::readOnlyStoreReadsAndRefusesWrites()
{
    if (geteuid() == 0)
        QSKIP("root writes any file: the command line test covers this case as an unprivileged user");
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(QFile::copy(m_store, path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(QFile::setPermissions(folder.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    const auto restore = qScopeGuard([&] {
        QFile::setPermissions(folder.path(), QFileDevice::WriteOwner | QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    });
    Store store;
    QVERIFY2(store.open(path, Store::OpenMode::Existing), qPrintable(store.errorString()));
    QVERIFY(store.isReadOnly());
    QCOMPARE(store.runs().size(), size_t(1));
    QCOMPARE(store.samples().size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("wombat")).size(), size_t(1));
    QString error;
    QVERIFY(!store.indexMessages({}, &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QCOMPARE(store.saveSuite(QStringLiteral("s"), QStringLiteral("p"), QStringLiteral("/s"), {}), 0);
    QVERIFY(store.errorString().contains(QLatin1String("read-only")));
    Store writer;
    QVERIFY(!writer.open(path, Store::OpenMode::Create));
    QVERIFY2(writer.errorString().contains(QLatin1String("read-only")), qPrintable(writer.errorString()));
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files),
        (QStringList { QStringLiteral("log.json"), QStringLiteral("store.sqlite") }));
}

QProcess::ProcessState TestStore::runCli(const QStringList& arguments, QByteArray* out, QByteArray* err, int* status)
{
    QProcess process;
    if (geteuid() == 0) {
        process.setProgram(QStringLiteral("setpriv"));
        process.setArguments(QStringList { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                 QStringLiteral("--clear-groups"), QStringLiteral(RUNLENS_CLI) }
            + arguments);
    } else {
        process.setProgram(QStringLiteral(RUNLENS_CLI));
        process.setArguments(arguments);
    }
    process.start();
    process.waitForFinished(60000);
    *out = process.readAllStandardOutput();
    *err = process.readAllStandardError();
    *status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return process.state();
}

void TestStore::commandLineOnAReadOnlyStore()
{
    if (geteuid() == 0 && QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("running as root without setpriv: no user to whom the store is read-only");
    // A folder others may enter (a temporary one is its owner's alone), holding a store they may only read.
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(QFile::copy(m_store, path));
    // The log to import lies beside it, where that user can read it: the import gets as far as the store.
    const QString log = folder.filePath(QStringLiteral("log.json"));
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("log.json")), log));
    const auto readable = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const auto enterable = QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(log, readable));
    QVERIFY(QFile::setPermissions(
        path, readable | (geteuid() == 0 ? QFileDevice::WriteOwner : QFileDevice::Permissions())));
    QVERIFY(QFile::setPermissions(
        folder.path(), readable | enterable | (geteuid() == 0 ? QFileDevice::WriteOwner : QFileDevice::Permissions())));
    const auto restore
        = qScopeGuard([&] { QFile::setPermissions(folder.path(), readable | enterable | QFileDevice::WriteOwner); });
    // The temporary folder's parents must be enterable by that user too.
    const QString parent = QFileInfo(folder.path()).absolutePath();
    if (!(QFileInfo(parent).permissions() & QFileDevice::ExeOther))
        QSKIP("the temporary folder's parent is closed to other users");

    QByteArray out, err;
    int status = 0;
    runCli({ QStringLiteral("runs"), QStringLiteral("--db"), path }, &out, &err, &status);
    QVERIFY2(status == 0, err.constData());
    QVERIFY2(out.contains("m/x"), out.constData());
    runCli({ QStringLiteral("samples"), QStringLiteral("--db"), path, QStringLiteral("--csv") }, &out, &err, &status);
    QVERIFY2(status == 0, err.constData());
    QVERIFY2(out.contains("cal_c"), out.constData());
    runCli({ QStringLiteral("import"), QStringLiteral("--db"), path, log }, &out, &err, &status);
    QCOMPARE(status, 1);
    QVERIFY2(err.contains("read-only") && err.contains(path.toUtf8()), err.constData());
    // Nothing was written beside it: no -wal, no -shm, and the store is as it was.
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files),
        (QStringList { QStringLiteral("log.json"), QStringLiteral("store.sqlite") }));
}

void TestStore::commandLineOnAMissingStore()
{
    const QString path = m_dir.filePath(QStringLiteral("absent/store.sqlite"));
    for (const QString& command : { QStringLiteral("runs"), QStringLiteral("samples") }) {
        QProcess process;
        process.start(QStringLiteral(RUNLENS_CLI), { command, QStringLiteral("--db"), path });
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains(path.toUtf8()), err.constData());
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("absent"))));
    }
}

void TestStore::queryQuotesEveryTerm_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("match");
    QTest::newRow("words") << QStringLiteral("wombat  tests") << QStringLiteral("\"wombat\" \"tests\"");
    QTest::newRow("prefix") << QStringLiteral("bash*") << QStringLiteral("\"bash\"*");
    QTest::newRow("phrase") << QStringLiteral("\"ate the\" x") << QStringLiteral("\"ate the\" \"x\"");
    QTest::newRow("phrase prefix") << QStringLiteral("\"ate th\"*") << QStringLiteral("\"ate th\"*");
    QTest::newRow("unclosed phrase") << QStringLiteral("a \"b c") << QStringLiteral("\"a\" \"b c\"");
    QTest::newRow("operators") << QStringLiteral("a AND b OR NOT c")
                               << QStringLiteral("\"a\" \"AND\" \"b\" \"OR\" \"NOT\" \"c\"");
    QTest::newRow("quote inside") << QStringLiteral("it\"s") << QStringLiteral("\"it\"\"s\"");
    QTest::newRow("column and caret") << QStringLiteral("text:x ^y") << QStringLiteral("\"text:x\" \"^y\"");
    QTest::newRow("punctuation alone") << QStringLiteral("( ) * \"\" - +") << QString();
    QTest::newRow("repeated") << QStringLiteral("test Test TEST test*") << QStringLiteral("\"test\" \"test\"*");
}

void TestStore::queryQuotesEveryTerm()
{
    QFETCH(QString, typed);
    QFETCH(QString, match);
    const SearchQuery query(typed);
    QVERIFY(query.isValid());
    QCOMPARE(query.match(), match);
    QCOMPARE(query.isEmpty(), match.isEmpty());
}

void TestStore::queryLimits()
{
    QStringList words;
    for (int i = 0; i < SearchQuery::maxTerms; ++i)
        words << QStringLiteral("w%1").arg(i);
    QVERIFY(SearchQuery(words.join(QLatin1Char(' '))).isValid());
    QCOMPARE(SearchQuery(words.join(QLatin1Char(' '))).termCount(), SearchQuery::maxTerms);
    words << QStringLiteral("one-more");
    const SearchQuery tooMany(words.join(QLatin1Char(' ')));
    QVERIFY(!tooMany.isValid());
    QVERIFY2(tooMany.errorString().contains(QString::number(SearchQuery::maxTerms)), qPrintable(tooMany.errorString()));
    QVERIFY(tooMany.match().isEmpty());

    const SearchQuery tooLong(QString(SearchQuery::maxCharacters + 1, QLatin1Char('a')));
    QVERIFY(!tooLong.isValid());
    QVERIFY2(
        tooLong.errorString().contains(QString::number(SearchQuery::maxCharacters)), qPrintable(tooLong.errorString()));
    QVERIFY(SearchQuery(QString(SearchQuery::maxCharacters, QLatin1Char('a'))).isValid());
}

void TestStore::tsvectorKeepsEachWordsPlaces()
{
    // PostgreSQL's index of a text: each word (folded as SQLite's tokenizer folds it) once, in the order it first
    // appears, with its places.
    QCOMPARE(SearchQuery::tsvector(QStringLiteral("Beta alpha, beta ALPHA gamma")),
        QByteArray("'beta':1,3 'alpha':2,4 'gamma':5"));
    QCOMPARE(SearchQuery::tsvector(QString()), QByteArray());
    // A word's first 256 places only.
    QStringList many(300, QStringLiteral("x"));
    QByteArray places = "'x':1";
    for (int place = 2; place <= 256; ++place)
        places += ',' + QByteArray::number(place);
    QCOMPARE(SearchQuery::tsvector(many.join(QLatin1Char(' '))), places);
    // Past the 16,383rd word every word is at that place, once.
    QStringList long_(16383, QStringLiteral("a"));
    long_ << QStringLiteral("z") << QStringLiteral("z") << QStringLiteral("y");
    const QByteArray vector = SearchQuery::tsvector(long_.join(QLatin1Char(' ')));
    QVERIFY2(vector.endsWith(" 'z':16383 'y':16383"), vector.right(40).constData());
}

void TestStore::searchSyntaxNeverErrors_data()
{
    QTest::addColumn<QString>("typed");
    for (const char* typed : { "AND", "OR", "NOT", "(", ")", "\"", "*", "NEAR(wombat tests)", "wombat AND", "OR wombat",
             "NOT wombat", "(wombat", "wombat\"", "\"wombat", "text:wombat", "^wombat", "-wombat", "wombat + tests",
             "{text}: wombat", "wombat ** *tests", "\"\"\"\"", "'wombat'", "wombat;DROP TABLE runs" })
        QTest::newRow(typed) << QString::fromUtf8(typed);
}

void TestStore::searchSyntaxNeverErrors()
{
    QFETCH(QString, typed);
    Store store;
    QVERIFY(store.open(m_store, Store::OpenMode::Existing));
    const SearchResult result = store.find(typed);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(!result.cancelled);
}

void TestStore::prefixAndPhrase()
{
    Store store;
    QVERIFY(store.open(m_store, Store::OpenMode::Existing));
    QCOMPARE(store.search(QStringLiteral("womb*")).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("womb")).size(), size_t(0));
    QCOMPARE(store.search(QStringLiteral("bash*")).size(), size_t(2)); // bashrc-check, bashful
    QCOMPARE(store.search(QStringLiteral("\"ate the tests\"")).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("\"the ate tests\"")).size(), size_t(0));
    // The index keeps no positions: a phrase's words in the message apart, or in another order, are not the phrase.
    QCOMPARE(store.search(QStringLiteral("\"wombat tests\"")).size(), size_t(0));
    QCOMPARE(store.search(QStringLiteral("\"ate th\"*")).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("\"ate ta\"*")).size(), size_t(0));
    QCOMPARE(store.search(QStringLiteral("bashrc-check")).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("check-bashrc")).size(), size_t(0));
    // Typed operators are words: the user's message holds AND and NOT, the assistant's does not.
    QCOMPARE(store.search(QStringLiteral("tests AND NOT")).size(), size_t(1));
    const std::vector<SearchHit> hits = store.search(QStringLiteral("wombat*"));
    QCOMPARE(hits.size(), size_t(1));
    QVERIFY2(hits.front().snippet.contains(QLatin1String("[wombat]")), qPrintable(hits.front().snippet));
}

void TestStore::hugeQueriesReturnAtOnce()
{
    Store store;
    QVERIFY(store.open(m_store, Store::OpenMode::Existing));
    QStringList words;
    for (int i = 0; i < 40000; ++i)
        words << QStringLiteral("wombat");
    QElapsedTimer clock;
    clock.start();
    const SearchResult huge = store.find(words.join(QLatin1Char(' ')));
    const qint64 refused = clock.nsecsElapsed();
    QVERIFY(huge.hits.empty());
    QVERIFY2(huge.error.contains(QString::number(SearchQuery::maxCharacters)), qPrintable(huge.error));
    // Within the limits, a word repeated to the limit is searched once: FTS5 took the square of the repetitions.
    const QString repeated = words.join(QLatin1Char(' ')).left(SearchQuery::maxCharacters);
    const SearchResult found = store.find(repeated);
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QCOMPARE(found.hits.size(), size_t(1));
    const qint64 all = clock.nsecsElapsed();
    qInfo("40,000 words refused in %.3f ms; 1,000 characters of one word searched in %.3f ms", double(refused) / 1e6,
        double(all - refused) / 1e6);
    QVERIFY2(all < 2'000'000'000, qPrintable(QString::number(all)));
}

void TestStore::searchCanBeCancelled()
{
    Store store;
    QVERIFY(store.open(m_store, Store::OpenMode::Existing));
    int asked = 0;
    const SearchResult result = store.find(QStringLiteral("wombat"), 0, 100, [&asked] {
        ++asked;
        return true;
    });
    QVERIFY(result.cancelled);
    QVERIFY(result.hits.empty());
    QVERIFY(result.error.isEmpty());
    QVERIFY(asked > 0);
    // The connection searches again once the stop is gone.
    QCOMPARE(store.search(QStringLiteral("wombat")).size(), size_t(1));
}

void TestStore::sampleErrorsAreFound()
{
    const QString path = m_dir.filePath(QStringLiteral("errors.sqlite"));
    const QString log = m_dir.filePath(QStringLiteral("errors.json"));
    const auto write = [&log](const char* traceback) {
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(R"({"version": 2, "status": "error",
            "eval": {"task": "t", "model": "m/x", "created": "2026-01-02T00:00:00+00:00"},
            "samples": [{"id": "fine", "epoch": 1, "scores": {"s": {"value": "C"}}, "events": [],
                "messages": [{"role": "user", "content": "count the apples"}]},
              {"id": "broken", "epoch": 1, "events": [
                {"event": "sample_init", "timestamp": "2026-01-02T00:00:01+00:00"},
                {"event": "model", "timestamp": "2026-01-02T00:00:02+00:00", "model": "m/x"},
                {"event": "error", "timestamp": "2026-01-02T00:00:03+00:00",
                 "error": {"message": "ZeroDivisionError: division by zero", "traceback": ")")
            + traceback + R"(", "traceback_ansi": ""}}],
               "messages": [{"role": "user", "content": "count the pears"}],
               "error": {"message": "ZeroDivisionError: division by zero", "traceback": ")"
            + traceback + R"(", "traceback_ansi": ""}}]})");
    };
    write("File solver.py, line 12, in divide_totals");
    Store store;
    QVERIFY(store.open(path, Store::OpenMode::Create));
    Importer importer(store);
    QCOMPARE(importer.importFile(log).status, ImportResult::Imported);
    QString error;
    QVERIFY2(store.indexMessages({}, &error), qPrintable(error));
    qint64 broken = 0;
    for (const SampleRow& sample : store.samples())
        broken = sample.sampleId == QLatin1String("broken") ? sample.id : broken;
    QVERIFY(broken > 0);

    // The message, a phrase of it, a prefix, and a word of the traceback all lead to the sample and its error's step.
    for (const char* words : { "ZeroDivisionError", "\"division by zero\"", "ZeroDiv*", "divide_totals" }) {
        const SearchResult found = store.find(QString::fromUtf8(words));
        QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
        QCOMPARE(found.hits.size(), size_t(1));
        const SearchHit& hit = found.hits.front();
        QCOMPARE(hit.sampleId, broken);
        QCOMPARE(hit.messageId, qint64(0));
        QCOMPARE(hit.eventSeq, 2);
        QVERIFY2(hit.snippet.contains(QLatin1Char('[')), qPrintable(hit.snippet));
    }
    // Messages are found as before; a search within one sample finds its error.
    const std::vector<SearchHit> count = store.search(QStringLiteral("count"));
    QCOMPARE(count.size(), size_t(2));
    QCOMPARE(store.search(QStringLiteral("ZeroDivisionError"), broken).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("ZeroDivisionError"), broken + 1000).size(), size_t(0));
    MessageIndex index(StoreConnection::of(store));
    QCOMPARE(index.steps(SearchQuery(QStringLiteral("divide_totals")), broken), std::vector<int> { 2 });

    // The file changed: its samples are replaced, and the old error is no longer found.
    write("File solver.py, line 40, in sum_baskets");
    QCOMPARE(importer.importFile(log).status, ImportResult::Imported);
    QCOMPARE(store.search(QStringLiteral("divide_totals")).size(), size_t(0));
    QCOMPARE(store.search(QStringLiteral("sum_baskets")).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("ZeroDivisionError")).size(), size_t(1));
    SqliteStatement integrity(StoreConnection::of(store),
        "INSERT INTO sample_errors_fts (sample_errors_fts, rank) VALUES ('integrity-check', 1)");
    QVERIFY2(integrity.exec(), qPrintable(StoreConnection::of(store).errorString()));
}

void TestStore::anOlderStoresSampleErrorsAreFound()
{
    const QString path = m_dir.filePath(QStringLiteral("version7.sqlite"));
    {
        SqliteDb db;
        QVERIFY(db.open(path));
        QVERIFY(registerChunkFunctions(db));
        QString error;
        QVERIFY2(StoreSchema::migrate(db, &error, 7), qPrintable(error));
        QVERIFY2(db.exec(R"sql(INSERT INTO files (id, path, status) VALUES (1, '/runs/a.eval', 'imported');
            INSERT INTO runs (id, file_id) VALUES (1, 1);
            INSERT INTO samples (id, run_id, sample_id, epoch, error) VALUES (1, 1, 'gron_go', 1, 'sandbox vanished');
            INSERT INTO samples (id, run_id, sample_id, epoch) VALUES (2, 1, 'gron_go', 2);)sql"),
            qPrintable(db.errorString()));
    }
    Store store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    const std::vector<SearchHit> hits = store.search(QStringLiteral("vanished"));
    QCOMPARE(hits.size(), size_t(1));
    QCOMPARE(hits.front().sampleId, qint64(1));
    QCOMPARE(hits.front().eventSeq, -1);
}

void TestStore::aVersion9StoresIndexIsBuiltAgain()
{
    // A store of version 9 indexed its messages with their words' positions (detail=full): version 10 drops that index
    // and every message waits to be indexed again, without positions.
    const QString path = m_dir.filePath(QStringLiteral("version9/store.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    makeStore(path);
    {
        SqliteDb db;
        QVERIFY(db.open(path));
        QVERIFY2(db.exec(R"sql(DROP TABLE messages_fts;
            CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='');
            INSERT INTO messages_fts (rowid, text) VALUES (1, 'run bashrc check AND tests NOT passing');
            PRAGMA user_version = 9;)sql"),
            qPrintable(db.errorString()));
    }
    Store store;
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QCOMPARE(StoreSchema::version(StoreConnection::of(store)), StoreSchema::currentVersion);
    SqliteStatement table(StoreConnection::of(store), "SELECT sql FROM sqlite_schema WHERE name = 'messages_fts'");
    QVERIFY(table.step());
    QVERIFY2(table.text(0).contains(QLatin1String("detail=none")), qPrintable(table.text(0)));
    QCOMPARE(store.unindexedMessages(), 2);
    QVERIFY(store.search(QStringLiteral("wombat")).empty());
    QString error;
    QVERIFY2(store.indexMessages({}, &error), qPrintable(error));
    QCOMPARE(store.unindexedMessages(), 0);
    QCOMPARE(store.search(QStringLiteral("\"ate the tests\"")).size(), size_t(1));
    QCOMPARE(store.search(QStringLiteral("\"the ate tests\"")).size(), size_t(0));
    QCOMPARE(store.search(QStringLiteral("passing")).size(), size_t(1));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
