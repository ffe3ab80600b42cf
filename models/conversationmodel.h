// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/conversationrows.h"

#include <QAbstractListModel>
#include <QHash>
#include <list>
#include <map>
#include <memory>

class ConversationQuery;
class ConversationReader;
class Store;

/// A block of a conversation: an agent turn (a model call and what follows it up to the next), a banner (an error,
/// a limit, a compaction, a score), a span's opening or closing, or the events before the first model call.
struct ConversationBlock {
    enum Kind { Setup, Turn, Banner, Span };
    Kind kind = Setup;
    int first = 0; ///< its first step
    int last = 0; ///< its last step
    int turn = 0; ///< model calls up to and including its first step
    int depth = 0; ///< spans open around it
    double seconds = -1; ///< since the sample's first event (-1: the log has no times)
    bool collapsed = false; ///< a span's opening whose events are folded into it
    int omitted = 0; ///< events of the block not read: shown in the event table only
    std::vector<ConversationEvent> events; ///< in order
    std::vector<ConversationMessage> newMessages; ///< read for the first time by the block's model call
};

/// A transcript as a conversation: one row a block, the blocks planned from where the model calls, banners and spans
/// fall (read once, without the events) and their events read a block at a time when shown. The rows are a window of
/// the blocks, grown page by page at its end (fetchMore) or its start (fetchEarlier), and moved when a step far away
/// is asked for: a sample of 337,000 events is never read whole, and a view never measures more rows than it shows.
class ConversationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { FirstSeqRole = Qt::UserRole, LastSeqRole, KindRole, DepthRole };
    static constexpr int pageSize = 4;
    static constexpr int cachedBlocks = 200;

    ConversationModel(Store& store, qint64 sampleId, QObject* parent = nullptr);
    ~ConversationModel() override;

    /// Shows span openings and closings as blocks of their own, their contents indented (hidden by default).
    void setSpansShown(bool shown);
    bool spansShown() const { return m_spansShown; }
    /// All the blocks of the transcript, and the global index of the first row.
    int blockCount() const { return int(m_starts.size()); }
    int eventCount() const { return m_events; }
    int firstBlock() const { return m_first; }
    /// The row of the block holding step `seq`, the window moved or grown to hold it.
    int rowForSeq(int seq);
    /// The block of a row (null: none), its events read the first time it is asked for.
    const ConversationBlock* block(int row) const;
    /// The block of a row as planned, its events not read (a ConversationReader reads them); kind Setup, steps 0 to -1
    /// for a row that does not exist.
    ConversationBlock plannedBlock(int row) const;
    /// Where the store lies and which sample this is: for a reader of its own on another thread.
    QString storePath() const { return m_storePath; }
    qint64 sampleId() const { return m_sampleId; }

    /// Folds the span that opens at the row's block into that block, or unfolds it; returns the block's row after.
    /// Only span openings fold (spans shown).
    int toggleSpan(int row);

    bool canFetchEarlier() const { return m_first > 0; }
    /// Adds a page of blocks before the first row; returns how many.
    int fetchEarlier();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    void plan();
    ConversationBlock::Kind kindAt(int seq) const;
    int depthAt(int seq) const;
    /// The step of the span_end that closes the span opening at `begin` (the last step when none does).
    int matchingEnd(int begin) const;
    /// The last step of block `global`.
    int lastOf(int global) const;
    ConversationBlock planned(int global) const;

    QString m_storePath;
    qint64 m_sampleId;
    std::unique_ptr<ConversationQuery> m_query;
    std::unique_ptr<ConversationReader> m_reader;
    bool m_spansShown = false;
    int m_events = 0;
    std::vector<int> m_modelCalls;
    std::vector<int> m_banners;
    std::vector<int> m_spanBegins;
    std::vector<int> m_spanEnds;
    std::vector<int> m_starts; ///< the first step of each block
    std::map<int, int> m_collapsed; ///< folded spans: the steps of their opening and closing
    bool m_changing = false; ///< rows are being added or the model reset: a fetchMore() from a listener waits
    int m_first = 0;
    int m_loaded = 0;
    mutable QHash<int, ConversationBlock> m_blocks; ///< by global index
    mutable std::list<int> m_recent; ///< global indices, most recently used first
};
