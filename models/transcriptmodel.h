// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/pricetable.h"
#include "records/transcriptrows.h"

#include <QAbstractTableModel>
#include <QHash>
#include <list>
#include <memory>

class Store;
class TranscriptQuery;

/// A transcript's events, read from the store a page at a time for the rows a view shows: a sample of 337,000
/// events is never loaded whole, and jumping to its end costs one page. Also what the replay shows beside the
/// transcript, read through the same query: its pass curve, its tests over time, an event's JSON.
class TranscriptModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Step, Turn, Time, Type, Summary, Tokens, Cost, ColumnCount };
    enum Role { SeqRole = Qt::UserRole, TypeRole, TurnRole };
    static constexpr int pageSize = 200;
    static constexpr int cachedPages = 16;

    TranscriptModel(Store& store, qint64 sampleId, PriceTable prices = {}, QObject* parent = nullptr);
    ~TranscriptModel() override;

    qint64 sampleId() const;
    /// Where the store lies: for a reader of its own on another thread.
    QString storePath() const { return m_storePath; }
    /// Shows events of one type only (empty: all).
    void setType(const QString& type);
    /// The row of the first listed event at or after `seq`.
    int rowForSeq(int seq);
    int totalCount() const { return m_total; }
    /// A row as text, for the clipboard.
    QString rowText(int row) const;

    /// The event types the transcript has, most common first.
    QStringList types();
    /// The last step (-1: none) and each step's working time.
    int lastStep();
    std::vector<double> workingTimes();
    TestMatrix testMatrix();
    /// The steps that changed the agent's files, ascending.
    std::vector<int> fileChangingSteps();
    /// The event's JSON with attachment references replaced by their text; a model event's pooled input put back
    /// (the messages new since the previous call, see TranscriptQuery::payload).
    QString payload(int seq);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    EventRow* row(int index) const;
    /// The row's line as shown, in the reader's language, its attachment references replaced the first time it is
    /// asked for.
    const QString& summary(EventRow& row) const;

    QString m_storePath;
    std::unique_ptr<TranscriptQuery> m_query;
    PriceTable m_prices;
    int m_total = 0;
    mutable QHash<int, std::vector<EventRow>> m_pages;
    mutable std::list<int> m_recent; ///< pages, most recently used first
};
