// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "mainwindow.h"

#include "analysis/solverates.h"
#include "store/transcriptquery.h"

#include "cellformat.h"

#include "anatomystatisticsview.h"
#include "compareview.h"
#include "importdialog.h"
#include "outcomegridmodel.h"
#include "pairedcomparisonmodel.h"
#include "plotbuilder.h"
#include "pricedialog.h"
#include "replayview.h"
#include "rerundialog.h"
#include "runtablemodel.h"
#include "sampletablemodel.h"
#include "searchdialog.h"
#include "tasksolveratemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace {
QTableView* makeTable(QAbstractItemModel* model, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    // Column widths from the first rows only: measuring 10,000 rows would take longer than the filter itself.
    table->horizontalHeader()->setResizeContentsPrecision(200);
    return table;
}
}

QStringList MainWindow::viewNames()
{
    return { QStringLiteral("runs"), QStringLiteral("samples"), QStringLiteral("outcomes"),
        QStringLiteral("solve-rate"), QStringLiteral("tier"), QStringLiteral("program-size"),
        QStringLiteral("cost-curve"), QStringLiteral("pareto"), QStringLiteral("cost-by-task"),
        QStringLiteral("tokens"), QStringLiteral("duration"), QStringLiteral("paired"), QStringLiteral("anatomy") };
}

MainWindow::MainWindow(Store& store, SavedSettings settings, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_prices(PriceTable::standard())
    , m_runs(new RunTableModel(this))
    , m_sampleModel(new SampleTableModel(this))
    , m_outcomeModel(new OutcomeGridModel(this))
    , m_sortedRuns(new QSortFilterProxyModel(this))
    , m_savedSettings(settings)
    , m_tabs(new QTabWidget(this))
    , m_outcomes(new QTableView(this))
    , m_taskRates(new TaskSolveRateModel(this))
    , m_pairedModel(new PairedComparisonModel(this))
    , m_pairedA(new QComboBox(this))
    , m_pairedB(new QComboBox(this))
    , m_anatomy(new AnatomyStatisticsView(store.path(), this))
    , m_task(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_tier(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_outcome(new QComboBox(this))
    , m_program(new QComboBox(this))
    , m_evalSet(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_since(new QDateEdit(this))
{
    // A store that cannot be written reads as any other; imports into it are refused, and the title says why.
    setWindowTitle(m_store.isReadOnly() ? tr("Runlens (read-only)") : tr("Runlens"));
    setUpTables();
    QWidget* filters = makeFilterBar();
    setUpTabs();
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(filters);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    addFileMenu();
    addViewMenu();
    addEditMenu();
    setAcceptDrops(true);
    restoreSettings();
    reload();
}

void MainWindow::setUpTables()
{
    m_sortedRuns->setSourceModel(m_runs);
    m_sortedRuns->setSortRole(RunTableModel::SortRole);
    m_runTable = makeTable(m_sortedRuns, this);
    m_runTable->sortByColumn(RunTableModel::Created, Qt::AscendingOrder);
    m_sampleTable = makeTable(m_sampleModel, this);
    m_sampleTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_sampleTable->sortByColumn(SampleTableModel::Task, Qt::AscendingOrder);
    connect(m_sampleTable, &QTableView::activated, this,
        [this](const QModelIndex& index) { openSample(index.data(SampleTableModel::SampleIdRole).toLongLong()); });
    m_outcomes->setModel(m_outcomeModel);
    m_outcomes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outcomes->setAlternatingRowColors(false);
    // Long model names elide; the header's tooltip names the model in full.
    m_outcomes->horizontalHeader()->setMaximumSectionSize(
        m_outcomes->fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16);
    m_outcomes->verticalHeader()->setDefaultSectionSize(m_outcomes->fontMetrics().height() + 6);
    connect(m_outcomes, &QTableView::doubleClicked, this, &MainWindow::openOutcome);
    // The grid says what it shows: its definition and its colours, above it.
    auto swatch = [](double share, const QString& text) {
        return QStringLiteral("<span style=\"background-color:%1; color:%2\">&nbsp;%3&nbsp;</span>")
            .arg(OutcomeGridModel::colour(share).name(), OutcomeGridModel::textColour(share).name(), text);
    };
    auto* legend = new QLabel(
        tr("<b>Each cell: epochs solved of epochs run</b> by one model on one task (a sample of an Inspect task, or a "
           "MirrorCode program): "
           "%1 none of two epochs solved, %2 one of two, %3 both, %4 no score. The colour follows the share "
           "solved. In the solve-rate bars a task counts as solved as the mean over its epochs (1/2 counts "
           "half). Double-click a cell to open its transcript; with several epochs you choose which.")
            .arg(swatch(0, QStringLiteral("0/2")), swatch(0.5, QStringLiteral("1/2")), swatch(1, QStringLiteral("2/2")),
                swatch(-1, tr("unscored"))),
        this);
    legend->setObjectName(QStringLiteral("outcomeLegend"));
    legend->setWordWrap(true);
    legend->setTextFormat(Qt::RichText);
    legend->setContentsMargins(6, 4, 6, 4);
    // Solve rate by task x model, when several tasks are in view: a model's rate over several tasks pools them.
    m_taskRatesBox = new QWidget(this);
    auto* rates = new QVBoxLayout(m_taskRatesBox);
    rates->setContentsMargins(0, 0, 0, 0);
    m_taskRatesCaption = new QLabel(m_taskRatesBox);
    m_taskRatesCaption->setWordWrap(true);
    m_taskRatesCaption->setContentsMargins(6, 4, 6, 0);
    auto* rateTable = new QTableView(m_taskRatesBox);
    rateTable->setModel(m_taskRates);
    rateTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rateTable->verticalHeader()->setDefaultSectionSize(rateTable->fontMetrics().height() + 6);
    rateTable->setObjectName(QStringLiteral("taskRates"));
    rates->addWidget(m_taskRatesCaption);
    rates->addWidget(rateTable, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* grid = new QWidget(split);
    auto* gridLayout = new QVBoxLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(legend);
    gridLayout->addWidget(m_outcomes, 1);
    split->addWidget(grid);
    split->addWidget(m_taskRatesBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    m_outcomesPage = split;
}

QWidget* MainWindow::makePairedPage()
{
    // Two models on the tasks both ran: pick them, read the table.
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Compare model A:"), page));
    pick->addWidget(m_pairedA, 1);
    pick->addWidget(new QLabel(tr("with model B:"), page));
    pick->addWidget(m_pairedB, 1);
    for (QComboBox* box : { m_pairedA, m_pairedB }) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(24);
        connect(box, &QComboBox::currentIndexChanged, this, &MainWindow::updatePaired);
    }
    layout->addLayout(pick);
    m_pairedCaption = new QLabel(page);
    m_pairedCaption->setWordWrap(true);
    layout->addWidget(m_pairedCaption);
    auto* table = makeTable(m_pairedModel, page);
    table->setSortingEnabled(false);
    table->setObjectName(QStringLiteral("pairedTable"));
    table->setWordWrap(true);
    // The definitions wrap in the room left: every row as tall as its text.
    for (int column = 0; column < PairedComparisonModel::ColumnCount; ++column)
        table->horizontalHeader()->setSectionResizeMode(
            column, column == PairedComparisonModel::Definition ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(table, 1);
    return page;
}

void MainWindow::updatePaired()
{
    const QString a = m_pairedA->currentData().toString(), b = m_pairedB->currentData().toString();
    if (a.isEmpty() || b.isEmpty() || a == b) {
        m_pairedModel->setComparison({});
        m_pairedCaption->setText(tr("Pick two different models: the samples in view (see the filters above) that "
                                    "both ran are compared task by task."));
        return;
    }
    m_pairedModel->setComparison(comparePaired(m_filtered, a, b));
    m_pairedCaption->setText(tr("%1 (A) against %2 (B) on the %3 tasks both ran, a task being one sample (task, "
                                "sample id) with a scored epoch by each model. Solve rate: the mean over tasks of "
                                "the share of epochs solved. Intervals: 95%, bootstrap over tasks.")
                                 .arg(a, b)
                                 .arg(m_pairedModel->comparison().tasks));
}

bool MainWindow::setPairedModels(const QString& a, const QString& b)
{
    const int first = m_pairedA->findData(a), second = m_pairedB->findData(b);
    if (first < 0 || second < 0)
        return false;
    m_pairedA->setCurrentIndex(first);
    m_pairedB->setCurrentIndex(second);
    return true;
}

void MainWindow::openOutcome(const QModelIndex& index)
{
    const std::vector<OutcomeGridModel::Epoch> epochs = m_outcomeModel->epochs(index);
    if (epochs.size() == 1)
        openSample(epochs.front().sample);
    if (epochs.size() < 2)
        return;
    // Several epochs: which one to open. The replay's title names the epoch it shows.
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("epochMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addSection(tr("Open which epoch?"));
    // Epochs of several runs of the task name their run by its date.
    const bool runs = std::any_of(epochs.begin(), epochs.end(),
        [&](const OutcomeGridModel::Epoch& epoch) { return epoch.run != epochs.front().run; });
    for (const OutcomeGridModel::Epoch& epoch : epochs) {
        const QString outcome = epoch.solved == 1 ? tr("solved")
            : epoch.solved == 0                   ? tr("not solved")
                                                  : tr("unscored");
        const qint64 sample = epoch.sample;
        const QString text = runs ? tr("Epoch %1 of the run of %2: %3").arg(epoch.epoch).arg(epoch.created, outcome)
                                  : tr("Epoch %1: %2").arg(epoch.epoch).arg(outcome);
        menu->addAction(text, this, [this, sample] { openSample(sample); });
    }
    menu->popup(QCursor::pos());
}

QWidget* MainWindow::makeFilterBar()
{
    // The filter bar: every view below follows it.
    auto* filters = new QWidget(this);
    auto* filterGrid = new QGridLayout(filters);
    filterGrid->setContentsMargins(6, 6, 6, 0);
    // Program, tier and language are MirrorCode's: shown only when some sample was classified.
    const std::pair<QString, QComboBox*> boxes[] = { { tr("Task:"), m_task }, { tr("Model:"), m_model },
        { tr("Outcome:"), m_outcome }, { tr("Eval set:"), m_evalSet }, { tr("Run status:"), m_status },
        { tr("Program:"), m_program }, { tr("Tier:"), m_tier }, { tr("Language:"), m_language } };
    int cell = 0;
    for (const auto& [label, box] : boxes) {
        if (box == m_program)
            ++cell; // "Since:" goes after the run status
        auto* name = new QLabel(label, filters);
        filterGrid->addWidget(name, cell / 4, 2 * (cell % 4));
        filterGrid->addWidget(box, cell / 4, 2 * (cell % 4) + 1);
        if (box == m_program || box == m_tier || box == m_language)
            m_classifiedFilters.insert(m_classifiedFilters.end(), { name, box });
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
        connect(box, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilters);
        ++cell;
    }
    // Runs created on or after this day; the earliest day shows everything.
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setMinimumDate(QDate(2000, 1, 1));
    m_since->setSpecialValueText(tr("any date"));
    m_since->setDate(m_since->minimumDate());
    filterGrid->addWidget(new QLabel(tr("Since:"), filters), 1, 2);
    filterGrid->addWidget(m_since, 1, 3);
    filterGrid->setColumnStretch(8, 1);
    connect(m_since, &QDateEdit::dateChanged, this, &MainWindow::applyFilters);
    return filters;
}

void MainWindow::setUpTabs()
{
    m_tabs->addTab(m_runTable, tr("Runs"));
    m_tabs->addTab(m_sampleTable, tr("Samples"));
    m_tabs->addTab(m_outcomesPage, tr("Outcomes"));
    const QStringList plotTitles { tr("Solve rate"), tr("By tier"), tr("By program size"), tr("Cost curve"),
        tr("Cost and pass"), tr("Cost by task"), tr("Tokens"), tr("Duration") };
    const QStringList plotNames = viewNames().mid(3, plotTitles.size());
    for (qsizetype i = 0; i < plotNames.size(); ++i)
        addPlotTab(plotNames[i], plotTitles[i]);
    m_tabs->addTab(makePairedPage(), tr("Two models"));
    m_tabs->addTab(m_anatomy, tr("Anatomy"));
}

void MainWindow::addPlotTab(const QString& name, const QString& title)
{
    auto* plot = new QCustomPlot(this);
    plot->setObjectName(name);
    m_plots.emplace_back(name, plot);
    // Hovering a point names its sample; a double-click opens it.
    plot->setMouseTracking(true);
    connect(plot, &QCustomPlot::mouseMove, this, [plot](QMouseEvent* event) {
        QString description;
        if (PlotBuilder::sampleAt(plot, event->position(), &description))
            QToolTip::showText(event->globalPosition().toPoint(), description, plot);
        else
            QToolTip::hideText();
    });
    connect(plot, &QCustomPlot::mouseDoubleClick, this, [this, plot](QMouseEvent* event) {
        if (const qint64 sample = PlotBuilder::sampleAt(plot, event->position(), nullptr))
            openSample(sample);
    });
    m_tabs->addTab(plot, title);
}

void MainWindow::addFileMenu()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* importFiles = file->addAction(tr("&Import files\u2026"), QKeySequence::Open, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import Inspect logs"), {}, tr("Inspect logs (*.eval *.json);;All files (*)"));
        if (!files.isEmpty())
            importPaths(files);
    });
    QAction* importFolder = file->addAction(tr("Import a &folder\u2026"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import every log in a folder"));
        if (!folder.isEmpty())
            importPaths({ folder });
    });
    importFiles->setEnabled(!m_store.isReadOnly());
    importFolder->setEnabled(!m_store.isReadOnly());
    file->addAction(tr("&Export plot\u2026"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportCurrentPlot);
    file->addSeparator();
    file->addAction(tr("&Open a store\u2026"), this, &MainWindow::openStore);
    file->addAction(tr("Open a &team store (PostgreSQL)\u2026"), this, &MainWindow::openTeamStore);
    QMenu* recent = file->addMenu(tr("&Recent stores"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        for (const QString& path : QSettings().value(QStringLiteral("stores/recent")).toStringList()) {
            recent->addAction(path, this, [path] {
                // Each store in its own window: a new Runlens on it.
                QProcess::startDetached(QCoreApplication::applicationFilePath(), { QStringLiteral("--store"), path });
            });
        }
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
}

void MainWindow::addViewMenu()
{
    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* dark = view->addAction(tr("&Dark palette"));
    dark->setCheckable(true);
    dark->setChecked(
        m_savedSettings == SavedSettings::Use && QSettings().value(QStringLiteral("window/dark")).toBool());
    connect(dark, &QAction::toggled, this, [](bool on) {
        QSettings().setValue(QStringLiteral("window/dark"), on);
        if (on)
            useDarkPalette();
        else
            QApplication::setPalette(QApplication::style()->standardPalette());
    });
}

void MainWindow::addEditMenu()
{
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy rows as CSV"), QKeySequence::Copy, this, &MainWindow::copySelection);
    edit->addAction(tr("&Search the transcripts\u2026"), QKeySequence::Find, this, [this] { openSearch(); });
    edit->addAction(
        tr("Co&mpare the two selected samples"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::compareSelected);
    edit->addAction(tr("&Prices\u2026"), this, &MainWindow::editPrices);
}

void MainWindow::compareSelected()
{
    const QModelIndexList rows = m_sampleTable->selectionModel()->selectedRows();
    if (rows.size() != 2) {
        QMessageBox::information(this, tr("Compare"), tr("Select two samples in the Samples tab (Ctrl+click)."));
        return;
    }
    const qint64 first = rows[0].data(SampleTableModel::SampleIdRole).toLongLong();
    const qint64 second = rows[1].data(SampleTableModel::SampleIdRole).toLongLong();
    if (!transcriptReadable(tr("Compare"), first) || !transcriptReadable(tr("Compare"), second))
        return;
    auto* compare = new CompareView(m_store, first, second);
    compare->setAttribute(Qt::WA_DeleteOnClose);
    compare->setWindowFlag(Qt::Window);
    compare->show();
}

bool MainWindow::transcriptReadable(const QString& title, qint64 sampleId)
{
    if (m_store.transcript(sampleId))
        return true;
    QMessageBox::information(this, title, m_store.errorString());
    return false;
}

void MainWindow::editPrices()
{
    PriceDialog dialog(m_prices, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_prices = dialog.prices();
    if (!m_prices.save(PriceTable::userPath()))
        QMessageBox::warning(
            this, tr("Prices"), tr("The prices could not be saved to %1.").arg(PriceTable::userPath()));
    reload();
}

void MainWindow::restoreSettings()
{
    resize(1200, 720);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (auto* plot = qobject_cast<QCustomPlot*>(m_tabs->widget(index)))
            plot->replot();
    });
    if (m_savedSettings == SavedSettings::Ignore) {
        m_tabs->setCurrentIndex(0);
        return;
    }
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    rememberStore(m_store.isPostgres() ? m_store.path() : QFileInfo(m_store.path()).absoluteFilePath());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    connect(m_tabs, &QTabWidget::currentChanged, this,
        [](int index) { QSettings().setValue(QStringLiteral("window/tab"), index); });
}

void MainWindow::fillFilter(QComboBox* box, const QString& all, QStringList values)
{
    values.removeDuplicates();
    values.removeAll(QString());
    values.sort();
    const QSignalBlocker block(box);
    const QString current = box->currentData().toString();
    box->clear();
    box->addItem(all, QString());
    for (const QString& value : values)
        box->addItem(value, value);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}

void MainWindow::reload()
{
    m_allRuns = m_store.runs();
    m_samples = m_store.samples();
    analyseSamples(m_samples, m_store.usage(), m_prices);
    m_anatomy->setPrices(m_prices);
    QStringList tasks, models, tiers, languages, programs, evalSets, statuses;
    for (const RunRow& run : m_allRuns) {
        tasks << run.task;
        models << run.model;
        evalSets << run.evalSetId;
        statuses << run.status;
    }
    for (const SampleRow& sample : m_samples) {
        tiers << sample.tier;
        languages << sample.language;
        programs << sample.program;
    }
    fillFilter(m_task, tr("all tasks"), tasks);
    fillFilter(m_model, tr("all models"), models);
    fillFilter(m_tier, tr("all tiers"), tiers);
    fillFilter(m_language, tr("all languages"), languages);
    fillFilter(m_program, tr("all programs"), programs);
    fillFilter(m_evalSet, tr("all eval sets"), evalSets);
    fillFilter(m_status, tr("any run status"), statuses);
    // MirrorCode's filters only where some sample was classified: an ordinary Inspect eval has no program.
    showClassifiedFilters(m_program->count() > 1 || m_tier->count() > 1 || m_language->count() > 1);
    {
        const QSignalBlocker block(m_outcome);
        if (m_outcome->count() == 0) {
            m_outcome->addItem(tr("all outcomes"), -2);
            m_outcome->addItem(tr("solved"), 1);
            m_outcome->addItem(tr("not solved"), 0);
            m_outcome->addItem(tr("unscored"), -1);
        }
    }
    applyFilters();
    m_runTable->resizeColumnsToContents();
}

void MainWindow::showClassifiedFilters(bool shown)
{
    for (QWidget* widget : m_classifiedFilters)
        widget->setVisible(shown);
}

void MainWindow::applyFilters()
{
    const QString task = m_task->currentData().toString();
    const QString model = m_model->currentData().toString();
    const QString tier = m_tier->currentData().toString();
    const QString language = m_language->currentData().toString();
    const int outcome = m_outcome->currentData().isValid() ? m_outcome->currentData().toInt() : -2;
    const QString program = m_program->currentData().toString();
    const QString evalSet = m_evalSet->currentData().toString();
    const QString status = m_status->currentData().toString();
    const QString since = m_since->date() == m_since->minimumDate() ? QString() : m_since->date().toString(Qt::ISODate);
    // The runs follow the filters that name runs: task, model, eval set, status, date.
    std::vector<RunRow> runs;
    for (const RunRow& run : m_allRuns) {
        if ((task.isEmpty() || run.task == task) && (model.isEmpty() || run.model == model)
            && (evalSet.isEmpty() || run.evalSetId == evalSet) && (status.isEmpty() || run.status == status)
            && (since.isEmpty() || run.created.left(10) >= since))
            runs.push_back(run);
    }
    m_runs->setRuns(std::move(runs));
    m_filtered.clear();
    for (const SampleRow& sample : m_samples) {
        if ((task.isEmpty() || sample.task == task) && (model.isEmpty() || sample.model == model)
            && (tier.isEmpty() || sample.tier == tier) && (language.isEmpty() || sample.language == language)
            && (outcome == -2 || sample.solved == outcome) && (program.isEmpty() || sample.program == program)
            && (evalSet.isEmpty() || sample.evalSetId == evalSet) && (status.isEmpty() || sample.runStatus == status)
            && (since.isEmpty() || sample.created.left(10) >= since))
            m_filtered.push_back(sample);
    }
    m_sampleModel->setSamples(m_filtered);
    // MirrorCode's columns only where a sample in view has them.
    for (const int column : { SampleTableModel::Program, SampleTableModel::Tier, SampleTableModel::Language,
             SampleTableModel::Visible, SampleTableModel::HeldOut })
        m_sampleTable->setColumnHidden(column, m_sampleModel->isColumnEmpty(column));
    // Sized to the first rows shown; measuring thousands of rows again on every filter change would cost more
    // than the filter itself.
    if (!m_samplesSized && !m_filtered.empty()) {
        m_sampleTable->resizeColumnsToContents();
        m_samplesSized = true;
    }
    updateOutcomes();
    updatePlots();
    m_anatomy->setSamples(m_filtered);
    int solved = 0, priced = 0;
    double cost = 0;
    for (const SampleRow& sample : m_filtered) {
        solved += sample.solved == 1;
        if (!std::isnan(sample.totalCost)) {
            ++priced;
            cost += sample.totalCost;
        }
    }
    statusBar()->showMessage(tr("%1 of %2 samples (each epoch a sample), %3 solved, %4 spent on %5 priced samples "
                                "\u2014 %6")
                                 .arg(m_filtered.size())
                                 .arg(m_samples.size())
                                 .arg(solved)
                                 .arg(CellFormat::cost(cost))
                                 .arg(priced)
                                 .arg(m_store.path()));
}

void MainWindow::updateOutcomes()
{
    m_outcomeModel->setSamples(m_filtered);
    m_outcomes->resizeColumnsToContents();
    // Solve rates by task x model only when several tasks are in view; one task's are the solve-rate bars.
    QStringList tasks;
    for (const SampleRow& sample : m_filtered) {
        if (!tasks.contains(sample.task))
            tasks << sample.task;
    }
    m_taskRatesBox->setVisible(tasks.size() > 1);
    m_taskRates->setSamples(tasks.size() > 1 ? m_filtered : std::vector<SampleRow>());
    if (tasks.size() > 1) {
        m_taskRatesCaption->setText(tr("<b>Solve rate by task \u00d7 model</b> (%1 tasks in view, each model's rate "
                                       "per task, never pooled across tasks): %2. Each cell: rate [95% interval] "
                                       "n = samples.")
                                        .arg(tasks.size())
                                        .arg(m_taskRates->definition().toHtmlEscaped()));
        if (auto* table = findChild<QTableView*>(QStringLiteral("taskRates")))
            table->resizeColumnsToContents();
    }
    // The models the paired comparison offers: those in view, the most sampled first.
    QHash<QString, int> counts;
    for (const SampleRow& sample : m_filtered)
        ++counts[sample.model];
    QStringList models = counts.keys();
    std::sort(models.begin(), models.end(),
        [&](const QString& x, const QString& y) { return counts[x] != counts[y] ? counts[x] > counts[y] : x < y; });
    for (QComboBox* box : { m_pairedA, m_pairedB }) {
        const QSignalBlocker block(box);
        const QString current = box->currentData().toString();
        box->clear();
        for (const QString& model : models)
            box->addItem(model, model);
        const int index = box->findData(current);
        box->setCurrentIndex(index >= 0 ? index : std::min(box == m_pairedA ? 0 : 1, int(models.size()) - 1));
    }
    updatePaired();
}

void MainWindow::updatePlots()
{
    for (const auto& [name, plot] : m_plots) {
        PlotBuilder::Kind kind {};
        PlotBuilder::kindFromName(name, &kind);
        PlotBuilder::draw(plot, kind, m_filtered, PlotBuilder::Csv::Skip);
    }
    // Only the plot on screen is drawn now; the others when their tab is chosen.
    if (auto* plot = qobject_cast<QCustomPlot*>(m_tabs->currentWidget()))
        plot->replot(QCustomPlot::rpQueuedReplot);
}

void MainWindow::useDarkPalette()
{
    QApplication::setStyle(QStringLiteral("Fusion"));
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(45, 45, 48));
    palette.setColor(QPalette::WindowText, QColor(230, 230, 230));
    palette.setColor(QPalette::Base, QColor(30, 30, 32));
    palette.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
    palette.setColor(QPalette::Text, QColor(230, 230, 230));
    palette.setColor(QPalette::Button, QColor(55, 55, 60));
    palette.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    palette.setColor(QPalette::Highlight, QColor(0x00, 0x72, 0xB2));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::ToolTipBase, QColor(55, 55, 60));
    palette.setColor(QPalette::ToolTipText, QColor(230, 230, 230));
    QApplication::setPalette(palette);
}

bool MainWindow::setFilter(const QString& field, const QString& value)
{
    QComboBox* box = field == QLatin1String("task") ? m_task
        : field == QLatin1String("model")           ? m_model
        : field == QLatin1String("tier")            ? m_tier
        : field == QLatin1String("language")        ? m_language
        : field == QLatin1String("program")         ? m_program
                                                    : nullptr;
    if (!box)
        return false;
    const int index = box->findData(value);
    if (index < 0)
        return false;
    box->setCurrentIndex(index);
    return true;
}

bool MainWindow::showView(const QString& name)
{
    const qsizetype index = viewNames().indexOf(name);
    if (index < 0)
        return false;
    m_tabs->setCurrentIndex(int(index));
    for (const auto& [plotName, plot] : m_plots) {
        if (plotName == name)
            plot->replot();
    }
    return true;
}

void MainWindow::exportCurrentPlot()
{
    const auto* plot = qobject_cast<QCustomPlot*>(m_tabs->currentWidget());
    if (!plot) {
        QMessageBox::information(this, tr("Export plot"), tr("Choose a plot tab first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"),
        plot->objectName() + QStringLiteral(".pdf"), tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"));
    if (path.isEmpty())
        return;
    // The figure's size in millimetres, and a PNG's resolution.
    QDialog size(this);
    size.setWindowTitle(tr("Figure size"));
    auto* width = new QDoubleSpinBox(&size);
    auto* height = new QDoubleSpinBox(&size);
    auto* dpi = new QSpinBox(&size);
    width->setRange(20, 1000);
    height->setRange(20, 1000);
    dpi->setRange(72, 1200);
    QSettings settings;
    width->setValue(settings.value(QStringLiteral("export/width"), 160).toDouble());
    height->setValue(settings.value(QStringLiteral("export/height"), 100).toDouble());
    dpi->setValue(settings.value(QStringLiteral("export/dpi"), 300).toInt());
    auto* form = new QFormLayout(&size);
    form->addRow(tr("Width, mm:"), width);
    form->addRow(tr("Height, mm:"), height);
    form->addRow(tr("PNG resolution, dpi:"), dpi);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &size);
    connect(buttons, &QDialogButtonBox::accepted, &size, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &size, &QDialog::reject);
    form->addRow(buttons);
    if (size.exec() != QDialog::Accepted)
        return;
    settings.setValue(QStringLiteral("export/width"), width->value());
    settings.setValue(QStringLiteral("export/height"), height->value());
    settings.setValue(QStringLiteral("export/dpi"), dpi->value());
    QString error;
    auto* target = const_cast<QCustomPlot*>(plot);
    if (!PlotBuilder::save(target, path, width->value(), height->value(), dpi->value(), &error)) {
        QMessageBox::warning(this, tr("Export plot"), error);
        return;
    }
    // The data behind the figure, beside it: made now, from the samples the plot shows.
    for (const auto& [name, shown] : m_plots) {
        if (shown != plot)
            continue;
        PlotBuilder::Kind kind {};
        PlotBuilder::kindFromName(name, &kind);
        QCustomPlot tabulated;
        const QString data = PlotBuilder::draw(&tabulated, kind, m_filtered, PlotBuilder::Csv::Make);
        QFile csv(
            QFileInfo(path).path() + QLatin1Char('/') + QFileInfo(path).completeBaseName() + QStringLiteral(".csv"));
        if (csv.open(QIODevice::WriteOnly))
            csv.write(data.toUtf8());
    }
    statusBar()->showMessage(tr("Exported %1 and its data as CSV").arg(path), 5000);
}

void MainWindow::copySelection()
{
    QTableView* table = qobject_cast<QTableView*>(m_tabs->currentWidget());
    if (table != m_sampleTable)
        return;
    QApplication::clipboard()->setText(m_sampleModel->toCsv(m_sampleTable->selectionModel()->selectedRows()));
}

void MainWindow::importPaths(const QStringList& paths)
{
    auto* dialog = new ImportDialog(m_store.path(), paths, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importFinished, this, &MainWindow::reload);
    dialog->show();
}

void MainWindow::openSearch(const QString& words)
{
    auto* dialog = new SearchDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SearchDialog::sampleActivated, this, &MainWindow::openSample);
    dialog->show();
    if (!words.isEmpty())
        dialog->search(words);
}

void MainWindow::openSample(qint64 sampleId, int step)
{
    if (!transcriptReadable(tr("Replay"), sampleId))
        return;
    auto* replay = new ReplayView(m_store, sampleId);
    replay->setAttribute(Qt::WA_DeleteOnClose);
    replay->setWindowFlag(Qt::Window);
    replay->goToStep(step);
    replay->show();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty())
        importPaths(paths);
}

void MainWindow::openStore()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open a store"), {}, tr("Runlens stores (*.sqlite);;All files (*)"));
    if (!path.isEmpty())
        QProcess::startDetached(QCoreApplication::applicationFilePath(), { QStringLiteral("--store"), path });
}

QString MainWindow::teamStoreLocationProblem(const QString& location)
{
    const QString trimmed = location.trimmed();
    static const QRegularExpression uri(
        QStringLiteral("^postgres(?:ql)?://"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keywords(QStringLiteral("(?:^|\\s)(?:host|dbname|user|port)\\s*="));
    if (!uri.match(trimmed).hasMatch() && !keywords.match(trimmed).hasMatch())
        return tr("\"%1\" is not a PostgreSQL location: write postgresql://USER@HOST:PORT/DB or host=HOST dbname=DB.")
            .arg(trimmed);
    // user:password@ in a URI, password= as a URI parameter or a keyword.
    static const QRegularExpression password(
        QStringLiteral("^postgres(?:ql)?://[^/@?]*:[^/@?]*@|[?&]password=|(?:^|\\s)password\\s*="),
        QRegularExpression::CaseInsensitiveOption);
    if (password.match(trimmed).hasMatch())
        return tr("The location holds a password, which would be kept in the list of recent stores: write it in "
                  "~/.pgpass (or the file PGPASSFILE names) instead.");
    return {};
}

void MainWindow::openTeamStore()
{
    QString location;
    for (;;) {
        bool accepted = false;
        location = QInputDialog::getText(this, tr("Open a team store"),
            tr("The PostgreSQL database, as postgresql://USER@HOST:PORT/DB or host=HOST dbname=DB user=USER.\n"
               "The password is read from ~/.pgpass (or PGPASSFILE), never typed here."),
            QLineEdit::Normal, location, &accepted)
                       .trimmed();
        if (!accepted || location.isEmpty())
            return;
        const QString problem = teamStoreLocationProblem(location);
        if (problem.isEmpty())
            break;
        QMessageBox::warning(this, tr("Open a team store"), problem);
    }
    // Each store in its own window, as for a file: the new Runlens says so if it cannot open it.
    QProcess::startDetached(QCoreApplication::applicationFilePath(), { QStringLiteral("--store"), location });
}

void MainWindow::rememberStore(const QString& path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("stores/recent")).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    settings.setValue(QStringLiteral("stores/recent"), recent.mid(0, 8));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_savedSettings == SavedSettings::Use)
        QSettings().setValue(QStringLiteral("window/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}
