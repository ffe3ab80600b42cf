// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "attachmentresolver.h"

#include "sqlitedb.h"

AttachmentResolver::AttachmentResolver(SqliteDb& db, ChunkReader& reader)
    : m_db(&db)
    , m_reader(reader)
{
}

AttachmentResolver::AttachmentResolver(Lookup lookup, ChunkReader& reader)
    : m_lookup(std::move(lookup))
    , m_reader(reader)
{
}

namespace {
/// Text as the inside of a JSON string.
QString escapedForJson(const QString& text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            escaped += QLatin1String("\\\"");
            break;
        case '\\':
            escaped += QLatin1String("\\\\");
            break;
        case '\n':
            escaped += QLatin1String("\\n");
            break;
        case '\r':
            escaped += QLatin1String("\\r");
            break;
        case '\t':
            escaped += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20)
                escaped += QStringLiteral("\\u%1").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
            else
                escaped += c;
        }
    }
    return escaped;
}
}

bool AttachmentResolver::hasReference(const QString& text)
{
    return text.contains(QLatin1String("attachment://")) || text.contains(QLatin1String("tc://"));
}

void AttachmentResolver::setSample(qint64 sampleId)
{
    if (sampleId == m_sampleId)
        return;
    m_sampleId = sampleId;
    m_slots.clear();
}

QByteArray AttachmentResolver::attachment(const QString& hash)
{
    // Looked up one by one, by the table's key: a replay's first lines need a few of a sample's 100,000.
    auto found = m_slots.constFind(hash);
    if (found == m_slots.constEnd()) {
        ChunkSlot slot;
        if (m_lookup) {
            slot = m_lookup(m_sampleId, hash);
        } else {
            if (!m_find.isValid()
                && !m_find.prepare(*m_db, "SELECT chunk, slot FROM attachments WHERE sample_id = ? AND hash = ?"))
                return {};
            m_find.bind(1, m_sampleId);
            m_find.bind(2, hash);
            const bool stored = m_find.step();
            slot = { stored ? m_find.integer(0) : 0, stored ? int(m_find.integer(1)) : -1 };
            m_find.reset();
        }
        found = m_slots.insert(hash, slot);
    }
    if (found->slot < 0)
        return {};
    return m_reader.item(found->chunk, found->slot);
}

QString AttachmentResolver::resolve(const QString& text)
{
    return replaced(text, false);
}

QString AttachmentResolver::resolveJson(const QString& json)
{
    return replaced(json, true);
}

QString AttachmentResolver::replaced(const QString& text, bool json)
{
    if (!hasReference(text))
        return text;
    QString resolved;
    qsizetype from = 0;
    for (;;) {
        qsizetype at = text.indexOf(QLatin1String("attachment://"), from);
        qsizetype prefix = 13;
        const qsizetype legacy = text.indexOf(QLatin1String("tc://"), from);
        if (legacy >= 0 && (at < 0 || legacy < at)) {
            at = legacy;
            prefix = 5;
        }
        if (at < 0)
            break;
        qsizetype end = at + prefix;
        while (end < text.size() && isxdigit(text.at(end).toLatin1()))
            ++end;
        resolved += QStringView(text).mid(from, at - from);
        const QByteArray content = attachment(text.mid(at + prefix, end - at - prefix));
        if (content.isNull())
            resolved += QStringView(text).mid(at, end - at);
        else if (json)
            resolved += escapedForJson(QString::fromUtf8(content));
        else
            resolved += QString::fromUtf8(content);
        from = end;
    }
    resolved += QStringView(text).mid(from);
    return resolved;
}
