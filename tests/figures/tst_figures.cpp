// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

// Figures for papers: every plot kind at a column's and a page's width lays its words out without overlap and
// inside the page (read back from the PDF with pdftotext), models keep their looks, a plot the data cannot make
// says why, text stays text.

#include "figurelayout.h"
#include "figurestyle.h"
#include "inspect/mirrorcodetargets.h"
#include "modellook.h"
#include "plotbuilder.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

namespace {
const QStringList threeModels { QStringLiteral("anthropic/claude-opus-4-7"), QStringLiteral("openai/gpt-5.5"),
    QStringLiteral("google/gemini-3.1-pro-preview") };

QStringList manyModels()
{
    QStringList models = threeModels;
    for (int i = 0; models.size() < 12; ++i)
        models << QStringLiteral("provider%1/model-with-a-long-name-%1").arg(i);
    return models;
}

/// The 25 MirrorCode programs with a size tier, two epochs each, for each model: costs from $0.5 to $3,000.
std::vector<SampleRow> mirrorCode(const QStringList& models)
{
    std::vector<SampleRow> samples;
    int program = 0;
    for (const MirrorCodeTarget& target : mirrorCodeTargets()) {
        if (program == 25)
            break;
        ++program;
        for (qsizetype m = 0; m < models.size(); ++m) {
            for (int epoch = 1; epoch <= 2; ++epoch) {
                SampleRow sample;
                sample.id = qint64(samples.size()) + 1;
                sample.task = QStringLiteral("mirrorcode");
                sample.model = models[m];
                sample.program = QString::fromLatin1(target.program);
                sample.sampleId = sample.program + QStringLiteral("-go");
                sample.tier = QString(QLatin1Char(target.tier));
                sample.language = QStringLiteral("go");
                sample.epoch = epoch;
                const double size = target.originalLines > 0 ? target.originalLines : 5000;
                sample.totalCost = size / 40.0 * (1 + 0.3 * double(m)) * (epoch == 1 ? 1 : 1.2);
                sample.solved = (program + int(m) + epoch) % 3 != 0 && target.tier != 'L';
                sample.score = sample.solved;
                sample.heldOutPass = sample.solved ? 1 : 0.4;
                sample.inputTokens = qint64(size * 300);
                sample.outputTokens = qint64(size * 20);
                sample.totalTime = size * 2;
                samples.push_back(sample);
            }
        }
    }
    return samples;
}

/// An ordinary Inspect eval set: two tasks, numbered samples, cents or less per sample, no tiers.
std::vector<SampleRow> plainInspect()
{
    std::vector<SampleRow> samples;
    for (const QString& model : threeModels) {
        for (const auto& [task, count] : { std::pair { "popularity", 30 }, std::pair { "security_guide", 10 } }) {
            for (int i = 1; i <= count; ++i) {
                SampleRow sample;
                sample.id = qint64(samples.size()) + 1;
                sample.task = QString::fromLatin1(task);
                sample.model = model;
                sample.sampleId = QString::number(i);
                sample.solved = (i + int(model.size())) % 3 != 0;
                sample.score = sample.solved;
                sample.totalCost = 0.00012 * i;
                sample.inputTokens = 400 + 13 * i;
                sample.outputTokens = 20 + i;
                sample.totalTime = 2.5 + i;
                samples.push_back(sample);
            }
        }
    }
    return samples;
}

struct Word {
    QRectF box;
    QString text;
};

/// The words of a PDF's first page with their boxes, as `pdftotext -bbox-layout` reads them, and the page size.
bool readWords(const QString& pdf, QSizeF* page, QList<Word>* words, QString* error)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { QStringLiteral("-bbox-layout"), pdf, QStringLiteral("-") });
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError());
        return false;
    }
    const QString xhtml = QString::fromUtf8(process.readAllStandardOutput());
    const QRegularExpressionMatch size
        = QRegularExpression(QStringLiteral(R"re(<page width="([\d.]+)" height="([\d.]+)")re")).match(xhtml);
    if (!size.hasMatch()) {
        *error = QStringLiteral("no page in the output of pdftotext");
        return false;
    }
    *page = QSizeF(size.captured(1).toDouble(), size.captured(2).toDouble());
    const QRegularExpression word(QStringLiteral(
        R"re(<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>)re"));
    for (auto it = word.globalMatch(xhtml); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QPointF topLeft(m.captured(1).toDouble(), m.captured(2).toDouble());
        const QPointF bottomRight(m.captured(3).toDouble(), m.captured(4).toDouble());
        words->append({ QRectF(topLeft, bottomRight), m.captured(5) });
    }
    return true;
}
}

class TestFigures : public QObject {
    Q_OBJECT

private slots:
    void wordsKeepClear_data();
    void wordsKeepClear();
    void modelsKeepTheirLooks();
    void plotWithoutWhatItNeedsSaysWhy();
    void csvNamesSamplesAndUnits();
    void svgKeepsText();
    void darkThemeReachesThePlot();
    void redrawAfterWrappedLegend();

private:
    QTemporaryDir m_dir;
};

void TestFigures::wordsKeepClear_data()
{
    QTest::addColumn<QString>("data");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("size");
    for (const char* data : { "mirrorcode", "twelve-models", "plain-inspect" }) {
        for (const QString& kind : PlotBuilder::kindNames()) {
            for (const char* size : { "column", "page" })
                QTest::addRow("%s %s %s", data, qPrintable(kind), size)
                    << QString::fromLatin1(data) << kind << QString::fromLatin1(size);
        }
    }
}

void TestFigures::wordsKeepClear()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed: the layout of figures is not checked.");
    QFETCH(QString, data);
    QFETCH(QString, kind);
    QFETCH(QString, size);
    const std::vector<SampleRow> samples = data == QLatin1String("mirrorcode") ? mirrorCode(threeModels)
        : data == QLatin1String("twelve-models")                               ? mirrorCode(manyModels())
                                                                               : plainInspect();
    FigureStyle style;
    QVERIFY(FigureStyle::preset(size, &style));
    PlotBuilder::Kind plotKind {};
    QVERIFY(PlotBuilder::kindFromName(kind, &plotKind));
    QCustomPlot plot;
    QString unavailable;
    PlotBuilder::draw(&plot, plotKind, samples, style, PlotBuilder::Csv::Make, &unavailable);
    const QString pdf = m_dir.filePath(QStringLiteral("%1-%2-%3.pdf").arg(data, kind, size));
    QString error;
    QVERIFY2(PlotBuilder::exportFigure(&plot, pdf, style, 150, &error), qPrintable(error));
    QSizeF page;
    QList<Word> words;
    QVERIFY2(readWords(pdf, &page, &words, &error), qPrintable(error));
    QCOMPARE(int(std::lround(page.width())), int(std::lround(style.widthPt)));
    QVERIFY(words.size() > 3);
    const QRectF inside = QRectF(QPointF(0, 0), page).adjusted(-0.5, -0.5, 0.5, 0.5);
    for (qsizetype i = 0; i < words.size(); ++i) {
        QVERIFY2(inside.contains(words[i].box),
            qPrintable(QStringLiteral("\"%1\" leaves the page of %2").arg(words[i].text, pdf)));
        for (qsizetype j = i + 1; j < words.size(); ++j) {
            const QRectF common = words[i].box.intersected(words[j].box);
            QVERIFY2(common.width() <= 0.5 || common.height() <= 0.5,
                qPrintable(QStringLiteral("\"%1\" and \"%2\" overlap in %3").arg(words[i].text, words[j].text, pdf)));
        }
    }
}

void TestFigures::modelsKeepTheirLooks()
{
    // Twelve models, twelve different pairs of colour and marker.
    const QStringList models = manyModels();
    QSet<QString> looks;
    for (const QString& model : models) {
        const ModelLook look = ModelLook::of(model, models, FigureStyle::Theme::Light);
        looks.insert(look.color.name() + QString::number(int(look.shape)));
    }
    QCOMPARE(looks.size(), models.size());
    // A model drawn alone looks as it does among all the models of the store.
    FigureStyle style;
    style.models = models;
    std::vector<SampleRow> samples = mirrorCode(models);
    QCustomPlot all;
    PlotBuilder::draw(&all, PlotBuilder::Kind::CostByTask, samples, style);
    std::erase_if(samples, [&](const SampleRow& s) { return s.model != models[5]; });
    QCustomPlot one;
    PlotBuilder::draw(&one, PlotBuilder::Kind::CostByTask, samples, style);
    const QString name = models[5].section(QLatin1Char('/'), -1);
    QCPGraph* alone = one.graph(0);
    QCPGraph* among = nullptr;
    for (int i = 0; i < all.graphCount(); ++i) {
        if (all.graph(i)->name() == name && !among)
            among = all.graph(i);
    }
    QVERIFY(among);
    QCOMPARE(alone->scatterStyle().shape(), among->scatterStyle().shape());
    QCOMPARE(alone->scatterStyle().brush().color(), among->scatterStyle().brush().color());
}

void TestFigures::plotWithoutWhatItNeedsSaysWhy()
{
    FigureStyle style;
    QCustomPlot plot;
    QString unavailable;
    PlotBuilder::draw(&plot, PlotBuilder::Kind::Tier, plainInspect(), style, PlotBuilder::Csv::Make, &unavailable);
    QVERIFY2(unavailable.contains(QLatin1String("not MirrorCode programs")), qPrintable(unavailable));
    QCOMPARE(plot.plottableCount(), 0);
    QVERIFY(!plot.legend->visible());
    QCOMPARE(plot.itemCount(), 1);
    QCOMPARE(qobject_cast<QCPItemText*>(plot.item(0))->text(), unavailable);
    PlotBuilder::draw(
        &plot, PlotBuilder::Kind::ProgramSize, plainInspect(), style, PlotBuilder::Csv::Make, &unavailable);
    QVERIFY(!unavailable.isEmpty());
    // With what it needs, the same plot draws and says nothing.
    PlotBuilder::draw(
        &plot, PlotBuilder::Kind::Tier, mirrorCode(threeModels), style, PlotBuilder::Csv::Make, &unavailable);
    QVERIFY(unavailable.isEmpty());
    QVERIFY(plot.graphCount() == 3);
}

void TestFigures::csvNamesSamplesAndUnits()
{
    std::vector<SampleRow> samples = plainInspect();
    QCustomPlot plot;
    const QStringList lines
        = PlotBuilder::draw(&plot, PlotBuilder::Kind::CostCurve, samples).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.first(), QStringLiteral("model,cumulative_cost_usd,share_solved,task,sample,epoch"));
    // The cheapest sample of the first model (1 of its 40 solved): its own id, not the store's row id, at full
    // precision.
    QCOMPARE(lines[2], QStringLiteral("anthropic/claude-opus-4-7,0.00012,0.025,popularity,1,1"));
    const QString rates = PlotBuilder::draw(&plot, PlotBuilder::Kind::SolveRate, samples);
    // Expected pass@1 over tasks, said in the CSV and on the axis with n.
    QVERIFY(rates.startsWith(QLatin1String("model,tasks,scored_epochs,pass_at_1,interval_low,interval_high,task,")));
    QVERIFY(rates.contains(QLatin1String("pass@1")));
    QVERIFY(plot.yAxis->label().contains(QLatin1String("pass@1")));
    QVERIFY(plot.yAxis->label().contains(QLatin1String("n = ")));
}

void TestFigures::svgKeepsText()
{
    FigureStyle style;
    QVERIFY(FigureStyle::preset(QStringLiteral("column"), &style));
    QCustomPlot plot;
    PlotBuilder::draw(&plot, PlotBuilder::Kind::SolveRate, mirrorCode(threeModels), style);
    const QString svg = m_dir.filePath(QStringLiteral("figure.svg"));
    QString error;
    QVERIFY2(PlotBuilder::exportFigure(&plot, svg, style, 150, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<text"));
    QVERIFY(text.contains("gpt-5.5"));
}

void TestFigures::darkThemeReachesThePlot()
{
    FigureStyle style;
    style.theme = FigureStyle::Theme::Dark;
    QCustomPlot plot;
    PlotBuilder::draw(&plot, PlotBuilder::Kind::Tokens, mirrorCode(threeModels), style);
    QVERIFY(plot.axisRect()->backgroundBrush().color().lightness() < 80);
    QVERIFY(plot.xAxis->tickLabelColor().lightness() > 180);
    // A figure exported from the screen is light.
    const QString pdf = m_dir.filePath(QStringLiteral("screen.pdf"));
    QString error;
    QVERIFY2(PlotBuilder::save(&plot, pdf, 85, 60, 150, &error), qPrintable(error));
    QVERIFY(plot.axisRect()->backgroundBrush().color().lightness() < 80); // the screen keeps its colours
}

void TestFigures::redrawAfterWrappedLegend()
{
    // A legend wrapped by one fit, its plottables replaced by others, fitted again: every entry kept once (the empty
    // cells the removed entries left in the wrapped grid once crashed the fit).
    QCustomPlot plot;
    FigureStyle style;
    QVERIFY(FigureStyle::preset(QStringLiteral("column"), &style));
    for (const int entries : { 12, 5, 9 }) {
        plot.clearPlottables();
        FigureLayout::arrange(&plot, style, QStringLiteral("Legend"));
        for (int i = 0; i < entries; ++i) {
            QCPGraph* graph = plot.addGraph();
            graph->setName(QStringLiteral("a model named at some length %1").arg(i));
            graph->setData({ 0.0, 1.0 }, { double(i), double(i + 1) });
        }
        FigureLayout::fit(&plot, 240, 200);
        int kept = 0;
        for (int i = 0; i < plot.legend->elementCount(); ++i)
            kept += plot.legend->elementAt(i) != nullptr;
        QCOMPARE(kept, entries);
        QVERIFY(plot.legend->columnCount() < entries);
    }
}

QTEST_MAIN(TestFigures)
#include "tst_figures.moc"
