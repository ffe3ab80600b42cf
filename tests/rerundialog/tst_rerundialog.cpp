// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "rerundialog.h"
#include "store/importer.h"
#include "store/store.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestRerunDialog : public QObject {
    Q_OBJECT
private slots:
    void rerunsTheCodeAtAStep();
    void aMissingSuiteSaysSo();
};

void TestRerunDialog::rerunsTheCodeAtAStep()
{
    if (QStandardPaths::findExecutable(QStringLiteral("python3"), { QStringLiteral("/usr/bin") }).isEmpty())
        QSKIP("the rebuilt program needs the system's python3");
    QTemporaryDir dir;
    auto create = [](const QString& text) {
        return QJsonObject { { QStringLiteral("event"), QStringLiteral("tool") },
            { QStringLiteral("function"), QStringLiteral("text_editor") },
            { QStringLiteral("arguments"),
                QJsonObject { { QStringLiteral("command"), QStringLiteral("create") },
                    { QStringLiteral("path"), QStringLiteral("/w/echo.py") },
                    { QStringLiteral("file_text"), text } } } };
    };
    // Step 0: a program that prints nothing; step 1: one that echoes its arguments.
    const QJsonArray events { create(QStringLiteral("pass\n")),
        create(QStringLiteral("import sys\nprint(' '.join(sys.argv[1:]))\n")) };
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject {
                { QStringLiteral("task"), QStringLiteral("t") }, { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), 1 }, { QStringLiteral("epoch"), 1 },
                { QStringLiteral("events"), events } } } } };
    QFile file(dir.filePath(QStringLiteral("log.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(log).toJson());
    file.close();
    QFile suite(dir.filePath(QStringLiteral("suite.jsonl")));
    QVERIFY(suite.open(QIODevice::WriteOnly));
    suite.write(R"({"id": "hello", "args": ["hello"], "stdout": "hello\n", "exit_code": 0})"
                "\n"
                R"({"id": "two", "args": ["a", "b"], "stdout": "a b\n", "exit_code": 0, "visibility": "held_out"})"
                "\n");
    suite.close();
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))));
    QCOMPARE(Importer(store).importFile(file.fileName()).status, ImportResult::Imported);
    const qint64 sampleId = store.samples().front().id;

    for (const int step : { 0, 1 }) {
        RerunDialog dialog(store.path(), sampleId, step);
        dialog.setSuite(suite.fileName());
        QSignalSpy finished(&dialog, &RerunDialog::rerunFinished);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto* table = dialog.findChild<QTableView*>();
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 2);
        // The summary says how the tests were sandboxed.
        const QLabel* label = dialog.findChild<QLabel*>(QStringLiteral("summary"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QLatin1String("bubblewrap box"))
                || label->text().contains(QLatin1String("without a box")),
            qPrintable(label->text()));
    }
    const std::vector<RerunRow> rows = store.reruns(sampleId);
    QCOMPARE(rows.size(), size_t(2));
    QCOMPARE(rows[0].step, 0);
    QCOMPARE(rows[0].summary.passed, 0);
    QCOMPARE(rows[1].step, 1);
    QCOMPARE(rows[1].summary.passed, 2);
    QCOMPARE(rows[1].summary.heldOutPassed, 1);
}

void TestRerunDialog::aMissingSuiteSaysSo()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))));
    auto summary = [](const RerunDialog& dialog) {
        const QLabel* label = dialog.findChild<QLabel*>(QStringLiteral("summary"));
        return label ? label->text() : QString();
    };
    RerunDialog none(store.path(), 1, -1);
    none.start(); // no suite chosen: nothing runs
    none.waitForFinished();
    QVERIFY2(summary(none).contains(QLatin1String("Choose a test suite")), qPrintable(summary(none)));
    const QProgressBar* bar = none.findChild<QProgressBar*>();
    QVERIFY(bar);
    QVERIFY(bar->maximum() > 0); // not busy

    const QString missing = dir.filePath(QStringLiteral("missing.jsonl"));
    RerunDialog absent(store.path(), 1, -1);
    absent.setSuite(missing);
    absent.start();
    absent.waitForFinished();
    QVERIFY2(summary(absent).startsWith(missing), qPrintable(summary(absent)));
    QVERIFY(absent.findChild<QProgressBar*>()->maximum() > 0);
}

QTEST_MAIN(TestRerunDialog)
#include "tst_rerundialog.moc"
