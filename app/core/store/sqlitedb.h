// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

class SqliteStatement;

/// A SQLite connection. The store talks to SQLite directly rather than through Qt Sql: the importer binds
/// millions of rows, and prepared statements with unconverted UTF-8 text are several times faster than
/// QSqlQuery's QVariant round trips; FTS5 and application functions need the raw handle anyway.
class SqliteDb {
public:
    SqliteDb() = default;
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    bool open(const QString& path, bool readOnly = false);
    /// Opens the store at `path` for reading only, as a `file:` URI with `mode=ro`. `immutable`: SQLite takes the
    /// file as unchanging and neither locks it nor looks for its -wal and -shm files; only for a file on read-only
    /// media, where they cannot be made, and none is there to be read.
    bool openReadOnly(const QString& path, bool immutable);
    /// True when the connection cannot write its main database.
    bool isReadOnly() const;
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3* handle() const { return m_db; }
    QString errorString() const;
    /// SQLite's primary result code of the last call (SQLITE_READONLY, say).
    int errorCode() const;

    /// Runs one or more statements without results.
    bool exec(const char* sql);
    qint64 lastInsertId() const;

    /// Calls `release` when the connection closes, before SQLite is asked to close it, the last registered first.
    /// For what SQLite itself would free only once the connection is closed but which holds statements of it:
    /// a connection with statements left is never freed.
    void beforeClose(std::function<void()> release) { m_beforeClose.push_back(std::move(release)); }

    /// While set, SQLite asks `stop` every few thousand steps of its work, and a statement running when it returns
    /// true ends with SQLITE_INTERRUPT (wasInterrupted()). The handler is this connection's, on its thread.
    void setStop(std::function<bool()> stop);
    bool wasInterrupted() const;

private:
    static int askStop(void* db);

    sqlite3* m_db = nullptr;
    std::function<bool()> m_stop;
    std::vector<std::function<void()>> m_beforeClose;
};

/// A prepared statement. Bind with 1-based indexes, then step() through rows.
class SqliteStatement {
public:
    SqliteStatement() = default;
    SqliteStatement(SqliteDb& db, const char* sql) { prepare(db, sql); }
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;

    bool prepare(SqliteDb& db, const char* sql);
    bool isValid() const { return m_statement != nullptr; }

    void bind(int index, qint64 value);
    void bind(int index, int value) { bind(index, qint64(value)); }
    void bind(int index, double value); ///< NaN binds NULL
    // Text and bytes are kept by the statement until they are bound again or it is reset, and SQLite reads them
    // where they are: it would otherwise copy each into memory of its own, an allocation for every value.
    void bind(int index, const QString& value); ///< a null QString binds NULL
    void bind(int index, const QByteArray& value); ///< text; a null array binds NULL
    void bind(int index, std::string_view value); ///< text
    void bindBlob(int index, const QByteArray& data);
    void bindNull(int index);

    /// Steps once: true while a row is available. After the last row, or on error, false (see failed()).
    bool step();
    /// Runs a statement without rows and resets it; false on error.
    bool exec();
    void reset();
    bool failed() const { return m_failed; }

    int columnCount() const;
    bool isNull(int column) const;
    qint64 integer(int column) const;
    double real(int column) const; ///< NULL reads as NaN
    QString text(int column) const;
    QByteArray bytes(int column) const;
    QByteArray blob(int column) const;

private:
    /// The buffer text bound to parameter `index` is kept in, made once and reused.
    std::string& textBuffer(int index);
    /// Keeps a shared copy of `data` for parameter `index`.
    const QByteArray& hold(int index, const QByteArray& data);

    sqlite3_stmt* m_statement = nullptr;
    bool m_failed = false;
    std::vector<std::string> m_texts; ///< by parameter index, from 1
    std::vector<QByteArray> m_arrays; ///< by parameter index, from 1
    std::string m_spareText; ///< for an index out of range
    QByteArray m_spareArray;
};
