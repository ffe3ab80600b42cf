// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "guibenchmark.h"

#include "anatomypanel.h"
#include "conversationview.h"
#include "mainwindow.h"
#include "replayview.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "transcriptpane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTextStream>
#include <ctime>
#include <sys/resource.h>

// These measure the widgets as a user meets them, so they drive the event loop by hand between steps: a
// benchmark harness, not a pattern for the program itself.

int benchmarkExplorer(MainWindow& window, const QElapsedTimer& sinceStart)
{
    QTextStream out(stdout);
    window.show();
    QCoreApplication::processEvents();
    out << QApplication::translate("main", "window usable after %1 ms (%2 samples)\n")
               .arg(sinceStart.elapsed())
               .arg(window.filteredSamples().size());
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

namespace {
/// Waits until the conversation has laid out every block in view (it reads them off the UI thread); the time waited
/// in ms.
double waitForBlocks(ConversationView* view)
{
    if (!view)
        return 0;
    QElapsedTimer clock;
    clock.start();
    view->waitUntilShown(10000);
    return double(clock.nsecsElapsed()) / 1e6;
}

/// The processor time of the calling thread so far, in ms: a frame's own work, whatever else the machine runs.
double threadMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double peakMemoryMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024;
}
}

int benchmarkReplay(Store& store, qint64 sampleId, const QString& words)
{
    QTextStream out(stdout);
    QElapsedTimer clock;
    clock.start();
    const double openWork = threadMs();
    ReplayView replay(store, sampleId);
    replay.resize(1400, 800);
    replay.show();
    QCoreApplication::processEvents();
    const qint64 firstFrame = clock.elapsed();
    const double firstFrameWork = threadMs() - openWork;
    // The transcript as shown: the conversation, or the event table.
    auto* conversation = replay.findChild<ConversationView*>();
    QAbstractItemView* table = conversation;
    if (!table || !table->isVisible()) {
        conversation = nullptr;
        table = replay.findChild<QTableView*>(QStringLiteral("events"));
    }
    // The first screen is there when its blocks and its pass curve are, each read on a thread of its own.
    waitForBlocks(conversation);
    replay.showCurveNow();
    out << QApplication::translate("main",
        "replay: first screen after %1 ms (first frame, its blocks and pass curve still being read: %2 ms, %3 ms of "
        "the UI thread's processor time)\n")
               .arg(clock.elapsed())
               .arg(firstFrame)
               .arg(firstFrameWork, 0, 'f', 0);
    // The run's anatomy comes after, read on a thread of its own; the curve is drawn again with its marks. Waited for
    // here, so that this redraw is not counted as a frame of the scrolling below.
    if (auto* anatomy = replay.findChild<AnatomyPanel*>(); anatomy && anatomy->isVisible()) {
        anatomy->waitForReading();
        QCoreApplication::processEvents();
        out << QApplication::translate("main", "replay: its anatomy and the curve's marks shown after %1 ms\n")
                   .arg(clock.elapsed());
    }
    // A frame is what the UI thread does for a page or a step; the blocks then arrive from the reading thread, each
    // waited for before the next move, as a reader would.
    double worstScroll = 0, worstScrollShown = 0, worstScrollWork = 0;
    for (int i = 0; i < 200; ++i) {
        clock.restart();
        const double workStart = threadMs();
        table->verticalScrollBar()->setValue(
            table->verticalScrollBar()->value() + table->verticalScrollBar()->pageStep());
        QCoreApplication::processEvents();
        const double frame = double(clock.nsecsElapsed()) / 1e6;
        worstScrollWork = std::max(worstScrollWork, threadMs() - workStart);
        worstScroll = std::max(worstScroll, frame);
        worstScrollShown = std::max(worstScrollShown, frame + waitForBlocks(conversation));
    }
    double worstScrub = 0, totalScrub = 0, worstScrubShown = 0, totalScrubShown = 0, worstScrubWork = 0;
    const int steps = std::max(0, store.transcript(sampleId)->lastStep());
    for (int i = 1; i <= 50; ++i) {
        clock.restart();
        const double workStart = threadMs();
        replay.goToStep(steps * i / 50);
        QCoreApplication::processEvents();
        const double frame = double(clock.nsecsElapsed()) / 1e6;
        worstScrubWork = std::max(worstScrubWork, threadMs() - workStart);
        worstScrub = std::max(worstScrub, frame);
        totalScrub += frame;
        const double shown = frame + waitForBlocks(conversation);
        worstScrubShown = std::max(worstScrubShown, shown);
        totalScrubShown += shown;
    }
    const double viewMemory = peakMemoryMb();
    // Find as a reader does: the words typed, then Enter; the replay moves when the steps are found, off the UI thread.
    auto* findBox = replay.findChild<QLineEdit*>(QStringLiteral("find"));
    auto* pane = replay.findChild<TranscriptPane*>();
    bool findEnded = false;
    QObject::connect(pane, &TranscriptPane::findMoved, &replay, [&findEnded] { findEnded = true; });
    QObject::connect(pane, &TranscriptPane::findFailed, &replay, [&findEnded] { findEnded = true; });
    findBox->setText(words);
    clock.restart();
    const double findWorkStart = threadMs();
    QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
    QCoreApplication::sendEvent(findBox, &enter);
    const double findPressWork = threadMs() - findWorkStart;
    while (!findEnded && clock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const qint64 findMs = clock.elapsed();
    const double findWork = threadMs() - findWorkStart;
    const int findStep = pane->currentStep();
    // The same steps read on this thread, the index's query alone.
    clock.restart();
    const std::vector<int> found = store.transcript(sampleId)->find(words);
    const qint64 queryMs = clock.elapsed();
    out << QApplication::translate(
        "main", "replay: scrolling a page at worst %1 ms; scrubbing to a step %2 ms on average, %3 ms at worst\n")
               .arg(worstScroll, 0, 'f', 1)
               .arg(totalScrub / 50, 0, 'f', 1)
               .arg(worstScrub, 0, 'f', 1);
    out << QApplication::translate(
        "main", "replay: the UI thread's own processor time in a frame at worst: scrolling %1 ms, scrubbing %2 ms\n")
               .arg(worstScrollWork, 0, 'f', 1)
               .arg(worstScrubWork, 0, 'f', 1);
    if (conversation)
        out << QApplication::translate("main",
            "replay: until the blocks are shown: a page at worst %1 ms; a step %2 ms on average, %3 ms at worst\n")
                   .arg(worstScrollShown, 0, 'f', 1)
                   .arg(totalScrubShown / 50, 0, 'f', 1)
                   .arg(worstScrubShown, 0, 'f', 1);
    out << QApplication::translate("main",
        "replay: find \"%1\": moved to step %2 of %3 found %4 ms after Enter (the UI thread's processor time: %5 ms, "
        "%6 ms of it on Enter; the index's query alone %7 ms); peak memory %8 MB (%9 MB before the find)\n")
               .arg(words)
               .arg(findStep)
               .arg(found.size())
               .arg(findMs)
               .arg(findWork, 0, 'f', 1)
               .arg(findPressWork, 0, 'f', 1)
               .arg(queryMs)
               .arg(peakMemoryMb(), 0, 'f', 0)
               .arg(viewMemory, 0, 'f', 0);
    return 0;
}
