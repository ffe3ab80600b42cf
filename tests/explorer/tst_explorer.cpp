// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "cellformat.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "outcomegridmodel.h"
#include "plotbuilder.h"
#include "replayview.h"
#include "sampletablemodel.h"
#include "searchdialog.h"
#include "store/importer.h"
#include "store/messageindex.h"
#include "store/store.h"
#include "store/storeconnection.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <cmath>
#include <qcustomplot.h>
#include <tuple>

class TestExplorer : public QObject {
    Q_OBJECT
private slots:
    void sampleModel();
    void sampleIdsSortNaturally();
    void costsUnderACent();
    void inspectSamplesHideMirrorCodeColumns();
    void solveRateEqualsHeaderAccuracy();
    void exportsParseBack();
    void costByTaskPairsModels();
    void importAndSearchFromTheWindow();
    void outcomeOpensItsSample();
    void teamStoreLocations();

private:
    QTemporaryDir m_dir;
};

void TestExplorer::sampleModel()
{
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SampleRow priced;
    priced.program = QStringLiteral("gotree");
    priced.solved = 1;
    priced.totalCost = 251.0;
    SampleRow unpriced;
    unpriced.program = QStringLiteral("ruff");
    unpriced.solved = 0;
    model.setSamples({ priced, unpriced });
    QCOMPARE(model.index(0, SampleTableModel::Cost).data().toString(), QStringLiteral("$251.00"));
    QCOMPARE(model.index(1, SampleTableModel::Cost).data().toString(), QStringLiteral("no price"));
    // Sorted by cost, the unpriced sample comes first, and stays sorted as samples are set anew.
    model.sort(SampleTableModel::Cost, Qt::AscendingOrder);
    QCOMPARE(model.index(0, SampleTableModel::Program).data().toString(), QStringLiteral("ruff"));
    model.setSamples({ priced, unpriced });
    QCOMPARE(model.index(0, SampleTableModel::Program).data().toString(), QStringLiteral("ruff"));
    model.sort(SampleTableModel::Cost, Qt::DescendingOrder);
    QCOMPARE(model.index(0, SampleTableModel::Program).data().toString(), QStringLiteral("gotree"));
    QVERIFY(model.toCsv({ model.index(0, 0) }).contains(QLatin1String("gotree")));
}

void TestExplorer::sampleIdsSortNaturally()
{
    // Sample ids sort as numbers where they are numbers: 0, 1, 2, 10, 100, not 0, 1, 10, 100, 2.
    SampleTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    std::vector<SampleRow> samples;
    for (const char* id : { "10", "2", "100", "0", "1" }) {
        SampleRow row;
        row.task = QStringLiteral("popularity");
        row.sampleId = QString::fromLatin1(id);
        samples.push_back(row);
    }
    model.setSamples(samples);
    QCOMPARE(model.headerData(SampleTableModel::Task, Qt::Horizontal).toString(), QStringLiteral("Task"));
    QCOMPARE(model.headerData(SampleTableModel::Sample, Qt::Horizontal).toString(), QStringLiteral("Sample"));
    for (const int column : { int(SampleTableModel::Sample), int(SampleTableModel::Task) }) {
        model.sort(column, Qt::AscendingOrder);
        QStringList ids;
        for (int row = 0; row < model.rowCount(); ++row)
            ids << model.index(row, SampleTableModel::Sample).data().toString();
        QCOMPARE(ids, QStringLiteral("0 1 2 10 100").split(QLatin1Char(' ')));
    }
    // The sort role orders the same way, for a proxy.
    QVERIFY(model.index(1, SampleTableModel::Sample).data(SampleTableModel::SortRole).toString()
        < model.index(2, SampleTableModel::Sample).data(SampleTableModel::SortRole).toString());
    // The Program column holds programs only, never sample ids.
    QCOMPARE(model.index(0, SampleTableModel::Program).data().toString(), QString());
    QCOMPARE(model.index(0, SampleTableModel::Task).data().toString(), QStringLiteral("popularity"));
    QVERIFY(CellFormat::naturalLess(QStringLiteral("task_9"), QStringLiteral("task_10")));
    QVERIFY(!CellFormat::naturalLess(QStringLiteral("b"), QStringLiteral("a")));
}

void TestExplorer::costsUnderACent()
{
    QCOMPARE(CellFormat::cost(251.0), QStringLiteral("$251.00"));
    QCOMPARE(CellFormat::cost(0.25), QStringLiteral("$0.25"));
    QCOMPARE(CellFormat::cost(0.0042), QStringLiteral("$0.0042"));
    QCOMPARE(CellFormat::cost(0.00042), QStringLiteral("$0.00042"));
    QCOMPARE(CellFormat::cost(0.0), QStringLiteral("$0.00"));
    QCOMPARE(CellFormat::cost(std::nan("")), QStringLiteral("no price"));
    SampleTableModel model;
    SampleRow cheap;
    cheap.totalCost = 0.0042;
    model.setSamples({ cheap });
    QCOMPARE(model.index(0, SampleTableModel::Cost).data().toString(), QStringLiteral("$0.0042"));
}

void TestExplorer::inspectSamplesHideMirrorCodeColumns()
{
    // An ordinary Inspect eval (no program, tier, language): those columns and filters are hidden, the task shown.
    const QString log = m_dir.filePath(QStringLiteral("plain.json"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"version": 2, "status": "success", "eval": {"task": "popularity", "model": "org/solver", "created": "2026-01-01T00:00:00+00:00"},
        "samples": [{"id": 10, "epoch": 1, "scores": {"s": {"value": "C"}}, "events": [], "messages": []},
                    {"id": 2, "epoch": 1, "scores": {"s": {"value": "I"}}, "events": [], "messages": []},
                    {"id": 2, "epoch": 2, "scores": {"s": {"value": "C"}}, "events": [], "messages": []}]})");
    file.close();
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("plain.sqlite"))));
    QCOMPARE(Importer(store).importFile(log).status, ImportResult::Imported);
    MainWindow window(store);
    QTableView* samples = nullptr;
    QTableView* grid = nullptr;
    for (QTableView* table : window.findChildren<QTableView*>()) {
        samples = qobject_cast<SampleTableModel*>(table->model()) ? table : samples;
        grid = qobject_cast<OutcomeGridModel*>(table->model()) ? table : grid;
    }
    QVERIFY(samples && grid);
    QVERIFY(!samples->isColumnHidden(SampleTableModel::Task));
    QVERIFY(!samples->isColumnHidden(SampleTableModel::Sample));
    for (const int column : { SampleTableModel::Program, SampleTableModel::Tier, SampleTableModel::Language })
        QVERIFY2(samples->isColumnHidden(column), qPrintable(QString::number(column)));
    QCOMPARE(samples->model()->index(0, SampleTableModel::Task).data().toString(), QStringLiteral("popularity"));
    QCOMPARE(samples->model()->index(0, SampleTableModel::Sample).data().toString(), QStringLiteral("2"));
    QVERIFY(window.setFilter(QStringLiteral("task"), QStringLiteral("popularity")));
    QCOMPARE(window.filteredSamples().size(), size_t(3));
    // The grid: sample 2 solved in one of its two epochs.
    QCOMPARE(grid->model()->headerData(0, Qt::Vertical).toString(), QStringLiteral("2"));
    QCOMPARE(grid->model()->index(0, 0).data().toString(), QStringLiteral("1/2"));
    QCOMPARE(grid->model()->index(1, 0).data().toString(), QStringLiteral("1/1"));
    auto* legend = window.findChild<QLabel*>(QStringLiteral("outcomeLegend"));
    QVERIFY(legend);
    QVERIFY(legend->text().contains(QLatin1String("epochs solved of epochs run")));
    // A cell of two epochs asks which to open; choosing one opens that epoch's replay.
    emit grid->doubleClicked(grid->model()->index(0, 0));
    auto* menu = window.findChild<QMenu*>(QStringLiteral("epochMenu"));
    QVERIFY(menu);
    const QList<QAction*> actions = menu->actions();
    QCOMPARE(actions.size(), 3); // the question, then epochs 1 and 2
    QCOMPARE(actions[2]->text(), QStringLiteral("Epoch 2: solved"));
    actions[2]->trigger();
    ReplayView* opened = nullptr;
    for (QWidget* widget : QApplication::topLevelWidgets())
        opened = qobject_cast<ReplayView*>(widget) ? qobject_cast<ReplayView*>(widget) : opened;
    QVERIFY(opened);
    QVERIFY2(opened->title().contains(QLatin1String("epoch 2")), qPrintable(opened->title()));
    delete opened;
    menu->close();
}

void TestExplorer::solveRateEqualsHeaderAccuracy()
{
    const QDir fixtures(QStringLiteral(RUNLENS_FIXTURES_DIR));
    if (!fixtures.exists())
        QSKIP("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent.");
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("fixtures.sqlite"))));
    Importer importer(store);
    for (const char* name : { "2025-09-15T15-02-26-04-00_popularity_L8g2GLGDDfsiXvdJ8LyZNJ.eval",
             "2025-09-15T15-02-26-04-00_popularity_LthYhadZHuQjsMYHHKRep2.eval",
             "2025-09-15T15-02-26-04-00_popularity_eF3BogZE3jzpiWBjjDWbik.eval" })
        QCOMPARE(importer.importFile(fixtures.filePath(QString::fromLatin1(name))).status, ImportResult::Imported);
    // The solve-rate plot's data, per model, equals the accuracy each log's header reports.
    QCustomPlot plot;
    const QString csv = PlotBuilder::draw(&plot, PlotBuilder::Kind::SolveRate, store.samples());
    const QStringList lines = csv.trimmed().split(QLatin1Char('\n')).mid(1);
    QCOMPARE(lines.size(), 3);
    for (const RunRow& run : store.runs()) {
        const auto line = std::find_if(
            lines.begin(), lines.end(), [&](const QString& l) { return l.startsWith(run.model + QLatin1Char(',')); });
        QVERIFY(line != lines.end());
        QCOMPARE(line->split(QLatin1Char(','))[3].toDouble(), run.headerAccuracy);
    }
}

void TestExplorer::costByTaskPairsModels()
{
    // Two models on two tasks over two epochs; one of b's tasks is unpriced in one epoch and unsolved.
    std::vector<SampleRow> samples;
    for (const auto& [model, program, epoch, cost, solved] :
        { std::tuple { "a/one", "gotree", 1, 100.0, 1 }, std::tuple { "a/one", "gotree", 2, 300.0, 0 },
            std::tuple { "b/two", "gotree", 1, 50.0, 0 }, std::tuple { "b/two", "gotree", 2, notANumber, 0 },
            std::tuple { "a/one", "choose", 1, 2.0, 1 }, std::tuple { "b/two", "choose", 1, 4.0, 1 } }) {
        SampleRow sample;
        sample.id = qint64(samples.size()) + 1;
        sample.model = QString::fromLatin1(model);
        sample.program = QString::fromLatin1(program);
        sample.epoch = epoch;
        sample.totalCost = cost;
        sample.solved = solved;
        samples.push_back(sample);
    }
    QCustomPlot plot;
    const QStringList lines
        = PlotBuilder::draw(&plot, PlotBuilder::Kind::CostByTask, samples).trimmed().split(QLatin1Char('\n'));
    // Small tier first; the mean is over the priced epochs, at full precision; solved counts any epoch.
    QCOMPARE(lines.mid(1),
        (QStringList { QStringLiteral("choose,a/one,2,1,1,1"), QStringLiteral("gotree,a/one,200,2,1,2"),
            QStringLiteral("choose,b/two,4,1,1,1"), QStringLiteral("gotree,b/two,50,1,0,2") }));
    // Per model a filled (solved) and a hollow series: a's two tasks solved, b's gotree hollow.
    QCOMPARE(plot.graphCount(), 4);
    QCOMPARE(plot.graph(0)->dataCount(), 2);
    QCOMPARE(plot.graph(1)->dataCount(), 0);
    QCOMPARE(plot.graph(2)->dataCount(), 1);
    QCOMPARE(plot.graph(3)->dataCount(), 1);
    QCOMPARE(plot.graph(3)->data()->at(0)->value, 50.0);
}

void TestExplorer::exportsParseBack()
{
    std::vector<SampleRow> samples(6);
    for (size_t i = 0; i < samples.size(); ++i) {
        samples[i].id = qint64(i) + 1;
        samples[i].model = i % 2 ? QStringLiteral("a/one") : QStringLiteral("b/two");
        samples[i].tier = QStringLiteral("S");
        samples[i].solved = i % 3 == 0;
        samples[i].totalCost = double(i + 1);
        samples[i].heldOutPass = 0.5 + 0.1 * double(i % 3);
    }
    QCustomPlot plot;
    plot.resize(800, 500);
    const QString csv = PlotBuilder::draw(&plot, PlotBuilder::Kind::CostCurve, samples);
    // The CSV holds the plotted points: one per sample and the origin of each model's curve.
    QCOMPARE(csv.trimmed().split(QLatin1Char('\n')).size(), 1 + 6 + 2);
    QCOMPARE(plot.graphCount(), 2);
    QCOMPARE(plot.graph(0)->dataCount() + plot.graph(1)->dataCount(), 8);
    // A point under the pointer names its sample.
    plot.replot();
    const auto& point = *plot.graph(0)->data()->at(1);
    const QPointF pixel(plot.xAxis->coordToPixel(point.key), plot.yAxis->coordToPixel(point.value));
    QString description;
    QVERIFY(PlotBuilder::sampleAt(&plot, pixel, &description) > 0);
    QVERIFY(!description.isEmpty());
    QString error;
    const QString pdf = m_dir.filePath(QStringLiteral("figure.pdf"));
    const QString svg = m_dir.filePath(QStringLiteral("figure.svg"));
    const QString png = m_dir.filePath(QStringLiteral("figure.png"));
    QVERIFY2(PlotBuilder::save(&plot, pdf, 160, 100, 300, &error), qPrintable(error));
    QVERIFY2(PlotBuilder::save(&plot, svg, 160, 100, 300, &error), qPrintable(error));
    QVERIFY2(PlotBuilder::save(&plot, png, 160, 100, 300, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-") && bytes.contains("%%EOF"));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    const QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 1500); // 160 mm at 300 dpi
}

void TestExplorer::importAndSearchFromTheWindow()
{
    const QString log = m_dir.filePath(QStringLiteral("found.json"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"version": 2, "status": "success", "eval": {"task": "t", "model": "m/x", "created": "2026-01-01T00:00:00+00:00"},
        "samples": [{"id": "cal_c", "epoch": 1, "scores": {"s": {"value": "C"}}, "events": [],
        "messages": [{"role": "assistant", "content": "the quokka test passes now"}]}]})");
    file.close();
    const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
    QFile bad(broken);
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"version\": 2, \"status\": ");
    bad.close();

    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("window.sqlite"))));
    MainWindow window(store);
    // Importing runs off the UI thread; the window reloads when it ends.
    ImportDialog dialog(store.path(), { log, broken });
    QSignalSpy finished(&dialog, &ImportDialog::importFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(finished.first().at(0).toInt(), 1);
    QCOMPARE(finished.first().at(1).toInt(), 1);
    const auto* failures = dialog.findChild<QListWidget*>();
    QVERIFY(failures && failures->count() == 1 && failures->item(0)->text().contains(QLatin1String("broken.json")));
    window.reload();
    QCOMPARE(window.filteredSamples().size(), size_t(1));
    // The window was told as soon as the files were in; the dialog then indexed the messages for search.
    dialog.waitForFinished();
    QCOMPARE(MessageIndex(StoreConnection::of(store)).pendingCount(), 0);
    QCOMPARE(window.filteredSamples().front().tier, QStringLiteral("S"));

    SearchDialog search(store);
    QSignalSpy activated(&search, &SearchDialog::sampleActivated);
    QSignalSpy searched(&search, &SearchDialog::searchFinished);
    QPushButton* cancel = nullptr;
    for (QPushButton* button : search.findChildren<QPushButton*>())
        cancel = button->text() == QLatin1String("Cancel") ? button : cancel;
    if (!cancel)
        QFAIL("the search dialog has no Cancel button");
    search.search(QStringLiteral("quokka"));
    // The search runs off the UI thread, with a Cancel button while it does.
    QVERIFY(cancel->isVisibleTo(&search) || searched.count() == 1);
    search.waitForSearch();
    QCOMPARE(searched.count(), 1);
    QVERIFY(!cancel->isVisibleTo(&search));
    auto* results = search.findChild<QTreeWidget*>();
    QCOMPARE(results->topLevelItemCount(), 1);
    QVERIFY(results->topLevelItem(0)->text(4).contains(QLatin1String("[quokka]")));
    emit results->itemActivated(results->topLevelItem(0), 0);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().at(0).toLongLong(), window.filteredSamples().front().id);
    // What a user types is never FTS5 syntax, and a query past the limits says so at once.
    search.search(QStringLiteral("quok* AND (NOT \""));
    search.waitForSearch();
    QCOMPARE(results->topLevelItemCount(), 0);
    QVERIFY(search.findChild<QLabel*>()->text().contains(QLatin1String("ms")));
    search.search(QString(2000, QLatin1Char('x')));
    QCOMPARE(searched.count(), 3);
    QVERIFY(search.findChild<QLabel*>()->text().contains(QLatin1String("1000")));
    search.search(QStringLiteral("\"a quokka\""));
    search.cancelSearch();
    search.waitForSearch();
    QCOMPARE(searched.count(), 4);
    QVERIFY(!cancel->isVisibleTo(&search));
    search.search(QStringLiteral("quokk*"));
    search.waitForSearch();
    QCOMPARE(results->topLevelItemCount(), 1);

    // A file imported without its index (a stopped import): the dialog says so and indexes it on request.
    QFile later(m_dir.filePath(QStringLiteral("later.json")));
    QVERIFY(later.open(QIODevice::WriteOnly));
    later.write(
        R"({"version": 2, "status": "success", "eval": {"task": "t", "model": "m/y", "created": "2026-01-02T00:00:00+00:00"},
        "samples": [{"id": "cal_c", "epoch": 1, "scores": {"s": {"value": "I"}}, "events": [],
        "messages": [{"role": "assistant", "content": "a wombat ate the tests"}]}]})");
    later.close();
    QCOMPARE(Importer(store).importFile(later.fileName()).status, ImportResult::Imported);
    SearchDialog waiting(store);
    waiting.search(QStringLiteral("wombat"));
    waiting.waitForSearch();
    results = waiting.findChild<QTreeWidget*>();
    QCOMPARE(results->topLevelItemCount(), 0);
    QPushButton* indexNow = nullptr;
    for (QPushButton* button : waiting.findChildren<QPushButton*>())
        indexNow = button->isVisibleTo(&waiting) ? button : indexNow;
    QVERIFY(indexNow);
    indexNow->click();
    waiting.waitForIndex();
    waiting.waitForSearch();
    QCOMPARE(results->topLevelItemCount(), 1);
    QVERIFY(!indexNow->isVisibleTo(&waiting));
}

void TestExplorer::outcomeOpensItsSample()
{
    const QString log = m_dir.filePath(QStringLiteral("outcome.json"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"version": 2, "status": "success", "eval": {"task": "t", "model": "org/solver", "created": "2026-01-01T00:00:00+00:00"},
        "samples": [{"id": "cal_c", "epoch": 1, "scores": {"s": {"value": "C"}}, "events": [], "messages": []}]})");
    file.close();
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("outcome.sqlite"))));
    QCOMPARE(Importer(store).importFile(log).status, ImportResult::Imported);
    MainWindow window(store);
    QVERIFY(window.showView(QStringLiteral("outcomes")));
    QTableView* grid = nullptr;
    for (QTableView* table : window.findChildren<QTableView*>())
        grid = qobject_cast<OutcomeGridModel*>(table->model()) ? table : grid;
    QVERIFY(grid);
    QCOMPARE(grid->model()->rowCount(), 1);
    QCOMPARE(grid->model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("solver"));
    QCOMPARE(grid->model()->index(0, 0).data().toString(), QStringLiteral("1/1"));
    // A double-click on a cell of one epoch opens its replay, in a window of its own.
    emit grid->doubleClicked(grid->model()->index(0, 0));
    ReplayView* opened = nullptr;
    for (QWidget* widget : QApplication::topLevelWidgets())
        opened = qobject_cast<ReplayView*>(widget) ? qobject_cast<ReplayView*>(widget) : opened;
    QVERIFY(opened);
    QVERIFY2(opened->title().contains(QLatin1String("cal_c")), qPrintable(opened->title()));
    delete opened;
}

void TestExplorer::teamStoreLocations()
{
    QVERIFY(
        MainWindow::teamStoreLocationProblem(QStringLiteral("postgresql://reader@db.example:5432/runlens")).isEmpty());
    QVERIFY(
        MainWindow::teamStoreLocationProblem(QStringLiteral(" postgres://reader@/runlens?host=/run/pg ")).isEmpty());
    QVERIFY(MainWindow::teamStoreLocationProblem(QStringLiteral("host=/run/pg dbname=runlens user=reader")).isEmpty());
    for (const char* withPassword :
        { "postgresql://reader:secret@db.example/runlens", "postgresql://reader@db.example/runlens?password=secret",
            "host=db.example dbname=runlens password=secret" }) {
        const QString problem = MainWindow::teamStoreLocationProblem(QString::fromLatin1(withPassword));
        QVERIFY2(problem.contains(QLatin1String(".pgpass")), withPassword);
    }
    for (const char* notOne : { "runlens.sqlite", "/home/me/store.sqlite", "mysql://db/runlens" }) {
        const QString problem = MainWindow::teamStoreLocationProblem(QString::fromLatin1(notOne));
        QVERIFY2(problem.contains(QLatin1String("not a PostgreSQL location")), notOne);
    }
}

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
