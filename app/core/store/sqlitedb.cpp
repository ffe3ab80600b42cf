// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sqlitedb.h"

#include <QStringEncoder>
#include <QUrl>
#include <cmath>
#include <limits>
#include <sqlite3.h>

SqliteDb::~SqliteDb()
{
    close();
}

bool SqliteDb::open(const QString& path, bool readOnly)
{
    // SQLite counts its memory under a global mutex on every allocation unless told not to, before its first
    // use: nothing here reads those counts. (Refused, harmlessly, when another part of the process started
    // SQLite first.)
    static const bool countless = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(countless);
    close();
    const int flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        return false;
    sqlite3_busy_timeout(m_db, 10000);
    return true;
}

bool SqliteDb::openReadOnly(const QString& path, bool immutable)
{
    close();
    // In a URI, '?', '#' and '%' of the path would be read as its syntax.
    const QByteArray uri
        = "file:" + QUrl::toPercentEncoding(path, "/") + "?mode=ro" + (immutable ? "&immutable=1" : "");
    if (sqlite3_open_v2(uri.constData(), &m_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK)
        return false;
    sqlite3_busy_timeout(m_db, 10000);
    return true;
}

bool SqliteDb::isReadOnly() const
{
    return m_db && sqlite3_db_readonly(m_db, "main") == 1;
}

void SqliteDb::setStop(std::function<bool()> stop)
{
    m_stop = std::move(stop);
    if (m_db)
        sqlite3_progress_handler(m_db, m_stop ? 4096 : 0, m_stop ? &SqliteDb::askStop : nullptr, this);
}

int SqliteDb::askStop(void* db)
{
    return static_cast<SqliteDb*>(db)->m_stop() ? 1 : 0;
}

bool SqliteDb::wasInterrupted() const
{
    return m_db && sqlite3_errcode(m_db) == SQLITE_INTERRUPT;
}

void SqliteDb::close()
{
    if (m_db) {
        while (!m_beforeClose.empty()) {
            const std::function<void()> release = std::move(m_beforeClose.back());
            m_beforeClose.pop_back();
            release();
        }
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

QString SqliteDb::errorString() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("database not open");
}

int SqliteDb::errorCode() const
{
    return m_db ? sqlite3_errcode(m_db) & 0xff : SQLITE_CANTOPEN;
}

bool SqliteDb::exec(const char* sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

qint64 SqliteDb::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr))
    , m_failed(other.m_failed)
    , m_texts(std::move(other.m_texts))
    , m_arrays(std::move(other.m_arrays))
{
}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept
{
    std::swap(m_statement, other.m_statement);
    std::swap(m_failed, other.m_failed);
    std::swap(m_texts, other.m_texts);
    std::swap(m_arrays, other.m_arrays);
    return *this;
}

bool SqliteStatement::prepare(SqliteDb& db, const char* sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_failed = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr) != SQLITE_OK;
    // Parameters count from 1.
    const size_t parameters = size_t(sqlite3_bind_parameter_count(m_statement)) + 1;
    m_texts.assign(parameters, std::string());
    m_arrays.assign(parameters, QByteArray());
    return !m_failed;
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind(int index, double value)
{
    if (std::isnan(value))
        sqlite3_bind_null(m_statement, index);
    else
        sqlite3_bind_double(m_statement, index, value);
}

std::string& SqliteStatement::textBuffer(int index)
{
    // Sized when prepared, never resized: a short string lives inside its std::string, which must not move while
    // SQLite points at it. An index out of range gets a spare, and SQLite refuses the binding.
    return index > 0 && size_t(index) < m_texts.size() ? m_texts[size_t(index)] : m_spareText;
}

const QByteArray& SqliteStatement::hold(int index, const QByteArray& data)
{
    QByteArray& held = index > 0 && size_t(index) < m_arrays.size() ? m_arrays[size_t(index)] : m_spareArray;
    return held = data;
}

void SqliteStatement::bind(int index, const QString& value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    // UTF-8 takes at most three bytes for each UTF-16 unit.
    std::string& text = textBuffer(index);
    text.resize(size_t(value.size()) * 3);
    QStringEncoder encoder(QStringEncoder::Utf8);
    const char* end = encoder.appendToBuffer(text.data(), value);
    sqlite3_bind_text(m_statement, index, text.data(), int(end - text.data()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, const QByteArray& value)
{
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    const QByteArray& held = hold(index, value);
    sqlite3_bind_text(m_statement, index, held.constData(), int(held.size()), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, std::string_view value)
{
    std::string& text = textBuffer(index);
    text.assign(value);
    sqlite3_bind_text(m_statement, index, text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindBlob(int index, const QByteArray& data)
{
    const QByteArray& held = hold(index, data);
    sqlite3_bind_blob(m_statement, index, held.constData(), int(held.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_statement, index);
}

bool SqliteStatement::step()
{
    const int status = sqlite3_step(m_statement);
    if (status == SQLITE_ROW)
        return true;
    m_failed = status != SQLITE_DONE;
    return false;
}

bool SqliteStatement::exec()
{
    step();
    const bool ok = !m_failed;
    reset();
    return ok;
}

void SqliteStatement::reset()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

double SqliteStatement::real(int column) const
{
    if (isNull(column))
        return std::numeric_limits<double>::quiet_NaN();
    return sqlite3_column_double(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::bytes(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    if (!data)
        return {};
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_statement, column)) : QByteArray();
}
