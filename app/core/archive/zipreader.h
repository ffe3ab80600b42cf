// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <vector>

struct archive;

/// Reads members of a zip archive (deflate, zstd, ZIP64) through libarchive, streaming their bytes.
/// Duplicate member names are legal in Inspect logs: the last entry of the central directory wins.
class ZipReader {
public:
    struct Entry {
        QString name;
        qint64 size = -1; ///< uncompressed size from the central directory, -1 when unknown
        int index = 0; ///< position in the central directory
    };
    /// Called with each decompressed block; return false to stop reading.
    using Sink = std::function<bool(const char* data, size_t size)>;

    ZipReader() = default;
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    /// Opens `path` and reads its central directory. On failure errorString() says why.
    bool open(const QString& path);
    QString errorString() const { return m_error; }

    /// The members, in central-directory order, with only the last of duplicate names kept.
    const std::vector<Entry>& entries() const { return m_entries; }
    const Entry* find(const QString& name) const;

    /// Streams the decompressed bytes of `entry` to `sink`. False on a decoding error (see errorString())
    /// or when the sink stopped the read.
    bool read(const Entry& entry, const Sink& sink);
    /// Reads a whole (small) member, of at most `maxBytes`; an empty array with errorString() set on failure. The
    /// size the archive declares decides nothing: the array grows as the bytes really come.
    QByteArray readAll(const Entry& entry, qint64 maxBytes = qint64(1) << 40);

    /// Pull interface: after startRead(), nextBlock() hands out decompressed blocks until it returns false,
    /// at the end of the member (errorString() empty) or on a decoding error (errorString() set).
    bool startRead(const Entry& entry);
    bool nextBlock(const char*& data, size_t& size);

private:
    bool reopen();
    void close();

    QString m_path;
    QString m_error;
    std::vector<Entry> m_entries;
    archive* m_archive = nullptr;
    int m_position = -1; ///< index of the header last read from m_archive
    QString m_reading; ///< name of the member being read
    qint64 m_expected = -1; ///< its uncompressed size from the central directory, -1 when unknown
    qint64 m_delivered = 0; ///< bytes of it handed out so far
};
