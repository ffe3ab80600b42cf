// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "blockrenderer.h"
#include "conversationmodel.h"
#include "conversationview.h"
#include "replayview.h"
#include "store/importer.h"
#include "store/store.h"
#include "transcriptpane.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

namespace {
QString plainText(const QString& html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

QJsonObject modelEvent(const QString& text)
{
    const QJsonObject message { { QStringLiteral("role"), QStringLiteral("assistant") },
        { QStringLiteral("content"), text } };
    return { { QStringLiteral("event"), QStringLiteral("model") }, { QStringLiteral("model"), QStringLiteral("m") },
        { QStringLiteral("input"), QJsonArray() },
        { QStringLiteral("output"),
            QJsonObject { { QStringLiteral("choices"),
                QJsonArray { QJsonObject { { QStringLiteral("message"), message } } } } } } };
}

ConversationEvent toolEvent(int seq, const QJsonObject& arguments, const QString& function, const QString& result)
{
    ConversationEvent event;
    event.seq = seq;
    event.type = QStringLiteral("tool");
    event.payload = QString::fromUtf8(QJsonDocument(
        QJsonObject { { QStringLiteral("event"), QStringLiteral("tool") }, { QStringLiteral("function"), function },
            { QStringLiteral("arguments"), arguments },
            { QStringLiteral("result"),
                result } }).toJson(QJsonDocument::Compact));
    return event;
}

void fetchAll(ConversationModel& model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}
}

class TestConversation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fixtureBlocks();
    void spansHiddenByDefault();
    void editsAsDiffs();
    void longOutputFolded();
    void windowMovesToFarSteps();
    void replayShowsTheConversation();

private:
    qint64 importFixture(const QString& name);
    qint64 importLongSample();

    QTemporaryDir m_dir;
    Store m_store;
    qint64 m_fixture = 0;
    qint64 m_long = 0;
};

qint64 TestConversation::importFixture(const QString& name)
{
    const QString path = QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).filePath(name);
    if (!QFile::exists(path))
        return 0;
    if (Importer(m_store).importFile(path).status != ImportResult::Imported)
        return -1;
    qint64 id = 0;
    for (const SampleRow& sample : m_store.samples())
        id = std::max(id, sample.id);
    return id;
}

qint64 TestConversation::importLongSample()
{
    // 300 turns of a model call and an info event each: far more blocks than a page.
    QJsonArray events;
    for (int turn = 0; turn < 300; ++turn) {
        events.append(modelEvent(QStringLiteral("turn %1").arg(turn)));
        events.append(
            QJsonObject { { QStringLiteral("event"), QStringLiteral("info") }, { QStringLiteral("data"), turn } });
    }
    const QJsonObject sample { { QStringLiteral("id"), 1 }, { QStringLiteral("epoch"), 1 },
        { QStringLiteral("events"), events } };
    const QJsonObject log { { QStringLiteral("version"), 2 }, { QStringLiteral("status"), QStringLiteral("success") },
        { QStringLiteral("eval"),
            QJsonObject { { QStringLiteral("task"), QStringLiteral("long") },
                { QStringLiteral("model"), QStringLiteral("m") } } },
        { QStringLiteral("samples"), QJsonArray { sample } } };
    QFile file(m_dir.filePath(QStringLiteral("long.json")));
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    file.write(QJsonDocument(log).toJson());
    file.close();
    if (Importer(m_store).importFile(file.fileName()).status != ImportResult::Imported)
        return 0;
    for (const SampleRow& sample : m_store.samples()) {
        if (sample.task == QLatin1String("long"))
            return sample.id;
    }
    return 0;
}

void TestConversation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("store.sqlite"))));
    m_long = importLongSample();
    QVERIFY(m_long > 0);
    m_fixture = importFixture(QStringLiteral("log_message_deduplication.eval"));
    QVERIFY(m_fixture >= 0);
}

void TestConversation::fixtureBlocks()
{
    if (m_fixture == 0)
        QSKIP("The real Inspect logs (../shared/fixtures/inspect beside the checkout) are absent");
    ConversationModel model(m_store, m_fixture);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fetchAll(model);
    // The fixture: 6 model calls, 5 bash tool calls, a score; a block before the first call, a turn for each call, the
    // score's banner and what follows it.
    int turns = 0;
    int banners = 0;
    int next = 0;
    int toolTurns = 0;
    bool userShown = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ConversationBlock block = *model.block(row);
        QCOMPARE(block.first, next); // every event in one block, in order
        next = block.last + 1;
        turns += block.kind == ConversationBlock::Turn;
        banners += block.kind == ConversationBlock::Banner;
        if (block.kind != ConversationBlock::Turn)
            continue;
        QCOMPARE(block.events.front().type, QStringLiteral("model"));
        const QString text = plainText(BlockRenderer::toHtml(block));
        // The model's output text is shown.
        const QJsonObject output = QJsonDocument::fromJson(block.events.front().payload.toUtf8())
                                       .object()
                                       .value(QLatin1String("output"))
                                       .toObject();
        const QString said = output.value(QLatin1String("choices"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("message"))
                                 .toObject()
                                 .value(QLatin1String("content"))
                                 .toString();
        QVERIFY2(!said.isEmpty() && text.contains(said.left(30)), qPrintable(text));
        // The turn lists the call's new messages itself: no line saying its input is the previous call's.
        QVERIFY2(!text.contains(QStringLiteral("previous call")), qPrintable(text));
        // The messages new to the call (its input is in the log's pool, as input_refs): the user's task.
        for (const ConversationMessage& message : block.newMessages)
            userShown = userShown
                || (message.role == QLatin1String("user") && text.contains(QStringLiteral("Guess the number")));
        // A tool call and its result in the same block: the command, and the first lines of its output.
        for (const ConversationEvent& event : block.events) {
            if (event.type != QLatin1String("tool"))
                continue;
            ++toolTurns;
            QVERIFY2(text.contains(QStringLiteral("$ ls")), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("bin\nboot\ndev")), qPrintable(text));
        }
    }
    QCOMPARE(next, model.eventCount());
    QVERIFY(userShown);
    QCOMPARE(turns, 6);
    QCOMPARE(toolTurns, 5);
    QCOMPARE(banners, 1);
}

void TestConversation::spansHiddenByDefault()
{
    if (m_fixture == 0)
        QSKIP("The real Inspect logs (../shared/fixtures/inspect beside the checkout) are absent");
    ConversationModel model(m_store, m_fixture);
    auto tester
        = std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!model.spansShown());
    fetchAll(model);
    const int hidden = model.rowCount();
    int spanEvents = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.index(row).data(ConversationModel::KindRole).toInt() != ConversationBlock::Span);
        QCOMPARE(model.index(row).data(ConversationModel::DepthRole).toInt(), 0);
        const ConversationBlock block = *model.block(row);
        for (const ConversationEvent& event : block.events)
            spanEvents += event.type.startsWith(QLatin1String("span_"));
        // Hidden spans say nothing in the blocks that hold them.
        QVERIFY(!plainText(BlockRenderer::toHtml(block)).contains(QStringLiteral("span_begin")));
    }
    QVERIFY(spanEvents > 10);
    // Shown, each opening and closing is a block, their contents indented. (The tester checks the model from its reset
    // on; it fetches more rows within its own reset handler, so a new one watches the reset model.)
    tester.reset();
    model.setSpansShown(true);
    tester = std::make_unique<QAbstractItemModelTester>(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    fetchAll(model);
    int spans = 0;
    int deepest = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        spans += model.index(row).data(ConversationModel::KindRole).toInt() == ConversationBlock::Span;
        deepest = std::max(deepest, model.index(row).data(ConversationModel::DepthRole).toInt());
    }
    QCOMPARE(spans, spanEvents);
    QVERIFY(deepest >= 2);
    QVERIFY(model.rowCount() > hidden);
    // A span folds into its opening's block, down to its closing, and opens again.
    const int shown = model.blockCount();
    int opening = -1;
    for (int row = 0; row < model.rowCount() && opening < 0; ++row) {
        const ConversationBlock& block = *model.block(row);
        if (block.kind == ConversationBlock::Span && block.events.front().type == QLatin1String("span_begin")
            && model.index(row + 1).data(ConversationModel::DepthRole).toInt() > block.depth)
            opening = row;
    }
    QVERIFY(opening >= 0);
    const int openingStep = model.index(opening).data(ConversationModel::FirstSeqRole).toInt();
    tester.reset();
    const int folded = model.toggleSpan(opening);
    fetchAll(model);
    const ConversationBlock block = *model.block(folded);
    QCOMPARE(block.first, openingStep);
    QVERIFY(block.collapsed);
    QVERIFY(model.blockCount() < shown);
    QVERIFY(plainText(BlockRenderer::toHtml(block)).contains(QStringLiteral("folded")));
    // Its last step closes it: the next block is back at the opening's depth.
    QCOMPARE(model.index(folded + 1).data(ConversationModel::DepthRole).toInt(), block.depth);
    model.toggleSpan(folded);
    QCOMPARE(model.blockCount(), shown);
}

void TestConversation::editsAsDiffs()
{
    ConversationBlock block;
    block.kind = ConversationBlock::Turn;
    block.events.push_back(toolEvent(1,
        { { QStringLiteral("command"), QStringLiteral("str_replace") },
            { QStringLiteral("path"), QStringLiteral("a.py") },
            { QStringLiteral("old_str"), QStringLiteral("return 1") },
            { QStringLiteral("new_str"), QStringLiteral("return 2") } },
        QStringLiteral("text_editor"), QStringLiteral("edited")));
    block.events.push_back(toolEvent(2,
        { { QStringLiteral("command"), QStringLiteral("create") }, { QStringLiteral("path"), QStringLiteral("b.py") },
            { QStringLiteral("file_text"), QStringLiteral("import sys\nprint(sys.argv)") } },
        QStringLiteral("text_editor"), QStringLiteral("created")));
    block.last = 2;
    const QString html = BlockRenderer::toHtml(block);
    const QString text = plainText(html);
    QVERIFY2(text.contains(QStringLiteral("- return 1")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("+ return 2")), qPrintable(text));
    // A created file is all added lines, in green.
    QVERIFY2(text.contains(QStringLiteral("+ import sys\n+ print(sys.argv)")), qPrintable(text));
    QVERIFY(html.contains(QStringLiteral("#e6ffed")));
}

void TestConversation::longOutputFolded()
{
    QStringList lines;
    for (int i = 1; i <= 100; ++i)
        lines << QStringLiteral("line %1 \x1b[31mred\x1b[0m").arg(i);
    ConversationBlock block;
    block.kind = ConversationBlock::Turn;
    block.events.push_back(toolEvent(0, { { QStringLiteral("cmd"), QStringLiteral("seq 100") } },
        QStringLiteral("bash"), lines.join(QLatin1Char('\n'))));
    const QString html = BlockRenderer::toHtml(block);
    const QString text = plainText(html);
    QVERIFY2(text.contains(QStringLiteral("$ seq 100")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("line 12 red")));
    QVERIFY(!text.contains(QStringLiteral("line 13 red")));
    QVERIFY2(text.contains(QStringLiteral("\u2026 88 more lines (")), qPrintable(text));
    // ANSI colours are honoured, not printed.
    QVERIFY(!text.contains(QLatin1Char('\x1b')));
    QVERIFY(html.contains(QStringLiteral("color: #c91b00")) || html.contains(QStringLiteral("color:#c91b00")));
}

void TestConversation::windowMovesToFarSteps()
{
    ConversationModel model(m_store, m_long);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // 300 turns: a page of them at first, and more fetched a page at a time.
    QCOMPARE(model.blockCount(), 300);
    const int fetched = model.rowCount(); // the tester fetches some
    QVERIFY(fetched < 100);
    QCOMPARE(fetched % ConversationModel::pageSize, 0);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QCOMPARE(model.rowCount(), fetched + ConversationModel::pageSize);
    // A far step moves the window there without reading what lies between.
    const int row = model.rowForSeq(501);
    QVERIFY(model.firstBlock() > 0);
    QVERIFY(model.rowCount() < 100);
    const QModelIndex index = model.index(row);
    QVERIFY(index.data(ConversationModel::FirstSeqRole).toInt() <= 501);
    QVERIFY(index.data(ConversationModel::LastSeqRole).toInt() >= 501);
    QCOMPARE(model.block(row)->turn, 251);
    QVERIFY(BlockRenderer::toHtml(*model.block(row)).contains(QStringLiteral("turn 250")));
    // Earlier blocks are fetched above it.
    const int first = model.firstBlock();
    QCOMPARE(model.fetchEarlier(), std::min(first, int(ConversationModel::pageSize)));
    QCOMPARE(model.firstBlock(), first - std::min(first, int(ConversationModel::pageSize)));
}

void TestConversation::replayShowsTheConversation()
{
    ReplayView replay(m_store, m_long);
    replay.resize(1024, 700);
    replay.show();
    auto* view = replay.findChild<ConversationView*>();
    QVERIFY(view);
    QVERIFY(replay.findChild<TranscriptPane*>()->conversationShown());
    QTRY_VERIFY(view->isVisible());
    // The replay moving to a step selects its block.
    replay.goToStep(401);
    QCOMPARE(view->currentIndex().data(ConversationModel::FirstSeqRole).toInt(), 400);
    QVERIFY(view->visualRect(view->currentIndex()).intersects(view->viewport()->rect()));
    // Selecting a block moves the replay (and its chart) to the block's first step.
    const QModelIndex other = view->model()->index(view->currentIndex().row() + 3, 0);
    view->setCurrentIndex(other);
    QCOMPARE(replay.currentStep(), other.data(ConversationModel::FirstSeqRole).toInt());
    // The event table is the other mode.
    replay.findChild<TranscriptPane*>()->setConversationShown(false);
    QVERIFY(!view->isVisible());
}

QTEST_MAIN(TestConversation)
#include "tst_conversation.moc"
