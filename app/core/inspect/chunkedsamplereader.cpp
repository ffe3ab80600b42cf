// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "chunkedsamplereader.h"

#include "archive/readahead.h"
#include "jsonstream.h"
#include "sampleparser.h"
#include "json/jsonvalues.h"

#include <QByteArrayView>
#include <QRegularExpression>
#include <algorithm>
#include <cctype>
#include <deque>
#include <limits>
#include <optional>
#include <rapidjson/error/en.h>
#include <unordered_map>

namespace {
/// The shell is read whole, iteratively: a hostile nesting depth cannot overflow the stack.
constexpr unsigned shellParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNanAndInfFlag;
/// The assembled sample is read as a single-member sample is: SampleParser copies items from the stream once the
/// reader has taken their opening brace, which RapidJSON's iterative reader takes only after calling the handler.
constexpr unsigned assembledParseFlags = rapidjson::kParseNanAndInfFlag;
/// Chunks from this size on (uncompressed) are decompressed on a thread of their own while the last is parsed.
constexpr qint64 readAheadFrom = 1 << 20;
const QLatin1String attachmentScheme("attachment://");

bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/// Where a chunk's first item begins in the assembled stream: the item found there must have the chunk's start
/// as its index, or the chunks before it do not hold the items their names say.
struct ChunkMark {
    size_t offset = 0;
    qint64 start = 0;
    QString name;
};

/// Half-open ranges of message indices (`message_refs`), merged and sorted for lookups.
class RefRanges {
public:
    void add(qint64 begin, qint64 end)
    {
        if (begin < end)
            m_ranges.emplace_back(begin, end);
    }
    void finish()
    {
        std::sort(m_ranges.begin(), m_ranges.end());
        std::vector<std::pair<qint64, qint64>> merged;
        for (const auto& range : m_ranges) {
            if (!merged.empty() && range.first <= merged.back().second)
                merged.back().second = std::max(merged.back().second, range.second);
            else
                merged.push_back(range);
        }
        m_ranges = std::move(merged);
    }
    bool contains(qint64 index) const
    {
        auto after = std::upper_bound(
            m_ranges.begin(), m_ranges.end(), std::make_pair(index, std::numeric_limits<qint64>::max()));
        return after != m_ranges.begin() && index < std::prev(after)->second;
    }

private:
    std::vector<std::pair<qint64, qint64>> m_ranges;
};

/// The stream of one EvalSample assembled from a chunked sample's members: literal text between the parts, each
/// sequence's chunks with their list brackets taken off and joined by commas, the attachment chunks (lists of
/// strings) turned into the `{index: text}` object a single-member sample holds, and the final conversation,
/// written only once the message sequence has been read. Blocks are handed out as RapidJSON asks for them; a block
/// stays valid until the next is asked for.
class AssembledSample {
    Q_DECLARE_TR_FUNCTIONS(ChunkedSampleReader)

public:
    using Chunks = std::vector<ChunkedSampleEntries::Chunk>;

    AssembledSample(ZipReader& zip, const ChunkedSampleReader::Advance& advance, std::function<bool(QByteArray&)> final)
        : m_zip(zip)
        , m_advance(advance)
        , m_final(std::move(final))
    {
    }
    ~AssembledSample() { closeChunk(); }
    AssembledSample(const AssembledSample&) = delete;
    AssembledSample& operator=(const AssembledSample&) = delete;

    void addText(const QByteArray& text) { m_segments.push_back({ Part::Text, text, nullptr, nullptr }); }
    void addItems(const Chunks& chunks, std::deque<ChunkMark>& marks)
    {
        m_segments.push_back({ Part::Items, {}, &chunks, &marks });
    }
    void addAttachments(const Chunks& chunks) { m_segments.push_back({ Part::Attachments, {}, &chunks, nullptr }); }
    void addFinal() { m_segments.push_back({ Part::Final, {}, nullptr, nullptr }); }

    bool next(const char*& data, size_t& size);
    QString errorString() const { return m_error; }
    bool cancelled() const { return m_cancelled; }
    qint64 attachments() const { return m_attachments; }

private:
    enum class Part { Text, Items, Attachments, Final };
    struct Segment {
        Part part;
        QByteArray text;
        const Chunks* chunks;
        std::deque<ChunkMark>* marks;
    };
    enum class State { Open, First, Content, Between, InString, Escaped, Closed };

    bool fail(const QString& message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }
    void queue(const char* data, size_t size)
    {
        if (size > 0)
            m_pieces.emplace_back(data, size);
    }
    bool openChunk(const Segment& segment);
    bool readBlock(const char*& data, size_t& size);
    void closeChunk();
    bool endChunk(const Segment& segment);
    bool takeItems(const Segment& segment, const char* data, size_t size);
    bool takeAttachments(const char* data, size_t size);

    ZipReader& m_zip;
    const ChunkedSampleReader::Advance& m_advance;
    std::function<bool(QByteArray&)> m_final;
    std::vector<Segment> m_segments;
    size_t m_segment = 0;
    size_t m_chunk = 0;
    bool m_chunkOpen = false;
    std::optional<ReadAhead> m_readAhead;
    State m_state = State::Open;
    bool m_sequenceHasItems = false;
    qint64 m_attachments = 0;
    size_t m_handedOut = 0; ///< bytes of the assembled stream handed out
    std::deque<std::pair<const char*, size_t>> m_pieces; ///< the next blocks to hand out
    std::string m_tail; ///< the end of the last block, held back: it may be the chunk's closing bracket
    std::string m_tailOut; ///< the tail being handed out
    std::string m_converted; ///< attachments, as object members
    QByteArray m_finalText;
    QString m_error;
    bool m_cancelled = false;
};

bool AssembledSample::next(const char*& data, size_t& size)
{
    for (;;) {
        if (!m_pieces.empty()) {
            std::tie(data, size) = m_pieces.front();
            m_pieces.pop_front();
            m_handedOut += size;
            return true;
        }
        if (m_segment >= m_segments.size() || !m_error.isEmpty() || m_cancelled)
            return false;
        const Segment& segment = m_segments[m_segment];
        switch (segment.part) {
        case Part::Text:
            queue(segment.text.constData(), size_t(segment.text.size()));
            ++m_segment;
            continue;
        case Part::Final:
            // Asked for only once the message sequence's closing bracket was taken: every message is in.
            if (!m_final(m_finalText))
                return false;
            queue(m_finalText.constData(), size_t(m_finalText.size()));
            ++m_segment;
            continue;
        case Part::Items:
        case Part::Attachments:
            break;
        }
        if (!m_chunkOpen) {
            if (m_chunk == segment.chunks->size()) {
                ++m_segment;
                m_chunk = 0;
                m_sequenceHasItems = false;
                continue;
            }
            if (!openChunk(segment))
                return false;
        }
        const char* block = nullptr;
        size_t blockSize = 0;
        if (!readBlock(block, blockSize)) {
            if (!endChunk(segment))
                return false;
            continue;
        }
        if (!m_advance(qint64(blockSize))) {
            m_cancelled = true;
            return false;
        }
        if (segment.part == Part::Items ? !takeItems(segment, block, blockSize) : !takeAttachments(block, blockSize))
            return false;
    }
}

bool AssembledSample::openChunk(const Segment& segment)
{
    const ChunkedSampleEntries::Chunk& chunk = (*segment.chunks)[m_chunk];
    if (segment.part == Part::Attachments && chunk.start != m_attachments) {
        return fail(tr("member %1: named for attachment %2, but the chunks before it hold %3 attachments (is a chunk "
                       "missing?)")
                        .arg(chunk.entry->name)
                        .arg(chunk.start)
                        .arg(m_attachments));
    }
    if (!m_zip.startRead(*chunk.entry))
        return fail(m_zip.errorString());
    if (chunk.entry->size < 0 || chunk.entry->size >= readAheadFrom)
        m_readAhead.emplace([this](const char*& data, size_t& size) { return m_zip.nextBlock(data, size); });
    m_chunkOpen = true;
    m_state = State::Open;
    m_tail.clear();
    return true;
}

bool AssembledSample::readBlock(const char*& data, size_t& size)
{
    return m_readAhead ? m_readAhead->next(data, size) : m_zip.nextBlock(data, size);
}

void AssembledSample::closeChunk()
{
    if (m_readAhead) {
        m_readAhead->stop(); // the zip is this thread's again
        m_readAhead.reset();
    }
    m_chunkOpen = false;
}

bool AssembledSample::endChunk(const Segment& segment)
{
    closeChunk();
    const QString& name = (*segment.chunks)[m_chunk].entry->name;
    if (!m_zip.errorString().isEmpty())
        return fail(m_zip.errorString());
    ++m_chunk;
    if (segment.part == Part::Attachments) {
        if (m_state != State::Closed)
            return fail(tr("member %1: not a complete JSON list of strings").arg(name));
        return true;
    }
    if (m_state == State::Open || m_state == State::First)
        return fail(tr("member %1: not a JSON list of items, or an empty one").arg(name));
    // The held tail is the chunk's last bytes from its last non-space one: the list's closing bracket.
    if (m_tail.empty() || m_tail.front() != ']'
        || !std::all_of(m_tail.begin() + 1, m_tail.end(), [](char c) { return isSpace(c); }))
        return fail(tr("member %1: the JSON list does not end where the member does (truncated?)").arg(name));
    return true;
}

bool AssembledSample::takeItems(const Segment& segment, const char* data, size_t size)
{
    const char* p = data;
    const char* end = data + size;
    if (m_state == State::Open || m_state == State::First) {
        while (p != end && isSpace(*p))
            ++p;
        if (p == end)
            return true;
        const ChunkedSampleEntries::Chunk& chunk = (*segment.chunks)[m_chunk];
        if (m_state == State::Open) {
            if (*p != '[')
                return fail(tr("member %1: not a JSON list").arg(chunk.entry->name));
            m_state = State::First;
            ++p;
            while (p != end && isSpace(*p))
                ++p;
            if (p == end)
                return true;
        }
        if (*p == ']')
            return fail(tr("member %1: an empty chunk (a chunk holds at least one item)").arg(chunk.entry->name));
        // The chunk's first item starts here, after the comma that joins it to the chunk before.
        static const char comma = ',';
        if (m_sequenceHasItems)
            queue(&comma, 1);
        m_sequenceHasItems = true;
        size_t queued = 0;
        for (const auto& piece : m_pieces)
            queued += piece.second;
        segment.marks->push_back({ m_handedOut + queued, chunk.start, chunk.entry->name });
        m_state = State::Content;
    }
    const char* last = end;
    while (last != p && isSpace(last[-1]))
        --last;
    if (last == p) {
        m_tail.append(p, size_t(end - p)); // spaces, perhaps inside a string: kept
        return true;
    }
    --last; // the last byte that is not a space: perhaps the closing bracket, held back until the chunk ends
    m_tailOut.swap(m_tail);
    queue(m_tailOut.data(), m_tailOut.size());
    queue(p, size_t(last - p));
    m_tail.assign(last, size_t(end - last));
    return true;
}

bool AssembledSample::takeAttachments(const char* data, size_t size)
{
    const char* p = data;
    const char* end = data + size;
    m_converted.clear();
    const QString& name = m_segments[m_segment].chunks->at(m_chunk).entry->name;
    while (p != end) {
        switch (m_state) {
        case State::Open:
            if (*p == '[')
                m_state = State::Between;
            else if (!isSpace(*p))
                return fail(tr("member %1: not a JSON list").arg(name));
            ++p;
            break;
        case State::First:
        case State::Content:
        case State::Between:
            if (*p == '"') {
                if (m_attachments > 0)
                    m_converted += ',';
                m_converted += '"';
                m_converted += std::to_string(m_attachments++);
                m_converted += "\":\"";
                m_state = State::InString;
            } else if (*p == ']') {
                m_state = State::Closed;
            } else if (!isSpace(*p) && *p != ',') {
                return fail(tr("member %1: attachment %2 is not a string").arg(name).arg(m_attachments));
            }
            ++p;
            break;
        case State::InString: {
            const char* stop = JsonScan::stringStop(p, end);
            m_converted.append(p, size_t(stop - p));
            p = stop;
            if (p == end)
                break;
            m_converted += *p;
            if (*p == '"')
                m_state = State::Between;
            else if (*p == '\\')
                m_state = State::Escaped;
            ++p; // a control character is copied: the parser names it
            break;
        }
        case State::Escaped:
            m_converted += *p++;
            m_state = State::InString;
            break;
        case State::Closed:
            if (!isSpace(*p))
                return fail(tr("member %1: bytes after the end of its JSON list").arg(name));
            ++p;
            break;
        }
    }
    queue(m_converted.data(), m_converted.size());
    return true;
}

/// Numeric `attachment://<index>` references in an item; a 32-digit hex hash (a reference Inspect's converter
/// left as it was) is not one.
qint64 largestAttachmentIndex(std::string_view json)
{
    qint64 largest = -1;
    const QByteArrayView text(json.data(), qsizetype(json.size()));
    for (qsizetype at = text.indexOf(QByteArrayView("attachment://")); at >= 0;
         at = text.indexOf(QByteArrayView("attachment://"), at + 1)) {
        qsizetype digitsEnd = at + attachmentScheme.size();
        qint64 index = 0;
        while (digitsEnd < text.size() && text[digitsEnd] >= '0' && text[digitsEnd] <= '9'
            && digitsEnd - at - attachmentScheme.size() < 18) {
            index = index * 10 + (text[digitsEnd] - '0');
            ++digitsEnd;
        }
        const qsizetype digits = digitsEnd - at - attachmentScheme.size();
        const bool hex = digitsEnd < text.size() && std::isxdigit(static_cast<unsigned char>(text[digitsEnd]));
        if (digits > 0 && !hex)
            largest = std::max(largest, index);
    }
    return largest;
}
}

bool ChunkedSampleIndex::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool ChunkedSampleIndex::add(const ZipReader::Entry& entry)
{
    static const QRegularExpression member(QStringLiteral("^samples/([^/]+)_epoch_(\\d+)/(.*)$"));
    static const QRegularExpression chunk(QStringLiteral("^(messages|events|calls|attachments)/(\\d+)\\.json$"));
    const QRegularExpressionMatch match = member.match(entry.name);
    if (!match.hasMatch())
        return false;
    const QString prefix = entry.name.left(entry.name.size() - match.capturedLength(3) - 1);
    ChunkedSampleEntries& sample = m_samples[prefix];
    if (sample.prefix.isEmpty()) {
        sample.prefix = prefix;
        sample.id = match.captured(1);
        sample.epoch = match.captured(2).toInt();
        sample.firstIndex = entry.index;
    }
    sample.firstIndex = std::min(sample.firstIndex, entry.index);
    const QString rest = match.captured(3);
    const qint64 bytes = std::max<qint64>(entry.size, 0);
    if (rest == QLatin1String("sample.json")) {
        sample.shell = &entry;
        sample.bytes += bytes;
    } else if (rest == QLatin1String("metadata.json")) {
        sample.metadata = &entry;
        sample.bytes += bytes;
    } else if (const QRegularExpressionMatch part = chunk.match(rest); part.hasMatch()) {
        bool ok = false;
        const qint64 start = part.captured(2).toLongLong(&ok);
        if (!ok || QString::number(start) != part.captured(2)) {
            fail(tr("member %1: a chunk is named by its first index, without leading zeros").arg(entry.name));
            return true;
        }
        const QString sequence = part.captured(1);
        auto& chunks = sequence == QLatin1String("messages") ? sample.messages
            : sequence == QLatin1String("events")            ? sample.events
            : sequence == QLatin1String("calls")             ? sample.calls
                                                             : sample.attachments;
        chunks.push_back({ start, &entry });
        sample.bytes += bytes;
    } else if (rest != QLatin1String("skeleton.json") && rest != QLatin1String("events/stats.json")
        && rest != QLatin1String("events/uuids.json")) {
        m_ignored << entry.name;
    }
    return true;
}

bool ChunkedSampleIndex::finish()
{
    for (auto& [prefix, sample] : m_samples) {
        if (!sample.shell)
            return fail(tr("chunked sample %1: it has no sample.json").arg(prefix));
        for (auto* chunks : { &sample.messages, &sample.events, &sample.calls, &sample.attachments }) {
            std::sort(chunks->begin(), chunks->end(),
                [](const ChunkedSampleEntries::Chunk& a, const ChunkedSampleEntries::Chunk& b) {
                    return a.start < b.start;
                });
            if (!chunks->empty() && chunks->front().start != 0) {
                return fail(tr("member %1: the first chunk of a sequence starts at item %2, not 0 (is a chunk "
                               "missing?)")
                                .arg(chunks->front().entry->name)
                                .arg(chunks->front().start));
            }
        }
    }
    return true;
}

std::vector<ChunkedSampleEntries> ChunkedSampleIndex::samples() const
{
    std::vector<ChunkedSampleEntries> samples;
    samples.reserve(m_samples.size());
    for (const auto& [prefix, sample] : m_samples)
        samples.push_back(sample);
    std::sort(samples.begin(), samples.end(),
        [](const ChunkedSampleEntries& a, const ChunkedSampleEntries& b) { return a.firstIndex < b.firstIndex; });
    return samples;
}

ChunkedSampleReader::ChunkedSampleReader(
    ZipReader& zip, LogSink& sink, const ImportOptions& options, const QString& legacyScorer)
    : m_zip(zip)
    , m_sink(sink)
    , m_options(options)
    , m_legacyScorer(legacyScorer)
{
}

namespace {
bool readWhole(ZipReader& zip, const ZipReader::Entry& entry, QByteArray& data, QString& error)
{
    data.clear();
    bool tooLarge = false;
    const bool read = zip.read(entry, [&](const char* block, size_t size) {
        if (data.size() + qint64(size) > ChunkedSampleReader::maxWholeMemberBytes) {
            tooLarge = true;
            return false;
        }
        data.append(block, qsizetype(size));
        return true;
    });
    if (tooLarge) {
        error = ChunkedSampleReader::tr("member %1: larger than %2 MiB, which a sample's shell or metadata may not be")
                    .arg(entry.name)
                    .arg(ChunkedSampleReader::maxWholeMemberBytes >> 20);
        return false;
    }
    if (!read) {
        error = zip.errorString();
        return false;
    }
    return true;
}
}

bool ChunkedSampleReader::read(const ChunkedSampleEntries& sample, const Advance& advance)
{
    m_error.clear();
    m_cancelled = false;
    const auto fail = [this](const QString& message) {
        m_error = message;
        return false;
    };

    // The shell: every field of the sample but its sequences and metadata, and the final conversation's refs.
    QByteArray shell;
    if (!readWhole(m_zip, *sample.shell, shell, m_error))
        return false;
    RefRanges finalRefs;
    std::vector<std::pair<qint64, qint64>> refs;
    bool comma = false; ///< whether the assembled object has a member before the next
    {
        rapidjson::Document document;
        document.Parse<shellParseFlags>(shell.constData(), size_t(shell.size()));
        if (document.HasParseError()) {
            return fail(tr("member %1: invalid JSON at byte %2: %3")
                            .arg(sample.shell->name)
                            .arg(document.GetErrorOffset())
                            .arg(QString::fromUtf8(rapidjson::GetParseError_En(document.GetParseError()))));
        }
        if (!document.IsObject())
            return fail(tr("member %1: not a JSON object").arg(sample.shell->name));
        for (const char* key : { "events", "messages", "attachments", "events_data", "metadata" }) {
            if (document.HasMember(key))
                return fail(tr("member %1: holds `%2`, which a chunked sample keeps in members of its own")
                                .arg(sample.shell->name, QLatin1String(key)));
        }
        if (scalarText(member(document, "id")) != sample.id || integerOf(member(document, "epoch"), -1) != sample.epoch)
            return fail(tr("member %1: names another sample than its folder does").arg(sample.shell->name));
        qint64 finalCount = 0;
        if (const JsonValue* list = member(document, "message_refs"); list && !list->IsNull()) {
            const QString wrong
                = tr("member %1: message_refs is not a list of [start, end) pairs").arg(sample.shell->name);
            if (!list->IsArray())
                return fail(wrong);
            for (const JsonValue& range : list->GetArray()) {
                if (!range.IsArray() || range.Size() != 2 || !range[0].IsInt64() || !range[1].IsInt64()
                    || range[0].GetInt64() < 0 || range[1].GetInt64() < range[0].GetInt64())
                    return fail(wrong);
                refs.emplace_back(range[0].GetInt64(), range[1].GetInt64());
                finalRefs.add(refs.back().first, refs.back().second);
                finalCount += refs.back().second - refs.back().first;
                if (finalCount > maxFinalMessages)
                    return fail(tr("member %1: message_refs names more than %2 messages")
                                    .arg(sample.shell->name)
                                    .arg(maxFinalMessages));
            }
        }
        comma = document.MemberCount() > 0;
    } // the shell's document: its text is all that is needed from here on
    finalRefs.finish();
    const auto cancel = [this] {
        m_cancelled = true;
        m_error = tr("cancelled");
        return false;
    };
    if (!advance(shell.size()))
        return cancel();

    QByteArray text = shell.left(shell.lastIndexOf('}'));
    if (sample.metadata) {
        QByteArray metadata;
        if (!readWhole(m_zip, *sample.metadata, metadata, m_error))
            return false;
        if (!advance(metadata.size()))
            return cancel();
        text += comma ? ",\"metadata\":" : "\"metadata\":";
        text += metadata;
        comma = true;
    }
    text += comma ? ",\"events\":[" : "\"events\":[";
    shell = QByteArray(); // its copy in `text` is all that is needed now

    std::deque<ChunkMark> eventMarks;
    std::deque<ChunkMark> messageMarks;
    std::deque<ChunkMark> callMarks;
    std::unordered_map<qint64, std::string> finalMessages;
    QString itemError;
    qint64 largestReference = -1;
    QString referenceFrom;

    AssembledSample assembled(m_zip, advance, [&](QByteArray& out) {
        out = ",\"messages\":[";
        bool first = true;
        for (const auto& [begin, end] : refs) {
            for (qint64 index = begin; index < end; ++index) {
                const auto found = finalMessages.find(index);
                if (found == finalMessages.end()) {
                    itemError = tr("sample %1: message_refs names message %2, which its messages/ chunks do not hold "
                                   "(is a chunk missing?)")
                                    .arg(sample.prefix)
                                    .arg(index);
                    return false;
                }
                if (!first)
                    out += ',';
                first = false;
                out.append(found->second.data(), qsizetype(found->second.size()));
            }
        }
        out += ']';
        return true;
    });
    assembled.addText(text);
    assembled.addItems(sample.events, eventMarks);
    assembled.addText("],\"attachments\":{");
    assembled.addAttachments(sample.attachments);
    assembled.addText("},\"events_data\":{\"messages\":[");
    assembled.addItems(sample.messages, messageMarks);
    assembled.addText("],\"calls\":[");
    assembled.addItems(sample.calls, callMarks);
    assembled.addText("]}");
    assembled.addFinal();
    assembled.addText("}");

    JsonStream stream([&assembled](const char*& data, size_t& size) { return assembled.next(data, size); });
    SampleParser parser(stream, m_sink, m_options);
    parser.setLegacyScorer(m_legacyScorer);
    parser.setItemHook([&](const SampleParser::Item& item) {
        std::deque<ChunkMark>& marks = item.kind == SampleParser::Item::Event ? eventMarks
            : item.kind == SampleParser::Item::PoolCall                       ? callMarks
                                                                              : messageMarks;
        while (!marks.empty() && marks.front().offset <= item.offset) {
            if (marks.front().start != item.index) {
                itemError = tr("member %1: named for item %2, but the chunks before it hold %3 items (is a chunk "
                               "missing?)")
                                .arg(marks.front().name)
                                .arg(marks.front().start)
                                .arg(item.index);
                return SampleParser::ItemVerdict::Stop;
            }
            marks.pop_front();
        }
        if (const qint64 reference = largestAttachmentIndex(item.json); reference > largestReference) {
            largestReference = reference;
            referenceFrom = item.kind == SampleParser::Item::Event ? tr("event %1").arg(item.index)
                : item.kind == SampleParser::Item::PoolCall        ? tr("model call %1").arg(item.index)
                                                                   : tr("message %1").arg(item.index);
        }
        if (item.kind != SampleParser::Item::PoolMessage || !finalRefs.contains(item.index))
            return SampleParser::ItemVerdict::Store;
        // A message of the final conversation. Those past the pool the events read are the final conversation's
        // own (the single-member form keeps them in `messages` only): not stored as pool messages.
        finalMessages[item.index] = std::string(item.json);
        return item.index >= parser.poolExtent() ? SampleParser::ItemVerdict::Drop : SampleParser::ItemVerdict::Store;
    });
    rapidjson::Reader reader;
    const rapidjson::ParseResult result = reader.Parse<assembledParseFlags>(stream, parser);
    if (assembled.cancelled())
        return cancel();
    if (!assembled.errorString().isEmpty())
        return fail(assembled.errorString());
    if (!itemError.isEmpty())
        return fail(itemError);
    if (result.IsError()) {
        const QString why = !parser.errorString().isEmpty()
            ? parser.errorString()
            : tr("invalid JSON at byte %1 of the assembled sample: %2")
                  .arg(result.Offset())
                  .arg(QString::fromUtf8(rapidjson::GetParseError_En(result.Code())));
        return fail(tr("sample %1: %2").arg(sample.prefix, why));
    }
    if (!parser.finished())
        return fail(tr("sample %1: the sample ends early").arg(sample.prefix));
    for (const std::deque<ChunkMark>* marks : { &eventMarks, &messageMarks, &callMarks }) {
        if (!marks->empty())
            return fail(tr("member %1: holds no item the sample could read").arg(marks->front().name));
    }
    if (largestReference >= assembled.attachments()) {
        return fail(tr("sample %1: %2 refers to attachment://%3, but the sample has %4 attachments")
                        .arg(sample.prefix, referenceFrom)
                        .arg(largestReference)
                        .arg(assembled.attachments()));
    }
    return true;
}
