// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/transcriptrows.h"
#include "sampleheader.h"
#include "steppositions.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class AnatomyPanel;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class FlowLayout;
class ReplayChart;
class SampleHeaderView;
class Store;
class TranscriptModel;
class TranscriptPane;

/// One sample replayed: a header naming the sample and how it ended, its transcript, read page by page, beside its
/// test pass curve (visible and held-out) and what it spent, with compactions and its cost limit marked and a cursor
/// that follows the transcript. Play, step, jump to the next change of pass rate, error or compaction; find through
/// the full-text index; click the plot to move.
class ReplayView : public QWidget {
    Q_OBJECT
public:
    ReplayView(Store& store, qint64 sampleId, QWidget* parent = nullptr);

    /// Moves to the event at or after `seq`.
    void goToStep(int seq);
    int currentStep() const;
    void setPlaying(bool playing);
    /// Shows the selected event's JSON now, instead of when the cursor rests.
    void showRawNow();
    /// Shows the test x test-run matrix.
    void showTests();
    /// Plots the pass curve now, instead of when its reading thread is done.
    void showCurveNow();

    using Axis = StepPositions::Axis;
    /// What the plot's horizontal axis measures.
    void setAxis(Axis axis);

    /// Moves to the step nearest this point of the run on an axis (a step, hours of working time, dollars).
    void goToPosition(Axis axis, double value);
    /// The pass curve and the step positions, for an overlay (waited for while still being read).
    const PassCurve& curve() const;
    double positionOf(Axis axis, int seq) const;
    QString title() const { return windowTitle(); }
    /// What the header says of the sample.
    const SampleHeader& header() const { return m_header; }
    /// As one of the two panes of a compare view: its plot left to the compare view's overlay, its controls under its
    /// transcript.
    void setCompact();
    /// The Anatomy panel beside the plot.
    AnatomyPanel* anatomyPanel() const { return m_anatomy; }
    /// Ctrl+W and Esc close `window`.
    static void addCloseShortcuts(QWidget* window);

    enum class Jump { PassChange, Error, Compaction };
    /// Moves to the next step of this kind after the current one; false when there is none.
    bool jumpToNext(Jump kind);

signals:
    /// The cursor moved: where it stands on each axis.
    void positionChanged(int seq, double hours, double dollars);

private:
    QWidget* makeSidePanel();
    void addTransport(FlowLayout* buttons);
    void addJumps(FlowLayout* buttons);
    QPushButton* rerunButton();
    void layOut();
    void moveRows(int delta);
    void drawChart();
    void fillTests();
    void showPosition();
    QString statusText(int seq) const;
    /// Where the steps stand on `axis`; the working times are read the first time the time or cost axis needs them.
    const StepPositions& positions(Axis axis) const;
    /// The pass curve reads every model call of the sample (100 ms and more for the largest): it is read on a thread
    /// of its own, and what cannot do without it waits for it.
    static PassCurve readCurve(const QString& storePath, qint64 sampleId);
    void waitForCurve() const;
    void showCurve();

    Store& m_store;
    qint64 m_sampleId;
    SampleHeader m_header;
    TranscriptModel* m_model;
    mutable PassCurve m_curve;
    mutable bool m_curveRead = false;
    bool m_curveShown = false;
    /// Not the global pool: Qt's raster engine fills large areas on the global pool's threads and waits for them, so
    /// a long read there stalls the window's painting.
    QThreadPool m_curveThread;
    mutable QFutureWatcher<PassCurve> m_curveReading;
    int m_lastStep = 0;
    mutable StepPositions m_positions;
    mutable bool m_timesRead = false;
    SampleHeaderView* m_headerView;
    QWidget* m_side = nullptr; ///< the plot and the controls
    TranscriptPane* m_pane;
    ReplayChart* m_chart;
    AnatomyPanel* m_anatomy;
    QComboBox* m_axis;
    Axis m_axisKind = Axis::Step;
    QComboBox* m_speed;
    QLabel* m_status;
    QSlider* m_scrubber;
    QPushButton* m_play;
    QTimer m_player;
};
