#pragma once

class SqliteDb;
class QString;

/// Creates the store's tables in an empty database and migrates an older one forward.
class StoreSchema {
public:
    static constexpr int currentVersion = 3;
    /// Brings `db` to `target` (currentVersion unless a test asks for an older store); false with `error` set
    /// when it cannot (a newer store, say).
    static bool migrate(SqliteDb& db, QString* error, int target = currentVersion);
    static int version(SqliteDb& db);
};
