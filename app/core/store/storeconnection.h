// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "postgresstore.h"
#include "sqlitedb.h"
#include "store.h"

/// The SQLite connection behind a Store, for the store's own classes and the tests that check what it wrote.
/// Nothing outside app/core/store and tests includes this header.
struct StoreConnection {
    static SqliteDb& of(Store& store) { return *store.m_db; }
    /// The store on PostgreSQL behind a Store, or null for a SQLite store.
    static PostgresStore* postgresOf(Store& store) { return store.m_postgres.get(); }
    /// The connection sample `sampleId`'s transcript is read through: on PostgreSQL, that of its copy (see
    /// PostgresStore::transcriptStore), or an unopened one whose reads find nothing when it cannot be copied.
    static SqliteDb& ofTranscript(Store& store, qint64 sampleId)
    {
        Store* copy = store.m_postgres ? store.m_postgres->transcriptStore(sampleId) : nullptr;
        return copy ? *copy->m_db : *store.m_db;
    }
};
