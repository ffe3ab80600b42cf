#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;
class Store;

/// Full-text search over every imported transcript: results as run, sample, step and a snippet.
class SearchDialog : public QDialog {
    Q_OBJECT
public:
    SearchDialog(Store& store, QWidget* parent = nullptr);
    void search(const QString& words);

signals:
    /// A result was activated: open this sample at this step.
    void sampleActivated(qint64 sampleId, int step);

private:
    Store& m_store;
    QLineEdit* m_query;
    QLabel* m_count;
    QTreeWidget* m_results;
};
