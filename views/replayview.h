#pragma once

#include "records/transcriptrows.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSlider;
class QTextBrowser;
class QTableWidget;
class QTableView;
class Store;
class TranscriptModel;

/// One sample replayed: its transcript, read page by page, beside its test pass curve (visible and held-out)
/// and what it spent, with compactions marked and a cursor that follows the transcript. Play, step, jump to the
/// next change of pass rate, error or compaction; find through the full-text index; click the plot to move.
class ReplayView : public QWidget {
    Q_OBJECT
public:
    ReplayView(Store& store, qint64 sampleId, QWidget* parent = nullptr);

    /// Moves to the event at or after `seq`.
    void goToStep(int seq);
    int currentStep() const { return m_current; }
    void setPlaying(bool playing);
    /// Shows the selected event's JSON now, instead of when the cursor rests.
    void showRawNow();
    /// Shows the test x test-run matrix.
    void showTests();

    enum class Axis { Step, Time, Cost };
    /// What the plot's horizontal axis measures.
    void setAxis(Axis axis);

    /// Moves to the step nearest this point of the run on an axis (a step, hours of working time, dollars).
    void goToPosition(Axis axis, double value);
    /// The pass curve and the step positions, for an overlay.
    const PassCurve& curve() const { return m_curve; }
    double positionOf(Axis axis, int seq) const;
    QString title() const { return windowTitle(); }

    enum class Jump { PassChange, Error, Compaction };
    /// Moves to the next step of this kind after the current one; false when there is none.
    bool jumpToNext(Jump kind);

signals:
    /// The cursor moved: where it stands on each axis.
    void positionChanged(int seq, double hours, double dollars);

private:
    void showRaw();
    void fillMatrix();
    void drawCurve();
    double xOf(int seq, double workingStart, double cost) const;
    double costAt(int seq) const;
    void ensureSteps();
    void currentChanged();
    void findNext(bool backwards);

    Store& m_store;
    qint64 m_sampleId;
    TranscriptModel* m_model;
    PassCurve m_curve;
    QTableView* m_transcript;
    QPlainTextEdit* m_raw;
    QTextBrowser* m_rendered;
    QTableWidget* m_matrix;
    QLabel* m_matrixNote;
    TestMatrix m_tests;
    QCustomPlot* m_plot;
    QCPItemStraightLine* m_cursor = nullptr;
    QComboBox* m_filter;
    QComboBox* m_axis;
    Axis m_axisKind = Axis::Step;
    QComboBox* m_speed;
    QLineEdit* m_find;
    QLabel* m_status;
    QSlider* m_scrubber;
    QTimer m_player;
    QTimer m_rawTimer;
    std::vector<int> m_found;
    struct StepPoint {
        int seq;
        double time;
        double cost;
    };
    std::vector<StepPoint> m_steps; ///< each step's working time and cumulative cost, read when first needed
    int m_lastStep = -1;
    int m_current = 0;
};
