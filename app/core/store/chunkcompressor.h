// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "sqlitedb.h"

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <deque>

/// Compresses chunks on the importer's compressing thread and stores them in the order they came, so the
/// importer's own thread goes on parsing meanwhile: compression was about a fifth of its work. A chunk's id is
/// handed out when the chunk is given, so the rows pointing into it are written while it is still being
/// compressed. Everything given is in the store once finish() returns, inside the caller's transaction; what is
/// not by the time it is destroyed belonged to a failed import and is dropped (the jobs still compressing it
/// hold their own copies).
class ChunkCompressor {
public:
    /// Compresses on `thread`, a pool of one thread that outlives this (the importer's, for all its files).
    ChunkCompressor(SqliteDb& db, QThreadPool& thread);
    ChunkCompressor(const ChunkCompressor&) = delete;
    ChunkCompressor& operator=(const ChunkCompressor&) = delete;

    /// Queues the bytes of `plain` from `offset` on as the next chunk of a sample; returns the chunk's id, or 0
    /// on an error (see errorString()).
    qint64 add(qint64 sampleId, QByteArray plain, qsizetype offset);
    /// Waits for the chunks still being compressed and stores them. False on an error.
    bool finish();
    QString errorString() const;

    /// One chunk's bytes as the store keeps them (zstd level 1); an empty array on a compression error.
    static QByteArray compress(const char* data, size_t size);

private:
    /// Stores the compressed chunks at the front of the queue; waits for the first one if `wait`.
    bool storeCompressed(bool wait);

    struct Pending {
        qint64 id = 0;
        qint64 sampleId = 0;
        qsizetype size = 0; ///< plain bytes
        QFuture<QByteArray> packed; ///< empty on a compression error
    };
    SqliteDb& m_db;
    SqliteStatement m_insert;
    QString m_error;
    qint64 m_lastId = -1; ///< read from the store at the first chunk
    std::deque<Pending> m_pending; ///< in the order given, which is the order stored
    QThreadPool& m_thread;
    qsizetype m_pendingBytes = 0; ///< of the chunks given and not stored yet
};
