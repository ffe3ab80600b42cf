#include "commands.h"
#include "storeoption.h"

#include "store/importer.h"
#include "store/messageindex.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <sys/resource.h>
#include <unistd.h>

namespace {
/// Processor time of the whole process so far, all its threads: what a step would take on one core.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& time) { return double(time.tv_sec) + double(time.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}
}

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("import", text);
}
}

int runImportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Imports Inspect eval logs (.eval, .json) into the store. Folders are "
                                        "searched recursively. A file imported before with the same content is "
                                        "skipped; a changed file replaces its earlier rows."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("solved-threshold"),
        tr("A sample is solved when its score reaches this value (default 1.0; \"C\" counts as 1)."),
        QStringLiteral("VALUE") });
    parser.addOption({ QStringLiteral("program-key"), tr("Sample metadata key holding the program (repeatable)."),
        QStringLiteral("KEY") });
    parser.addOption({ QStringLiteral("tier-key"), tr("Sample metadata key holding the size tier (repeatable)."),
        QStringLiteral("KEY") });
    parser.addOption({ QStringLiteral("language-key"), tr("Sample metadata key holding the language (repeatable)."),
        QStringLiteral("KEY") });
    parser.addOption({ QStringLiteral("quiet"), tr("No progress line.") });
    parser.addOption({ QStringLiteral("report-peak-memory"), tr("Print the peak resident memory at the end.") });
    parser.addPositionalArgument(QStringLiteral("PATH"), tr("Log files or folders."), QStringLiteral("PATH..."));
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().isEmpty()) {
        err << tr("runlens-cli import: name at least one file or folder\n");
        return 2;
    }
    ImportOptions options;
    if (parser.isSet(QStringLiteral("solved-threshold")))
        options.solvedThreshold = parser.value(QStringLiteral("solved-threshold")).toDouble();
    if (parser.isSet(QStringLiteral("program-key")))
        options.programKeys = parser.values(QStringLiteral("program-key"));
    if (parser.isSet(QStringLiteral("tier-key")))
        options.tierKeys = parser.values(QStringLiteral("tier-key"));
    if (parser.isSet(QStringLiteral("language-key")))
        options.languageKeys = parser.values(QStringLiteral("language-key"));

    Store store;
    if (!openStore(store, parser))
        return 1;
    QStringList missing;
    const QStringList files = Importer::collectFiles(parser.positionalArguments(), &missing);
    for (const QString& path : missing)
        err << tr("%1: no such file or folder\n").arg(path);

    Importer importer(store, options);
    importer.setSharedTransactions(true);
    // A progress line only where someone watches it: a log file gets the summary lines alone.
    const bool quiet = parser.isSet(QStringLiteral("quiet")) || !isatty(STDERR_FILENO);
    int imported = 0, skipped = 0, failed = 0;
    qint64 bytes = 0;
    QElapsedTimer clock;
    clock.start();
    double cpuAtStart = cpuSeconds();
    // Files reported imported before, whose shared transaction was lost: they failed after all.
    const auto countLost = [&](const QStringList& lost, const QString& why) {
        for (const QString& path : lost)
            err << tr("failed %1: %2\n").arg(path, why);
        imported -= int(lost.size());
        failed += int(lost.size());
    };
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString& path = files.at(i);
        const QString counter = QStringLiteral("[%1/%2]").arg(i + 1).arg(files.size());
        bool shown = false;
        const ImportResult result = importer.importFile(path, [&](qint64 done, qint64 total) {
            if (!quiet && total > 0) {
                err << '\r' << counter << ' ' << int(100.0 * double(done) / double(total)) << "% " << path << Qt::flush;
                shown = true;
            }
            return true;
        });
        if (shown)
            err << '\r' << QString(counter.size() + path.size() + 6, QLatin1Char(' ')) << '\r' << Qt::flush;
        switch (result.status) {
        case ImportResult::Imported:
            ++imported;
            bytes += result.bytes;
            out << tr("imported %1: %2 samples, %3 events, %4 messages\n")
                       .arg(path)
                       .arg(result.samples)
                       .arg(result.events)
                       .arg(result.messages);
            break;
        case ImportResult::Skipped:
            ++skipped;
            out << tr("skipped %1: already imported\n").arg(path);
            break;
        case ImportResult::Failed:
        case ImportResult::Cancelled:
            ++failed;
            err << tr("failed %1: %2\n").arg(path, result.error);
            break;
        }
        for (const QString& warning : result.warnings)
            err << tr("warning %1: %2\n").arg(path, warning);
        countLost(result.lostFiles, result.lostError);
    }
    QString commitError;
    QStringList lost;
    if (!importer.commit(&commitError, &lost))
        countLost(lost, commitError);
    out << tr("%1 imported, %2 skipped, %3 failed (%4 MB in %5 s, %6 s of processor time) into %7\n")
               .arg(imported)
               .arg(skipped)
               .arg(failed)
               .arg(double(bytes) / 1e6, 0, 'f', 1)
               .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)
               .arg(cpuSeconds() - cpuAtStart, 0, 'f', 2)
               .arg(store.path());
    // The imported runs are browsable from here on; their messages become searchable once indexed.
    MessageIndex index(store.db());
    const qint64 pending = index.pendingCount();
    if (pending > 0) {
        clock.restart();
        cpuAtStart = cpuSeconds();
        const auto indexProgress = [&](qint64 done, qint64 total) {
            if (!quiet)
                err << '\r' << tr("indexing for search: %1%").arg(int(100.0 * double(done) / double(total))) << Qt::flush;
            return true;
        };
        const bool indexed = index.indexPending(indexProgress, importer.checkpointer());
        if (!quiet)
            err << '\r' << QString(30, QLatin1Char(' ')) << '\r' << Qt::flush;
        if (!indexed) {
            err << tr("cannot index the messages for search: %1 (the next import goes on from where this stopped)\n")
                       .arg(index.errorString());
            return 1;
        }
        out << tr("indexed %1 messages for search in %2 s (%3 s of processor time)\n")
                   .arg(pending)
                   .arg(double(clock.elapsed()) / 1000.0, 0, 'f', 2)
                   .arg(cpuSeconds() - cpuAtStart, 0, 'f', 2);
    }
    if (parser.isSet(QStringLiteral("report-peak-memory"))) {
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        out << tr("peak memory: %1 MB\n").arg(double(usage.ru_maxrss) / 1024.0, 0, 'f', 1);
    }
    return failed > 0 || !missing.isEmpty() ? 1 : 0;
}
