// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "runner/workspacebuilder.h"
#include "store/importer.h"
#include "store/store.h"
#include "store/transcriptquery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QJsonObject toolEvent(const QString& function, const QJsonObject& arguments)
{
    return { { QStringLiteral("event"), QStringLiteral("tool") },
        { QStringLiteral("type"), QStringLiteral("function") }, { QStringLiteral("id"), QStringLiteral("call") },
        { QStringLiteral("function"), function }, { QStringLiteral("arguments"), arguments },
        { QStringLiteral("result"), QString() } };
}

QJsonObject edit(const QString& command, const QString& path, const QJsonObject& more = {})
{
    QJsonObject arguments = more;
    arguments.insert(QStringLiteral("command"), command);
    arguments.insert(QStringLiteral("path"), path);
    return toolEvent(QStringLiteral("text_editor"), arguments);
}
}

class TestWorkspace : public QObject {
    Q_OBJECT
private slots:
    void rebuildsFilesAtEachStep();
};

void TestWorkspace::rebuildsFilesAtEachStep()
{
    QTemporaryDir dir;
    const QString longText = QStringLiteral("print('a long line that the log keeps as an attachment, not inline: ")
        + QString(80, QLatin1Char('x')) + QStringLiteral("')\n");
    const QJsonArray events {
        edit(QStringLiteral("create"), QStringLiteral("/work/app/main.py"),
            { { QStringLiteral("file_text"), QStringLiteral("attachment://0123456789abcdef0123456789abcdef") } }), // 0
        edit(QStringLiteral("str_replace"), QStringLiteral("/work/app/main.py"),
            { { QStringLiteral("old_str"), QStringLiteral("a long line") },
                { QStringLiteral("new_str"), QStringLiteral("one line") } }), // 1
        edit(QStringLiteral("insert"), QStringLiteral("/work/app/main.py"),
            { { QStringLiteral("insert_line"), 0 }, { QStringLiteral("new_str"), QStringLiteral("import sys") } }), // 2
        toolEvent(QStringLiteral("bash"),
            { { QStringLiteral("cmd"), QStringLiteral("cat > /work/app/util.py <<'EOF'\nX = 1\nEOF") } }), // 3
        toolEvent(QStringLiteral("bash"),
            { { QStringLiteral("cmd"), QStringLiteral("sed -i s/1/2/ /work/app/util.py") } }), // 4
        edit(QStringLiteral("create"), QStringLiteral("/work/app/../../etc/evil"),
            { { QStringLiteral("file_text"), QStringLiteral("x") } }), // 5
        edit(QStringLiteral("undo_edit"), QStringLiteral("/work/app/main.py")), // 6
        toolEvent(QStringLiteral("bash"), { { QStringLiteral("cmd"), QStringLiteral("python3 main.py") } }), // 7
    };
    const QJsonObject sample { { QStringLiteral("id"), QStringLiteral("cal_python") }, { QStringLiteral("epoch"), 1 },
        { QStringLiteral("target"), QString() }, { QStringLiteral("events"), events },
        { QStringLiteral("attachments"),
            QJsonObject { { QStringLiteral("0123456789abcdef0123456789abcdef"), longText } } } };
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject {
                { QStringLiteral("task"), QStringLiteral("t") }, { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"), QJsonArray { sample } } };
    QFile file(dir.filePath(QStringLiteral("log.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(log).toJson());
    file.close();

    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))));
    Importer importer(store);
    const ImportResult imported = importer.importFile(file.fileName());
    QVERIFY2(imported.status == ImportResult::Imported, qPrintable(imported.error));
    const qint64 sampleId = store.samples().front().id;

    const std::unique_ptr<TranscriptQuery> transcript = store.transcript(sampleId);
    WorkspaceBuilder builder(
        transcript->toolCalls(), [&](const QString& text) { return transcript->resolveAttachments(text); });
    builder.replay(0);
    QCOMPARE(builder.root(), QStringLiteral("/work/app"));
    QCOMPARE(builder.files().value(QStringLiteral("main.py")), longText.toUtf8());
    builder.replay(2);
    QCOMPARE(builder.files().value(QStringLiteral("main.py")),
        QByteArray("import sys\n") + longText.toUtf8().replace("a long line", "one line"));
    builder.replay(-1);
    QCOMPARE(builder.files().value(QStringLiteral("util.py")), QByteArray("X = 1\n"));
    // undo_edit takes back the insert.
    QCOMPARE(builder.files().value(QStringLiteral("main.py")), longText.toUtf8().replace("a long line", "one line"));
    QVERIFY(!builder.files().contains(QStringLiteral("evil")));
    QCOMPARE(builder.uncertainSteps(), 1);
    std::vector<int> refused;
    for (const WorkspaceStep& step : builder.steps()) {
        if (step.kind == WorkspaceStep::Refused)
            refused.push_back(step.seq);
    }
    QCOMPARE(refused, std::vector<int> { 5 });
    QVERIFY(builder.write(dir.filePath(QStringLiteral("out"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/util.py"))));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
