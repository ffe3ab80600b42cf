#pragma once

#include <cstddef>
#include <functional>

/// A RapidJSON input stream over blocks handed out by a source (a zip member or a file), so a log of any
/// size is parsed with one block in memory.
class JsonStream {
public:
    using Ch = char;
    /// Hands out the next block; false at the end of the input or on a read error.
    using Source = std::function<bool(const char*& data, size_t& size)>;

    explicit JsonStream(Source source)
        : m_source(std::move(source))
    {
    }

    Ch Peek()
    {
        if (m_cursor == m_end && !fill())
            return '\0';
        return *m_cursor;
    }
    Ch Take()
    {
        if (m_cursor == m_end && !fill())
            return '\0';
        return *m_cursor++;
    }
    size_t Tell() const { return m_consumed + size_t(m_cursor - m_begin); }

    // Output side of the stream concept; never used for parsing.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) { }
    void Flush() { }
    size_t PutEnd(Ch*) { return 0; }

private:
    bool fill()
    {
        if (m_finished)
            return false;
        m_consumed += size_t(m_end - m_begin);
        const char* data = nullptr;
        size_t size = 0;
        if (!m_source(data, size) || size == 0) {
            m_finished = true;
            m_begin = m_cursor = m_end = nullptr;
            return false;
        }
        m_begin = m_cursor = data;
        m_end = data + size;
        return true;
    }

    Source m_source;
    const char* m_begin = nullptr;
    const char* m_cursor = nullptr;
    const char* m_end = nullptr;
    size_t m_consumed = 0;
    bool m_finished = false;
};
