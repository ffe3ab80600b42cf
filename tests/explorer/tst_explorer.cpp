#include "mainwindow.h"
#include "plotbuilder.h"
#include "sampletablemodel.h"
#include "store/importer.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

class TestExplorer : public QObject {
    Q_OBJECT
private slots:
    void sampleModel();
    void solveRateEqualsHeaderAccuracy();
    void exportsParseBack();

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
    QCOMPARE(model.index(0, SampleTableModel::Cost).data(SampleTableModel::SortRole).toDouble(), 251.0);
    QVERIFY(model.toCsv({ model.index(0, 0) }).contains(QLatin1String("gotree")));
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
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString& l) { return l.startsWith(run.model + QLatin1Char(',')); });
        QVERIFY(line != lines.end());
        QCOMPARE(line->split(QLatin1Char(','))[3].toDouble(), run.headerAccuracy);
    }
}

void TestExplorer::exportsParseBack()
{
    std::vector<SampleRow> samples(6);
    for (size_t i = 0; i < samples.size(); ++i) {
        samples[i].id = qint64(i + 1);
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

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
