// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

/// Runs a source of blocks (a zip member being decompressed) on a thread of its own, a few blocks ahead of
/// the reader, so decompressing a large member and parsing it use two cores. Each block is copied into a
/// small ring of buffers; the block last handed out stays valid until the next call to next() or stop().
class ReadAhead {
public:
    /// Hands out the next block; false at the end of the input or on a read error (the source's own to report).
    using Source = std::function<bool(const char*& data, size_t& size)>;

    explicit ReadAhead(Source source, int depth = 4);
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    bool next(const char*& data, size_t& size);
    /// Stops the source after the block it is reading and waits for it: only then may its owner be used again.
    /// next() is false from then on.
    void stop();

private:
    void produce();

    Source m_source;
    std::vector<std::string>
        m_buffers; ///< a ring: m_count filled from m_head on; the one before m_head is the reader's
    size_t m_head = 0;
    size_t m_count = 0;
    bool m_ended = false;
    bool m_stopping = false;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::thread m_thread;
};
