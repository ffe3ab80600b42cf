#include "transcriptquery.h"

#include "analysis/testoutputparser.h"
#include "inspect/jsonvalues.h"
#include "messageindex.h"
#include "sqlitedb.h"
#include "storeschema.h"

#include <QRegularExpression>
#include <map>


const char* const TranscriptQuery::marksQuery = R"sql(SELECT seq, type FROM events WHERE sample_id = ?1
    AND seq IN (SELECT value FROM json_each((SELECT marked_steps FROM samples WHERE id = ?1))) ORDER BY seq)sql";

TranscriptQuery::TranscriptQuery(SqliteDb& db, qint64 sampleId, PriceTable prices)
    : m_db(db)
    , m_sampleId(sampleId)
    , m_prices(std::move(prices))
    , m_reader(db)
    , m_resolver(db, m_reader)
{
    m_resolver.setSample(sampleId);
}

int TranscriptQuery::count()
{
    m_listed.clear();
    if (m_type.isEmpty()) {
        // Steps are numbered from 0 without gaps: the row of an event is its step.
        SqliteStatement query(m_db, "SELECT COUNT(*) FROM events WHERE sample_id = ?");
        query.bind(1, m_sampleId);
        return query.step() ? int(query.integer(0)) : 0;
    }
    m_listed = steps(m_type);
    return int(m_listed.size());
}

std::vector<int> TranscriptQuery::steps(const QString& type)
{
    SqliteStatement query(m_db, "SELECT seqs FROM event_steps WHERE sample_id = ? AND type = ?");
    query.bind(1, m_sampleId);
    query.bind(2, type);
    return query.step() ? StoreSchema::parseSteps(query.blob(0)) : std::vector<int>();
}

void TranscriptQuery::loadStructure()
{
    m_structureLoaded = true;
    m_modelCalls = steps(QStringLiteral("model"));
    m_spanBegins = steps(QStringLiteral("span_begin"));
    m_spanEnds = steps(QStringLiteral("span_end"));
}

std::vector<EventRow> TranscriptQuery::events(int row, int limit)
{
    if (!m_structureLoaded)
        loadStructure();
    static const char* const columns = R"sql(SELECT seq, type, timestamp, working_start, summary, model,
        input_tokens, cache_read_tokens, cache_write_tokens, output_tokens, cost FROM events WHERE sample_id = ?1 AND )sql";
    SqliteStatement query;
    if (m_type.isEmpty()) {
        // Steps are numbered from 0 without gaps: the rows from `row` on are the steps from `row` on.
        query.prepare(m_db, (QByteArray(columns) + "seq >= ?2 ORDER BY seq LIMIT ?3").constData());
        query.bind(2, row);
        query.bind(3, limit);
    } else {
        // Just the listed steps of this page, however far apart they lie.
        const size_t first = size_t(std::max(row, 0));
        const size_t end = std::min(m_listed.size(), first + size_t(std::max(limit, 0)));
        QByteArray page = "[";
        for (size_t i = first; i < end; ++i)
            page += (i > first ? "," : "") + QByteArray::number(m_listed[i]);
        page += ']';
        query.prepare(m_db, (QByteArray(columns) + "seq IN (SELECT value FROM json_each(?2)) ORDER BY seq").constData());
        query.bind(2, page);
    }
    query.bind(1, m_sampleId);
    std::vector<EventRow> rows;
    while (query.step()) {
        EventRow row;
        row.seq = int(query.integer(0));
        row.type = query.text(1);
        row.timestamp = query.text(2);
        row.workingStart = query.real(3);
        row.summary = query.text(4);
        row.model = query.text(5);
        if (!row.model.isEmpty()) {
            row.tokens = query.integer(6) + query.integer(7) + query.integer(8) + query.integer(9);
            row.cost = query.real(10);
            if (std::isnan(row.cost)) {
                const auto priced = m_prices.cost(row.model, query.integer(6), query.integer(7), query.integer(8), query.integer(9));
                row.cost = priced ? *priced : notANumber;
            }
        }
        row.turn = int(std::upper_bound(m_modelCalls.begin(), m_modelCalls.end(), row.seq) - m_modelCalls.begin());
        // Spans opened before this event and not yet closed; a span's own end sits at its opening's depth.
        const int opened = int(std::upper_bound(m_spanBegins.begin(), m_spanBegins.end(), row.seq) - m_spanBegins.begin());
        const int closed = int(std::upper_bound(m_spanEnds.begin(), m_spanEnds.end(), row.seq) - m_spanEnds.begin());
        row.depth = std::max(0, opened - closed - (row.type == QLatin1String("span_begin") ? 1 : 0));
        rows.push_back(std::move(row));
    }
    return rows;
}

QString TranscriptQuery::summary(const QString& stored)
{
    return AttachmentResolver::hasReference(stored) ? oneLine(m_resolver.resolve(stored)) : stored;
}

int TranscriptQuery::rowOf(int seq)
{
    if (m_type.isEmpty())
        return std::max(0, seq);
    return int(std::lower_bound(m_listed.begin(), m_listed.end(), seq) - m_listed.begin());
}

QString TranscriptQuery::payload(int seq)
{
    SqliteStatement query(m_db, "SELECT payload_chunk, payload_slot FROM events WHERE sample_id = ? AND seq = ?");
    query.bind(1, m_sampleId);
    query.bind(2, seq);
    if (!query.step())
        return {};
    return m_resolver.resolve(QString::fromUtf8(m_reader.item(query.integer(0), int(query.integer(1)))));
}

QStringList TranscriptQuery::types()
{
    SqliteStatement query(m_db, "SELECT type FROM event_steps WHERE sample_id = ? ORDER BY count DESC, type");
    query.bind(1, m_sampleId);
    QStringList types;
    while (query.step())
        types << query.text(0);
    return types;
}

PassCurve TranscriptQuery::passCurve()
{
    PassCurve curve;
    // What the run spent, call by call.
    {
        SqliteStatement calls(m_db, R"sql(SELECT seq, model, input_tokens, cache_read_tokens, cache_write_tokens,
            output_tokens, cost FROM events WHERE sample_id = ? AND type = 'model' ORDER BY seq)sql");
        calls.bind(1, m_sampleId);
        double spent = 0;
        while (calls.step()) {
            double cost = calls.real(6);
            if (std::isnan(cost)) {
                const auto priced = m_prices.cost(calls.text(1), calls.integer(2), calls.integer(3), calls.integer(4), calls.integer(5));
                cost = priced ? *priced : 0;
            }
            spent += cost;
            curve.spending.emplace_back(int(calls.integer(0)), spent);
        }
    }
    auto spentBy = [&](int seq) {
        const auto after = std::upper_bound(curve.spending.begin(), curve.spending.end(), seq,
            [](int s, const std::pair<int, double>& point) { return s < point.first; });
        return after == curve.spending.begin() ? 0.0 : std::prev(after)->second;
    };
    {
        SqliteStatement marks(m_db, marksQuery);
        marks.bind(1, m_sampleId);
        while (marks.step())
            (marks.text(1) == QLatin1String("compaction") ? curve.compactions : curve.errors).push_back(int(marks.integer(0)));
    }
    // The run's own scores along the way; else the test runs it made, read from their output.
    SqliteStatement scores(m_db, ("SELECT seq, working_start, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND "
            + StoreSchema::stepsOfType("score") + " ORDER BY seq").constData());
    scores.bind(1, m_sampleId);
    while (scores.step()) {
        const QByteArray json = m_reader.item(scores.integer(2), int(scores.integer(3)));
        rapidjson::Document event;
        if (!parseJson(event, json.constData(), size_t(json.size())))
            continue;
        const JsonValue* intermediate = member(event, "intermediate");
        const JsonValue* score = member(event, "score");
        const JsonValue* value = score ? member(*score, "value") : nullptr;
        if (!value || !intermediate || !intermediate->IsTrue())
            continue;
        PassPoint point;
        point.seq = int(scores.integer(0));
        point.workingStart = scores.real(1);
        point.cost = spentBy(point.seq);
        if (value->IsObject()) {
            point.visible = numberOf(member(*value, "visible"));
            point.heldOut = numberOf(member(*value, "held_out"), numberOf(member(*value, "hidden")));
        } else {
            point.visible = numberOf(value);
        }
        curve.points.push_back(point);
    }
    if (!curve.points.empty()) {
        curve.source = QStringLiteral("score events");
        return curve;
    }
    const TestOutputParser parser = TestOutputParser::standard();
    SqliteStatement tools(m_db, ("SELECT seq, working_start, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND "
            + StoreSchema::stepsOfType("tool") + " ORDER BY seq").constData());
    tools.bind(1, m_sampleId);
    while (tools.step()) {
        const QByteArray json = m_reader.item(tools.integer(2), int(tools.integer(3)));
        rapidjson::Document event;
        if (!parseJson(event, json.constData(), size_t(json.size())))
            continue;
        const QString result = m_resolver.resolve(stringOf(member(event, "result")));
        const auto counts = parser.parse(result);
        if (!counts)
            continue;
        PassPoint point;
        point.seq = int(tools.integer(0));
        point.workingStart = tools.real(1);
        point.cost = spentBy(point.seq);
        point.visible = counts->fraction();
        curve.points.push_back(point);
        curve.source = counts->runner;
    }
    return curve;
}

bool TranscriptQuery::fullyIndexed()
{
    SqliteStatement waiting(m_db, R"sql(SELECT EXISTS (SELECT 1 FROM messages WHERE sample_id = ?
        AND id > (SELECT indexed_through FROM search_progress)))sql");
    waiting.bind(1, m_sampleId);
    return waiting.step() && waiting.integer(0) == 0;
}

std::vector<int> TranscriptQuery::find(const QString& words)
{
    return MessageIndex(m_db).steps(MessageIndex::quoteWords(words), m_sampleId);
}

std::vector<int> TestMatrix::changes(int test) const
{
    std::vector<int> steps;
    signed char previous = -1;
    for (size_t run = 0; run < runs.size(); ++run) {
        const signed char result = results[size_t(test)][run];
        if (result < 0)
            continue;
        if (previous >= 0 && result != previous)
            steps.push_back(runs[run]);
        previous = result;
    }
    return steps;
}

TestMatrix TranscriptQuery::testMatrix()
{
    // Lines that name one test and its outcome: "PASS name", "--- FAIL: TestName (0.00s)", "tests/x.py::t PASSED".
    static const QRegularExpression named(QStringLiteral(
        R"(^(?:(PASS|FAIL|ok|FAILED|PASSED)\s+([^\s:]\S*)|--- (PASS|FAIL): (\S+)|(\S+::\S+) (PASSED|FAILED))\s*(?:\(.*)?$)"),
        QRegularExpression::MultilineOption);
    TestMatrix matrix;
    std::map<QString, std::vector<std::pair<size_t, bool>>> byTest;
    SqliteStatement tools(m_db, ("SELECT seq, payload_chunk, payload_slot FROM events WHERE sample_id = ?1 AND "
            + StoreSchema::stepsOfType("tool") + " AND summary LIKE '%test%' ORDER BY seq").constData());
    tools.bind(1, m_sampleId);
    while (tools.step()) {
        const QByteArray json = m_reader.item(tools.integer(1), int(tools.integer(2)));
        rapidjson::Document event;
        if (!parseJson(event, json.constData(), size_t(json.size())))
            continue;
        const QString output = m_resolver.resolve(stringOf(member(event, "result")));
        bool any = false;
        for (auto it = named.globalMatch(output); it.hasNext();) {
            const auto match = it.next();
            QString verdict = match.captured(1), name = match.captured(2);
            if (verdict.isEmpty()) {
                verdict = match.captured(3).isEmpty() ? match.captured(6) : match.captured(3);
                name = match.captured(3).isEmpty() ? match.captured(5) : match.captured(4);
            }
            if (name.isEmpty())
                continue;
            any = true;
            const bool passed = verdict == QLatin1String("PASS") || verdict == QLatin1String("PASSED") || verdict == QLatin1String("ok");
            byTest[name].emplace_back(matrix.runs.size(), passed);
        }
        if (any)
            matrix.runs.push_back(int(tools.integer(0)));
    }
    for (const auto& [name, results] : byTest) {
        matrix.tests << name;
        std::vector<signed char> row(matrix.runs.size(), -1);
        for (const auto& [run, passed] : results)
            row[run] = passed ? 1 : 0;
        matrix.results.push_back(std::move(row));
    }
    return matrix;
}
