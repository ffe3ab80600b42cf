// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "jsonout.h"

#include <cmath>
#include <cstring>

void JsonOut::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
    } else if (m_needComma) {
        m_buffer += ", ";
    }
    m_needComma = true;
}

void JsonOut::grow()
{
    if (m_buffer.size() >= (1 << 20))
        flush();
}

bool JsonOut::flush()
{
    if (!m_buffer.isEmpty()) {
        m_ok = m_ok && m_sink(m_buffer);
        m_written += m_buffer.size();
        m_buffer.clear();
    }
    return m_ok;
}

JsonOut& JsonOut::beginObject()
{
    separate();
    m_buffer += '{';
    m_needComma = false;
    return *this;
}

JsonOut& JsonOut::endObject()
{
    m_buffer += '}';
    m_needComma = true;
    grow();
    return *this;
}

JsonOut& JsonOut::beginArray()
{
    separate();
    m_buffer += '[';
    m_needComma = false;
    return *this;
}

JsonOut& JsonOut::endArray()
{
    m_buffer += ']';
    m_needComma = true;
    grow();
    return *this;
}

JsonOut& JsonOut::key(const char* name)
{
    separate();
    m_buffer += '"';
    m_buffer += name;
    m_buffer += "\": ";
    m_afterKey = true;
    m_needComma = true;
    return *this;
}

JsonOut& JsonOut::string(const char* text, size_t size)
{
    separate();
    m_buffer += '"';
    const char* run = text;
    for (size_t i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_buffer.append(run, text + i - run);
        switch (c) {
        case '"':
            m_buffer += "\\\"";
            break;
        case '\\':
            m_buffer += "\\\\";
            break;
        case '\n':
            m_buffer += "\\n";
            break;
        case '\t':
            m_buffer += "\\t";
            break;
        case '\r':
            m_buffer += "\\r";
            break;
        default: {
            char escaped[8];
            snprintf(escaped, sizeof escaped, "\\u%04x", c);
            m_buffer += escaped;
        }
        }
        run = text + i + 1;
    }
    m_buffer.append(run, text + size - run);
    m_buffer += '"';
    grow();
    return *this;
}

JsonOut& JsonOut::integer(qint64 value)
{
    separate();
    m_buffer += QByteArray::number(qlonglong(value));
    return *this;
}

JsonOut& JsonOut::real(double value, int decimals)
{
    separate();
    if (std::isnan(value))
        m_buffer += "NaN";
    else if (value == std::floor(value) && std::abs(value) < 1e15)
        m_buffer += QByteArray::number(value, 'f', 1);
    else
        m_buffer += QByteArray::number(value, 'f', decimals);
    return *this;
}

JsonOut& JsonOut::boolean(bool value)
{
    separate();
    m_buffer += value ? "true" : "false";
    return *this;
}

JsonOut& JsonOut::null()
{
    separate();
    m_buffer += "null";
    return *this;
}

JsonOut& JsonOut::raw(const QByteArray& json)
{
    separate();
    m_buffer += json;
    grow();
    return *this;
}
