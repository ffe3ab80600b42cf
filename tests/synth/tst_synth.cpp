// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "mirrorcodesynth.h"
#include "zipstreamwriter.h"

#include "analysis/pricetable.h"
#include "analysis/solverates.h"
#include "archive/zipreader.h"
#include "runner/testrunner.h"
#include "runner/workspacebuilder.h"
#include "store/importer.h"
#include "store/store.h"
#include "store/storeconnection.h"
#include "store/transcriptquery.h"
#include "workflow/transcriptanalysis.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using Json = nlohmann::json;

/// The English of generated transcripts: every word that the sentence patterns and their slots use.
const char* const englishVocabulary
    = R"(a about above absolute accents accepts access action ada add address adds after again against age agent
agent's algebra alike all alone also amended amends among an and any anything append applied applies are
argument arguments around array arrays article as assigned assignment assignments assumed at author authors
back backtracking bad bases bash basic be been before begin behaviour below between bib biblatex binary
bitwise border boxed braces bracket branch brotli brotlid buffer bug build builds but by byte bytes c cal
calendar can cannot canonicalisation canonicalises capitals case cases catcode cells centres chain change
changed changes changing characters check checked checks children choose class clause cli closure clue cluster
code column columns comma command commands comment comments compaction compare comparison computer
configuration constructor contains context contradiction contradicts control converts corrupt could counts
cover cprepro create created crossref csljson csname current cut cycle date dates day days decimal decodes
decompresses decreasing default degree delimited delimiter derivative description diagnostics dictionary diff
difference differs digits direction directly directory discrete dkim dmarc do docs documentation documents
does domain dots double dump duplicate each edge edit edits eleven email embedded empty end engineer entries
error escaped escapes eval evaluates even every exact exactly examples exclusive execute exit exits
expandafter expands expected expert explain expressions factorisation fail failed failing fails failure
failures far few fiber field fields file files filled filter filters final find first fix fixed flag flattens
for format found fraction fractions friendlier from function g generate get giac given go goes good gotree
grid gron group groups guard guess had handle handled handles handling happens has hashes have having header
headers help helper here hex hexadecimal hexyl history hmm hold holding honours how huffman i i'll identical
identifier identifiers identity if ignores implemented import in include including indents index input inputs
insert inside instead integer interesting interpolates interpolation into invalid is it iterates iterator its
jq json julian keep keeps key keys know language last later layout lazily leading leap learn left length
lengths let like limit line lines lints list listing lists literal location logic long look looking looks
lookup lookups loop macro macros mailauth manipulates maps markers marks masks match matches matrix matters
may maybe me message messages metablock mirrorcode mismatch missing mode month more most multifurcating must
my name names near nearest needs negative never newick newline next nil no node none nonogram nonogrid noqa
not notation notes nothing now null number numbers numfmt object objects ocaml octal of off offset on once one
ones only option options or order orders otherwise outgroup outgroup's output over pad padding pads panel
parameters parent parenthesis parses parsing partial parts pass passed passes passing past paste pasting path
paths pattern pdftex permerror phylogenetic pipe pkl place places plan policy preprocesses present print
printing prints probe products program progress properties property protected puzzle puzzles python qsv
queries quoted quotes range rational raw read reading reads red refactor reference reference's references
refuses regex regressions reimplement rejects relaxed renders repeated repeating replace replaced reported
reports reroot reroots resemble rest result right ring root rounding rounds row rows ruff rule run running
runs runtime rust same say scripts sed see seem seems select selector selects separate separator september
sequence several shift should shows signature simplest simplify single skip skips slashes small so solution
solutions solves some sorts source space spaces special spf split splits squeezed squeezes stack standard star
start starts state statistics status statuses stderr stdout still stop stops stream streams string strings
subset substitution suffix suffixes suggestion suggests suite summarised summary sunday support suspect table
tables task ten terms test tests texmacros text that the their them then they think this time timestamp tip
title titles to together token tokens total trace trailing transforms treat treats tree trees truncated try
tssql two type typed unchanged undefined ungron unicode unless unmatched unused up update uppercase usage use
used uuid uuidparse valid value values variadic variant version view visible wait want was way we week weeks
well what when which while whitespace widest width will with without word words work workspace would wren
write writes writing written year yet zero zeros)";
using KeySets = std::map<std::string, std::set<std::string>>;

namespace {
/// Keys of events (by type), messages (by role), model usage and scores found in one sample.
void collectKeys(const Json& sample, KeySets& keys)
{
    auto addMessage = [&](const Json& message) {
        if (!message.is_object())
            return;
        for (const auto& [key, value] : message.items())
            keys["message:" + message.value("role", std::string("?"))].insert(key);
    };
    if (sample.contains("events")) {
        for (const Json& event : sample["events"]) {
            const std::string type = event.value("event", std::string("?"));
            for (const auto& [key, value] : event.items())
                keys["event:" + type].insert(key);
            if (type == "model" && event.contains("output") && event["output"].contains("usage"))
                for (const auto& [key, value] : event["output"]["usage"].items())
                    keys["usage"].insert(key);
            if (type == "score")
                for (const auto& [key, value] : event["score"].items())
                    keys["score"].insert(key);
        }
    }
    for (const char* list : { "messages" }) {
        if (sample.contains(list))
            for (const Json& message : sample[list])
                addMessage(message);
    }
    if (sample.contains("events_data"))
        for (const Json& message : sample["events_data"]["messages"])
            addMessage(message);
    if (sample.contains("scores"))
        for (const auto& [name, score] : sample["scores"].items())
            for (const auto& [key, value] : score.items())
                keys["score"].insert(key);
    if (sample.contains("model_usage"))
        for (const auto& [model, usage] : sample["model_usage"].items())
            for (const auto& [key, value] : usage.items())
                keys["usage"].insert(key);
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}
/// A string of the sample, its attachment resolved.
std::string resolved(const Json& sample, const Json& value)
{
    std::string text = value.get<std::string>();
    const std::string prefix = "attachment://";
    if (text.rfind(prefix, 0) == 0 && sample.contains("attachments"))
        text = sample["attachments"].value(text.substr(prefix.size()), text);
    return text;
}

/// The words of English prose in `text`: runs of letters standing alone, lower-cased; identifiers, paths, options,
/// numbers and code in backticks are left out.
std::vector<std::string> proseWords(const std::string& text)
{
    std::vector<std::string> words;
    bool code = false;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        const size_t start = i;
        while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])))
            ++i;
        std::string token = text.substr(start, i - start);
        const auto ticks = std::count(token.begin(), token.end(), '`');
        const bool inCode = code || ticks > 0;
        if (ticks % 2)
            code = !code;
        if (inCode)
            continue;
        while (!token.empty() && std::string(".,;:!?()\"'").find(token.back()) != std::string::npos)
            token.pop_back();
        while (!token.empty() && std::string("(\"'").find(token.front()) != std::string::npos)
            token.erase(0, 1);
        if (token.empty() || !std::all_of(token.begin(), token.end(), [](char c) {
                return std::isalpha(static_cast<unsigned char>(c)) || c == '\'';
            }))
            continue;
        if (std::any_of(
                token.begin() + 1, token.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }))
            continue; // an acronym or a name in code
        std::transform(token.begin(), token.end(), token.begin(), [](char c) { return char(std::tolower(c)); });
        words.push_back(token);
    }
    return words;
}

}

class TestSynth : public QObject {
    Q_OBJECT
private slots:
    void zipRoundTrip_data();
    void zipRoundTrip();
    void membersOfWholeMebibytes();
    void deterministicForASeed();
    void agentWritesEnglish();
    void keysMatchRealLogs();
    void demoShapedLikeThePaper();
    void demoImportsWithItsHeaderAccuracy();
    void dictScoresAreCheckedByName();
    void demoCurvesEqualTheirReexecution();

private:
    QTemporaryDir m_dir;
};

void TestSynth::zipRoundTrip_data()
{
    QTest::addColumn<bool>("zstd");
    QTest::newRow("zstd") << true;
    QTest::newRow("deflate") << false;
}

void TestSynth::zipRoundTrip()
{
    QFETCH(bool, zstd);
    const QString path = m_dir.filePath(zstd ? QStringLiteral("zstd.zip") : QStringLiteral("deflate.zip"));
    ZipStreamWriter writer;
    QVERIFY(writer.open(path, zstd ? ZipStreamWriter::Compression::Zstd : ZipStreamWriter::Compression::Deflate));
    QByteArray large;
    for (int i = 0; i < 200000; ++i)
        large += QByteArray::number(i) + ' ';
    QVERIFY(writer.beginMember(QStringLiteral("a.json")) && writer.write("first") && writer.endMember());
    QVERIFY(writer.beginMember(QStringLiteral("big.json")) && writer.write(large) && writer.endMember());
    QVERIFY(writer.beginMember(QStringLiteral("a.json")) && writer.write("second") && writer.endMember());
    QVERIFY(writer.close());
    ZipReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    QCOMPARE(reader.entries().size(), size_t(2));
    QCOMPARE(reader.readAll(*reader.find(QStringLiteral("a.json"))), QByteArray("second"));
    QCOMPARE(reader.readAll(*reader.find(QStringLiteral("big.json"))), large);
}

void TestSynth::membersOfWholeMebibytes()
{
    // libarchive's zstd reader reports a truncated body when the last block exactly fills its output buffer;
    // the reader takes a member whose every byte came out as read.
    const QString path = m_dir.filePath(QStringLiteral("mebibytes.zip"));
    ZipStreamWriter writer;
    QVERIFY(writer.open(path));
    const std::vector<qsizetype> sizes { 1 << 20, 2 << 20, (1 << 20) + 5, 3 << 19 };
    std::vector<QByteArray> contents;
    for (size_t i = 0; i < sizes.size(); ++i) {
        QByteArray data(sizes[i], Qt::Uninitialized);
        for (qsizetype k = 0; k < data.size(); ++k)
            data[k] = char('a' + (k * 7 + k / 1000) % 26);
        contents.push_back(data);
        QVERIFY(writer.beginMember(QStringLiteral("m%1.json").arg(i)) && writer.write(data) && writer.endMember());
    }
    QVERIFY(writer.close());
    ZipReader reader;
    QVERIFY2(reader.open(path), qPrintable(reader.errorString()));
    for (size_t i = 0; i < sizes.size(); ++i) {
        const QByteArray read = reader.readAll(*reader.find(QStringLiteral("m%1.json").arg(i)));
        QVERIFY2(read == contents[i],
            qPrintable(QStringLiteral("member of %1 bytes: %2").arg(sizes[i]).arg(reader.errorString())));
    }
}

void TestSynth::deterministicForASeed()
{
    for (const QString& name : { QStringLiteral("one"), QStringLiteral("two") }) {
        SynthOptions options;
        options.outputDirectory = m_dir.filePath(name);
        options.scaleRuns = 3;
        options.samplesPerRun = 4;
        SynthReport report;
        MirrorCodeSynth synth;
        QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
        QCOMPARE(report.files.size(), 3);
    }
    const QStringList files = QDir(m_dir.filePath(QStringLiteral("one"))).entryList({ QStringLiteral("*.eval") });
    QCOMPARE(files.size(), 3);
    for (const QString& file : files)
        QCOMPARE(fileHash(m_dir.filePath(QStringLiteral("one/") + file)),
            fileHash(m_dir.filePath(QStringLiteral("two/") + file)));
}

void TestSynth::agentWritesEnglish()
{
    // What the agent says, thinks and summarises, in samples of every target and language: English words only (a
    // vocabulary of this test, which a new sentence pattern extends), with English's function words at their rate.
    static const std::set<std::string> vocabulary = [] {
        std::set<std::string> words;
        const char* text = englishVocabulary;
        std::string word;
        for (const char* c = text;; ++c) {
            if (*c == ' ' || *c == '\n' || !*c) {
                if (!word.empty())
                    words.insert(word);
                word.clear();
                if (!*c)
                    break;
            } else {
                word += *c;
            }
        }
        return words;
    }();
    static const std::set<std::string> functionWords { "the", "a", "an", "of", "to", "in", "on", "is", "it", "that",
        "this", "and", "or", "but", "so", "with", "for", "at", "as", "i", "be", "not", "what", "then", "let", "me" };
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("english"));
    options.scaleRuns = 2;
    options.samplesPerRun = 25;
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    std::map<std::string, int> unknown;
    qint64 words = 0, function = 0;
    int messages = 0;
    for (const QString& file : report.files) {
        ZipReader zip;
        QVERIFY(zip.open(file));
        for (const auto& entry : zip.entries()) {
            if (!entry.name.startsWith(QLatin1String("samples/")))
                continue;
            const Json sample = Json::parse(zip.readAll(entry).toStdString());
            for (const Json& message : sample["events_data"]["messages"]) {
                std::vector<std::string> texts;
                if (message["content"].is_string())
                    texts.push_back(resolved(sample, message["content"]));
                else
                    for (const Json& part : message["content"]) {
                        if (part.value("type", "") == "text")
                            texts.push_back(resolved(sample, part["text"]));
                        else if (part.value("type", "") == "reasoning")
                            texts.push_back(resolved(sample, part["reasoning"]));
                    }
                const std::string role = message.value("role", "");
                // The summary at a compaction is the one user message the agent wrote.
                if (role != "assistant"
                    && !(role == "user" && !texts.empty() && texts.front().rfind("Summary of the work", 0) == 0))
                    continue;
                ++messages;
                for (const std::string& text : texts)
                    for (const std::string& word : proseWords(text)) {
                        ++words;
                        function += functionWords.count(word);
                        if (!vocabulary.count(word))
                            ++unknown[word];
                    }
            }
        }
    }
    QVERIFY2(messages > 100, qPrintable(QString::number(messages)));
    QStringList listed;
    for (const auto& [word, count] : unknown)
        listed << QStringLiteral("%1 (%2)").arg(QString::fromStdString(word)).arg(count);
    QVERIFY2(unknown.empty(), qPrintable(QStringLiteral("words not in English: ") + listed.join(QStringLiteral(", "))));
    const double rate = double(function) / double(words);
    QVERIFY2(
        rate > 0.15 && rate < 0.5, qPrintable(QStringLiteral("function words: %1 of %2").arg(function).arg(words)));
}

void TestSynth::keysMatchRealLogs()
{
    const QDir fixtures(QStringLiteral(RUNLENS_FIXTURES_DIR));
    if (!fixtures.exists())
        QSKIP("The shared Inspect fixtures (../shared/fixtures/inspect beside the checkout) are absent.");
    KeySets real;
    for (const QString& file : fixtures.entryList({ QStringLiteral("*.eval") })) {
        ZipReader zip;
        if (!zip.open(fixtures.filePath(file)))
            continue;
        for (const auto& entry : zip.entries()) {
            if (!entry.name.startsWith(QLatin1String("samples/")))
                continue;
            const Json sample = Json::parse(zip.readAll(entry).toStdString(), nullptr, false);
            if (!sample.is_discarded())
                collectKeys(sample, real);
        }
    }
    // Documented in the log format but in none of the fixtures (their README lists these gaps).
    const KeySets documented {
        { "event:compaction",
            { "event", "uuid", "span_id", "timestamp", "working_start", "type", "tokens_before", "tokens_after",
                "source" } },
        { "event:sample_limit",
            { "event", "uuid", "span_id", "timestamp", "working_start", "type", "message", "limit" } },
        { "event:error", { "event", "uuid", "span_id", "timestamp", "working_start", "error" } },
        { "event:sandbox",
            { "event", "uuid", "span_id", "timestamp", "working_start", "action", "cmd", "options", "result", "output",
                "completed" } },
        { "event:tool", { "agent_span_id" } },
        { "event:model", { "role" } },
        { "event:score", { "scorer" } },
        { "usage", { "total_cost" } },
        { "score", { "history" } },
    };

    // Small runs, and the demo of one epoch: its long runs meet their limits, its large runs compact.
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("keys"));
    options.scaleRuns = 2;
    options.samplesPerRun = 25;
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    QStringList files = report.files;
    options.outputDirectory = m_dir.filePath(QStringLiteral("keys-demo"));
    options.scaleRuns = 0;
    options.epochs = 1;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    files += report.files;
    KeySets generated;
    for (const QString& file : files) {
        ZipReader zip;
        QVERIFY(zip.open(file));
        for (const auto& entry : zip.entries()) {
            if (entry.name.startsWith(QLatin1String("samples/")))
                collectKeys(Json::parse(zip.readAll(entry).toStdString()), generated);
        }
    }
    for (const char* kind : { "event:model", "event:tool", "event:score", "event:compaction", "event:sample_limit",
             "event:error", "message:assistant", "message:tool", "usage", "score" })
        QVERIFY2(generated.count(kind), kind);
    for (const auto& [kind, keys] : generated) {
        for (const std::string& key : keys) {
            const bool known = (real.count(kind) && real.at(kind).count(key))
                || (documented.count(kind) && documented.at(kind).count(key));
            QVERIFY2(known,
                qPrintable(QStringLiteral("%1 has key '%2', found in no real log")
                               .arg(QString::fromStdString(kind), QString::fromStdString(key))));
        }
    }
}

void TestSynth::demoShapedLikeThePaper()
{
    PriceTable prices;
    const QString priceFile = QStringLiteral(RUNLENS_SOURCE_DIR "/resources/prices.json");
    QVERIFY2(prices.load(priceFile), qPrintable(prices.errorString()));
    // The shipped table prices only what a provider's own page shows; the demo bills GPT-5.5 and Gemini 3.1 Pro at
    // its own rates, which price them here.
    const std::pair<QString, ModelPrice> demoRates[] = {
        { QStringLiteral("openai/gpt-5.5"), { 5.0, 30.0, 0.5, 0.0, {}, {} } },
        { QStringLiteral("google/gemini-3.1-pro-preview"), { 2.0, 12.0, 0.2, 0.0, {}, {} } },
    };
    for (const auto& [model, price] : demoRates) {
        if (!prices.prices().contains(model))
            prices.setPrice(model, price);
    }
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("paper"));
    options.epochs = 1;
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    const std::map<std::string, double> leaderboard { { "anthropic/claude-opus-4-7", 0.56 }, { "openai/gpt-5.5", 0.44 },
        { "google/gemini-3.1-pro-preview", 0.32 } };
    int limited = 0, withCost = 0;
    for (const QString& file : report.files) {
        ZipReader zip;
        QVERIFY(zip.open(file));
        const Json header = Json::parse(zip.readAll(*zip.find(QStringLiteral("header.json"))).toStdString());
        const std::string model = header["eval"]["model"];
        QCOMPARE(header["results"]["scores"][0]["metrics"]["accuracy"]["value"].get<double>(), leaderboard.at(model));
        withCost += header["stats"]["model_usage"][model].contains("total_cost");
        std::map<char, std::vector<double>> costs, hours;
        const Json summaries = Json::parse(zip.readAll(*zip.find(QStringLiteral("summaries.json"))).toStdString());
        for (const Json& summary : summaries) {
            const Json& usage = summary["model_usage"][model];
            const double cost = *prices.cost(QString::fromStdString(model), usage["input_tokens"],
                usage["input_tokens_cache_read"], usage["input_tokens_cache_write"], usage["output_tokens"]);
            const char tier = summary["metadata"]["tier"].get<std::string>().front();
            costs[tier].push_back(cost);
            hours[tier].push_back(summary["total_time"].get<double>() / 3600);
            if (usage.contains("total_cost"))
                QVERIFY(std::abs(usage["total_cost"].get<double>() - cost) < 0.01 * cost + 0.01);
            if (!summary.contains("limit"))
                continue;
            // A limit is where the run stopped: it spent what the limit allows.
            ++limited;
            const QString member = QStringLiteral("samples/%1_epoch_1.json").arg(QString::fromStdString(summary["id"]));
            const Json sample = Json::parse(zip.readAll(*zip.find(member)).toStdString());
            const double limit = sample["limit"]["limit"];
            const std::string type = sample["limit"]["type"];
            QVERIFY(type == "cost" || type == "time");
            const double reached = type == "cost" ? cost : summary["total_time"].get<double>();
            QVERIFY(reached >= limit && reached < 1.01 * limit);
            QCOMPARE(sample["events"].back()["event"].get<std::string>(), std::string("span_end"));
        }
        // Minutes and a few dollars for small targets, hours and hundreds for medium ones, days for large ones.
        auto median = [](std::vector<double> values) {
            std::sort(values.begin(), values.end());
            return values[values.size() / 2];
        };
        QVERIFY(median(costs['S']) < 10 && median(hours['S']) < 0.5);
        QVERIFY(median(costs['M']) > 50 && median(hours['M']) > 1 && median(hours['M']) < 24);
        QVERIFY(median(costs['L']) > 100 && median(hours['L']) > 24);
    }
    QCOMPARE(limited, 3); // one long run per model
    QCOMPARE(withCost, 2); // total_cost in the logs of the two models without a primary-source price
    // Importing the folder reads its archives and nothing else: what the generator planted lies in a hidden folder.
    QVERIFY(!QDir(options.outputDirectory + QStringLiteral("/.truth"))
                 .entryList({ QStringLiteral("*") }, QDir::Dirs | QDir::NoDotAndDotDot)
                 .isEmpty());
    QStringList archives;
    for (const QString& file : report.files)
        archives << QFileInfo(file).absoluteFilePath();
    archives.sort();
    QCOMPARE(Importer::collectFiles({ options.outputDirectory }), archives);
}

void TestSynth::dictScoresAreCheckedByName()
{
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("dict"));
    options.epochs = 2;
    options.dictScores = true;
    options.models = { QStringLiteral("google/gemini-3.1-pro-preview") };
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("dict.sqlite"))));
    for (const QString& file : report.files)
        QCOMPARE(Importer(store).importFile(file).status, ImportResult::Imported);
    const RunRow run = store.runs().front();
    QCOMPARE(run.samples, 50);
    // The computed accuracy reads each dict's held_out; the header has an EvalScore for visible first, then one for
    // held_out: the check compares held_out with held_out.
    QCOMPARE(run.scoreKey, QStringLiteral("held_out"));
    QCOMPARE(run.headerMetric, QStringLiteral("held_out/accuracy"));
    QCOMPARE(run.metrics.front().scorer, QStringLiteral("visible"));
    QVERIFY(std::abs(run.metrics.front().value - run.accuracy) > 1e-3);
    QVERIFY2(std::abs(run.accuracy - run.headerAccuracy) < 1e-12,
        qPrintable(QStringLiteral("%1 %2").arg(run.accuracy).arg(run.headerAccuracy)));
    QVERIFY(!accuracyMismatch(run));
}

void TestSynth::demoImportsWithItsHeaderAccuracy()
{
    SynthOptions options;
    options.outputDirectory = m_dir.filePath(QStringLiteral("demo"));
    options.epochs = 1;
    options.models = { QStringLiteral("google/gemini-3.1-pro-preview") };
    SynthReport report;
    MirrorCodeSynth synth;
    QVERIFY2(synth.run(options, report), qPrintable(synth.errorString()));
    QCOMPARE(report.samples, 25);
    QCOMPARE(report.suites.size(), 3);
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("demo.sqlite"))));
    for (const QString& file : report.files) {
        const ImportResult result = Importer(store).importFile(file);
        QVERIFY2(result.status == ImportResult::Imported, qPrintable(result.error));
    }
    const RunRow run = store.runs().front();
    QCOMPARE(run.samples, 25);
    QVERIFY(!accuracyMismatch(run));
    QVERIFY(run.hasHeaderAccuracy);
    int largeSolved = 0;
    for (const SampleRow& sample : store.samples()) {
        QVERIFY(!sample.program.isEmpty());
        QVERIFY(sample.tier == QLatin1String("S") || sample.tier == QLatin1String("M")
            || sample.tier == QLatin1String("L"));
        QCOMPARE(sample.language, QStringLiteral("python"));
        largeSolved += sample.tier == QLatin1String("L") && sample.solved == 1;
    }
    QCOMPARE(largeSolved, 0); // no model solved a large task
}

void TestSynth::demoCurvesEqualTheirReexecution()
{
    // The demo programs' transcripts build real code: re-running their suites on the code rebuilt at each step
    // where the agent ran its tests gives the pass fractions the transcript reports.
    if (QStandardPaths::findExecutable(QStringLiteral("python3"), { QStringLiteral("/usr/bin") }).isEmpty())
        QSKIP("the demo programs need the system's python3");
    const QString directory = m_dir.filePath(QStringLiteral("demo"));
    if (!QFile::exists(m_dir.filePath(QStringLiteral("demo.sqlite"))))
        QSKIP("needs demoImportsWithItsHeaderAccuracy");
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("demo.sqlite"))));
    int checked = 0;
    for (const SampleRow& sample : store.samples()) {
        const QString suitePath = directory + QStringLiteral("/suites/") + sample.program + QStringLiteral(".jsonl");
        if (!QFile::exists(suitePath))
            continue;
        TestSuite suite;
        QVERIFY(suite.load(suitePath));
        SqliteStatement scores(StoreConnection::of(store),
            "SELECT seq, chunk_item(payload_chunk, payload_slot) FROM events "
            "WHERE sample_id = ? AND type = 'score' ORDER BY seq");
        scores.bind(1, sample.id);
        const std::unique_ptr<TranscriptQuery> transcript = store.transcript(sample.id);
        WorkspaceBuilder builder(
            transcript->toolCalls(), [&](const QString& text) { return transcript->resolveAttachments(text); });
        while (scores.step()) {
            const Json event = Json::parse(scores.bytes(1).toStdString());
            if (!event.value("intermediate", false))
                continue;
            builder.replay(int(scores.integer(0)));
            QCOMPARE(builder.uncertainSteps(), 0);
            QTemporaryDir workspace;
            QFile::setPermissions(workspace.path(),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                    | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
            QVERIFY(builder.write(workspace.path()));
            TestRunSummary summary;
            if (QFile::exists(workspace.filePath(QStringLiteral("main.py")))) {
                QFile::setPermissions(workspace.filePath(QStringLiteral("main.py")),
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther | QFileDevice::ReadGroup);
                TestRunner runner;
                TestRunner::Options run;
                run.command = { QStringLiteral("/usr/bin/python3"), workspace.filePath(QStringLiteral("main.py")) };
                run.limits.isolateNetwork = false;
                runner.run(suite, run);
                summary = runner.summary();
            } else {
                for (const TestCase& test : suite.tests())
                    (test.heldOut ? summary.heldOutTotal : summary.visibleTotal)++;
            }
            const Json& value = event["score"]["value"];
            QCOMPARE(summary.visibleFraction(), value["visible"].get<double>());
            QCOMPARE(summary.heldOutFraction(), value["held_out"].get<double>());
            ++checked;
        }
        // The replay's curve of the sample is the one the generator wrote, point for point.
        const PassCurve curve = passCurve(*transcript, PriceTable());
        SqliteStatement written(
            StoreConnection::of(store), "SELECT COUNT(*) FROM events WHERE sample_id = ? AND type = 'score'");
        written.bind(1, sample.id);
        QVERIFY(written.step());
        QCOMPARE(qint64(curve.points.size()) + 1, written.integer(0)); // all but the final score are intermediate
        QCOMPARE(curve.source, QStringLiteral("score events"));
    }
    QVERIFY2(checked >= 6, qPrintable(QString::number(checked)));
}

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
