// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "chunkstore.h"

#include "chunkcompressor.h"
#include "sqlitedb.h"

#include <QtEndian>
#include <sqlite3.h>
#include <zstd.h>

namespace {
constexpr int itemsPerChunk = 256;
constexpr size_t cachedChunks = 4;
constexpr qsizetype headerRoom = 4 * (itemsPerChunk + 1);
}

ChunkWriter::ChunkWriter(ChunkCompressor& compressor, Placed placed)
    : m_compressor(compressor)
    , m_placed(std::move(placed))
{
    startChunk();
}

void ChunkWriter::startChunk()
{
    // A new buffer for each chunk: the last one is with the compressor.
    m_data = QByteArray();
    m_data.reserve(headerRoom + bytesPerChunk + bytesPerChunk / 4);
    m_data.resize(headerRoom);
}

bool ChunkWriter::add(const char* data, size_t size)
{
    m_data.append(data, qsizetype(size));
    m_ends.push_back(quint32(m_data.size() - headerRoom));
    if (int(m_ends.size()) >= itemsPerChunk || m_data.size() - headerRoom >= bytesPerChunk)
        return flush();
    return true;
}

bool ChunkWriter::flush()
{
    if (m_ends.empty())
        return true;
    // Layout before compression: item count, the end offset of each item, then the items. The header is
    // written into the room left before the items, so the chunk is compressed from where it lies.
    const qsizetype headerSize = 4 * (qsizetype(m_ends.size()) + 1);
    char* header = m_data.data() + headerRoom - headerSize;
    qToLittleEndian(quint32(m_ends.size()), header);
    for (size_t i = 0; i < m_ends.size(); ++i)
        qToLittleEndian(m_ends[i], header + 4 * (i + 1));
    const qint64 chunk = m_compressor.add(m_sampleId, std::move(m_data), headerRoom - headerSize);
    std::vector<ChunkSlot> placed(m_ends.size());
    for (size_t i = 0; i < placed.size(); ++i)
        placed[i] = { chunk, int(i) };
    startChunk();
    m_ends.clear();
    return chunk != 0 && m_placed(placed);
}

ChunkReader::ChunkReader(SqliteDb& db)
    : m_db(&db)
    , m_select(new SqliteStatement)
    , m_decompressor(ZSTD_createDCtx(), ZSTD_freeDCtx)
{
}

ChunkReader::ChunkReader(Fetch fetch)
    : m_fetch(std::move(fetch))
    , m_select(new SqliteStatement)
    , m_decompressor(ZSTD_createDCtx(), ZSTD_freeDCtx)
{
}

ChunkReader::~ChunkReader()
{
    delete m_select;
}

QByteArray ChunkReader::item(qint64 chunk, int slot)
{
    auto found
        = std::find_if(m_cache.begin(), m_cache.end(), [chunk](const Cached& cached) { return cached.chunk == chunk; });
    if (found == m_cache.end()) {
        QByteArray packed;
        if (m_fetch) {
            packed = m_fetch(chunk);
        } else {
            // Prepared on first use: a reader may be made before the store's tables exist.
            if (!m_select->isValid() && !m_select->prepare(*m_db, "SELECT data FROM chunks WHERE id = ?"))
                return {};
            m_select->bind(1, chunk);
            if (m_select->step())
                packed = m_select->blob(0);
            m_select->reset();
        }
        if (packed.isEmpty())
            return {};
        const unsigned long long size = ZSTD_getFrameContentSize(packed.constData(), size_t(packed.size()));
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
            return {};
        QByteArray plain(qsizetype(size), Qt::Uninitialized);
        if (ZSTD_isError(ZSTD_decompressDCtx(
                m_decompressor.get(), plain.data(), size_t(size), packed.constData(), size_t(packed.size()))))
            return {};
        m_cache.push_front({ chunk, std::move(plain) });
        if (m_cache.size() > cachedChunks)
            m_cache.pop_back();
        found = m_cache.begin();
    } else if (found != m_cache.begin()) {
        m_cache.splice(m_cache.begin(), m_cache, found);
        found = m_cache.begin();
    }
    return itemOf(found->data, slot);
}

QByteArray ChunkReader::itemOf(const QByteArray& plain, int slot)
{
    if (plain.size() < 4)
        return {};
    const quint32 count = qFromLittleEndian<quint32>(plain.constData());
    // A damaged chunk must not send the reads below outside it: its count and ends are checked against its size.
    const qsizetype header = 4 * (qsizetype(count) + 1);
    if (slot < 0 || quint32(slot) >= count || header > plain.size())
        return {};
    const quint32 begin = slot == 0 ? 0 : qFromLittleEndian<quint32>(plain.constData() + 4 * slot);
    const quint32 end = qFromLittleEndian<quint32>(plain.constData() + 4 * (slot + 1));
    if (begin > end || header + end > plain.size())
        return {};
    return plain.mid(header + begin, end - begin);
}

namespace {
void chunkItem(sqlite3_context* context, int, sqlite3_value** values)
{
    auto* reader = static_cast<ChunkReader*>(sqlite3_user_data(context));
    if (sqlite3_value_type(values[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const QByteArray item = reader->item(sqlite3_value_int64(values[0]), sqlite3_value_int(values[1]));
    if (item.isNull())
        sqlite3_result_null(context);
    else
        sqlite3_result_text(context, item.constData(), int(item.size()), SQLITE_TRANSIENT);
}
}

bool registerChunkFunctions(SqliteDb& db)
{
    auto* reader = new ChunkReader(db);
    // SQLite deletes the reader when the function goes (or if it cannot be made).
    if (sqlite3_create_function_v2(db.handle(), "chunk_item", 2, SQLITE_UTF8, reader, chunkItem, nullptr, nullptr,
            [](void* data) { delete static_cast<ChunkReader*>(data); })
        != SQLITE_OK)
        return false;
    // The function only goes with its connection, but the reader's statement keeps the connection from closing:
    // without this, each store opened and closed kept its connection, its cache and its file open for good.
    db.beforeClose([handle = db.handle()] {
        sqlite3_create_function_v2(handle, "chunk_item", 2, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    });
    return true;
}

QByteArray ChunkReader::unpackItem(const QByteArray& packed, int slot)
{
    const unsigned long long size = ZSTD_getFrameContentSize(packed.constData(), size_t(packed.size()));
    if (packed.isEmpty() || size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return {};
    QByteArray plain(qsizetype(size), Qt::Uninitialized);
    if (ZSTD_isError(ZSTD_decompress(plain.data(), size_t(size), packed.constData(), size_t(packed.size()))))
        return {};
    return itemOf(plain, slot);
}
