// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "checkpointer.h"

#include <sqlite3.h>

namespace {
/// SQLite's own default: with 16 KiB pages, a checkpoint for each 16 MB committed.
constexpr int pagesBetweenCheckpoints = 1000;
/// 256 MB at 16 KiB pages: past this, the next transaction waits for the checkpoint, so that it starts the WAL over.
constexpr int walPagesKept = 16384;
}

Checkpointer::Checkpointer(SqliteDb& writer, const QString& path)
    : m_writer(writer)
{
    // A connection learns that the store is in WAL mode only once it reads it: a checkpoint before would do nothing.
    if (!m_writer.isOpen() || !m_db.open(path) || !m_db.exec("PRAGMA schema_version")) {
        m_db.close();
        return;
    }
    m_thread = std::thread(&Checkpointer::run, this);
    sqlite3_wal_hook(m_writer.handle(), &Checkpointer::committed, this);
}

Checkpointer::~Checkpointer()
{
    if (!m_thread.joinable())
        return;
    // Back to SQLite's checkpoints inside commits (this replaces the hook).
    sqlite3_wal_autocheckpoint(m_writer.handle(), pagesBetweenCheckpoints);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

int Checkpointer::committed(void* self, sqlite3*, const char*, int walPages)
{
    auto* checkpointer = static_cast<Checkpointer*>(self);
    {
        std::lock_guard lock(checkpointer->m_mutex);
        checkpointer->m_walPages = walPages;
        if (walPages < pagesBetweenCheckpoints)
            return SQLITE_OK;
        checkpointer->m_wanted = true;
    }
    checkpointer->m_changed.notify_all();
    return SQLITE_OK;
}

void Checkpointer::waitForIdle()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_wanted && !m_running; });
}

void Checkpointer::limitWal()
{
    // SQLite starts the WAL over only in a transaction that begins after a checkpoint copied all of it. A writer
    // that begins each transaction as soon as the last committed always finds the checkpoint still running.
    std::unique_lock lock(m_mutex);
    if (m_walPages >= walPagesKept)
        m_changed.wait(lock, [this] { return !m_wanted && !m_running; });
}

void Checkpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_wanted || m_stopping; });
        if (m_stopping)
            return;
        m_wanted = false;
        m_running = true;
        lock.unlock();
        // Passive: copies what no reader still needs and never waits for a lock. What it leaves, the next
        // checkpoint or the last connection's close copies.
        sqlite3_wal_checkpoint_v2(m_db.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        lock.lock();
        m_running = false;
        m_changed.notify_all();
    }
}
