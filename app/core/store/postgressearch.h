// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "attachmentresolver.h"
#include "chunkstore.h"
#include "records/storerows.h"

#include <functional>
#include <vector>

class PostgresDb;
class SearchQuery;

/// Full-text search in a store on PostgreSQL, with the query language of SQLite's (SearchQuery): GIN-indexed
/// tsvectors of the messages' and the samples' errors' texts (made by SearchQuery::tsvector as StoreCopier copies
/// them), a query translated by SearchQuery::tsquery(). Hits and snippets as MessageIndex gives them, snippets read
/// from the messages' chunks with the same decoder. Hits are ranked by ts_rank, not bm25: the same hits, in another
/// order.
class PostgresSearch {
public:
    explicit PostgresSearch(PostgresDb& db);

    /// As MessageIndex::find; `cancelled` is asked between snippets (a statement on the server runs to its end).
    SearchResult find(const SearchQuery& query, qint64 sampleId, int limit, const std::function<bool()>& cancelled);
    /// As MessageIndex::steps.
    std::vector<int> steps(const SearchQuery& query, qint64 sampleId);

private:
    /// The sample errors that match, best first, their snippet their whole text; m_error set on failure.
    std::vector<SearchHit> findErrors(const SearchQuery& query, qint64 sampleId, int limit);

    PostgresDb& m_db;
    ChunkReader m_chunks;
    AttachmentResolver m_attachments;
    QString m_error;
};
