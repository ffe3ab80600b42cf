// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "importoptions.h"
#include "jsonstream.h"
#include "logsink.h"
#include "logvalues.h"
#include "saxtoken.h"

#include <functional>
#include <memory>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <string_view>
#include <unordered_map>
#include <vector>

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
    rapidjson::CrtAllocator, rapidjson::kWriteNanAndInfFlag>;

/// A RapidJSON SAX handler for one EvalSample. It cuts the sample into events, messages and attachments as
/// they stream past and hands them to a LogSink, so no sample is ever held whole in memory. The items of its
/// lists (events, messages) are copied from the stream unparsed and parsed once each, in place. Inline model
/// inputs (logs before message pools) are stored once each and referenced from the event through
/// `input_refs`, exactly as Inspect's own pools do.
class SampleParser : public SaxTokenAdapter<SampleParser> {
public:
    /// `stream` is the one the reader parses: list items are copied from it unparsed.
    SampleParser(JsonStream& stream, LogSink& sink, const ImportOptions& options);

    /// Scorer name that a version 1 sample's single `score` belongs to.
    void setLegacyScorer(const QString& name) { m_legacyScorer = name; }
    /// True once the sample object has closed.
    bool finished() const { return m_finished; }
    /// Why the parse was stopped, when a handler call returned false.
    QString errorString() const { return m_error; }
    int eventCount() const { return m_eventSeq; }

    /// An item of the sample's lists, as it is read: which list, its index there, where it starts in the stream.
    struct Item {
        enum Kind { Event, PoolMessage, PoolCall } kind;
        int index;
        size_t offset;
        std::string_view json;
    };
    /// What becomes of an item an ItemHook saw.
    enum class ItemVerdict { Store, Drop, Stop };
    /// Sees each event, pool message and model call before it is stored (a reader that assembles the sample from
    /// parts checks them against its parts). Drop is for pool messages only; Stop ends the parse.
    using ItemHook = std::function<ItemVerdict(const Item& item)>;
    void setItemHook(ItemHook hook) { m_itemHook = std::move(hook); }
    /// Messages of the pool the model events read (the end of their largest `input_refs` range).
    int poolExtent() const { return int(m_poolFirstUse.size()); }

    /// An event's one-line summary as the store keeps it: language-neutral (analysis/eventsummary.h), cut to a line.
    static QString storedSummary(const QString& type, const rapidjson::Document& event);

    /// Takes the sample's tokens, starting with its opening brace.
    bool token(const SaxToken& token);

private:
    enum class Mode { Top, Skip, Capture, List, Attachments, Container };
    enum class ListKind { None, Events, FinalMessages, PoolMessages, PoolCalls };

    static void write(JsonWriter& writer, const SaxToken& token);
    bool topToken(const SaxToken& token);
    bool containerToken(const SaxToken& token);
    bool listToken(const SaxToken& token);
    bool enterValue(const SaxToken& open, const QByteArray& key, const QByteArray& innerKey);
    bool leave();
    bool takeAttachments();
    void topScalar(const SaxToken& token);
    bool finishCapture();
    bool finishItem();
    bool finishEvent();
    bool finishMessage(MessageRecord::Kind kind, int index, const char* json, size_t size);
    /// Parses a copy of `json` in place (m_parsedCopy), its fault in m_parseError.
    bool parseCopy(rapidjson::Document& document, const char* json, size_t size);
    int inlineInput(const char* json, size_t size);
    /// A 64-bit hash of an id string: the key of m_producedBy. Two ids of a sample that collide are as unlikely
    /// as two inputs that collide in m_poolByHash, and would only put a message on the other's step.
    static size_t idKey(const JsonValue& id);
    bool poolInlineInput(rapidjson::Document& event, JsonValue& input);
    QString itemFault(const QString& parseError) const;
    ItemVerdict askHook(Item::Kind kind, int index, const char* json, size_t size);
    bool ensureBegun();
    bool finishSample();
    bool fail(const QString& message);

    JsonStream& m_stream;
    LogSink& m_sink;
    const ImportOptions& m_options;
    QString m_legacyScorer;
    QString m_error;

    int m_depth = 0;
    Mode m_mode = Mode::Top;
    std::vector<std::pair<Mode, int>> m_enclosing; ///< modes (and their depths) to return to
    QByteArray m_key; ///< current key of the sample object
    QByteArray m_innerKey; ///< current key inside a container such as `transcript` or `events_data`
    ListKind m_listKind = ListKind::None;
    int m_listDepth = 0; ///< depth inside the list whose items are captured
    int m_modeDepth = 0; ///< depth of the contents of the value the current mode covers
    int m_itemIndex = 0;

    rapidjson::StringBuffer m_captureBuffer;
    JsonWriter m_capture;
    std::string m_itemJson; ///< the list item just read, as it stood in the log
    std::string m_parsedCopy; ///< a copy of a message or model call, parsed in place: no string is copied again
    std::string m_eventCopy; ///< a copy of the event being read, parsed in place
    /// The memory of the event being read, used again for the next: an event's values fit in it but for its
    /// largest, which take more from the heap until the next event.
    static constexpr size_t eventMemoryBytes = 256 * 1024;
    std::unique_ptr<char[]> m_eventMemory = std::make_unique<char[]>(eventMemoryBytes);
    rapidjson::MemoryPoolAllocator<> m_eventAllocator { m_eventMemory.get(), eventMemoryBytes };
    size_t m_itemOffset = 0; ///< where it starts in the member
    QString m_parseError;

    // Inline model inputs (logs before message pools), pooled as they are read.
    std::unordered_map<size_t, int> m_poolByHash;
    int m_poolSize = 0;
    std::vector<int> m_poolFirstUse; ///< first event seq using each pool message
    /// A tool call id or an output message id, by idKey() -> the event that produced it.
    std::unordered_map<size_t, int> m_producedBy;

    ItemHook m_itemHook;

    SampleRecord m_sample;
    bool m_begun = false;
    bool m_finished = false;
    int m_eventSeq = 0;
};
