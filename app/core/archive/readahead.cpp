// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "readahead.h"

#include <new>

ReadAhead::ReadAhead(Source source, int depth)
    : m_source(std::move(source))
    , m_buffers(size_t(std::max(depth, 1)) + 1)
    , m_thread(&ReadAhead::produce, this)
{
}

ReadAhead::~ReadAhead()
{
    stop();
}

void ReadAhead::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ReadAhead::produce()
{
    const size_t size = m_buffers.size();
    for (;;) {
        const char* data = nullptr;
        size_t length = 0;
        const bool more = m_source(data, length);
        size_t slot = 0;
        {
            std::unique_lock lock(m_mutex);
            // One buffer stays with the reader: the ring is full at size - 1.
            m_changed.wait(lock, [&] { return m_stopping || m_count < size - 1; });
            if (m_stopping || !more) {
                m_ended = true;
                m_changed.notify_all();
                return;
            }
            slot = (m_head + m_count) % size;
        }
        // Only this thread writes the free slots, and the reader never looks past m_count: copy unlocked. Memory
        // running out here ends the member early, as a read error would, rather than the program.
        try {
            m_buffers[slot].assign(data, length);
        } catch (const std::bad_alloc&) {
            std::lock_guard lock(m_mutex);
            m_ended = true;
            m_changed.notify_all();
            return;
        }
        {
            std::lock_guard lock(m_mutex);
            ++m_count;
        }
        m_changed.notify_all();
    }
}

bool ReadAhead::next(const char*& data, size_t& size)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_count > 0 || m_ended; });
    if (m_count == 0 || m_stopping)
        return false;
    const std::string& block = m_buffers[m_head];
    data = block.data();
    size = block.size();
    m_head = (m_head + 1) % m_buffers.size();
    --m_count;
    lock.unlock();
    m_changed.notify_all();
    return true;
}
