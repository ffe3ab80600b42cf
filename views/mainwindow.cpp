#include "mainwindow.h"

#include "runtablemodel.h"
#include "store/store.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>

MainWindow::MainWindow(Store& store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_runs(new RunTableModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Runlens"));
    m_sorted->setSourceModel(m_runs);
    m_sorted->setSortRole(RunTableModel::SortRole);
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->sortByColumn(RunTableModel::Created, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(m_table);
    resize(1200, 700);
    reload();
}

void MainWindow::reload()
{
    m_runs->setRuns(m_store.runs());
    m_table->resizeColumnsToContents();
    int samples = 0;
    for (const RunRow& run : m_runs->runs())
        samples += run.samples;
    statusBar()->showMessage(tr("%n run(s), %1 samples in %2", nullptr, int(m_runs->runs().size()))
                                 .arg(samples)
                                 .arg(m_store.path()));
}
