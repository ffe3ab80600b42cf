// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "chunkedlayout.h"

#include "inspect/jsonstream.h"

ChunkedLayout::ChunkedLayout(ZipStreamWriter& zip, QString prefix, int chunkItems, qint64 chunkBytes)
    : m_zip(zip)
    , m_prefix(std::move(prefix))
    , m_chunkItems(chunkItems)
    , m_chunkBytes(chunkBytes)
{
}

bool ChunkedLayout::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool ChunkedLayout::member(const QString& name, const QByteArray& bytes)
{
    if (!m_zip.beginMember(m_prefix + QLatin1Char('/') + name) || !m_zip.write(bytes) || !m_zip.endMember())
        return fail(m_zip.errorString());
    return true;
}

void ChunkedLayout::beginSequence(const QString& name, Policy policy, ItemSeen seen)
{
    m_sequence = name;
    m_policy = policy;
    m_seen = std::move(seen);
    m_depth = 0;
    m_inString = false;
    m_escaped = false;
    m_closed = false;
    m_item.clear();
    m_items = 0;
    m_inChunk = false;
    m_starts.clear();
}

bool ChunkedLayout::feed(const QByteArray& bytes)
{
    const char* p = bytes.constData();
    const char* end = p + bytes.size();
    while (p != end) {
        if (m_inString) {
            if (m_escaped) {
                m_item += *p++;
                m_escaped = false;
                continue;
            }
            const char* stop = JsonScan::stringStop(p, end);
            m_item.append(p, stop - p);
            p = stop;
            if (p == end)
                break;
            m_item += *p;
            if (*p == '"')
                m_inString = false;
            else if (*p == '\\')
                m_escaped = true;
            ++p;
            continue;
        }
        const char c = *p++;
        if (m_closed) {
            if (c != ' ' && c != '\n')
                return fail(tr("sequence %1: bytes after its list").arg(m_sequence));
            continue;
        }
        switch (c) {
        case '"':
            m_inString = true;
            m_item += c;
            break;
        case '{':
        case '[':
            if (m_depth++ > 0)
                m_item += c;
            break;
        case '}':
        case ']':
            if (--m_depth == 0) {
                m_closed = true;
                if (!m_item.isEmpty() && !finishItem())
                    return false;
            } else {
                m_item += c;
            }
            break;
        case ',':
            if (m_depth == 1) {
                if (!finishItem())
                    return false;
            } else {
                m_item += c;
            }
            break;
        case ' ':
        case '\n':
            if (m_depth > 1)
                m_item += c;
            break;
        default:
            m_item += c;
        }
    }
    return true;
}

bool ChunkedLayout::finishItem()
{
    const qint64 size = m_item.size();
    const bool full = m_policy == Policy::Count ? m_inThisChunk == m_chunkItems
                                                : m_bytesThisChunk > 0 && m_bytesThisChunk + size > m_chunkBytes;
    if (m_inChunk && full && !closeChunk())
        return false;
    if (!m_inChunk) {
        m_starts.push_back(m_items);
        if (!m_zip.beginMember(QStringLiteral("%1/%2/%3.json").arg(m_prefix, m_sequence).arg(m_items))
            || !m_zip.write("[", 1))
            return fail(m_zip.errorString());
        m_inChunk = true;
        m_inThisChunk = 0;
        m_bytesThisChunk = 0;
    } else if (!m_zip.write(",", 1)) {
        return fail(m_zip.errorString());
    }
    if (!m_zip.write(m_item))
        return fail(m_zip.errorString());
    if (m_seen)
        m_seen(m_items, m_item);
    ++m_items;
    ++m_inThisChunk;
    m_bytesThisChunk += size;
    m_item.clear();
    return true;
}

bool ChunkedLayout::closeChunk()
{
    m_inChunk = false;
    if (!m_zip.write("]", 1) || !m_zip.endMember())
        return fail(m_zip.errorString());
    return true;
}

bool ChunkedLayout::endSequence()
{
    if (!m_closed || m_inString)
        return fail(tr("sequence %1: its list is not complete").arg(m_sequence));
    return !m_inChunk || closeChunk();
}
