#include "attachmentresolver.h"

#include "sqlitedb.h"

AttachmentResolver::AttachmentResolver(SqliteDb& db, ChunkReader& reader)
    : m_db(db)
    , m_reader(reader)
{
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
    m_loaded = false;
    m_slots.clear();
}

void AttachmentResolver::load()
{
    m_loaded = true;
    SqliteStatement query(m_db, "SELECT hash, chunk, slot FROM attachments WHERE sample_id = ?");
    query.bind(1, m_sampleId);
    while (query.step())
        m_slots.insert(query.text(0), { query.integer(1), int(query.integer(2)) });
}

QByteArray AttachmentResolver::attachment(const QString& hash)
{
    auto found = m_slots.constFind(hash);
    if (found == m_slots.constEnd() && !m_loaded) {
        load();
        found = m_slots.constFind(hash);
    }
    if (found == m_slots.constEnd())
        return {};
    return m_reader.item(found->chunk, found->slot);
}

QString AttachmentResolver::resolve(const QString& text)
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
        else
            resolved += QString::fromUtf8(content);
        from = end;
    }
    resolved += QStringView(text).mid(from);
    return resolved;
}
