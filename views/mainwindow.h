#pragma once

#include <QMainWindow>

class QSortFilterProxyModel;
class QTableView;
class RunTableModel;
class Store;

/// The main window: the runs held in the store.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(Store& store, QWidget* parent = nullptr);

    void reload();

private:
    Store& m_store;
    RunTableModel* m_runs;
    QSortFilterProxyModel* m_sorted;
    QTableView* m_table;
};
