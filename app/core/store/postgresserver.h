// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

/// A throwaway PostgreSQL server, for the tests and `bench store`: a cluster made with initdb in a temporary folder,
/// listening only on a Unix socket in that folder (no TCP), without fsync, stopped and removed on destruction.
/// PostgreSQL refuses to run as root: run as root, the server runs as the unprivileged user `nobody`, the folder given
/// to it.
class PostgresServer {
public:
    PostgresServer() = default;
    ~PostgresServer();
    PostgresServer(const PostgresServer&) = delete;
    PostgresServer& operator=(const PostgresServer&) = delete;

    /// Debian's server binaries (initdb, pg_ctl), newest version first; empty when none are installed.
    static QString binDirectory();
    /// Why no server can be started here: the server is not installed, and how to install it.
    static QString missingMessage();

    /// Makes the cluster and starts the server; false with errorString() set.
    bool start();
    QString errorString() const { return m_error; }
    /// Makes an empty database and returns its libpq location (`host=FOLDER dbname=NAME user=runlens`).
    QString createDatabase(const QString& name);
    /// Runs SQL in database `name` as the cluster's superuser; false with errorString() set.
    bool execute(const QString& name, const QString& sql);
    QString location(const QString& database) const;

private:
    /// Runs a server program, as `nobody` when this process is root; false with errorString() set.
    bool run(const QString& program, const QStringList& arguments);

    QTemporaryDir m_folder;
    QString m_bin;
    bool m_started = false;
    QString m_error;
};
