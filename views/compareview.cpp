// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "compareview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

CompareView::CompareView(Store& store, qint64 first, qint64 second, QWidget* parent)
    : QWidget(parent)
    , m_first(new ReplayView(store, first, this))
    , m_second(new ReplayView(store, second, this))
    , m_plot(new QCustomPlot(this))
    , m_axis(new QComboBox(this))
    , m_linked(new QCheckBox(tr("Scrub together"), this))
{
    setWindowTitle(tr("Compare: %1 | %2").arg(nameOf(m_first), nameOf(m_second)));
    // The overlay is the plot of both: each pane keeps its header, transcript and controls.
    m_first->setCompact();
    m_second->setCompact();
    m_axis->addItem(tr("by step"), int(ReplayView::Axis::Step));
    m_axis->addItem(tr("by working time"), int(ReplayView::Axis::Time));
    m_axis->addItem(tr("by dollars spent"), int(ReplayView::Axis::Cost));
    m_linked->setChecked(true);
    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Shared axis:"), this));
    controls->addWidget(m_axis);
    controls->addWidget(m_linked);
    controls->addStretch();
    auto* sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_first);
    sides->addWidget(m_second);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_plot);
    split->addWidget(sides);
    split->setSizes({ 260, 640 });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(split, 1);
    // Within a screen 1600 pixels wide, its frame included.
    resize(1560, 960);
    if (!parent)
        ReplayView::addCloseShortcuts(this);
    connect(m_axis, &QComboBox::currentIndexChanged, this,
        [this] { setAxis(ReplayView::Axis(m_axis->currentData().toInt())); });
    connect(m_first, &ReplayView::positionChanged, this,
        [this](int seq, double hours, double dollars) { follow(m_first, m_second, seq, hours, dollars); });
    connect(m_second, &ReplayView::positionChanged, this,
        [this](int seq, double hours, double dollars) { follow(m_second, m_first, seq, hours, dollars); });
    // Dollars where both runs priced every call they made, else steps: every pane plots on the shared axis from the
    // first frame.
    setAxis(priced(m_first) && priced(m_second) ? ReplayView::Axis::Cost : ReplayView::Axis::Step);
}

QString CompareView::nameOf(const ReplayView* view)
{
    const SampleRow& sample = view->header().sample();
    return tr("%1, sample %2, epoch %3").arg(sample.model, sample.sampleId).arg(sample.epoch);
}

bool CompareView::priced(const ReplayView* view)
{
    const PassCurve& curve = view->curve();
    return !curve.spending.empty() && curve.unpricedCalls == 0;
}

double CompareView::positionOf(const ReplayView* view) const
{
    return view->positionOf(m_axisKind, view->currentStep());
}

void CompareView::setLinked(bool linked)
{
    m_linked->setChecked(linked);
}

void CompareView::setAxis(ReplayView::Axis axis)
{
    m_axisKind = axis;
    const QSignalBlocker block(m_axis);
    m_axis->setCurrentIndex(m_axis->findData(int(axis)));
    m_first->setAxis(axis);
    m_second->setAxis(axis);
    drawOverlay();
}

void CompareView::follow(ReplayView* leader, ReplayView* follower, int seq, double hours, double dollars)
{
    const double position = m_axisKind == ReplayView::Axis::Step ? seq
        : m_axisKind == ReplayView::Axis::Time                   ? hours
                                                                 : dollars;
    if (QCPItemStraightLine* cursor = m_cursors[leader == m_first ? 0 : 1]) {
        placeCursor(cursor, position);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (!m_linked->isChecked() || m_following)
        return;
    m_following = true;
    follower->goToPosition(m_axisKind, position);
    m_following = false;
}

void CompareView::placeCursor(QCPItemStraightLine* cursor, double position)
{
    cursor->point1->setCoords(position, 0);
    cursor->point2->setCoords(position, 1);
    cursor->setVisible(true);
}

void CompareView::drawOverlay()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    if (m_plot->plotLayout()->rowCount() == 1) {
        m_plot->plotLayout()->insertRow(0);
        m_plot->plotLayout()->addElement(0, 0,
            new QCPTextElement(m_plot, tr("Tests passing, both runs: visible solid, held-out dashed"),
                QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
    }
    const QColor colours[] = { QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9) };
    double end = 0;
    int index = 0;
    for (ReplayView* view : { m_first, m_second }) {
        // Held-out beside visible: the held-out tests decide whether a sample is solved.
        auto* visible = m_plot->addGraph();
        visible->setName(nameOf(view));
        visible->setPen(QPen(colours[index], 2));
        visible->setLineStyle(QCPGraph::lsStepLeft);
        auto* heldOut = m_plot->addGraph();
        heldOut->setName(tr("%1: held-out").arg(nameOf(view)));
        // One entry a run: the title says which line is which.
        heldOut->removeFromLegend();
        heldOut->setPen(QPen(colours[index], 2, Qt::DashLine));
        heldOut->setLineStyle(QCPGraph::lsStepLeft);
        for (const PassPoint& point : view->curve().points) {
            const double x = view->positionOf(m_axisKind, point.seq);
            if (!std::isnan(point.visible))
                visible->addData(x, point.visible);
            if (!std::isnan(point.heldOut))
                heldOut->addData(x, point.heldOut);
        }
        end = std::max(end, view->positionOf(m_axisKind, INT_MAX));
        m_cursors[index] = new QCPItemStraightLine(m_plot);
        m_cursors[index]->setPen(QPen(colours[index], 1.5, Qt::DotLine));
        // Where the replay stands; hidden while it stands nowhere (an empty transcript): an unplaced line would run
        // from corner to corner.
        m_cursors[index]->setVisible(false);
        if (view->currentStep() >= 0 && view->header().sample().events > 0)
            placeCursor(m_cursors[index], positionOf(view));
        ++index;
    }
    if (m_first->curve().points.empty() && m_second->curve().points.empty()) {
        auto* none = new QCPItemText(m_plot);
        none->position->setType(QCPItemPosition::ptAxisRectRatio);
        none->position->setCoords(0.5, 0.5);
        none->setText(tr("no test results in either transcript"));
        none->setColor(Qt::gray);
    }
    m_plot->xAxis->setRange(0, std::max(end, 1e-6));
    m_plot->xAxis->setLabel(m_axisKind == ReplayView::Axis::Step ? tr("step")
            : m_axisKind == ReplayView::Axis::Time               ? tr("working time, hours")
                                                                 : tr("USD spent"));
    m_plot->yAxis->setRange(0, 1.02);
    m_plot->yAxis->setLabel(tr("tests passing"));
    m_plot->legend->setVisible(true);
    // Top left, where rising curves have not yet come.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    m_plot->replot();
}
