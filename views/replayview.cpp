// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "replayview.h"

#include "analysis/rerunchecks.h"
#include "anatomypanel.h"
#include "conversationmodel.h"
#include "flowlayout.h"
#include "replaychart.h"
#include "rerundialog.h"
#include "sampleheaderview.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "transcriptmodel.h"
#include "transcriptpane.h"
#include "workflow/transcriptanalysis.h"

#include <QComboBox>
#include <QLabel>
#include <QMetaMethod>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cmath>

ReplayView::ReplayView(Store& store, qint64 sampleId, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_sampleId(sampleId)
    , m_header(SampleHeader::read(store, sampleId, PriceTable::standard()))
    , m_model(new TranscriptModel(store, sampleId, PriceTable::standard(), this))
    , m_headerView(new SampleHeaderView(m_header, this))
    , m_pane(new TranscriptPane(m_model, this))
    , m_chart(new ReplayChart(this))
    , m_anatomy(new AnatomyPanel(store.path(), sampleId, this))
    , m_axis(new QComboBox(this))
    , m_speed(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_scrubber(new QSlider(Qt::Horizontal, this))
    , m_play(new QPushButton(tr("Play"), this))
{
    if (m_header.isValid())
        setWindowTitle(
            tr("Replay: %1, %2, %3").arg(m_header.sample().model, m_header.sample().sampleId, m_header.epochText()));
    m_pane->setConversation(new ConversationModel(store, sampleId, this));
    layOut();
    // A replay of its own is a window: Ctrl+W and Esc close it (a compare view closes both of its replays).
    if (!parent)
        addCloseShortcuts(this);
    connect(m_pane, &TranscriptPane::currentStepChanged, this, &ReplayView::showPosition);
    connect(m_pane, &TranscriptPane::filterChanged, this,
        [this] { m_scrubber->setRange(0, std::max(0, m_model->totalCount() - 1)); });
    connect(m_anatomy, &AnatomyPanel::stepChosen, this, &ReplayView::goToStep);
    connect(m_anatomy, &AnatomyPanel::ready, this, [this] {
        if (!m_anatomy->isReady())
            return;
        m_chart->setAnatomy(m_anatomy->anatomy());
        drawChart();
        showPosition();
    });
    connect(m_pane, &TranscriptPane::findFailed, m_status, &QLabel::setText);
    connect(m_pane, &TranscriptPane::testsOpened, this, &ReplayView::fillTests);
    connect(m_pane, &TranscriptPane::playPausePressed, m_play, &QPushButton::toggle);
    // A click anywhere on the plot moves the transcript to that point of the run.
    connect(m_chart, &ReplayChart::pressed, this,
        [this](double x) { goToStep(positions(m_axisKind).nearestStep(m_axisKind, x)); });

    m_lastStep = std::max(0, m_model->lastStep());
    m_positions = StepPositions(m_lastStep, {}, {});
    connect(&m_curveReading, &QFutureWatcherBase::finished, this, &ReplayView::showCurve);
    m_curveThread.setMaxThreadCount(1);
    m_curveReading.setFuture(QtConcurrent::run(&m_curveThread, &ReplayView::readCurve, store.path(), sampleId));
    drawChart();
    if (m_model->rowCount() > 0)
        m_pane->setCurrentRow(0);
}

void ReplayView::layOut()
{
    m_side = makeSidePanel();
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_pane);
    split->addWidget(m_side);
    split->setSizes({ 820, 580 });
    // The transcript keeps a readable width; the buttons beside it wrap onto more rows.
    m_pane->setMinimumWidth(400);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headerView);
    layout->addWidget(split, 1);
    resize(1400, 800);
}

void ReplayView::setCompact()
{
    // Under the transcript, its controls take the pane's whole width, and their rows take the height they need.
    m_chart->hide();
    m_anatomy->hide();
    layout()->addWidget(m_side);
}

void ReplayView::addCloseShortcuts(QWidget* window)
{
    for (const QKeySequence& keys : { QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape) }) {
        auto* shortcut = new QShortcut(keys, window);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, window, &QWidget::close);
    }
}

QWidget* ReplayView::makeSidePanel()
{
    auto* side = new QWidget(this);
    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    // The plot above the run's anatomy; the splitter between them moves.
    auto* plots = new QSplitter(Qt::Vertical, side);
    plots->addWidget(m_chart);
    plots->addWidget(m_anatomy);
    plots->setSizes({ 500, 300 });
    layout->addWidget(plots, 1);
    // The scrubber: the whole run on one slider.
    m_scrubber->setRange(0, std::max(0, m_model->totalCount() - 1));
    connect(m_scrubber, &QSlider::valueChanged, this, [this](int row) {
        if (m_pane->currentRow() != row)
            m_pane->setCurrentRow(row);
    });
    layout->addWidget(m_scrubber);
    // The buttons flow onto as many rows as the panel's width needs: none is ever cut.
    auto* buttons = new FlowLayout;
    addTransport(buttons);
    addJumps(buttons);
    layout->addLayout(buttons);
    // The status wraps rather than widen the panel: a longer text at a later step never grows the window. It keeps two
    // lines' height even when one is enough: a text going from one line to two would otherwise resize the plot above
    // it, redrawing the whole curve in the middle of a scrub.
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing());
    layout->addWidget(m_status);
    return side;
}

void ReplayView::addTransport(FlowLayout* buttons)
{
    auto* back = new QPushButton(tr("\u25c0 Step"), this);
    auto* forward = new QPushButton(tr("Step \u25b6"), this);
    connect(back, &QPushButton::clicked, this, [this] { moveRows(-1); });
    connect(forward, &QPushButton::clicked, this, [this] { moveRows(1); });
    m_play->setCheckable(true);
    // As wide as its longer name: the buttons after it stay in place when it turns to Pause and back.
    m_play->setText(tr("Pause"));
    const int pauseWidth = m_play->sizeHint().width();
    m_play->setText(tr("Play"));
    m_play->setMinimumWidth(std::max(pauseWidth, m_play->sizeHint().width()));
    connect(m_play, &QPushButton::toggled, this, &ReplayView::setPlaying);
    connect(&m_player, &QTimer::timeout, this, [this] {
        const int row = m_pane->currentRow() + 1;
        if (row >= m_model->rowCount())
            m_play->setChecked(false);
        else
            m_pane->setCurrentRow(row);
    });
    for (const auto& [label, interval] :
        { std::pair { tr("1 step/s"), 1000 }, std::pair { tr("4 steps/s"), 250 }, std::pair { tr("20 steps/s"), 50 } })
        m_speed->addItem(label, interval);
    m_speed->setCurrentIndex(1);
    m_player.setInterval(m_speed->currentData().toInt());
    connect(m_speed, &QComboBox::currentIndexChanged, this,
        [this] { m_player.setInterval(m_speed->currentData().toInt()); });
    m_axis->addItem(tr("by step"), int(Axis::Step));
    m_axis->addItem(tr("by working time"), int(Axis::Time));
    m_axis->addItem(tr("by dollars spent"), int(Axis::Cost));
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this] { setAxis(Axis(m_axis->currentData().toInt())); });
    for (QWidget* widget : std::initializer_list<QWidget*> { back, m_play, forward, m_speed, m_axis })
        buttons->addWidget(widget);
}

void ReplayView::addJumps(FlowLayout* buttons)
{
    auto* turnBack = new QPushButton(tr("\u25c0\u25c0 Turn"), this);
    auto* turnForward = new QPushButton(tr("Turn \u25b6\u25b6"), this);
    auto* nextChange = new QPushButton(tr("Next pass change"), this);
    auto* nextError = new QPushButton(tr("Next error"), this);
    auto* nextCompaction = new QPushButton(tr("Next compaction"), this);
    connect(turnBack, &QPushButton::clicked, this, [this] { m_pane->stepTurn(-1); });
    connect(turnForward, &QPushButton::clicked, this, [this] { m_pane->stepTurn(1); });
    connect(nextChange, &QPushButton::clicked, this, [this] { jumpToNext(Jump::PassChange); });
    connect(nextError, &QPushButton::clicked, this, [this] { jumpToNext(Jump::Error); });
    connect(nextCompaction, &QPushButton::clicked, this, [this] { jumpToNext(Jump::Compaction); });
    for (QWidget* widget :
        std::initializer_list<QWidget*> { turnBack, turnForward, nextChange, nextError, nextCompaction, rerunButton() })
        buttons->addWidget(widget);
}

QPushButton* ReplayView::rerunButton()
{
    auto* rerun = new QPushButton(tr("Re-run tests here\u2026"), this);
    rerun->setToolTip(tr("Rebuild the agent's files as they stood at this step and run a test suite on them"));
    connect(rerun, &QPushButton::clicked, this, [this] {
        auto* dialog = new RerunDialog(m_store.path(), m_sampleId, currentStep(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // A finished re-run joins the plot as its own series.
        connect(dialog, &RerunDialog::rerunFinished, this, &ReplayView::drawChart);
        dialog->show();
    });
    return rerun;
}

void ReplayView::moveRows(int delta)
{
    const int row = m_pane->currentRow() + delta;
    m_pane->setCurrentRow(delta < 0 ? std::max(0, row) : std::min(row, m_model->rowCount() - 1));
}

PassCurve ReplayView::readCurve(const QString& storePath, qint64 sampleId)
{
    Store store; // this thread's own connection
    if (!store.open(storePath, Store::OpenMode::Existing))
        return {};
    const std::unique_ptr<TranscriptQuery> transcript = store.transcript(sampleId);
    return transcript ? passCurve(*transcript, PriceTable::standard()) : PassCurve();
}

void ReplayView::waitForCurve() const
{
    if (m_curveRead)
        return;
    m_curveReading.waitForFinished();
    if (m_curveReading.future().resultCount() > 0)
        m_curve = m_curveReading.result();
    m_curveRead = true;
    m_positions = StepPositions(m_lastStep, {}, m_curve.spending);
    m_timesRead = false;
}

void ReplayView::showCurve()
{
    waitForCurve();
    if (m_curveShown)
        return;
    m_curveShown = true;
    drawChart();
    showPosition();
}

void ReplayView::showCurveNow()
{
    showCurve();
}

const PassCurve& ReplayView::curve() const
{
    waitForCurve();
    return m_curve;
}

const StepPositions& ReplayView::positions(Axis axis) const
{
    // The cost axis places steps by what the model calls before them spent.
    if (axis != Axis::Step)
        waitForCurve();
    if (axis != Axis::Step && !m_timesRead) {
        m_positions = StepPositions(m_lastStep, m_model->workingTimes(), m_curve.spending);
        m_timesRead = true;
    }
    return m_positions;
}

double ReplayView::positionOf(Axis axis, int seq) const
{
    return positions(axis).position(axis, seq);
}

void ReplayView::goToPosition(Axis axis, double value)
{
    goToStep(positions(axis).firstStepAt(axis, value));
}

void ReplayView::setAxis(Axis axis)
{
    m_axisKind = axis;
    const QSignalBlocker block(m_axis);
    m_axis->setCurrentIndex(m_axis->findData(int(axis)));
    drawChart();
    showPosition();
}

void ReplayView::drawChart()
{
    m_chart->draw(m_curve, m_store.reruns(m_sampleId), m_axisKind, positions(m_axisKind), m_header.costLimit());
}

void ReplayView::showPosition()
{
    const int row = m_pane->currentRow();
    if (row < 0)
        return;
    const int seq = m_pane->currentStep();
    {
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setValue(row);
    }
    // Only a compare view listens; a replay on its own never pays for the time and cost positions.
    if (isSignalConnected(QMetaMethod::fromSignal(&ReplayView::positionChanged)))
        emit positionChanged(seq, positionOf(Axis::Time, seq), positionOf(Axis::Cost, seq));
    m_chart->setCursor(positionOf(m_axisKind, seq));
    m_status->setText(statusText(seq));
}

QString ReplayView::statusText(int seq) const
{
    if (!m_curveRead)
        return tr("Step %1 of %2 \u2014 reading the pass curve\u2026").arg(seq).arg(m_model->totalCount());
    // Where the run stood at this step.
    const PassPoint* standing = nullptr;
    for (const PassPoint& point : m_curve.points) {
        if (point.seq <= seq)
            standing = &point;
    }
    double spent = 0;
    for (const auto& [step, dollars] : m_curve.spending) {
        if (step > seq)
            break;
        spent = dollars;
    }
    // A model without a price is "no price", never $0.
    const bool priced = m_curve.unpricedCalls < int(m_curve.spending.size());
    const QString money = !priced    ? tr("no price for its model calls")
        : m_curve.unpricedCalls == 0 ? tr("$%1 spent").arg(spent, 0, 'f', 2)
                                     : tr("$%1 spent on the calls with a price").arg(spent, 0, 'f', 2);
    return tr("Step %1 of %2 \u2014 %3 \u2014 %4")
        .arg(seq)
        .arg(m_model->totalCount())
        .arg(!standing ? tr("no tests run yet")
                : std::isnan(standing->heldOut)
                ? tr("%1% of visible tests passing").arg(100 * standing->visible, 0, 'f', 1)
                : tr("%1% of visible and %2% of held-out tests passing")
                      .arg(100 * standing->visible, 0, 'f', 1)
                      .arg(100 * standing->heldOut, 0, 'f', 1))
        .arg(money);
}

void ReplayView::fillTests()
{
    TestMatrix tests = m_model->testMatrix();
    std::vector<Contradiction> contradicted;
    if (!tests.tests.isEmpty()) {
        // Where a re-execution of the code at a test run disagrees with what the transcript reported for a test.
        const std::vector<RerunRow> stored = m_store.reruns(m_sampleId);
        const std::vector<int> edits = stored.empty() ? std::vector<int>() : m_model->fileChangingSteps();
        contradicted
            = contradictions(tests, stored, edits, [this](qint64 rerunId) { return m_store.rerunResults(rerunId); });
    }
    m_pane->setTests(std::move(tests), contradicted);
}

void ReplayView::showTests()
{
    m_pane->showTests();
}

void ReplayView::showRawNow()
{
    m_pane->showRawNow();
}

int ReplayView::currentStep() const
{
    return m_pane->currentStep();
}

void ReplayView::goToStep(int seq)
{
    m_pane->goToStep(seq);
}

void ReplayView::setPlaying(bool playing)
{
    if (m_play->isChecked() != playing) {
        m_play->setChecked(playing); // comes back here through toggled
        return;
    }
    m_play->setText(playing ? tr("Pause") : tr("Play"));
    if (playing)
        m_player.start();
    else
        m_player.stop();
}

bool ReplayView::jumpToNext(Jump kind)
{
    waitForCurve();
    const int current = currentStep();
    int target = -1;
    if (kind == Jump::PassChange) {
        double before = notANumber;
        for (const PassPoint& point : m_curve.points) {
            if (point.seq <= current) {
                before = point.visible;
                continue;
            }
            if (std::isnan(before) || point.visible != before) {
                target = point.seq;
                break;
            }
        }
    } else {
        const std::vector<int>& steps = kind == Jump::Error ? m_curve.errors : m_curve.compactions;
        const auto next = std::upper_bound(steps.begin(), steps.end(), current);
        if (next != steps.end())
            target = *next;
    }
    if (target < 0)
        return false;
    goToStep(target);
    return true;
}
