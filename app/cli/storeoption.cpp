// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "storeoption.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QTextStream>

QCommandLineOption storeOption()
{
    return QCommandLineOption(QStringLiteral("db"),
        QCoreApplication::translate("cli",
            "The store: a SQLite file (default: %1), or a team store on PostgreSQL, "
            "postgresql://USER@HOST:PORT/DB (read only so far).")
            .arg(Store::defaultPath()),
        QStringLiteral("FILE"));
}

bool openStore(Store& store, const QCommandLineParser& parser, Store::OpenMode mode)
{
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : Store::defaultPath();
    if (store.open(path, mode))
        return true;
    QTextStream(stderr) << store.errorString() << '\n';
    return false;
}
