// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "json/jsonguard.h"

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>
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
/// size is parsed with one block in memory. A string longer than JsonLimits::stringCap is cut as it streams past,
/// whichever way it is read (RapidJSON's own strings, takeRaw(), takeStringMap()): its first bytes are kept and
/// a marker saying how long it was ends it (cuts() lists them). RapidJSON would otherwise gather a 2 GB string
/// whole before handing it on.
class JsonStream {
public:
    using Ch = char;
    /// Hands out the next block; false at the end of the input or on a read error.
    using Source = std::function<bool(const char*& data, size_t& size)>;
    /// A string that was cut: where it starts in the input, its length there and how many of its bytes were kept.
    struct Cut {
        size_t offset = 0;
        size_t bytes = 0;
        size_t kept = 0;
    };
    /// Why takeRaw() stopped.
    enum class RawFault { None, Ended, TooDeep, TooLarge };

    explicit JsonStream(Source source)
        : m_source(std::move(source))
    {
    }

    Ch Peek()
    {
        if (m_cursor == m_end && !fill())
            return '\0';
        if (m_cutDue)
            return peekCut();
        return *m_cursor;
    }
    Ch Take()
    {
        if (m_cursor == m_end && !fill())
            return '\0';
        const char c = *m_cursor++;
        // RapidJSON takes its strings a character at a time: the state of the one being taken is followed here, so
        // that a string too long is cut at the next character that may end it.
        if (c == '"' || c == '\\' || m_escape != 0)
            noteSpecial(c);
        else if (m_inString && ++m_stringBytes >= m_stringCap)
            m_cutDue = true;
        return c;
    }
    size_t Tell() const { return m_consumed + size_t(m_cursor - m_begin); }

    /// The strings cut so far.
    const std::vector<Cut>& cuts() const { return m_cuts; }
    /// Strings longer than this are cut (JsonLimits::stringCap unless a test sets another).
    void setStringCap(size_t bytes) { m_stringCap = bytes; }

    /// Copies the object or array whose opening bracket `open` was just taken into `out`, brackets included,
    /// without parsing it, and stops before its closing bracket: the reader then takes an empty value. Only
    /// brackets and strings are followed, so the copy is as fast as a scan; whoever uses `out` parses it and
    /// finds any fault. Strings too long are cut on the way (see cuts()). Stops with faultAt() set when the input
    /// ends first, when the value nests deeper than JsonLimits::maxDepth or grows past JsonLimits::itemCap.
    RawFault takeRaw(std::string& out, char open)
    {
        out.assign(1, open);
        int depth = 1;
        bool inString = false;
        // The block before ended on a backslash inside a string: this block's first byte is escaped.
        bool escaped = false;
        size_t stringFrom = 0; ///< where the string being copied starts in `out`, after its quote
        size_t stringLimit = 0; ///< the size of `out` past which that string is cut
        for (;;) {
            if (m_cursor == m_end && !fill()) {
                m_faultAt = Tell();
                return RawFault::Ended;
            }
            const char* p = escaped ? m_cursor + 1 : m_cursor;
            escaped = false;
            const char* closing = nullptr;
            const char* stop = nullptr; ///< a bracket too deep, or the closing quote of a string too long
#if defined(__SSE2__)
            // Sixteen bytes at a time: the quotes, backslashes and brackets among them are taken in order from bit
            // masks, with no byte read twice. A transcript's model calls are dense with them.
            for (; !closing && !stop && m_end - p >= 16;) {
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
                            if (out.size() + size_t(p + i - m_cursor) > stringLimit) {
                                stop = p + i;
                                break;
                            }
                        }
                    } else if (quotes & bit) {
                        inString = true;
                        stringFrom = out.size() + size_t(p + i + 1 - m_cursor);
                        stringLimit = stringFrom + capFor(stringFrom);
                    } else if (opens & bit) {
                        if (++depth > JsonLimits::maxDepth) {
                            stop = p + i;
                            break;
                        }
                    } else if ((closes & bit) && --depth == 0) {
                        closing = p + i;
                        break;
                    }
                }
                p = next;
            }
#endif
            for (; !closing && !stop && p < m_end; ++p) {
                const char c = *p;
                if (inString) {
                    if (c == '\\') {
                        if (p + 1 == m_end)
                            escaped = true;
                        else
                            ++p;
                    } else if (c == '"') {
                        inString = false;
                        if (out.size() + size_t(p - m_cursor) > stringLimit)
                            stop = p;
                    }
                } else if (c == '"') {
                    inString = true;
                    stringFrom = out.size() + size_t(p + 1 - m_cursor);
                    stringLimit = stringFrom + capFor(stringFrom);
                } else if (c == '{' || c == '[') {
                    if (++depth > JsonLimits::maxDepth)
                        stop = p;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    closing = p;
                }
            }
            if (closing) {
                out.append(m_cursor, size_t(closing - m_cursor));
                out.push_back(*closing);
                m_cursor = closing;
                return RawFault::None;
            }
            if (stop && *stop != '"') {
                m_faultAt = Tell() + size_t(stop - m_cursor);
                return RawFault::TooDeep;
            }
            if (stop) {
                // A string longer than its limit closed in this block.
                const size_t quoteAt = Tell() + size_t(stop - m_cursor);
                out.append(m_cursor, size_t(stop - m_cursor));
                const size_t length = out.size() - stringFrom;
                cutCopied(out, stringFrom, stringLimit - stringFrom, length, quoteAt - length - 1);
                out.push_back('"');
                m_cursor = stop + 1;
                continue;
            }
            out.append(m_cursor, size_t(m_end - m_cursor));
            m_cursor = m_end;
            if (inString && out.size() > stringLimit) {
                // The string goes on past its limit: the rest of it is skipped, not copied.
                const size_t copied = out.size() - stringFrom;
                const size_t at = Tell() - copied - 1;
                size_t rest = 0;
                if (!skipStringRest(escaped, rest)) {
                    m_faultAt = Tell();
                    return RawFault::Ended;
                }
                escaped = false;
                inString = false;
                cutCopied(out, stringFrom, stringLimit - stringFrom, copied + rest, at);
                out.push_back('"');
            }
            if (out.size() > JsonLimits::itemCap) {
                m_faultAt = Tell();
                return RawFault::TooLarge;
            }
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

    /// Where the fault takeStringMap() or takeRaw() returned lies in the input.
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
        const size_t at = Tell() - 1; // the opening quote
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
            if (out.size() > m_stringCap)
                return cutTaken(out, at) ? nullptr : fault(cut, Tell());
            if (m_cursor == m_end && !fill())
                return fault(cut, Tell());
            const char* p = JsonScan::stringStop(m_cursor, m_end);
            if (p != m_cursor) {
                loneHigh();
                out.append(m_cursor, size_t(p - m_cursor));
                m_cursor = p;
                if (out.size() > m_stringCap)
                    return cutTaken(out, at) ? nullptr : fault(cut, Tell());
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

    /// How many bytes the string starting at `from` in a list item keeps: a few strings of an item may keep the
    /// whole cap, the item's later strings less.
    size_t capFor(size_t from) const
    {
        if (from >= JsonLimits::itemStringBudget)
            return std::min(m_stringCap, JsonLimits::smallStringCap);
        return std::min(m_stringCap, std::max(JsonLimits::smallStringCap, JsonLimits::itemStringBudget - from));
    }

    /// Cuts the string copied (still escaped) into `out` from `from` on to at most `keep` bytes, never inside an
    /// escape, a UTF-8 character or a surrogate pair, and ends it with the marker.
    void cutCopied(std::string& out, size_t from, size_t keep, size_t total, size_t at)
    {
        const size_t limit = from + keep;
        size_t end = from;
        size_t high = std::string::npos; // a \u escape of a high surrogate, when it is the last one kept
        while (end < limit && end < out.size()) {
            const auto c = static_cast<unsigned char>(out[end]);
            size_t length = 1;
            bool isHigh = false;
            if (c == '\\') {
                const bool unicode = end + 1 < out.size() && out[end + 1] == 'u';
                length = unicode ? 6 : 2;
                if (unicode && end + 6 <= out.size()) {
                    const unsigned code = unsigned(std::strtoul(out.substr(end + 2, 4).c_str(), nullptr, 16));
                    isHigh = code >= 0xD800 && code <= 0xDBFF;
                }
            } else if (c >= 0xF0) {
                length = 4;
            } else if (c >= 0xE0) {
                length = 3;
            } else if (c >= 0xC0) {
                length = 2;
            }
            if (end + length > limit)
                break;
            high = isHigh ? end : std::string::npos;
            end += length;
        }
        if (high != std::string::npos)
            end = high;
        out.resize(end);
        out += JsonLimits::truncationMarker(total, end - from);
        m_cuts.push_back({ at, total, end - from });
    }

    /// Cuts the string unescaped into `out` (takeString()) to the cap, on a UTF-8 character's start, skips the rest
    /// of it in the input and ends it with the marker. False when the input ends inside the string.
    bool cutTaken(std::string& out, size_t at)
    {
        size_t end = m_stringCap;
        for (int back = 0; back < 3 && end > 0 && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80; ++back)
            --end;
        size_t rest = 0;
        if (!skipStringRest(false, rest))
            return false;
        const size_t total = Tell() - at - 2;
        out.resize(end);
        out += JsonLimits::truncationMarker(total, end);
        m_cuts.push_back({ at, total, end });
        return true;
    }

    /// Skips the rest of a string up to its closing quote, which it takes; `skipped` grows by the bytes before the
    /// quote. `escaped`: the first byte is escaped. False when the input ends first.
    bool skipStringRest(bool escaped, size_t& skipped)
    {
        for (;;) {
            if (m_cursor == m_end && !fill())
                return false;
            const char* p = escaped ? m_cursor + 1 : m_cursor;
            escaped = false;
            while (p < m_end) {
                p = JsonScan::stringStop(p, m_end);
                if (p == m_end)
                    break;
                if (*p == '"') {
                    skipped += size_t(p - m_cursor);
                    m_cursor = p + 1;
                    return true;
                }
                if (*p != '\\') {
                    ++p; // a control character: the string is cut, not checked
                } else if (p + 1 == m_end) {
                    escaped = true;
                    p = m_end;
                } else {
                    p += 2;
                }
            }
            skipped += size_t(m_end - m_cursor);
            m_cursor = m_end;
        }
    }

    /// Follows RapidJSON's strings through Take(): where one opens and closes, and which of its bytes belong to an
    /// escape (a cut never falls inside one, nor between the two halves of a surrogate pair).
    void noteSpecial(char c)
    {
        if (!m_inString) {
            if (c == '"') {
                m_inString = true;
                m_stringBytes = 0;
                m_stringAt = Tell() - 1;
            }
            return;
        }
        if (++m_stringBytes >= m_stringCap)
            m_cutDue = true;
        if (m_escape == 1) { // the byte after a backslash
            m_escape = c == 'u' ? 5 : 0;
            m_hex = 0;
            return;
        }
        if (m_escape > 1) { // a hex digit of a \u escape
            const int digit = c >= '0' && c <= '9'       ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                         : 0;
            m_hex = (m_hex << 4) | unsigned(digit);
            if (--m_escape == 1) {
                m_escape = 0;
                m_afterHigh = m_hex >= 0xD800 && m_hex <= 0xDBFF;
            }
            return;
        }
        if (c == '\\') {
            m_escape = 1;
            m_afterHigh = false;
            return;
        }
        m_inString = false; // the closing quote
        m_cutDue = false;
        m_afterHigh = false;
    }

    /// The string RapidJSON is taking reached the cap: at a byte where it may be cut, the rest of it is skipped and
    /// RapidJSON is handed the marker and a closing quote instead.
    Ch peekCut()
    {
        const auto c = static_cast<unsigned char>(*m_cursor);
        const bool boundary = !m_injecting && m_escape == 0 && !m_afterHigh && c != '"'
            && ((c & 0xC0) != 0x80 || m_stringBytes >= m_stringCap + 4);
        if (!boundary)
            return char(c);
        m_cutDue = false;
        const size_t kept = m_stringBytes;
        size_t rest = 0;
        if (!skipStringRest(false, rest))
            return '\0';
        m_cuts.push_back({ m_stringAt, kept + rest, kept });
        m_injected = JsonLimits::truncationMarker(kept + rest, kept) + '"';
        m_stringBytes = 0;
        // The marker is read from a buffer of its own; fill() goes back to the input where the string ended.
        m_resumeAt = Tell();
        m_resumeCursor = m_cursor;
        m_resumeEnd = m_end;
        m_begin = m_cursor = m_injected.data();
        m_end = m_begin + m_injected.size();
        m_consumed = m_resumeAt;
        m_injecting = true;
        return *m_cursor;
    }

    bool fill()
    {
        if (m_injecting) {
            m_injecting = false;
            m_begin = m_cursor = m_resumeCursor;
            m_end = m_resumeEnd;
            m_consumed = m_resumeAt;
            if (m_cursor != m_end)
                return true;
        }
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

    size_t m_stringCap = JsonLimits::stringCap;
    std::vector<Cut> m_cuts;
    // The string RapidJSON is taking (Take()).
    bool m_inString = false;
    bool m_cutDue = false;
    bool m_afterHigh = false; ///< the last escape was a high surrogate: its low half follows
    int m_escape = 0; ///< 1: the next byte is escaped; 2 to 5: hex digits of a \u escape are still to come
    unsigned m_hex = 0;
    size_t m_stringBytes = 0;
    size_t m_stringAt = 0;
    // The marker handed to RapidJSON in place of a cut string's rest, and where the input goes on after it.
    std::string m_injected;
    bool m_injecting = false;
    size_t m_resumeAt = 0;
    const char* m_resumeCursor = nullptr;
    const char* m_resumeEnd = nullptr;
};
