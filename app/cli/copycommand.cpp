// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"

#include "store/postgresdb.h"
#include "store/postgresstore.h"
#include "store/store.h"
#include "store/storecopier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("copy", text);
}
}

int runCopyCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Copies the runs of one store into another: from a SQLite store into a store on "
           "PostgreSQL, so far. A file already there (by its content) is skipped."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("from"), tr("The store to copy from: a SQLite file."), QStringLiteral("STORE") });
    parser.addOption({ QStringLiteral("to"),
        tr("The store to copy into: postgresql://USER@HOST:PORT/DB, or host=/socket/dir dbname=DB (the password "
           "from PGPASSFILE or PGPASSWORD). Its tables are made when missing."),
        QStringLiteral("STORE") });
    parser.process(arguments);
    QTextStream err(stderr);
    const QString from = parser.value(QStringLiteral("from"));
    const QString to = parser.value(QStringLiteral("to"));
    if (from.isEmpty() || to.isEmpty()) {
        err << tr("copy: --from and --to are both needed\n");
        return 2;
    }
    if (PostgresDb::isLocation(from) || !PostgresDb::isLocation(to)) {
        err << tr("copy: only from a SQLite store into PostgreSQL so far\n");
        return 2;
    }
    Store source;
    if (!source.open(from, Store::OpenMode::Existing)) {
        err << source.errorString() << '\n';
        return 1;
    }
    PostgresStore target;
    if (!target.open(to, true)) {
        err << target.errorString() << '\n';
        return 1;
    }
    QTextStream out(stdout);
    int copied = 0;
    int there = 0;
    int failed = 0;
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    const auto report = [&](const StoreCopier::Outcome& outcome) {
        const qint64 now = clock.elapsed();
        switch (outcome.kind) {
        case StoreCopier::Outcome::Kind::Copied:
            ++copied;
            out << tr("copied %1: %2 samples, %3 events, %4 MB sent in %5 s\n")
                       .arg(outcome.path)
                       .arg(outcome.samples)
                       .arg(outcome.events)
                       .arg(double(outcome.bytes) / 1e6, 0, 'f', 1)
                       .arg(double(now - last) / 1000, 0, 'f', 2);
            break;
        case StoreCopier::Outcome::Kind::AlreadyThere:
            ++there;
            out << tr("already there %1\n").arg(outcome.path);
            break;
        case StoreCopier::Outcome::Kind::Failed:
            ++failed;
            err << tr("failed %1: %2\n").arg(outcome.path, outcome.error);
            break;
        }
        out.flush();
        last = now;
    };
    QString error;
    if (!StoreCopier(source, target).copyAll(report, &error)) {
        err << from << ": " << error << '\n';
        return 1;
    }
    out << tr("%1 files copied, %2 already there, %3 failed, in %4 s\n")
               .arg(copied)
               .arg(there)
               .arg(failed)
               .arg(double(clock.elapsed()) / 1000, 0, 'f', 2);
    return failed > 0 ? 1 : 0;
}
