// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QDateTime>
#include <QString>
#include <memory>

class ConversationQuery;
class Store;
struct ConversationBlock;

/// Reads the events of a conversation's blocks, as planned by ConversationModel, from one sample's transcript: on the
/// store's own connection, or on one of its own so that a worker thread reads while the view scrolls.
class ConversationReader {
public:
    static constexpr int eventsPerBlock = 60;
    static constexpr int newMessageWindow = 200; ///< pool positions looked through for a call's new messages

    /// On the connection of `store` (the thread that opened it reads).
    ConversationReader(Store& store, qint64 sampleId);
    /// On a connection of its own to the store at `path`, made in the thread that reads.
    ConversationReader(const QString& path, qint64 sampleId);
    ~ConversationReader();
    ConversationReader(const ConversationReader&) = delete;
    ConversationReader& operator=(const ConversationReader&) = delete;

    /// False when the store at the path given could not be opened.
    bool isValid() const { return m_query != nullptr; }
    /// Reads the block's events (the first `eventsPerBlock`, one of a folded span), the messages its model call reads
    /// for the first time and its time since the sample's start.
    void read(ConversationBlock& block);

private:
    void start();

    std::unique_ptr<Store> m_store; ///< its own connection, when made from a path
    std::unique_ptr<ConversationQuery> m_query;
    QDateTime m_start;
};
