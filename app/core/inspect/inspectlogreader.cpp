// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "inspectlogreader.h"

#include "archive/readahead.h"
#include "archive/zipreader.h"
#include "chunkedsamplereader.h"
#include "jsonstream.h"
#include "logheader.h"
#include "sampleparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <rapidjson/error/en.h>
#include <set>
#include <stdexcept>

namespace {
constexpr auto parseFlags = rapidjson::kParseNanAndInfFlag;
/// Members from this size on (uncompressed) are decompressed on a thread of their own.
constexpr qint64 readAheadFrom = 4 << 20;

/// The fault of a parse a SAX handler stopped because its input nests too deep, or of one RapidJSON stopped.
template <typename Handler> QString parseErrorText(const rapidjson::ParseResult& result, const Handler& handler)
{
    if (handler.tooDeep()) {
        return InspectLogReader::tr("JSON nested deeper than %1 levels at byte %2")
            .arg(JsonLimits::maxDepth)
            .arg(result.Offset() - 1);
    }
    return InspectLogReader::tr("invalid JSON at byte %1: %2")
        .arg(result.Offset())
        .arg(QString::fromUtf8(rapidjson::GetParseError_En(result.Code())));
}

/// A warning for each string the stream cut, in `where` (a member, or the log itself).
void warnOfCuts(const JsonStream& stream, const QString& where, QStringList& warnings)
{
    for (const JsonStream::Cut& cut : stream.cuts()) {
        warnings << InspectLogReader::tr(
            "%1: a string of %2 at byte %3 was cut to its first %4 (truncated: %2, first %4 kept)")
                        .arg(where, QString::fromStdString(JsonLimits::sizeText(cut.bytes)))
                        .arg(cut.offset)
                        .arg(QString::fromStdString(JsonLimits::sizeText(cut.kept)));
    }
}

/// Whether a header (header.json, _journal/start.json, the top of a .json log) is an EvalLog's: an `eval` object
/// naming a task or a model. A results table or `{}` is not.
bool isEvalLogHeader(const rapidjson::Value& header)
{
    const rapidjson::Value* eval = member(header, "eval");
    return eval && eval->IsObject() && (member(*eval, "task") || member(*eval, "model"));
}

/// A member name as a warning shows it: control characters (a NUL in a name, say) written as \xNN.
QString shownName(const QString& name)
{
    QString shown;
    for (const QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F)
            shown += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            shown += c;
    }
    return shown;
}

/// Reports progress at most every few megabytes and turns a false answer into a cancel.
class ProgressMeter {
public:
    ProgressMeter(const InspectLogReader::Progress& progress, qint64 total)
        : m_progress(progress)
        , m_total(total)
    {
    }
    bool advance(qint64 bytes)
    {
        m_done += bytes;
        if (!m_progress || m_done - m_reported < 4 * 1024 * 1024)
            return true;
        m_reported = m_done;
        m_cancelled = !m_progress(m_done, m_total);
        return !m_cancelled;
    }
    bool cancelled() const { return m_cancelled; }
    void finish()
    {
        if (m_progress)
            m_progress(m_total, m_total);
    }

private:
    const InspectLogReader::Progress& m_progress;
    qint64 m_total;
    qint64 m_done = 0;
    qint64 m_reported = 0;
    bool m_cancelled = false;
};

/// The top of a .json log: header fields are collected into one small document; each element of `samples`
/// is handed to a SampleParser as it streams past.
class JsonLogHandler : public SaxTokenAdapter<JsonLogHandler> {
public:
    JsonLogHandler(JsonStream& stream, LogSink& sink, const ImportOptions& options)
        : m_stream(stream)
        , m_sink(sink)
        , m_options(options)
        , m_header(m_headerBuffer)
    {
    }

    QString errorString() const { return m_error; }
    bool headerSent() const { return m_headerSent; }

    bool token(const SaxToken& token)
    {
        if (token.isOpen())
            ++m_depth;
        if (m_sample) {
            if (!m_sample->token(token)) {
                m_error = m_sample->errorString();
                return false;
            }
            if (token.isClose())
                --m_depth;
            if (m_sample->finished())
                m_sample.reset();
            return true;
        }
        const bool closesLog = token.kind == SaxToken::EndObject && m_depth == 1;
        if (m_depth == 1 && token.kind == SaxToken::Key) {
            m_key = QByteArray(token.text, qsizetype(token.length));
            m_inSamples = m_key == "samples";
            m_skipping = m_key == "reductions" || m_key == "logging";
            if (m_inSamples)
                return sendHeader();
            if (!m_skipping)
                m_header.Key(token.text, rapidjson::SizeType(token.length));
            return true;
        }
        if (m_depth == 1 && m_key == "version" && (token.kind == SaxToken::Int64 || token.kind == SaxToken::Uint64)) {
            const qint64 version = token.kind == SaxToken::Int64 ? token.int64 : qint64(token.uint64);
            if (version > InspectLogReader::newestLogVersion) {
                m_error
                    = InspectLogReader::tr("unsupported log version %1 (Runlens reads versions 1 and 2)").arg(version);
                return false;
            }
        }
        if (m_inSamples) {
            if (m_depth == 3 && token.kind == SaxToken::StartObject) {
                m_sample = std::make_unique<SampleParser>(m_stream, m_sink, m_options);
                m_sample->setLegacyScorer(m_legacyScorer);
                if (!m_sample->token(token)) {
                    m_error = m_sample->errorString();
                    return false;
                }
                return true;
            }
        } else if (!m_skipping) {
            if (!closesLog)
                writeHeader(token);
            if (token.kind == SaxToken::String && m_headerBuffer.GetSize() > JsonLimits::capturedCap) {
                m_error = InspectLogReader::tr("the log's header is larger than %1")
                              .arg(QString::fromStdString(JsonLimits::sizeText(JsonLimits::capturedCap)));
                return false;
            }
        }
        if (token.isClose())
            --m_depth;
        if (closesLog)
            return sendHeader();
        return true;
    }

private:
    void writeHeader(const SaxToken& token)
    {
        switch (token.kind) {
        case SaxToken::Null:
            m_header.Null();
            break;
        case SaxToken::Bool:
            m_header.Bool(token.boolean);
            break;
        case SaxToken::Int64:
            m_header.Int64(token.int64);
            break;
        case SaxToken::Uint64:
            m_header.Uint64(token.uint64);
            break;
        case SaxToken::Double:
            m_header.Double(token.number);
            break;
        case SaxToken::String:
            m_header.String(token.text, rapidjson::SizeType(token.length));
            break;
        case SaxToken::Key:
            m_header.Key(token.text, rapidjson::SizeType(token.length));
            break;
        case SaxToken::StartObject:
            m_header.StartObject();
            break;
        case SaxToken::EndObject:
            m_header.EndObject();
            break;
        case SaxToken::StartArray:
            m_header.StartArray();
            break;
        case SaxToken::EndArray:
            m_header.EndArray();
            break;
        }
    }

    bool sendHeader()
    {
        if (m_headerSent)
            return true;
        m_headerSent = true;
        // The header object is still open while samples follow: close a copy of it.
        QByteArray json(m_headerBuffer.GetString(), qsizetype(m_headerBuffer.GetSize()));
        if (!m_header.IsComplete())
            json += '}';
        rapidjson::Document header;
        if (!parseJson(header, json.constData(), size_t(json.size()), &m_error))
            return false;
        if (!isEvalLogHeader(header)) {
            m_error = InspectLogReader::tr("not an Inspect log: its top has no \"eval\" object naming a task or model");
            return false;
        }
        RunRecord run = runFromHeader(header);
        if (run.logVersion > InspectLogReader::newestLogVersion) {
            m_error = InspectLogReader::tr("unsupported log version %1 (Runlens reads versions 1 and 2)")
                          .arg(run.logVersion);
            return false;
        }
        m_legacyScorer = legacyScorerName(header);
        if (!m_sink.run(run)) {
            m_error = InspectLogReader::tr("the store refused the run");
            return false;
        }
        return true;
    }

    JsonStream& m_stream;
    LogSink& m_sink;
    const ImportOptions& m_options;
    QString m_error;
    int m_depth = 0;
    QByteArray m_key;
    bool m_inSamples = false;
    bool m_skipping = false;
    bool m_headerSent = false;
    QString m_legacyScorer;
    rapidjson::StringBuffer m_headerBuffer;
    JsonWriter m_header;
    std::unique_ptr<SampleParser> m_sample;
};

struct SampleKey {
    QString id;
    int epoch;
    bool operator<(const SampleKey& other) const { return id != other.id ? id < other.id : epoch < other.epoch; }
};
}

InspectLogReader::InspectLogReader(const ImportOptions& options)
    : m_options(options)
{
}

bool InspectLogReader::fail(const QString& message)
{
    m_error = message;
    return false;
}

bool InspectLogReader::read(const QString& path, LogSink& sink, const Progress& progress)
{
    // Whatever a log holds, it fails by name: memory running out on the way is a fault of this file, not the end of
    // the import.
    try {
        return readFile(path, sink, progress);
    } catch (const std::bad_alloc&) {
        return fail(tr("out of memory while reading it"));
    } catch (const std::exception& e) {
        return fail(tr("cannot be read: %1").arg(QString::fromUtf8(e.what())));
    }
}

bool InspectLogReader::readFile(const QString& path, LogSink& sink, const Progress& progress)
{
    m_error.clear();
    m_warnings.clear();
    m_cancelled = false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot open: %1").arg(file.errorString()));
    const QByteArray start = file.read(64).trimmed();
    file.close();
    if (start.startsWith("PK"))
        return readEval(path, sink, progress);
    if (start.startsWith('{'))
        return readJson(path, sink, progress);
    if (start.isEmpty())
        return fail(tr("the file is empty"));
    return fail(tr("not an Inspect log: neither a zip archive nor a JSON object"));
}

bool InspectLogReader::readJson(const QString& path, LogSink& sink, const Progress& progress)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot open: %1").arg(file.errorString()));
    ProgressMeter meter(progress, file.size());
    QByteArray block(1 << 20, Qt::Uninitialized);
    JsonStream stream([&](const char*& data, size_t& size) {
        const qint64 read = file.read(block.data(), block.size());
        if (read <= 0 || !meter.advance(read))
            return false;
        data = block.constData();
        size = size_t(read);
        return true;
    });
    JsonLogHandler handler(stream, sink, m_options);
    rapidjson::Reader reader;
    const rapidjson::ParseResult result = reader.Parse<parseFlags>(stream, handler);
    if (meter.cancelled()) {
        m_cancelled = true;
        return fail(tr("cancelled"));
    }
    if (result.IsError()) {
        // A read error first: a parser stopped by one would only say that the input ended.
        if (file.error() != QFileDevice::NoError)
            return fail(tr("read error: %1").arg(file.errorString()));
        if (!handler.errorString().isEmpty())
            return fail(handler.errorString());
        if (qint64(result.Offset()) >= file.size())
            return fail(tr("invalid JSON: the document ends early, at byte %1 (truncated?)").arg(result.Offset()));
        return fail(parseErrorText(result, handler));
    }
    if (!handler.headerSent())
        return fail(tr("not an Inspect log: its top has no \"eval\" object naming a task or model"));
    warnOfCuts(stream, tr("the log"), m_warnings);
    meter.finish();
    return true;
}

namespace {
/// Reads one .eval archive: its header (or an unfinished run's journal start), each sample member streamed into the
/// sink, then the samples known only from summaries.
class EvalArchiveReader {
    Q_DECLARE_TR_FUNCTIONS(InspectLogReader)

public:
    EvalArchiveReader(ZipReader& zip, LogSink& sink, const ImportOptions& options, QStringList& warnings)
        : m_zip(zip)
        , m_sink(sink)
        , m_options(options)
        , m_warnings(warnings)
    {
    }

    bool read(const InspectLogReader::Progress& progress);
    QString errorString() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

private:
    bool fail(const QString& message)
    {
        m_error = message;
        return false;
    }
    bool listMembers();
    bool readDocument(const ZipReader::Entry& entry, rapidjson::Document& document);
    bool readHeader(rapidjson::Document& header);
    bool readSample(const ZipReader::Entry& entry, ProgressMeter& meter, const QString& legacyScorer);
    bool addSummaries(const ZipReader::Entry& entry, std::map<SampleKey, SampleRecord>& summaries);
    bool readSummarySamples();

    ZipReader& m_zip;
    LogSink& m_sink;
    const ImportOptions& m_options;
    QStringList& m_warnings;
    QString m_error;
    bool m_cancelled = false;
    std::vector<const ZipReader::Entry*> m_samples;
    std::map<int, const ZipReader::Entry*> m_journalSummaries;
    qint64 m_total = 0;
    std::set<SampleKey> m_read;
    ChunkedSampleIndex m_chunked; ///< samples in Inspect's chunked layout (log version 3)
};

const QRegularExpression& sampleMember()
{
    static const QRegularExpression pattern(QStringLiteral("^samples/([^/]+)_epoch_(\\d+)\\.json$"));
    return pattern;
}

bool EvalArchiveReader::listMembers()
{
    static const QRegularExpression journalSummary(QStringLiteral("^_journal/summaries/(\\d+)\\.json$"));
    for (const auto& entry : m_zip.entries()) {
        if (shownName(entry.name) != entry.name) {
            m_warnings << tr("member %1 has a control character in its name: skipped").arg(shownName(entry.name));
            continue;
        }
        if (m_chunked.add(entry)) {
            if (!m_chunked.errorString().isEmpty())
                return fail(m_chunked.errorString());
            continue;
        }
        if (sampleMember().match(entry.name).hasMatch()) {
            m_samples.push_back(&entry);
            m_total += std::max<qint64>(entry.size, 0);
        } else if (const auto match = journalSummary.match(entry.name); match.hasMatch()) {
            m_journalSummaries[match.captured(1).toInt()] = &entry;
        } else if (entry.name.startsWith(QLatin1String("samples/")) || entry.name.contains(QLatin1String("_epoch_"))
            || entry.name.contains(QLatin1String(".."))) {
            m_warnings << tr("member %1 is not a sample of the expected shape (samples/ID_epoch_N.json): skipped")
                              .arg(shownName(entry.name));
        }
    }
    if (!m_chunked.finish())
        return fail(m_chunked.errorString());
    for (const ChunkedSampleEntries& sample : m_chunked.samples())
        m_total += sample.bytes;
    for (const QString& name : m_chunked.ignored())
        m_warnings << tr("member %1: not part of the chunked sample layout; skipped").arg(name);
    return true;
}

bool EvalArchiveReader::readDocument(const ZipReader::Entry& entry, rapidjson::Document& document)
{
    const QByteArray data = m_zip.readAll(entry, JsonLimits::wholeMemberCap);
    if (data.isEmpty() && !m_zip.errorString().isEmpty())
        return fail(m_zip.errorString());
    QString error;
    if (!parseJson(document, data.constData(), size_t(data.size()), &error))
        return fail(tr("member %1: %2").arg(entry.name, error));
    return true;
}

bool EvalArchiveReader::readHeader(rapidjson::Document& header)
{
    // header.json for a finished run, else the journal's start record of an unfinished one.
    const ZipReader::Entry* headerEntry = m_zip.find(QStringLiteral("header.json"));
    const bool unfinished = headerEntry == nullptr;
    if (unfinished)
        headerEntry = m_zip.find(QStringLiteral("_journal/start.json"));
    if (!headerEntry)
        return fail(tr("not an Inspect log: the archive has neither header.json nor _journal/start.json"));
    if (!readDocument(*headerEntry, header))
        return false;
    if (!isEvalLogHeader(header))
        return fail(tr("not an Inspect log: %1 has no \"eval\" object naming a task or model").arg(headerEntry->name));
    RunRecord run = runFromHeader(header);
    if (unfinished)
        run.status = QStringLiteral("started");
    // Version 3 marks a log with samples in the chunked layout, which listMembers() found.
    if (run.logVersion > InspectLogReader::newestLogVersion + (m_chunked.isEmpty() ? 0 : 1))
        m_warnings << tr("log version %1 is newer than Runlens knows (2); read leniently").arg(run.logVersion);
    if (!m_sink.run(run))
        return fail(tr("the store refused the run"));
    return true;
}

bool EvalArchiveReader::readSample(const ZipReader::Entry& entry, ProgressMeter& meter, const QString& legacyScorer)
{
    if (!m_zip.startRead(entry))
        return fail(m_zip.errorString());
    // A large member is decompressed on a second core while this one parses and stores it. A small one is
    // not worth starting a thread for: a store of many short runs reads thousands of them.
    std::optional<ReadAhead> blocks;
    if (entry.size < 0 || entry.size >= readAheadFrom)
        blocks.emplace([this](const char*& data, size_t& size) { return m_zip.nextBlock(data, size); });
    JsonStream stream([&](const char*& data, size_t& size) {
        return (blocks ? blocks->next(data, size) : m_zip.nextBlock(data, size)) && meter.advance(qint64(size));
    });
    SampleParser parser(stream, m_sink, m_options);
    parser.setLegacyScorer(legacyScorer);
    rapidjson::Reader reader;
    const rapidjson::ParseResult result = reader.Parse<parseFlags>(stream, parser);
    if (blocks)
        blocks->stop(); // the zip is this thread's again
    if (meter.cancelled()) {
        m_cancelled = true;
        return fail(tr("cancelled"));
    }
    if (!m_zip.errorString().isEmpty())
        return fail(m_zip.errorString());
    warnOfCuts(stream, tr("member %1").arg(entry.name), m_warnings);
    if (result.IsError()) {
        const QString why = parser.errorString().isEmpty() ? parseErrorText(result, parser) : parser.errorString();
        return fail(tr("member %1: %2").arg(entry.name, why));
    }
    if (!parser.finished())
        return fail(tr("member %1: the sample ends early").arg(entry.name));
    const auto match = sampleMember().match(entry.name);
    m_read.insert({ match.captured(1), match.captured(2).toInt() });
    return true;
}

bool EvalArchiveReader::addSummaries(const ZipReader::Entry& entry, std::map<SampleKey, SampleRecord>& summaries)
{
    rapidjson::Document rows;
    if (!readDocument(entry, rows))
        return false;
    if (!rows.IsArray())
        return fail(tr("member %1: expected a list of sample summaries").arg(entry.name));
    for (const auto& row : rows.GetArray()) {
        SampleRecord sample = sampleFromSummary(row, m_options);
        summaries[{ sample.id, sample.epoch }] = std::move(sample);
    }
    return true;
}

bool EvalArchiveReader::readSummarySamples()
{
    // Samples known only from summaries: those of an unfinished run not flushed yet, or of a log written
    // without samples. Journal summaries are read in flush order, the last row of a sample winning.
    std::map<SampleKey, SampleRecord> summaries;
    if (const ZipReader::Entry* consolidated = m_zip.find(QStringLiteral("summaries.json"))) {
        if (!addSummaries(*consolidated, summaries))
            return false;
    } else {
        for (const auto& [number, entry] : m_journalSummaries) {
            if (!addSummaries(*entry, summaries))
                return false;
        }
    }
    for (const auto& [key, sample] : summaries) {
        if (m_read.count(key) == 0 && !m_sink.summarySample(sample))
            return fail(tr("the store refused sample %1").arg(sample.id));
    }
    return true;
}

bool EvalArchiveReader::read(const InspectLogReader::Progress& progress)
{
    rapidjson::Document header;
    if (!listMembers() || !readHeader(header))
        return false;
    ProgressMeter meter(progress, m_total);
    const QString legacyScorer = legacyScorerName(header);
    for (const ZipReader::Entry* entry : m_samples) {
        if (!readSample(*entry, meter, legacyScorer))
            return false;
    }
    ChunkedSampleReader chunked(m_zip, m_sink, m_options, legacyScorer);
    for (const ChunkedSampleEntries& sample : m_chunked.samples()) {
        if (!chunked.read(sample, [&meter](qint64 bytes) { return meter.advance(bytes); })) {
            m_cancelled = chunked.cancelled();
            return fail(chunked.errorString());
        }
        m_read.insert({ sample.id, sample.epoch });
    }
    if (!readSummarySamples())
        return false;
    meter.finish();
    return true;
}
}

bool InspectLogReader::readEval(const QString& path, LogSink& sink, const Progress& progress)
{
    ZipReader zip;
    if (!zip.open(path))
        return fail(zip.errorString());
    EvalArchiveReader reader(zip, sink, m_options, m_warnings);
    const bool read = reader.read(progress);
    m_cancelled = reader.cancelled();
    return read || fail(reader.errorString());
}
