#pragma once

#include "store/transcriptquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <list>
#include <memory>

/// A transcript's events, read from the store a page at a time for the rows a view shows: a sample of 337,000
/// events is never loaded whole, and jumping to its end costs one page.
class TranscriptModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Step, Turn, Time, Type, Summary, Tokens, Cost, ColumnCount };
    enum Role { SeqRole = Qt::UserRole, TypeRole, TurnRole };
    static constexpr int pageSize = 200;
    static constexpr int cachedPages = 16;

    explicit TranscriptModel(std::unique_ptr<TranscriptQuery> query, QObject* parent = nullptr);

    TranscriptQuery& query() { return *m_query; }
    /// Shows events of one type only (empty: all).
    void setType(const QString& type);
    /// The row of the first listed event at or after `seq`.
    int rowForSeq(int seq);
    int totalCount() const { return m_total; }
    /// A row as text, for the clipboard.
    QString rowText(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    EventRow* row(int index) const;
    /// The row's line as shown, its attachment references replaced the first time it is asked for.
    const QString& summary(EventRow& row) const;

    std::unique_ptr<TranscriptQuery> m_query;
    int m_total = 0;
    mutable QHash<int, std::vector<EventRow>> m_pages;
    mutable std::list<int> m_recent; ///< pages, most recently used first
};
