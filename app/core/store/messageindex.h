// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "attachmentresolver.h"
#include "chunkstore.h"
#include "records/storerows.h"

#include <QCoreApplication>
#include <functional>
#include <vector>

class Checkpointer;
class SearchQuery;
class SqliteDb;

/// The full-text index of messages: building it, searching it, and taking a file's messages out of it. The
/// index keeps no text of its own; a message's text is rebuilt from its JSON and the sample's attachments.
/// An import only stores messages; they are indexed afterwards, by indexPending(), so a run can be browsed
/// before its transcripts are searchable.
class MessageIndex {
    Q_DECLARE_TR_FUNCTIONS(MessageIndex)

public:
    explicit MessageIndex(SqliteDb& db);

    /// indexPending() reads and indexes messages in batches of this many, the next batch read ahead on another thread.
    static constexpr int messagesPerBatch = 2000;
    /// indexPending() commits once it has indexed this many messages (or 32 MB of their text), then reports progress.
    static constexpr int messagesPerTransaction = 16000;

    /// Receives how many of the waiting messages are indexed; returning false stops after that batch.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// The searchable text of a stored message, attachments resolved.
    QString text(qint64 messageId);
    /// Messages stored but not yet indexed: searches do not find them.
    qint64 pendingCount();
    /// Indexes every waiting message, a batch per transaction, so a stop or a kill keeps what is done and the
    /// next call goes on from there. Must be called outside a transaction. False on a store error (errorString()).
    /// `checkpoints`: the one that checkpoints this connection, if any, to keep the WAL small between batches.
    bool indexPending(const Progress& progress = {}, Checkpointer* checkpoints = nullptr);
    QString errorString() const { return m_error; }
    /// The messages that match `query`, in the order they were stored, with snippets, after the samples whose error
    /// (message and traceback) matches it: such a hit has no message (messageId 0), its role says "sample error", and
    /// its step is the sample's error event, if its log has one. `sampleId` 0: every sample. `cancelled`, asked every
    /// few thousand steps of SQLite's work and between snippets, stops the search when it returns true.
    SearchResult find(
        const SearchQuery& query, qint64 sampleId = 0, int limit = 100, const std::function<bool()>& cancelled = {});
    /// find()'s hits for a user's `words` (see SearchQuery); none for words past its limits.
    std::vector<SearchHit> search(const QString& words, qint64 sampleId = 0, int limit = 100);
    /// Receives how many of a search's parts are done, of how many.
    using StepsProgress = std::function<void(int done, int parts)>;
    /// The steps of one sample whose messages match, in order, with the step of its error when that matches (no
    /// snippets). The sample's messages are gone through in `parts` ranges of their ids, `progress` told after each;
    /// `cancelled`, asked between them and every few thousand steps of SQLite's work, stops it with no steps.
    std::vector<int> steps(const SearchQuery& query, qint64 sampleId, const std::function<bool()>& cancelled = {},
        const StepsProgress& progress = {}, int parts = 1);
    /// Takes the messages of every sample imported from `fileId` out of the index (before they are deleted).
    bool removeFile(qint64 fileId);

    /// The searchable text of a message's JSON, its attachments resolved by `attachments` (set to its sample).
    static QString messageTextOf(QByteArray json, AttachmentResolver& attachments);
    /// The text around the first of `words` in `text`, that word in [brackets]; its start when none is in it.
    static QString snippet(const QString& text, const QStringList& words);
    /// The sample errors found (`errors`, their snippet their whole text) before the messages found (`hits`, with
    /// snippets), at most `limit` in all, as find() returns them.
    static std::vector<SearchHit> errorsFirst(
        std::vector<SearchHit> errors, std::vector<SearchHit> hits, const QStringList& words, int limit);

private:
    /// Where a waiting message's JSON lies.
    struct Waiting {
        qint64 id;
        qint64 sampleId;
        qint64 chunk;
        int slot;
        bool operator==(const Waiting&) const = default;
    };

    QString text(qint64 sampleId, qint64 chunk, int slot);
    /// Of the indexed messages `ids`, those whose text matches `query` with its phrases, ascending: the index keeps no
    /// positions, so it finds a phrase's words anywhere in a message (SearchQuery::wordsMatch()). Sets m_error when
    /// the texts cannot be searched.
    std::vector<qint64> withPhrases(const SearchQuery& query, std::vector<qint64> ids);
    /// The samples whose error matches `query`, best first: a hit each, with the step of its error event (-1: none)
    /// and its error's whole text as its snippet. Sets m_error on a store error.
    std::vector<SearchHit> findErrors(const SearchQuery& query, qint64 sampleId, int limit);
    qint64 indexedThrough();
    /// Up to `count` messages after `id`, in order. Sets m_error on a store error.
    std::vector<Waiting> waiting(qint64 id, int count);
    /// The texts of the first of `messages` in UTF-8, as FTS5 takes them, read with a connection of its own to the
    /// store at `path`: as many as fit in about `bytes`; none on an error.
    static std::vector<QByteArray> texts(const QString& path, const std::vector<Waiting>& messages, qsizetype bytes);

    SqliteDb& m_db;
    SqliteStatement m_placeOf; ///< a message's chunk and slot, by its id: text() is asked once a message
    ChunkReader m_reader;
    AttachmentResolver m_resolver;
    QString m_error;
};
