#include "mainwindow.h"
#include "importdialog.h"
#include "rerundialog.h"
#include "searchdialog.h"
#include "store/store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTextStream>
#include <QTranslator>

int main(int argc, char* argv[])
{
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
                                                                                 "opening the window: main, runs, samples, outcomes, solve-rate, tier, cost-curve, pareto, search, import, rerun."),
        QStringLiteral("VIEW") });
    parser.addOption({ QStringLiteral("sample"), QApplication::translate("main", "The sample (store id) a view shows."),
        QStringLiteral("ID") });
    parser.addOption({ QStringLiteral("step"), QApplication::translate("main", "The step (event number) a view starts at."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("suite"), QApplication::translate("main", "The test suite the rerun view runs."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("query"), QApplication::translate("main", "Words the search view looks for."),
        QStringLiteral("WORDS") });
    parser.addOption({ QStringLiteral("import"), QApplication::translate("main", "A file or folder the import view imports."),
        QStringLiteral("PATH") });
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
    MainWindow window(store);
    if (parser.isSet(QStringLiteral("render"))) {
        const QString view = parser.value(QStringLiteral("render"));
        const QString out = parser.value(QStringLiteral("out"));
        QPixmap picture;
        if (view == QLatin1String("main") || window.showView(view)) {
            window.resize(1200, 720);
            picture = window.grab();
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
            QTextStream(stderr) << QApplication::translate("main", "unknown view '%1' (known: main, %2, search, import, rerun)\n")
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
    return app.exec();
}
