// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

class PostgresDb;
class QString;

/// The store's tables on PostgreSQL, in the version sequence of the SQLite store (StoreSchema): a PostgreSQL store
/// starts at version 8, the first one it exists for, and each later version of StoreSchema adds its step here too.
class PostgresSchema {
public:
    /// Advisory lock key (the bytes "runlens" as a number) taken while the schema is created or migrated, and while
    /// ids are reserved for a copy.
    static constexpr long long lockKey = 0x72756e6c656e73;
    /// Brings `db` to StoreSchema::currentVersion; false with `error` set when it cannot (a newer store, no right to
    /// create tables, say).
    static bool migrate(PostgresDb& db, QString* error);
    /// The version of the store in `db`: 0 when it has none yet, -1 when it cannot be read.
    static int version(PostgresDb& db);
};
