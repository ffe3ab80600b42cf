// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "blockloader.h"

#include "blockrenderer.h"
#include "conversationreader.h"

#include <QAbstractEventDispatcher>
#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QThread>

BlockLoader::BlockLoader(const QString& storePath, qint64 sampleId, QObject* parent)
    : QObject(parent)
    , m_storePath(storePath)
    , m_sampleId(sampleId)
    , m_thread(QThread::create([this] { run(); }))
{
    m_thread->setObjectName(QStringLiteral("conversation blocks"));
    m_thread->start(QThread::LowPriority);
}

BlockLoader::~BlockLoader()
{
    {
        const QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_requests.clear();
        m_wake.wakeAll();
    }
    m_thread->wait();
    delete m_thread;
}

void BlockLoader::request(quint64 key, const ConversationBlock& planned, int width, const QFont& font)
{
    const QMutexLocker lock(&m_mutex);
    const auto found = std::find_if(
        m_requests.begin(), m_requests.end(), [key](const Request& request) { return request.key == key; });
    if (found != m_requests.end())
        m_requests.erase(found);
    if (m_requests.size() >= size_t(queued))
        m_requests.erase(m_requests.begin());
    m_requests.push_back({ key, planned, width, font });
    m_wake.wakeOne();
}

void BlockLoader::forget()
{
    const QMutexLocker lock(&m_mutex);
    m_requests.clear();
    ++m_generation;
}

namespace {

/// Laying a document out starts a zero-time timer in its layout (its size report). Moved to another thread with
/// the timer running, the document would have it registered again there by a queued call, and a document dropped
/// before that call runs leaks the call's timer list and stops a timer its thread does not know. The timer fires
/// here instead, in the thread that started it.
void settleTimers(QTextDocument& document)
{
    QAbstractEventDispatcher* dispatcher = QThread::currentThread()->eventDispatcher();
    const auto running = [&] {
        return !dispatcher->registeredTimers(&document).isEmpty()
            || !dispatcher->registeredTimers(document.documentLayout()).isEmpty();
    };
    while (running())
        dispatcher->processEvents(QEventLoop::AllEvents);
}

} // namespace

void BlockLoader::run()
{
    // The connection is made here: a SQLite connection belongs to the thread that made it.
    ConversationReader reader(m_storePath, m_sampleId);
    QThread* home = thread();
    for (;;) {
        Request request;
        quint64 generation = 0;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && m_requests.empty())
                m_wake.wait(&m_mutex);
            if (m_stopping)
                return;
            request = std::move(m_requests.back());
            m_requests.pop_back();
            generation = m_generation;
        }
        ConversationBlock block = std::move(request.planned);
        if (reader.isValid())
            reader.read(block);
        auto document = std::make_shared<QTextDocument>();
        document->setDefaultFont(request.font);
        document->setDocumentMargin(2);
        document->setHtml(BlockRenderer::toHtml(block));
        // Its lines keep their shaped glyphs: painting them (on the UI thread, at each scroll) does not shape
        // them again.
        for (QTextBlock text = document->begin(); text.isValid(); text = text.next())
            text.layout()->setCacheEnabled(true);
        document->setTextWidth(request.width);
        document->size(); // laid out here, not when first painted
        settleTimers(*document);
        document->moveToThread(home);
        QMetaObject::invokeMethod(
            this, [this, key = request.key, generation, document] { deliver(key, generation, document); },
            Qt::QueuedConnection);
    }
}

void BlockLoader::deliver(quint64 key, quint64 generation, const std::shared_ptr<QTextDocument>& document)
{
    // Still wanted: no forget() since it was taken.
    bool current = false;
    {
        const QMutexLocker lock(&m_mutex);
        current = generation == m_generation;
    }
    if (current)
        emit blockLaidOut(key, document);
}
