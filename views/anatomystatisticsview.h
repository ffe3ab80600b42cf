// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pricetable.h"
#include "records/anatomysummary.h"
#include "records/storerows.h"

#include <QFutureWatcher>
#include <QHash>
#include <QWidget>

class AnatomyStatisticsModel;
class QComboBox;
class QCustomPlot;
class QLabel;
class QTableView;

/// The explorer's Anatomy tab: the run anatomy across the samples in view, per model (or per model and size tier):
/// a table of where the time and money went (AnatomyStatisticsModel) above a stacked bar of each model's dollars per
/// run by activity, with the definitions under them. Each sample's anatomy summary is read on a thread of its own,
/// from its own connection (the store keeps it once computed), only while the tab is shown; a newer set of samples
/// cancels an older reading and its result is dropped.
class AnatomyStatisticsView : public QWidget {
    Q_OBJECT
public:
    AnatomyStatisticsView(const QString& storePath, QWidget* parent = nullptr);
    ~AnatomyStatisticsView() override;

    /// The samples in view; read when the tab is shown.
    void setSamples(const std::vector<SampleRow>& samples);
    /// The prices the dollars come from; forgets every summary read with others.
    void setPrices(const PriceTable& prices);
    /// Groups by model alone (false) or by model and size tier (true).
    void setByTier(bool byTier);
    /// Reads what is missing (even when hidden) and shows it now: for a picture of the tab, and for tests.
    void waitForReading();
    /// Whether the figures shown are those of the samples in view.
    bool isReady() const { return m_ready; }
    AnatomyStatisticsModel* model() const { return m_model; }
    QCustomPlot* chart() const { return m_chart; }

signals:
    /// The figures of the samples in view are shown (or their reading failed).
    void ready();

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Reading {
        std::vector<AnatomySummary> summaries;
        QString error;
    };
    static void read(QPromise<Reading>& promise, const QString& storePath, const std::vector<SampleRow>& samples,
        const PriceTable& prices);
    void startReading();
    void takeReading();
    void showFigures();
    void drawChart();

    QString m_storePath;
    PriceTable m_prices;
    std::vector<SampleRow> m_samples;
    QHash<qint64, AnatomySummary> m_summaries; ///< read so far, by sample id
    QFutureWatcher<Reading> m_reading;
    bool m_ready = false;
    QString m_error;
    QComboBox* m_by;
    QLabel* m_state;
    QTableView* m_table;
    QCustomPlot* m_chart;
    QLabel* m_definitions;
    AnatomyStatisticsModel* m_model;
};
