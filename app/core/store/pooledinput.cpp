// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "pooledinput.h"

#include "attachmentresolver.h"
#include "chunkstore.h"
#include "json/jsonvalues.h"

#include <algorithm>

namespace {
/// The indices of a list of [begin, end) ranges.
std::vector<int> indicesOf(const JsonValue* refs)
{
    std::vector<int> indices;
    if (!refs || !refs->IsArray())
        return indices;
    for (const auto& range : refs->GetArray()) {
        if (!range.IsArray() || range.Size() != 2 || !range[0].IsInt() || !range[1].IsInt())
            continue;
        for (int i = std::max(range[0].GetInt(), 0); i < range[1].GetInt(); ++i)
            indices.push_back(i);
    }
    return indices;
}

/// Parses `json` into `document`'s memory and appends it to `list`; text that does not parse is skipped.
void append(rapidjson::Document& document, JsonValue& list, const QByteArray& json)
{
    rapidjson::Document item;
    if (json.isEmpty() || !parseJson(item, json.constData(), size_t(json.size())))
        return;
    JsonValue copy(item, document.GetAllocator());
    list.PushBack(copy, document.GetAllocator());
}
}

PooledInput::PooledInput(SqliteDb& db, ChunkReader& chunks, AttachmentResolver& attachments, qint64 sampleId)
    : m_db(db)
    , m_chunks(chunks)
    , m_attachments(attachments)
    , m_sampleId(sampleId)
{
}

std::vector<int> PooledInput::referencedBy(int seq)
{
    if (seq < 0)
        return {};
    if (seq == m_lastSeq)
        return m_lastIndices;
    if (!m_event.isValid()
        && !m_event.prepare(m_db, "SELECT payload_chunk, payload_slot FROM events WHERE sample_id = ? AND seq = ?"))
        return {};
    m_event.bind(1, m_sampleId);
    m_event.bind(2, seq);
    QByteArray json;
    if (m_event.step())
        json = m_chunks.item(m_event.integer(0), int(m_event.integer(1)));
    m_event.reset();
    rapidjson::Document event;
    if (json.isEmpty() || !parseJson(event, json.constData(), size_t(json.size())))
        return {};
    std::vector<int> indices = indicesOf(member(event, "input_refs"));
    std::sort(indices.begin(), indices.end());
    return indices;
}

QByteArray PooledInput::message(int index)
{
    if (!m_message.isValid()
        && !m_message.prepare(
            m_db, "SELECT json_chunk, json_slot FROM messages WHERE sample_id = ? AND kind = 0 AND idx = ?"))
        return {};
    m_message.bind(1, m_sampleId);
    m_message.bind(2, index);
    QByteArray json;
    if (m_message.step())
        json = m_attachments
                   .resolveJson(QString::fromUtf8(m_chunks.item(m_message.integer(0), int(m_message.integer(1)))))
                   .toUtf8();
    m_message.reset();
    return json;
}

QByteArray PooledInput::call(int index)
{
    if (!m_call.isValid() && !m_call.prepare(m_db, "SELECT json FROM model_calls WHERE sample_id = ? AND idx = ?"))
        return {};
    m_call.bind(1, m_sampleId);
    m_call.bind(2, index);
    QByteArray json;
    if (m_call.step())
        json = m_attachments.resolveJson(m_call.text(0)).toUtf8();
    m_call.reset();
    return json;
}

QString PooledInput::resolve(const QByteArray& eventJson, int seq, int previousSeq, bool withCalls)
{
    rapidjson::Document event;
    if (!parseJson(event, eventJson.constData(), size_t(eventJson.size())) || !event.IsObject())
        return QString::fromUtf8(eventJson);
    const std::vector<int> indices = indicesOf(member(event, "input_refs"));
    const std::vector<int> previous = referencedBy(previousSeq);
    auto& allocator = event.GetAllocator();
    auto* input = const_cast<JsonValue*>(member(event, "input"));
    if (input && input->IsArray() && !indices.empty()) {
        input->Clear();
        for (const int index : indices) {
            if (!std::binary_search(previous.begin(), previous.end(), index))
                append(event, *input, message(index));
        }
    }
    auto* call = const_cast<JsonValue*>(member(event, "call"));
    auto* request = call && call->IsObject() ? const_cast<JsonValue*>(member(*call, "request")) : nullptr;
    const JsonValue* key = call && call->IsObject() ? member(*call, "call_key") : nullptr;
    if (withCalls && request && request->IsObject() && key && key->IsString()) {
        JsonValue list(rapidjson::kArrayType);
        for (const int index : indicesOf(member(*call, "call_refs")))
            append(event, list, this->call(index));
        request->RemoveMember(key->GetString());
        request->AddMember(JsonValue(key->GetString(), allocator), list, allocator);
    }
    m_lastSeq = seq;
    m_lastIndices = indices;
    std::sort(m_lastIndices.begin(), m_lastIndices.end());
    return QString::fromUtf8(toJson(event));
}
