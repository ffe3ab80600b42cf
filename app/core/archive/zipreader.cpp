// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "zipreader.h"

#include <archive.h>
#include <archive_entry.h>

#include <QCoreApplication>
#include <algorithm>
#include <unordered_map>

namespace {
QString archiveMessage(archive* a)
{
    const char* message = archive_error_string(a);
    return message ? QString::fromUtf8(message) : QStringLiteral("unknown archive error");
}
}

ZipReader::~ZipReader()
{
    close();
}

void ZipReader::close()
{
    if (m_archive) {
        archive_read_free(m_archive);
        m_archive = nullptr;
    }
    m_position = -1;
}

bool ZipReader::reopen()
{
    close();
    m_archive = archive_read_new();
    archive_read_support_format_zip_seekable(m_archive);
    if (archive_read_open_filename(m_archive, m_path.toLocal8Bit().constData(), 256 * 1024) != ARCHIVE_OK) {
        // A zip is read from its central directory at the end: without one the file was cut short or damaged.
        m_error = QCoreApplication::translate("ZipReader",
            "not a complete zip archive: truncated, or its central "
            "directory is damaged (%1)")
                      .arg(archiveMessage(m_archive));
        close();
        return false;
    }
    return true;
}

bool ZipReader::open(const QString& path)
{
    m_path = path;
    m_error.clear();
    m_entries.clear();
    if (!reopen())
        return false;

    std::vector<Entry> all;
    std::unordered_map<QString, size_t> lastByName;
    archive_entry* entry = nullptr;
    int index = 0;
    for (;;) {
        const int status = archive_read_next_header(m_archive, &entry);
        if (status == ARCHIVE_EOF)
            break;
        if (status < ARCHIVE_WARN) {
            m_error = QCoreApplication::translate(
                "ZipReader", "damaged zip archive (truncated or corrupt central directory): %1")
                          .arg(archiveMessage(m_archive));
            close();
            return false;
        }
        const char* utf8 = archive_entry_pathname_utf8(entry);
        Entry e;
        e.name = utf8 ? QString::fromUtf8(utf8) : QString::fromLocal8Bit(archive_entry_pathname(entry));
        e.size = archive_entry_size_is_set(entry) ? archive_entry_size(entry) : -1;
        e.index = index++;
        lastByName[e.name] = all.size();
        all.push_back(std::move(e));
    }
    for (size_t i = 0; i < all.size(); ++i) {
        if (lastByName[all[i].name] == i)
            m_entries.push_back(all[i]);
    }
    close();
    return true;
}

const ZipReader::Entry* ZipReader::find(const QString& name) const
{
    for (const auto& entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

bool ZipReader::startRead(const Entry& entry)
{
    m_error.clear();
    m_reading = entry.name;
    m_expected = entry.size;
    m_delivered = 0;
    if (!m_archive || m_position >= entry.index) {
        if (!reopen())
            return false;
    }
    archive_entry* header = nullptr;
    while (m_position < entry.index) {
        const int status = archive_read_next_header(m_archive, &header);
        if (status < ARCHIVE_WARN || status == ARCHIVE_EOF) {
            m_error
                = QCoreApplication::translate("ZipReader", "member %1: %2").arg(entry.name, archiveMessage(m_archive));
            close();
            return false;
        }
        ++m_position;
    }
    return true;
}

bool ZipReader::nextBlock(const char*& data, size_t& size)
{
    if (!m_archive)
        return false;
    const void* block = nullptr;
    la_int64_t offset = 0;
    for (;;) {
        size = 0;
        const int status = archive_read_data_block(m_archive, &block, &size, &offset);
        if (status == ARCHIVE_EOF)
            return false;
        if (status < ARCHIVE_WARN) {
            // libarchive 3.6's zstd reader calls a member truncated when its last block exactly fills the output
            // buffer (a member of a whole number of MiB, say), after handing out every byte of it. Every byte the
            // central directory promises came out, so the member is whole; only libarchive's CRC check is missed.
            if (m_expected >= 0 && m_delivered == m_expected
                && QString::fromUtf8(archive_error_string(m_archive)).contains(QLatin1String("Truncated zstd")))
                return false;
            m_error = QCoreApplication::translate("ZipReader", "member %1 cannot be decompressed: %2")
                          .arg(m_reading, archiveMessage(m_archive));
            close();
            return false;
        }
        if (status == ARCHIVE_WARN) {
            // libarchive checks each member's CRC-32 (and its sizes) as its last block comes out, and only warns: a
            // member whose bytes were changed would be read as if nothing were wrong.
            const QString message = archiveMessage(m_archive);
            m_error = message.contains(QLatin1String("CRC"))
                ? QCoreApplication::translate(
                    "ZipReader", "CRC-32 mismatch in member %1: its bytes are not those the archive recorded (%2)")
                      .arg(m_reading, message)
                : QCoreApplication::translate("ZipReader", "member %1 is damaged: %2").arg(m_reading, message);
            close();
            return false;
        }
        if (size > 0) {
            data = static_cast<const char*>(block);
            m_delivered += qint64(size);
            return true;
        }
    }
}

bool ZipReader::read(const Entry& entry, const Sink& sink)
{
    if (!startRead(entry))
        return false;
    const char* data = nullptr;
    size_t size = 0;
    while (nextBlock(data, size)) {
        if (!sink(data, size))
            return false;
    }
    return m_error.isEmpty();
}

QByteArray ZipReader::readAll(const Entry& entry, qint64 maxBytes)
{
    // A header may claim any size (2 GB for a 4 KB archive): what it claims is reserved only up to a little.
    constexpr qint64 reservedAtMost = 1 << 20;
    QByteArray data;
    if (entry.size > 0)
        data.reserve(qsizetype(std::min({ entry.size, maxBytes, reservedAtMost })));
    bool tooLarge = false;
    const bool ok = read(entry, [&](const char* bytes, size_t size) {
        if (data.size() + qint64(size) > maxBytes) {
            tooLarge = true;
            return false;
        }
        data.append(bytes, qsizetype(size));
        return true;
    });
    if (tooLarge) {
        m_error = QCoreApplication::translate("ZipReader", "member %1 is larger than %2 MB, more than it may be")
                      .arg(entry.name)
                      .arg(maxBytes / 1'000'000);
        close();
    }
    return ok ? data : QByteArray();
}
