// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "storeoption.h"

#include "store/store.h"
#include "workflow/importsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>
#include <sys/resource.h>
#include <unistd.h>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("import", text);
}
void addImportOptions(QCommandLineParser& parser)
{
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
}

/// What an import prints as it goes: a progress line where someone watches, a line a file, the summaries.
class ImportPrinter {
public:
    ImportPrinter(QTextStream& out, QTextStream& err, bool quiet)
        : m_out(out)
        , m_err(err)
        , m_quiet(quiet)
    {
    }

    void clearProgress()
    {
        if (!m_progressLine.isEmpty())
            m_err << '\r' << QString(m_progressLine.size(), QLatin1Char(' ')) << '\r' << Qt::flush;
        m_progressLine.clear();
    }

    ImportSession::Callbacks callbacks(const QStringList& files, const QString& storePath)
    {
        ImportSession::Callbacks callbacks;
        callbacks.fileProgress = [this, files](qsizetype index, qsizetype count, qint64 done, qint64 total) {
            if (total > 0)
                showProgress(QStringLiteral("[%1/%2] %3% %4")
                                 .arg(index + 1)
                                 .arg(count)
                                 .arg(int(100.0 * double(done) / double(total)))
                                 .arg(files[index]));
            return true;
        };
        callbacks.fileDone = [this](qsizetype, const ImportResult& result) { printResult(result); };
        callbacks.filesLost = [this](const QStringList& lost, const QString& why) { printLost(lost, why); };
        callbacks.filesStored = [this, storePath](const ImportSummary& summary) {
            m_out << tr("%1 imported, %2 skipped, %3 failed (%4 MB in %5 s, %6 s of processor time) into %7\n")
                         .arg(summary.imported)
                         .arg(summary.skipped)
                         .arg(summary.failed)
                         .arg(double(summary.bytes) / 1e6, 0, 'f', 1)
                         .arg(summary.storeSeconds, 0, 'f', 2)
                         .arg(summary.storeCpuSeconds, 0, 'f', 2)
                         .arg(storePath);
            // The imported runs are browsable from here on; their messages become searchable once indexed.
            m_out.flush();
        };
        callbacks.indexProgress = [this](qint64 done, qint64 total) {
            showProgress(tr("indexing for search: %1%").arg(int(100.0 * double(done) / double(total))));
            return true;
        };
        return callbacks;
    }

private:
    void showProgress(const QString& line)
    {
        if (m_quiet)
            return;
        m_err << '\r' << line << Qt::flush;
        m_progressLine = line;
    }

    void printLost(const QStringList& lost, const QString& why)
    {
        for (const QString& path : lost)
            m_err << tr("failed %1: %2\n").arg(path, why);
    }

    void printResult(const ImportResult& result)
    {
        clearProgress();
        switch (result.status) {
        case ImportResult::Imported:
            m_out << tr("imported %1: %2 samples, %3 events, %4 messages")
                         .arg(result.path)
                         .arg(result.samples)
                         .arg(result.events)
                         .arg(result.messages - result.sharedMessages);
            if (result.sharedMessages > 0 || result.differingMessages > 0)
                m_out << tr(" (%1 both in the pool and in the final conversation, stored once; %2 with one id and two "
                            "contents, both kept)")
                             .arg(result.sharedMessages)
                             .arg(result.differingMessages);
            m_out << '\n';
            break;
        case ImportResult::Skipped:
            m_out << tr("skipped %1: already imported\n").arg(result.path);
            break;
        case ImportResult::Failed:
        case ImportResult::Cancelled:
            m_err << tr("failed %1: %2\n").arg(result.path, result.error);
            break;
        }
        for (const QString& warning : result.warnings)
            m_err << tr("warning %1: %2\n").arg(result.path, warning);
        printLost(result.lostFiles, result.lostError);
    }

    QTextStream& m_out;
    QTextStream& m_err;
    bool m_quiet;
    QString m_progressLine;
};
}

int runImportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    addImportOptions(parser);
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

    QStringList missing;
    const QStringList files = Importer::collectFiles(parser.positionalArguments(), &missing);
    for (const QString& path : missing)
        err << tr("%1: no such file or folder\n").arg(path);
    // A folder without a log in it is most likely the wrong folder: said, and the import is not a success.
    bool emptyFolder = false;
    for (const QString& path : parser.positionalArguments()) {
        if (QFileInfo(path).isDir() && Importer::collectFiles({ path }).isEmpty()) {
            err << tr("no Inspect logs found in %1 (looked for .eval and .json files in it and its folders)\n")
                       .arg(path);
            emptyFolder = true;
        }
    }
    if (files.isEmpty())
        return 1;

    Store store;
    if (!openStore(store, parser, Store::OpenMode::Create))
        return 1;

    // A progress line only where someone watches it: a log file gets the summary lines alone.
    ImportPrinter printer(out, err, parser.isSet(QStringLiteral("quiet")) || !isatty(STDERR_FILENO));
    const ImportSession::Callbacks callbacks = printer.callbacks(files, store.path());
    ImportSession session(store, options);
    const ImportSummary summary = session.run(files, callbacks);
    printer.clearProgress();
    if (!summary.indexError.isEmpty()) {
        err << tr("cannot index the messages for search: %1 (the next import goes on from where this stopped)\n")
                   .arg(summary.indexError);
        return 1;
    }
    if (summary.indexed > 0) {
        out << tr("indexed %1 messages for search in %2 s (%3 s of processor time)\n")
                   .arg(summary.indexed)
                   .arg(summary.indexSeconds, 0, 'f', 2)
                   .arg(summary.indexCpuSeconds, 0, 'f', 2);
    }
    if (summary.anatomies > 0) {
        out << tr("read the anatomy of %1 long samples in %2 s (%3 s of processor time, beside the index) and kept "
                  "it in the store\n")
                   .arg(summary.anatomies)
                   .arg(summary.anatomySeconds, 0, 'f', 2)
                   .arg(summary.anatomyCpuSeconds, 0, 'f', 2);
    }
    if (!summary.anatomyError.isEmpty())
        err << tr("cannot keep the anatomy of the long samples: %1 (each is read when first asked for)\n")
                   .arg(summary.anatomyError);
    if (const qint64 older = store.filesWithMessagesTwice(); older > 0)
        out << tr("files of the store imported before messages were stored once, which keep each message of both "
                  "the pool and the final conversation twice: %1 (importing them again stores each once)\n")
                   .arg(older);
    if (parser.isSet(QStringLiteral("report-peak-memory"))) {
        rusage usage {};
        getrusage(RUSAGE_SELF, &usage);
        out << tr("peak memory: %1 MB\n").arg(double(usage.ru_maxrss) / 1024.0, 0, 'f', 1);
    }
    return summary.failed > 0 || !missing.isEmpty() || emptyFolder ? 1 : 0;
}
