// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <cstddef>
#include <functional>
#include <string>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Finding the bytes of interest in a block 16 bytes at a time, where the processor has SSE2 (every x86-64). A byte
/// at a time, scanning strings and cutting events out of the stream took about a twelfth of the processor time of
/// importing a large sample.
namespace JsonScan {
#if defined(__SSE2__)
/// One bit for each of the 16 bytes that equals `c`.
inline int matches(__m128i bytes, char c)
{
    return _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(c)));
}
/// One bit for each of the 16 bytes below 0x20, a control character.
inline int controls(__m128i bytes)
{
    return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(bytes, _mm_set1_epi8(0x1F)), bytes));
}
inline __m128i load(const char* p)
{
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
inline const char* at(const char* p, int bits)
{
    return p + __builtin_ctz(static_cast<unsigned>(bits));
}
#endif

/// The first quote, backslash or control character from `p` on, or `end`: where a string's plain run stops.
inline const char* stringStop(const char* p, const char* end)
{
#if defined(__SSE2__)
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = load(p);
        if (const int bits = matches(bytes, '"') | matches(bytes, '\\') | controls(bytes))
            return at(p, bits);
    }
#endif
    while (p != end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
        ++p;
    return p;
}
}

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
        // The block before ended on a backslash inside a string: this block's first byte is escaped.
        bool escaped = false;
        for (;;) {
            if (m_cursor == m_end && !fill())
                return false;
            const char* p = escaped ? m_cursor + 1 : m_cursor;
            escaped = false;
            const char* closing = nullptr;
#if defined(__SSE2__)
            // Sixteen bytes at a time: the quotes, backslashes and brackets among them are taken in order from bit
            // masks, with no byte read twice. A transcript's model calls are dense with them.
            for (; !closing && m_end - p >= 16;) {
                const __m128i bytes = JsonScan::load(p);
                const int quotes = JsonScan::matches(bytes, '"');
                const int backslashes = JsonScan::matches(bytes, '\\');
                const int opens = JsonScan::matches(bytes, '{') | JsonScan::matches(bytes, '[');
                const int closes = JsonScan::matches(bytes, '}') | JsonScan::matches(bytes, ']');
                const char* next = p + 16;
                for (int hits = quotes | backslashes | opens | closes; hits != 0; hits &= hits - 1) {
                    const int i = __builtin_ctz(static_cast<unsigned>(hits));
                    const int bit = 1 << i;
                    if (inString) {
                        if (backslashes & bit) {
                            // The escaped byte is the next one: dropped from the hits, or skipped with the block.
                            if (i < 15)
                                hits &= ~(bit << 1);
                            else if (next == m_end)
                                escaped = true;
                            else
                                ++next;
                        } else if (quotes & bit) {
                            inString = false;
                        }
                    } else if (quotes & bit) {
                        inString = true;
                    } else if (opens & bit) {
                        ++depth;
                    } else if ((closes & bit) && --depth == 0) {
                        closing = p + i;
                        break;
                    }
                }
                p = next;
            }
#endif
            for (; !closing && p < m_end; ++p) {
                const char c = *p;
                if (inString) {
                    if (c == '\\') {
                        if (p + 1 == m_end)
                            escaped = true;
                        else
                            ++p;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    closing = p;
                }
            }
            if (closing) {
                out.append(m_cursor, size_t(closing - m_cursor));
                out.push_back(*closing);
                m_cursor = closing;
                return true;
            }
            out.append(m_cursor, size_t(m_end - m_cursor));
            m_cursor = m_end;
        }
    }

    /// Called with each member of a string map: its key and its value, both unescaped. False stops the read.
    using StringMember = std::function<bool(const std::string& key, const std::string& value)>;

    /// Reads the members of the object whose opening brace was just taken, each of whose values must be a
    /// string (a sample's attachments), and stops before its closing brace: the reader then takes an empty
    /// object. The reader's own string parsing takes a character at a time from a stream like this one; this
    /// scans a block at a time, and attachments are a third of a large log. Returns null, or what is wrong
    /// (at faultAt()).
    const char* takeStringMap(const StringMember& member)
    {
        const auto fault = [this](const char* what) {
            m_faultAt = Tell();
            return what;
        };
        std::string key;
        std::string value;
        int c = skipSpace();
        if (c == '}')
            return nullptr;
        for (;;) {
            if (c != '"')
                return fault(c < 0 ? ended : "a key was expected");
            ++m_cursor;
            if (const char* wrong = takeString(key))
                return wrong;
            if (const int colon = skipSpace(); colon != ':')
                return fault(colon < 0 ? ended : "':' was expected after a key");
            ++m_cursor;
            if (const int quote = skipSpace(); quote != '"')
                return fault(quote < 0 ? ended : "the value is not a string");
            ++m_cursor;
            if (const char* wrong = takeString(value))
                return wrong;
            if (!member(key, value))
                return fault("the member was refused");
            c = skipSpace();
            if (c == '}')
                return nullptr;
            if (c != ',')
                return fault(c < 0 ? ended : "',' or '}' was expected");
            ++m_cursor;
            c = skipSpace();
        }
    }

    /// Where the fault takeStringMap() returned lies in the input.
    size_t faultAt() const
    {
        return m_faultAt;
    }

    // Output side of the stream concept; never used for parsing.
    Ch* PutBegin()
    {
        return nullptr;
    }
    void Put(Ch) { }
    void Flush() { }
    size_t PutEnd(Ch*)
    {
        return 0;
    }

private:
    static constexpr const char* ended = "the input ends inside an object";

    /// The next character that is not white space, left in the stream; -1 at the end of the input.
    int skipSpace()
    {
        for (;;) {
            if (m_cursor == m_end && !fill())
                return -1;
            while (m_cursor != m_end) {
                const char c = *m_cursor;
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                    return static_cast<unsigned char>(c);
                ++m_cursor;
            }
        }
    }

    int take()
    {
        if (m_cursor == m_end && !fill())
            return -1;
        return static_cast<unsigned char>(*m_cursor++);
    }

    /// Four hex digits of a \u escape: 1, or 0 when one is not a hex digit, -1 when the input ends first.
    int takeHex(unsigned& code)
    {
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const int c = take();
            code <<= 4;
            if (c >= '0' && c <= '9')
                code |= unsigned(c - '0');
            else if (c >= 'a' && c <= 'f')
                code |= unsigned(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                code |= unsigned(c - 'A' + 10);
            else
                return c < 0 ? -1 : 0;
        }
        return 1;
    }

    static void appendUtf8(std::string& out, unsigned code)
    {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    /// The rest of a string whose opening quote was taken, unescaped into `out`. Null, or what is wrong.
    const char* takeString(std::string& out)
    {
        static constexpr const char* cut = "the input ends inside a string";
        const auto fault = [this](const char* what, size_t at) {
            m_faultAt = at;
            return what;
        };
        out.clear();
        // A high surrogate waits for the low one that makes a character with it. Python writes a lone one for
        // text that was not valid UTF-8: it becomes U+FFFD rather than failing the log.
        unsigned high = 0;
        const auto loneHigh = [&] {
            if (high) {
                appendUtf8(out, 0xFFFD);
                high = 0;
            }
        };
        for (;;) {
            if (m_cursor == m_end && !fill())
                return fault(cut, Tell());
            const char* p = JsonScan::stringStop(m_cursor, m_end);
            if (p != m_cursor) {
                loneHigh();
                out.append(m_cursor, size_t(p - m_cursor));
                m_cursor = p;
            }
            if (p == m_end)
                continue;
            const char c = *m_cursor++;
            if (c == '"') {
                loneHigh();
                return nullptr;
            }
            if (c != '\\')
                return fault("a control character inside a string", Tell() - 1);
            const size_t escapeAt = Tell() - 1;
            const int escaped = take();
            if (escaped == 'u') {
                unsigned code = 0;
                if (const int hex = takeHex(code); hex <= 0)
                    return hex < 0 ? fault(cut, Tell()) : fault("an invalid \\u escape", escapeAt);
                if (code >= 0xDC00 && code <= 0xDFFF && high) {
                    appendUtf8(out, 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00));
                    high = 0;
                    continue;
                }
                loneHigh();
                if (code >= 0xD800 && code <= 0xDBFF)
                    high = code;
                else
                    appendUtf8(out, code >= 0xDC00 && code <= 0xDFFF ? 0xFFFD : code);
                continue;
            }
            loneHigh();
            switch (escaped) {
            case '"':
            case '\\':
            case '/':
                out += char(escaped);
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case -1:
                return fault(cut, Tell());
            default:
                return fault("an invalid escape in a string", escapeAt);
            }
        }
    }

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
    size_t m_faultAt = 0;
};
