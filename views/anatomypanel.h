// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/anatomyrecords.h"
#include "records/storerows.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;
class QUrl;

/// The replay's Anatomy panel: how the run ended, its best point and what it spent after its last gain, its plateaus
/// (longest first), the tests that never passed or broke, regressions, compactions, activities, loops and edits that
/// undo earlier ones. Every item with a step is a link to that step.
/// The anatomy is read on a thread of its own, from its own connection to the store, once the panel is first shown
/// (never in a compare view, which hides it): the replay opens at once and the panel says "Reading the run…"
/// meanwhile.
class AnatomyPanel : public QWidget {
    Q_OBJECT
public:
    AnatomyPanel(const QString& storePath, qint64 sampleId, QWidget* parent = nullptr);
    ~AnatomyPanel() override;

    /// Whether the anatomy has been read.
    bool isReady() const { return m_ready; }
    const Anatomy& anatomy() const { return m_anatomy; }
    /// Waits for the anatomy (reading it if the panel was never shown) and shows it now, for a picture of the replay.
    void waitForReading();
    /// The panel's text, as a reader sees it.
    QString text() const;
    /// The steps the panel links to, in the order it shows them.
    const std::vector<int>& linkedSteps() const { return m_links; }
    /// Follows a link of the panel ("step:N"): asks the replay to move there.
    void openLink(const QUrl& url);
    /// Writes the one-page run report to `path` (.html, .md or .pdf); false with a message box where it cannot.
    bool exportReport(const QString& path);

signals:
    /// A link to this step was followed.
    void stepChosen(int seq);
    /// The anatomy was read (or failed to be).
    void ready();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Reading {
        Anatomy anatomy;
        SampleRow sample;
        QString error;
    };
    static void read(QPromise<Reading>& promise, const QString& storePath, qint64 sampleId);
    void startReading();
    void showReading();
    void chooseExportPath();
    QString link(int step, const QString& text);
    QString outcomeHtml();
    QString testsHtml();
    QString undoEditsHtml();
    QString plateausHtml();
    QString regressionsHtml();
    QString compactionsHtml();
    QString activitiesHtml() const;
    QString loopsHtml();

    QLabel* m_state;
    QPushButton* m_export;
    QTextBrowser* m_view;
    QFutureWatcher<Reading> m_reading;
    QString m_storePath;
    qint64 m_sampleId;
    bool m_started = false;
    bool m_done = false; ///< the reading was taken, read or not
    bool m_ready = false;
    Anatomy m_anatomy;
    SampleRow m_sample;
    std::vector<int> m_links;
};
