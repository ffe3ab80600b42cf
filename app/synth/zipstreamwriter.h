// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QFile>
#include <QString>
#include <vector>

struct ZSTD_CCtx_s;
struct z_stream_s;

/// Writes a zip archive member by member, streaming each member's bytes through zstd (method 93, as Inspect
/// writes since 0.3.206) or raw deflate (method 8), with ZIP64 records so members and archives may exceed
/// 4 GB. Names may repeat, as in Inspect's logs of requeued samples. libarchive 3.6 writes neither zstd members
/// nor repeated names, hence this writer; it needs libzstd and zlib, which libarchive already links.
class ZipStreamWriter {
public:
    enum class Compression { Zstd, Deflate };

    ZipStreamWriter() = default;
    ~ZipStreamWriter();
    ZipStreamWriter(const ZipStreamWriter&) = delete;
    ZipStreamWriter& operator=(const ZipStreamWriter&) = delete;

    bool open(const QString& path, Compression compression = Compression::Zstd);
    bool beginMember(const QString& name);
    bool write(const char* data, size_t size);
    bool write(const QByteArray& data) { return write(data.constData(), size_t(data.size())); }
    bool endMember();
    /// Writes the central directory; the archive is complete only after this.
    bool close();
    QString errorString() const { return m_error; }
    qint64 uncompressedBytes() const { return m_totalUncompressed; }

private:
    struct Member {
        QByteArray name;
        quint16 method = 0;
        quint32 crc = 0;
        quint64 compressedSize = 0;
        quint64 size = 0;
        quint64 offset = 0;
    };
    bool put(const QByteArray& bytes);
    bool flushCompressor(bool finish);
    bool fail(const QString& message);

    QFile m_file;
    Compression m_compression = Compression::Zstd;
    std::vector<Member> m_members;
    Member m_current;
    bool m_inMember = false;
    ZSTD_CCtx_s* m_zstd = nullptr;
    z_stream_s* m_deflate = nullptr;
    QByteArray m_out;
    QString m_error;
    qint64 m_totalUncompressed = 0;
};
