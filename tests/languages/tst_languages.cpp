// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/eventsummary.h"
#include "store/sqlitedb.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/storeschema.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// What a store keeps does not depend on the language of the program that wrote it: the German window and the
// English command line write the same rows, and an older store's translated summaries are written again.
class TestLanguages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void germanWindowAndCommandLineWriteTheSameStore();
    void anOlderStoresSummariesAreRewritten();
    void summariesArePhrasedWhenShown();

private:
    /// Every row of the tables an import writes, as text, less what differs by path.
    static QStringList rows(const QString& storePath);
    static QString run(const QString& program, const QStringList& arguments);

    QTemporaryDir m_dir;
    QString m_log;
};

namespace {
QJsonObject logEvent(const QString& type, QJsonObject fields)
{
    fields.insert(QStringLiteral("event"), type);
    return fields;
}
}

void TestLanguages::initTestCase()
{
    // A sample with every event whose summary needs words of Runlens's own.
    const QJsonArray events {
        logEvent(QStringLiteral("model"),
            { { QStringLiteral("model"), QStringLiteral("m") },
                { QStringLiteral("error"), QStringLiteral("rate limited") },
                { QStringLiteral("output"), QJsonObject() } }),
        logEvent(QStringLiteral("compaction"),
            { { QStringLiteral("type"), QStringLiteral("summary") }, { QStringLiteral("tokens_before"), 180000 },
                { QStringLiteral("tokens_after"), 9000 } }),
        logEvent(QStringLiteral("score"),
            { { QStringLiteral("intermediate"), true },
                { QStringLiteral("score"),
                    QJsonObject { { QStringLiteral("value"), 0.5 },
                        { QStringLiteral("explanation"), QStringLiteral("7 of 14") } } } }),
        logEvent(QStringLiteral("state"), { { QStringLiteral("changes"), QJsonArray { 1, 2, 3 } } }),
        logEvent(QStringLiteral("approval"),
            { { QStringLiteral("decision"), QStringLiteral("approve") },
                { QStringLiteral("approver"), QStringLiteral("human") } }),
        logEvent(QStringLiteral("sample_limit"),
            { { QStringLiteral("type"), QStringLiteral("token") },
                { QStringLiteral("message"), QStringLiteral("budget spent") } }),
    };
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject {
                { QStringLiteral("task"), QStringLiteral("t") }, { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), 1 }, { QStringLiteral("epoch"), 1 },
                { QStringLiteral("events"), events } } } } };
    m_log = m_dir.filePath(QStringLiteral("log.json"));
    QFile file(m_log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(log).toJson());
}

QString TestLanguages::run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return QStringLiteral("did not finish");
    return process.exitCode() == 0 ? QString() : QString::fromUtf8(process.readAllStandardError());
}

QStringList TestLanguages::rows(const QString& storePath)
{
    Store store;
    if (!store.open(storePath))
        return { store.errorString() };
    SqliteDb& db = StoreConnection::of(store);
    QStringList rows;
    const char* const queries[] = {
        "SELECT task, model, status, log_version FROM runs ORDER BY id",
        "SELECT sample_id, epoch, score, solved, error, limit_type, event_count, marked_steps FROM samples ORDER BY id",
        "SELECT s.sample_id, e.seq, e.type, e.summary, e.model, e.cost, chunk_item(e.payload_chunk, e.payload_slot) "
        "FROM events e JOIN samples s ON s.id = e.sample_id ORDER BY s.sample_id, e.seq",
        "SELECT sample_id, type, count, seqs FROM event_steps ORDER BY sample_id, type",
    };
    for (const char* sql : queries) {
        SqliteStatement query(db, sql);
        while (query.step()) {
            QStringList cells;
            for (int column = 0; column < query.columnCount(); ++column)
                cells << query.text(column);
            rows << cells.join(QLatin1Char('|'));
        }
    }
    return rows;
}

void TestLanguages::germanWindowAndCommandLineWriteTheSameStore()
{
    QStringList inputs { m_log };
    // The real logs too, where they are beside the checkout.
    if (QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).exists())
        inputs << QStringLiteral(RUNLENS_FIXTURES_DIR);
    for (const QString& input : inputs) {
        const QString fromCli = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const QString fromWindow = m_dir.filePath(QStringLiteral("window.sqlite"));
        for (const QString& path : { fromCli, fromWindow })
            QFile::remove(path);
        // The command line fails on the fixtures that are broken on purpose; the stores must still agree.
        run(QStringLiteral(RUNLENS_CLI),
            { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), fromCli, input });
        const QString windowError = run(QStringLiteral(RUNLENS_GUI),
            { QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--store"), fromWindow,
                QStringLiteral("--render"), QStringLiteral("import"), QStringLiteral("--import"), input,
                QStringLiteral("--out"), m_dir.filePath(QStringLiteral("import.png")) });
        QVERIFY2(windowError.isEmpty(), qPrintable(windowError));
        const QStringList cli = rows(fromCli);
        const QStringList window = rows(fromWindow);
        QVERIFY2(cli.size() > 10, qPrintable(input));
        QCOMPARE(window, cli);
    }
}

void TestLanguages::anOlderStoresSummariesAreRewritten()
{
    const QString path = m_dir.filePath(QStringLiteral("older.sqlite"));
    QFile::remove(path);
    QVERIFY(run(QStringLiteral(RUNLENS_CLI),
        { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), path, m_log })
                .isEmpty());
    const QStringList fresh = rows(path);
    {
        // As a German window of schema 5 wrote them.
        SqliteDb db;
        QVERIFY(db.open(path));
        QVERIFY(db.exec("UPDATE events SET summary = CASE type WHEN 'model' THEN 'Modellfehler: rate limited' "
                        "WHEN 'compaction' THEN 'summary-Verdichtung: 180000 → 9000 Token' WHEN 'score' THEN '0.5 "
                        "(Zwischenstand): 7 of 14' "
                        "WHEN 'state' THEN '3 Änderungen' WHEN 'approval' THEN 'approve by human' "
                        "WHEN 'sample_limit' THEN 'token limit: budget spent' END; PRAGMA user_version = 5;"));
        // Without what schema 7 added (messages stored once).
        QVERIFY(db.exec(
            "DROP INDEX messages_copies; ALTER TABLE messages DROP COLUMN copy_of; "
            "ALTER TABLE files DROP COLUMN shared_messages; ALTER TABLE files DROP COLUMN differing_messages;"));
        // Nor what schema 8 added (sample errors searchable).
        QVERIFY(db.exec("DROP TRIGGER sample_errors_insert; DROP TRIGGER sample_errors_delete; "
                        "DROP TRIGGER sample_errors_update; DROP TABLE sample_errors_fts; "
                        "ALTER TABLE samples DROP COLUMN error_traceback;"));
        // Nor what schema 9 added (anatomy summaries kept).
        QVERIFY(db.exec("DROP TABLE anatomy_summaries;"));
    }
    QCOMPARE(rows(path), fresh);
    Store store;
    QVERIFY(store.open(path));
    QCOMPARE(StoreSchema::version(StoreConnection::of(store)), StoreSchema::currentVersion);
}

void TestLanguages::summariesArePhrasedWhenShown()
{
    QCOMPARE(EventSummary::phrase(
                 EventSummary::compaction(QStringLiteral("summary"), QStringLiteral("180000"), QStringLiteral("9000"))),
        QStringLiteral("summary compaction: 180000 \u2192 9000 tokens"));
    QCOMPARE(EventSummary::phrase(EventSummary::score(QStringLiteral("0.5"), true, QStringLiteral("7 of 14"))),
        QStringLiteral("0.5 (intermediate): 7 of 14"));
    QCOMPARE(EventSummary::phrase(EventSummary::changes(3)), QStringLiteral("3 change(s)"));
    QCOMPARE(EventSummary::phrase(EventSummary::modelError(QStringLiteral("rate limited"))),
        QStringLiteral("model error: rate limited"));
    // A summary made of the log's own text is shown as it is kept.
    QCOMPARE(EventSummary::phrase(QStringLiteral("bash {\"cmd\": \"ls\"}")), QStringLiteral("bash {\"cmd\": \"ls\"}"));
}

QTEST_GUILESS_MAIN(TestLanguages)
#include "tst_languages.moc"
