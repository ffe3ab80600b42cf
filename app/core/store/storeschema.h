#pragma once

class SqliteDb;
class QString;

/// Creates the store's tables in an empty database and migrates an older one forward.
class StoreSchema {
public:
    static constexpr int currentVersion = 3;
    /// Brings `db` to currentVersion; false with `error` set when it cannot (a newer store, say).
    static bool migrate(SqliteDb& db, QString* error);
    static int version(SqliteDb& db);
};
