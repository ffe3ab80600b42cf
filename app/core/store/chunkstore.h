// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <functional>
#include <list>
#include <memory>
#include <vector>

class ChunkCompressor;
class SqliteDb;
class SqliteStatement;
struct ZSTD_DCtx_s;

/// Where one item (an event's payload, a message's JSON, an attachment's text) lies in the store.
struct ChunkSlot {
    qint64 chunk = 0;
    int slot = 0;
};

/// Packs a sample's items into zstd-compressed chunks of up to a few hundred. Inspect's JSON is repetitive across
/// neighbouring events (model calls repeat their tools and settings), so a chunk compresses 3 to 30 times
/// better than its items one by one; a store stays a small multiple of the compressed log, not of its JSON.
class ChunkWriter {
public:
    /// A chunk is flushed once it holds this many bytes (or 256 items), unless one item is larger. As large as zstd's
    /// window at level 1 (512 KB), so each item finds its like anywhere in its chunk: measured on the monster sample,
    /// its chunks take 76 MB of the store where 256 KB and 64 items took 93 MB (256 KB and 256 items: 82 MB), and a
    /// chunk still decompresses in well under a millisecond when a reader needs one item of it.
    static constexpr qsizetype bytesPerChunk = 512 * 1024;

    /// Receives where the items added since the last flush were placed, in order, once their chunk has its id.
    using Placed = std::function<bool(const std::vector<ChunkSlot>& placed)>;

    /// The chunks go to `compressor`, shared by the writers of one import.
    ChunkWriter(ChunkCompressor& compressor, Placed placed);

    void setSample(qint64 sampleId) { m_sampleId = sampleId; }
    /// Adds an item; flushes when the chunk is full. False on a store error (see ChunkCompressor::errorString()).
    bool add(const char* data, size_t size);
    bool add(const QByteArray& data) { return add(data.constData(), size_t(data.size())); }
    bool flush();

private:
    void startChunk();

    ChunkCompressor& m_compressor;
    Placed m_placed;
    qint64 m_sampleId = 0;
    QByteArray m_data;
    std::vector<quint32> m_ends;
};

/// Reads items back, keeping the last few chunks decompressed: readers walk a transcript in order.
class ChunkReader {
public:
    explicit ChunkReader(SqliteDb& db);
    /// A chunk's stored (compressed) bytes by its id; empty when there is none.
    using Fetch = std::function<QByteArray(qint64 chunk)>;
    /// Reads the chunks through `fetch` (from a store on PostgreSQL).
    explicit ChunkReader(Fetch fetch);
    ~ChunkReader();
    ChunkReader(const ChunkReader&) = delete;
    ChunkReader& operator=(const ChunkReader&) = delete;

    /// The item, or a null array when the chunk or slot does not exist.
    QByteArray item(qint64 chunk, int slot);
    /// The item at `slot` of a chunk as stored (compressed), read from elsewhere (a store on PostgreSQL); a null
    /// array when it cannot be read.
    static QByteArray unpackItem(const QByteArray& packed, int slot);

private:
    /// The item at `slot` of a decompressed chunk, its count and ends checked against its size.
    static QByteArray itemOf(const QByteArray& plain, int slot);

    struct Cached {
        qint64 chunk;
        QByteArray data; ///< decompressed: count, item ends, items
    };
    SqliteDb* m_db = nullptr;
    Fetch m_fetch;
    SqliteStatement* m_select;
    std::unique_ptr<ZSTD_DCtx_s, size_t (*)(ZSTD_DCtx_s*)> m_decompressor;
    std::list<Cached> m_cache;
};

/// Makes `chunk_item(chunk, slot)` available in SQL on this connection, for queries and triggers.
bool registerChunkFunctions(SqliteDb& db);
