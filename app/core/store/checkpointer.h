// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "sqlitedb.h"

#include <condition_variable>
#include <mutex>
#include <thread>

/// Copies a connection's committed WAL pages into the store file on a thread of its own, with a connection
/// of its own. SQLite would otherwise do it inside the commit that crosses its threshold: after the one
/// transaction of a 1 GB sample, that is a few hundred MB written and synced again while the import waits.
/// A passive checkpoint runs beside the writer; the WAL starts over once one has copied it whole.
class Checkpointer {
public:
    /// Takes over checkpoints for `writer`, a connection to the store at `path`, until destroyed. Where its own
    /// connection cannot be opened, it leaves them to SQLite.
    Checkpointer(SqliteDb& writer, const QString& path);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    /// Waits for the checkpoint asked for by the last commit, if any: those pages are then copied, or were in
    /// use by a reader. (Commits of fewer than 1,000 WAL pages ask for none.)
    void waitForIdle();
    /// Call before a write transaction: when the WAL has grown large, waits for the checkpoint, so that the
    /// transaction starts the WAL over instead of growing it further.
    void limitWal();

private:
    static int committed(void* self, sqlite3* db, const char* name, int walPages);
    void run();

    SqliteDb& m_writer;
    SqliteDb m_db; ///< the checkpoints' own, used on their thread only
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_walPages = 0; ///< in the WAL after the last commit
    bool m_wanted = false;
    bool m_running = false;
    bool m_stopping = false;
    std::thread m_thread;
};
