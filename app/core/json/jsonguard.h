// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

/// The limits every reader of a log keeps to, whatever the log holds: a log comes from anywhere, and a file
/// written to break the importer must fail by name (or import, cut) without exhausting the stack or the memory.
namespace JsonLimits {
/// Objects and arrays nested deeper than this are refused, with the byte where the limit was passed. RapidJSON's
/// recursive parser and writer, and every reader of a document, recurse once a level: 40,000 levels overflowed the
/// stack. Inspect's own logs nest a few dozen levels.
constexpr int maxDepth = 512;
/// A string longer than this is kept as its first stringCap bytes and a marker saying how long it was; the rest of
/// its sample imports as usual. A tool's output or a file dumped into a transcript can be gigabytes.
constexpr size_t stringCap = 16'000'000;
/// Once the strings an event or message keeps reach this, each further string of it keeps at most smallStringCap.
constexpr size_t itemStringBudget = 32'000'000;
constexpr size_t smallStringCap = 64'000;
/// An event, message or model call larger than this after its strings were cut is refused: it is held whole (and
/// copied) while it is stored.
constexpr size_t itemCap = 64'000'000;
/// A value collected whole from the stream (a sample's metadata or scores, a .json log's header) larger than this is
/// refused.
constexpr size_t capturedCap = 64'000'000;
/// A zip member read whole (header.json, summaries.json, a journal's summaries) larger than this is refused.
constexpr size_t wholeMemberCap = 128'000'000;

/// A size as a user reads it: "2.2 GB", "16 MB", "700 KB", "12 bytes" (decimal units).
inline std::string sizeText(size_t bytes)
{
    char text[32];
    if (bytes >= 1'000'000'000)
        std::snprintf(text, sizeof text, "%.1f GB", double(bytes) / 1e9);
    else if (bytes >= 1'000'000)
        std::snprintf(text, sizeof text, "%.0f MB", double(bytes) / 1e6);
    else if (bytes >= 1'000)
        std::snprintf(text, sizeof text, "%.0f KB", double(bytes) / 1e3);
    else
        std::snprintf(text, sizeof text, "%zu bytes", bytes);
    return text;
}

/// What a cut string ends with, inside the string: plain ASCII, no quote, backslash or control character, so it
/// stands as it is in JSON text.
inline std::string truncationMarker(size_t total, size_t kept)
{
    return " [truncated: " + sizeText(total) + ", first " + sizeText(kept) + " kept]";
}

/// The offset of the bracket at which `json` first nests deeper than maxDepth, or `size` when it never does. Only
/// brackets outside strings count; the text need not be valid.
inline size_t tooDeepAt(const char* json, size_t size)
{
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < size; ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return size;
}
}
