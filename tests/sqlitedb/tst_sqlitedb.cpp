// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "store/chunkstore.h"
#include "store/sqlitedb.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

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

class TestSqliteDb : public QObject {
    Q_OBJECT
private slots:
    void closeFreesAConnectionThatReadChunks();
};

void TestSqliteDb::closeFreesAConnectionThatReadChunks()
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

QTEST_GUILESS_MAIN(TestSqliteDb)
#include "tst_sqlitedb.moc"
