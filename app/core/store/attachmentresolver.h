// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "chunkstore.h"
#include "sqlitedb.h"

#include <QHash>
#include <QString>
#include <functional>

/// Replaces `attachment://<hash>` (and legacy `tc://`) references in a sample's text with the attachments'
/// text, as Inspect's readers do; a reference without its attachment is left as it is.
class AttachmentResolver {
public:
    AttachmentResolver(SqliteDb& db, ChunkReader& reader);
    /// Where a sample's attachment lies; slot -1 when the sample has no attachment of that hash.
    using Lookup = std::function<ChunkSlot(qint64 sampleId, const QString& hash)>;
    /// Finds attachments through `lookup` (in a store on PostgreSQL).
    AttachmentResolver(Lookup lookup, ChunkReader& reader);

    /// The sample whose attachments resolve.
    void setSample(qint64 sampleId);
    QString resolve(const QString& text);
    /// `json` with its references replaced by their text escaped as JSON string content: a reference in JSON is a
    /// string value, and attachment text holds quotes, backslashes and newlines that would end it.
    QString resolveJson(const QString& json);
    QByteArray attachment(const QString& hash);

    static bool hasReference(const QString& text);

private:
    QString replaced(const QString& text, bool json);

    SqliteDb* m_db = nullptr;
    Lookup m_lookup;
    ChunkReader& m_reader;
    SqliteStatement m_find;
    qint64 m_sampleId = 0;
    QHash<QString, ChunkSlot> m_slots; ///< those looked up; slot -1: not stored
};
