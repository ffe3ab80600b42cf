// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "conversationmodel.h"

#include <QFont>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>
#include <memory>
#include <vector>

class QTextDocument;
class QThread;

/// Reads conversation blocks and lays them out on a thread of its own, with its own connection to the store: the
/// view shows a placeholder meanwhile and never waits for a page. The newest request is done first (a scrub or a
/// scroll makes the older ones moot), and results of requests made before forget() are dropped.
class BlockLoader : public QObject {
    Q_OBJECT
public:
    BlockLoader(const QString& storePath, qint64 sampleId, QObject* parent = nullptr);
    ~BlockLoader() override;

    /// Asks for a block as planned (ConversationModel::plannedBlock) laid out `width` wide in `font`; `key` names it
    /// in blockLaidOut. A key asked for again moves to the front.
    void request(quint64 key, const ConversationBlock& planned, int width, const QFont& font);
    /// Drops the requests not yet done; those under way are not delivered.
    void forget();

    static constexpr int queued = 64; ///< requests kept waiting at most: the oldest go first

signals:
    /// A block laid out, in the thread of the loader (the document belongs to it).
    void blockLaidOut(quint64 key, const std::shared_ptr<QTextDocument>& document);

private:
    struct Request {
        quint64 key = 0;
        ConversationBlock planned;
        int width = 0;
        QFont font;
    };
    void run();
    /// In the loader's own thread: emits blockLaidOut unless forget() came since the request was taken.
    void deliver(quint64 key, quint64 generation, const std::shared_ptr<QTextDocument>& document);

    QString m_storePath;
    qint64 m_sampleId;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::vector<Request> m_requests; ///< the newest last
    quint64 m_generation = 0; ///< forget() calls so far
    bool m_stopping = false;
    QThread* m_thread;
};
