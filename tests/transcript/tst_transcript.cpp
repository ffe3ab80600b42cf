// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

// What the transcript says on real logs: every model event of every shared fixture renders the completion its log
// holds (read here by a path of its own: Qt's JSON over the file or the zip member), with its input; every event
// kind the fixtures hold, and every kind Inspect writes, renders as text that says something; times start at 0.

#include "analysis/eventtext.h"
#include "archive/zipreader.h"
#include "store/importer.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "json/jsonvalues.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
/// Inspect's JSON with its bare NaN and Infinity made null, which QJsonDocument reads.
QJsonObject readJson(const QByteArray& json)
{
    static const QRegularExpression nonFinite(QStringLiteral(R"(([:\[,]\s*)-?(NaN|Infinity)(?=\s*[,\]\}]))"));
    const QString text = QString::fromUtf8(json).replace(nonFinite, QStringLiteral("\\1null"));
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// The samples a log holds, read whole: the fixtures are small.
QList<QJsonObject> samplesOf(const QString& path)
{
    QList<QJsonObject> samples;
    if (path.endsWith(QLatin1String(".json"))) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QJsonValue& sample : readJson(file.readAll()).value(QLatin1String("samples")).toArray())
                samples << sample.toObject();
        }
        return samples;
    }
    ZipReader zip;
    if (!zip.open(path))
        return samples;
    for (const ZipReader::Entry& entry : zip.entries()) {
        if (entry.name.startsWith(QLatin1String("samples/")) && entry.name.endsWith(QLatin1String(".json")))
            samples << readJson(zip.readAll(entry));
    }
    return samples;
}

QJsonArray eventsOf(const QJsonObject& sample)
{
    if (sample.contains(QLatin1String("events")))
        return sample.value(QLatin1String("events")).toArray();
    return sample.value(QLatin1String("transcript")).toObject().value(QLatin1String("events")).toArray();
}

/// The sample's attachments: `attachments`, or a legacy `transcript.content`.
QJsonObject attachmentsOf(const QJsonObject& sample)
{
    if (sample.contains(QLatin1String("attachments")))
        return sample.value(QLatin1String("attachments")).toObject();
    return sample.value(QLatin1String("transcript")).toObject().value(QLatin1String("content")).toObject();
}

/// A string that is an attachment reference, as the text it names.
QString resolved(const QString& text, const QJsonObject& attachments)
{
    for (const QLatin1String prefix : { QLatin1String("attachment://"), QLatin1String("tc://") }) {
        if (text.startsWith(prefix) && attachments.contains(text.mid(prefix.size())))
            return attachments.value(text.mid(prefix.size())).toString();
    }
    return text;
}

/// The model's completion as the log holds it: the first choice's message content, a string or its text parts.
QString completionOf(const QJsonObject& event, const QJsonObject& attachments)
{
    const QJsonValue content = event.value(QLatin1String("output"))
                                   .toObject()
                                   .value(QLatin1String("choices"))
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(QLatin1String("message"))
                                   .toObject()
                                   .value(QLatin1String("content"));
    if (content.isString())
        return resolved(content.toString(), attachments);
    QStringList texts;
    for (const QJsonValue& part : content.toArray()) {
        if (part.toObject().value(QLatin1String("type")).toString() == QLatin1String("text"))
            texts << resolved(part.toObject().value(QLatin1String("text")).toString(), attachments);
    }
    return texts.join(QLatin1Char('\n'));
}

QString sampleName(const QJsonObject& sample)
{
    const QJsonValue id = sample.value(QLatin1String("id"));
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}
}

class TestTranscript : public QObject {
    Q_OBJECT
private slots:
    void fixtures_data();
    void fixtures();
    void everyKind_data();
    void everyKind();
};

void TestTranscript::fixtures_data()
{
    QTest::addColumn<QString>("path");
    const QDir folder(QStringLiteral(RUNLENS_FIXTURES_DIR));
    if (!folder.exists())
        QSKIP("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent.");
    for (const QString& name : folder.entryList({ QStringLiteral("*.eval"), QStringLiteral("*.json") }, QDir::Files))
        QTest::newRow(qPrintable(name)) << folder.filePath(name);
}

void TestTranscript::fixtures()
{
    QFETCH(QString, path);
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("store.sqlite"))));
    QCOMPARE(Importer(store).importFile(path).status, ImportResult::Imported);
    const std::vector<SampleRow> rows = store.samples();
    int modelEvents = 0;
    for (const QJsonObject& sample : samplesOf(path)) {
        const int epoch = sample.value(QLatin1String("epoch")).toInt(1);
        const auto row = std::find_if(rows.begin(), rows.end(),
            [&](const SampleRow& r) { return r.sampleId == sampleName(sample) && r.epoch == epoch; });
        QVERIFY2(row != rows.end(), qPrintable(sampleName(sample)));
        TranscriptQuery transcript(store, row->id);
        const QJsonArray events = eventsOf(sample);
        QCOMPARE(transcript.lastStep(), int(events.size()) - 1);
        for (int seq = 0; seq < int(events.size()); ++seq) {
            const QJsonObject logged = events.at(seq).toObject();
            const QString kind = logged.value(QLatin1String("event")).toString();
            const QJsonObject event = toJsonObject(transcript.payload(seq));
            QCOMPARE(event.value(QLatin1String("event")).toString(), kind);
            const QString rendering = EventText::render(event);
            QVERIFY2(!rendering.trimmed().isEmpty() && !rendering.endsWith(QLatin1String(", empty)")),
                qPrintable(kind + QStringLiteral(" at ") + QString::number(seq)));
            if (kind != QLatin1String("model"))
                continue;
            ++modelEvents;
            const QString expected = completionOf(logged, attachmentsOf(sample));
            QCOMPARE(EventText::outputText(event), expected);
            for (const QString& line : expected.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                QVERIFY2(rendering.contains(line.trimmed()), qPrintable(line));
            // The input the log gives (inline, or through input_refs into a pool) is shown, at least in part.
            const bool hadInput = !logged.value(QLatin1String("input")).toArray().isEmpty()
                || !logged.value(QLatin1String("input_refs")).toArray().isEmpty();
            if (hadInput && modelEvents == 1)
                QVERIFY2(!event.value(QLatin1String("input")).toArray().isEmpty(), qPrintable(rendering));
        }
        // Shown times are the sample's own: from 0, never the host's clock.
        for (const EventRow& shown : transcript.events(0, 1000))
            QVERIFY2(shown.workingStart >= 0 && shown.workingStart < 100000, qPrintable(QString::number(shown.seq)));
    }
    if (modelEvents == 0)
        qInfo("%s: no model events", qPrintable(path));
}

void TestTranscript::everyKind_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("says");
    const auto row = [](const char* name, const char* json, const char* says) {
        QTest::newRow(name) << QString::fromUtf8(json) << QString::fromUtf8(says);
    };
    row("sandbox exec", R"({"event":"sandbox","action":"exec","cmd":"make test","result":2,"output":"FAIL x"})",
        "$ make test");
    row("sandbox read", R"({"event":"sandbox","action":"read_file","file":"/src/a.py"})", "/src/a.py");
    row("store", R"({"event":"store","changes":[{"op":"add","path":"/Tests:count","value":3}]})",
        "add /Tests:count = 3");
    row("approval",
        R"({"event":"approval","decision":"reject","approver":"human","call":{"function":"bash","arguments":{"cmd":"rm -rf /"}}})",
        "$ rm -rf /");
    row("info", R"({"event":"info","source":"solver","data":{"note":"retrying"}})", "retrying");
    row("logger",
        R"({"event":"logger","message":{"level":"warning","message":"slow sandbox","filename":"a.py","lineno":3}})",
        "warning: slow sandbox");
    row("input", R"({"event":"input","input":"yes, go on","input_ansi":"yes, go on"})", "yes, go on");
    row("error",
        R"j({"event":"error","error":{"message":"RuntimeError('sandbox connection lost')","traceback":"tb"}})j",
        "sandbox connection lost");
    row("limit", R"({"event":"sample_limit","type":"cost","message":"cost limit 10 exceeded","limit":10})",
        "cost limit 10 exceeded");
    row("subtask", R"({"event":"subtask","name":"research","input":{"q":"x"},"result":"found it"})", "found it");
    row("checkpoint", R"({"event":"checkpoint","checkpoint":{"step":3}})", "\"step\":3");
    row("anchor", R"({"event":"anchor","anchor_id":"a1"})", "a1");
    row("branch", R"({"event":"branch","from_anchor":"a1"})", "a1");
    row("compaction", R"({"event":"compaction","type":"summary","tokens_before":90000,"tokens_after":4000})", "90000");
    row("score", R"({"event":"score","score":{"value":{"hidden":0.98,"visible":1}},"intermediate":true})", "0.98");
    row("score NaN", R"({"event":"score","score":{"value":NaN}})", "score: null");
    row("tool", R"({"event":"tool","function":"bash","arguments":{"cmd":"ls"},"result":"a.py"})", "a.py");
    row("span", R"({"event":"span_begin","id":"s","type":"solver","name":"react"})", "react");
    row("unknown", R"({"event":"telepathy","thought":"hello"})", "hello");
    row("model pooled output",
        R"({"event":"model","model":"m","input":[{"role":"user","content":"hi"}],"input_refs":[[0,1]],"output":{"choices":[{"message":{"role":"assistant","content":[{"type":"reasoning","reasoning":"think"},{"type":"text","text":"hello"}],"tool_calls":[{"function":"bash","arguments":{"cmd":"pwd"}}]}}]}})",
        "$ pwd");
}

void TestTranscript::everyKind()
{
    QFETCH(QString, json);
    QFETCH(QString, says);
    const QString rendering = EventText::render(json);
    QVERIFY2(rendering.contains(says), qPrintable(rendering));
}

QTEST_GUILESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
