// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "postgresserver.h"

#include <QCollator>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <algorithm>
#include <pwd.h>
#include <unistd.h>

namespace {
const char* const unprivilegedUser = "nobody";

QString tr(const char* text)
{
    return QCoreApplication::translate("PostgresServer", text);
}
}

PostgresServer::~PostgresServer()
{
    if (m_started)
        run(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), m_folder.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop") });
}

QString PostgresServer::binDirectory()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(versions.begin(), versions.end(),
        [&numeric](const QString& a, const QString& b) { return numeric.compare(a, b) > 0; });
    for (const QString& version : versions) {
        QString bin = root.filePath(version + QStringLiteral("/bin"));
        if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable()
            && QFileInfo(bin + QStringLiteral("/pg_ctl")).isExecutable())
            return bin;
    }
    return {};
}

QString PostgresServer::missingMessage()
{
    return tr("the PostgreSQL server is not installed (no initdb in /usr/lib/postgresql/*/bin): "
              "`apt-get install postgresql` (./setup.sh test installs it)");
}

bool PostgresServer::run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = m_bin + QLatin1Char('/') + program;
    if (geteuid() == 0)
        process.start(QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), QString::fromLatin1(unprivilegedUser), QStringLiteral("--"), path }
                + arguments);
    else
        process.start(path, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = tr("%1 failed: %2").arg(program, process.errorString()) + QLatin1Char('\n')
            + QString::fromLocal8Bit(process.readAll());
        return false;
    }
    return true;
}

bool PostgresServer::start()
{
    m_bin = binDirectory();
    if (m_bin.isEmpty()) {
        m_error = missingMessage();
        return false;
    }
    if (!m_folder.isValid()) {
        m_error = tr("cannot make a temporary folder: %1").arg(m_folder.errorString());
        return false;
    }
    if (geteuid() == 0) {
        const passwd* user = getpwnam(unprivilegedUser);
        if (!user || chown(m_folder.path().toLocal8Bit().constData(), user->pw_uid, user->pw_gid) != 0) {
            m_error = tr("cannot give the server's folder to the user nobody");
            return false;
        }
    }
    const QString data = m_folder.filePath(QStringLiteral("data"));
    // No fsync: the cluster is thrown away.
    if (!run(QStringLiteral("initdb"),
            { QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("runlens"), QStringLiteral("-A"),
                QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                QStringLiteral("--no-sync") }))
        return false;
    const QString options
        = QStringLiteral("-k %1 -c listen_addresses='' -c fsync=off -c synchronous_commit=off").arg(m_folder.path());
    if (!run(QStringLiteral("pg_ctl"),
            { QStringLiteral("-D"), data, QStringLiteral("-l"), m_folder.filePath(QStringLiteral("server.log")),
                QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("start") }))
        return false;
    m_started = true;
    return true;
}

QString PostgresServer::location(const QString& database) const
{
    return QStringLiteral("host=%1 dbname=%2 user=runlens").arg(m_folder.path(), database);
}

bool PostgresServer::execute(const QString& name, const QString& sql)
{
    QProcess psql;
    psql.setProcessChannelMode(QProcess::MergedChannels);
    psql.start(m_bin + QStringLiteral("/psql"),
        { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
            QStringLiteral("-d"), location(name), QStringLiteral("-c"), sql });
    if (!psql.waitForFinished(60000) || psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
        m_error = tr("psql failed: %1").arg(QString::fromLocal8Bit(psql.readAll()));
        return false;
    }
    return true;
}

QString PostgresServer::createDatabase(const QString& name)
{
    if (!execute(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)))
        return {};
    return location(name);
}
