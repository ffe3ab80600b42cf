// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pricetable.h"
#include "store/store.h"

#include <QMainWindow>

class AnatomyStatisticsView;
class OutcomeGridModel;
class PairedComparisonModel;
class TaskSolveRateModel;
class QComboBox;
class QDateEdit;
class QLabel;
class QCustomPlot;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class RunTableModel;
class SampleTableModel;

/// The main window: filters over the store's samples, the runs and samples tables, the program x model outcome
/// grid, and the solve-rate and cost plots, which follow the filters.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// Whether the window reads and writes the user's saved settings (its size, tab, palette, recent stores). A render
    /// does neither: it shows the first tab at a fixed size, the same on every machine and every time.
    enum class SavedSettings { Use, Ignore };
    explicit MainWindow(Store& store, SavedSettings settings = SavedSettings::Use, QWidget* parent = nullptr);

    void reload();
    /// What keeps `location` from naming a team store (PostgreSQL), or empty: a postgresql:// URI or libpq's
    /// `host=... dbname=...` form, with no password in it (libpq reads that from ~/.pgpass or PGPASSFILE).
    static QString teamStoreLocationProblem(const QString& location);
    /// Shows a view by name: runs, samples, outcomes, the plots, paired, anatomy. False if unknown.
    bool showView(const QString& name);
    static QStringList viewNames();
    /// A dark palette (Fusion style), for the whole application.
    static void useDarkPalette();
    /// The two models the paired comparison compares, by full name; false if either is not in view.
    bool setPairedModels(const QString& a, const QString& b);
    /// Sets a filter as the filter bar would: field is task, model, program, tier, language; an empty value lets all
    /// through.
    bool setFilter(const QString& field, const QString& value);
    /// The samples the filters let through.
    const std::vector<SampleRow>& filteredSamples() const { return m_filtered; }
    /// The Anatomy tab: the run anatomy across the samples in view.
    AnatomyStatisticsView* anatomyStatistics() const { return m_anatomy; }

    /// Imports files and folders, in a dialog that shows progress and failures.
    void importPaths(const QStringList& paths);
    void openSearch(const QString& words = {});
    /// Opens a sample's replay in its own window, at a step.
    void openSample(qint64 sampleId, int step = 0);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void setUpTables();
    QWidget* makeFilterBar();
    void setUpTabs();
    void addPlotTab(const QString& name, const QString& title);
    void addFileMenu();
    void addViewMenu();
    void addEditMenu();
    void restoreSettings();
    void compareSelected();
    /// True where the store reads transcripts; otherwise says why in a box titled `title`.
    /// Whether the sample's transcript can be read (on PostgreSQL: copied), else says why.
    bool transcriptReadable(const QString& title, qint64 sampleId);
    void editPrices();
    void applyFilters();
    void fillFilter(QComboBox* box, const QString& all, QStringList values);
    void updateOutcomes();
    void openOutcome(const QModelIndex& index);
    QWidget* makePairedPage();
    void updatePaired();
    void showClassifiedFilters(bool shown);
    void updatePlots();
    void exportCurrentPlot();
    void copySelection();
    void openStore();
    void openTeamStore();
    void rememberStore(const QString& path);

    Store& m_store;
    PriceTable m_prices;
    std::vector<RunRow> m_allRuns;
    std::vector<SampleRow> m_samples;
    std::vector<SampleRow> m_filtered;
    RunTableModel* m_runs;
    SampleTableModel* m_sampleModel;
    OutcomeGridModel* m_outcomeModel;
    QSortFilterProxyModel* m_sortedRuns;
    SavedSettings m_savedSettings;
    QTabWidget* m_tabs;
    QTableView* m_runTable = nullptr;
    QTableView* m_sampleTable = nullptr;
    QTableView* m_outcomes;
    QWidget* m_outcomesPage = nullptr; ///< the grid under its legend, and the solve rates by task x model
    TaskSolveRateModel* m_taskRates;
    QWidget* m_taskRatesBox = nullptr; ///< shown when several tasks are in view
    QLabel* m_taskRatesCaption = nullptr;
    PairedComparisonModel* m_pairedModel;
    QComboBox* m_pairedA;
    QComboBox* m_pairedB;
    QLabel* m_pairedCaption = nullptr;
    AnatomyStatisticsView* m_anatomy;
    QComboBox* m_task;
    QComboBox* m_model;
    QComboBox* m_tier;
    QComboBox* m_language;
    QComboBox* m_outcome;
    QComboBox* m_program;
    QComboBox* m_evalSet;
    QComboBox* m_status;
    QDateEdit* m_since;
    std::vector<QWidget*> m_classifiedFilters; ///< program, tier, language and their labels: MirrorCode's only
    std::vector<std::pair<QString, QCustomPlot*>> m_plots;
    bool m_samplesSized = false; ///< the samples table's columns fit their contents once
};
