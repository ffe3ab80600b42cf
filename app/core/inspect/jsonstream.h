#pragma once

#include <cstddef>
#include <cstring>
#include <functional>
#include <string>

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

    /// Copies the object or array whose opening bracket `open` was just taken into `out`, brackets included,
    /// without parsing it, and stops before its closing bracket: the reader then takes an empty value. Only
    /// brackets and strings are followed, so the copy is as fast as a scan; whoever uses `out` parses it and
    /// finds any fault. False when the input ends first.
    bool takeRaw(std::string& out, char open)
    {
        out.assign(1, open);
        int depth = 1;
        bool inString = false;
        bool escaped = false; ///< inside a string, the block before ended in an unpaired backslash
        for (;;) {
            if (m_cursor == m_end && !fill())
                return false;
            const char* p = m_cursor;
            while (p != m_end) {
                if (inString) {
                    // Most of a log is string contents: jump to the next quote, then see whether it is escaped.
                    if (escaped) {
                        escaped = false;
                        ++p;
                        continue;
                    }
                    const char* quote = static_cast<const char*>(std::memchr(p, '"', size_t(m_end - p)));
                    const char* stop = quote ? quote : m_end;
                    const char* run = stop;
                    while (run != p && run[-1] == '\\')
                        --run;
                    const bool oddRun = (stop - run) % 2 == 1;
                    if (!quote) {
                        escaped = oddRun;
                        p = m_end;
                    } else {
                        inString = oddRun;
                        p = quote + 1;
                    }
                    continue;
                }
                const char c = *p++;
                if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    out.append(m_cursor, size_t(p - 1 - m_cursor));
                    out.push_back(c);
                    m_cursor = p - 1;
                    return true;
                }
            }
            out.append(m_cursor, size_t(m_end - m_cursor));
            m_cursor = m_end;
        }
    }

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
