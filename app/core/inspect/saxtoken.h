// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "json/jsonguard.h"

#include <cstddef>
#include <cstdint>
#include <rapidjson/rapidjson.h>

/// One SAX token of a JSON stream.
struct SaxToken {
    enum Kind { Null, Bool, Int64, Uint64, Double, String, Key, StartObject, EndObject, StartArray, EndArray };
    // clang-tidy 14 takes each member of the anonymous union below for a field of its own, left uninitialised:
    // initialising uint64 initialises the union.
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
    explicit SaxToken(Kind kind, const char* text = nullptr, size_t length = 0)
        : kind(kind)
        , text(text)
        , length(length)
        , uint64(0)
    {
    }
    Kind kind;
    const char* text = nullptr; ///< valid only during the call that hands the token out
    size_t length = 0;
    union {
        bool boolean;
        int64_t int64;
        uint64_t uint64;
        double number;
    };
    bool isOpen() const { return kind == StartObject || kind == StartArray; }
    bool isClose() const { return kind == EndObject || kind == EndArray; }
};

/// Turns RapidJSON's handler calls into SaxTokens for `Handler::token()`, so a handler is one state machine. It
/// stops the parse where objects and arrays nest deeper than JsonLimits::maxDepth: RapidJSON's parser recurses once
/// a level, and 40,000 levels overflowed the stack.
template <typename Handler> class SaxTokenAdapter {
public:
    /// True when the parse was stopped because the input nests too deep (at the reader's offset, less one).
    bool tooDeep() const { return m_nesting > JsonLimits::maxDepth; }

    bool Null() { return self().token(SaxToken { SaxToken::Null }); }
    bool Bool(bool value)
    {
        SaxToken token { SaxToken::Bool };
        token.boolean = value;
        return self().token(token);
    }
    bool Int(int value) { return Int64(value); }
    bool Uint(unsigned value) { return Uint64(value); }
    bool Int64(int64_t value)
    {
        SaxToken token { SaxToken::Int64 };
        token.int64 = value;
        return self().token(token);
    }
    bool Uint64(uint64_t value)
    {
        SaxToken token { SaxToken::Uint64 };
        token.uint64 = value;
        return self().token(token);
    }
    bool Double(double value)
    {
        SaxToken token { SaxToken::Double };
        token.number = value;
        return self().token(token);
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }
    bool String(const char* text, rapidjson::SizeType length, bool)
    {
        return self().token(SaxToken { SaxToken::String, text, length });
    }
    bool Key(const char* text, rapidjson::SizeType length, bool)
    {
        return self().token(SaxToken { SaxToken::Key, text, length });
    }
    bool StartObject()
    {
        return ++m_nesting <= JsonLimits::maxDepth && self().token(SaxToken { SaxToken::StartObject });
    }
    bool EndObject(rapidjson::SizeType)
    {
        --m_nesting;
        return self().token(SaxToken { SaxToken::EndObject });
    }
    bool StartArray() { return ++m_nesting <= JsonLimits::maxDepth && self().token(SaxToken { SaxToken::StartArray }); }
    bool EndArray(rapidjson::SizeType)
    {
        --m_nesting;
        return self().token(SaxToken { SaxToken::EndArray });
    }

private:
    Handler& self() { return static_cast<Handler&>(*this); }
    int m_nesting = 0;
};
