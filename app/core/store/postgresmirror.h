// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>

class PostgresDb;
class SqliteDb;

/// Copies rows of a store on PostgreSQL into a SQLite store, their ids kept, so that the readers written for SQLite
/// (transcript pages, conversations, attachments, pooled inputs: one decoder of chunks) read them unchanged. Rows are
/// fetched through a cursor a page at a time and written in one SQLite transaction: nothing is held whole.
class PostgresMirror {
public:
    PostgresMirror(PostgresDb& from, SqliteDb& to);

    /// One sample's transcript (events, messages, chunks, attachments, model calls, steps) with its sample, run and
    /// file rows, read in one snapshot of the server. False with errorString() set; the SQLite store is left as it was.
    bool copySample(qint64 sampleId);
    QString errorString() const { return m_error; }

private:
    /// Copies `columns` of `table`'s rows that `where` ($1: `id`) selects, `pageRows` a fetch.
    bool copyTable(const char* table, const char* columns, const char* where, qint64 id, int pageRows);
    bool fail(const QString& error);

    PostgresDb& m_from;
    SqliteDb& m_to;
    QString m_error;
};
