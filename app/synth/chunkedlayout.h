// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "zipstreamwriter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <functional>

/// Writes one sample in Inspect's chunked layout (log version 3) into an archive being written: whole members
/// (`sample.json`, `metadata.json`, the sidecars) and sequences (`messages/`, `events/`, `calls/`, `attachments/`)
/// whose JSON list arrives in pieces, as a JsonOut writes it, and is cut into chunks named by their first index:
/// 1000 items a chunk, attachments by size (about 10 MiB), as Inspect's converter does. Streaming: one item is held
/// at a time.
class ChunkedLayout {
    Q_DECLARE_TR_FUNCTIONS(ChunkedLayout)

public:
    enum class Policy {
        Count, ///< `chunkItems` items a chunk
        Bytes ///< items packed up to `chunkBytes` a chunk; a larger item gets a chunk of its own
    };
    /// Told of each item of a sequence as it is written: its index and JSON.
    using ItemSeen = std::function<void(qint64 index, const QByteArray& item)>;

    static constexpr int defaultChunkItems = 1000;
    static constexpr qint64 defaultChunkBytes = 10LL << 20;

    /// `prefix`: `samples/{id}_epoch_{epoch}`.
    ChunkedLayout(ZipStreamWriter& zip, QString prefix, int chunkItems = defaultChunkItems,
        qint64 chunkBytes = defaultChunkBytes);

    /// A whole member under the sample's folder (`sample.json`, `events/stats.json`).
    bool member(const QString& name, const QByteArray& bytes);

    /// Starts sequence `name`: the bytes of one JSON list follow through feed().
    void beginSequence(const QString& name, Policy policy, ItemSeen seen = {});
    bool feed(const QByteArray& bytes);
    /// The list must have closed; its last chunk is written.
    bool endSequence();
    /// Items of the sequence so far.
    qint64 items() const { return m_items; }
    /// The first index of each chunk of the sequence so far, in order.
    const std::vector<qint64>& chunkStarts() const { return m_starts; }

    QString errorString() const { return m_error; }

private:
    bool finishItem();
    bool closeChunk();
    bool fail(const QString& message);

    ZipStreamWriter& m_zip;
    QString m_prefix;
    int m_chunkItems;
    qint64 m_chunkBytes;

    QString m_sequence;
    Policy m_policy = Policy::Count;
    ItemSeen m_seen;
    int m_depth = 0;
    bool m_inString = false;
    bool m_escaped = false;
    bool m_closed = false;
    QByteArray m_item;
    qint64 m_items = 0;
    bool m_inChunk = false;
    qint64 m_inThisChunk = 0;
    qint64 m_bytesThisChunk = 0;
    std::vector<qint64> m_starts;
    QString m_error;
};
