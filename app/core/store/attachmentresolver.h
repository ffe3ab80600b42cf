#pragma once

#include "chunkstore.h"

#include <QHash>
#include <QString>

class SqliteDb;

/// Replaces `attachment://<hash>` (and legacy `tc://`) references in a sample's text with the attachments'
/// text, as Inspect's readers do; a reference without its attachment is left as it is.
class AttachmentResolver {
public:
    AttachmentResolver(SqliteDb& db, ChunkReader& reader);

    /// The sample whose attachments resolve; its stored ones are loaded on first use.
    void setSample(qint64 sampleId);
    /// An attachment of the current sample placed during an import.
    void add(const QString& hash, ChunkSlot slot) { m_slots.insert(hash, slot); }
    QString resolve(const QString& text);
    QByteArray attachment(const QString& hash);

    static bool hasReference(const QString& text);

private:
    void load();

    SqliteDb& m_db;
    ChunkReader& m_reader;
    qint64 m_sampleId = 0;
    bool m_loaded = false;
    QHash<QString, ChunkSlot> m_slots;
};
