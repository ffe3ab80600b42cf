// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "postgresdb.h"

#include <QCoreApplication>
#include <cmath>
#include <libpq-fe.h>
#include <limits>

PostgresResult::~PostgresResult()
{
    PQclear(m_result);
}

PostgresResult::PostgresResult(PostgresResult&& other) noexcept
    : m_result(other.m_result)
{
    other.m_result = nullptr;
}

PostgresResult& PostgresResult::operator=(PostgresResult&& other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = other.m_result;
        other.m_result = nullptr;
    }
    return *this;
}

bool PostgresResult::ok() const
{
    if (!m_result)
        return false;
    const ExecStatusType status = PQresultStatus(m_result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

QString PostgresResult::errorString() const
{
    return m_result ? QString::fromUtf8(PQresultErrorMessage(m_result)).trimmed() : QString();
}

int PostgresResult::rows() const
{
    return ok() ? PQntuples(m_result) : 0;
}

bool PostgresResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result, row, column) != 0;
}

qint64 PostgresResult::integer(int row, int column) const
{
    return isNull(row, column) ? 0 : std::strtoll(PQgetvalue(m_result, row, column), nullptr, 10);
}

double PostgresResult::real(int row, int column) const
{
    if (isNull(row, column))
        return std::numeric_limits<double>::quiet_NaN();
    return bytes(row, column).toDouble();
}

QString PostgresResult::text(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

QByteArray PostgresResult::bytes(int row, int column) const
{
    if (isNull(row, column))
        return {};
    return QByteArray(PQgetvalue(m_result, row, column), PQgetlength(m_result, row, column));
}

const char* PostgresResult::data(int row, int column) const
{
    return PQgetvalue(m_result, row, column);
}

int PostgresResult::length(int row, int column) const
{
    return PQgetlength(m_result, row, column);
}

QByteArray PostgresResult::blob(int row, int column) const
{
    if (isNull(row, column))
        return {};
    size_t length = 0;
    unsigned char* data
        = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(m_result, row, column)), &length);
    QByteArray decoded(reinterpret_cast<const char*>(data), qsizetype(length));
    PQfreemem(data);
    return decoded;
}

int PostgresResult::columns() const
{
    return ok() ? PQnfields(m_result) : 0;
}

PostgresResult::Kind PostgresResult::kind(int column) const
{
    // The type oids of pg_type.h, which libpq's headers do not include.
    switch (PQftype(m_result, column)) {
    case 20: // int8
    case 21: // int2
    case 23: // int4
        return Kind::Integer;
    case 700: // float4
    case 701: // float8
        return Kind::Real;
    case 17: // bytea
        return Kind::Bytes;
    default:
        return Kind::Text;
    }
}

PostgresDb::~PostgresDb()
{
    close();
}

bool PostgresDb::isLocation(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"))
        || location.contains(QLatin1String("host=")) || location.contains(QLatin1String("dbname="));
}

bool PostgresDb::open(const QString& location)
{
    close();
    m_conn = PQconnectdb(location.toUtf8().constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        close();
        return false;
    }
    // Text is UTF-8 both ways; the server's notices (a table already there, say) are not printed.
    PQsetNoticeProcessor(
        m_conn, [](void*, const char*) {}, nullptr);
    return exec("SET client_encoding = 'UTF8'; SET client_min_messages = warning;");
}

void PostgresDb::close()
{
    if (m_conn)
        PQfinish(m_conn);
    m_conn = nullptr;
}

bool PostgresDb::check(PostgresResult& result)
{
    if (result.ok())
        return true;
    m_error = m_conn ? QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()
                     : QCoreApplication::translate("Store", "not connected to PostgreSQL");
    return false;
}

bool PostgresDb::exec(const char* sql)
{
    if (!m_conn) {
        m_error = QCoreApplication::translate("Store", "not connected to PostgreSQL");
        return false;
    }
    PostgresResult result(PQexec(m_conn, sql));
    return check(result);
}

namespace {
struct Parameters {
    explicit Parameters(const std::vector<QByteArray>& values)
    {
        for (const QByteArray& value : values)
            pointers.push_back(value.isNull() ? nullptr : value.constData());
    }
    std::vector<const char*> pointers;
};
}

PostgresResult PostgresDb::query(const char* sql, const std::vector<QByteArray>& parameters)
{
    if (!m_conn)
        return {};
    const Parameters values(parameters);
    PostgresResult result(
        PQexecParams(m_conn, sql, int(parameters.size()), nullptr, values.pointers.data(), nullptr, nullptr, 0));
    check(result);
    return result;
}

bool PostgresDb::prepare(const char* name, const char* sql)
{
    if (!m_conn)
        return false;
    PostgresResult result(PQprepare(m_conn, name, sql, 0, nullptr));
    return check(result);
}

PostgresResult PostgresDb::execPrepared(const char* name, const std::vector<QByteArray>& parameters)
{
    if (!m_conn)
        return {};
    const Parameters values(parameters);
    PostgresResult result(
        PQexecPrepared(m_conn, name, int(parameters.size()), values.pointers.data(), nullptr, nullptr, 0));
    check(result);
    return result;
}

bool PostgresDb::beginCopy(const char* sql)
{
    if (!m_conn)
        return false;
    PGresult* raw = PQexec(m_conn, sql);
    const bool copying = PQresultStatus(raw) == PGRES_COPY_IN;
    const PostgresResult result(raw);
    if (copying)
        return true;
    m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return false;
}

bool PostgresDb::putCopyData(const QByteArray& data)
{
    if (PQputCopyData(m_conn, data.constData(), int(data.size())) == 1)
        return true;
    m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    return false;
}

bool PostgresDb::endCopy()
{
    if (PQputCopyEnd(m_conn, nullptr) != 1) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        return false;
    }
    // The COPY's own outcome, then nothing more.
    bool ok = true;
    while (PGresult* next = PQgetResult(m_conn)) {
        PostgresResult result(next);
        if (!result.ok()) {
            m_error = result.errorString();
            ok = false;
        }
    }
    return ok;
}

void PostgresDb::copyText(QByteArray& row, const char* data, qsizetype size)
{
    // Runs without a character to escape are appended whole.
    qsizetype plain = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        const char* escaped = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
        if (!escaped)
            continue;
        row.append(data + plain, i - plain);
        row += escaped;
        plain = i + 1;
    }
    row.append(data + plain, size - plain);
}

void PostgresDb::copyBytea(QByteArray& row, const char* data, qsizetype size)
{
    static const char digits[] = "0123456789abcdef";
    // bytea's hex form, its backslash escaped for COPY: \\x then two digits a byte.
    const qsizetype start = row.size();
    row.resize(start + 3 + 2 * size);
    char* out = row.data() + start;
    *out++ = '\\';
    *out++ = '\\';
    *out++ = 'x';
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(data[i]);
        *out++ = digits[byte >> 4];
        *out++ = digits[byte & 15];
    }
}
