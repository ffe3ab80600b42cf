// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"

#include "archive/zipreader.h"
#include "runner/bubblewrapbox.h"
#include "runner/testrunner.h"
#include "store/chunkcompressor.h"
#include "store/chunkstore.h"
#include "store/postgresserver.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtEndian>
#include <ctime>
#include <rapidjson/reader.h>
#include <sched.h>
#include <sys/resource.h>

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("bench", text, disambiguation, n);
}

struct RawMember {
    qint64 dataOffset = -1;
    qint64 compressedSize = 0;
    int method = 0;
};

quint16 u16(const QByteArray& data, qint64 at)
{
    return qFromLittleEndian<quint16>(data.constData() + at);
}
quint32 u32(const QByteArray& data, qint64 at)
{
    return qFromLittleEndian<quint32>(data.constData() + at);
}
quint64 u64(const QByteArray& data, qint64 at)
{
    return qFromLittleEndian<quint64>(data.constData() + at);
}

/// Where the compressed bytes of `name` lie in a zip file, so that they can be fed to `zstd -d` alone:
/// the floor no reader can beat. Reads the central directory (ZIP64 too); the last entry of a name wins.
RawMember locateMember(const QString& path, const QString& name)
{
    RawMember found;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return found;
    const qint64 tailSize = std::min<qint64>(file.size(), 65536 + 22);
    file.seek(file.size() - tailSize);
    const QByteArray tail = file.read(tailSize);
    const qint64 eocd = tail.lastIndexOf(QByteArray("PK\x05\x06", 4));
    if (eocd < 0)
        return found;
    quint64 directoryOffset = u32(tail, eocd + 16);
    quint64 directorySize = u32(tail, eocd + 12);
    if (eocd >= 20 && u32(tail, eocd - 20) == 0x07064b50) {
        file.seek(qint64(u64(tail, eocd - 20 + 8)));
        const QByteArray zip64 = file.read(56);
        directorySize = u64(zip64, 40);
        directoryOffset = u64(zip64, 48);
    }
    file.seek(qint64(directoryOffset));
    const QByteArray directory = file.read(qint64(directorySize));
    for (qint64 at = 0; at + 46 <= directory.size() && u32(directory, at) == 0x02014b50;) {
        const int method = u16(directory, at + 10);
        quint64 compressed = u32(directory, at + 20);
        const quint64 uncompressed = u32(directory, at + 24);
        const int nameLength = u16(directory, at + 28);
        const int extraLength = u16(directory, at + 30);
        const int commentLength = u16(directory, at + 32);
        quint64 offset = u32(directory, at + 42);
        const QString entryName = QString::fromUtf8(directory.mid(at + 46, nameLength));
        for (qint64 extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
            const int id = u16(directory, extra);
            const int size = u16(directory, extra + 2);
            if (id == 0x0001) {
                qint64 field = extra + 4;
                if (uncompressed == 0xFFFFFFFF)
                    field += 8;
                if (compressed == 0xFFFFFFFF) {
                    compressed = u64(directory, field);
                    field += 8;
                }
                if (offset == 0xFFFFFFFF)
                    offset = u64(directory, field);
            }
            extra += 4 + size;
        }
        if (entryName == name) {
            file.seek(qint64(offset));
            const QByteArray local = file.read(30);
            found.dataOffset = qint64(offset) + 30 + u16(local, 26) + u16(local, 28);
            found.compressedSize = qint64(compressed);
            found.method = method;
        }
        at += 46 + nameLength + extraLength + commentLength;
    }
    return found;
}

struct Timed {
    double seconds = 0;
    QString output;
    bool ok = false;
};

/// Runs `program` to its end. `oneCore`: all its threads share a single processor, the first this one may use.
Timed runTimed(const QString& program, const QStringList& arguments, const QString& input = {}, bool oneCore = false)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    if (!input.isEmpty())
        process.setStandardInputFile(input);
    if (cpu_set_t allowed; oneCore && sched_getaffinity(0, sizeof allowed, &allowed) == 0) {
        cpu_set_t single;
        CPU_ZERO(&single);
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &allowed)) {
                CPU_SET(cpu, &single);
                break;
            }
        }
        process.setChildProcessModifier([single] { sched_setaffinity(0, sizeof single, &single); });
    }
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    Timed timed;
    timed.ok = process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    timed.seconds = double(clock.nsecsElapsed()) / 1e9;
    timed.output
        = QString::fromUtf8(process.readAllStandardOutput()) + QString::fromUtf8(process.readAllStandardError());
    return timed;
}

/// One `runlens-cli import` into a fresh store, with the times it reports for its two steps.
struct ImportRun : Timed {
    double storedSeconds = 0;
    double storedCpuSeconds = 0;
    double indexSeconds = 0;
    double indexCpuSeconds = 0;
    double anatomySeconds = -1; ///< the long samples' anatomies, beside the index; -1: none read
    double anatomyCpuSeconds = -1;
};

ImportRun runImport(const QString& self, const QString& store, const QStringList& files, bool oneCore)
{
    for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
        QFile::remove(store + suffix);
    ImportRun run;
    static_cast<Timed&>(run) = runTimed(self,
        QStringList { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--report-peak-memory"),
            QStringLiteral("--db"), store }
            + files,
        {}, oneCore);
    // The command stores the files, then indexes their messages for search: each step prints its own time.
    static const QRegularExpression storedLine(QStringLiteral("MB in ([0-9.]+) s, ([0-9.]+) s of processor time\\)"));
    static const QRegularExpression indexedLine(
        QStringLiteral("for search in ([0-9.]+) s \\(([0-9.]+) s of processor"));
    const auto stored = storedLine.match(run.output);
    const auto indexed = indexedLine.match(run.output);
    run.storedSeconds = stored.captured(1).toDouble();
    run.storedCpuSeconds = stored.captured(2).toDouble();
    run.indexSeconds = indexed.captured(1).toDouble();
    run.indexCpuSeconds = indexed.captured(2).toDouble();
    static const QRegularExpression anatomyLine(
        QStringLiteral("long samples in ([0-9.]+) s \\(([0-9.]+) s of processor time"));
    if (const auto anatomies = anatomyLine.match(run.output); anatomies.hasMatch()) {
        run.anatomySeconds = anatomies.captured(1).toDouble();
        run.anatomyCpuSeconds = anatomies.captured(2).toDouble();
    }
    run.ok = run.ok && stored.hasMatch();
    return run;
}

/// Processor time of the calling thread so far, in seconds.
double threadSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

/// The processor time of the work no import of a member can skip, each step alone on one thread: decompressing it
/// (libarchive), compressing its bytes as the store keeps them (zstd level 1, in chunks of the store's size), and
/// reading its JSON (RapidJSON's reader in place, with a handler that does nothing). -1 where a step failed.
struct Floors {
    double decompress = -1;
    double compress = -1;
    double tokenize = -1;
    double sum() const { return decompress + compress + tokenize; }
    bool ok() const { return decompress > 0 && compress > 0 && tokenize > 0; }
};

Floors measureFloors(const QString& zipPath, const QString& member, const QString& jsonPath)
{
    Floors floors;
    ZipReader zip;
    if (const ZipReader::Entry* entry = zip.open(zipPath) ? zip.find(member) : nullptr) {
        const double start = threadSeconds();
        if (zip.read(*entry, [](const char*, size_t) { return true; }))
            floors.decompress = threadSeconds() - start;
    }
    QFile json(jsonPath);
    if (json.open(QIODevice::ReadOnly)) {
        QByteArray block(ChunkWriter::bytesPerChunk, Qt::Uninitialized);
        double seconds = 0;
        for (qint64 read = 0; (read = json.read(block.data(), block.size())) > 0;) {
            const double start = threadSeconds();
            if (ChunkCompressor::compress(block.constData(), size_t(read)).isEmpty())
                return floors;
            seconds += threadSeconds() - start;
        }
        floors.compress = seconds;
    }
    // Read in place, from memory: RapidJSON's fastest way (the importer reads each event so), and the only
    // place Runlens holds a whole member, to measure this.
    if (json.seek(0)) {
        QByteArray text = json.readAll();
        const double start = threadSeconds();
        rapidjson::InsituStringStream stream(text.data());
        rapidjson::BaseReaderHandler<> nothing;
        rapidjson::Reader reader;
        if (!text.isEmpty()
            && !reader.Parse<rapidjson::kParseInsituFlag | rapidjson::kParseNanAndInfFlag>(stream, nothing).IsError())
            floors.tokenize = threadSeconds() - start;
    }
    return floors;
}

double peakMegabytes(const QString& output)
{
    static const QRegularExpression peak(QStringLiteral("peak memory: ([0-9.]+) MB"));
    const auto match = peak.match(output);
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

/// The archives the import benchmark reads, their sizes, and the largest sample member, the one the floors and
/// the Python comparison are measured on.
struct BenchInput {
    QStringList files;
    qint64 compressedBytes = 0;
    qint64 jsonBytes = 0;
    QString largestFile;
    QString largestMember;
};

/// What the import benchmark measured.
struct ImportBench {
    BenchInput input;
    ImportRun imported;
    ImportRun oneCore;
    qint64 events = 0;
    qint64 storeBytes = 0;
    Timed zstd;
    double libarchiveSeconds = 0;
    qint64 memberBytes = 0;
    Floors floors;
    Timed python;
};

/// Runs `runlens-cli synth` for the monster sample or --scale runs; `input` becomes the folder it wrote.
bool generateArchives(
    QTextStream& out, const QCommandLineParser& parser, const QString& self, const QString& work, QString* input)
{
    const bool scale = parser.isSet(QStringLiteral("scale"));
    const QString archives = QDir(work).filePath(QStringLiteral("archives"));
    QStringList synth { QStringLiteral("synth"), QStringLiteral("--out"), archives };
    synth << (scale ? QStringList { QStringLiteral("--scale"), parser.value(QStringLiteral("scale")) }
                    : QStringList { QStringLiteral("--monster") });
    out << tr("generating %1 ...")
               .arg(scale ? tr("%1 runs").arg(parser.value(QStringLiteral("scale"))) : tr("the monster sample"))
        << Qt::endl;
    const Timed generated = runTimed(self, synth);
    if (!generated.ok) {
        QTextStream(stderr) << generated.output;
        return false;
    }
    out << tr("  generator: %1 s").arg(generated.seconds, 0, 'f', 1) << Qt::endl;
    *input = archives;
    return true;
}

/// The .eval files of `input` (a file or a folder), their sizes and their largest sample member.
bool surveyArchives(const QString& input, BenchInput& bench)
{
    if (QFileInfo(input).isDir()) {
        for (const QFileInfo& info : QDir(input).entryInfoList({ QStringLiteral("*.eval") }, QDir::Files))
            bench.files << info.absoluteFilePath();
    } else {
        bench.files << input;
    }
    qint64 largestSize = -1;
    for (const QString& file : bench.files) {
        bench.compressedBytes += QFileInfo(file).size();
        ZipReader zip;
        if (!zip.open(file)) {
            QTextStream(stderr) << file << ": " << zip.errorString() << '\n';
            return false;
        }
        for (const auto& entry : zip.entries()) {
            if (!entry.name.startsWith(QLatin1String("samples/")))
                continue;
            bench.jsonBytes += entry.size;
            if (entry.size > largestSize) {
                largestSize = entry.size;
                bench.largestFile = file;
                bench.largestMember = entry.name;
            }
        }
    }
    return true;
}

/// Imports the files into a fresh store; a single file is imported a second time with all its threads on one core.
bool importFiles(QTextStream& out, const QString& self, const QString& work, ImportBench& bench)
{
    const QStringList& files = bench.input.files;
    const QString store = QDir(work).filePath(QStringLiteral("bench.sqlite"));
    out << tr("importing %n file(s), %1 MB compressed, %2 MB of sample JSON ...", nullptr, int(files.size()))
               .arg(double(bench.input.compressedBytes) / 1e6, 0, 'f', 1)
               .arg(double(bench.input.jsonBytes) / 1e6, 0, 'f', 1)
        << Qt::endl;
    bench.imported = runImport(self, store, files, false);
    if (!bench.imported.ok) {
        QTextStream(stderr) << bench.imported.output;
        return false;
    }
    static const QRegularExpression eventsLine(QStringLiteral("(\\d+) events"));
    for (auto it = eventsLine.globalMatch(bench.imported.output); it.hasNext();)
        bench.events += it.next().captured(1).toLongLong();
    for (const QString& suffix : { QString(), QStringLiteral("-wal") })
        bench.storeBytes += QFileInfo(store + suffix).size();
    // The same import again, all its threads sharing one core: the importer's target is a rate on one core.
    if (files.size() == 1) {
        out << tr("importing it again on one core ...") << Qt::endl;
        const QString oneCoreStore = QDir(work).filePath(QStringLiteral("bench-one-core.sqlite"));
        bench.oneCore = runImport(self, oneCoreStore, files, true);
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(oneCoreStore + suffix);
    }
    return true;
}

/// The floor: the largest member's compressed bytes through zstd -d (when the member is zstd).
Timed zstdFloor(const BenchInput& input, const QString& work)
{
    const RawMember raw = locateMember(input.largestFile, input.largestMember);
    Timed zstd;
    const QString rawPath = QDir(work).filePath(QStringLiteral("member.zst"));
    if (raw.method == 93 && raw.dataOffset >= 0) {
        QFile source(input.largestFile), target(rawPath);
        source.open(QIODevice::ReadOnly);
        target.open(QIODevice::WriteOnly);
        source.seek(raw.dataOffset);
        for (qint64 left = raw.compressedSize; left > 0;) {
            const QByteArray block = source.read(std::min<qint64>(left, 1 << 20));
            if (block.isEmpty())
                break;
            target.write(block);
            left -= block.size();
        }
        target.close();
        zstd = runTimed(
            QStringLiteral("sh"), { QStringLiteral("-c"), QStringLiteral("zstd -d -c -q > /dev/null") }, rawPath);
        QFile::remove(rawPath);
    }
    return zstd;
}

/// The other floor: libarchive decompressing every sample member the import reads.
double libarchiveSeconds(const QStringList& files)
{
    QElapsedTimer clock;
    clock.start();
    for (const QString& file : files) {
        ZipReader all;
        all.open(file);
        for (const auto& entry : all.entries()) {
            if (entry.name.startsWith(QLatin1String("samples/")))
                all.read(entry, [](const char*, size_t) { return true; });
        }
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

/// Writes the largest member's JSON to `jsonPath`; returns its size.
qint64 extractMember(const BenchInput& input, const QString& jsonPath)
{
    ZipReader zip;
    zip.open(input.largestFile);
    QFile json(jsonPath);
    json.open(QIODevice::WriteOnly);
    qint64 memberBytes = 0;
    zip.read(*zip.find(input.largestMember), [&](const char* data, size_t size) {
        memberBytes += qint64(size);
        return json.write(data, qint64(size)) == qint64(size);
    });
    json.close();
    return memberBytes;
}

Timed pythonLoad(const QString& jsonPath)
{
    return runTimed(QStringLiteral("python3"),
        { QStringLiteral("-c"),
            QStringLiteral("import json, resource, sys, time\n"
                           "t = time.perf_counter(); json.load(open(sys.argv[1])); t = time.perf_counter() - t\n"
                           "print('seconds: %f peak memory: %.1f MB' % (t, "
                           "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))"),
            jsonPath });
}

double pythonSeconds(const Timed& python)
{
    static const QRegularExpression seconds(QStringLiteral("seconds: ([0-9.]+)"));
    return seconds.match(python.output).captured(1).toDouble();
}

void printRow(
    QTextStream& out, const QString& step, double seconds, double megabytes, double peak, double cpuSeconds = -1)
{
    const auto orDash = [](double value, int decimals) {
        return (value < 0 ? QStringLiteral("-") : QString::number(value, 'f', decimals)).rightJustified(9);
    };
    out << QStringLiteral("%1  %2  %3  %4  %5  %6")
               .arg(step.leftJustified(34), orDash(seconds, 2), orDash(megabytes / seconds, 1), orDash(cpuSeconds, 2),
                   orDash(cpuSeconds > 0 ? megabytes / cpuSeconds : -1, 1), orDash(peak, 0))
        << '\n';
}

/// Every step measured, one row each: seconds, throughput, processor time and peak memory.
void printTable(QTextStream& out, const ImportBench& bench)
{
    const BenchInput& input = bench.input;
    const double memberMB = double(bench.memberBytes) / 1e6;
    const double jsonMB = double(input.jsonBytes) / 1e6;
    const bool single = input.files.size() == 1;
    out << '\n'
        << tr("Largest member: %1 of %2, %3 MB of JSON")
               .arg(input.largestMember, QFileInfo(input.largestFile).fileName())
               .arg(memberMB, 0, 'f', 1)
        << '\n';
    // Processor time is summed over the import's threads: MB per processor second is its rate on one core.
    out << tr("%1  %2  %3  %4  %5  %6")
               .arg(tr("step").leftJustified(34), tr("seconds").rightJustified(9), tr("MB/s").rightJustified(9),
                   tr("CPU s").rightJustified(9), tr("MB/CPU s").rightJustified(9), tr("peak MB").rightJustified(9))
        << '\n';
    if (bench.zstd.ok && single)
        printRow(out, tr("floor: zstd -d > /dev/null"), bench.zstd.seconds, memberMB, -1);
    printRow(out, tr("floor: libarchive, all members"), bench.libarchiveSeconds, jsonMB, -1);
    const Floors& floors = bench.floors;
    if (floors.ok()) {
        printRow(out, tr("one core: libarchive decompresses"), floors.decompress, memberMB, -1, floors.decompress);
        printRow(out, tr("one core: zstd -1 compresses"), floors.compress, memberMB, -1, floors.compress);
        printRow(out, tr("one core: RapidJSON reads"), floors.tokenize, memberMB, -1, floors.tokenize);
        printRow(out, tr("one core: the three together"), floors.sum(), memberMB, -1, floors.sum());
    }
    if (bench.python.ok)
        printRow(out, tr("python3 json.load (member only)"), pythonSeconds(bench.python), memberMB,
            peakMegabytes(bench.python.output));
    const ImportRun& imported = bench.imported;
    printRow(
        out, tr("runlens-cli import: store the files"), imported.storedSeconds, jsonMB, -1, imported.storedCpuSeconds);
    printRow(out, tr("runlens-cli import: search index"), imported.indexSeconds, jsonMB, -1, imported.indexCpuSeconds);
    if (imported.anatomySeconds >= 0)
        printRow(out, tr("import: anatomy, beside the index"), imported.anatomySeconds, jsonMB, -1,
            imported.anatomyCpuSeconds);
    printRow(out, tr("runlens-cli import: whole command"), imported.seconds, jsonMB, peakMegabytes(imported.output));
    const ImportRun& oneCore = bench.oneCore;
    if (oneCore.ok) {
        printRow(out, tr("on one core: store the files"), oneCore.storedSeconds, jsonMB, -1, oneCore.storedCpuSeconds);
        printRow(out, tr("on one core: search index"), oneCore.indexSeconds, jsonMB, -1, oneCore.indexCpuSeconds);
        if (oneCore.anatomySeconds >= 0)
            printRow(out, tr("on one core: anatomy, beside it"), oneCore.anatomySeconds, jsonMB, -1,
                oneCore.anatomyCpuSeconds);
        printRow(out, tr("on one core: whole command"), oneCore.seconds, jsonMB, peakMegabytes(oneCore.output));
    }
}

/// The import's rates on one core and on all, against the target and the floors.
void printImportRates(QTextStream& out, const ImportBench& bench)
{
    const qint64 jsonBytes = bench.input.jsonBytes;
    const double storedSeconds = bench.imported.storedSeconds;
    const double storedCpuSeconds = bench.imported.storedCpuSeconds;
    const double importMBs = double(jsonBytes) / 1e6 / storedSeconds;
    out << '\n'
        << tr("import (files stored, browsable): %1 MB/s of JSON, %2 events/s, %n event(s)", nullptr, int(bench.events))
               .arg(importMBs, 0, 'f', 1)
               .arg(double(bench.events) / storedSeconds, 0, 'f', 0)
        << '\n';
    if (storedCpuSeconds > 0) {
        out << tr("import per second of processor time over all its threads (files stored): %1 MB/s of JSON")
                   .arg(double(jsonBytes) / 1e6 / storedCpuSeconds, 0, 'f', 1)
            << '\n';
    }
    if (bench.oneCore.ok) {
        constexpr double targetMBs = 150; // the importer's target on one core
        const double oneCoreMBs = double(jsonBytes) / 1e6 / bench.oneCore.storedSeconds;
        out << tr("import confined to one core (files stored): %1 MB/s of JSON, %2 the target of %3 MB/s; "
                  "with the search index: %4 MB/s")
                   .arg(oneCoreMBs, 0, 'f', 1)
                   .arg(oneCoreMBs >= targetMBs ? tr("meets") : tr("misses"))
                   .arg(targetMBs, 0, 'f', 0)
                   .arg(double(jsonBytes) / 1e6 / bench.oneCore.seconds, 0, 'f', 1)
            << '\n';
    }
    const Floors& floors = bench.floors;
    if (floors.ok() && storedCpuSeconds > 0) {
        const double memberMB = double(bench.memberBytes) / 1e6;
        out << tr("no import with these libraries exceeds %1 MB/s on one core before it writes a row (decompress, "
                  "compress and read the JSON: %2 s of processor time); storing the files took %3x that")
                   .arg(memberMB / floors.sum(), 0, 'f', 1)
                   .arg(floors.sum(), 0, 'f', 2)
                   .arg(storedCpuSeconds / floors.sum(), 0, 'f', 2)
            << '\n';
    }
    out << tr("import and search index (whole command): %1 MB/s of JSON")
               .arg(double(jsonBytes) / 1e6 / bench.imported.seconds, 0, 'f', 1)
        << '\n';
}

/// The import's times against the floors and Python, and the store's size against the archives'.
void printComparisons(QTextStream& out, const ImportBench& bench)
{
    const double storedSeconds = bench.imported.storedSeconds;
    const double jsonMB = double(bench.input.jsonBytes) / 1e6;
    const bool single = bench.input.files.size() == 1;
    if (bench.zstd.ok && single) {
        out << tr("import time / zstd -d floor: %1x; whole command / floor: %2x")
                   .arg(storedSeconds / bench.zstd.seconds, 0, 'f', 2)
                   .arg(bench.imported.seconds / bench.zstd.seconds, 0, 'f', 2)
            << '\n';
        if (bench.oneCore.ok)
            out << tr("import on one core / zstd -d floor: %1x")
                       .arg(bench.oneCore.storedSeconds / bench.zstd.seconds, 0, 'f', 2)
                << '\n';
    }
    out << tr("import time / libarchive floor: %1x").arg(storedSeconds / bench.libarchiveSeconds, 0, 'f', 2) << '\n';
    if (bench.python.ok && single) {
        const double python = pythonSeconds(bench.python);
        const double memberShare = double(bench.memberBytes) / 1e6 / jsonMB;
        out << tr("python json.load time / import time (same bytes): %1x; / whole command: %2x")
                   .arg(python / (storedSeconds * memberShare), 0, 'f', 2)
                   .arg(python / (bench.imported.seconds * memberShare), 0, 'f', 2)
            << '\n';
    }
    const qint64 compressedBytes = bench.input.compressedBytes;
    out << tr("store: %1 MB, %2x the compressed archives (%3 MB)")
               .arg(double(bench.storeBytes) / 1e6, 0, 'f', 1)
               .arg(double(bench.storeBytes) / double(compressedBytes), 0, 'f', 2)
               .arg(double(compressedBytes) / 1e6, 0, 'f', 1)
        << '\n';
}
}

int runRunnerBench(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runner benchmark: N tests of a program that exits at once (/bin/true), run by the test runner on all "
           "cores, against the same N processes started one after another from a plain shell loop, and against N "
           "bare bubblewrap boxes of the same layout started from a shell loop (where bubblewrap can box here)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("tests"), tr("Number of tests (default 2000)."), QStringLiteral("N") });
    parser.process(arguments);
    const int count = parser.isSet(QStringLiteral("tests")) ? parser.value(QStringLiteral("tests")).toInt() : 2000;
    std::vector<TestCase> tests(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i)
        tests[size_t(i)].id = QString::number(i);
    TestSuite suite;
    suite.setTests(std::move(tests));
    TestRunner runner;
    TestRunner::Options options;
    options.command = { QStringLiteral("/bin/true") };
    options.limits.isolateNetwork = false; // a namespace a test would be measured, not the runner
    runner.run(suite, options);
    const double runnerSeconds = runner.summary().seconds;
    const int runnerPassed = runner.summary().passed;
    options.limits.isolateNetwork = true;
    runner.run(suite, options);
    const double isolatedSeconds = runner.summary().seconds;
    const int isolatedPassed = runner.summary().passed;
    const auto loop = [count](const QString& body) {
        return runTimed(QStringLiteral("sh"),
            { QStringLiteral("-c"),
                QStringLiteral("i=0; while [ $i -lt %1 ]; do %2; i=$((i+1)); done").arg(count).arg(body) });
    };
    const Timed shell = loop(QStringLiteral("/bin/true"));
    // The same box, without the runner: what bubblewrap itself costs a test.
    const bool boxed = BubblewrapBox::available();
    Timed bare;
    if (boxed) {
        BubblewrapBox::Layout layout;
        QStringList words;
        for (const QString& word : BubblewrapBox::command(layout, { QStringLiteral("/bin/true") }))
            words << QLatin1Char('\'') + word + QLatin1Char('\'');
        bare = loop(words.join(QLatin1Char(' ')));
    }
    const int cores = std::max(1, QThread::idealThreadCount());
    const auto perCore = [&](double seconds) { return 1000 * seconds * cores / count; };
    QTextStream out(stdout);
    out << tr("%1 tests of /bin/true on %2 cores; %3")
               .arg(count)
               .arg(cores)
               .arg(runner.summary().sandboxed ? tr("each in a bubblewrap box with a cgroup") : tr("without a box"))
        << '\n';
    out << tr("shell loop (one after another):       %1 s, %2 ms a process")
               .arg(shell.seconds, 0, 'f', 2)
               .arg(1000 * shell.seconds / count, 0, 'f', 3)
        << '\n';
    if (boxed) {
        out << tr("bare bwrap loop (same box, private network, one after another): %1 s, %2 ms a box")
                   .arg(bare.seconds, 0, 'f', 2)
                   .arg(1000 * bare.seconds / count, 0, 'f', 3)
            << '\n';
    }
    out << tr("runner:                                %1 s, %2 ms a test (wall), %3 ms a test per core")
               .arg(runnerSeconds, 0, 'f', 2)
               .arg(1000 * runnerSeconds / count, 0, 'f', 3)
               .arg(perCore(runnerSeconds), 0, 'f', 3)
        << '\n';
    out << tr("runner, private network per test:     %1 s, %2 ms a test per core")
               .arg(isolatedSeconds, 0, 'f', 2)
               .arg(perCore(isolatedSeconds), 0, 'f', 3)
        << '\n';
    // A test that failed to start would be quicker than one that ran: the figures count only when all passed.
    out << tr("tests passed: %1 and %2 of %3").arg(runnerPassed).arg(isolatedPassed).arg(count) << '\n';
    out << tr("runner / shell loop: %1x (wall)").arg(runnerSeconds / shell.seconds, 0, 'f', 2) << '\n';
    out << tr("runner's own cost a test beyond the shell's process start: %1 ms per core")
               .arg(perCore(runnerSeconds) - 1000 * shell.seconds / count, 0, 'f', 3)
        << '\n';
    if (boxed) {
        out << tr("runner (private network) / bare bwrap loop: %1x (wall)")
                   .arg(isolatedSeconds / bare.seconds, 0, 'f', 2)
            << '\n';
        out << tr("runner's own cost a test beyond bwrap's (private network): %1 ms per core")
                   .arg(perCore(isolatedSeconds) - 1000 * bare.seconds / count, 0, 'f', 3)
            << '\n';
    }
    return 0;
}

int runImportBench(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Import benchmark. Generates the monster sample (about 337,000 events, 1 GB of JSON) or a store of "
           "--scale runs, imports it into a fresh store and prints throughput, peak memory and store size beside "
           "the floor measured in the same run (zstd -d of the same member to /dev/null) and beside Python's "
           "json.load of the same member. For a single file, it then imports it again with all its threads on one "
           "core, and times on one core the steps no import of that member can skip: decompressing it, "
           "compressing its bytes as the store does and reading its JSON."));
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("file"), tr("Use this .eval instead of generating the monster."), QStringLiteral("FILE") });
    parser.addOption(
        { QStringLiteral("scale"), tr("Generate and import N runs of 10 samples instead."), QStringLiteral("N") });
    parser.addOption(
        { QStringLiteral("keep"), tr("Work in this folder and keep what is written there."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("no-python"), tr("Skip the Python json.load comparison.") });
    parser.process(arguments);

    QTextStream out(stdout);
    QTemporaryDir temporary;
    const QString work = parser.isSet(QStringLiteral("keep")) ? parser.value(QStringLiteral("keep")) : temporary.path();
    QDir().mkpath(work);
    const QString self = QCoreApplication::applicationFilePath();

    QString input = parser.value(QStringLiteral("file"));
    if (input.isEmpty() && !generateArchives(out, parser, self, work, &input))
        return 1;
    ImportBench bench;
    if (!surveyArchives(input, bench.input) || !importFiles(out, self, work, bench))
        return 1;
    bench.zstd = zstdFloor(bench.input, work);
    bench.libarchiveSeconds = libarchiveSeconds(bench.input.files);
    const QString jsonPath = QDir(work).filePath(QStringLiteral("member.json"));
    bench.memberBytes = extractMember(bench.input, jsonPath);
    const bool single = bench.input.files.size() == 1;
    if (single)
        bench.floors = measureFloors(bench.input.largestFile, bench.input.largestMember, jsonPath);
    if (!parser.isSet(QStringLiteral("no-python")) && single)
        bench.python = pythonLoad(jsonPath);
    QFile::remove(jsonPath);

    printTable(out, bench);
    printImportRates(out, bench);
    printComparisons(out, bench);
    return 0;
}

namespace {
/// What `bench store` measures of one store.
struct StoreFigures {
    QString name;
    double importSeconds = -1;
    qint64 bytes = -1;
    qint64 sampleId = 0; ///< the sample with the most events, replayed
    qint64 events = 0;
    double firstScreenMs = -1;
    double windowMs = -1;
    double filterAverageMs = -1;
    double filterWorstMs = -1;
    std::vector<std::pair<QString, double>> searches; ///< query, ms
};

/// The number the GUI's benchmark prints after `label`, or -1.
double figureAfter(const QString& output, const QString& pattern)
{
    const auto match = QRegularExpression(pattern).match(output);
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

/// Reads the store's size, its largest sample, and times searches in it; then runs the GUI's benchmarks on it (the
/// replay of that sample, the explorer), each in a process of its own, so a store on PostgreSQL starts cold.
bool measureStore(QTextStream& out, const QString& gui, const QString& location, StoreFigures& figures)
{
    {
        Store store;
        if (!store.open(location, Store::OpenMode::Existing)) {
            QTextStream(stderr) << store.errorString() << '\n';
            return false;
        }
        figures.bytes = store.diskBytes();
        for (const SampleRow& sample : store.samples()) {
            if (sample.events > figures.events) {
                figures.events = sample.events;
                figures.sampleId = sample.id;
            }
        }
        for (const char* words : { "error", "test*", "\"cargo build\"", "segmentation fault" }) {
            QElapsedTimer clock;
            clock.start();
            store.find(QString::fromUtf8(words), 0, 100);
            figures.searches.emplace_back(QString::fromUtf8(words), double(clock.nsecsElapsed()) / 1e6);
        }
    }
    if (!QFileInfo(gui).isExecutable()) {
        out << tr("  no GUI at %1 (--gui): replay and explorer not measured").arg(gui) << Qt::endl;
        return true;
    }
    out << tr("  %1: replay of sample %2 (%3 events) ...").arg(figures.name).arg(figures.sampleId).arg(figures.events)
        << Qt::endl;
    const Timed replay = runTimed(gui,
        { QStringLiteral("--store"), location, QStringLiteral("--sample"), QString::number(figures.sampleId),
            QStringLiteral("--benchmark") });
    figures.firstScreenMs = figureAfter(replay.output, QStringLiteral("first screen after ([0-9.]+) ms"));
    out << tr("  %1: explorer ...").arg(figures.name) << Qt::endl;
    const Timed explorer = runTimed(gui, { QStringLiteral("--store"), location, QStringLiteral("--benchmark") });
    figures.windowMs = figureAfter(explorer.output, QStringLiteral("window usable after ([0-9.]+) ms"));
    figures.filterAverageMs = figureAfter(explorer.output, QStringLiteral("filter change: ([0-9.]+) ms on average"));
    figures.filterWorstMs = figureAfter(explorer.output, QStringLiteral("ms on average, ([0-9.]+) ms at worst"));
    if (!replay.ok || !explorer.ok)
        QTextStream(stderr) << replay.output << explorer.output;
    return true;
}

void printStoreFigures(QTextStream& out, const StoreFigures& sqlite, const StoreFigures& postgres)
{
    const auto cell = [](double value, int decimals) {
        return (value < 0 ? QStringLiteral("-") : QString::number(value, 'f', decimals)).rightJustified(12);
    };
    const auto row = [&](const QString& what, double a, double b, int decimals) {
        out << what.leftJustified(44) << cell(a, decimals) << cell(b, decimals)
            << (a > 0 && b >= 0 ? QStringLiteral("%1x").arg(b / a, 0, 'f', 2).rightJustified(10) : QString()) << '\n';
    };
    out << '\n'
        << QString().leftJustified(44) << sqlite.name.rightJustified(12) << postgres.name.rightJustified(12)
        << tr("ratio").rightJustified(10) << '\n';
    row(tr("import, whole command (s)"), sqlite.importSeconds, postgres.importSeconds, 2);
    row(tr("store (MB)"), double(sqlite.bytes) / 1e6, double(postgres.bytes) / 1e6, 1);
    row(tr("replay: first screen of the largest sample (ms)"), sqlite.firstScreenMs, postgres.firstScreenMs, 0);
    row(tr("explorer: window usable (ms)"), sqlite.windowMs, postgres.windowMs, 0);
    row(tr("explorer: filter change, average (ms)"), sqlite.filterAverageMs, postgres.filterAverageMs, 1);
    row(tr("explorer: filter change, worst (ms)"), sqlite.filterWorstMs, postgres.filterWorstMs, 1);
    for (size_t i = 0; i < sqlite.searches.size() && i < postgres.searches.size(); ++i)
        row(tr("search %1, 100 hits (ms)").arg(sqlite.searches[i].first), sqlite.searches[i].second,
            postgres.searches[i].second, 1);
}
}

int runStoreBench(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Store benchmark: SQLite beside PostgreSQL in the same run. Generates the monster sample (or --scale runs, "
           "or takes --file), imports it into a fresh SQLite store and into a PostgreSQL database, copies it back "
           "from PostgreSQL into SQLite, and prints for both stores the import time, the store's size, the replay's "
           "first screen of the largest sample, the explorer's window and filter changes (the GUI's --benchmark, "
           "offscreen) and searches. Without --to it starts a throwaway PostgreSQL server of its own (initdb in a "
           "temporary folder, a Unix socket there, no fsync), as the tests do."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("file"),
        tr("Use this .eval (or the .eval files of this folder) instead of "
           "generating the monster."),
        QStringLiteral("PATH") });
    parser.addOption(
        { QStringLiteral("scale"), tr("Generate and import N runs of 10 samples instead."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("to"),
        tr("The PostgreSQL database to import into, holding no store yet: postgresql://USER@HOST:PORT/DB (or "
           "host=/socket/dir dbname=DB; the password from PGPASSFILE or PGPASSWORD)."),
        QStringLiteral("LOCATION") });
    parser.addOption({ QStringLiteral("gui"),
        tr("The runlens program whose --benchmark is run (default: the one "
           "built beside this runlens-cli)."),
        QStringLiteral("PATH") });
    parser.addOption(
        { QStringLiteral("keep"), tr("Work in this folder and keep what is written there."), QStringLiteral("DIR") });
    parser.process(arguments);

    QTextStream out(stdout);
    QTemporaryDir temporary;
    const QString work = parser.isSet(QStringLiteral("keep")) ? parser.value(QStringLiteral("keep")) : temporary.path();
    QDir().mkpath(work);
    const QString self = QCoreApplication::applicationFilePath();
    const QString gui = parser.isSet(QStringLiteral("gui"))
        ? parser.value(QStringLiteral("gui"))
        : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../gui/runlens"));
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    PostgresServer server;
    QString location = parser.value(QStringLiteral("to"));
    if (location.isEmpty()) {
        out << tr("starting a PostgreSQL server ...") << Qt::endl;
        if (!server.start() || (location = server.createDatabase(QStringLiteral("bench"))).isEmpty()) {
            QTextStream(stderr) << server.errorString() << '\n';
            return 1;
        }
    } else if (Store existing; existing.open(location, Store::OpenMode::Existing)) {
        QTextStream(stderr) << tr("%1 holds a store already: give an empty database\n").arg(location);
        return 2;
    }

    QString input = parser.value(QStringLiteral("file"));
    if (input.isEmpty() && !generateArchives(out, parser, self, work, &input))
        return 1;
    BenchInput archives;
    if (!surveyArchives(input, archives))
        return 1;
    out << tr("importing %n file(s), %1 MB compressed, %2 MB of sample JSON, into SQLite ...", nullptr,
        int(archives.files.size()))
               .arg(double(archives.compressedBytes) / 1e6, 0, 'f', 1)
               .arg(double(archives.jsonBytes) / 1e6, 0, 'f', 1)
        << Qt::endl;
    StoreFigures sqlite;
    sqlite.name = QStringLiteral("SQLite");
    const QString sqlitePath = QDir(work).filePath(QStringLiteral("bench.sqlite"));
    const ImportRun imported = runImport(self, sqlitePath, archives.files, false);
    if (!imported.ok) {
        QTextStream(stderr) << imported.output;
        return 1;
    }
    sqlite.importSeconds = imported.seconds;
    out << tr("  %1 s").arg(imported.seconds, 0, 'f', 2) << Qt::endl;

    out << tr("importing them into PostgreSQL ...") << Qt::endl;
    StoreFigures postgres;
    postgres.name = QStringLiteral("PostgreSQL");
    const Timed pgImport = runTimed(self,
        QStringList { QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--db"), location }
            + archives.files);
    if (!pgImport.ok) {
        QTextStream(stderr) << pgImport.output;
        return 1;
    }
    postgres.importSeconds = pgImport.seconds;
    out << tr("  %1 s").arg(pgImport.seconds, 0, 'f', 2) << Qt::endl;

    out << tr("copying them back from PostgreSQL into SQLite ...") << Qt::endl;
    const QString backPath = QDir(work).filePath(QStringLiteral("back.sqlite"));
    for (const char* suffix : { "", "-wal", "-shm" })
        QFile::remove(backPath + QLatin1String(suffix));
    const Timed copied = runTimed(
        self, { QStringLiteral("copy"), QStringLiteral("--from"), location, QStringLiteral("--to"), backPath });
    if (!copied.ok) {
        QTextStream(stderr) << copied.output;
        return 1;
    }
    out << tr("  %1 s").arg(copied.seconds, 0, 'f', 2) << Qt::endl;

    out << tr("measuring the stores ...") << Qt::endl;
    if (!measureStore(out, gui, sqlitePath, sqlite) || !measureStore(out, gui, location, postgres))
        return 1;
    printStoreFigures(out, sqlite, postgres);
    out << tr("copy from PostgreSQL into a new SQLite store (whole command): %1 s, %2x the SQLite import")
               .arg(copied.seconds, 0, 'f', 2)
               .arg(copied.seconds / sqlite.importSeconds, 0, 'f', 2)
        << '\n';
    return 0;
}

int runBenchCommand(const QStringList& arguments)
{
    // `bench import ...` or `bench runner ...`; the first word after `bench` picks the benchmark.
    QStringList rest = arguments;
    const QString which = rest.size() > 1 ? rest.takeAt(1) : QString();
    if (which == QLatin1String("import"))
        return runImportBench(rest);
    if (which == QLatin1String("runner"))
        return runRunnerBench(rest);
    if (which == QLatin1String("store"))
        return runStoreBench(rest);
    QTextStream(stderr) << tr("usage: runlens-cli bench import|runner|store [--help]\n");
    return 2;
}
