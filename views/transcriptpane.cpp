// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptpane.h"

#include "analysis/testmatrix.h"
#include "conversationmodel.h"
#include "conversationview.h"
#include "eventrenderer.h"
#include "testmatrixmodel.h"
#include "transcriptmodel.h"
#include "turndelegate.h"
#include "json/jsonvalues.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

// The replay view showed this pane first; the translations have its texts under its name.

TranscriptPane::TranscriptPane(TranscriptModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_transcript(new QTableView(this))
    , m_modes(new QStackedWidget(this))
    , m_raw(new QPlainTextEdit(this))
    , m_rendered(new QTextBrowser(this))
    , m_matrix(new QTableView(this))
    , m_matrixModel(new TestMatrixModel(this))
    , m_matrixNote(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_find(new QLineEdit(this))
    , m_findState(new QLabel(this))
    , m_finder(new TranscriptFinder(model->storePath(), model->sampleId(), this))
{
    setUpTranscript();
    setUpControls();
    layOut();
    addShortcuts();
}

void TranscriptPane::setUpTranscript()
{
    m_transcript->setObjectName(QStringLiteral("events"));
    // Uniform row heights: scrolling 300,000 rows never measures them. Set before the model: set after, each of its
    // rows would be resized.
    m_transcript->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_transcript->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_transcript->setModel(m_model);
    m_transcript->setItemDelegate(new TurnDelegate(m_transcript));
    m_transcript->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_transcript->setSelectionMode(QAbstractItemView::SingleSelection);
    m_transcript->setWordWrap(false);
    m_transcript->verticalHeader()->hide();
    m_transcript->horizontalHeader()->setStretchLastSection(false);
    m_transcript->horizontalHeader()->setSectionResizeMode(TranscriptModel::Summary, QHeaderView::Stretch);
    m_transcript->setColumnWidth(TranscriptModel::Step, 70);
    m_transcript->setColumnWidth(TranscriptModel::Turn, 50);
    m_transcript->setColumnWidth(TranscriptModel::Time, 80);
    m_transcript->setColumnWidth(TranscriptModel::Type, 100);
    m_transcript->setColumnWidth(TranscriptModel::Tokens, 90);
    m_transcript->setColumnWidth(TranscriptModel::Cost, 70);
    connect(
        m_transcript->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TranscriptPane::currentChanged);
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setPlaceholderText(QCoreApplication::translate("ReplayView", "The selected event's JSON"));
    // The JSON waits until the cursor rests: playing and scrubbing never pay for it.
    m_rawTimer.setSingleShot(true);
    m_rawTimer.setInterval(60);
    connect(&m_rawTimer, &QTimer::timeout, this, &TranscriptPane::showRaw);
    m_matrix->setModel(m_matrixModel);
    m_matrix->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_matrix, &QTableView::clicked, this, &TranscriptPane::showTestChanges);
}

void TranscriptPane::setUpControls()
{
    m_filter->addItem(QCoreApplication::translate("ReplayView", "all events"), QString());
    for (const QString& type : m_model->types())
        m_filter->addItem(type, type);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const int step = m_current;
        m_model->setType(m_filter->currentData().toString());
        emit filterChanged();
        goToStep(step);
    });
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setPlaceholderText(
        QCoreApplication::translate("ReplayView", "Find in this transcript (Enter: next, Shift+Enter: previous)"));
    connect(m_find, &QLineEdit::returnPressed, this,
        [this] { findNext(QApplication::keyboardModifiers() & Qt::ShiftModifier); });
    // The steps are found on a thread of their own once the typing pauses, so that Enter moves at once; each change
    // of the words stops the find under way.
    m_findDelay.setSingleShot(true);
    m_findDelay.setInterval(250);
    connect(&m_findDelay, &QTimer::timeout, this, &TranscriptPane::startFind);
    connect(m_find, &QLineEdit::textChanged, this, [this] {
        m_found = {};
        m_findMove = 0;
        m_finder->cancel();
        m_findState->clear();
        if (m_find->text().trimmed().isEmpty())
            m_findDelay.stop();
        else
            m_findDelay.start();
    });
    connect(m_finder, &TranscriptFinder::progress, this, [this](const QString& words, int percent) {
        if (words == m_find->text())
            m_findState->setText(QCoreApplication::translate("ReplayView", "Finding\u2026 %1%").arg(percent));
    });
    connect(m_finder, &TranscriptFinder::found, this, &TranscriptPane::showFound);
}

void TranscriptPane::layOut()
{
    m_tools = new QHBoxLayout;
    m_tools->addWidget(new QLabel(QCoreApplication::translate("ReplayView", "Show:"), this));
    m_tools->addWidget(m_filter);
    m_tools->addWidget(m_find, 1);
    m_tools->addWidget(m_findState);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_tools);
    auto* split = new QSplitter(Qt::Vertical, this);
    m_modes->addWidget(m_transcript);
    split->addWidget(m_modes);
    m_details = new QTabWidget(this);
    m_details->addTab(m_rendered, QCoreApplication::translate("ReplayView", "Event"));
    m_details->addTab(m_raw, QCoreApplication::translate("ReplayView", "JSON"));
    m_testsTab = new QWidget(m_details);
    auto* testsLayout = new QVBoxLayout(m_testsTab);
    testsLayout->setContentsMargins(0, 0, 0, 0);
    testsLayout->addWidget(m_matrix);
    testsLayout->addWidget(m_matrixNote);
    m_details->addTab(m_testsTab, QCoreApplication::translate("ReplayView", "Tests over time"));
    // The tests are read when first shown: most replays never look at them.
    connect(m_details, &QTabWidget::currentChanged, this, [this] {
        if (m_details->currentWidget() == m_testsTab && m_matrixModel->rowCount() == 0)
            emit testsOpened();
    });
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    // The transcript gets most of the height; the selected event below it a fifth.
    split->setSizes({ 4000, 1000 });
    layout->addWidget(split, 1);
}

void TranscriptPane::addShortcuts()
{
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), m_transcript);
    connect(space, &QShortcut::activated, this, &TranscriptPane::playPausePressed);
    auto* copy = new QShortcut(QKeySequence::Copy, m_transcript);
    connect(copy, &QShortcut::activated, this,
        [this] { QApplication::clipboard()->setText(m_model->rowText(m_transcript->currentIndex().row())); });
    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
}

int TranscriptPane::currentRow() const
{
    return m_transcript->currentIndex().row();
}

void TranscriptPane::setCurrentRow(int row)
{
    m_transcript->setCurrentIndex(m_model->index(row, 0));
}

void TranscriptPane::goToStep(int seq)
{
    const int row = m_model->rowForSeq(seq);
    m_transcript->setCurrentIndex(m_model->index(row, 0));
    m_transcript->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
}

void TranscriptPane::stepTurn(int direction)
{
    auto turnOf = [this](int row) { return m_model->index(row, 0).data(TranscriptModel::TurnRole).toInt(); };
    int row = std::max(0, currentRow());
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
    setCurrentRow(row);
}

void TranscriptPane::currentChanged()
{
    const QModelIndex index = m_transcript->currentIndex();
    if (!index.isValid())
        return;
    m_current = index.data(TranscriptModel::SeqRole).toInt();
    if (conversationShown())
        m_conversation->showStep(m_current);
    m_rawTimer.start();
    emit currentStepChanged(m_current, index.row());
}

void TranscriptPane::showRaw()
{
    const QString payload = m_model->payload(m_current);
    // Read as the core reads it (NaN, which Inspect writes, shown as null): indented, not one blob.
    const QJsonObject event = toJsonObject(payload);
    m_raw->setPlainText(
        event.isEmpty() ? payload : QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented)));
    m_rendered->setHtml(EventRenderer::toHtml(payload));
}

void TranscriptPane::showRawNow()
{
    m_rawTimer.stop();
    showRaw();
}

void TranscriptPane::showTests()
{
    m_details->setCurrentWidget(m_testsTab);
}

void TranscriptPane::setTests(TestMatrix tests, const std::vector<Contradiction>& contradicted)
{
    if (tests.tests.isEmpty()) {
        m_matrixNote->setText(
            QCoreApplication::translate("ReplayView", "The test output in this transcript names no tests."));
        return;
    }
    m_matrixModel->setMatrix(std::move(tests), contradicted);
    m_matrix->resizeColumnsToContents();
    const TestMatrix& shown = m_matrixModel->matrix();
    m_matrixNote->setText(QCoreApplication::translate("ReplayView",
        "%1 tests over %2 test runs; %3 results disagree "
        "with a re-execution (marked !); select a test to "
        "see where it changed")
                              .arg(shown.tests.size())
                              .arg(shown.runs.size())
                              .arg(m_matrixModel->contradictionCount()));
}

void TranscriptPane::showTestChanges(const QModelIndex& cell)
{
    const TestMatrix& tests = m_matrixModel->matrix();
    const QString test = tests.tests[cell.row()];
    QStringList changes;
    for (const int step : testChanges(tests, cell.row()))
        changes << QString::number(step);
    m_matrixNote->setText(changes.isEmpty() ? QCoreApplication::translate("ReplayView", "%1 never changed").arg(test)
                                            : QCoreApplication::translate("ReplayView", "%1 changed at steps %2")
                                                  .arg(test, changes.join(QStringLiteral(", "))));
    goToStep(cell.data(TestMatrixModel::StepRole).toInt());
}

void TranscriptPane::startFind()
{
    m_findDelay.stop();
    m_findState->setText(QCoreApplication::translate("ReplayView", "Finding\u2026"));
    m_finder->find(m_find->text());
}

void TranscriptPane::showFound(const TranscriptFinder::Found& found)
{
    if (found.words != m_find->text())
        return;
    m_found = found;
    if (!found.error.isEmpty())
        m_findState->setText(QCoreApplication::translate("ReplayView", "Cannot search: %1").arg(found.error));
    else
        m_findState->setText(QCoreApplication::translate("ReplayView", "%n step(s)", nullptr, int(found.steps.size())));
    if (m_findMove != 0) {
        const bool backwards = m_findMove < 0;
        m_findMove = 0;
        findNext(backwards);
    }
}

void TranscriptPane::findNext(bool backwards)
{
    const QString words = m_find->text();
    if (words.trimmed().isEmpty())
        return;
    if (m_found.words != words) {
        // Not found yet: the replay moves when it is.
        m_findMove = backwards ? -1 : 1;
        if (!m_finder->isFinding())
            startFind();
        return;
    }
    const std::vector<int>& steps = m_found.steps;
    if (steps.empty()) {
        if (m_found.error.isEmpty())
            emit findFailed(m_found.fullyIndexed
                    ? QCoreApplication::translate("ReplayView", "\"%1\" is not in this transcript").arg(words)
                    : QCoreApplication::translate("ReplayView",
                        "\"%1\" is not in the indexed part of this transcript: the rest waits to be indexed (Search "
                        "dialog)")
                          .arg(words));
        return;
    }
    auto target = steps.begin();
    if (backwards) {
        const auto before = std::lower_bound(steps.begin(), steps.end(), m_current);
        target = before == steps.begin() ? std::prev(steps.end()) : std::prev(before);
    } else {
        const auto after = std::upper_bound(steps.begin(), steps.end(), m_current);
        target = after == steps.end() ? steps.begin() : after;
    }
    m_findState->setText(
        QCoreApplication::translate("ReplayView", "%1 of %2").arg(target - steps.begin() + 1).arg(steps.size()));
    goToStep(*target);
    emit findMoved();
}

void TranscriptPane::setConversation(ConversationModel* model)
{
    m_conversation = new ConversationView(model, this);
    m_modes->insertWidget(0, m_conversation);
    // Selecting a block moves the replay to its first step, as selecting a row of the table does.
    connect(m_conversation, &ConversationView::blockSelected, this,
        [this](int seq) { m_transcript->setCurrentIndex(m_model->index(m_model->rowForSeq(seq), 0)); });
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), m_conversation);
    connect(space, &QShortcut::activated, this, &TranscriptPane::playPausePressed);
    m_mode = new QComboBox(this);
    m_mode->addItem(QCoreApplication::translate("ReplayView", "Conversation"));
    m_mode->addItem(QCoreApplication::translate("ReplayView", "Event table"));
    m_mode->setToolTip(
        QCoreApplication::translate("ReplayView", "Read the transcript as a conversation or as a table of its events"));
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int mode) { setConversationShown(mode == 0); });
    m_spans = new QCheckBox(QCoreApplication::translate("ReplayView", "Spans"), this);
    m_spans->setToolTip(
        QCoreApplication::translate("ReplayView", "Show where spans open and close, their events indented"));
    connect(m_spans, &QCheckBox::toggled, this, [this](bool shown) {
        m_conversation->setSpansShown(shown);
        m_conversation->showStep(m_current);
    });
    m_tools->insertWidget(1, m_mode);
    m_tools->insertWidget(m_tools->indexOf(m_find), m_spans);
    setConversationShown(true);
}

bool TranscriptPane::conversationShown() const
{
    return m_conversation && m_modes->currentWidget() == m_conversation;
}

void TranscriptPane::setConversationShown(bool shown)
{
    if (!m_conversation)
        return;
    {
        const QSignalBlocker block(m_mode);
        m_mode->setCurrentIndex(shown ? 0 : 1);
    }
    // The conversation shows every event: the table's type filter belongs to the table.
    if (shown && m_filter->currentIndex() != 0)
        m_filter->setCurrentIndex(0);
    m_modes->setCurrentWidget(shown ? static_cast<QWidget*>(m_conversation) : m_transcript);
    m_filter->setVisible(!shown);
    m_spans->setVisible(shown);
    if (shown)
        m_conversation->showStep(m_current);
    else
        goToStep(m_current);
}
