// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "filteroptions.h"

#include "store/postgresdb.h"
#include "store/store.h"
#include "store/storecopier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("copy", text);
}

/// Whether two locations name the same store: the same SQLite file, or the same text of a PostgreSQL location.
bool sameStore(const QString& a, const QString& b)
{
    if (PostgresDb::isLocation(a) || PostgresDb::isLocation(b))
        return a == b;
    const QFileInfo first(a);
    const QFileInfo second(b);
    return first.exists() && second.exists() ? first.canonicalFilePath() == second.canonicalFilePath()
                                             : first.absoluteFilePath() == second.absoluteFilePath();
}
}

int runCopyCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Copies the runs of one store into another, SQLite or PostgreSQL either way: a team's runs onto a laptop, "
           "or a local import to the team. Each log file is copied whole, in one transaction; a file already there "
           "(by its content) is skipped. Without filters every file is copied; with them, the files holding a sample "
           "they keep, and the files --file names."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("from"),
        tr("The store to copy from: a SQLite file, or postgresql://USER@HOST:PORT/DB (or host=/socket/dir "
           "dbname=DB)."),
        QStringLiteral("STORE") });
    parser.addOption({ QStringLiteral("to"),
        tr("The store to copy into: a SQLite file (made when missing), or postgresql://USER@HOST:PORT/DB (the "
           "password from PGPASSFILE or PGPASSWORD; its tables are made when missing)."),
        QStringLiteral("STORE") });
    addFilterOptions(parser);
    parser.addOption({ QStringLiteral("file"),
        tr("Also the log file of this path or content hash, as `runs` lists it (repeatable)."),
        QStringLiteral("PATH|HASH") });
    parser.process(arguments);
    QTextStream err(stderr);
    const QString from = parser.value(QStringLiteral("from"));
    const QString to = parser.value(QStringLiteral("to"));
    if (from.isEmpty() || to.isEmpty()) {
        err << tr("copy: --from and --to are both needed\n");
        return 2;
    }
    if (sameStore(from, to)) {
        err << tr("copy: --from and --to are the same store\n");
        return 2;
    }
    SampleFilter filter;
    QString error;
    if (!readFilter(parser, &filter, &error)) {
        err << error << '\n';
        return unknownValueExit;
    }
    Store source;
    if (!source.open(from, Store::OpenMode::Existing)) {
        err << source.errorString() << '\n';
        return 1;
    }
    StoreCopier::Selection selection;
    for (const QString& file : parser.values(QStringLiteral("file")))
        selection.files << file.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!filter.isEmpty()) {
        const std::vector<SampleRow> samples = source.samples();
        error = filter.check(samples);
        if (!error.isEmpty()) {
            err << error << '\n';
            return unknownValueExit;
        }
        selection.runs.emplace();
        for (const SampleRow& sample : filter.apply(samples))
            selection.runs->insert(sample.runId);
    }
    StoreCopier copier(source);
    error = copier.select(selection);
    if (!error.isEmpty()) {
        err << error << '\n';
        return unknownValueExit;
    }
    Store target;
    if (!target.open(to, Store::OpenMode::Create)) {
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
            out << tr("copied %1: %2 samples, %3 events, %4 MB of rows in %5 s\n")
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
    if (!copier.copyInto(target, report, &error)) {
        err << error << '\n';
        return 1;
    }
    out << tr("%1 files copied, %2 already there, %3 failed, in %4 s\n")
               .arg(copied)
               .arg(there)
               .arg(failed)
               .arg(double(clock.elapsed()) / 1000, 0, 'f', 2);
    return failed > 0 ? 1 : 0;
}
