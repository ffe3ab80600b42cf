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

/// Two samples side by side (the same program by two models, say): each with its transcript, their pass curves
/// overlaid on a shared axis of steps, working time or dollars, scrubbed together or apart.
class CompareView : public QWidget {
    Q_OBJECT
public:
    CompareView(Store& store, qint64 first, qint64 second, QWidget* parent = nullptr);

    ReplayView* first() const { return m_first; }
    ReplayView* second() const { return m_second; }
    void setLinked(bool linked);
    void setAxis(ReplayView::Axis axis);

private:
    void drawOverlay();
    void follow(ReplayView* leader, ReplayView* follower, int seq, double hours, double dollars);

    ReplayView* m_first;
    ReplayView* m_second;
    QCustomPlot* m_plot;
    QComboBox* m_axis;
    QCheckBox* m_linked;
    QCPItemStraightLine* m_cursors[2] = { nullptr, nullptr };
    ReplayView::Axis m_axisKind = ReplayView::Axis::Cost;
    bool m_following = false;
};
