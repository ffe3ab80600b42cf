// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/pricetable.h"
#include "cellformat.h"
#include "compareview.h"
#include "replayview.h"
#include "sampleheader.h"
#include "sampleheaderview.h"
#include "store/importer.h"
#include "store/store.h"

#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

namespace {
const QString traceback = QStringLiteral("Traceback (most recent call last):\n  File \"agent.py\", line 214, in run\n"
                                         "RuntimeError: sandbox connection lost\n");

QJsonObject scored(int visiblePassed, int heldOutPassed)
{
    return { { QStringLiteral("mirrorcode"),
        QJsonObject { { QStringLiteral("value"), 0 },
            { QStringLiteral("metadata"),
                QJsonObject { { QStringLiteral("visible_passed"), visiblePassed },
                    { QStringLiteral("visible_total"), 40 }, { QStringLiteral("held_out_passed"), heldOutPassed },
                    { QStringLiteral("held_out_total"), 80 } } } } } };
}

QJsonObject usage()
{
    return { { QStringLiteral("anthropic/claude-test"),
        QJsonObject { { QStringLiteral("input_tokens"), 1000000 },
            { QStringLiteral("input_tokens_cache_read"), 234567 }, { QStringLiteral("output_tokens"), 98765 },
            { QStringLiteral("total_tokens"), 1333332 }, { QStringLiteral("total_cost"), 12.5 } } } };
}

QJsonObject logEvent(const QString& type, const QJsonObject& fields = {})
{
    QJsonObject object = fields;
    object.insert(QStringLiteral("event"), type);
    return object;
}
}

/// The frame around a replay's transcript: its header, its plot's marks, its controls, and the compare view.
class TestReplayFrame : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void headerOfAnErroredSample();
    void headerOfALimitedSample();
    void headerViewWrapsAndShowsTheTraceback();
    void countsAreGrouped();
    void playBecomesPause();
    void escapeClosesAReplay();
    void emptyReplayHasNoStrayLine();
    void compareFitsAndAgrees();

private:
    QTemporaryDir m_dir;
    Store m_store;
    qint64 m_errored = 0;
    qint64 m_limited = 0;
    qint64 m_empty = 0;
};

void TestReplayFrame::initTestCase()
{
    // A run of two epochs of one MirrorCode target under a $60 cost limit: the first lost its sandbox near the end
    // (99% of its held-out tests passing, scored 0), the second reached the cost limit.
    QJsonArray events;
    for (int i = 0; i < 5; ++i)
        events.append(logEvent(QStringLiteral("info"), { { QStringLiteral("data"), i } }));
    events.append(logEvent(QStringLiteral("error"),
        { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("message"), QStringLiteral("RuntimeError('sandbox connection lost')") },
                { QStringLiteral("traceback"), traceback } } } }));
    const QJsonObject errored { { QStringLiteral("id"), QStringLiteral("gotree_go") }, { QStringLiteral("epoch"), 1 },
        { QStringLiteral("events"), events }, { QStringLiteral("scores"), scored(40, 79) },
        { QStringLiteral("model_usage"), usage() }, { QStringLiteral("working_time"), 5400.0 },
        { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("message"), QStringLiteral("RuntimeError('sandbox connection lost')") },
                { QStringLiteral("traceback"), traceback } } } };
    const QJsonObject limited { { QStringLiteral("id"), QStringLiteral("gotree_go") }, { QStringLiteral("epoch"), 2 },
        { QStringLiteral("events"), QJsonArray { logEvent(QStringLiteral("info")) } },
        { QStringLiteral("scores"), scored(20, 30) }, { QStringLiteral("model_usage"), usage() },
        { QStringLiteral("limit"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("cost") }, { QStringLiteral("limit"), 60 } } } };
    const QJsonObject empty { { QStringLiteral("id"), QStringLiteral("nothing") }, { QStringLiteral("epoch"), 1 },
        { QStringLiteral("events"), QJsonArray() } };
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject { { QStringLiteral("task"), QStringLiteral("mirror-code") },
                { QStringLiteral("model"), QStringLiteral("anthropic/claude-test") },
                { QStringLiteral("config"),
                    QJsonObject { { QStringLiteral("epochs"), 2 }, { QStringLiteral("cost_limit"), 60 } } } } },
        { QStringLiteral("samples"), QJsonArray { errored, limited, empty } } };
    QFile file(m_dir.filePath(QStringLiteral("log.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(log).toJson());
    file.close();
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))));
    QCOMPARE(Importer(m_store).importFile(file.fileName()).status, ImportResult::Imported);
    for (const SampleRow& sample : m_store.samples()) {
        if (sample.sampleId == QLatin1String("nothing"))
            m_empty = sample.id;
        else
            (sample.epoch == 1 ? m_errored : m_limited) = sample.id;
    }
    QVERIFY(m_errored && m_limited && m_empty);
}

void TestReplayFrame::headerOfAnErroredSample()
{
    const SampleHeader header = SampleHeader::read(m_store, m_errored, PriceTable::standard());
    QVERIFY(header.isValid());
    QCOMPARE(header.identity(),
        QStringList({ QStringLiteral("mirror-code"), QStringLiteral("anthropic/claude-test"),
            QStringLiteral("gotree (tier %1, go)").arg(header.sample().tier), QStringLiteral("epoch 1 of 2") }));
    QCOMPARE(header.error(), QStringLiteral("RuntimeError('sandbox connection lost')"));
    QCOMPARE(header.traceback(), traceback);
    QCOMPARE(header.costLimit(), 60.0);
    QVERIFY(header.limitText().isEmpty());
    QHash<QString, SampleHeader::Fact> facts;
    for (const SampleHeader::Fact& fact : header.facts())
        facts.insert(fact.label, fact);
    QCOMPARE(facts.value(QStringLiteral("Outcome")).value, QStringLiteral("not solved"));
    QCOMPARE(facts.value(QStringLiteral("Outcome")).tone, SampleHeader::Fact::Tone::Bad);
    QCOMPARE(facts.value(QStringLiteral("Held-out tests")).value, QStringLiteral("98.8%")); // 79 of 80
    QCOMPARE(facts.value(QStringLiteral("Visible tests")).value, QStringLiteral("100.0%"));
    QCOMPARE(facts.value(QStringLiteral("Score")).value, QStringLiteral("0"));
    QVERIFY(facts.value(QStringLiteral("Error")).isError);
    QCOMPARE(facts.value(QStringLiteral("Error")).value, QStringLiteral("RuntimeError('sandbox connection lost')"));
    QCOMPARE(facts.value(QStringLiteral("Cost")).value, QStringLiteral("$12.50")); // the log's total_cost
    QCOMPARE(facts.value(QStringLiteral("Working time")).value, QStringLiteral("1.5 h"));
    QCOMPARE(facts.value(QStringLiteral("Events")).value, QStringLiteral("6"));
    QCOMPARE(facts.value(QStringLiteral("Tokens")).value, QStringLiteral("1,234,567 in, 98,765 out"));
    QVERIFY(!facts.contains(QStringLiteral("Limit")));
    // A sample the store does not have has no header.
    QVERIFY(!SampleHeader::read(m_store, 99999, PriceTable::standard()).isValid());
}

void TestReplayFrame::headerOfALimitedSample()
{
    const SampleHeader header = SampleHeader::read(m_store, m_limited, PriceTable::standard());
    QCOMPARE(header.epochText(), QStringLiteral("epoch 2 of 2"));
    QCOMPARE(header.limitText(), QStringLiteral("cost limit of $60.00 reached"));
    QVERIFY(header.error().isEmpty());
    QVERIFY(header.traceback().isEmpty());
    bool limitShown = false;
    for (const SampleHeader::Fact& fact : header.facts()) {
        QVERIFY(!fact.isError);
        limitShown = limitShown || fact.value == QLatin1String("cost limit of $60.00 reached");
    }
    QVERIFY(limitShown);
}

void TestReplayFrame::headerViewWrapsAndShowsTheTraceback()
{
    SampleHeaderView view(SampleHeader::read(m_store, m_errored, PriceTable::standard()));
    const QString text = view.text();
    for (const char* part : { "mirror-code", "epoch 1 of 2", "Outcome: not solved", "Held-out tests: 98.8%",
             "Error: RuntimeError('sandbox connection lost') Traceback", "Cost: $12.50", "Working time: 1.5 h",
             "Events: 6" })
        QVERIFY2(text.contains(QLatin1String(part)), qPrintable(text));
    // Narrow, it wraps onto more lines rather than widen its window.
    QVERIFY(view.minimumSizeHint().width() < 200);
    QDialog* dialog = view.showTraceback();
    QVERIFY(dialog);
    if (!dialog)
        return;
    auto* shown = dialog->findChild<QPlainTextEdit*>();
    QVERIFY(shown);
    if (!shown)
        return;
    QVERIFY(shown->toPlainText().contains(traceback));
    dialog->close();
}

void TestReplayFrame::countsAreGrouped()
{
    // Grouped in the C locale too, where Qt omits the separators by default.
    const QLocale before;
    QLocale::setDefault(QLocale::c());
    QCOMPARE(CellFormat::count(10000000000), QStringLiteral("10,000,000,000"));
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(CellFormat::count(1234567), QStringLiteral("1.234.567"));
    QLocale::setDefault(before);
}

void TestReplayFrame::playBecomesPause()
{
    ReplayView view(m_store, m_errored);
    QPushButton* play = nullptr;
    for (QPushButton* button : view.findChildren<QPushButton*>())
        play = button->text() == QLatin1String("Play") ? button : play;
    QVERIFY(play);
    if (!play)
        return;
    const int width = play->sizeHint().width();
    view.setPlaying(true);
    QCOMPARE(play->text(), QStringLiteral("Pause"));
    QVERIFY(play->isChecked());
    QCOMPARE(play->sizeHint().width(), width); // the buttons after it stay where they are
    play->click();
    QCOMPARE(play->text(), QStringLiteral("Play"));
    QVERIFY(!play->isChecked());
}

void TestReplayFrame::escapeClosesAReplay()
{
    for (const auto& keys : { QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W) }) {
        auto* view = new ReplayView(m_store, m_errored);
        view->setAttribute(Qt::WA_DeleteOnClose);
        QPointer<ReplayView> alive(view);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        view->activateWindow();
        QTest::keySequence(view, keys);
        QTRY_VERIFY(alive.isNull());
    }
}

void TestReplayFrame::emptyReplayHasNoStrayLine()
{
    // A transcript without events never places its cursor: no line may stand in its plot.
    ReplayView view(m_store, m_empty);
    view.resize(1024, 700);
    const auto* plot = view.findChild<QCustomPlot*>();
    QVERIFY(plot);
    if (!plot)
        return;
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (auto* line = qobject_cast<QCPItemStraightLine*>(plot->item(i)))
            QVERIFY(!line->visible());
    }
}

void TestReplayFrame::compareFitsAndAgrees()
{
    CompareView compare(m_store, m_errored, m_empty);
    QVERIFY(!compare.windowTitle().contains(QLatin1String("Replay")));
    QVERIFY(compare.width() <= 1600);
    QVERIFY(compare.minimumSizeHint().width() <= 1600);
    // The shared axis and both panes plot the same thing from the first frame: the empty run has no prices, so steps.
    QCustomPlot* overlay = nullptr;
    for (QCustomPlot* plot : compare.findChildren<QCustomPlot*>()) {
        if (!compare.first()->isAncestorOf(plot) && !compare.second()->isAncestorOf(plot))
            overlay = plot;
    }
    QVERIFY(overlay);
    if (!overlay)
        return;
    QCOMPARE(overlay->xAxis->label(), QStringLiteral("step"));
    for (ReplayView* view : { compare.first(), compare.second() }) {
        const auto* plot = view->findChild<QCustomPlot*>();
        QVERIFY(plot);
        if (!plot)
            return;
        QCOMPARE(plot->xAxis->label(), overlay->xAxis->label());
    }
    // Held-out beside visible for the run that has tests.
    QStringList names;
    for (int i = 0; i < overlay->graphCount(); ++i)
        names << overlay->graph(i)->name();
    QVERIFY2(!names.filter(QStringLiteral("held-out")).isEmpty(), qPrintable(names.join(QLatin1Char('|'))));
    // The empty run's cursor is hidden; the other stands upright where its replay does, not from a corner.
    int shown = 0;
    for (int i = 0; i < overlay->itemCount(); ++i) {
        auto* line = qobject_cast<QCPItemStraightLine*>(overlay->item(i));
        if (!line || !line->visible())
            continue;
        ++shown;
        QCOMPARE(line->point1->coords().x(), line->point2->coords().x());
    }
    QCOMPARE(shown, 1);
    compare.show();
    QVERIFY(QTest::qWaitForWindowExposed(&compare));
    const int width = compare.width();
    for (int step = 0; step < 6; ++step) {
        compare.first()->goToStep(step);
        QCoreApplication::processEvents();
    }
    QCOMPARE(compare.width(), width);
}

QTEST_MAIN(TestReplayFrame)
#include "tst_replayframe.moc"
