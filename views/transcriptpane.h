// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/rerunchecks.h"
#include "records/transcriptrows.h"
#include "transcriptfinder.h"

#include <QTimer>
#include <QWidget>
#include <vector>

class ConversationModel;
class ConversationView;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QStackedWidget;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QTableView;
class QTextBrowser;
class TestMatrixModel;
class TranscriptModel;

/// A transcript as the replay shows it: its events a row each, filtered by type and searched through the full-text
/// index (off the window's thread, as one types), or read as a conversation (setConversation), and under them the
/// current event, rendered and as JSON, and the transcript's tests over time.
class TranscriptPane : public QWidget {
    Q_OBJECT
public:
    explicit TranscriptPane(TranscriptModel* model, QWidget* parent = nullptr);

    /// The current row (-1: none) and its step.
    int currentRow() const;
    int currentStep() const { return m_current; }
    void setCurrentRow(int row);
    /// Moves to the event at or after `seq`, and shows it in the middle of the table.
    void goToStep(int seq);
    /// Moves to the first event of the next turn (`direction` > 0), or of this one (of the previous one when already
    /// there).
    void stepTurn(int direction);

    /// Reads the transcript as a conversation too, and shows it so first; the event table stays as the other mode.
    void setConversation(ConversationModel* model);
    /// Shows the conversation (true) or the event table.
    void setConversationShown(bool shown);
    bool conversationShown() const;

    /// Shows the current event's JSON now, instead of when the cursor rests.
    void showRawNow();
    /// Shows the tests over time.
    void showTests();
    /// The tests over time, and where a re-execution contradicts them.
    void setTests(TestMatrix tests, const std::vector<Contradiction>& contradicted);

signals:
    void currentStepChanged(int seq, int row);
    /// The type filter changed which events are listed.
    void filterChanged();
    /// The tests over time were shown and have nothing in them yet.
    void testsOpened();
    /// Space was pressed in the transcript.
    void playPausePressed();
    /// Find found nothing: why, in a sentence.
    void findFailed(const QString& message);
    /// Find moved to a step it found.
    void findMoved();

private:
    void setUpTranscript();
    void setUpControls();
    void layOut();
    void addShortcuts();
    void currentChanged();
    void showRaw();
    void showTestChanges(const QModelIndex& cell);
    void findNext(bool backwards);
    void startFind();
    void showFound(const TranscriptFinder::Found& found);

    TranscriptModel* m_model;
    QTableView* m_transcript;
    QStackedWidget* m_modes;
    QHBoxLayout* m_tools = nullptr;
    ConversationView* m_conversation = nullptr;
    QComboBox* m_mode = nullptr;
    QCheckBox* m_spans = nullptr;
    QPlainTextEdit* m_raw;
    QTextBrowser* m_rendered;
    QTableView* m_matrix;
    TestMatrixModel* m_matrixModel;
    QLabel* m_matrixNote;
    QComboBox* m_filter;
    QLineEdit* m_find;
    QLabel* m_findState; ///< finding, or where among the steps found the replay stands
    TranscriptFinder* m_finder;
    QTimer m_findDelay; ///< a pause in the typing starts the find
    QTabWidget* m_details = nullptr;
    QWidget* m_testsTab = nullptr;
    QTimer m_rawTimer;
    TranscriptFinder::Found m_found; ///< the steps that hold the words to find, once found
    int m_findMove = 0; ///< Enter pressed before the steps were found: +1 next, -1 previous, 0 none
    int m_current = 0;
};
