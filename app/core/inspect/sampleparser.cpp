// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampleparser.h"

#include "logvalues.h"
#include "sampleclassifier.h"

#include "analysis/eventsummary.h"

#include <QCoreApplication>
#include <rapidjson/error/en.h>
#include <string_view>

namespace {
void resetWriter(JsonWriter& writer, rapidjson::StringBuffer& buffer)
{
    buffer.Clear();
    writer.Reset(buffer);
}

/// How much of a string the sample's own fields keep.
constexpr qsizetype scalarCap = 1'000'000;

bool equals(const QByteArray& key, const char* name)
{
    return key == name;
}

/// The start of a value's JSON, cut before it is turned into text: arguments can hold whole files.
QString jsonStart(const JsonValue& value, int length = 300)
{
    const QByteArray json = toJson(value);
    return QString::fromUtf8(json.constData(), std::min<qsizetype>(json.size(), length));
}

QString summaryOf(const QString& text, int length = 160)
{
    // A reference is kept whole: it is replaced with its attachment when the summary is read, and the line cut
    // then. oneLine() reads four characters for each it keeps, so those and one reference (45) are enough.
    if (text.contains(QLatin1String("attachment://")) || text.contains(QLatin1String("tc://")))
        return text.left(length * 4 + 45);
    return oneLine(text, length);
}

QString errorText(const JsonValue* error)
{
    if (!error || error->IsNull())
        return {};
    if (error->IsString())
        return stringOf(error);
    return stringOf(member(*error, "message"));
}

/// Whether a replay marks the step on its plot: errors (the sample's, a model call's or a tool's), limits and
/// compactions.
bool isMarked(const QString& type, const rapidjson::Document& event)
{
    if (type == QLatin1String("compaction") || type == QLatin1String("error") || type == QLatin1String("sample_limit"))
        return true;
    if (type == QLatin1String("model"))
        return !errorText(member(event, "error")).isEmpty();
    if (type == QLatin1String("tool")) {
        const JsonValue* error = member(event, "error");
        return error && !error->IsNull();
    }
    return false;
}

QString eventSummary(const QString& type, const rapidjson::Document& event)
{
    if (type == QLatin1String("model")) {
        const QString error = errorText(member(event, "error"));
        if (!error.isEmpty())
            return EventSummary::modelError(error);
        const JsonValue* output = member(event, "output");
        const JsonValue* choices = output ? member(*output, "choices") : nullptr;
        if (choices && choices->IsArray() && !choices->Empty()) {
            const JsonValue* message = member((*choices)[0], "message");
            if (message) {
                QString text = contentText(member(*message, "content")).left(300);
                const JsonValue* calls = member(*message, "tool_calls");
                if (calls && calls->IsArray()) {
                    for (const auto& call : calls->GetArray()) {
                        text += QStringLiteral(" \u2192 ") + stringOf(member(call, "function"));
                        if (const JsonValue* arguments = member(call, "arguments"))
                            text += QLatin1Char(' ') + jsonStart(*arguments, 200);
                    }
                }
                return text;
            }
        }
        // A call that never returned has no output.
        return output ? stringOf(member(*output, "completion")) : QString();
    }
    if (type == QLatin1String("tool")) {
        QString line = stringOf(member(event, "function"));
        if (const JsonValue* arguments = member(event, "arguments"))
            line += QLatin1Char(' ') + jsonStart(*arguments);
        const JsonValue* error = member(event, "error");
        if (error && !error->IsNull())
            line += QStringLiteral(" \u2717 ") + errorText(error);
        return line;
    }
    if (type == QLatin1String("score")) {
        const JsonValue* score = member(event, "score");
        const JsonValue* intermediate = member(event, "intermediate");
        return EventSummary::score(
            score && member(*score, "value") ? QString::fromUtf8(toJson(*member(*score, "value"))) : QString(),
            intermediate && intermediate->IsTrue(), score ? stringOf(member(*score, "explanation")) : QString());
    }
    if (type == QLatin1String("compaction")) {
        return EventSummary::compaction(stringOf(member(event, "type")), scalarText(member(event, "tokens_before")),
            scalarText(member(event, "tokens_after")));
    }
    if (type == QLatin1String("sample_limit"))
        return EventSummary::limit(stringOf(member(event, "type")), stringOf(member(event, "message")));
    if (type == QLatin1String("error"))
        return errorText(member(event, "error"));
    if (type == QLatin1String("span_begin"))
        return stringOf(member(event, "type")) + QStringLiteral(": ") + stringOf(member(event, "name"));
    if (type == QLatin1String("step")) {
        return stringOf(member(event, "action")) + QLatin1Char(' ') + stringOf(member(event, "type")) + QLatin1Char(' ')
            + stringOf(member(event, "name"));
    }
    if (type == QLatin1String("logger")) {
        const JsonValue* message = member(event, "message");
        return message
            ? stringOf(member(*message, "level")) + QStringLiteral(": ") + stringOf(member(*message, "message"))
            : QString();
    }
    if (type == QLatin1String("sandbox")) {
        return stringOf(member(event, "action")) + QLatin1Char(' ') + stringOf(member(event, "cmd"))
            + stringOf(member(event, "file"));
    }
    if (type == QLatin1String("state") || type == QLatin1String("store")) {
        const JsonValue* changes = member(event, "changes");
        const int count = changes && changes->IsArray() ? int(changes->Size()) : 0;
        return EventSummary::changes(count);
    }
    if (type == QLatin1String("input"))
        return stringOf(member(event, "input"));
    if (type == QLatin1String("info"))
        return stringOf(member(event, "source"));
    if (type == QLatin1String("approval"))
        return EventSummary::approval(stringOf(member(event, "decision")), stringOf(member(event, "approver")));
    if (type == QLatin1String("subtask"))
        return stringOf(member(event, "name"));
    // Inspect's other event types have no summary; one it added since is kept, its summary naming it.
    static const QStringList known { QStringLiteral("anchor"), QStringLiteral("branch"), QStringLiteral("checkpoint"),
        QStringLiteral("interrupt"), QStringLiteral("sample_init"), QStringLiteral("score_edit"),
        QStringLiteral("span_end") };
    if (!type.isEmpty() && !known.contains(type))
        return EventSummary::unknownType(type);
    return {};
}
}

QString SampleParser::storedSummary(const QString& type, const rapidjson::Document& event)
{
    return summaryOf(eventSummary(type, event));
}

SampleParser::SampleParser(JsonStream& stream, LogSink& sink, const ImportOptions& options)
    : m_stream(stream)
    , m_sink(sink)
    , m_options(options)
    , m_capture(m_captureBuffer)
{
}

bool SampleParser::fail(const QString& message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

void SampleParser::write(JsonWriter& writer, const SaxToken& token)
{
    switch (token.kind) {
    case SaxToken::Null:
        writer.Null();
        break;
    case SaxToken::Bool:
        writer.Bool(token.boolean);
        break;
    case SaxToken::Int64:
        writer.Int64(token.int64);
        break;
    case SaxToken::Uint64:
        writer.Uint64(token.uint64);
        break;
    case SaxToken::Double:
        writer.Double(token.number);
        break;
    case SaxToken::String:
        writer.String(token.text, rapidjson::SizeType(token.length));
        break;
    case SaxToken::Key:
        writer.Key(token.text, rapidjson::SizeType(token.length));
        break;
    case SaxToken::StartObject:
        writer.StartObject();
        break;
    case SaxToken::EndObject:
        writer.EndObject();
        break;
    case SaxToken::StartArray:
        writer.StartArray();
        break;
    case SaxToken::EndArray:
        writer.EndArray();
        break;
    }
}

bool SampleParser::token(const SaxToken& token)
{
    if (token.isOpen())
        ++m_depth;
    switch (m_mode) {
    case Mode::Top:
        return topToken(token);
    case Mode::Container:
        return containerToken(token);
    case Mode::List:
        return listToken(token);
    case Mode::Skip:
        if (token.isClose() && --m_depth < m_modeDepth)
            return leave();
        return true;
    case Mode::Capture:
        write(m_capture, token);
        if (token.kind == SaxToken::String && m_captureBuffer.GetSize() > JsonLimits::capturedCap) {
            return fail(QCoreApplication::translate("SampleParser", "the sample's %1 is larger than %2")
                            .arg(QString::fromUtf8(m_key),
                                QString::fromStdString(JsonLimits::sizeText(JsonLimits::capturedCap))));
        }
        if (token.isClose() && --m_depth < m_modeDepth) {
            leave();
            return finishCapture();
        }
        return true;
    case Mode::Attachments:
        // takeAttachments() read the members: the reader sees an empty object.
        if (token.isClose() && --m_depth < m_modeDepth)
            return leave();
        return true;
    }
    return true;
}

bool SampleParser::leave()
{
    std::tie(m_mode, m_modeDepth) = m_enclosing.back();
    m_enclosing.pop_back();
    return true;
}

bool SampleParser::enterValue(const SaxToken& open, const QByteArray& key, const QByteArray& innerKey)
{
    // `open` has already raised m_depth: the value's own contents sit at m_depth.
    const bool isArray = open.kind == SaxToken::StartArray;
    const bool top = innerKey.isNull();
    m_enclosing.emplace_back(m_mode, m_modeDepth);
    m_modeDepth = m_depth;
    if (top) {
        if (isArray && equals(key, "events")) {
            m_mode = Mode::List;
            m_listKind = ListKind::Events;
        } else if (isArray && equals(key, "messages")) {
            m_mode = Mode::List;
            m_listKind = ListKind::FinalMessages;
        } else if (isArray && equals(key, "message_pool")) {
            m_mode = Mode::List;
            m_listKind = ListKind::PoolMessages;
        } else if (!isArray && equals(key, "attachments")) {
            m_mode = Mode::Attachments;
        } else if (!isArray && (equals(key, "transcript") || equals(key, "events_data"))) {
            m_mode = Mode::Container;
        } else if (equals(key, "scores") || equals(key, "score") || equals(key, "metadata") || equals(key, "error")
            || equals(key, "limit") || equals(key, "model_usage") || equals(key, "target")) {
            m_mode = Mode::Capture;
            resetWriter(m_capture, m_captureBuffer);
            write(m_capture, open);
        } else {
            m_mode = Mode::Skip;
        }
    } else {
        const bool transcript = equals(key, "transcript");
        if (isArray && transcript && equals(innerKey, "events")) {
            m_mode = Mode::List;
            m_listKind = ListKind::Events;
        } else if (!isArray && transcript && equals(innerKey, "content")) {
            m_mode = Mode::Attachments;
        } else if (isArray && !transcript && equals(innerKey, "messages")) {
            m_mode = Mode::List;
            m_listKind = ListKind::PoolMessages;
        } else if (isArray && !transcript && equals(innerKey, "calls")) {
            m_mode = Mode::List;
            m_listKind = ListKind::PoolCalls;
        } else {
            m_mode = Mode::Skip;
        }
    }
    if (m_mode == Mode::List) {
        m_listDepth = m_depth;
        m_itemIndex = 0;
    }
    if (m_mode == Mode::Attachments)
        return takeAttachments();
    return true;
}

bool SampleParser::takeAttachments()
{
    const size_t offset = m_stream.Tell() - 1; // the reader took the opening brace
    bool refused = false;
    const char* fault = m_stream.takeStringMap([this, &refused](const std::string& key, const std::string& text) {
        refused = !ensureBegun() || !m_sink.attachment(QString::fromUtf8(key.data(), qsizetype(key.size())), text);
        return !refused;
    });
    if (refused)
        return fail(QCoreApplication::translate("SampleParser", "the store refused an attachment"));
    if (fault) {
        return fail(
            QCoreApplication::translate("SampleParser", "invalid JSON at byte %1 (the attachments from byte %2): %3")
                .arg(m_stream.faultAt())
                .arg(offset)
                .arg(QString::fromUtf8(fault)));
    }
    return true;
}

bool SampleParser::topToken(const SaxToken& token)
{
    if (m_depth == 1 && token.kind == SaxToken::StartObject && !m_begun && m_key.isNull())
        return true; // the sample object itself
    if (token.kind == SaxToken::Key && m_depth == 1) {
        m_key = QByteArray(token.text, qsizetype(token.length));
        return true;
    }
    if (token.isOpen())
        return enterValue(token, m_key, QByteArray());
    if (token.isClose()) {
        --m_depth;
        if (m_depth == 0)
            return finishSample();
        return true;
    }
    if (m_depth == 1)
        topScalar(token);
    return true;
}

bool SampleParser::containerToken(const SaxToken& token)
{
    if (token.kind == SaxToken::Key && m_depth == m_modeDepth) {
        m_innerKey = QByteArray(token.text, qsizetype(token.length));
        return true;
    }
    if (token.isOpen())
        return enterValue(token, m_key, m_innerKey);
    if (token.isClose() && --m_depth < m_modeDepth) {
        m_innerKey = QByteArray();
        return leave();
    }
    return true;
}

bool SampleParser::listToken(const SaxToken& token)
{
    if (token.kind == SaxToken::StartObject && m_depth == m_listDepth + 1) {
        // The item is copied as it stands, unparsed: the reader sees it as `{}` and closes it next.
        m_itemOffset = m_stream.Tell() - 1;
        switch (m_stream.takeRaw(m_itemJson, '{')) {
        case JsonStream::RawFault::None:
            return true;
        case JsonStream::RawFault::Ended:
            return fail(QCoreApplication::translate("SampleParser", "the sample ends early, inside item %1 of a list")
                            .arg(m_itemIndex));
        case JsonStream::RawFault::TooDeep:
            return fail(
                itemFault(QCoreApplication::translate("SampleParser", "JSON nested deeper than %1 levels at byte %2")
                              .arg(JsonLimits::maxDepth)
                              .arg(m_stream.faultAt())));
        case JsonStream::RawFault::TooLarge:
            return fail(itemFault(
                QCoreApplication::translate("SampleParser", "larger than %1 after its longest strings were cut")
                    .arg(QString::fromStdString(JsonLimits::sizeText(JsonLimits::itemCap)))));
        }
        return true;
    }
    if (token.kind == SaxToken::EndObject && m_depth == m_listDepth + 1) {
        --m_depth;
        return finishItem();
    }
    if (token.isOpen()) {
        // Not an object: nothing this list should hold. Skip it.
        m_enclosing.emplace_back(m_mode, m_modeDepth);
        m_mode = Mode::Skip;
        m_modeDepth = m_depth;
        return true;
    }
    if (token.isClose()) {
        --m_depth;
        m_listKind = ListKind::None;
        return leave();
    }
    return true;
}

size_t SampleParser::idKey(const JsonValue& id)
{
    return std::hash<std::string_view>()(std::string_view(id.GetString(), id.GetStringLength()));
}

int SampleParser::inlineInput(const char* json, size_t size)
{
    const size_t hash = std::hash<std::string_view>()(std::string_view(json, size));
    const auto found = m_poolByHash.find(hash);
    if (found != m_poolByHash.end())
        return found->second;
    const int index = m_poolSize++;
    m_poolByHash.emplace(hash, index);
    if (!finishMessage(MessageRecord::Pool, index, json, size))
        return -1;
    return index;
}

bool SampleParser::poolInlineInput(rapidjson::Document& event, JsonValue& input)
{
    std::vector<int> indices;
    for (const JsonValue& message : input.GetArray()) {
        const QByteArray json = toJson(message);
        const int index = inlineInput(json.constData(), size_t(json.size()));
        if (index < 0)
            return false;
        indices.push_back(index);
    }
    // Runs of consecutive indices become [begin, end) ranges, as in Inspect's own pools.
    auto& allocator = event.GetAllocator();
    JsonValue ranges(rapidjson::kArrayType);
    size_t begin = 0;
    for (size_t i = 1; i <= indices.size(); ++i) {
        if (i == indices.size() || indices[i] != indices[i - 1] + 1) {
            JsonValue range(rapidjson::kArrayType);
            range.PushBack(indices[begin], allocator).PushBack(indices[i - 1] + 1, allocator);
            ranges.PushBack(range, allocator);
            begin = i;
        }
    }
    input.SetArray();
    event.AddMember("input_refs", ranges, allocator);
    return true;
}

QString SampleParser::itemFault(const QString& parseError) const
{
    return QCoreApplication::translate("SampleParser", "item %1 of a list at byte %2: %3")
        .arg(m_itemIndex)
        .arg(m_itemOffset)
        .arg(parseError);
}

void SampleParser::topScalar(const SaxToken& token)
{
    QString text;
    double number = notANumber;
    switch (token.kind) {
    case SaxToken::String:
        // The sample's own fields (its id, target, error) are copied a few times on their way to the store: a long
        // one (an error's traceback of megabytes) keeps its first megabyte.
        if (token.length > scalarCap) {
            text = QString::fromUtf8(token.text, scalarCap)
                + QString::fromStdString(JsonLimits::truncationMarker(token.length, scalarCap));
        } else {
            text = QString::fromUtf8(token.text, qsizetype(token.length));
        }
        break;
    case SaxToken::Int64:
        number = double(token.int64);
        text = QString::number(token.int64);
        break;
    case SaxToken::Uint64:
        number = double(token.uint64);
        text = QString::number(token.uint64);
        break;
    case SaxToken::Double:
        number = token.number;
        text = QString::number(token.number);
        break;
    default:
        return;
    }
    if (equals(m_key, "id"))
        m_sample.id = text;
    else if (equals(m_key, "epoch"))
        m_sample.epoch = int(number);
    else if (equals(m_key, "target"))
        m_sample.target = text;
    else if (equals(m_key, "total_time"))
        m_sample.totalTime = number;
    else if (equals(m_key, "working_time"))
        m_sample.workingTime = number;
    else if (equals(m_key, "started_at"))
        m_sample.startedAt = text;
    else if (equals(m_key, "completed_at"))
        m_sample.completedAt = text;
    else if (equals(m_key, "uuid"))
        m_sample.uuid = text;
    else if (equals(m_key, "error"))
        m_sample.error = text;
}

bool SampleParser::finishCapture()
{
    rapidjson::Document value;
    QString error;
    if (!parseJson(value, m_captureBuffer.GetString(), m_captureBuffer.GetSize(), &error))
        return fail(error);
    if (equals(m_key, "scores")) {
        m_sample.scores = scoresOf(&value, m_options);
    } else if (equals(m_key, "score")) {
        // Version 1: a single score, belonging to the header's scorer.
        rapidjson::Document wrapped(rapidjson::kObjectType);
        const QByteArray name = (m_legacyScorer.isEmpty() ? QStringLiteral("score") : m_legacyScorer).toUtf8();
        wrapped.AddMember(rapidjson::Value(name.constData(), wrapped.GetAllocator()), value, wrapped.GetAllocator());
        m_sample.scores = scoresOf(&wrapped, m_options);
    } else if (equals(m_key, "metadata")) {
        m_sample.metadataJson = QByteArray(m_captureBuffer.GetString(), qsizetype(m_captureBuffer.GetSize()));
    } else if (equals(m_key, "error")) {
        m_sample.error = errorText(&value);
        if (value.IsObject())
            m_sample.errorTraceback = stringOf(member(value, "traceback"));
    } else if (equals(m_key, "limit")) {
        m_sample.limitType = stringOf(member(value, "type"));
        m_sample.limitValue = numberOf(member(value, "limit"));
    } else if (equals(m_key, "model_usage")) {
        m_sample.usage = usageByModel(&value);
    } else if (equals(m_key, "target") && value.IsArray()) {
        QStringList targets;
        for (const auto& target : value.GetArray())
            targets << scalarText(&target);
        m_sample.target = targets.join(QStringLiteral(", "));
    }
    return true;
}

SampleParser::ItemVerdict SampleParser::askHook(Item::Kind kind, int index, const char* json, size_t size)
{
    if (!m_itemHook)
        return ItemVerdict::Store;
    const ItemVerdict verdict = m_itemHook({ kind, index, m_itemOffset, std::string_view(json, size) });
    if (verdict == ItemVerdict::Stop)
        fail(QCoreApplication::translate("SampleParser", "item %1 of a list at byte %2 was refused")
                 .arg(index)
                 .arg(m_itemOffset));
    return verdict;
}

bool SampleParser::finishItem()
{
    const char* json = m_itemJson.data();
    const size_t size = m_itemJson.size();
    const int index = m_itemIndex++;
    const auto kind = m_listKind == ListKind::Events ? Item::Event
        : m_listKind == ListKind::PoolCalls          ? Item::PoolCall
                                                     : Item::PoolMessage;
    if (m_listKind == ListKind::Events || m_listKind == ListKind::PoolMessages || m_listKind == ListKind::PoolCalls) {
        const ItemVerdict verdict = askHook(kind, kind == Item::Event ? m_eventSeq : index, json, size);
        if (verdict == ItemVerdict::Stop)
            return false;
        if (verdict == ItemVerdict::Drop && kind == Item::PoolMessage)
            return true;
    }
    switch (m_listKind) {
    case ListKind::Events:
        return finishEvent();
    case ListKind::FinalMessages:
        return finishMessage(MessageRecord::Final, index, json, size);
    case ListKind::PoolMessages:
        m_poolSize = std::max(m_poolSize, index + 1);
        return finishMessage(MessageRecord::Pool, index, json, size);
    case ListKind::PoolCalls:
        // Only checked: the store keeps the call as it stood.
        if (rapidjson::Document call; !parseCopy(call, json, size))
            return fail(itemFault(m_parseError));
        if (!ensureBegun() || !m_sink.modelCall(index, std::string_view(json, size)))
            return fail(QCoreApplication::translate("SampleParser", "the store refused a model call"));
        return true;
    case ListKind::None:
        break;
    }
    return true;
}

bool SampleParser::parseCopy(rapidjson::Document& document, const char* json, size_t size)
{
    m_parsedCopy.assign(json, size);
    return parseJsonInPlace(document, m_parsedCopy.data(), &m_parseError);
}

bool SampleParser::finishMessage(MessageRecord::Kind kind, int index, const char* json, size_t size)
{
    rapidjson::Document message;
    if (!parseCopy(message, json, size))
        return fail(itemFault(m_parseError));
    MessageRecord record;
    record.kind = kind;
    record.index = index;
    record.role = stringOf(member(message, "role"));
    record.toolCallId = scalarText(member(message, "tool_call_id"));
    record.function = stringOf(member(message, "function"));
    if (const JsonValue* id = member(message, "id"); id && id->IsString())
        record.id = QByteArray(id->GetString(), qsizetype(id->GetStringLength()));
    record.json = QByteArray(json, qsizetype(size));
    // The step a pool message belongs to: the event that produced it (a tool result, a model's output), else the
    // first model call that read it. The final conversation's messages have none, wherever the list lies in the
    // sample (Inspect writes it before the events): the same message in the pool has its step.
    const JsonValue* producer = kind == MessageRecord::Final
        ? nullptr
        : member(message, record.role == QLatin1String("tool") ? "tool_call_id" : "id");
    const auto produced = producer && producer->IsString() && producer->GetStringLength() > 0
        ? m_producedBy.find(idKey(*producer))
        : m_producedBy.end();
    if (produced != m_producedBy.end())
        record.eventSeq = produced->second;
    else if (kind == MessageRecord::Pool && m_listKind == ListKind::Events)
        record.eventSeq = m_eventSeq; // an inline input of the event being read
    else if (kind == MessageRecord::Pool && size_t(index) < m_poolFirstUse.size())
        record.eventSeq = m_poolFirstUse[size_t(index)];
    if (!ensureBegun() || !m_sink.message(record))
        return fail(QCoreApplication::translate("SampleParser", "the store refused a message"));
    return true;
}

bool SampleParser::finishEvent()
{
    EventRecord record;
    // The event is stored as it stood, straight from the item read (the sink copies it), and parsed from a copy
    // in place: no string is copied again.
    record.payload = QByteArray::fromRawData(m_itemJson.data(), qsizetype(m_itemJson.size()));
    m_eventCopy.assign(m_itemJson);
    m_eventAllocator.Clear(); // the last event's values are gone with its document
    rapidjson::Document event(&m_eventAllocator);
    event.ParseInsitu<rapidjson::kParseNanAndInfFlag>(m_eventCopy.data());
    if (event.HasParseError()) {
        return fail(QCoreApplication::translate("SampleParser", "invalid JSON at byte %1 (event %2): %3")
                        .arg(m_itemOffset + event.GetErrorOffset())
                        .arg(m_eventSeq)
                        .arg(QString::fromUtf8(rapidjson::GetParseError_En(event.GetParseError()))));
    }
    if (JsonValue* input = event.HasMember("input") ? &event["input"] : nullptr;
        input && input->IsArray() && !input->Empty()) {
        if (!poolInlineInput(event, *input))
            return false;
        record.payload = toJson(event);
    }
    record.seq = m_eventSeq;
    record.type = stringOf(member(event, "event"));
    record.timestamp = stringOf(member(event, "timestamp"));
    record.workingStart = numberOf(member(event, "working_start"));
    record.spanId = stringOf(member(event, "span_id"));
    record.summary = storedSummary(record.type, event);
    record.marked = isMarked(record.type, event);
    if (record.type == QLatin1String("tool")) {
        if (const JsonValue* id = member(event, "id"); id && id->IsString())
            m_producedBy[idKey(*id)] = m_eventSeq;
    }
    if (record.type == QLatin1String("model")) {
        record.model = stringOf(member(event, "model"));
        const JsonValue* outputs = member(event, "output");
        const JsonValue* choices = outputs ? member(*outputs, "choices") : nullptr;
        if (choices && choices->IsArray() && !choices->Empty()) {
            const JsonValue* message = member((*choices)[0], "message");
            const JsonValue* id = message ? member(*message, "id") : nullptr;
            if (id && id->IsString())
                m_producedBy[idKey(*id)] = m_eventSeq;
        }
        const JsonValue* output = member(event, "output");
        const JsonValue* usage = output ? member(*output, "usage") : nullptr;
        if (usage && usage->IsObject()) {
            const UsageRecord tokens = usageOf(*usage);
            record.inputTokens = tokens.inputTokens;
            record.outputTokens = tokens.outputTokens;
            record.cacheReadTokens = tokens.cacheReadTokens;
            record.cacheWriteTokens = tokens.cacheWriteTokens;
            record.reasoningTokens = tokens.reasoningTokens;
            record.cost = tokens.totalCost;
        }
        // Remember the first event that reads each pool message, for messages that arrive after the events.
        if (const JsonValue* refs = member(event, "input_refs"); refs && refs->IsArray()) {
            for (const auto& range : refs->GetArray()) {
                if (!range.IsArray() || range.Size() != 2 || !range[0].IsInt() || !range[1].IsInt())
                    continue;
                const int end = range[1].GetInt();
                for (int i = std::max(range[0].GetInt(), int(m_poolFirstUse.size())); i < end; ++i) {
                    m_poolFirstUse.resize(size_t(i) + 1, -1);
                    m_poolFirstUse[size_t(i)] = m_eventSeq;
                }
            }
        }
    }
    ++m_eventSeq;
    if (!ensureBegun() || !m_sink.event(record))
        return fail(QCoreApplication::translate("SampleParser", "the store refused an event"));
    return true;
}

bool SampleParser::ensureBegun()
{
    if (m_begun)
        return true;
    m_begun = true;
    classifySample(m_sample, m_options);
    return m_sink.beginSample(m_sample);
}

bool SampleParser::finishSample()
{
    if (!ensureBegun())
        return fail(QCoreApplication::translate("SampleParser", "the store refused sample %1").arg(m_sample.id));
    classifySample(m_sample, m_options);
    m_finished = true;
    if (!m_sink.endSample(m_sample))
        return fail(QCoreApplication::translate("SampleParser", "the store refused sample %1").arg(m_sample.id));
    return true;
}
