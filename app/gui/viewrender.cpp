// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "viewrender.h"

#include "anatomypanel.h"
#include "anatomystatisticsview.h"
#include "compareview.h"
#include "conversationview.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "pricedialog.h"
#include "replayview.h"
#include "rerundialog.h"
#include "searchdialog.h"
#include "store/store.h"
#include "store/transcriptquery.h"

#include <QApplication>
#include <QPixmap>
#include <QTextStream>

namespace {
/// The conversations of a view read and laid out off the UI thread: a render waits for the blocks it shows.
void waitForConversations(QWidget& view)
{
    view.grab(); // lays the view out at its size: the blocks in view are asked for
    for (ConversationView* conversation : view.findChildren<ConversationView*>()) {
        if (conversation->isVisibleTo(&view))
            conversation->waitUntilShown(30000);
    }
}

QPixmap grabReplay(Store& store, const ViewRenderOptions& options)
{
    ReplayView replay(store, options.sample);
    if (options.step)
        replay.goToStep(*options.step);
    replay.showRawNow();
    replay.showCurveNow();
    replay.anatomyPanel()->waitForReading();
    if (options.tests)
        replay.showTests();
    replay.resize(options.size.value_or(QSize(1400, 800)));
    waitForConversations(replay);
    return replay.grab();
}

QPixmap grabCompare(Store& store, const ViewRenderOptions& options)
{
    CompareView compare(store, options.sample, options.sample2);
    compare.resize(options.size.value_or(QSize(1560, 960)));
    if (options.step)
        compare.first()->goToStep(*options.step);
    compare.first()->showRawNow();
    compare.second()->showRawNow();
    compare.first()->showCurveNow();
    compare.second()->showCurveNow();
    waitForConversations(compare);
    return compare.grab();
}

/// Why the view cannot show the samples the options name (a sample not in the store); empty when it can.
QString missingSample(Store& store, const ViewRenderOptions& options)
{
    std::vector<qint64> needed;
    // A re-run may be of no sample (0): the suite on a workspace as it is.
    if (options.view == QLatin1String("replay") || (options.view == QLatin1String("rerun") && options.sample != 0))
        needed = { options.sample };
    else if (options.view == QLatin1String("compare"))
        needed = { options.sample, options.sample2 };
    for (const qint64 id : needed) {
        if (!store.sample(id))
            return QApplication::translate("main", "no sample %1 in the store '%2' (runlens-cli samples lists them)")
                .arg(id)
                .arg(store.path());
        if (!store.transcript(id))
            return store.errorString();
    }
    return {};
}

QPixmap grabRerun(Store& store, const ViewRenderOptions& options)
{
    RerunDialog dialog(store.path(), options.sample, options.step.value_or(-1));
    dialog.setSuite(options.suite);
    dialog.start();
    dialog.waitForFinished();
    return dialog.grab();
}

/// The views that live outside the main window; nothing for a name none of them has.
std::optional<QPixmap> grabStandalone(Store& store, const ViewRenderOptions& options)
{
    const QString& view = options.view;
    if (view == QLatin1String("replay"))
        return grabReplay(store, options);
    if (view == QLatin1String("compare"))
        return grabCompare(store, options);
    if (view == QLatin1String("prices")) {
        PriceDialog dialog(PriceTable::standard());
        return dialog.grab();
    }
    if (view == QLatin1String("search")) {
        SearchDialog dialog(store);
        if (options.size)
            dialog.resize(*options.size);
        dialog.search(options.query);
        dialog.waitForSearch();
        return dialog.grab();
    }
    if (view == QLatin1String("import")) {
        ImportDialog dialog(store.path(), { options.importPath });
        dialog.waitForFinished();
        return dialog.grab();
    }
    if (view == QLatin1String("rerun"))
        return grabRerun(store, options);
    return std::nullopt;
}
}

int renderView(MainWindow& window, Store& store, const ViewRenderOptions& options)
{
    // Nothing is drawn, and no file written, for a sample the store does not have.
    if (const QString missing = missingSample(store, options); !missing.isEmpty()) {
        QTextStream(stderr) << missing << '\n';
        return 1;
    }
    QPixmap picture;
    if (options.view == QLatin1String("main") || window.showView(options.view)) {
        window.resize(options.size.value_or(QSize(1200, 720)));
        // The anatomy across runs is read off the window's thread: the picture waits for it.
        if (options.view == QLatin1String("anatomy"))
            window.anatomyStatistics()->waitForReading();
        picture = window.grab();
    } else if (std::optional<QPixmap> standalone = grabStandalone(store, options)) {
        picture = *standalone;
    } else {
        QTextStream(stderr) << QApplication::translate(
            "main", "unknown view '%1' (known: main, %2, search, import, prices, replay, compare, rerun)\n")
                                   .arg(options.view, MainWindow::viewNames().join(QStringLiteral(", ")));
        return 2;
    }
    if (options.out.isEmpty() || !picture.save(options.out)) {
        QTextStream(stderr) << QApplication::translate("main", "cannot write the PNG '%1'\n").arg(options.out);
        return 1;
    }
    return 0;
}
