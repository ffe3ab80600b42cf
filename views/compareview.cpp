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
    setWindowTitle(tr("Compare: %1 | %2").arg(m_first->windowTitle(), m_second->windowTitle()));
    m_axis->addItem(tr("by dollars spent"), int(ReplayView::Axis::Cost));
    m_axis->addItem(tr("by working time"), int(ReplayView::Axis::Time));
    m_axis->addItem(tr("by step"), int(ReplayView::Axis::Step));
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
    resize(1800, 1000);
    connect(m_axis, &QComboBox::currentIndexChanged, this,
        [this] { setAxis(ReplayView::Axis(m_axis->currentData().toInt())); });
    connect(m_first, &ReplayView::positionChanged, this,
        [this](int seq, double hours, double dollars) { follow(m_first, m_second, seq, hours, dollars); });
    connect(m_second, &ReplayView::positionChanged, this,
        [this](int seq, double hours, double dollars) { follow(m_second, m_first, seq, hours, dollars); });
    drawOverlay();
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
    QCPItemStraightLine* cursor = m_cursors[leader == m_first ? 0 : 1];
    if (cursor) {
        cursor->point1->setCoords(position, 0);
        cursor->point2->setCoords(position, 1);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }
    if (!m_linked->isChecked() || m_following)
        return;
    m_following = true;
    follower->goToPosition(m_axisKind, position);
    m_following = false;
}

void CompareView::drawOverlay()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    if (m_plot->plotLayout()->rowCount() == 1) {
        m_plot->plotLayout()->insertRow(0);
        m_plot->plotLayout()->addElement(0, 0,
            new QCPTextElement(
                m_plot, tr("Visible tests passing, both runs"), QFont(QStringLiteral("DejaVu Sans"), 10, QFont::Bold)));
    }
    const QColor colours[] = { QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9) };
    double end = 0;
    int index = 0;
    for (ReplayView* view : { m_first, m_second }) {
        auto* graph = m_plot->addGraph();
        graph->setName(view->windowTitle().section(QStringLiteral(": "), 1));
        graph->setPen(QPen(colours[index], 2));
        graph->setLineStyle(QCPGraph::lsStepLeft);
        for (const PassPoint& point : view->curve().points) {
            if (!std::isnan(point.visible))
                graph->addData(view->positionOf(m_axisKind, point.seq), point.visible);
        }
        end = std::max(end, view->positionOf(m_axisKind, INT_MAX));
        m_cursors[index] = new QCPItemStraightLine(m_plot);
        m_cursors[index]->setPen(QPen(colours[index], 1.5, Qt::DashLine));
        ++index;
    }
    m_plot->xAxis->setRange(0, std::max(end, 1e-6));
    m_plot->xAxis->setLabel(m_axisKind == ReplayView::Axis::Step ? tr("step")
            : m_axisKind == ReplayView::Axis::Time               ? tr("working time, hours")
                                                                 : tr("USD spent"));
    m_plot->yAxis->setRange(0, 1.02);
    m_plot->yAxis->setLabel(tr("visible tests passing"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    m_plot->replot();
}
