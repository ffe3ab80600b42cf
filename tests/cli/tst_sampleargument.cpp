// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampleargument.h"

#include <QCommandLineParser>
#include <QTest>

// SAMPLE as a store id or a sample's name, chosen among several by --model, --epoch and --run.
class TestSampleArgument : public QObject {
    Q_OBJECT
private slots:
    void storeIdNamesOneSample();
    void uniqueNameResolves();
    void ambiguousNameListsCandidates();
    void optionsChooseAmongNames();
    void unknownNameOrId();
    void optionsContradictingAnId();
    void optionsFromTheCommandLine();

private:
    static std::vector<SampleRow> samples();
};

std::vector<SampleRow> TestSampleArgument::samples()
{
    // gotree_rust: two models, two epochs of one of them; bc_python once; a sample whose name is a number.
    auto row = [](qint64 id, qint64 run, const char* model, const char* name, int epoch) {
        SampleRow sample;
        sample.id = id;
        sample.runId = run;
        sample.model = QString::fromLatin1(model);
        sample.sampleId = QString::fromLatin1(name);
        sample.epoch = epoch;
        return sample;
    };
    return { row(1, 1, "openai/gpt-5.5", "gotree_rust", 1), row(2, 1, "openai/gpt-5.5", "gotree_rust", 2),
        row(3, 2, "anthropic/claude-opus-4-7", "gotree_rust", 1),
        row(4, 2, "anthropic/claude-opus-4-7", "bc_python", 1), row(5, 3, "openai/gpt-5.5", "1", 1) };
}

void TestSampleArgument::storeIdNamesOneSample()
{
    const SampleArgument::Resolution resolution = SampleArgument::resolve(samples(), QStringLiteral("3"), {});
    QCOMPARE(resolution.sampleId, qint64(3));
    QVERIFY(resolution.error.isEmpty());
}

void TestSampleArgument::uniqueNameResolves()
{
    QCOMPARE(SampleArgument::resolve(samples(), QStringLiteral("bc_python"), {}).sampleId, qint64(4));
    // A name that is a number is the sample's name before it is a store id.
    QCOMPARE(SampleArgument::resolve(samples(), QStringLiteral("1"), {}).sampleId, qint64(5));
}

void TestSampleArgument::ambiguousNameListsCandidates()
{
    const SampleArgument::Resolution resolution = SampleArgument::resolve(samples(), QStringLiteral("gotree_rust"), {});
    QCOMPARE(resolution.sampleId, qint64(0));
    QCOMPARE(resolution.candidates.size(), size_t(3));
    QVERIFY2(resolution.error.contains(QLatin1String("3 samples")), qPrintable(resolution.error));
    for (const char* line : { "id 1  gotree_rust  model openai/gpt-5.5  epoch 1  run 1",
             "id 2  gotree_rust  model openai/gpt-5.5  epoch 2  run 1",
             "id 3  gotree_rust  model anthropic/claude-opus-4-7  epoch 1  run 2" })
        QVERIFY2(resolution.error.contains(QLatin1String(line)), qPrintable(resolution.error));
    QVERIFY(!resolution.error.contains(QLatin1String("bc_python")));
}

void TestSampleArgument::optionsChooseAmongNames()
{
    const QString name = QStringLiteral("gotree_rust");
    QCOMPARE(SampleArgument::resolve(samples(), name, { QStringLiteral("claude-opus-4-7"), 0, 0 }).sampleId, qint64(3));
    QCOMPARE(SampleArgument::resolve(samples(), name, { QStringLiteral("openai/gpt-5.5"), 2, 0 }).sampleId, qint64(2));
    QCOMPARE(SampleArgument::resolve(samples(), name, { {}, 0, 2 }).sampleId, qint64(3));
    // Still two of gpt-5.5: ambiguous, listing those two alone.
    const SampleArgument::Resolution both
        = SampleArgument::resolve(samples(), name, { QStringLiteral("GPT-5.5"), 0, 0 });
    QCOMPARE(both.sampleId, qint64(0));
    QCOMPARE(both.candidates.size(), size_t(2));
}

void TestSampleArgument::unknownNameOrId()
{
    const SampleArgument::Resolution name = SampleArgument::resolve(samples(), QStringLiteral("nosuch"), {});
    QCOMPARE(name.sampleId, qint64(0));
    QVERIFY2(name.error.contains(QLatin1String("'nosuch'")), qPrintable(name.error));
    const SampleArgument::Resolution id = SampleArgument::resolve(samples(), QStringLiteral("99"), {});
    QCOMPARE(id.sampleId, qint64(0));
    QVERIFY2(id.error.contains(QLatin1String("99")), qPrintable(id.error));
    // A name whose samples none fit the options lists them all.
    const SampleArgument::Resolution none
        = SampleArgument::resolve(samples(), QStringLiteral("gotree_rust"), { {}, 3, 0 });
    QCOMPARE(none.sampleId, qint64(0));
    QCOMPARE(none.candidates.size(), size_t(3));
    QVERIFY2(none.error.contains(QLatin1String("id 3 ")), qPrintable(none.error));
}

void TestSampleArgument::optionsContradictingAnId()
{
    const SampleArgument::Resolution resolution
        = SampleArgument::resolve(samples(), QStringLiteral("4"), { QStringLiteral("gpt-5.5"), 0, 0 });
    QCOMPARE(resolution.sampleId, qint64(0));
    QVERIFY2(resolution.error.contains(QLatin1String("id 4 ")), qPrintable(resolution.error));
}

void TestSampleArgument::optionsFromTheCommandLine()
{
    QCommandLineParser parser;
    SampleArgument::addOptions(parser);
    QVERIFY(parser.parse({ QStringLiteral("cli"), QStringLiteral("--epoch"), QStringLiteral("2"),
        QStringLiteral("--run"), QStringLiteral("1"), QStringLiteral("--model"), QStringLiteral("gpt-5.5") }));
    QString error;
    const SampleArgument::Choice choice = SampleArgument::choiceOf(parser, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(choice.epoch, 2);
    QCOMPARE(choice.run, qint64(1));
    QCOMPARE(choice.model, QStringLiteral("gpt-5.5"));
    QVERIFY(parser.parse({ QStringLiteral("cli"), QStringLiteral("--epoch"), QStringLiteral("two") }));
    SampleArgument::choiceOf(parser, &error);
    QVERIFY2(error.contains(QLatin1String("'two'")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSampleArgument)
#include "tst_sampleargument.moc"
