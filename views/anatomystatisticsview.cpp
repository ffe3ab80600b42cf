// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomystatisticsview.h"

#include "anatomystatisticsmodel.h"
#include "cellformat.h"
#include "figurelayout.h"
#include "inspect/mirrorcodetargets.h"
#include "store/store.h"
#include "workflow/anatomysummaries.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <qcustomplot.h>

namespace {
/// An activity's colour in the stacked bar (Okabe-Ito, in the patterns' order; grey for the rest).
QColor activityColor(qsizetype index, qsizetype count)
{
    static const QColor colors[] = { QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
        QColor(0xD5, 0x5E, 0x00), QColor(0x00, 0x72, 0xB2), QColor(0xCC, 0x79, 0xA7), QColor(0xF0, 0xE4, 0x42) };
    if (index == count - 1)
        return QColor(0x99, 0x99, 0x99); // "other", always last
    return colors[size_t(index) % (sizeof(colors) / sizeof(colors[0]))];
}
}

AnatomyStatisticsView::AnatomyStatisticsView(const QString& storePath, QWidget* parent)
    : QWidget(parent)
    , m_storePath(storePath)
    , m_prices(PriceTable::standard())
    , m_by(new QComboBox(this))
    , m_state(new QLabel(this))
    , m_table(new QTableView(this))
    , m_chart(new QCustomPlot(this))
    , m_definitions(new QLabel(this))
    , m_model(new AnatomyStatisticsModel(this))
{
    m_by->addItem(tr("per model"), false);
    m_by->addItem(tr("per model and size tier"), true);
    connect(m_by, &QComboBox::currentIndexChanged, this, [this] { showFigures(); });
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("<b>Where the time and money went</b>"), this));
    top->addWidget(m_by);
    top->addWidget(m_state, 1);
    auto* sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_model);
    sorted->setSortRole(AnatomyStatisticsModel::SortRole);
    m_table->setModel(sorted);
    m_table->setObjectName(QStringLiteral("anatomyTable"));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AnatomyStatisticsModel::Model, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_chart->setObjectName(QStringLiteral("anatomyChart"));
    m_chart->setMinimumHeight(220);
    m_definitions->setWordWrap(true);
    m_definitions->setTextFormat(Qt::RichText);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_chart);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);
    layout->addWidget(m_definitions);
    connect(&m_reading, &QFutureWatcherBase::finished, this, &AnatomyStatisticsView::takeReading);
    connect(&m_reading, &QFutureWatcherBase::progressValueChanged, this, [this](int done) {
        m_state->setText(
            tr("Reading the anatomy of %1 of %2 samples\u2026").arg(done).arg(m_reading.progressMaximum()));
    });
}

AnatomyStatisticsView::~AnatomyStatisticsView()
{
    // The reading holds no pointer to the view: it stops at the next sample, on its own connection.
    m_reading.disconnect(this);
    m_reading.cancel();
}

void AnatomyStatisticsView::setSamples(const std::vector<SampleRow>& samples)
{
    m_samples = samples;
    m_ready = false;
    if (isVisible())
        startReading();
}

void AnatomyStatisticsView::setPrices(const PriceTable& prices)
{
    m_prices = prices;
    m_summaries.clear();
    m_ready = false;
    if (isVisible())
        startReading();
}

void AnatomyStatisticsView::setByTier(bool byTier)
{
    m_by->setCurrentIndex(byTier ? 1 : 0);
}

void AnatomyStatisticsView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_ready)
        startReading();
}

void AnatomyStatisticsView::startReading()
{
    std::vector<SampleRow> missing;
    for (const SampleRow& sample : m_samples) {
        if (!m_summaries.contains(sample.id))
            missing.push_back(sample);
    }
    // An older reading is of other samples: it stops, keeping in the store what it read.
    m_reading.cancel();
    m_error.clear();
    if (missing.empty()) {
        m_reading.setFuture(QFuture<Reading>());
        showFigures();
        return;
    }
    m_state->setText(tr("Reading the anatomy of %n sample(s)\u2026", nullptr, int(missing.size())));
    m_reading.setFuture(QtConcurrent::run(&AnatomyStatisticsView::read, m_storePath, missing, m_prices));
}

void AnatomyStatisticsView::read(QPromise<Reading>& promise, const QString& storePath,
    const std::vector<SampleRow>& samples, const PriceTable& prices)
{
    Reading reading;
    Store store; // this thread's own connection
    if (!store.open(storePath, Store::OpenMode::Existing)) {
        reading.error = store.errorString();
    } else {
        promise.setProgressRange(0, int(samples.size()));
        AnatomySummaries summaries(store, prices);
        const auto read = summaries.of(samples, [&](int done, int, int) {
            promise.setProgressValue(done);
            return !promise.isCanceled();
        });
        if (read)
            reading.summaries = *read;
        else
            reading.error = summaries.errorString();
    }
    promise.addResult(std::move(reading));
}

void AnatomyStatisticsView::waitForReading()
{
    if (!m_ready && !m_reading.isRunning())
        startReading();
    m_reading.waitForFinished();
    takeReading();
}

void AnatomyStatisticsView::takeReading()
{
    const QFuture<Reading> future = m_reading.future();
    if (future.isCanceled() || future.resultCount() == 0)
        return;
    const Reading reading = future.result();
    for (const AnatomySummary& summary : reading.summaries)
        m_summaries.insert(summary.sampleId, summary);
    m_error = reading.error;
    m_reading.setFuture(QFuture<Reading>()); // taken: a second call finds nothing
    showFigures();
}

void AnatomyStatisticsView::showFigures()
{
    std::vector<SampleRow> samples;
    std::vector<AnatomySummary> summaries;
    for (const SampleRow& sample : m_samples) {
        const auto found = m_summaries.constFind(sample.id);
        if (found != m_summaries.constEnd()) {
            samples.push_back(sample);
            summaries.push_back(*found);
        }
    }
    const bool byTier = m_by->currentData().toBool();
    std::function<QString(const SampleRow&)> tier;
    if (byTier)
        tier = [](const SampleRow& sample) { return sample.tier.isEmpty() ? tr("no tier") : sample.tier; };
    std::vector<AnatomyGroup> groups = AnatomyStatistics::groups(
        samples, summaries, [](const SampleRow& sample) { return sample.model; }, tier);
    // The bars in the table's first order: by model, then tier, small to large (MirrorCode's S, M, L).
    std::sort(groups.begin(), groups.end(), [&](const AnatomyGroup& a, const AnatomyGroup& b) {
        if (a.key != b.key)
            return CellFormat::naturalLess(a.key, b.key);
        if (tierRank(a.group) != tierRank(b.group))
            return tierRank(a.group) < tierRank(b.group);
        return CellFormat::naturalLess(a.group, b.group);
    });
    m_model->setGroups(std::move(groups), byTier ? tr("Tier") : QString());
    m_table->setColumnHidden(AnatomyStatisticsModel::Group, !byTier);
    m_table->resizeColumnsToContents();
    if (!m_error.isEmpty())
        m_state->setText(tr("Could not read every run: %1").arg(m_error));
    else if (samples.size() < m_samples.size())
        m_state->setText(tr("%1 of %2 samples read").arg(samples.size()).arg(m_samples.size()));
    else
        m_state->setText(tr("%n sample(s), every epoch a run of its own", nullptr, int(samples.size())));
    using Figure = AnatomyStatistics::Figure;
    QString definitions;
    for (const auto& [name, figure] :
        { std::pair(tr("Samples"), Figure::Samples), std::pair(tr("$ after last gain"), Figure::CostShareAfterLastGain),
            std::pair(tr("Time after last gain"), Figure::TimeShareAfterLastGain),
            std::pair(tr("Plateau time / run"), Figure::PlateauTimePerRun),
            std::pair(tr("Plateau share"), Figure::PlateauTimeShare),
            std::pair(tr("Regressions / run"), Figure::RegressionsPerRun),
            std::pair(tr("Compactions / run"), Figure::CompactionsPerRun),
            std::pair(tr("$ activity"), Figure::ActivityCostShare), std::pair(tr("Bars"), Figure::ActivityCost) }) {
        definitions += QStringLiteral("<b>%1</b>: %2. ")
                           .arg(name.toHtmlEscaped(), AnatomyStatistics::definition(figure).toHtmlEscaped());
    }
    m_definitions->setText(QStringLiteral("<small>") + definitions + QStringLiteral("</small>"));
    drawChart();
    m_ready = m_error.isEmpty() && samples.size() == m_samples.size();
    emit ready();
}

void AnatomyStatisticsView::drawChart()
{
    QCustomPlot* plot = m_chart;
    plot->clearPlottables();
    plot->clearItems();
    const FigureStyle style = FigureStyle::screen();
    plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->xAxis->setTickLabels(true);
    plot->yAxis->setTickLabels(true);
    FigureLayout::arrange(plot, style, tr("Dollars per run by activity"));
    const std::vector<AnatomyGroup>& groups = m_model->groups();
    const QStringList& activities = m_model->activities();
    if (groups.empty()) {
        FigureLayout::showMessage(plot, style, tr("No samples: the filter leaves none."));
    } else {
        QMap<double, QString> ticks;
        for (size_t i = 0; i < groups.size(); ++i) {
            const QString model = groups[i].key.section(QLatin1Char('/'), -1);
            ticks.insert(double(i), groups[i].group.isEmpty() ? model : model + QLatin1Char('\n') + groups[i].group);
        }
        QCPBars* below = nullptr;
        double top = 0;
        std::vector<double> heights(groups.size(), 0.0);
        for (qsizetype a = 0; a < activities.size(); ++a) {
            auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
            bars->setName(AnatomyStatisticsModel::activityName(activities[a]));
            const QColor color = activityColor(a, activities.size());
            bars->setBrush(color);
            bars->setPen(QPen(color.darker(130), 1));
            bars->setWidth(0.6);
            if (below)
                bars->moveAbove(below);
            for (size_t i = 0; i < groups.size(); ++i) {
                double cost = 0;
                for (const ActivityShare& share : groups[i].activities) {
                    if (share.name == activities[a])
                        cost = share.cost;
                }
                const double perRun = groups[i].samples > 0 ? cost / groups[i].samples : 0;
                bars->addData(double(i), perRun);
                heights[i] += perRun;
                top = std::max(top, heights[i]);
            }
            below = bars;
        }
        FigureLayout::setTextTicks(plot->xAxis, ticks);
        plot->xAxis->setRange(-0.6, double(groups.size()) - 0.4);
        plot->xAxis->setLabel({});
        plot->yAxis->setRange(0, top > 0 ? top * 1.08 : 1);
        plot->yAxis->setLabel(tr("USD per run (mean over samples)"));
    }
    FigureLayout::applyTheme(plot, style.theme);
    FigureLayout::fitOnScreen(plot);
    plot->replot(QCustomPlot::rpQueuedReplot);
}
