// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

// runs, samples and stats as a user calls them: full precision, filters, errors and exit statuses.
class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void runsCarryFullPrecision();
    void unknownFilterValuesNameCloseMatches();
    void samplesNameTheirOwnIds();
    void statsOverTasks();
    void pairedComparison();
    void tiersWhereThereAreNone();
    void tiersSmallToLarge();
    void transcriptStreamsEvents();
    void drawsWithTheStoreNamedFirst();

private:
    struct Result {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };
    Result cli(const QStringList& arguments) const;
    QJsonArray json(const QStringList& arguments) const;

    QTemporaryDir m_dir;
    QString m_store;
};

namespace {
/// A log of `model` on task t: sample ids a, b, c, two epochs each, scored `values` (C or I) in that order.
QByteArray logOf(const QByteArray& model, const QList<QByteArray>& values, const QByteArray& accuracy)
{
    QByteArray samples;
    const char* ids[] = { "a", "a", "b", "b", "c", "c" };
    for (qsizetype i = 0; i < values.size(); ++i) {
        samples += QByteArray(i ? ", " : "") + R"({"id": ")" + ids[i] + R"(", "epoch": )"
            + QByteArray::number(i % 2 + 1) + R"(, "scores": {"match": {"value": ")" + values[i] + R"("}}})";
    }
    return R"({"version": 2, "status": "success", "eval": {"task": "t", "model": ")" + model
        + R"(", "created": "2026-01-01T00:00:00+00:00"}, "results": {"total_samples": 6, "completed_samples": 6,
        "scores": [{"name": "match", "scorer": "match", "metrics": {"accuracy": {"name": "accuracy", "value": )"
        + accuracy + R"(}}}]}, "samples": [)" + samples + "]}";
}
}

TestCli::Result TestCli::cli(const QStringList& arguments) const
{
    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), QStringList(arguments) << QStringLiteral("--db") << m_store);
    process.waitForFinished(60000);
    return { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
}

QJsonArray TestCli::json(const QStringList& arguments) const
{
    const Result result = cli(QStringList(arguments) << QStringLiteral("--json"));
    return QJsonDocument::fromJson(result.out).array();
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("store.sqlite"));
    // gpt-5.5: a 2/2, b 1/2, c 0/2 (pass@1 1/2); opus: a 2/2, b 2/2, c 0/2 (pass@1 2/3).
    const QString gpt = m_dir.filePath(QStringLiteral("gpt.json"));
    const QString opus = m_dir.filePath(QStringLiteral("opus.json"));
    QFile file(gpt);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(logOf("openai/gpt-5.5", { "C", "C", "C", "I", "I", "I" }, "0.5"));
    file.close();
    QFile other(opus);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(logOf("anthropic/claude-opus-4-7", { "C", "C", "C", "C", "I", "I" }, "0.6666666666666666"));
    other.close();
    const Result imported = cli({ QStringLiteral("import"), gpt, opus });
    QVERIFY2(imported.status == 0, imported.err.constData());
}

void TestCli::runsCarryFullPrecision()
{
    const QJsonArray runs = json({ QStringLiteral("runs") });
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue& value : runs) {
        const QJsonObject run = value.toObject();
        QVERIFY(run.value(QStringLiteral("mismatch")).isNull());
        QCOMPARE(run.value(QStringLiteral("header_metric")).toString(), QStringLiteral("match/accuracy"));
        if (run.value(QStringLiteral("model")).toString() == QLatin1String("anthropic/claude-opus-4-7")) {
            // 2/3 to the last bit, not 0.667.
            QVERIFY(run.value(QStringLiteral("accuracy")).toDouble() == 2.0 / 3.0);
            QVERIFY(run.value(QStringLiteral("header_accuracy")).toDouble() == 2.0 / 3.0);
        }
    }
    const Result csv = cli({ QStringLiteral("runs"), QStringLiteral("--csv") });
    QVERIFY(csv.out.contains(",0.6666666666666666,0.6666666666666666,match/accuracy,"));
    QVERIFY(csv.out.startsWith("id,task,model,status,samples,solved,accuracy,header_accuracy,header_metric,mismatch,"
                               "cost_usd,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens,"
                               "reasoning_tokens,visible_pass,held_out_pass,working_time_s,total_time_s,"));
}

void TestCli::unknownFilterValuesNameCloseMatches()
{
    Result result = cli({ QStringLiteral("samples"), QStringLiteral("--model"), QStringLiteral("gpt-5.5") });
    QCOMPARE(result.status, 2);
    QCOMPARE(result.err.trimmed(), QByteArray("no model gpt-5.5; did you mean openai/gpt-5.5?"));
    QVERIFY(result.out.isEmpty());
    result = cli({ QStringLiteral("stats"), QStringLiteral("--task"), QStringLiteral("T") });
    QCOMPARE(result.status, 2);
    QCOMPARE(result.err.trimmed(), QByteArray("no task T; did you mean t?"));
    result = cli({ QStringLiteral("samples"), QStringLiteral("--epoch"), QStringLiteral("3") });
    QCOMPARE(result.status, 2);
    QCOMPARE(result.err.trimmed(), QByteArray("no epoch 3; known: 1, 2"));
}

void TestCli::samplesNameTheirOwnIds()
{
    const QJsonArray samples = json({ QStringLiteral("samples"), QStringLiteral("--model"),
        QStringLiteral("openai/gpt-5.5"), QStringLiteral("--outcome"), QStringLiteral("solved") });
    QCOMPARE(samples.size(), 3); // a twice, b once
    QStringList seen;
    for (const QJsonValue& value : samples) {
        const QJsonObject sample = value.toObject();
        seen << sample.value(QStringLiteral("sample")).toString() + QLatin1Char('/')
                + QString::number(sample.value(QStringLiteral("epoch")).toInt());
        QCOMPARE(sample.value(QStringLiteral("task")).toString(), QStringLiteral("t"));
        QVERIFY(sample.value(QStringLiteral("cost_usd")).isNull()); // no price, never $0
        QVERIFY(sample.contains(QStringLiteral("reasoning_tokens")));
        QVERIFY(sample.contains(QStringLiteral("working_time_s")));
    }
    seen.sort();
    QCOMPARE(seen, (QStringList { QStringLiteral("a/1"), QStringLiteral("a/2"), QStringLiteral("b/1") }));
}

void TestCli::statsOverTasks()
{
    const QJsonArray rows = json({ QStringLiteral("stats") });
    QCOMPARE(rows.size(), 2);
    for (const QJsonValue& value : rows) {
        const QJsonObject row = value.toObject();
        QCOMPARE(row.value(QStringLiteral("tasks")).toInt(), 3);
        QCOMPARE(row.value(QStringLiteral("samples")).toInt(), 6);
        QVERIFY(row.value(QStringLiteral("pass_at_1_definition"))
                    .toString()
                    .startsWith(QStringLiteral("expected pass@1 over tasks, epochs averaged per task; 95% percentile "
                                               "bootstrap over tasks, 10,000 resamples")));
        const double low = row.value(QStringLiteral("pass_at_1_low")).toDouble();
        const double high = row.value(QStringLiteral("pass_at_1_high")).toDouble();
        const double rate = row.value(QStringLiteral("pass_at_1")).toDouble();
        QVERIFY(low <= rate && rate <= high);
        if (row.value(QStringLiteral("model")).toString() == QLatin1String("openai/gpt-5.5")) {
            QCOMPARE(rate, 0.5);
            QCOMPARE(row.value(QStringLiteral("k")).toInt(), 2);
            QVERIFY(row.value(QStringLiteral("pass_at_k")).toDouble() == 2.0 / 3.0); // a 1, b 1, c 0
            QVERIFY(row.value(QStringLiteral("any_epoch")).toDouble() == 2.0 / 3.0);
        } else {
            QVERIFY(rate == 2.0 / 3.0);
        }
    }
    const Result text = cli({ QStringLiteral("stats") });
    QCOMPARE(text.status, 0);
    QVERIFY(text.out.contains("pass_at_1: expected pass@1 over tasks"));
    const Result byTask
        = cli({ QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("task"), QStringLiteral("--csv") });
    QVERIFY(byTask.out.startsWith("model,task,tasks,"));
}

void TestCli::pairedComparison()
{
    const QJsonArray rows = json({ QStringLiteral("stats"), QStringLiteral("--paired"),
        QStringLiteral("openai/gpt-5.5"), QStringLiteral("anthropic/claude-opus-4-7") });
    QHash<QString, QJsonObject> byName;
    for (const QJsonValue& value : rows)
        byName.insert(value.toObject().value(QStringLiteral("statistic")).toString(), value.toObject());
    const QJsonObject difference = byName.value(QStringLiteral("pass_at_1_difference"));
    QCOMPARE(difference.value(QStringLiteral("tasks")).toInt(), 3);
    // Per task: a 0, b -1/2, c 0.
    QVERIFY(std::abs(difference.value(QStringLiteral("value")).toDouble() + 1.0 / 6.0) < 1e-15);
    QVERIFY(difference.value(QStringLiteral("low")).toDouble() >= -0.5);
    QVERIFY(difference.value(QStringLiteral("high")).toDouble() <= 0.0);
    // Solved in any epoch: both solve a and b, neither c: nothing discordant.
    QCOMPARE(byName.value(QStringLiteral("both_solved")).value(QStringLiteral("value")).toInt(), 2);
    QCOMPARE(byName.value(QStringLiteral("mcnemar_p")).value(QStringLiteral("value")).toDouble(), 1.0);
    // No price: no cost ratio, and it says over how many tasks.
    QVERIFY(byName.value(QStringLiteral("cost_ratio")).value(QStringLiteral("value")).isNull());
    QCOMPARE(byName.value(QStringLiteral("cost_ratio")).value(QStringLiteral("tasks")).toInt(), 0);
    const Result unknown = cli({ QStringLiteral("stats"), QStringLiteral("--paired"), QStringLiteral("opus-4-7"),
        QStringLiteral("openai/gpt-5.5") });
    QCOMPARE(unknown.status, 2);
    QCOMPARE(unknown.err.trimmed(), QByteArray("no model opus-4-7; did you mean anthropic/claude-opus-4-7?"));
}

void TestCli::tiersWhereThereAreNone()
{
    const Result result = cli({ QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("tier") });
    QCOMPARE(result.status, 1);
    QVERIFY(result.err.contains("no size tiers: these samples are not MirrorCode programs"));
}

void TestCli::tiersSmallToLarge()
{
    // Samples of an L, an M and an S program, in that order: the rows go S, M, L all the same.
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("tiers.json"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray samples;
    for (const char* id : { "pkl_python", "gotree_go", "bitwise_c" })
        samples += QByteArray(samples.isEmpty() ? "" : ", ") + R"({"id": ")" + id
            + R"(", "epoch": 1, "scores": {"match": {"value": "C"}}})";
    file.write(R"({"version": 2, "status": "success", "eval": {"task": "mirror-code", "model": "m/one",
        "created": "2026-01-01T00:00:00+00:00"}, "samples": [)"
        + samples + "]}");
    file.close();
    const QString store = dir.filePath(QStringLiteral("tiers.sqlite"));
    const auto run = [&store](const QStringList& arguments) {
        QProcess process;
        process.start(QStringLiteral(RUNLENS_CLI), QStringList(arguments) << QStringLiteral("--db") << store);
        process.waitForFinished(60000);
        return Result { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
    };
    const Result imported = run({ QStringLiteral("import"), log });
    QVERIFY2(imported.status == 0, imported.err.constData());
    const Result csv
        = run({ QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("tier"), QStringLiteral("--csv") });
    QVERIFY2(csv.status == 0, csv.err.constData());
    QStringList tiers;
    for (const QByteArray& line : csv.out.trimmed().split('\n').mid(1))
        tiers << QString::fromUtf8(line.split(',').value(1));
    QCOMPARE(tiers, (QStringList { QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L") }));
}

namespace {
/// One sample whose first events carry the host's clock, whose model input and tool output are attachments holding
/// quotes and newlines, with a score.
QByteArray transcriptLog()
{
    return R"({"version": 2, "status": "success", "eval": {"task": "t", "model": "m/one",
        "created": "2026-01-01T00:00:00+00:00"}, "samples": [{"id": "probe", "epoch": 1, "input": "x", "target": "y",
        "events": [
          {"event": "span_begin", "id": "s1", "name": "init", "timestamp": "2026-01-01T00:00:00+00:00",
           "working_start": 4226402.03},
          {"event": "model", "model": "m/one", "timestamp": "2026-01-01T00:00:01+00:00", "working_start": 1.5,
           "input": [{"role": "user", "content": "attachment://0123456789abcdef0123456789abcdef"}],
           "output": {"choices": [{"message": {"role": "assistant",
             "content": [{"type": "text", "text": "I will list the files."}],
             "tool_calls": [{"id": "c1", "function": "bash", "arguments": {"cmd": "ls -la"}}]}}]}},
          {"event": "tool", "function": "bash", "id": "c1", "arguments": {"cmd": "ls -la"},
           "timestamp": "2026-01-01T00:00:02+00:00", "working_start": 2.25,
           "result": "attachment://fedcba9876543210fedcba9876543210"},
          {"event": "score", "score": {"value": NaN}, "timestamp": "2026-01-01T00:00:03+00:00", "working_start": 3}
        ],
        "attachments": {"0123456789abcdef0123456789abcdef": "Say \"hi\"\nthen list the files",
                        "fedcba9876543210fedcba9876543210": "main.py\n\"quoted\".txt"}}]})";
}
}

void TestCli::transcriptStreamsEvents()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("probe.json"));
    QFile file(log);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(transcriptLog());
    file.close();
    const QString store = dir.filePath(QStringLiteral("transcript.sqlite"));
    QProcess process;
    const auto run = [&](const QStringList& arguments) {
        process.start(QStringLiteral(RUNLENS_CLI), QStringList(arguments) << QStringLiteral("--db") << store);
        process.waitForFinished(60000);
        return Result { process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError() };
    };
    QCOMPARE(run({ QStringLiteral("import"), log }).status, 0);

    // By the sample's name; text blocks with the time since the sample's start, not the host's clock.
    const Result text = run({ QStringLiteral("transcript"), QStringLiteral("probe"), QStringLiteral("--text") });
    QVERIFY2(text.status == 0, text.err.constData());
    QVERIFY2(text.out.startsWith("#0 0:00:00.000 span_begin\n"), text.out.constData());
    QVERIFY(text.out.contains("#1 0:00:01.500 model\n"));
    QVERIFY(text.out.contains("Say \"hi\"")); // the attachment, quotes and all
    QVERIFY(text.out.contains("I will list the files."));
    QVERIFY(text.out.contains("$ ls -la"));
    QVERIFY(text.out.contains("\"quoted\".txt"));
    QVERIFY(text.out.contains("#3 0:00:03.000 score\n"));

    // JSON Lines: one object per event, the model's input put back from the pool.
    const Result lines = run({ QStringLiteral("transcript"), QStringLiteral("probe"), QStringLiteral("--json") });
    QCOMPARE(lines.status, 0);
    const QList<QByteArray> objects = lines.out.trimmed().split('\n');
    QCOMPARE(objects.size(), 4);
    const QJsonObject model = QJsonDocument::fromJson(objects[1]).object();
    QCOMPARE(model.value(QStringLiteral("step")).toInt(), 1);
    QCOMPARE(model.value(QStringLiteral("type")).toString(), QStringLiteral("model"));
    QCOMPARE(model.value(QStringLiteral("time")).toDouble(), 1.5);
    const QJsonArray input = model.value(QStringLiteral("event")).toObject().value(QStringLiteral("input")).toArray();
    QCOMPARE(input.size(), 1);
    QCOMPARE(input.first().toObject().value(QStringLiteral("content")).toString(),
        QStringLiteral("Say \"hi\"\nthen list the files"));

    // A range of steps, and a sample that is not there.
    const Result range = run({ QStringLiteral("transcript"), QStringLiteral("probe"), QStringLiteral("--from"),
        QStringLiteral("2"), QStringLiteral("--to"), QStringLiteral("2"), QStringLiteral("--json") });
    QCOMPARE(range.out.trimmed().split('\n').size(), 1);
    QCOMPARE(QJsonDocument::fromJson(range.out).object().value(QStringLiteral("step")).toInt(), 2);
    const Result missing = run({ QStringLiteral("transcript"), QStringLiteral("nothing") });
    QCOMPARE(missing.status, 1);
    QVERIFY(missing.err.contains("nothing"));
}

void TestCli::drawsWithTheStoreNamedFirst()
{
    // `--db STORE` before the command: the commands that draw still get their application (it aborted without one,
    // writing an empty PDF).
    const QString report = m_dir.filePath(QStringLiteral("report.pdf"));
    const QString plot = m_dir.filePath(QStringLiteral("solve-rate.pdf"));
    for (const QStringList& arguments :
        { QStringList { QStringLiteral("report"), QStringLiteral("1"), QStringLiteral("--out"), report },
            QStringList { QStringLiteral("plot"), QStringLiteral("solve-rate"), QStringLiteral("--out"), plot } }) {
        QProcess process;
        process.start(QStringLiteral(RUNLENS_CLI), QStringList { QStringLiteral("--db"), m_store } + arguments);
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
            process.readAllStandardError().constData());
        QFile written(arguments.last());
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY2(written.read(5) == "%PDF-", qPrintable(arguments.last()));
    }
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
