// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "archive/readahead.h"
#include "archive/zipreader.h"
#include "store/importer.h"
#include "store/store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <archive.h>
#include <archive_entry.h>
#include <atomic>

namespace {
QString fixture(const char* name)
{
    return QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).filePath(QString::fromLatin1(name));
}

#define REQUIRE_FIXTURES()                                                                                             \
    if (!QDir(QStringLiteral(RUNLENS_FIXTURES_DIR)).exists())                                                          \
    QSKIP("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent.")

/// Writes a deflate zip with the given members, in order; names may repeat, as in Inspect's logs.
void writeZip(const QString& path, const QList<QPair<QString, QByteArray>>& members)
{
    archive* zip = archive_write_new();
    archive_write_set_format_zip(zip);
    archive_write_open_filename(zip, QFile::encodeName(path).constData());
    for (const auto& [name, data] : members) {
        archive_entry* entry = archive_entry_new();
        archive_entry_set_pathname(entry, name.toUtf8().constData());
        archive_entry_set_size(entry, data.size());
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_perm(entry, 0644);
        archive_write_header(zip, entry);
        archive_write_data(zip, data.constData(), size_t(data.size()));
        archive_entry_free(entry);
    }
    archive_write_close(zip);
    archive_write_free(zip);
}

QByteArray copyOf(const QString& source, const QString& target)
{
    QFile::remove(target);
    QFile::copy(source, target);
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(target);
    file.open(QIODevice::ReadOnly);
    return file.readAll();
}

const QByteArray startJson
    = R"({"version": 2, "eval": {"task": "mirror-code", "model": "m/x", "created": "2026-05-01T00:00:00+00:00"}, "plan": {}})";
}

class TestZipReader : public QObject {
    Q_OBJECT
private slots:
    void readsDeflateAndZstdMembers_data();
    void readsDeflateAndZstdMembers();
    void lastDuplicateWins();
    void journalOnlyLog();
    void truncatedArchive();
    void corruptMember();
    void readAheadKeepsOrder();
    void readAheadStopsEarly();

private:
    QTemporaryDir m_dir;
};

void TestZipReader::readsDeflateAndZstdMembers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("member");
    QTest::newRow("deflate") << fixture("log_streaming.eval") << QStringLiteral("samples/1_epoch_1.json");
    QTest::newRow("zstd") << fixture("retry-2-then-success.eval") << QStringLiteral("samples/1_epoch_1.json");
}

void TestZipReader::readsDeflateAndZstdMembers()
{
    REQUIRE_FIXTURES();
    QFETCH(QString, file);
    QFETCH(QString, member);
    ZipReader zip;
    QVERIFY2(zip.open(file), qPrintable(zip.errorString()));
    QVERIFY(zip.find(QStringLiteral("header.json")));
    const ZipReader::Entry* entry = zip.find(member);
    QVERIFY(entry);
    const QByteArray data = zip.readAll(*entry);
    QCOMPARE(data.size(), entry->size);
    QVERIFY(data.startsWith('{') && data.trimmed().endsWith('}'));
    // Blocks streamed through the pull interface add up to the same bytes.
    QVERIFY(zip.startRead(*entry));
    QByteArray streamed;
    const char* block = nullptr;
    size_t size = 0;
    while (zip.nextBlock(block, size))
        streamed.append(block, qsizetype(size));
    QVERIFY(zip.errorString().isEmpty());
    QCOMPARE(streamed, data);
}

void TestZipReader::lastDuplicateWins()
{
    const QString path = m_dir.filePath(QStringLiteral("duplicates.eval"));
    writeZip(path,
        { { QStringLiteral("_journal/start.json"), startJson },
            { QStringLiteral("header.json"), R"({"version": 2, "status": "error", "eval": {"task": "old"}})" },
            { QStringLiteral("samples/a_epoch_1.json"), R"({"id": "a", "epoch": 1, "scores": {"s": {"value": "I"}}})" },
            { QStringLiteral("samples/a_epoch_1.json"), R"({"id": "a", "epoch": 1, "scores": {"s": {"value": "C"}}})" },
            { QStringLiteral("header.json"), R"({"version": 2, "status": "success", "eval": {"task": "new"}})" } });
    ZipReader zip;
    QVERIFY(zip.open(path));
    QCOMPARE(zip.entries().size(), size_t(3));
    QVERIFY(zip.readAll(*zip.find(QStringLiteral("header.json"))).contains("\"new\""));

    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("duplicates.sqlite"))));
    const ImportResult result = Importer(store).importFile(path);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    QCOMPARE(store.runs().front().task, QStringLiteral("new"));
    QCOMPARE(store.samples().size(), size_t(1));
    QCOMPARE(store.samples().front().solved, 1); // the requeued sample, written last
}

void TestZipReader::journalOnlyLog()
{
    // An unfinished run: no header.json, no summaries.json; the journal's flushes, the last row of a sample winning.
    const QString path = m_dir.filePath(QStringLiteral("journal.eval"));
    writeZip(path,
        { { QStringLiteral("_journal/start.json"), startJson },
            { QStringLiteral("_journal/summaries/1.json"),
                R"([{"id": "gron_go", "epoch": 1, "scores": {"s": {"value": "I"}}, "completed": false}])" },
            { QStringLiteral("samples/cal_c_epoch_1.json"),
                R"({"id": "cal_c", "epoch": 1, "metadata": {"language": "c"}, "scores": {"s": {"value": NaN}}, "events": []})" },
            { QStringLiteral("_journal/summaries/2.json"),
                R"([{"id": "gron_go", "epoch": 1, "scores": {"s": {"value": "C"}}, "completed": true},
                               {"id": "cal_c", "epoch": 1, "scores": {"s": {"value": "C"}}}])" } });
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("journal.sqlite"))));
    const ImportResult result = Importer(store).importFile(path);
    QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    const std::vector<RunRow> runs = store.runs();
    QCOMPARE(runs.front().status, QStringLiteral("started"));
    const std::vector<SampleRow> samples = store.samples();
    QCOMPARE(samples.size(), size_t(2));
    // The sample member (flushed) is taken over its summary; the other comes from its last journal row.
    QCOMPARE(samples[0].sampleId, QStringLiteral("cal_c"));
    QCOMPARE(samples[0].solved, -1);
    QCOMPARE(samples[0].program, QStringLiteral("cal"));
    QCOMPARE(samples[0].tier, QStringLiteral("S"));
    QCOMPARE(samples[1].sampleId, QStringLiteral("gron_go"));
    QCOMPARE(samples[1].solved, 1);
    QCOMPARE(samples[1].language, QStringLiteral("go"));
}

void TestZipReader::truncatedArchive()
{
    REQUIRE_FIXTURES();
    const QString path = m_dir.filePath(QStringLiteral("truncated.eval"));
    const QByteArray bytes = copyOf(fixture("log_streaming.eval"), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(bytes.size() / 2));
    file.close();
    ZipReader zip;
    QVERIFY(!zip.open(path));
    QVERIFY(!zip.errorString().isEmpty());
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("truncated.sqlite"))));
    const ImportResult result = Importer(store).importFile(path);
    QCOMPARE(result.status, ImportResult::Failed);
    QVERIFY2(result.error.contains(QLatin1String("zip")), qPrintable(result.error));
    QCOMPARE(store.runs().size(), size_t(0));
}

void TestZipReader::corruptMember()
{
    REQUIRE_FIXTURES();
    // Garble the compressed bytes of the zstd sample member, leaving the central directory whole.
    const QString path = m_dir.filePath(QStringLiteral("corrupt.eval"));
    QByteArray bytes = copyOf(fixture("retry-2-then-success.eval"), path);
    const qsizetype member = bytes.indexOf("samples/1_epoch_1.json");
    QVERIFY(member > 0);
    const qsizetype data = member + 22 + 200; // well inside the member's zstd frame
    for (qsizetype i = data; i < data + 64; ++i)
        bytes[i] = char(bytes[i] ^ 0x5a);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
    file.close();
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("corrupt.sqlite"))));
    const ImportResult result = Importer(store).importFile(path);
    QCOMPARE(result.status, ImportResult::Failed);
    QVERIFY2(result.error.contains(QLatin1String("samples/1_epoch_1.json")), qPrintable(result.error));
    QCOMPARE(store.runs().size(), size_t(0));
    QCOMPARE(store.failedFiles().size(), size_t(1));
}

void TestZipReader::readAheadKeepsOrder()
{
    // Blocks of many sizes, each reused by the source as soon as it is handed out, as libarchive does.
    std::string block;
    int produced = 0;
    QByteArray expected;
    ReadAhead blocks([&](const char*& data, size_t& size) {
        if (produced == 500)
            return false;
        block.assign(size_t(1 + (produced * 7919) % 5000), char('a' + produced % 26));
        ++produced;
        data = block.data();
        size = block.size();
        return true;
    });
    QByteArray read;
    const char* data = nullptr;
    size_t size = 0;
    while (blocks.next(data, size)) {
        read.append(data, qsizetype(size));
        if (read.size() % 3 == 0)
            QThread::usleep(50); // a reader sometimes slower than the source
    }
    for (int i = 0; i < 500; ++i)
        expected.append(QByteArray(1 + (i * 7919) % 5000, char('a' + i % 26)));
    QCOMPARE(read, expected);
    QVERIFY(!blocks.next(data, size)); // the end stays the end
}

void TestZipReader::readAheadStopsEarly()
{
    // A reader that gives up (a parse error) stops an endless source; the source is then the reader's again.
    std::atomic<int> produced = 0;
    const std::string block(1000, 'x');
    ReadAhead blocks(
        [&](const char*& data, size_t& size) {
            ++produced;
            data = block.data();
            size = block.size();
            return true;
        },
        4);
    const char* data = nullptr;
    size_t size = 0;
    for (int i = 0; i < 3; ++i)
        QVERIFY(blocks.next(data, size));
    blocks.stop();
    const int after = produced;
    QVERIFY2(after <= 3 + 4 + 1, qPrintable(QString::number(after))); // never more than the ring ahead
    QThread::msleep(20);
    QCOMPARE(produced.load(), after);
    QVERIFY(!blocks.next(data, size));
}

QTEST_GUILESS_MAIN(TestZipReader)
#include "tst_zipreader.moc"
