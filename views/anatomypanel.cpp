// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomypanel.h"

#include "analysis/activitypatterns.h"
#include "analysis/anatomyreport.h"
#include "analysis/pricetable.h"
#include "reportpdf.h"
#include "store/store.h"
#include "workflow/anatomysummaries.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <cmath>

namespace {

/// How many plateaus, regressions, compactions and loops the panel lists at most; the JSON report has them all.
constexpr size_t shown = 100;

QString more(size_t count)
{
    return count > shown ? QCoreApplication::translate("AnatomyPanel", "<p>…and %1 more.</p>").arg(count - shown)
                         : QString();
}

QString percent(double fraction)
{
    return std::isnan(fraction) ? QStringLiteral("\u2013") : QStringLiteral("%1%").arg(100 * fraction, 0, 'f', 1);
}

QString activityLabel(const QString& key)
{
    const ActivityPatterns patterns = ActivityPatterns::standard();
    const int index = patterns.indexOf(key);
    return index >= 0 ? patterns.label(index) : key;
}

QString dollars(double amount)
{
    return QStringLiteral("$%1").arg(amount, 0, 'f', 2);
}

} // namespace

AnatomyPanel::AnatomyPanel(const QString& storePath, qint64 sampleId, QWidget* parent)
    : QWidget(parent)
    , m_state(new QLabel(tr("Reading the run\u2026"), this))
    , m_export(new QPushButton(tr("Export report\u2026"), this))
    , m_view(new QTextBrowser(this))
    , m_storePath(storePath)
    , m_sampleId(sampleId)
{
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<b>Anatomy</b>"), this));
    top->addWidget(m_state, 1);
    top->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    m_export->setEnabled(false);
    m_export->setToolTip(tr("Save the one-page run report as HTML, Markdown or PDF"));
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    connect(m_view, &QTextBrowser::anchorClicked, this, &AnatomyPanel::openLink);
    connect(m_export, &QPushButton::clicked, this, &AnatomyPanel::chooseExportPath);
    connect(&m_reading, &QFutureWatcherBase::finished, this, &AnatomyPanel::showReading);
}

void AnatomyPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    startReading();
}

void AnatomyPanel::startReading()
{
    if (m_started)
        return;
    m_started = true;
    m_reading.setFuture(QtConcurrent::run(&AnatomyPanel::read, m_storePath, m_sampleId));
}

AnatomyPanel::~AnatomyPanel()
{
    // The reading holds no pointer to the panel: it finishes on its own connection and its result is dropped.
    m_reading.disconnect(this);
}

void AnatomyPanel::read(QPromise<Reading>& promise, const QString& storePath, qint64 sampleId)
{
    Reading reading;
    Store store; // this thread's own connection
    if (!store.open(storePath, Store::OpenMode::Existing)) {
        reading.error = store.errorString();
    } else if (const std::optional<SampleRow> sample = store.sample(sampleId); !sample) {
        reading.error = tr("The sample is not in the store.");
    } else {
        reading.sample = *sample;
        // The workspace's history as the import (or the first reading) kept it.
        AnatomySummaries summaries(store, PriceTable::standard());
        if (std::optional<Anatomy> anatomy = summaries.anatomy(reading.sample))
            reading.anatomy = std::move(*anatomy);
        else
            reading.error = summaries.errorString();
    }
    promise.addResult(std::move(reading));
}

void AnatomyPanel::waitForReading()
{
    startReading();
    m_reading.waitForFinished();
    showReading();
}

void AnatomyPanel::showReading()
{
    // Once: after waitForReading(), the watcher's own signal comes too.
    if (m_done || m_reading.future().resultCount() == 0)
        return;
    m_done = true;
    Reading reading = m_reading.future().takeResult();
    if (!reading.error.isEmpty()) {
        m_state->setText(tr("Could not read the run: %1").arg(reading.error));
        emit ready();
        return;
    }
    m_anatomy = std::move(reading.anatomy);
    m_sample = std::move(reading.sample);
    m_links.clear();
    QString html = outcomeHtml() + testsHtml() + plateausHtml() + regressionsHtml() + compactionsHtml();
    html += activitiesHtml() + loopsHtml() + undoEditsHtml();
    m_view->setHtml(html);
    m_state->clear();
    m_ready = true;
    m_export->setEnabled(true);
    emit ready();
}

QString AnatomyPanel::text() const
{
    return m_view->toPlainText();
}

QString AnatomyPanel::link(int step, const QString& text)
{
    m_links.push_back(step);
    return QStringLiteral("<a href=\"step:%1\">%2</a>").arg(step).arg(text.toHtmlEscaped());
}

void AnatomyPanel::openLink(const QUrl& url)
{
    bool ok = false;
    const int step = url.scheme() == QLatin1String("step") ? url.path().toInt(&ok) : -1;
    if (ok)
        emit stepChosen(step);
}

QString AnatomyPanel::outcomeHtml()
{
    const Anatomy& a = m_anatomy;
    QString outcome = a.solved == 1 ? tr("Solved") : a.solved == 0 ? tr("Not solved") : tr("Not scored");
    // A sample without test fractions (a plain Inspect task, scored as a whole) says nothing of tests.
    if (!std::isnan(a.finalVisible) || !std::isnan(a.finalHeldOut))
        outcome += tr(": %1 of visible tests, %2 held-out").arg(percent(a.finalVisible), percent(a.finalHeldOut));
    if (!a.limit.isEmpty())
        outcome += tr("; stopped by its %1 limit").arg(a.limit.toHtmlEscaped());
    if (!a.error.isEmpty())
        outcome += tr("; ended by an error: %1").arg(a.error.left(200).toHtmlEscaped());
    QString html = QStringLiteral("<p>%1. %2 events, %3 model calls, %4 working, %5.</p>")
                       .arg(outcome)
                       .arg(a.events)
                       .arg(a.modelCalls)
                       .arg(AnatomyReport::duration(a.workingTime), dollars(a.cost));
    if (a.bestStep < 0)
        return html + tr("<p>No test runs: no best point, plateaus or regressions.</p>");
    html += tr("<p>Best: %1, %2 of held-out and %3 of visible tests. ")
                .arg(link(a.bestStep, tr("step %1").arg(a.bestStep)), percent(a.bestHeldOut), percent(a.bestVisible));
    html += tr("<b>%1 and %2 after the last improvement</b> (%3 steps).</p>")
                .arg(dollars(a.costAfterLastGain), AnatomyReport::duration(a.workingTimeAfterLastGain))
                .arg(a.stepsAfterLastGain);
    return html;
}

QString AnatomyPanel::testsHtml()
{
    const TestHistory& t = m_anatomy.tests;
    if (t.runs == 0)
        return {};
    if (!t.named)
        return tr("<h4>Tests</h4><p>%1 test runs name only some tests: at best %2 of %3 passed, %4 at the end; at "
                  "least %5 never passed.</p>")
            .arg(t.runs)
            .arg(t.bestPassed)
            .arg(t.total)
            .arg(t.finalPassed)
            .arg(t.total - t.bestPassed);
    QString html = tr("<h4>Tests</h4><p>%1 of %2 never passed").arg(t.neverPassed.size()).arg(t.total);
    html += t.neverPassed.isEmpty()
        ? QStringLiteral(".</p>")
        : QStringLiteral(": ") + t.neverPassed.mid(0, 20).join(QStringLiteral(", ")).toHtmlEscaped()
            + (t.neverPassed.size() > 20 ? QStringLiteral(" …</p>") : QStringLiteral("</p>"));
    if (t.broke.empty())
        return html + tr("<p>No test broke after passing.</p>");
    html += tr("<p>Broke after passing:</p><ol>");
    for (size_t i = 0; i < t.broke.size() && i < shown; ++i) {
        const TestBreak& b = t.broke[i];
        html += QStringLiteral("<li>%1: %2</li>")
                    .arg(b.test.toHtmlEscaped(),
                        tr("passed at %1, failed at %2, %3")
                            .arg(link(b.passedStep, QString::number(b.passedStep)),
                                link(b.brokeStep, QString::number(b.brokeStep)),
                                b.fixedStep < 0
                                    ? tr("never passed again")
                                    : tr("passed again at %1").arg(link(b.fixedStep, QString::number(b.fixedStep)))));
    }
    return html + QStringLiteral("</ol>") + more(t.broke.size());
}

QString AnatomyPanel::undoEditsHtml()
{
    if (m_anatomy.undoEdits.empty())
        return {};
    QString html = tr("<h4>Edits that undo earlier edits</h4><ol>");
    for (size_t i = 0; i < m_anatomy.undoEdits.size() && i < shown; ++i) {
        const UndoEdit& u = m_anatomy.undoEdits[i];
        html += QStringLiteral("<li>%1</li>")
                    .arg(tr("%1 undoes %2 in %3 (%4)")
                             .arg(link(u.step, tr("step %1").arg(u.step)),
                                 link(u.undoesStep, tr("step %1").arg(u.undoesStep)), u.path.toHtmlEscaped(),
                                 u.restores ? tr("the file as it was") : tr("its texts swapped back")));
    }
    return html + QStringLiteral("</ol>") + more(m_anatomy.undoEdits.size());
}

QString AnatomyPanel::plateausHtml()
{
    if (m_anatomy.plateaus.empty())
        return {};
    QString html = tr("<h4>Plateaus, longest first</h4><ol>");
    for (size_t i = 0; i < m_anatomy.plateaus.size() && i < shown; ++i) {
        const Plateau& p = m_anatomy.plateaus[i];
        const QString mostly
            = p.activities.empty() ? QString() : tr(", mostly %1").arg(activityLabel(p.activities.front().name));
        // Where the output names its tests, those failing all through it (the first few by name).
        QString failing;
        if (m_anatomy.tests.named && !p.failingTests.isEmpty()) {
            constexpr int named = 3;
            failing = tr("; tests failing throughout: %1").arg(p.failingTests.size());
            if (p.failingTests.size() <= named)
                failing += QStringLiteral(" (%1)").arg(p.failingTests.join(QStringLiteral(", ")).toHtmlEscaped());
        }
        html += QStringLiteral("<li>%1 \u2192 %2: %3%4</li>")
                    .arg(link(p.fromStep, tr("step %1").arg(p.fromStep)), link(p.toStep, tr("%1").arg(p.toStep)),
                        tr("%1 at %2, %3, %4%5%6")
                            .arg(p.testRuns == 1 ? tr("1 test run") : tr("%1 test runs").arg(p.testRuns),
                                percent(p.level), AnatomyReport::duration(p.workingTime), dollars(p.cost),
                                mostly.toHtmlEscaped(), p.ended ? QString() : tr(" (to the end)")),
                        failing);
    }
    return html + QStringLiteral("</ol>") + more(m_anatomy.plateaus.size());
}

QString AnatomyPanel::regressionsHtml()
{
    if (m_anatomy.regressions.empty())
        return {};
    QString html = tr("<h4>Regressions</h4><ol>");
    for (size_t i = 0; i < m_anatomy.regressions.size() && i < shown; ++i) {
        const Regression& r = m_anatomy.regressions[i];
        const bool heldOut = !std::isnan(r.heldOutBefore);
        QString edits;
        for (size_t e = 0; e < r.editSteps.size() && e < 5; ++e)
            edits += (e ? QStringLiteral(", ") : QString()) + link(r.editSteps[e], QString::number(r.editSteps[e]));
        html += QStringLiteral("<li>%1: %2 \u2192 %3 %4; %5</li>")
                    .arg(link(r.toStep, tr("step %1").arg(r.toStep)),
                        percent(heldOut ? r.heldOutBefore : r.visibleBefore),
                        percent(heldOut ? r.heldOutAfter : r.visibleAfter), heldOut ? tr("held-out") : tr("visible"),
                        r.editSteps.empty() ? tr("no edit between")
                                            : tr("edits at %1 (%2 lines)").arg(edits).arg(r.diffLines));
    }
    return html + QStringLiteral("</ol>") + more(m_anatomy.regressions.size());
}

QString AnatomyPanel::compactionsHtml()
{
    if (m_anatomy.compactions.empty())
        return {};
    QString html = tr("<h4>Compactions (%1)</h4><ol>").arg(m_anatomy.compactions.size());
    for (size_t i = 0; i < m_anatomy.compactions.size() && i < shown; ++i) {
        const CompactionAnatomy& c = m_anatomy.compactions[i];
        html += QStringLiteral("<li>%1: %2</li>")
                    .arg(link(c.step, tr("step %1").arg(c.step)),
                        tr("%L1 \u2192 %L2 tokens, %3 passing before, %4 after")
                            .arg(c.tokensBefore)
                            .arg(c.tokensAfter)
                            .arg(percent(c.passBefore), percent(c.passAfter)));
    }
    return html + QStringLiteral("</ol>") + more(m_anatomy.compactions.size());
}

QString AnatomyPanel::activitiesHtml() const
{
    QString html = tr("<h4>Activities</h4><table cellspacing=\"0\" cellpadding=\"2\">"
                      "<tr><th align=\"left\">activity</th><th align=\"right\">turns</th>"
                      "<th align=\"right\">time</th><th align=\"right\">dollars</th></tr>");
    const ActivityPatterns patterns = ActivityPatterns::standard();
    for (const ActivityShare& share : m_anatomy.activities) {
        const int index = patterns.indexOf(share.name);
        // Its colour as the band along the curve shows it.
        html += QStringLiteral("<tr><td><font color=\"%5\">\u25a0</font> %1</td><td align=\"right\">%2</td>"
                               "<td align=\"right\">%3</td><td align=\"right\">%4</td></tr>")
                    .arg((index >= 0 ? patterns.label(index) : share.name).toHtmlEscaped())
                    .arg(share.turns)
                    .arg(AnatomyReport::duration(share.workingTime), dollars(share.cost), patterns.colour(index));
    }
    return html + QStringLiteral("</table>");
}

QString AnatomyPanel::loopsHtml()
{
    if (m_anatomy.loops.empty())
        return {};
    QString html = tr("<h4>Loops</h4><ol>");
    for (size_t i = 0; i < m_anatomy.loops.size() && i < shown; ++i) {
        const CommandLoop& loop = m_anatomy.loops[i];
        html += QStringLiteral("<li>%1: <code>%2</code> run %3 times with no edit between</li>")
                    .arg(link(loop.firstStep, tr("steps %1\u2013%2").arg(loop.firstStep).arg(loop.lastStep)),
                        loop.command.left(80).toHtmlEscaped())
                    .arg(loop.runs);
    }
    return html + QStringLiteral("</ol>") + more(m_anatomy.loops.size());
}

void AnatomyPanel::chooseExportPath()
{
    const QString name = QStringLiteral("%1-%2-epoch%3.pdf").arg(m_sample.sampleId, m_sample.model).arg(m_sample.epoch);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"),
        QString(name).replace(QLatin1Char('/'), QLatin1Char('_')), tr("PDF (*.pdf);;HTML (*.html);;Markdown (*.md)"));
    if (!path.isEmpty())
        exportReport(path);
}

bool AnatomyPanel::exportReport(const QString& path)
{
    if (!m_ready)
        return false;
    const ActivityPatterns patterns = ActivityPatterns::standard();
    const AnatomyReport report(m_anatomy, m_sample, patterns);
    bool written = false;
    if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        written = ReportPdf::write(report.html(), path, window()->windowTitle());
    } else {
        QFile file(path);
        written = file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && file.write((path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive) ? report.markdown() : report.html())
                              .toUtf8())
                >= 0;
    }
    if (!written && isVisible())
        QMessageBox::warning(this, tr("Export report"), tr("Could not write %1.").arg(path));
    return written;
}
