#include "replayview.h"

#include "eventrenderer.h"
#include "rerundialog.h"
#include "turndelegate.h"
#include "analysis/rerunchecks.h"
#include "analysis/testmatrix.h"
#include "store/store.h"
#include "transcriptmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QSlider>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QMetaMethod>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <climits>
#include <cmath>
#include <qcustomplot.h>

ReplayView::ReplayView(Store& store, qint64 sampleId, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_sampleId(sampleId)
    , m_model(new TranscriptModel(store, sampleId, PriceTable::standard(), this))
    , m_transcript(new QTableView(this))
    , m_raw(new QPlainTextEdit(this))
    , m_rendered(new QTextBrowser(this))
    , m_matrix(new QTableWidget(this))
    , m_matrixNote(new QLabel(this))
    , m_plot(new QCustomPlot(this))
    , m_filter(new QComboBox(this))
    , m_axis(new QComboBox(this))
    , m_speed(new QComboBox(this))
    , m_find(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_scrubber(new QSlider(Qt::Horizontal, this))
{
    if (const std::optional<SampleRow> sample = store.sample(sampleId))
        setWindowTitle(tr("Replay: %1, %2, epoch %3").arg(sample->model, sample->sampleId).arg(sample->epoch));
    m_transcript->setModel(m_model);
    m_transcript->setItemDelegate(new TurnDelegate(m_transcript));
    m_transcript->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_transcript->setSelectionMode(QAbstractItemView::SingleSelection);
    m_transcript->setWordWrap(false);
    m_transcript->verticalHeader()->hide();
    // Uniform row heights: scrolling 300,000 rows never measures them.
    m_transcript->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_transcript->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_transcript->horizontalHeader()->setStretchLastSection(false);
    m_transcript->horizontalHeader()->setSectionResizeMode(TranscriptModel::Summary, QHeaderView::Stretch);
    m_transcript->setColumnWidth(TranscriptModel::Step, 70);
    m_transcript->setColumnWidth(TranscriptModel::Turn, 50);
    m_transcript->setColumnWidth(TranscriptModel::Time, 80);
    m_transcript->setColumnWidth(TranscriptModel::Type, 100);
    m_transcript->setColumnWidth(TranscriptModel::Tokens, 90);
    m_transcript->setColumnWidth(TranscriptModel::Cost, 70);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(tr("The selected event's JSON"));

    m_filter->addItem(tr("all events"), QString());
    for (const QString& type : m_model->types())
        m_filter->addItem(type, type);
    m_find->setPlaceholderText(tr("Find in this transcript (Enter: next, Shift+Enter: previous)"));
    for (const auto& [label, interval] : { std::pair { tr("1 step/s"), 1000 }, std::pair { tr("4 steps/s"), 250 }, std::pair { tr("20 steps/s"), 50 } })
        m_speed->addItem(label, interval);
    m_speed->setCurrentIndex(1);

    auto* play = new QPushButton(tr("Play"), this);
    play->setCheckable(true);
    auto* back = new QPushButton(tr("\u25c0 Step"), this);
    auto* forward = new QPushButton(tr("Step \u25b6"), this);
    auto* turnBack = new QPushButton(tr("\u25c0\u25c0 Turn"), this);
    auto* turnForward = new QPushButton(tr("Turn \u25b6\u25b6"), this);
    auto* nextChange = new QPushButton(tr("Next pass change"), this);
    auto* nextError = new QPushButton(tr("Next error"), this);
    auto* nextCompaction = new QPushButton(tr("Next compaction"), this);
    auto* rerun = new QPushButton(tr("Re-run tests here\u2026"), this);
    rerun->setToolTip(tr("Rebuild the agent's files as they stood at this step and run a test suite on them"));
    m_axis->addItem(tr("by step"), int(Axis::Step));
    m_axis->addItem(tr("by working time"), int(Axis::Time));
    m_axis->addItem(tr("by dollars spent"), int(Axis::Cost));

    auto* tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Show:"), this));
    tools->addWidget(m_filter);
    tools->addWidget(m_find, 1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(tools);
    auto* leftSplit = new QSplitter(Qt::Vertical, left);
    leftSplit->addWidget(m_transcript);
    auto* detail = new QTabWidget(left);
    detail->addTab(m_rendered, tr("Event"));
    detail->addTab(m_raw, tr("JSON"));
    auto* testsPane = new QWidget(detail);
    auto* testsLayout = new QVBoxLayout(testsPane);
    testsLayout->setContentsMargins(0, 0, 0, 0);
    testsLayout->addWidget(m_matrix);
    testsLayout->addWidget(m_matrixNote);
    detail->addTab(testsPane, tr("Tests over time"));
    connect(detail, &QTabWidget::currentChanged, this, [this, detail, testsPane] {
        if (detail->currentWidget() == testsPane && m_matrix->rowCount() == 0)
            fillMatrix();
    });
    leftSplit->addWidget(detail);
    leftSplit->setStretchFactor(0, 3);
    leftSplit->setStretchFactor(1, 1);
    leftLayout->addWidget(leftSplit, 1);

    auto* transport = new QHBoxLayout;
    for (QWidget* widget : std::initializer_list<QWidget*> { back, play, forward, m_speed, m_axis })
        transport->addWidget(widget);
    transport->addStretch();
    auto* jumps = new QHBoxLayout;
    for (QWidget* widget : std::initializer_list<QWidget*> { turnBack, turnForward, nextChange, nextError, nextCompaction })
        jumps->addWidget(widget);
    jumps->addStretch();
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_plot, 1);
    // The scrubber: the whole run on one slider.
    m_scrubber->setRange(0, std::max(0, m_model->totalCount() - 1));
    rightLayout->addWidget(m_scrubber);
    connect(m_scrubber, &QSlider::valueChanged, this, [this](int row) {
        if (m_transcript->currentIndex().row() != row)
            m_transcript->setCurrentIndex(m_model->index(row, 0));
    });
    rightLayout->addLayout(transport);
    rightLayout->addLayout(jumps);
    // Beside the status line, not among the jumps: six buttons do not fit one row of the panel.
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(rerun);
    rightLayout->addLayout(statusRow);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setSizes({ 820, 580 });
    // The panel is never narrower than its rows of buttons; the transcript gives way first.
    left->setMinimumWidth(400);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);
    resize(1400, 800);

    connect(m_transcript->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ReplayView::currentChanged);
    m_rawTimer.setSingleShot(true);
    m_rawTimer.setInterval(60);
    connect(&m_rawTimer, &QTimer::timeout, this, &ReplayView::showRaw);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int step = m_current;
        m_model->setType(m_filter->currentData().toString());
        m_scrubber->setRange(0, std::max(0, m_model->totalCount() - 1));
        goToStep(step);
    });
    connect(play, &QPushButton::toggled, this, &ReplayView::setPlaying);
    connect(&m_player, &QTimer::timeout, this, [this, play] {
        const int row = m_transcript->currentIndex().row() + 1;
        if (row >= m_model->rowCount())
            play->setChecked(false);
        else
            m_transcript->setCurrentIndex(m_model->index(row, 0));
    });
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { m_player.setInterval(m_speed->currentData().toInt()); });
    m_player.setInterval(m_speed->currentData().toInt());
    connect(back, &QPushButton::clicked, this, [this] { m_transcript->setCurrentIndex(m_model->index(std::max(0, m_transcript->currentIndex().row() - 1), 0)); });
    connect(forward, &QPushButton::clicked, this, [this] {
        const int row = m_transcript->currentIndex().row() + 1;
        m_transcript->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), 0));
    });
    connect(nextChange, &QPushButton::clicked, this, [this] { jumpToNext(Jump::PassChange); });
    // By turn: to the first event of the next turn, or of this one (of the previous one when already there).
    auto stepByTurn = [this](int direction) {
        auto turnOf = [this](int row) { return m_model->index(row, 0).data(TranscriptModel::TurnRole).toInt(); };
        int row = std::max(0, m_transcript->currentIndex().row());
        int turn = turnOf(row);
        if (direction > 0) {
            while (row + 1 < m_model->rowCount() && turnOf(row + 1) == turn)
                ++row;
            row = std::min(row + 1, m_model->rowCount() - 1);
        } else {
            if (row > 0 && turnOf(row - 1) != turn)
                turn = turnOf(--row);
            while (row > 0 && turnOf(row - 1) == turn)
                --row;
        }
        m_transcript->setCurrentIndex(m_model->index(row, 0));
    };
    connect(turnForward, &QPushButton::clicked, this, [stepByTurn] { stepByTurn(1); });
    connect(turnBack, &QPushButton::clicked, this, [stepByTurn] { stepByTurn(-1); });
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this] { setAxis(Axis(m_axis->currentData().toInt())); });
    connect(rerun, &QPushButton::clicked, this, [this] {
        auto* dialog = new RerunDialog(m_store.path(), m_sampleId, m_current, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        // A finished re-run joins the plot as its own series.
        connect(dialog, &RerunDialog::rerunFinished, this, [this] { drawCurve(); });
        dialog->show();
    });
    connect(nextError, &QPushButton::clicked, this, [this] { jumpToNext(Jump::Error); });
    connect(nextCompaction, &QPushButton::clicked, this, [this] { jumpToNext(Jump::Compaction); });
    connect(m_find, &QLineEdit::returnPressed, this, [this] { findNext(QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_found.clear(); });
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), m_transcript);
    connect(space, &QShortcut::activated, play, &QPushButton::toggle);
    auto* copy = new QShortcut(QKeySequence::Copy, m_transcript);
    connect(copy, &QShortcut::activated, this, [this] {
        QApplication::clipboard()->setText(m_model->rowText(m_transcript->currentIndex().row()));
    });
    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] { m_find->setFocus(); m_find->selectAll(); });
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        // A click anywhere on the plot moves the transcript to that point of the run.
        const double x = m_plot->xAxis->pixelToCoord(event->position().x());
        if (m_axisKind == Axis::Step) {
            goToStep(int(std::lround(x)));
            return;
        }
        ensureSteps();
        int best = 0;
        double distance = 1e300;
        for (const auto& [seq, time, cost] : m_steps) {
            const double d = std::abs((m_axisKind == Axis::Time ? time : cost) - x);
            if (d < distance) {
                distance = d;
                best = seq;
            }
        }
        goToStep(best);
    });

    m_curve = m_model->passCurve();
    drawCurve();
    if (m_model->rowCount() > 0)
        m_transcript->setCurrentIndex(m_model->index(0, 0));
}

double ReplayView::costAt(int seq) const
{
    const auto after = std::upper_bound(m_curve.spending.begin(), m_curve.spending.end(), seq,
        [](int s, const std::pair<int, double>& point) { return s < point.first; });
    return after == m_curve.spending.begin() ? 0.0 : std::prev(after)->second;
}

double ReplayView::xOf(int seq, double workingStart, double cost) const
{
    switch (m_axisKind) {
    case Axis::Step:
        return seq;
    case Axis::Time:
        return workingStart / 3600.0;
    case Axis::Cost:
        return cost;
    }
    return seq;
}

void ReplayView::ensureSteps()
{
    if (!m_steps.empty())
        return;
    // Each step's working time and spending, for the time and cost axes: read the first time they are asked for.
    const std::vector<double> times = m_model->workingTimes();
    for (int seq = 0; seq < int(times.size()); ++seq)
        m_steps.push_back({ seq, std::isnan(times[size_t(seq)]) ? 0.0 : times[size_t(seq)], costAt(seq) });
}

double ReplayView::positionOf(Axis axis, int seq) const
{
    if (axis == Axis::Step)
        return seq == INT_MAX ? m_lastStep : seq;
    const_cast<ReplayView*>(this)->ensureSteps();
    const auto found = std::lower_bound(m_steps.begin(), m_steps.end(), seq, [](const StepPoint& p, int s) { return p.seq < s; });
    if (found == m_steps.end())
        return m_steps.empty() ? 0.0 : (axis == Axis::Step ? m_steps.back().seq : axis == Axis::Time ? m_steps.back().time / 3600.0 : m_steps.back().cost);
    return axis == Axis::Step ? found->seq : axis == Axis::Time ? found->time / 3600.0 : found->cost;
}

void ReplayView::goToPosition(Axis axis, double value)
{
    if (axis == Axis::Step) {
        goToStep(int(std::lround(value)));
        return;
    }
    ensureSteps();
    // Positions grow with the step: the first step at or past the value.
    const auto found = std::lower_bound(m_steps.begin(), m_steps.end(), value, [axis](const StepPoint& p, double v) {
        return (axis == Axis::Time ? p.time / 3600.0 : p.cost) < v;
    });
    goToStep(found == m_steps.end() ? (m_steps.empty() ? 0 : m_steps.back().seq) : found->seq);
}

void ReplayView::setAxis(Axis axis)
{
    m_axisKind = axis;
    const QSignalBlocker block(m_axis);
    m_axis->setCurrentIndex(m_axis->findData(int(axis)));
    drawCurve();
    currentChanged();
}

void ReplayView::drawCurve()
{
    QCustomPlot* plot = m_plot;
    plot->clearPlottables();
    plot->clearItems();
    if (plot->plotLayout()->rowCount() == 1) {
        plot->plotLayout()->insertRow(0);
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, tr("Tests passing, and dollars spent"), QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
    }
    if (m_axisKind != Axis::Step)
        ensureSteps();
    auto stepX = [this](int seq) {
        if (m_axisKind == Axis::Step)
            return double(seq);
        const auto found = std::lower_bound(m_steps.begin(), m_steps.end(), seq, [](const StepPoint& p, int s) { return p.seq < s; });
        if (found == m_steps.end())
            return m_steps.empty() ? 0.0 : xOf(m_steps.back().seq, m_steps.back().time, m_steps.back().cost);
        return xOf(found->seq, found->time, found->cost);
    };
    auto* visible = plot->addGraph();
    visible->setName(tr("visible tests (transcript)"));
    visible->setPen(QPen(QColor(0x00, 0x72, 0xB2), 2));
    visible->setLineStyle(QCPGraph::lsStepLeft);
    visible->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
    auto* heldOut = plot->addGraph();
    heldOut->setName(tr("held-out tests (transcript)"));
    heldOut->setPen(QPen(QColor(0xD5, 0x5E, 0x00), 2));
    heldOut->setLineStyle(QCPGraph::lsStepLeft);
    heldOut->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 5));
    for (const PassPoint& point : m_curve.points) {
        if (!std::isnan(point.visible))
            visible->addData(stepX(point.seq), point.visible);
        if (!std::isnan(point.heldOut))
            heldOut->addData(stepX(point.seq), point.heldOut);
    }
    if (heldOut->dataCount() == 0)
        heldOut->removeFromLegend();
    // The re-executed series: what the code as it stood at each step really passes.
    const std::vector<RerunRow> reruns = m_store.reruns(m_sampleId);
    if (!reruns.empty()) {
        auto* rerun = plot->addGraph();
        rerun->setName(tr("all tests, re-executed"));
        rerun->setPen(QPen(QColor(0x00, 0x9E, 0x73), 1.5));
        rerun->setLineStyle(QCPGraph::lsNone);
        rerun->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QColor(0x00, 0x9E, 0x73), 8));
        for (const RerunRow& row : reruns) {
            const int total = row.summary.passed + row.summary.failed;
            if (row.step >= 0 && total > 0)
                rerun->addData(stepX(row.step), double(row.summary.visiblePassed + row.summary.heldOutPassed) / total);
        }
    }
    auto* spent = plot->addGraph(plot->xAxis, plot->yAxis2);
    spent->setName(tr("dollars spent"));
    spent->setPen(QPen(QColor(0x99, 0x99, 0x99), 1.5, Qt::DashLine));
    double maxSpent = 0;
    // Thinned to a few thousand points: enough for any screen, cheap for 60,000 calls.
    const size_t every = std::max<size_t>(1, m_curve.spending.size() / 4000);
    for (size_t i = 0; i < m_curve.spending.size(); i += every) {
        spent->addData(stepX(m_curve.spending[i].first), m_curve.spending[i].second);
        maxSpent = std::max(maxSpent, m_curve.spending[i].second);
    }
    if (!m_curve.spending.empty()) {
        spent->addData(stepX(m_curve.spending.back().first), m_curve.spending.back().second);
        maxSpent = std::max(maxSpent, m_curve.spending.back().second);
    }
    for (const int step : m_curve.compactions) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(stepX(step), 0);
        line->point2->setCoords(stepX(step), 1);
        line->setPen(QPen(QColor(0xCC, 0x79, 0xA7, 120), 1, Qt::DotLine));
    }
    m_cursor = new QCPItemStraightLine(plot);
    m_cursor->setPen(QPen(Qt::black, 1.5));
    // On the buffered overlay layer: moving the cursor redraws it alone, not the curves under it.
    m_cursor->setLayer(QStringLiteral("overlay"));
    if (m_lastStep < 0) {
        m_lastStep = std::max(0, m_model->lastStep());
    }
    const double end = m_axisKind == Axis::Step ? double(std::max(1, m_lastStep)) : m_steps.empty() ? 1.0 : xOf(m_steps.back().seq, m_steps.back().time, m_steps.back().cost);
    plot->xAxis->setRange(0, std::max(end, 1e-6));
    plot->xAxis->setLabel(m_axisKind == Axis::Step ? tr("step") : m_axisKind == Axis::Time ? tr("working time, hours") : tr("USD spent"));
    plot->yAxis->setRange(0, 1.02);
    plot->yAxis->setLabel(m_curve.points.empty() ? tr("no test results found in this transcript") : tr("share of tests passing (%1)").arg(m_curve.source));
    plot->yAxis2->setVisible(true);
    plot->yAxis2->setRange(0, std::max(0.01, maxSpent * 1.05));
    plot->yAxis2->setLabel(tr("USD spent"));
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    plot->replot();
}

void ReplayView::currentChanged()
{
    const QModelIndex index = m_transcript->currentIndex();
    if (!index.isValid())
        return;
    m_current = index.data(TranscriptModel::SeqRole).toInt();
    {
        const QSignalBlocker block(m_scrubber);
        m_scrubber->setValue(index.row());
    }
    // The raw JSON waits until the cursor rests: playing and scrubbing never pay for it.
    m_rawTimer.start();
    // Only a compare view listens; a replay on its own never pays for the time and cost positions.
    if (isSignalConnected(QMetaMethod::fromSignal(&ReplayView::positionChanged)))
        emit positionChanged(m_current, positionOf(Axis::Time, m_current), positionOf(Axis::Cost, m_current));
    if (m_cursor) {
        const double x = positionOf(m_axisKind, m_current);
        m_cursor->point1->setCoords(x, 0);
        m_cursor->point2->setCoords(x, 1);
        m_cursor->layer()->replot();
    }
    // Where the run stood at this step.
    const PassPoint* standing = nullptr;
    for (const PassPoint& point : m_curve.points) {
        if (point.seq <= m_current)
            standing = &point;
    }
    double spent = 0;
    for (const auto& [step, dollars] : m_curve.spending) {
        if (step > m_current)
            break;
        spent = dollars;
    }
    m_status->setText(tr("Step %1 of %2 \u2014 %3 \u2014 $%4 spent").arg(m_current).arg(m_model->totalCount())
                          .arg(standing ? tr("%1% of visible tests passing").arg(100 * standing->visible, 0, 'f', 1) : tr("no tests run yet"))
                          .arg(spent, 0, 'f', 2));
}

void ReplayView::fillMatrix()
{
    m_tests = m_model->testMatrix();
    if (m_tests.tests.isEmpty()) {
        m_matrixNote->setText(tr("The test output in this transcript names no tests."));
        return;
    }
    m_matrix->setRowCount(int(m_tests.tests.size()));
    m_matrix->setColumnCount(int(m_tests.runs.size()));
    m_matrix->setVerticalHeaderLabels(m_tests.tests);
    QStringList steps;
    for (const int run : m_tests.runs)
        steps << QString::number(run);
    m_matrix->setHorizontalHeaderLabels(steps);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int test = 0; test < int(m_tests.tests.size()); ++test) {
        for (int run = 0; run < int(m_tests.runs.size()); ++run) {
            const signed char result = m_tests.results[size_t(test)][size_t(run)];
            auto* item = new QTableWidgetItem(result < 0 ? QString() : result ? QStringLiteral("\u2713") : QStringLiteral("\u2717"));
            item->setTextAlignment(Qt::AlignCenter);
            if (result >= 0)
                item->setBackground(result ? QColor(0x00, 0x9E, 0x73, 90) : QColor(0xD5, 0x5E, 0x00, 110));
            m_matrix->setItem(test, run, item);
        }
    }
    // Where a re-execution of the code at a test run disagrees with what the transcript reported for a test.
    const std::vector<RerunRow> stored = m_store.reruns(m_sampleId);
    const std::vector<int> edits = stored.empty() ? std::vector<int>() : m_model->fileChangingSteps();
    const std::vector<Contradiction> contradicted = contradictions(m_tests, stored, edits,
        [this](qint64 rerunId) { return m_store.rerunResults(rerunId); });
    for (const Contradiction& contradiction : contradicted) {
        QTableWidgetItem* item = m_matrix->item(contradiction.test, contradiction.run);
        const bool reported = m_tests.results[size_t(contradiction.test)][size_t(contradiction.run)] > 0;
        item->setText(item->text() + QLatin1Char('!'));
        item->setForeground(Qt::red);
        item->setToolTip(tr("The transcript reports %1; re-executed at step %2 it %3")
                             .arg(reported ? tr("a pass") : tr("a failure"))
                             .arg(contradiction.rerunStep)
                             .arg(contradiction.rerunPassed ? tr("passes") : tr("fails")));
    }
    const int disagreements = int(contradicted.size());
    m_matrix->resizeColumnsToContents();
    m_matrixNote->setText(tr("%1 tests over %2 test runs; %3 results disagree with a re-execution (marked !); select a test to see where it changed")
                              .arg(m_tests.tests.size())
                              .arg(m_tests.runs.size())
                              .arg(disagreements));
    connect(m_matrix, &QTableWidget::cellClicked, this, [this](int test, int run) {
        QStringList changes;
        for (const int step : testChanges(m_tests, test))
            changes << QString::number(step);
        m_matrixNote->setText(changes.isEmpty() ? tr("%1 never changed").arg(m_tests.tests[test])
                                                : tr("%1 changed at steps %2").arg(m_tests.tests[test], changes.join(QStringLiteral(", "))));
        goToStep(m_tests.runs[size_t(run)]);
    });
}

void ReplayView::showRaw()
{
    const QString payload = m_model->payload(m_current);
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8());
    m_raw->setPlainText(document.isNull() ? payload : QString::fromUtf8(document.toJson(QJsonDocument::Indented)));
    m_rendered->setHtml(EventRenderer::toHtml(payload));
}

void ReplayView::showTests()
{
    for (QTabWidget* tabs : findChildren<QTabWidget*>()) {
        if (tabs->count() == 3)
            tabs->setCurrentIndex(2);
    }
}

void ReplayView::showRawNow()
{
    m_rawTimer.stop();
    showRaw();
}

void ReplayView::goToStep(int seq)
{
    const int row = m_model->rowForSeq(seq);
    m_transcript->setCurrentIndex(m_model->index(row, 0));
    m_transcript->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
}

void ReplayView::setPlaying(bool playing)
{
    if (playing)
        m_player.start();
    else
        m_player.stop();
}

bool ReplayView::jumpToNext(Jump kind)
{
    int target = -1;
    if (kind == Jump::PassChange) {
        double before = notANumber;
        for (const PassPoint& point : m_curve.points) {
            if (point.seq <= m_current) {
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
        const auto next = std::upper_bound(steps.begin(), steps.end(), m_current);
        if (next != steps.end())
            target = *next;
    }
    if (target < 0)
        return false;
    goToStep(target);
    return true;
}

void ReplayView::findNext(bool backwards)
{
    if (m_find->text().trimmed().isEmpty())
        return;
    if (m_found.empty())
        m_found = m_model->find(m_find->text());
    if (m_found.empty()) {
        m_status->setText(m_model->fullyIndexed()
                ? tr("\"%1\" is not in this transcript").arg(m_find->text())
                : tr("\"%1\" is not in the indexed part of this transcript: the rest waits to be indexed (Search dialog)")
                      .arg(m_find->text()));
        return;
    }
    int target = -1;
    if (backwards) {
        const auto before = std::lower_bound(m_found.begin(), m_found.end(), m_current);
        target = before == m_found.begin() ? m_found.back() : *std::prev(before);
    } else {
        const auto after = std::upper_bound(m_found.begin(), m_found.end(), m_current);
        target = after == m_found.end() ? m_found.front() : *after;
    }
    goToStep(target);
}
