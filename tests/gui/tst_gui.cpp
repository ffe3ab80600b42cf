// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/// The runlens program from outside, as a script runs it: its usage without a display, its exit codes, renders that
/// are the same whatever the user saved.
class TestGui : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void usageWithoutADisplay_data();
    void usageWithoutADisplay();
    void unknownSampleWritesNothing_data();
    void unknownSampleWritesNothing();
    void renderIgnoresSavedSettings();

private:
    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };
    /// Runs runlens with `arguments`; its settings and data under this test's folder.
    Result run(const QStringList& arguments, bool display = true) const;

    QTemporaryDir m_dir;
    QString m_store;
};

TestGui::Result TestGui::run(const QStringList& arguments, bool display) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    if (display) {
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    } else {
        for (const char* name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY" })
            environment.remove(QString::fromLatin1(name));
    }
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RUNLENS_GUI), arguments);
    Result result;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject {
                { QStringLiteral("task"), QStringLiteral("t") }, { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), 1 }, { QStringLiteral("epoch"), 1 },
                { QStringLiteral("events"),
                    QJsonArray { QJsonObject { { QStringLiteral("event"), QStringLiteral("info") } } } } } } } };
    QFile file(m_dir.filePath(QStringLiteral("log.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(log).toJson());
    file.close();
    m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
    // The window imports the log into a store of its own making.
    const Result imported = run({ QStringLiteral("--store"), m_store, QStringLiteral("--render"),
        QStringLiteral("import"), QStringLiteral("--import"), file.fileName(), QStringLiteral("--out"),
        m_dir.filePath(QStringLiteral("import.png")) });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
}

void TestGui::usageWithoutADisplay_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("says");
    QTest::newRow("help") << QStringLiteral("--help") << QStringLiteral("--render");
    QTest::newRow("h") << QStringLiteral("-h") << QStringLiteral("--store");
    QTest::newRow("version") << QStringLiteral("--version") << QStringLiteral("runlens");
}

void TestGui::usageWithoutADisplay()
{
    QFETCH(QString, option);
    QFETCH(QString, says);
    const Result result = run({ option }, false);
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.out.contains(says), qPrintable(result.out));
}

void TestGui::unknownSampleWritesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("replay") << QStringList { QStringLiteral("--render"), QStringLiteral("replay"),
        QStringLiteral("--sample"), QStringLiteral("99999") };
    QTest::newRow("compare") << QStringList { QStringLiteral("--render"), QStringLiteral("compare"),
        QStringLiteral("--sample"), QStringLiteral("1"), QStringLiteral("--sample2"), QStringLiteral("99999") };
}

void TestGui::unknownSampleWritesNothing()
{
    QFETCH(QStringList, arguments);
    const QString png = m_dir.filePath(QStringLiteral("missing.png"));
    const Result result = run(arguments << QStringLiteral("--store") << m_store << QStringLiteral("--out") << png);
    QVERIFY(result.exitCode > 0);
    QVERIFY2(result.err.contains(QLatin1String("99999")), qPrintable(result.err));
    QVERIFY(!QFileInfo::exists(png));
}

void TestGui::renderIgnoresSavedSettings()
{
    const QString config = m_dir.filePath(QStringLiteral("config"));
    const auto render = [this](const QString& name) {
        const QString png = m_dir.filePath(name);
        const Result result = run({ QStringLiteral("--store"), m_store, QStringLiteral("--render"),
            QStringLiteral("main"), QStringLiteral("--out"), png });
        return result.exitCode == 0 ? QImage(png) : QImage();
    };
    QDir(config).removeRecursively();
    const QImage unsaved = render(QStringLiteral("unsaved.png"));
    QVERIFY(!unsaved.isNull());
    // Nothing saved by the render, under any organisation.
    QVERIFY2(!QFileInfo::exists(config) || QDir(config).isEmpty(),
        qPrintable(QDir(config).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).join(QLatin1Char(' '))));
    // Settings saved by the window (under the organisation's name) change nothing in a render, and stay as they were.
    QVERIFY(QDir().mkpath(config + QStringLiteral("/Runlens")));
    QFile saved(config + QStringLiteral("/Runlens/runlens.conf"));
    QVERIFY(saved.open(QIODevice::WriteOnly));
    const QByteArray settings = "[window]\ntab=5\ndark=true\n";
    saved.write(settings);
    saved.close();
    const QImage withSaved = render(QStringLiteral("saved.png"));
    QCOMPARE(withSaved, unsaved);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), settings);
}

QTEST_GUILESS_MAIN(TestGui)
#include "tst_gui.moc"
