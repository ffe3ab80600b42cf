// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "guibenchmark.h"
#include "mainwindow.h"
#include "store/store.h"
#include "viewrender.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>
#include <QTranslator>

namespace {
void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QApplication::translate("main", "Runlens: explore Inspect AI eval runs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("store"),
        QApplication::translate("main", "The store file (default: %1).").arg(Store::defaultPath()),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("lang"),
        QApplication::translate("main", "Language, e.g. de (default: the system's)."), QStringLiteral("LANG") });
    parser.addOption({ QStringLiteral("render"),
        QApplication::translate("main",
            "Render a view offscreen instead of "
            "opening the window: main, runs, samples, outcomes, solve-rate, tier, program-size, cost-curve, pareto, "
            "cost-by-task, tokens, duration, paired, search, import, prices, replay, compare, rerun."),
        QStringLiteral("VIEW") });
    parser.addOption({ QStringLiteral("sample"), QApplication::translate("main", "The sample (store id) a view shows."),
        QStringLiteral("ID") });
    parser.addOption(
        { QStringLiteral("tests"), QApplication::translate("main", "The replay view shows its tests over time.") });
    parser.addOption({ QStringLiteral("sample2"),
        QApplication::translate("main", "The second sample of the compare view."), QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("step"),
        QApplication::translate("main", "The step (event number) a view starts at."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("suite"), QApplication::translate("main", "The test suite the rerun view runs."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("query"), QApplication::translate("main", "Words the search view looks for."),
        QStringLiteral("WORDS") });
    parser.addOption({ QStringLiteral("import"),
        QApplication::translate("main", "A file or folder the import view imports."), QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("benchmark"),
        QApplication::translate("main", "Measure start-up and filter changes on the store, then quit.") });
    parser.addOption({ QStringLiteral("palette"),
        QApplication::translate("main", "light or dark (default: the system's)."), QStringLiteral("NAME") });
    parser.addOption(
        { QStringLiteral("out"), QApplication::translate("main", "PNG file for --render."), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("size"),
        QApplication::translate("main",
            "Window size for --render, e.g. 1600x1000 "
            "(default: each view's own)."),
        QStringLiteral("WxH") });
}

ViewRenderOptions renderOptions(const QCommandLineParser& parser)
{
    ViewRenderOptions options;
    options.view = parser.value(QStringLiteral("render"));
    options.out = parser.value(QStringLiteral("out"));
    options.sample = parser.value(QStringLiteral("sample")).toLongLong();
    options.sample2 = parser.value(QStringLiteral("sample2")).toLongLong();
    if (parser.isSet(QStringLiteral("step")))
        options.step = parser.value(QStringLiteral("step")).toInt();
    options.tests = parser.isSet(QStringLiteral("tests"));
    options.query = parser.value(QStringLiteral("query"));
    options.importPath = parser.value(QStringLiteral("import"));
    options.suite = parser.value(QStringLiteral("suite"));
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    if (size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0)
        options.size = QSize(size[0].toInt(), size[1].toInt());
    return options;
}

/// True when the arguments ask for the usage or the version, which are answered without a window or a display.
bool asksForUsage(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char* option : { "-h", "--help", "-?", "--help-all", "-v", "--version" }) {
            if (qstrcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

/// Opens the store the options name, telling the user when it cannot: on stderr for a render, in a box otherwise.
bool openStore(Store& store, const QCommandLineParser& parser)
{
    // A store named is opened as it is (read-only where it cannot be written); the default one is made on first use,
    // and so is one named to import into (--import).
    const bool named = parser.isSet(QStringLiteral("store"));
    const QString path = named ? parser.value(QStringLiteral("store")) : Store::defaultPath();
    const bool create = !named || parser.isSet(QStringLiteral("import"));
    if (store.open(path, create ? Store::OpenMode::Create : Store::OpenMode::Existing))
        return true;
    if (parser.isSet(QStringLiteral("render")))
        QTextStream(stderr) << store.errorString() << '\n';
    else
        QMessageBox::critical(nullptr, QApplication::translate("main", "Runlens"), store.errorString());
    return false;
}
}

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Without TZ, glibc reads /etc/localtime again on every local time conversion, and libarchive makes one for
    // each zip member: 90 file checks per archive. Naming the same file keeps the same zone, read once.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", ":/etc/localtime");
    // The one place the names are set: the saved settings live under them.
    QCoreApplication::setOrganizationName(QStringLiteral("Runlens"));
    QCoreApplication::setApplicationName(QStringLiteral("runlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));
    if (asksForUsage(argc, argv)) {
        // Parsed before any window system is asked for: `runlens --help` works over ssh and in scripts.
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        addOptions(parser);
        parser.process(app); // prints the usage or the version and exits
        return 0;
    }
    QApplication app(argc, argv);

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    QTranslator translator;
    const QLocale locale
        = parser.isSet(QStringLiteral("lang")) ? QLocale(parser.value(QStringLiteral("lang"))) : QLocale();
    if (translator.load(locale, QStringLiteral("runlens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    Store store;
    if (!openStore(store, parser))
        return 1;
    // A render or a benchmark never reads nor writes the saved settings: it is the same on every machine.
    const MainWindow::SavedSettings settings
        = parser.isSet(QStringLiteral("render")) || parser.isSet(QStringLiteral("benchmark"))
        ? MainWindow::SavedSettings::Ignore
        : MainWindow::SavedSettings::Use;
    const QString palette = parser.isSet(QStringLiteral("palette")) ? parser.value(QStringLiteral("palette"))
        : settings == MainWindow::SavedSettings::Use && QSettings().value(QStringLiteral("window/dark")).toBool()
        ? QStringLiteral("dark")
        : QString();
    if (palette == QLatin1String("dark"))
        MainWindow::useDarkPalette();
    MainWindow window(store, settings);
    if (parser.isSet(QStringLiteral("benchmark")) && parser.isSet(QStringLiteral("sample")))
        return benchmarkReplay(store, parser.value(QStringLiteral("sample")).toLongLong(),
            parser.isSet(QStringLiteral("query")) ? parser.value(QStringLiteral("query"))
                                                  : QStringLiteral("passed failed"));
    if (parser.isSet(QStringLiteral("benchmark")))
        return benchmarkExplorer(window, sinceStart);
    if (parser.isSet(QStringLiteral("render")))
        return renderView(window, store, renderOptions(parser));
    window.show();
    if (parser.isSet(QStringLiteral("sample")))
        window.openSample(
            parser.value(QStringLiteral("sample")).toLongLong(), parser.value(QStringLiteral("step")).toInt());
    return app.exec();
}
