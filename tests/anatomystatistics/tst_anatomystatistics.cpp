// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/anatomystatistics.h"
#include "anatomystatisticsmodel.h"
#include "anatomystatisticsview.h"
#include "mirrorcodesynth.h"
#include "store/importer.h"
#include "store/sqlitedb.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/transcriptquery.h"
#include "workflow/anatomysummaries.h"
#include "workflow/transcriptanalysis.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>

// The run anatomy across runs: per model, on the generator's runs, against the sums of what it planted (its truth
// files); the summaries kept in the store; `stats --anatomy`; the explorer's table model and tab.
class TestAnatomyStatistics : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void groupsMatchTheirTruth();
    void summariesAreKept();
    void cliJson();
    void cliText();
    void model();
    void view();
    void summariesGoWithTheirFile();

private:
    /// The sums of the truth files of one model.
    struct Truth {
        int samples = 0;
        double cost = 0;
        double costAfterLastGain = 0;
        double timeAfterLastGain = 0;
        int regressions = 0;
        int compactions = 0;
        std::map<QString, double> activityCost;
    };
    QByteArray cli(const QStringList& arguments, int* exitCode, QByteArray* err = nullptr);

    QTemporaryDir m_dir;
    Store m_store;
    QString m_storePath;
    std::map<QString, Truth> m_truth; ///< by model
};

namespace {
const QStringList models { QStringLiteral("openai/gpt-5.5"), QStringLiteral("anthropic/claude-opus-4-7") };

bool near(double a, double b, double tolerance)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}
}

void TestAnatomyStatistics::initTestCase()
{
    QVERIFY(m_dir.isValid());
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("demo"));
    options.epochs = 1;
    options.models = models;
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    m_storePath = m_dir.filePath(QStringLiteral("store.sqlite"));
    QVERIFY(m_store.open(m_storePath));
    for (const QString& file : report.files)
        QCOMPARE(Importer(m_store).importFile(file).status, ImportResult::Imported);
    // What the generator planted, summed per model: .truth/<model>/<sample>_epoch<N>.json.
    QDirIterator files(m_dir.filePath(QStringLiteral("demo/.truth")), { QStringLiteral("*.json") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        const QString relative = QDir(m_dir.filePath(QStringLiteral("demo/.truth"))).relativeFilePath(path);
        QString model;
        for (const QString& name : models) {
            if (relative.contains(name.section(QLatin1Char('/'), -1)))
                model = name;
        }
        QVERIFY2(!model.isEmpty(), qPrintable(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(file.readAll()).object();
        Truth& sums = m_truth[model];
        sums.samples += 1;
        const QJsonObject after = truth.value(QLatin1String("after_last_gain")).toObject();
        sums.costAfterLastGain += after.value(QLatin1String("cost_usd")).toDouble();
        sums.timeAfterLastGain += after.value(QLatin1String("working_time_s")).toDouble();
        sums.regressions += int(truth.value(QLatin1String("regressions")).toArray().size());
        sums.compactions += int(truth.value(QLatin1String("compactions")).toArray().size());
        const QJsonObject activities = truth.value(QLatin1String("activities")).toObject();
        for (auto it = activities.begin(); it != activities.end(); ++it) {
            const double cost = it.value().toObject().value(QLatin1String("cost_usd")).toDouble();
            sums.activityCost[it.key()] += cost;
            sums.cost += cost;
        }
    }
    QCOMPARE(int(m_truth.size()), 2);
    QCOMPARE(m_truth[models[0]].samples, 25);
}

void TestAnatomyStatistics::groupsMatchTheirTruth()
{
    const std::vector<SampleRow> samples = m_store.samples();
    AnatomySummaries reader(m_store, PriceTable::standard());
    const auto summaries = reader.of(samples);
    QVERIFY2(summaries, qPrintable(reader.errorString()));
    const std::vector<AnatomyGroup> groups
        = AnatomyStatistics::groups(samples, *summaries, [](const SampleRow& s) { return s.model; });
    QCOMPARE(int(groups.size()), 2);
    for (const AnatomyGroup& group : groups) {
        const Truth& truth = m_truth[group.key];
        QCOMPARE(group.samples, truth.samples);
        QCOMPARE(group.scored, truth.samples); // every demo run has test runs
        QCOMPARE(group.regressions, truth.regressions);
        QCOMPARE(group.compactions, truth.compactions);
        QVERIFY2(near(group.cost, truth.cost, 1e-6), qPrintable(QString::number(group.cost)));
        QVERIFY2(near(group.costAfterLastGain, truth.costAfterLastGain, 1e-6),
            qPrintable(QStringLiteral("%1 against %2").arg(group.costAfterLastGain).arg(truth.costAfterLastGain)));
        // The generator writes times rounded to the millisecond: a run's after its last gain is within 2 ms.
        QVERIFY2(std::abs(group.workingTimeAfterLastGain - truth.timeAfterLastGain) < 0.002 * truth.samples,
            qPrintable(
                QStringLiteral("%1 against %2").arg(group.workingTimeAfterLastGain).arg(truth.timeAfterLastGain)));
        QVERIFY(near(group.costShareAfterLastGain(), truth.costAfterLastGain / truth.cost, 1e-6));
        QVERIFY(near(group.regressionsPerRun(), double(truth.regressions) / truth.samples, 1e-12));
        QVERIFY(near(group.compactionsPerRun(), double(truth.compactions) / truth.samples, 1e-12));
        double shares = 0;
        for (const ActivityShare& activity : group.activities) {
            const auto planted = truth.activityCost.find(activity.name);
            const double cost = planted == truth.activityCost.end() ? 0 : planted->second;
            QVERIFY2(near(activity.cost, cost, 1e-6), qPrintable(activity.name));
            shares += group.costShare(activity);
        }
        QVERIFY(near(shares, 1.0, 1e-9));
        // A demo run plateaus somewhere, and spends after its last gain: figures that could be zero by mistake.
        QVERIFY(group.plateauTimePerRun() > 0);
        QVERIFY(group.costShareAfterLastGain() > 0 && group.costShareAfterLastGain() < 1);
    }
}

void TestAnatomyStatistics::summariesAreKept()
{
    const std::vector<SampleRow> samples = m_store.samples();
    // groupsMatchTheirTruth() computed and kept them: read back, the same numbers, nothing computed.
    AnatomySummaries reader(m_store, PriceTable::standard());
    const auto kept = reader.of(samples);
    QVERIFY(kept);
    QCOMPARE(reader.computed(), 0);
    QCOMPARE(kept->size(), samples.size());
    for (size_t i = 0; i < 3; ++i) {
        const std::unique_ptr<TranscriptQuery> transcript = m_store.transcript(samples[i].id);
        const AnatomySummary fresh
            = AnatomyStatistics::summarize(samples[i].id, runAnatomy(*transcript, samples[i], PriceTable::standard()));
        const AnatomySummary& read = (*kept)[i];
        QCOMPARE(read.sampleId, samples[i].id);
        QCOMPARE(read.scored, fresh.scored);
        QCOMPARE(read.cost, fresh.cost);
        QCOMPARE(read.costAfterLastGain, fresh.costAfterLastGain);
        QCOMPARE(read.workingTimeAfterLastGain, fresh.workingTimeAfterLastGain);
        QCOMPARE(read.plateauTime, fresh.plateauTime);
        QCOMPARE(read.regressions, fresh.regressions);
        QCOMPARE(read.compactions, fresh.compactions);
        QCOMPARE(read.activities.size(), fresh.activities.size());
        for (size_t a = 0; a < read.activities.size(); ++a) {
            QCOMPARE(read.activities[a].name, fresh.activities[a].name);
            QCOMPARE(read.activities[a].cost, fresh.activities[a].cost);
        }
    }
    // Other prices: the dollars differ, so every summary is computed again and kept in place of the old one.
    PriceTable doubled = PriceTable::standard();
    ModelPrice price;
    price.input = price.output = 1000;
    doubled.setPrice(QStringLiteral("some/other-model"), price);
    QVERIFY(AnatomySummaries::basisOf(doubled) != AnatomySummaries::basisOf(PriceTable::standard()));
    AnatomySummaries other(m_store, doubled);
    const std::vector<SampleRow> first(samples.begin(), samples.begin() + 3);
    QVERIFY(other.of(first));
    QCOMPARE(other.computed(), 3);
    AnatomySummaries again(m_store, PriceTable::standard());
    QVERIFY(again.of(first));
    QCOMPARE(again.computed(), 3);
    QVERIFY(again.of(samples));
    QCOMPARE(again.computed(), 0);
}

QByteArray TestAnatomyStatistics::cli(const QStringList& arguments, int* exitCode, QByteArray* err)
{
    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), QStringList(arguments) << QStringLiteral("--db") << m_storePath);
    process.waitForFinished(120000);
    *exitCode = process.exitCode();
    if (err)
        *err = process.readAllStandardError();
    return process.readAllStandardOutput();
}

void TestAnatomyStatistics::cliJson()
{
    int exit = -1;
    QByteArray err;
    const QByteArray out
        = cli({ QStringLiteral("stats"), QStringLiteral("--anatomy"), QStringLiteral("--json") }, &exit, &err);
    QVERIFY2(exit == 0, err.constData());
    const QJsonArray rows = QJsonDocument::fromJson(out).array();
    QCOMPARE(rows.size(), 2);
    for (const QJsonValue& value : rows) {
        const QJsonObject row = value.toObject();
        const Truth& truth = m_truth[row.value(QLatin1String("model")).toString()];
        QCOMPARE(row.value(QLatin1String("samples")).toInt(), truth.samples);
        QCOMPARE(row.value(QLatin1String("regressions")).toInt(), truth.regressions);
        QCOMPARE(row.value(QLatin1String("compactions")).toInt(), truth.compactions);
        QVERIFY(near(row.value(QLatin1String("after_gain_cost_usd")).toDouble(), truth.costAfterLastGain, 1e-6));
        QVERIFY(near(
            row.value(QLatin1String("after_gain_cost_share")).toDouble(), truth.costAfterLastGain / truth.cost, 1e-6));
        QVERIFY(near(row.value(QLatin1String("editing_cost_usd")).toDouble(),
            truth.activityCost.at(QStringLiteral("editing")), 1e-6));
        // Every figure names its definition.
        for (const char* key : { "samples", "after_gain_cost_share", "after_gain_time_share", "plateau_time_s_per_run",
                 "regressions_per_run", "compactions_per_run", "activity_cost_share" }) {
            const QString definition = row.value(QString::fromLatin1(key) + QStringLiteral("_definition")).toString();
            QVERIFY2(!definition.isEmpty(), key);
        }
        QVERIFY(
            row.value(QLatin1String("after_gain_cost_share_definition")).toString().contains(QLatin1String("pooled")));
    }
    // By tier: a row per model and tier, the samples adding up to the model's.
    const QByteArray tiers = cli({ QStringLiteral("stats"), QStringLiteral("--anatomy"), QStringLiteral("--by"),
                                     QStringLiteral("tier"), QStringLiteral("--csv") },
        &exit);
    QCOMPARE(exit, 0);
    const QList<QByteArray> lines = tiers.trimmed().split('\n');
    QVERIFY(lines.size() > 3);
    QVERIFY(lines[0].startsWith("model,tier,samples,"));
    // With --paired it is refused.
    cli({ QStringLiteral("stats"), QStringLiteral("--anatomy"), QStringLiteral("--paired"), models[0], models[1] },
        &exit);
    QCOMPARE(exit, 2);
}

void TestAnatomyStatistics::cliText()
{
    int exit = -1;
    const QString out = QString::fromUtf8(
        cli({ QStringLiteral("stats"), QStringLiteral("--anatomy"), QStringLiteral("--model"), models[0] }, &exit));
    QCOMPARE(exit, 0);
    QVERIFY(out.contains(QLatin1String("after_gain_cost_share")));
    QVERIFY(out.contains(QLatin1String("running_tests")));
    QVERIFY(out.contains(QLatin1String("pooled over the samples with test runs")));
    QVERIFY(!out.contains(models[1]));
}

void TestAnatomyStatistics::model()
{
    const std::vector<SampleRow> samples = m_store.samples();
    AnatomySummaries reader(m_store, PriceTable::standard());
    const auto summaries = reader.of(samples);
    QVERIFY(summaries);
    AnatomyStatisticsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setGroups(
        AnatomyStatistics::groups(
            samples, *summaries, [](const SampleRow& s) { return s.model; }, [](const SampleRow& s) { return s.tier; }),
        QStringLiteral("Tier"));
    QVERIFY(model.rowCount() > 2);
    QCOMPARE(model.columnCount(), int(AnatomyStatisticsModel::FirstActivity + model.activities().size()));
    const AnatomyGroup& first = model.groups().front();
    QCOMPARE(
        model.index(0, AnatomyStatisticsModel::Samples).data(AnatomyStatisticsModel::SortRole).toInt(), first.samples);
    QCOMPARE(model.index(0, AnatomyStatisticsModel::CostShareAfterLastGain)
                 .data(AnatomyStatisticsModel::SortRole)
                 .toDouble(),
        first.costShareAfterLastGain());
    QVERIFY(
        model.index(0, AnatomyStatisticsModel::CostShareAfterLastGain).data().toString().endsWith(QLatin1Char('%')));
    QVERIFY(!model.headerData(AnatomyStatisticsModel::PlateauTimePerRun, Qt::Horizontal, Qt::ToolTipRole)
                 .toString()
                 .isEmpty());
    model.setGroups({});
    QCOMPARE(model.rowCount(), 0);
}

void TestAnatomyStatistics::view()
{
    AnatomyStatisticsView view(m_storePath);
    QSignalSpy ready(&view, &AnatomyStatisticsView::ready);
    view.setSamples(m_store.samples());
    view.resize(1200, 700);
    view.show();
    // Read off the window's thread: the tab fills once the reading is done.
    QTRY_VERIFY_WITH_TIMEOUT(view.isReady(), 60000);
    QVERIFY(ready.count() >= 1);
    QCOMPARE(view.model()->rowCount(), 2);
    view.setByTier(true);
    QVERIFY(view.model()->rowCount() > 2);
    // A filter to one model: read from what is already read, at once.
    std::vector<SampleRow> one;
    for (const SampleRow& sample : m_store.samples()) {
        if (sample.model == models[0])
            one.push_back(sample);
    }
    view.setByTier(false);
    view.setSamples(one);
    QTRY_VERIFY_WITH_TIMEOUT(view.isReady(), 10000);
    QCOMPARE(view.model()->rowCount(), 1);
    QCOMPARE(view.model()->groups().front().samples, 25);
}

void TestAnatomyStatistics::summariesGoWithTheirFile()
{
    // A file imported again replaces its samples: their kept summaries go with them, never read for the new ones.
    SqliteDb& db = StoreConnection::of(m_store);
    auto count = [&] {
        SqliteStatement query(db, "SELECT COUNT(*) FROM anatomy_summaries");
        return query.step() ? query.integer(0) : -1;
    };
    const std::vector<SampleRow> samples = m_store.samples();
    QCOMPARE(count(), qint64(samples.size()));
    SqliteStatement file(db, "SELECT file_id FROM runs WHERE id = ?");
    file.bind(1, samples.front().runId);
    QVERIFY(file.step());
    SqliteStatement remove(db, "DELETE FROM files WHERE id = ?");
    remove.bind(1, file.integer(0));
    QVERIFY(remove.exec());
    QCOMPARE(count(), qint64(m_store.samples().size()));
    QVERIFY(m_store.samples().size() < samples.size());
}

QTEST_MAIN(TestAnatomyStatistics)
#include "tst_anatomystatistics.moc"
