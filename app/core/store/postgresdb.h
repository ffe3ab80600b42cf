// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <vector>

struct pg_conn;
struct pg_result;

/// The rows of one PostgreSQL statement, in text form, freed with it.
class PostgresResult {
public:
    PostgresResult() = default;
    explicit PostgresResult(pg_result* result)
        : m_result(result)
    {
    }
    ~PostgresResult();
    PostgresResult(const PostgresResult&) = delete;
    PostgresResult& operator=(const PostgresResult&) = delete;
    PostgresResult(PostgresResult&& other) noexcept;
    PostgresResult& operator=(PostgresResult&& other) noexcept;

    /// True when the statement ran (with or without rows).
    bool ok() const;
    QString errorString() const;
    int rows() const;
    bool isNull(int row, int column) const;
    qint64 integer(int row, int column) const; ///< NULL reads as 0
    double real(int row, int column) const; ///< NULL reads as NaN
    QString text(int row, int column) const; ///< NULL reads as a null QString
    QByteArray bytes(int row, int column) const; ///< the text as sent, UTF-8
    /// The text as sent, where the result keeps it (until it is freed), and its length in bytes.
    const char* data(int row, int column) const;
    int length(int row, int column) const;
    /// A bytea column, decoded from PostgreSQL's hex form.
    QByteArray blob(int row, int column) const;
    int columns() const;
    /// How a column's values are read back: as integers, reals, bytea or text (by its type).
    enum class Kind { Integer, Real, Bytes, Text };
    Kind kind(int column) const;

private:
    pg_result* m_result = nullptr;
};

/// A PostgreSQL connection through libpq, the server's own client library: it speaks COPY, which loads rows several
/// times faster than batched INSERTs (see the README's team store section), and prepared statements with text
/// parameters. Qt's QPSQL driver wraps the same library but offers no COPY.
class PostgresDb {
public:
    PostgresDb() = default;
    ~PostgresDb();
    PostgresDb(const PostgresDb&) = delete;
    PostgresDb& operator=(const PostgresDb&) = delete;

    /// True when `location` names a PostgreSQL database: a postgresql:// (or postgres://) URI, or libpq's
    /// `key=value` form (`host=/socket/dir dbname=runlens`).
    static bool isLocation(const QString& location);
    /// Connects. A password is never part of `location` as Runlens is given it: libpq reads it from PGPASSFILE
    /// (~/.pgpass) or PGPASSWORD.
    bool open(const QString& location);
    void close();
    bool isOpen() const { return m_conn != nullptr; }
    QString errorString() const { return m_error; }

    /// Runs one or more statements without parameters; false with errorString() set on error.
    bool exec(const char* sql);
    /// Runs one statement with text parameters (NULL for a null QByteArray) and returns its rows.
    PostgresResult query(const char* sql, const std::vector<QByteArray>& parameters = {});
    /// Prepares `sql` as the named statement of this connection.
    bool prepare(const char* name, const char* sql);
    PostgresResult execPrepared(const char* name, const std::vector<QByteArray>& parameters);

    /// COPY in: beginCopy("COPY t (a, b) FROM STDIN"), then rows in COPY's text format (copyField, copyNull, with
    /// tabs and newlines between) given to putCopyData, then endCopy. False with errorString() set on error.
    bool beginCopy(const char* sql);
    bool putCopyData(const QByteArray& data);
    bool endCopy();
    /// Appends `value` to a COPY text row, escaped.
    static void copyText(QByteArray& row, const char* data, qsizetype size);
    /// Appends `data` as a bytea value of a COPY text row.
    static void copyBytea(QByteArray& row, const char* data, qsizetype size);
    static void copyNull(QByteArray& row) { row += "\\N"; }

private:
    bool check(PostgresResult& result);

    pg_conn* m_conn = nullptr;
    QString m_error;
};
