#include "mainwindow.h"
#include "importdialog.h"
#include "pricedialog.h"
#include "compareview.h"
#include "replayview.h"
#include "rerundialog.h"
#include "searchdialog.h"
#include "store/store.h"
#include "store/transcriptquery.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTableView>
#include <sys/resource.h>
#include <QSettings>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTranslator>

namespace {
/// `--benchmark`: how long until the window is usable, and how long a filter change takes to update the
/// table and every plot, on the store given.
int benchmark(MainWindow& window, const QElapsedTimer& sinceStart)
{
    QTextStream out(stdout);
    window.show();
    QCoreApplication::processEvents();
    out << QApplication::translate("main", "window usable after %1 ms (%2 samples)\n").arg(sinceStart.elapsed()).arg(window.filteredSamples().size());
    QStringList models;
    for (const SampleRow& sample : window.filteredSamples()) {
        if (!models.contains(sample.model))
            models << sample.model;
    }
    double worst = 0, total = 0;
    int changes = 0;
    for (int round = 0; round < 3; ++round) {
        for (const QString& value : models + QStringList { QString() }) {
            QElapsedTimer clock;
            clock.start();
            window.setFilter(QStringLiteral("model"), value);
            QCoreApplication::processEvents(); // the table and the queued replots
            const double ms = double(clock.nsecsElapsed()) / 1e6;
            worst = std::max(worst, ms);
            total += ms;
            ++changes;
        }
    }
    out << QApplication::translate("main", "filter change: %1 ms on average, %2 ms at worst, over %3 changes\n")
               .arg(total / changes, 0, 'f', 1)
               .arg(worst, 0, 'f', 1)
               .arg(changes);
    return 0;
}
}

/// `--benchmark --sample ID`: the replay of one sample: its first screen, scrolling and scrubbing, find, memory.
int benchmarkReplay(Store& store, qint64 sampleId, const QString& words)
{
    QTextStream out(stdout);
    QElapsedTimer clock;
    clock.start();
    ReplayView replay(store, sampleId);
    replay.resize(1400, 800);
    replay.show();
    QCoreApplication::processEvents();
    out << QApplication::translate("main", "replay: first screen after %1 ms\n").arg(clock.elapsed());
    auto* table = replay.findChild<QTableView*>();
    double worstScroll = 0;
    for (int i = 0; i < 200; ++i) {
        clock.restart();
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->value() + table->verticalScrollBar()->pageStep());
        QCoreApplication::processEvents();
        worstScroll = std::max(worstScroll, double(clock.nsecsElapsed()) / 1e6);
    }
    double worstScrub = 0, totalScrub = 0;
    const int steps = std::max(0, store.transcript(sampleId)->lastStep());
    for (int i = 1; i <= 50; ++i) {
        clock.restart();
        replay.goToStep(steps * i / 50);
        QCoreApplication::processEvents();
        worstScrub = std::max(worstScrub, double(clock.nsecsElapsed()) / 1e6);
        totalScrub += double(clock.nsecsElapsed()) / 1e6;
    }
    clock.restart();
    const std::vector<int> found = store.transcript(sampleId)->find(words);
    const qint64 findMs = clock.elapsed();
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << QApplication::translate("main", "replay: scrolling a page at worst %1 ms; scrubbing to a step %2 ms on average, %3 ms at worst\n")
               .arg(worstScroll, 0, 'f', 1)
               .arg(totalScrub / 50, 0, 'f', 1)
               .arg(worstScrub, 0, 'f', 1);
    out << QApplication::translate("main", "replay: find \"%1\": %2 steps in %3 ms; peak memory %4 MB\n")
               .arg(words)
               .arg(found.size())
               .arg(findMs)
               .arg(double(usage.ru_maxrss) / 1024, 0, 'f', 0);
    return 0;
}

int main(int argc, char* argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    // Without TZ, glibc reads /etc/localtime again on every local time conversion, and libarchive makes one for
    // each zip member: 90 file checks per archive. Naming the same file keeps the same zone, read once.
    if (!qEnvironmentVariableIsSet("TZ"))
        qputenv("TZ", ":/etc/localtime");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("runlens"));
    QApplication::setApplicationVersion(QStringLiteral(RUNLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Runlens: explore Inspect AI eval runs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("store"), QApplication::translate("main", "The store file (default: %1).")
                                                    .arg(Store::defaultPath()),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("lang"), QApplication::translate("main", "Language, e.g. de (default: the system's)."),
        QStringLiteral("LANG") });
    parser.addOption({ QStringLiteral("render"), QApplication::translate("main", "Render a view offscreen instead of "
                                                                                 "opening the window: main, runs, samples, outcomes, solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens, duration, search, import, prices, replay, compare, rerun."),
        QStringLiteral("VIEW") });
    parser.addOption({ QStringLiteral("sample"), QApplication::translate("main", "The sample (store id) a view shows."),
        QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("tests"), QApplication::translate("main", "The replay view shows its tests over time.") });
    parser.addOption({ QStringLiteral("sample2"), QApplication::translate("main", "The second sample of the compare view."),
        QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("step"), QApplication::translate("main", "The step (event number) a view starts at."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("suite"), QApplication::translate("main", "The test suite the rerun view runs."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("query"), QApplication::translate("main", "Words the search view looks for."),
        QStringLiteral("WORDS") });
    parser.addOption({ QStringLiteral("import"), QApplication::translate("main", "A file or folder the import view imports."),
        QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("benchmark"), QApplication::translate("main", "Measure start-up and filter changes on the store, then quit.") });
    parser.addOption({ QStringLiteral("palette"), QApplication::translate("main", "light or dark (default: the system's)."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("out"), QApplication::translate("main", "PNG file for --render."),
        QStringLiteral("FILE") });
    parser.process(app);

    QTranslator translator;
    const QLocale locale = parser.isSet(QStringLiteral("lang")) ? QLocale(parser.value(QStringLiteral("lang"))) : QLocale();
    if (translator.load(locale, QStringLiteral("runlens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    Store store;
    const QString path = parser.isSet(QStringLiteral("store")) ? parser.value(QStringLiteral("store")) : Store::defaultPath();
    if (!store.open(path)) {
        if (parser.isSet(QStringLiteral("render"))) {
            QTextStream(stderr) << store.errorString() << '\n';
            return 1;
        }
        QMessageBox::critical(nullptr, QApplication::translate("main", "Runlens"), store.errorString());
        return 1;
    }
    const QString palette = parser.isSet(QStringLiteral("palette")) ? parser.value(QStringLiteral("palette"))
        : QSettings().value(QStringLiteral("window/dark")).toBool()   ? QStringLiteral("dark")
                                                                      : QString();
    if (palette == QLatin1String("dark"))
        MainWindow::useDarkPalette();
    MainWindow window(store);
    if (parser.isSet(QStringLiteral("benchmark")) && parser.isSet(QStringLiteral("sample")))
        return benchmarkReplay(store, parser.value(QStringLiteral("sample")).toLongLong(),
            parser.isSet(QStringLiteral("query")) ? parser.value(QStringLiteral("query")) : QStringLiteral("passed failed"));
    if (parser.isSet(QStringLiteral("benchmark")))
        return benchmark(window, sinceStart);
    if (parser.isSet(QStringLiteral("render"))) {
        const QString view = parser.value(QStringLiteral("render"));
        const QString out = parser.value(QStringLiteral("out"));
        QPixmap picture;
        if (view == QLatin1String("main") || window.showView(view)) {
            window.resize(1200, 720);
            picture = window.grab();
        } else if (view == QLatin1String("replay")) {
            ReplayView replay(store, parser.value(QStringLiteral("sample")).toLongLong());
            if (parser.isSet(QStringLiteral("step")))
                replay.goToStep(parser.value(QStringLiteral("step")).toInt());
            replay.showRawNow();
            if (parser.isSet(QStringLiteral("tests")))
                replay.showTests();
            replay.resize(1400, 800);
            picture = replay.grab();
        } else if (view == QLatin1String("compare")) {
            CompareView compare(store, parser.value(QStringLiteral("sample")).toLongLong(), parser.value(QStringLiteral("sample2")).toLongLong());
            compare.resize(1800, 1000);
            if (parser.isSet(QStringLiteral("step")))
                compare.first()->goToStep(parser.value(QStringLiteral("step")).toInt());
            picture = compare.grab();
        } else if (view == QLatin1String("prices")) {
            PriceDialog dialog(PriceTable::standard());
            picture = dialog.grab();
        } else if (view == QLatin1String("search")) {
            SearchDialog dialog(store);
            dialog.search(parser.value(QStringLiteral("query")));
            picture = dialog.grab();
        } else if (view == QLatin1String("import")) {
            ImportDialog dialog(store.path(), { parser.value(QStringLiteral("import")) });
            dialog.waitForFinished();
            picture = dialog.grab();
        } else if (view == QLatin1String("rerun")) {
            const int step = parser.isSet(QStringLiteral("step")) ? parser.value(QStringLiteral("step")).toInt() : -1;
            RerunDialog dialog(store.path(), parser.value(QStringLiteral("sample")).toLongLong(), step);
            dialog.setSuite(parser.value(QStringLiteral("suite")));
            dialog.start();
            dialog.waitForFinished();
            picture = dialog.grab();
        } else {
            QTextStream(stderr) << QApplication::translate("main", "unknown view '%1' (known: main, %2, search, import, prices, replay, compare, rerun)\n")
                                           .arg(view, MainWindow::viewNames().join(QStringLiteral(", ")));
            return 2;
        }
        if (out.isEmpty() || !picture.save(out)) {
            QTextStream(stderr) << QApplication::translate("main", "cannot write the PNG '%1'\n").arg(out);
            return 1;
        }
        return 0;
    }
    window.show();
    if (parser.isSet(QStringLiteral("sample")))
        window.openSample(parser.value(QStringLiteral("sample")).toLongLong(), parser.value(QStringLiteral("step")).toInt());
    return app.exec();
}
