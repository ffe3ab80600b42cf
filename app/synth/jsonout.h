// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <functional>
#include <type_traits>

/// Writes JSON text straight into a buffer that is handed to a sink when it fills: the generator's samples
/// reach a gigabyte, and building them as documents would hold them whole. Commas are placed by the writer.
class JsonOut {
public:
    using Sink = std::function<bool(const QByteArray&)>;
    explicit JsonOut(Sink sink)
        : m_sink(std::move(sink))
    {
        m_buffer.reserve(1 << 20);
    }

    JsonOut& beginObject();
    JsonOut& endObject();
    JsonOut& beginArray();
    JsonOut& endArray();
    JsonOut& key(const char* name);
    JsonOut& string(const char* text, size_t size);
    JsonOut& string(const QByteArray& text) { return string(text.constData(), size_t(text.size())); }
    JsonOut& string(const QString& text) { return string(text.toUtf8()); }
    JsonOut& string(const char* text) { return string(text, strlen(text)); }
    template <typename Integer>
    requires std::is_integral_v<Integer> JsonOut& number(Integer value) { return integer(qint64(value)); }
    JsonOut& real(double value, int decimals = 6);
    JsonOut& boolean(bool value);
    JsonOut& null();
    /// A value already written as JSON.
    JsonOut& raw(const QByteArray& json);

    // Shorthands for a key and its value.
    template <typename T> JsonOut& field(const char* name, const T& value)
    {
        key(name);
        return put(value);
    }

    bool flush();
    bool ok() const { return m_ok; }
    qint64 written() const { return m_written + m_buffer.size(); }

private:
    JsonOut& put(const QString& value) { return string(value); }
    JsonOut& put(const QByteArray& value) { return string(value); }
    JsonOut& put(const char* value) { return string(value); }
    template <typename Integer>
    requires std::is_integral_v<Integer> JsonOut& put(Integer value) { return integer(qint64(value)); }
    JsonOut& put(double value) { return real(value); }
    JsonOut& integer(qint64 value);
    JsonOut& put(bool value) { return boolean(value); }
    void separate();
    void grow();

    Sink m_sink;
    QByteArray m_buffer;
    bool m_needComma = false;
    bool m_afterKey = false;
    bool m_ok = true;
    qint64 m_written = 0;
};
