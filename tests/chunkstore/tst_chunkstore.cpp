// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "store/chunkcompressor.h"
#include "store/chunkstore.h"
#include "store/sqlitedb.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {
/// How many of this process's file descriptors are open on `path` (Linux).
int openDescriptors(const QString& path)
{
    const QString target = QFileInfo(path).canonicalFilePath();
    int count = 0;
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QFileInfo& fd : fds.entryInfoList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        if (fd.symLinkTarget() == target)
            ++count;
    }
    return count;
}
}

class TestChunkStore : public QObject {
    Q_OBJECT
private slots:
    void closeFreesAConnectionThatReadChunks();
    void damagedChunkReadsAsNull_data();
    void damagedChunkReadsAsNull();
};

void TestChunkStore::closeFreesAConnectionThatReadChunks()
{
    if (!QFileInfo::exists(QStringLiteral("/proc/self/fd")))
        QSKIP("no /proc/self/fd to count open files in");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("store.sqlite"));
    SqliteDb db;
    QVERIFY(db.open(path));
    QVERIFY(registerChunkFunctions(db));
    QVERIFY(db.exec("CREATE TABLE chunks (id INTEGER PRIMARY KEY, data BLOB)"));
    {
        // chunk_item() prepares the chunk reader's own statement on this connection.
        SqliteStatement select(db, "SELECT chunk_item(1, 0)");
        QVERIFY(select.step());
        QVERIFY(select.isNull(0));
    }
    QVERIFY(openDescriptors(path) > 0);
    // SQLite frees a connection only when its last statement is finalized: the reader's must not be left.
    db.close();
    QCOMPARE(openDescriptors(path), 0);
}

void TestChunkStore::damagedChunkReadsAsNull_data()
{
    // A chunk is its item count, the end of each item, then the items.
    const auto header = [](std::initializer_list<quint32> values) {
        QByteArray bytes;
        for (const quint32 value : values) {
            char le[4];
            qToLittleEndian(value, le);
            bytes.append(le, 4);
        }
        return bytes;
    };
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<int>("slot");
    QTest::addColumn<QByteArray>("item");
    QTest::newRow("whole") << header({ 2, 3, 5 }) + "abcde" << 1 << QByteArray("de");
    QTest::newRow("count past the end") << header({ 1000, 3 }) + "abc" << 500 << QByteArray();
    QTest::newRow("count that overflows") << header({ 0x3fffffff, 3 }) + "abc" << 4 << QByteArray();
    QTest::newRow("end past the end") << header({ 1, 4000 }) + "abc" << 0 << QByteArray();
    QTest::newRow("end before begin") << header({ 2, 3, 1 }) + "abc" << 1 << QByteArray();
    QTest::newRow("too short") << QByteArray("ab") << 0 << QByteArray();
}

void TestChunkStore::damagedChunkReadsAsNull()
{
    QFETCH(QByteArray, plain);
    QFETCH(int, slot);
    QFETCH(QByteArray, item);
    QTemporaryDir dir;
    SqliteDb db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("store.sqlite"))));
    QVERIFY(registerChunkFunctions(db));
    QVERIFY(db.exec("CREATE TABLE chunks (id INTEGER PRIMARY KEY, data BLOB)"));
    SqliteStatement insert(db, "INSERT INTO chunks (id, data) VALUES (1, ?)");
    insert.bindBlob(1, ChunkCompressor::compress(plain.constData(), size_t(plain.size())));
    QVERIFY(insert.exec());
    SqliteStatement select(db, "SELECT chunk_item(1, ?)");
    select.bind(1, slot);
    QVERIFY(select.step());
    QCOMPARE(select.isNull(0), item.isNull());
    QCOMPARE(select.bytes(0), item);
}

QTEST_GUILESS_MAIN(TestChunkStore)
#include "tst_chunkstore.moc"
