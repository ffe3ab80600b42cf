// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "replayview.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QCPItemStraightLine;
class Store;

/// Two samples side by side (the same program by two models, say): each with its header and transcript, their pass
/// curves (visible and held-out) overlaid on a shared axis of steps, working time or dollars, scrubbed together or
/// apart.
class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(Store& store, qint64 first, qint64 second, QWidget* parent = nullptr);

    ReplayView* first() const { return m_first; }
    ReplayView* second() const { return m_second; }
    void setLinked(bool linked);
    void setAxis(ReplayView::Axis axis);

private:
    /// "model, sample, epoch N": a run's name in the title and the legend.
    static QString nameOf(const ReplayView* view);
    /// True when every model call of the run has a price: its dollars are an axis.
    static bool priced(const ReplayView* view);
    /// Where the run's replay stands on the shared axis.
    double positionOf(const ReplayView* view) const;
    static void placeCursor(QCPItemStraightLine* cursor, double position);
    void drawOverlay();
    void follow(ReplayView* leader, ReplayView* follower, int seq, double hours, double dollars);

    ReplayView* m_first;
    ReplayView* m_second;
    QCustomPlot* m_plot;
    QComboBox* m_axis;
    QCheckBox* m_linked;
    QCPItemStraightLine* m_cursors[2] = { nullptr, nullptr };
    ReplayView::Axis m_axisKind = ReplayView::Axis::Step;
    bool m_following = false;
};
