// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "mirrorcodesynth.h"
#include "zipstreamwriter.h"

#include "analysis/eventsummary.h"
#include "archive/zipreader.h"
#include "inspect/inspectlogreader.h"
#include "store/importer.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "workflow/transcriptdigest.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>

namespace {
const QByteArray header = R"({"version": 3, "status": "success", "eval": {"task": "t", "model": "m", )"
                          R"("created": "2026-01-01T00:00:00+00:00", "run_id": "r1", "eval_id": "e1", )"
                          R"("task_id": "t1", "dataset": {"samples": 1}}})";
const QByteArray shell = R"({"id": "a", "epoch": 1, "input": "x", "target": "", )"
                         R"("scores": {"s": {"value": "C"}}, "message_refs": [[0, 2]]})";
const QByteArray modelEvent = R"({"event": "model", "model": "m", "input": [], "input_refs": [[0, 1]], )"
                              R"("output": {"choices": []}})";
const QByteArray message = R"({"role": "user", "content": "hello"})";

/// Writes an archive of the members given, in order.
bool writeArchive(const QString& path, const std::vector<std::pair<QString, QByteArray>>& members)
{
    ZipStreamWriter zip;
    if (!zip.open(path, ZipStreamWriter::Compression::Deflate))
        return false;
    for (const auto& [name, bytes] : members) {
        if (!zip.beginMember(name) || !zip.write(bytes) || !zip.endMember())
            return false;
    }
    return zip.close();
}

/// Every sample of a store by (id, epoch), with its digest.
std::map<std::pair<QString, int>, TranscriptDigest> digests(Store& store)
{
    std::map<std::pair<QString, int>, TranscriptDigest> all;
    for (const SampleRow& sample : store.samples())
        all[{ sample.sampleId, sample.epoch }] = TranscriptDigest::of(store, sample);
    return all;
}

/// What a reader found, kept.
class RecordingSink : public LogSink {
public:
    bool run(const RunRecord& record) override
    {
        runs.push_back(record);
        return true;
    }
    bool beginSample(const SampleRecord&) override { return true; }
    bool event(const EventRecord& record) override
    {
        events.push_back(record);
        return true;
    }
    bool message(const MessageRecord&) override { return true; }
    bool attachment(const QString&, std::string_view) override { return true; }
    bool modelCall(int, std::string_view) override { return true; }
    bool endSample(const SampleRecord& record) override
    {
        samples.push_back(record);
        return true;
    }
    bool summarySample(const SampleRecord&) override { return true; }

    std::vector<RunRecord> runs;
    std::vector<EventRecord> events;
    std::vector<SampleRecord> samples;
};

QByteArray jsonLog(const QByteArray& results, const QByteArray& sample)
{
    return R"({"version": 2, "status": "success", "eval": {"task": "t", "model": "m", )"
           R"("created": "2026-01-01T00:00:00+00:00", "run_id": "r1", "eval_id": "e1", "task_id": "t1", )"
           R"("dataset": {"samples": 1}}, "results": )"
        + results + R"(, "samples": [)" + sample + "]}";
}
}

class TestChunked : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void chunkedAndSingleMemberAgree();
    void faultsAreNamedAndLeaveTheStore_data();
    void faultsAreNamedAndLeaveTheStore();
    void unknownEventTypesAreKept();
    void metricGroupsAreNamed();
    void notANumberInsideADictScore();

private:
    QString write(const QString& name, const QByteArray& bytes);
    QTemporaryDir m_dir;
};

void TestChunked::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestChunked::write(const QString& name, const QByteArray& bytes)
{
    QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestChunked::chunkedAndSingleMemberAgree()
{
    // The same generated runs, once a member a sample and once chunked (small chunks, so that every sequence is cut
    // many times), import to the same rows: events, messages, curves, counts and checksums.
    std::map<std::pair<QString, int>, TranscriptDigest> forms[2];
    for (const bool chunked : { false, true }) {
        SynthOptions options;
        options.outputDirectory = m_dir.filePath(chunked ? QStringLiteral("chunked") : QStringLiteral("single"));
        options.seed = 7;
        options.scaleRuns = 1;
        options.samplesPerRun = 4;
        options.chunked = chunked;
        options.chunkItems = 10;
        options.chunkBytes = 2000;
        SynthReport report;
        MirrorCodeSynth synth;
        QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
        QCOMPARE(report.files.size(), 1);
        ZipReader zip;
        QVERIFY(zip.open(report.files.front()));
        int shells = 0;
        int laterEventChunks = 0;
        int laterAttachmentChunks = 0;
        for (const ZipReader::Entry& entry : zip.entries()) {
            shells += entry.name.endsWith(QLatin1String("/sample.json"));
            laterEventChunks += entry.name.endsWith(QLatin1String("/events/10.json"));
            laterAttachmentChunks += entry.name.contains(QLatin1String("/attachments/"))
                && !entry.name.endsWith(QLatin1String("/attachments/0.json"));
        }
        QCOMPARE(shells, chunked ? 4 : 0);
        if (chunked) {
            QVERIFY(laterEventChunks >= 1);
            QVERIFY(laterAttachmentChunks >= 4);
        }
        Store store;
        QVERIFY(store.open(options.outputDirectory + QStringLiteral(".sqlite")));
        const ImportResult result = Importer(store).importFile(report.files.front());
        QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
        QVERIFY2(result.warnings.isEmpty(), qPrintable(result.warnings.join(QLatin1Char('\n'))));
        forms[chunked] = digests(store);
    }
    QCOMPARE(forms[0].size(), size_t(4));
    QCOMPARE(forms[1].size(), forms[0].size());
    qint64 points = 0;
    qint64 longest = 0;
    for (const auto& [key, single] : forms[0]) {
        const TranscriptDigest& chunked = forms[1][key];
        QVERIFY(single.events > 0 && single.messages > 0);
        points += single.curvePoints;
        longest = std::max(longest, single.events);
        QVERIFY2(single == chunked,
            qPrintable(key.first + QStringLiteral(":\n") + single.line() + QLatin1Char('\n') + chunked.line()));
    }
    QVERIFY(points > 0);
    QVERIFY(longest > 2 * 10);
}

void TestChunked::faultsAreNamedAndLeaveTheStore_data()
{
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<QByteArray>("attachments");
    QTest::addColumn<QStringList>("messageChunks"); ///< name=json
    QTest::addColumn<QString>("fault");
    const QString prefix = QStringLiteral("samples/a_epoch_1/");
    QTest::newRow("intact") << "[" + modelEvent + "]" << QByteArray() << QStringList { QStringLiteral("0") }
                            << QString();
    QTest::newRow("a referenced message's chunk missing")
        << "[" + modelEvent + "]" << QByteArray() << QStringList()
        << QStringLiteral("message_refs names message 0, which its messages/ chunks do not hold");
    QTest::newRow("a chunk between missing")
        << "[" + modelEvent + "]" << QByteArray() << QStringList { QStringLiteral("0"), QStringLiteral("3") }
        << QStringLiteral("member %1messages/3.json: named for item 3, but the chunks before it hold 2 items")
               .arg(prefix);
    QTest::newRow("an attachment index past the attachments")
        << QByteArray(R"([{"event": "info", "source": "x", "data": "attachment://7"}])")
        << QByteArray(R"(["one", "two"])") << QStringList { QStringLiteral("0") }
        << QStringLiteral("sample %1: event 0 refers to attachment://7, but the sample has 2 attachments")
               .arg(prefix.chopped(1));
    QTest::newRow("attachments not strings")
        << "[" + modelEvent + "]" << QByteArray(R"([{"text": "x"}])") << QStringList { QStringLiteral("0") }
        << QStringLiteral("member %1attachments/0.json: attachment 0 is not a string").arg(prefix);
}

void TestChunked::faultsAreNamedAndLeaveTheStore()
{
    QFETCH(QByteArray, events);
    QFETCH(QByteArray, attachments);
    QFETCH(QStringList, messageChunks);
    QFETCH(QString, fault);
    const QString prefix = QStringLiteral("samples/a_epoch_1/");
    std::vector<std::pair<QString, QByteArray>> members { { QStringLiteral("header.json"), header },
        { prefix + QStringLiteral("sample.json"), shell }, { prefix + QStringLiteral("events/0.json"), events } };
    if (!attachments.isEmpty())
        members.emplace_back(prefix + QStringLiteral("attachments/0.json"), attachments);
    for (const QString& start : messageChunks)
        members.emplace_back(
            prefix + QStringLiteral("messages/%1.json").arg(start), "[" + message + "," + message + "]");
    const QString path
        = m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))
            + QStringLiteral(".eval"));
    QVERIFY(writeArchive(path, members));

    Store store;
    QVERIFY(store.open(path + QStringLiteral(".sqlite")));
    const ImportResult result = Importer(store).importFile(path);
    if (fault.isEmpty()) {
        QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
        QCOMPARE(store.samples().size(), size_t(1));
        const TranscriptDigest digest = TranscriptDigest::of(store, store.samples().front());
        QCOMPARE(digest.events, 1);
        // The pool's first message (the one the model read), and the final conversation's two: its second message,
        // which no event read, is the final conversation's own, as it would be in a single-member sample.
        QCOMPARE(digest.messages, 3);
        return;
    }
    QCOMPARE(result.status, ImportResult::Failed);
    QVERIFY2(result.error.contains(fault), qPrintable(result.error));
    QVERIFY(store.runs().empty());
    QVERIFY(store.samples().empty());
}

void TestChunked::unknownEventTypesAreKept()
{
    const QString path = write(QStringLiteral("unknown-event.json"),
        jsonLog("{}",
            R"({"id": "a", "epoch": 1, "input": "x", "target": "", "events": [)"
            R"({"event": "hologram", "timestamp": "2026-01-01T00:00:01+00:00", "beam": 3}, )"
            R"({"event": "span_end", "id": "s"}]})"));
    QVERIFY(!path.isEmpty());
    Store store;
    QVERIFY(store.open(path + QStringLiteral(".sqlite")));
    const ImportResult result = Importer(store).importFile(path);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    const std::unique_ptr<TranscriptQuery> transcript = store.transcript(store.samples().front().id);
    std::vector<StoredEvent> events;
    transcript->visitEvents([&events](const StoredEvent& event) {
        events.push_back(event);
        return true;
    });
    QCOMPARE(events.size(), size_t(2));
    QCOMPARE(events[0].type, QStringLiteral("hologram"));
    QVERIFY(events[0].payload.contains(QLatin1String("\"beam\": 3")));
    QVERIFY2(EventSummary::phrase(events[0].summary).startsWith(QLatin1String("hologram")),
        qPrintable(EventSummary::phrase(events[0].summary)));
    QCOMPARE(events[1].summary, QString()); // a type Inspect has, without a summary
}

void TestChunked::metricGroupsAreNamed()
{
    // frequency() gives a value a category: metrics sharing its `group`, `name` the category.
    const QString path = write(QStringLiteral("metric-groups.json"),
        jsonLog(R"({"scores": [{"name": "judge", "scorer": "judge", "metrics": {)"
                R"("C": {"name": "C", "group": "frequency", "value": 0.75}, )"
                R"("I": {"name": "I", "group": "frequency", "value": 0.25}, )"
                R"("accuracy": {"name": "accuracy", "value": 0.75}}}]})",
            R"({"id": "a", "epoch": 1, "input": "x", "target": ""})"));
    QVERIFY(!path.isEmpty());
    RecordingSink sink;
    InspectLogReader reader;
    QVERIFY2(reader.read(path, sink), qPrintable(reader.errorString()));
    QCOMPARE(sink.runs.size(), size_t(1));
    std::map<QString, double> metrics;
    for (const MetricRecord& metric : sink.runs.front().metrics)
        metrics[metric.scorer + QLatin1Char(':') + metric.name] = metric.value;
    const std::map<QString, double> expected { { QStringLiteral("judge:frequency/C"), 0.75 },
        { QStringLiteral("judge:frequency/I"), 0.25 }, { QStringLiteral("judge:accuracy"), 0.75 } };
    QCOMPARE(metrics, expected);
}

void TestChunked::notANumberInsideADictScore()
{
    // Dict scores holding NaN (a value the scorer could not compute) import: a NaN beside the value read leaves it
    // as it is; a NaN where the value is read leaves the sample unscored, not solved.
    const QString path = write(QStringLiteral("nan-dict-score.json"),
        jsonLog("{}",
            R"({"id": "a", "epoch": 1, "input": "x", "target": "", )"
            R"("scores": {"tests": {"value": {"held_out": 0.5, "visible": NaN, "note": NaN}}}}, )"
            R"({"id": "b", "epoch": 1, "input": "x", "target": "", )"
            R"("scores": {"tests": {"value": {"held_out": NaN, "visible": 1.0}}}})"));
    QVERIFY(!path.isEmpty());
    Store store;
    QVERIFY(store.open(path + QStringLiteral(".sqlite")));
    const ImportResult result = Importer(store).importFile(path);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    std::map<QString, SampleRow> samples;
    for (const SampleRow& sample : store.samples())
        samples[sample.sampleId] = sample;
    QCOMPARE(samples.size(), size_t(2));
    QCOMPARE(samples[QStringLiteral("a")].score, 0.5);
    QCOMPARE(samples[QStringLiteral("a")].solved, 0);
    QVERIFY(std::isnan(samples[QStringLiteral("b")].score));
    QVERIFY(samples[QStringLiteral("b")].solved != 1);

    const QString fixture = QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).filePath(QStringLiteral("log_with_nan.txt"));
    if (!QFile::exists(fixture))
        QSKIP("the Inspect fixtures (../shared/fixtures/inspect) are not here: log_with_nan.txt not checked");
    const ImportResult real = Importer(store).importFile(fixture);
    QVERIFY2(real.status == ImportResult::Imported, qPrintable(real.error));
}

QTEST_GUILESS_MAIN(TestChunked)
#include "tst_chunked.moc"
