// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "importer.h"

#include "checkpointer.h"
#include "messageindex.h"
#include "store.h"
#include "storeconnection.h"
#include "storewriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <memory>
#include <sqlite3.h>
#include <xxhash.h>

namespace {
/// A shared transaction commits once its files reach this size (or its time is up).
constexpr qint64 bytesPerTransaction = 32 << 20;

/// The BLAKE2b-256 hash stores up to schema 5 identified files by, as 64 hex digits; empty if it cannot be read.
QString legacyContentHash(const QString& path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Blake2b_256);
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

/// Whether the store holds an imported file of this content, imported since messages are stored once (a file
/// imported before keeps each message twice, and is imported again: beginFile replaces it). A file imported before
/// the hash was XXH3 is found by its BLAKE2b hash, computed only where such a file has the same size, and is given its
/// XXH3 hash then, for beginFile to replace it.
bool alreadyImported(SqliteDb& db, const QString& path, qint64 size, const QString& hash)
{
    // 1: imported since messages are stored once; 0: before; -1: not imported.
    const auto imported = [&db, &hash] {
        SqliteStatement known(db, R"sql(SELECT shared_messages IS NOT NULL FROM files WHERE hash = ?
            AND status = 'imported' ORDER BY 1 DESC LIMIT 1)sql");
        known.bind(1, hash);
        return known.step() ? int(known.integer(0)) : -1;
    };
    if (const int found = imported(); found >= 0)
        return found == 1;
    SqliteStatement legacy(
        db, "SELECT 1 FROM files WHERE size = ? AND length(hash) = 64 AND status = 'imported' LIMIT 1");
    legacy.bind(1, size);
    if (!legacy.step())
        return false;
    const QString legacyHash = legacyContentHash(path);
    SqliteStatement rehash(db, "UPDATE files SET hash = ? WHERE hash = ? AND status = 'imported'");
    rehash.bind(1, hash);
    rehash.bind(2, legacyHash);
    return !legacyHash.isEmpty() && rehash.exec() && imported() == 1;
}
}

/// The hash that identifies a file's content: XXH3, 128 bits, as 32 hex digits. Not a cryptographic hash, nor
/// does it need to be: it tells a user's own files apart, and at 5 GB/s it costs a 1 GB log a few hundredths of a
/// second (BLAKE2b, which stores up to schema 5 used, took a third of a second for its 160 MB archive).
QString Importer::contentHash(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot open: %1").arg(file.errorString());
        return {};
    }
    const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    XXH3_128bits_reset(state.get());
    QByteArray block(1 << 20, Qt::Uninitialized);
    qint64 read = 0;
    while ((read = file.read(block.data(), block.size())) > 0)
        XXH3_128bits_update(state.get(), block.constData(), size_t(read));
    if (read < 0) {
        *error = tr("cannot read: %1").arg(file.errorString());
        return {};
    }
    XXH128_canonical_t canonical;
    XXH128_canonicalFromHash(&canonical, XXH3_128bits_digest(state.get()));
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(canonical.digest), sizeof canonical.digest).toHex());
}

Importer::Importer(Store& store, const ImportOptions& options)
    : m_store(store)
    , m_options(options)
    , m_checkpointer(std::make_unique<Checkpointer>(StoreConnection::of(store), store.path()))
{
    m_compressing.setMaxThreadCount(1);
}

Importer::~Importer()
{
    commit();
}

bool Importer::transactionLost() const
{
    // SQLite rolls a transaction back by itself on some errors (a full disk, an I/O error).
    return m_inTransaction && sqlite3_get_autocommit(StoreConnection::of(m_store).handle()) != 0;
}

void Importer::loseTransaction(const QString& why, QStringList* lost)
{
    SqliteDb& db = StoreConnection::of(m_store);
    if (!transactionLost())
        db.exec("ROLLBACK");
    m_inTransaction = false;
    m_inFile = false;
    for (const auto& [path, bytes] : m_uncommitted) {
        recordFailure(path, bytes, why);
        if (lost)
            *lost << path;
    }
    m_uncommitted.clear();
}

bool Importer::commit(QString* error, QStringList* lost)
{
    if (!m_inTransaction)
        return true;
    SqliteDb& db = StoreConnection::of(m_store);
    if (!transactionLost() && db.exec("COMMIT")) {
        m_inTransaction = false;
        m_uncommitted.clear();
        return true;
    }
    const QString why = tr("cannot commit to the store: %1").arg(db.errorString());
    loseTransaction(why, lost);
    if (error)
        *error = why;
    return false;
}

QStringList Importer::collectFiles(const QStringList& paths, QStringList* missing)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, { QStringLiteral("*.eval"), QStringLiteral("*.json") }, QDir::Files,
                QDirIterator::Subdirectories);
            while (it.hasNext())
                found << QFileInfo(it.next()).absoluteFilePath();
            found.sort();
            files << found;
        } else if (info.exists()) {
            files << info.absoluteFilePath();
        } else if (missing) {
            *missing << path;
        }
    }
    return files;
}

void Importer::recordFailure(const QString& path, qint64 bytes, const QString& error)
{
    // Remember the failure, but never over an earlier good import of the same path: its data stays.
    SqliteStatement record(
        StoreConnection::of(m_store), R"sql(INSERT INTO files (path, size, status, error, imported_at)
        VALUES (?1, ?2, 'failed', ?3, ?4)
        ON CONFLICT (path) DO UPDATE SET error = ?3 WHERE status = 'failed')sql");
    record.bind(1, path);
    record.bind(2, bytes);
    record.bind(3, error);
    record.bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    record.exec();
}

ImportResult Importer::fail(ImportResult result, const QString& error)
{
    SqliteDb& db = StoreConnection::of(m_store);
    if (m_inFile && !transactionLost()) {
        db.exec("ROLLBACK TO import_file");
        db.exec("RELEASE import_file");
    }
    m_inFile = false;
    if (transactionLost()) {
        result.lostError = tr("the store dropped the transaction after: %1").arg(error);
        loseTransaction(result.lostError, &result.lostFiles);
    } else if (m_inTransaction && !m_shared) {
        // Alone in its transaction, the file leaves it empty now.
        db.exec("ROLLBACK");
        m_inTransaction = false;
    }
    result.status = result.status == ImportResult::Cancelled ? ImportResult::Cancelled : ImportResult::Failed;
    result.error = error;
    if (result.status == ImportResult::Failed)
        recordFailure(result.path, result.bytes, error);
    return result;
}

bool Importer::removeReplaced(SqliteDb& db, const QString& path, const QString& hash, QString* error)
{
    // A changed file replaces what it held before, and so does the same content imported before messages were stored
    // once, from any path: runs, samples and events cascade away with its row, once its messages are out of the
    // full-text index.
    std::vector<qint64> earlier;
    {
        SqliteStatement find(db, R"sql(SELECT id FROM files WHERE path = ?1
            OR (hash = ?2 AND status = 'imported' AND shared_messages IS NULL))sql");
        find.bind(1, path);
        find.bind(2, hash);
        while (find.step())
            earlier.push_back(find.integer(0));
    }
    SqliteStatement remove(db, "DELETE FROM files WHERE id = ?");
    for (const qint64 id : earlier) {
        remove.bind(1, id);
        if (!MessageIndex(db).removeFile(id) || !remove.exec()) {
            *error = tr("cannot replace the earlier import: %1").arg(db.errorString());
            return false;
        }
    }
    return true;
}

qint64 Importer::beginFile(const QString& path, qint64 bytes, qint64 mtime, const QString& hash, QString* error)
{
    SqliteDb& db = StoreConnection::of(m_store);
    const auto refuse = [error](const QString& why) {
        *error = why;
        return qint64(0);
    };
    if (!m_inTransaction) {
        m_checkpointer->limitWal();
        if (!db.exec("BEGIN IMMEDIATE"))
            return refuse(tr("the store is busy: %1").arg(db.errorString()));
        m_inTransaction = true;
        m_transactionAge.start();
    }
    if (!db.exec("SAVEPOINT import_file"))
        return refuse(tr("cannot write to the store: %1").arg(db.errorString()));
    m_inFile = true;
    if (!removeReplaced(db, path, hash, error))
        return 0;
    SqliteStatement insert(db, R"sql(INSERT INTO files (path, size, mtime, hash, status, imported_at)
        VALUES (?, ?, ?, ?, 'imported', ?))sql");
    insert.bind(1, path);
    insert.bind(2, bytes);
    insert.bind(3, mtime);
    insert.bind(4, hash);
    insert.bind(5, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!insert.exec())
        return refuse(tr("cannot write to the store: %1").arg(db.errorString()));

    return db.lastInsertId();
}

bool Importer::commitWhenDue(ImportResult& result)
{
    m_uncommitted.emplace_back(result.path, result.bytes);
    qint64 transactionBytes = 0;
    for (const auto& file : m_uncommitted)
        transactionBytes += file.second;
    if (m_shared && transactionBytes < bytesPerTransaction && m_transactionAge.elapsed() < m_maxMilliseconds)
        return true;
    QString error;
    if (commit(&error, &result.lostFiles))
        return true;
    // This file went with the others; it speaks for itself.
    result.lostFiles.removeAll(result.path);
    result.lostError = error;
    result.error = error;
    return false;
}

ImportResult Importer::importFile(const QString& path, const Progress& progress)
{
    ImportResult result;
    const QFileInfo info(path);
    result.path = info.absoluteFilePath();
    result.bytes = info.size();
    SqliteDb& db = StoreConnection::of(m_store);

    // A shared transaction is not held on while files are hashed, skipped or fail, however many.
    if (m_inTransaction && (transactionLost() || m_transactionAge.elapsed() >= m_maxMilliseconds))
        commit(&result.lostError, &result.lostFiles);

    QString error;
    const QString hash = contentHash(result.path, &error);
    if (hash.isEmpty())
        return fail(result, error);

    if (alreadyImported(db, result.path, result.bytes, hash)) {
        result.status = ImportResult::Skipped;
        return result;
    }

    const qint64 fileId = beginFile(result.path, result.bytes, info.lastModified().toSecsSinceEpoch(), hash, &error);
    if (fileId == 0)
        return fail(result, error);
    StoreWriter writer(db, fileId, m_compressing);
    InspectLogReader reader(m_options);
    const bool ok = reader.read(result.path, writer, progress);
    result.warnings = reader.warnings();
    if (!ok) {
        if (reader.wasCancelled())
            result.status = ImportResult::Cancelled;
        // The reader says what it was reading when the store refused it; the writer says why.
        if (!writer.errorString().isEmpty())
            return fail(result, reader.errorString() + QStringLiteral(" (") + writer.errorString() + QLatin1Char(')'));
        return fail(result, reader.errorString());
    }
    if (!writer.finish())
        return fail(result, writer.errorString());
    SqliteStatement counts(db, "UPDATE files SET shared_messages = ?, differing_messages = ? WHERE id = ?");
    counts.bind(1, writer.sharedMessageCount());
    counts.bind(2, writer.differingMessageCount());
    counts.bind(3, fileId);
    if (!counts.exec())
        return fail(result, tr("cannot write to the store: %1").arg(db.errorString()));
    if (!db.exec("RELEASE import_file"))
        return fail(result, tr("cannot write to the store: %1").arg(db.errorString()));
    m_inFile = false;
    if (!commitWhenDue(result))
        return result;
    result.status = ImportResult::Imported;
    result.samples = writer.sampleCount();
    result.events = writer.eventCount();
    result.messages = writer.messageCount();
    result.sharedMessages = writer.sharedMessageCount();
    result.differingMessages = writer.differingMessageCount();
    return result;
}
