// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "zipstreamwriter.h"

#include <QtEndian>
#include <zlib.h>
#include <zstd.h>

namespace {
constexpr quint32 zip64Marker = 0xFFFFFFFF;

void append16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}
void append32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}
void append64(QByteArray& out, quint64 value)
{
    char bytes[8];
    qToLittleEndian(value, bytes);
    out.append(bytes, 8);
}
// A fixed date (1980-01-01): archives are deterministic, and Inspect's readers ignore the member dates.
constexpr quint16 dosTime = 0;
constexpr quint16 dosDate = (0 << 9) | (1 << 5) | 1;
}

ZipStreamWriter::~ZipStreamWriter()
{
    ZSTD_freeCCtx(m_zstd);
    if (m_deflate) {
        deflateEnd(m_deflate);
        delete m_deflate;
    }
}

bool ZipStreamWriter::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = m_file.fileName() + QStringLiteral(": ") + message;
    return false;
}

bool ZipStreamWriter::open(const QString& path, Compression compression)
{
    m_file.setFileName(path);
    m_compression = compression;
    m_members.clear();
    m_error.clear();
    m_totalUncompressed = 0;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(m_file.errorString());
    return true;
}

bool ZipStreamWriter::put(const QByteArray& bytes)
{
    if (m_file.write(bytes) != bytes.size())
        return fail(m_file.errorString());
    return true;
}

bool ZipStreamWriter::beginMember(const QString& name)
{
    m_current = {};
    m_current.name = name.toUtf8();
    m_current.method = m_compression == Compression::Zstd ? 93 : 8;
    m_current.offset = quint64(m_file.pos());
    m_current.crc = quint32(crc32(0, nullptr, 0));
    // Sizes are not known yet: the local header says so with ZIP64 markers, patched in endMember().
    QByteArray header;
    append32(header, 0x04034b50);
    append16(header, 45); // version needed: ZIP64
    append16(header, 0x0800); // UTF-8 names
    append16(header, m_current.method);
    append16(header, dosTime);
    append16(header, dosDate);
    append32(header, 0); // crc, patched
    append32(header, zip64Marker);
    append32(header, zip64Marker);
    append16(header, quint16(m_current.name.size()));
    append16(header, 20);
    header += m_current.name;
    append16(header, 0x0001);
    append16(header, 16);
    append64(header, 0); // size, patched
    append64(header, 0); // compressed size, patched
    if (!put(header))
        return false;
    if (m_compression == Compression::Zstd) {
        if (!m_zstd)
            m_zstd = ZSTD_createCCtx();
        ZSTD_CCtx_reset(m_zstd, ZSTD_reset_session_only);
        ZSTD_CCtx_setParameter(m_zstd, ZSTD_c_compressionLevel, 3);
        ZSTD_CCtx_setParameter(m_zstd, ZSTD_c_checksumFlag, 1);
    } else {
        if (!m_deflate) {
            m_deflate = new z_stream {};
            deflateInit2(m_deflate, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
        } else {
            deflateReset(m_deflate);
        }
    }
    m_inMember = true;
    return true;
}

bool ZipStreamWriter::write(const char* data, size_t size)
{
    if (!m_inMember)
        return fail(QStringLiteral("write outside a member"));
    // zlib counts in uInt: feed it at most 1 GiB at a time.
    for (size_t done = 0; done < size;) {
        const size_t part = std::min<size_t>(size - done, size_t(1) << 30);
        m_current.crc = quint32(crc32(m_current.crc, reinterpret_cast<const Bytef*>(data + done), uInt(part)));
        done += part;
    }
    m_current.size += size;
    m_totalUncompressed += qint64(size);
    m_out.resize(qsizetype(std::max<size_t>(ZSTD_CStreamOutSize(), 1 << 17)));
    if (m_compression == Compression::Zstd) {
        ZSTD_inBuffer in { data, size, 0 };
        while (in.pos < in.size) {
            ZSTD_outBuffer out { m_out.data(), size_t(m_out.size()), 0 };
            const size_t status = ZSTD_compressStream2(m_zstd, &out, &in, ZSTD_e_continue);
            if (ZSTD_isError(status))
                return fail(QString::fromLatin1(ZSTD_getErrorName(status)));
            if (out.pos && !put(QByteArray::fromRawData(m_out.constData(), qsizetype(out.pos))))
                return false;
            m_current.compressedSize += out.pos;
        }
        return true;
    }
    for (size_t done = 0; done < size;) {
        const size_t part = std::min<size_t>(size - done, size_t(1) << 30);
        m_deflate->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data + done));
        m_deflate->avail_in = uInt(part);
        done += part;
        while (m_deflate->avail_in > 0) {
            m_deflate->next_out = reinterpret_cast<Bytef*>(m_out.data());
            m_deflate->avail_out = uInt(m_out.size());
            deflate(m_deflate, Z_NO_FLUSH);
            const size_t produced = size_t(m_out.size()) - m_deflate->avail_out;
            if (produced && !put(QByteArray::fromRawData(m_out.constData(), qsizetype(produced))))
                return false;
            m_current.compressedSize += produced;
        }
    }
    return true;
}

bool ZipStreamWriter::flushCompressor(bool finish)
{
    Q_UNUSED(finish);
    if (m_compression == Compression::Zstd) {
        ZSTD_inBuffer in { nullptr, 0, 0 };
        for (;;) {
            ZSTD_outBuffer out { m_out.data(), size_t(m_out.size()), 0 };
            const size_t left = ZSTD_compressStream2(m_zstd, &out, &in, ZSTD_e_end);
            if (ZSTD_isError(left))
                return fail(QString::fromLatin1(ZSTD_getErrorName(left)));
            if (out.pos && !put(QByteArray::fromRawData(m_out.constData(), qsizetype(out.pos))))
                return false;
            m_current.compressedSize += out.pos;
            if (left == 0)
                return true;
        }
    }
    for (;;) {
        m_deflate->next_in = nullptr;
        m_deflate->avail_in = 0;
        m_deflate->next_out = reinterpret_cast<Bytef*>(m_out.data());
        m_deflate->avail_out = uInt(m_out.size());
        const int status = deflate(m_deflate, Z_FINISH);
        const size_t produced = size_t(m_out.size()) - m_deflate->avail_out;
        if (produced && !put(QByteArray::fromRawData(m_out.constData(), qsizetype(produced))))
            return false;
        m_current.compressedSize += produced;
        if (status == Z_STREAM_END)
            return true;
        if (status != Z_OK && status != Z_BUF_ERROR)
            return fail(QStringLiteral("deflate failed"));
    }
}

bool ZipStreamWriter::endMember()
{
    if (!m_inMember)
        return fail(QStringLiteral("no member to end"));
    m_out.resize(qsizetype(std::max<size_t>(ZSTD_CStreamOutSize(), 1 << 17)));
    if (!flushCompressor(true))
        return false;
    m_inMember = false;
    const qint64 end = m_file.pos();
    // Patch the CRC and the ZIP64 sizes into the local header.
    QByteArray crc;
    append32(crc, m_current.crc);
    QByteArray sizes;
    append64(sizes, m_current.size);
    append64(sizes, m_current.compressedSize);
    if (!m_file.seek(qint64(m_current.offset) + 14) || !put(crc))
        return false;
    if (!m_file.seek(qint64(m_current.offset) + 30 + m_current.name.size() + 4) || !put(sizes))
        return false;
    if (!m_file.seek(end))
        return fail(m_file.errorString());
    m_members.push_back(m_current);
    return true;
}

bool ZipStreamWriter::close()
{
    if (m_inMember && !endMember())
        return false;
    const quint64 directoryOffset = quint64(m_file.pos());
    QByteArray directory;
    for (const Member& member : m_members) {
        append32(directory, 0x02014b50);
        append16(directory, 45 | (3 << 8)); // made by: Unix, ZIP64
        append16(directory, 45);
        append16(directory, 0x0800);
        append16(directory, member.method);
        append16(directory, dosTime);
        append16(directory, dosDate);
        append32(directory, member.crc);
        append32(directory, zip64Marker);
        append32(directory, zip64Marker);
        append16(directory, quint16(member.name.size()));
        append16(directory, 28);
        append16(directory, 0); // comment
        append16(directory, 0); // disk
        append16(directory, 0); // internal attributes
        append32(directory, quint32(0100644) << 16);
        append32(directory, zip64Marker);
        directory += member.name;
        append16(directory, 0x0001);
        append16(directory, 24);
        append64(directory, member.size);
        append64(directory, member.compressedSize);
        append64(directory, member.offset);
    }
    const quint64 zip64EndOffset = directoryOffset + quint64(directory.size());
    QByteArray end;
    append32(end, 0x06064b50); // ZIP64 end of central directory
    append64(end, 44);
    append16(end, 45 | (3 << 8));
    append16(end, 45);
    append32(end, 0);
    append32(end, 0);
    append64(end, m_members.size());
    append64(end, m_members.size());
    append64(end, quint64(directory.size()));
    append64(end, directoryOffset);
    append32(end, 0x07064b50); // its locator
    append32(end, 0);
    append64(end, zip64EndOffset);
    append32(end, 1);
    append32(end, 0x06054b50); // end of central directory
    append16(end, 0);
    append16(end, 0);
    append16(end, quint16(std::min<size_t>(m_members.size(), 0xFFFF)));
    append16(end, quint16(std::min<size_t>(m_members.size(), 0xFFFF)));
    append32(end, quint32(std::min<quint64>(quint64(directory.size()), zip64Marker)));
    append32(end, quint32(std::min<quint64>(directoryOffset, zip64Marker)));
    append16(end, 0);
    if (!put(directory) || !put(end))
        return false;
    m_file.close();
    return true;
}
