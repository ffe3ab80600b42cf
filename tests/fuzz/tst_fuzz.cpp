// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "archive/zipreader.h"
#include "mirrorcodesynth.h"
#include "zipstreamwriter.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <random>
#include <sys/resource.h>
#include <zlib.h>

// The importer against input written to break it. Every input is imported by runlens-cli in a process of its own,
// which must end by exiting 0, or 1 with a message naming the file; never by a signal, never out of memory (its
// address space is capped), and never holding more than 300 MB (the largest resident size of the test's children
// is read after each one: when it grows past the limit, that child did it).
//
// The mutation fuzzer is deterministic for a seed (RUNLENS_FUZZ_SEED, default 1) and runs for RUNLENS_FUZZ_SECONDS
// (default 30, 20 under AddressSanitizer). Its seeds are the shared Inspect fixtures, where present, and archives
// the generator writes. The inputs that crashed or exhausted earlier builds are regression tests of their own,
// generated here rather than kept as binaries.

namespace {
#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif

QString fixturesDir()
{
    return QStringLiteral(RUNLENS_FIXTURES_DIR);
}

int environmentNumber(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

/// A member of a zip written by ZipWriter; sizes and the CRC may lie on purpose.
struct ZipMember {
    // NOLINTNEXTLINE(google-explicit-constructor): members are written as braced lists
    ZipMember(QByteArray name = {}, QByteArray data = {}, bool deflate = false, qint64 declaredSize = -1)
        : name(std::move(name))
        , data(std::move(data))
        , deflate(deflate)
        , declaredSize(declaredSize)
    {
    }
    QByteArray name;
    QByteArray data;
    bool deflate = false;
    qint64 declaredSize = -1; ///< the uncompressed size the headers claim; -1: the true one
    bool keepCrcOf = false; ///< the CRC is that of `crcData`, not of `data`
    QByteArray crcData;
};

void put16(QByteArray& out, quint32 value)
{
    out.append(char(value & 0xFF)).append(char((value >> 8) & 0xFF));
}
void put32(QByteArray& out, quint32 value)
{
    put16(out, value & 0xFFFF);
    put16(out, value >> 16);
}

QByteArray rawDeflate(const QByteArray& data)
{
    z_stream stream {};
    deflateInit2(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

quint32 crcOf(const QByteArray& data)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef*>(data.constData()), uInt(data.size())));
}

/// A plain zip (stored or deflate members, no ZIP64), byte by byte under the test's control.
QByteArray zipOf(const std::vector<ZipMember>& members)
{
    QByteArray out;
    QByteArray central;
    for (const ZipMember& member : members) {
        const QByteArray stored = member.deflate ? rawDeflate(member.data) : member.data;
        const quint32 crc = crcOf(member.keepCrcOf ? member.crcData : member.data);
        const auto size = quint32(member.declaredSize >= 0 ? member.declaredSize : member.data.size());
        const auto offset = quint32(out.size());
        const quint16 method = member.deflate ? 8 : 0;
        out.append("PK\x03\x04", 4);
        put16(out, 20);
        put16(out, 0);
        put16(out, method);
        put32(out, 0);
        put32(out, crc);
        put32(out, quint32(stored.size()));
        put32(out, size);
        put16(out, quint16(member.name.size()));
        put16(out, 0);
        out += member.name;
        out += stored;
        central.append("PK\x01\x02", 4);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0);
        put16(central, method);
        put32(central, 0);
        put32(central, crc);
        put32(central, quint32(stored.size()));
        put32(central, size);
        put16(central, quint16(member.name.size()));
        put32(central, 0); // extra and comment lengths
        put32(central, 0); // disk, internal attributes
        put32(central, 0); // external attributes
        put32(central, offset);
        central += member.name;
    }
    const auto centralAt = quint32(out.size());
    out += central;
    out.append("PK\x05\x06", 4);
    put32(out, 0);
    put16(out, quint16(members.size()));
    put16(out, quint16(members.size()));
    put32(out, quint32(central.size()));
    put32(out, centralAt);
    put16(out, 0);
    return out;
}

/// The members of a zip, read back, so a generated or real archive can be written again changed.
std::vector<ZipMember> membersOf(const QString& path)
{
    std::vector<ZipMember> members;
    ZipReader zip;
    if (!zip.open(path))
        return members;
    for (const ZipReader::Entry& entry : zip.entries()) {
        ZipMember member;
        member.name = entry.name.toUtf8();
        member.data = zip.readAll(entry);
        member.deflate = true;
        members.push_back(member);
    }
    return members;
}

const QByteArray header = R"({"version": 2, "status": "success", "eval": {"task": "fuzz", "model": "m/fuzz", )"
                          R"("created": "2026-01-01T00:00:00+00:00"}, "results": {"total_samples": 1}})";

QByteArray sampleWith(const QByteArray& extra)
{
    return R"({"id": "s1", "epoch": 1, "input": "x", "target": "y", "events": [{"event": "info", "data": "one"}], )"
           R"("scores": {"s": {"value": "C"}}, )"
        + extra + "}";
}

QByteArray jsonLogWith(const QByteArray& sampleExtra)
{
    QByteArray log = header;
    log.chop(1);
    return log + R"(, "samples": [)" + sampleWith(sampleExtra) + "]}";
}

QByteArray evalWith(const QByteArray& sample, const QByteArray& name = "samples/s1_epoch_1.json")
{
    return zipOf({ { "header.json", header, true }, { name, sample, true } });
}

QByteArray deepNesting(int depth)
{
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

struct Outcome {
    bool crashed = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    long peakKb = 0; ///< the largest resident size of any child so far
};
}

class TestFuzz : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void deepNestingInJson();
    void deepNestingInEvalMember();
    void deepNestingInAnEvent();
    void hugeStrings();
    void declaredSizeLies();
    void crcEditFromCToI();
    void notInspectLogs_data();
    void notInspectLogs();
    void badMemberNames();
    void emptyFolder();
    void mutations();

private:
    QString write(const QString& name, const QByteArray& bytes);
    Outcome import(const QString& path);
    /// Imports `path` and checks what every input must: no signal, exit 0 or 1, a failure naming the file, memory.
    Outcome importChecked(const QString& path, const QString& what);
    void addSeedsFrom(const QString& folder);

    QTemporaryDir m_dir;
    int m_stores = 0;
    long m_limitKb = 300 * 1024;
    QStringList m_seeds;
};

void TestFuzz::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // AddressSanitizer's shadow memory and quarantine multiply what a process holds: its build is allowed three times
    // as much.
    m_limitKb = long(environmentNumber("RUNLENS_FUZZ_MAX_RSS_MB", sanitized ? 900 : 300)) * 1024;
    if (QDir(fixturesDir()).exists())
        addSeedsFrom(fixturesDir());
    else
        qInfo("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent: the fuzzer is "
              "seeded from generated archives only.");
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("synth"));
    options.scaleRuns = 2;
    options.samplesPerRun = 2;
    options.seed = 7;
    options.compression = ZipStreamWriter::Compression::Deflate;
    MirrorCodeSynth synth;
    SynthReport report;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    addSeedsFrom(options.outputDirectory);
    // A generated archive written again with stored members, whose bytes a flip changes as they are read.
    QStringList generated;
    for (const QString& seed : std::as_const(m_seeds)) {
        if (seed.startsWith(options.outputDirectory) && seed.endsWith(QLatin1String(".eval")))
            generated << seed;
    }
    QVERIFY(!generated.isEmpty());
    std::vector<ZipMember> members = membersOf(generated.first());
    for (ZipMember& member : members)
        member.deflate = false;
    m_seeds << write(QStringLiteral("stored.eval"), zipOf(members));
    qInfo("%lld seeds", qlonglong(m_seeds.size()));
}

void TestFuzz::addSeedsFrom(const QString& folder)
{
    QDirIterator it(folder, { QStringLiteral("*.eval"), QStringLiteral("*.json"), QStringLiteral("*.txt") },
        QDir::Files, QDirIterator::Subdirectories);
    QStringList found;
    while (it.hasNext())
        found << it.next();
    found.sort();
    for (const QString& path : std::as_const(found)) {
        if (!path.endsWith(QLatin1String("README.txt")) && !path.contains(QLatin1String("/suites/")))
            m_seeds << path;
    }
}

QString TestFuzz::write(const QString& name, const QByteArray& bytes)
{
    QString path = m_dir.filePath(QStringLiteral("inputs/") + name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

Outcome TestFuzz::import(const QString& path)
{
    rusage before {};
    getrusage(RUSAGE_CHILDREN, &before);
    QProcess process;
    if (!sanitized) {
        // As much address space as the issue's fuzzer allowed: an allocation a header's claimed size decides fails
        // here (and must not happen), where an unlimited process would only reserve it.
        process.setChildProcessModifier([] {
            const rlimit addressSpace { rlim_t(2) << 30, rlim_t(2) << 30 };
            setrlimit(RLIMIT_AS, &addressSpace);
            const rlimit noCore { 0, 0 };
            setrlimit(RLIMIT_CORE, &noCore);
        });
    }
    const QString store = m_dir.filePath(QStringLiteral("stores/%1.sqlite").arg(++m_stores));
    QDir().mkpath(QFileInfo(store).path());
    process.start(QStringLiteral(RUNLENS_CLI),
        { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), store, path });
    Outcome outcome;
    if (!process.waitForFinished(300'000)) {
        process.kill();
        process.waitForFinished();
        outcome.crashed = true;
        outcome.err = "timed out";
    } else {
        outcome.crashed = process.exitStatus() != QProcess::NormalExit;
        outcome.exitCode = process.exitCode();
        outcome.out = process.readAllStandardOutput();
        outcome.err = process.readAllStandardError();
    }
    QFile::remove(store);
    QFile::remove(store + QStringLiteral("-wal"));
    QFile::remove(store + QStringLiteral("-shm"));
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    // The largest of all children so far: when this one grew it, it is this one's own peak; else this one held at
    // most as much as an earlier one, which was checked.
    outcome.peakKb = usage.ru_maxrss > before.ru_maxrss ? usage.ru_maxrss : 0;
    return outcome;
}

Outcome TestFuzz::importChecked(const QString& path, const QString& what)
{
    Outcome outcome = import(path);
    const QByteArray context = (what + QStringLiteral(" (") + path + QStringLiteral("): ")).toUtf8() + outcome.err;
    if (outcome.crashed)
        qWarning("%s", context.constData());
    [&] {
        QVERIFY2(!outcome.crashed, context.constData());
        QVERIFY2(outcome.exitCode == 0 || outcome.exitCode == 1, context.constData());
        if (outcome.exitCode == 1)
            QVERIFY2(outcome.err.contains(QFileInfo(path).fileName().toUtf8()), context.constData());
        QVERIFY2(!outcome.err.contains("out of memory"), context.constData());
        QVERIFY2(outcome.peakKb < m_limitKb,
            (context + " peak " + QByteArray::number(qlonglong(outcome.peakKb / 1024)) + " MB").constData());
    }();
    return outcome;
}

void TestFuzz::deepNestingInJson()
{
    // 40,000 levels (a 40 KB file) overflowed the stack of RapidJSON's recursive parser; 20,000 imported.
    for (const int depth : { 500, 40'000 }) {
        const QString path = write(QStringLiteral("deep-%1.json").arg(depth),
            jsonLogWith(R"("metadata": {"deep": )" + deepNesting(depth) + "}"));
        const Outcome outcome = importChecked(path, QStringLiteral("deep .json"));
        if (QTest::currentTestFailed())
            return;
        if (depth < 512) {
            QCOMPARE(outcome.exitCode, 0);
        } else {
            QCOMPARE(outcome.exitCode, 1);
            QVERIFY2(outcome.err.contains("JSON nested deeper than 512 levels at byte"), outcome.err);
        }
    }
    // The header of a .json log, read by the same parser.
    QByteArray log = header;
    log.chop(1);
    const QString path = write(QStringLiteral("deep-header.json"), log + R"(, "plan": )" + deepNesting(40'000) + "}");
    const Outcome outcome = importChecked(path, QStringLiteral("deep header"));
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("JSON nested deeper than 512 levels at byte"), outcome.err);
}

void TestFuzz::deepNestingInEvalMember()
{
    const QString path
        = write(QStringLiteral("deep-member.eval"), evalWith(sampleWith(R"("output": )" + deepNesting(40'000))));
    const Outcome outcome = importChecked(path, QStringLiteral("deep .eval member"));
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("member samples/s1_epoch_1.json: JSON nested deeper than 512 levels at byte"),
        outcome.err);
    // header.json itself, parsed whole.
    const QString deepHeader = write(QStringLiteral("deep-header.eval"),
        zipOf({ { "header.json", R"({"eval": {"task": "t"}, "plan": )" + deepNesting(40'000) + "}", true } }));
    const Outcome headerOutcome = importChecked(deepHeader, QStringLiteral("deep header.json"));
    QCOMPARE(headerOutcome.exitCode, 1);
    QVERIFY2(headerOutcome.err.contains("JSON nested deeper than 512 levels at byte"), headerOutcome.err);
}

void TestFuzz::deepNestingInAnEvent()
{
    // Events and messages are copied out of the stream unparsed, then parsed: the copy counts the levels.
    QByteArray sample = sampleWith(R"("messages": [{"role": "user", "content": )" + deepNesting(40'000) + "}]");
    const QString path = write(QStringLiteral("deep-message.eval"), evalWith(sample));
    const Outcome outcome = importChecked(path, QStringLiteral("deep message"));
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("JSON nested deeper than 512 levels at byte"), outcome.err);
}

void TestFuzz::hugeStrings()
{
    // A string over the cap in each of the three ways a sample's strings are read: RapidJSON's own (the sample's
    // output, skipped; its error, kept), an event copied raw, an attachment. The sample imports, cut, with warnings.
    const int megabytes = environmentNumber("RUNLENS_FUZZ_HUGE_MB", 20);
    // Written a megabyte at a time: a child's peak counts what this process ever held when it forked it.
    const QByteArray megabyte(1'000'000, 'a');
    const auto writeHuge = [&](const std::function<void(const QByteArray&)>& put) {
        put("\"");
        for (int i = 0; i < megabytes; ++i)
            put(megabyte);
        put("\"");
    };
    QString paths[2]
        = { m_dir.filePath(QStringLiteral("inputs/huge.eval")), m_dir.filePath(QStringLiteral("inputs/huge.json")) };
    {
        ZipStreamWriter zip;
        QVERIFY(zip.open(paths[0], ZipStreamWriter::Compression::Deflate));
        const auto put = [&zip](const QByteArray& bytes) { zip.write(bytes); };
        zip.beginMember(QStringLiteral("header.json"));
        zip.write(header);
        zip.endMember();
        zip.beginMember(QStringLiteral("samples/s1_epoch_1.json"));
        zip.write(R"({"id": "s1", "epoch": 1, "input": "x", "target": "y", "output": {"completion": )");
        writeHuge(put);
        zip.write(R"(}, "events": [{"event": "info", "data": )");
        writeHuge(put);
        zip.write(R"(}], "attachments": {"a1": )");
        writeHuge(put);
        zip.write(R"(}, "error": )");
        writeHuge(put);
        zip.write(R"(, "scores": {"s": {"value": "C"}}})");
        zip.endMember();
        QVERIFY2(zip.close(), qPrintable(zip.errorString()));
    }
    {
        QFile json(paths[1]);
        QVERIFY(json.open(QIODevice::WriteOnly));
        const QByteArray log = jsonLogWith(R"("metadata": {"m": @})");
        const qsizetype at = log.indexOf('@');
        json.write(log.left(at));
        writeHuge([&json](const QByteArray& bytes) { json.write(bytes); });
        json.write(log.mid(at + 1));
    }
    for (const bool json : { false, true }) {
        const QString path = paths[json ? 1 : 0];
        const Outcome outcome = importChecked(path, QStringLiteral("huge strings"));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(outcome.exitCode, 0);
        const QByteArray marker = "truncated: " + QByteArray::number(megabytes) + " MB, first 16 MB kept";
        QVERIFY2(outcome.err.count(marker) == (json ? 1 : 4), outcome.err);
        QVERIFY2(outcome.err.contains(json ? "the log: a string of" : "member samples/s1_epoch_1.json: a string of"),
            outcome.err);
        QVERIFY(outcome.out.contains("1 imported"));
    }
}

void TestFuzz::declaredSizeLies()
{
    // A 4 KB archive whose headers claim 2 GB for header.json: nothing is allocated for the claim.
    std::vector<ZipMember> members { { "header.json", header, true, 0x7FFF0000 },
        { "samples/s1_epoch_1.json", sampleWith("\"x\": 1"), true, 0x7FFF0000 } };
    const QString path = write(QStringLiteral("declared-2gb.eval"), zipOf(members));
    const Outcome outcome = importChecked(path, QStringLiteral("declared size"));
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("header.json"), outcome.err);
}

void TestFuzz::crcEditFromCToI()
{
    // A stored sample member whose score was edited from C to I, its CRC-32 left as it was: Python's zipfile refuses
    // it, and so must the importer, leaving the store unchanged.
    const QByteArray original = sampleWith(R"("x": 1)");
    QByteArray edited = original;
    edited.replace(R"("value": "C")", R"("value": "I")");
    QVERIFY(edited != original);
    ZipMember member { "samples/s1_epoch_1.json", edited, false };
    member.keepCrcOf = true;
    member.crcData = original;
    const QString path = write(QStringLiteral("crc-edit.eval"), zipOf({ { "header.json", header, false }, member }));
    const Outcome outcome = importChecked(path, QStringLiteral("CRC edit"));
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("CRC-32 mismatch in member samples/s1_epoch_1.json"), outcome.err);
    // Unedited, the same archive imports.
    const QString good = write(
        QStringLiteral("crc-good.eval"), zipOf({ { "header.json", header, false }, { member.name, original } }));
    QCOMPARE(importChecked(good, QStringLiteral("CRC unedited")).exitCode, 0);
    // The store keeps nothing of the failed file: import it into a store that holds the good one.
    const QString store = m_dir.filePath(QStringLiteral("crc.sqlite"));
    QProcess process;
    process.start(QStringLiteral(RUNLENS_CLI), { QStringLiteral("import"), QStringLiteral("--db"), store, good, path });
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 1);
    process.start(QStringLiteral(RUNLENS_CLI),
        { QStringLiteral("samples"), QStringLiteral("--db"), store, QStringLiteral("--csv") });
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.readAllStandardOutput().trimmed().count('\n'), 1); // a heading and the good file's sample
}

void TestFuzz::notInspectLogs_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("{}") << QStringLiteral("empty-object.json") << QByteArray("{}");
    QTest::newRow("results table") << QStringLiteral("results.json")
                                   << QByteArray(R"({"samples": [{"id": 1, "score": 0.5}, {"id": 1, "score": 1}]})");
    QTest::newRow("array") << QStringLiteral("array.json") << QByteArray(R"([{"eval": {"task": "t"}}])");
    QTest::newRow("text") << QStringLiteral("notes.eval") << QByteArray("just some notes\n");
    QTest::newRow("zip without a header")
        << QStringLiteral("other.eval") << zipOf({ { "data.json", R"({"a": 1})", true } });
    QTest::newRow("zip with {} as header")
        << QStringLiteral("blank-header.eval") << zipOf({ { "header.json", "{}", true } });
}

void TestFuzz::notInspectLogs()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    const Outcome outcome = importChecked(write(name, bytes), QStringLiteral("not a log"));
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("not an Inspect log"), outcome.err);
}

void TestFuzz::badMemberNames()
{
    const QByteArray sample = sampleWith(R"("x": 1)");
    const QString path = write(QStringLiteral("member-names.eval"),
        zipOf({ { "header.json", header, true }, { "samples/s1_epoch_1.json", sample, true },
            { "../../x_epoch_1.json", sample, true }, { QByteArray("samples/s2\x01_epoch_1.json"), sample, true },
            { "samples/a/b_epoch_1.json", sample, true } }));
    const Outcome outcome = importChecked(path, QStringLiteral("member names"));
    QCOMPARE(outcome.exitCode, 0);
    QVERIFY2(outcome.err.contains("member ../../x_epoch_1.json is not a sample"), outcome.err);
    QVERIFY2(outcome.err.contains("member samples/s2\\x01_epoch_1.json has a control character"), outcome.err);
    QVERIFY2(outcome.err.contains("member samples/a/b_epoch_1.json is not a sample"), outcome.err);
}

void TestFuzz::emptyFolder()
{
    const QString folder = m_dir.filePath(QStringLiteral("empty"));
    QDir().mkpath(folder + QStringLiteral("/inside"));
    const Outcome outcome = import(folder);
    QVERIFY(!outcome.crashed);
    QCOMPARE(outcome.exitCode, 1);
    QVERIFY2(outcome.err.contains("no Inspect logs found in " + folder.toUtf8()), outcome.err);
}

void TestFuzz::mutations()
{
    if (m_seeds.isEmpty())
        QSKIP("no seeds");
    const int seconds = environmentNumber("RUNLENS_FUZZ_SECONDS", sanitized ? 20 : 30);
    const auto seed = quint64(environmentNumber("RUNLENS_FUZZ_SEED", 1));
    std::mt19937_64 random(seed);
    const auto below = [&random](qsizetype n) { return qsizetype(random() % quint64(std::max<qsizetype>(n, 1))); };
    QElapsedTimer clock;
    clock.start();
    int count = 0;
    while (clock.elapsed() < qint64(seconds) * 1000) {
        const QString seedPath = m_seeds[below(m_seeds.size())];
        QFile file(seedPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        const bool isZip = original.startsWith("PK");
        // A JSON text to change: the file itself, or one member of an archive (written again stored or deflated).
        std::vector<ZipMember> members = isZip ? membersOf(seedPath) : std::vector<ZipMember>();
        const bool storedAgain = random() % 2 == 0;
        for (ZipMember& member : members)
            member.deflate = !storedAgain;
        ZipMember* target = members.empty() ? nullptr : &members[size_t(below(qsizetype(members.size())))];
        QByteArray text = target ? target->data : original;
        QByteArray bytes;
        QString kind;
        const auto afterColon = [&] {
            qsizetype at = text.indexOf(':', below(text.size()));
            return at < 0 ? text.indexOf(':') : at;
        };
        switch (random() % 8) {
        case 0: { // byte flips in the file as it stands
            kind = QStringLiteral("flips");
            bytes = original;
            for (int i = 0, n = 1 + int(random() % 8); i < n && !bytes.isEmpty(); ++i)
                bytes[below(bytes.size())] = char(random());
            break;
        }
        case 1: // cut short
            kind = QStringLiteral("truncation");
            bytes = original.left(below(original.size()));
            break;
        case 2: { // nesting far past the limit, as a value
            kind = QStringLiteral("deep nesting");
            const qsizetype at = afterColon();
            if (at >= 0)
                text.insert(at + 1, deepNesting(int(1000 + random() % 40'000)) + ", \"fuzz\": ");
            break;
        }
        case 3: { // a string past the cap, as a value
            kind = QStringLiteral("huge string");
            const qsizetype at = afterColon();
            if (at >= 0)
                text.insert(at + 1, '"' + QByteArray(17'000'000 + below(1'000'000), 'z') + "\", \"fuzz\": ");
            break;
        }
        case 4: { // byte flips in a member's JSON
            kind = QStringLiteral("member flips");
            for (int i = 0, n = 1 + int(random() % 4); i < n && !text.isEmpty(); ++i)
                text[below(text.size())] = "{}[]\":,\\0a"[random() % 10];
            break;
        }
        case 5: { // sizes the headers claim
            kind = QStringLiteral("declared size");
            if (target)
                target->declaredSize = qint64(random() % 2 == 0 ? 0x7FFFFFFF : below(text.size() + 1));
            break;
        }
        case 6: { // a CRC-32 that does not match
            kind = QStringLiteral("CRC");
            if (target) {
                target->keepCrcOf = true;
                target->crcData = text + "x";
            }
            break;
        }
        default: { // names of the members
            kind = QStringLiteral("member name");
            static const QByteArray names[] = { "../../x_epoch_1.json", QByteArray("samples/a\0b_epoch_1.json", 24),
                "samples/_epoch_.json", "samples/x_epoch_99999999999.json", "header.json", "/abs_epoch_1.json",
                "samples/" + QByteArray(300, 'n') + "_epoch_1.json" };
            if (target)
                target->name = names[random() % std::size(names)];
            break;
        }
        }
        if (bytes.isEmpty() && kind != QLatin1String("truncation")) {
            if (target) {
                target->data = text;
                bytes = zipOf(members);
            } else {
                bytes = text;
            }
        }
        const QString name
            = QStringLiteral("m%1%2").arg(count++).arg(seedPath.mid(seedPath.lastIndexOf(QLatin1Char('.'))));
        const QString path = write(name, bytes);
        importChecked(path, kind + QStringLiteral(" of ") + QFileInfo(seedPath).fileName());
        if (QTest::currentTestFailed()) {
            qWarning("seed %llu, input %d kept at %s", qulonglong(seed), count - 1, qPrintable(path));
            return;
        }
        QFile::remove(path);
    }
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    rusage own {};
    getrusage(RUSAGE_SELF, &own);
    qInfo("%d inputs in %d s, seed %llu; the largest import of the test held %ld MB (this test itself %ld MB)", count,
        seconds, qulonglong(seed), long(usage.ru_maxrss / 1024), long(own.ru_maxrss / 1024));
}

QTEST_GUILESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
