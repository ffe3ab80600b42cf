// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomypanel.h"
#include "mirrorcodesynth.h"
#include "replayview.h"
#include "store/importer.h"
#include "store/store.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

// The replay's Anatomy panel on a generated run: it lists the plateaus the generator planted, a click on one moves
// the replay to its step, and the report it exports is written in each format.
class TestAnatomyPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void listsThePlateausAndMovesTheReplay();
    void exportsTheReport_data();
    void exportsTheReport();
    void listsTestsAndUndoneEdits();

private:
    /// Opens the replay of the run with the most planted plateaus (else of `sampleId`) and waits for its anatomy.
    ReplayView* openReplay(qint64 sampleId = 0);

    QTemporaryDir m_dir;
    Store m_store;
    qint64 m_sampleId = 0;
    QJsonArray m_plateaus; ///< the plateaus the generator planted in that run
};

void TestAnatomyPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("demo"));
    options.epochs = 1;
    options.models = { QStringLiteral("openai/gpt-5.5") };
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))));
    for (const QString& file : report.files)
        QCOMPARE(Importer(m_store).importFile(file).status, ImportResult::Imported);
    // The run with the most plateaus planted, by its truth file (<sample>_epoch1.json).
    QString name;
    QDirIterator files(m_dir.filePath(QStringLiteral("demo/.truth")), { QStringLiteral("*.json") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray plateaus
            = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("plateaus")).toArray();
        if (plateaus.size() > m_plateaus.size()) {
            m_plateaus = plateaus;
            const QString base = QFileInfo(file.fileName()).completeBaseName();
            name = base.left(base.lastIndexOf(QLatin1String("_epoch")));
        }
    }
    QVERIFY2(m_plateaus.size() >= 2, "the demo plants runs with several plateaus");
    for (const SampleRow& sample : m_store.samples()) {
        if (sample.sampleId == name)
            m_sampleId = sample.id;
    }
    QVERIFY(m_sampleId > 0);
}

ReplayView* TestAnatomyPanel::openReplay(qint64 sampleId)
{
    auto* replay = new ReplayView(m_store, sampleId > 0 ? sampleId : m_sampleId);
    AnatomyPanel* panel = replay->anatomyPanel();
    // Read on a thread of its own once shown: the replay is there before its anatomy.
    replay->show();
    if (!panel->isReady()) {
        QSignalSpy ready(panel, &AnatomyPanel::ready);
        ready.wait(30000);
    }
    return replay;
}

void TestAnatomyPanel::listsThePlateausAndMovesTheReplay()
{
    ReplayView* replay = openReplay();
    QScopedPointer<ReplayView> owner(replay);
    AnatomyPanel* panel = replay->anatomyPanel();
    QVERIFY(panel->isReady());
    const QString text = panel->text();
    QVERIFY2(text.contains(QLatin1String("Plateaus, longest first")), qPrintable(text));
    // Every plateau planted is listed, longest first, each with a link to the step where it began.
    QCOMPARE(int(panel->anatomy().plateaus.size()), m_plateaus.size());
    const std::vector<int>& links = panel->linkedSteps();
    for (const QJsonValue& plateau : m_plateaus) {
        const int from = plateau.toObject().value(QLatin1String("from_step")).toInt();
        QVERIFY2(std::find(links.begin(), links.end(), from) != links.end(), qPrintable(QString::number(from)));
        QVERIFY2(text.contains(QStringLiteral("step %1 \u2192").arg(from)), qPrintable(text));
    }
    // A click on the second plateau's link moves the replay to that step.
    const int target = m_plateaus.at(1).toObject().value(QLatin1String("from_step")).toInt();
    QVERIFY(replay->currentStep() != target);
    auto* browser = panel->findChild<QTextBrowser*>();
    QVERIFY(browser);
    emit browser->anchorClicked(QUrl(QStringLiteral("step:%1").arg(target)));
    QCOMPARE(replay->currentStep(), target);
}

void TestAnatomyPanel::listsTestsAndUndoneEdits()
{
    // Every run whose truth plants named tests that never passed or edits that undo earlier ones: the panel names
    // those tests and links each undoing edit and the edit it undoes.
    int tests = 0, undone = 0;
    QDirIterator files(m_dir.filePath(QStringLiteral("demo/.truth")), { QStringLiteral("*.json") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonArray never
            = truth.value(QLatin1String("tests")).toObject().value(QLatin1String("never_passed")).toArray();
        const QJsonArray undoEdits = truth.value(QLatin1String("undo_edits")).toArray();
        if (never.isEmpty() && undoEdits.isEmpty())
            continue;
        const QString base = QFileInfo(file.fileName()).completeBaseName();
        const QString name = base.left(base.lastIndexOf(QLatin1String("_epoch")));
        qint64 id = 0;
        for (const SampleRow& sample : m_store.samples())
            id = sample.sampleId == name ? sample.id : id;
        QVERIFY(id > 0);
        QScopedPointer<ReplayView> replay(openReplay(id));
        AnatomyPanel* panel = replay->anatomyPanel();
        QVERIFY(panel->isReady());
        const QString text = panel->text();
        // The panel names the first 20.
        for (qsizetype i = 0; i < never.size() && i < 20; ++i) {
            QVERIFY2(text.contains(never[i].toString()), qPrintable(never[i].toString()));
            ++tests;
        }
        const std::vector<int>& links = panel->linkedSteps();
        for (const QJsonValue undo : undoEdits) {
            for (const char* key : { "step", "undoes_step" }) {
                const int step = undo.toObject().value(QLatin1String(key)).toInt();
                QVERIFY2(std::find(links.begin(), links.end(), step) != links.end(), qPrintable(QString::number(step)));
            }
            ++undone;
        }
        if (!undoEdits.isEmpty())
            QVERIFY2(text.contains(QLatin1String("Edits that undo earlier edits")), qPrintable(text));
    }
    QVERIFY2(tests > 0 && undone > 0, "the demo plants tests that never pass and edits undone");
}

void TestAnatomyPanel::exportsTheReport_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("pdf") << QStringLiteral("pdf") << QByteArray("%PDF");
    QTest::newRow("html") << QStringLiteral("html") << QByteArray("<");
    QTest::newRow("md") << QStringLiteral("md") << QByteArray("#");
}

void TestAnatomyPanel::exportsTheReport()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, start);
    QScopedPointer<ReplayView> replay(openReplay());
    QVERIFY(replay->anatomyPanel()->isReady());
    const QString path = m_dir.filePath(QStringLiteral("report.") + suffix);
    QVERIFY(replay->anatomyPanel()->exportReport(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.startsWith(start), bytes.left(40).constData());
    QVERIFY(bytes.size() > 1000);
}

QTEST_MAIN(TestAnatomyPanel)
#include "tst_anatomypanel.moc"
