#pragma once

#include "analysis/pricetable.h"
#include "attachmentresolver.h"
#include "chunkstore.h"

#include <QByteArray>
#include <QString>
#include <vector>

class SqliteDb;

/// One event of a transcript, as a list shows it.
struct EventRow {
    int seq = 0;
    int turn = 0; ///< the agent turn: model calls up to and including this step
    int depth = 0; ///< spans open around it
    QString type;
    QString timestamp;
    double workingStart = 0;
    QString summary; ///< as stored: see TranscriptQuery::summary()
    QString model;
    qint64 tokens = 0; ///< input (cache included) and output of a model call
    double cost = notANumber; ///< of a model call: logged, else priced; NaN: no price
};

/// A point of a pass curve.
struct PassPoint {
    int seq = 0;
    double workingStart = 0;
    double cost = 0; ///< cumulative dollars spent up to this step
    double visible = notANumber;
    double heldOut = notANumber;
};

/// What the replay plots beside a transcript.
struct PassCurve {
    std::vector<PassPoint> points;
    std::vector<int> compactions; ///< steps
    std::vector<int> errors; ///< steps of errors (model errors, tool errors, sample errors)
    std::vector<std::pair<int, double>> spending; ///< step, cumulative dollars after it (model calls)
    QString source; ///< "score events" or the test runner whose output was read
};

/// Which named tests passed at each test run of a transcript, where its test output names them.
struct TestMatrix {
    std::vector<int> runs; ///< steps of the test runs, in order
    QStringList tests; ///< sorted
    std::vector<std::vector<signed char>> results; ///< [test][run]: 1 passed, 0 failed, -1 not in that run
    /// The steps at which a test changed between passing and failing.
    std::vector<int> changes(int test) const;
};

/// Reads one sample's transcript from the store page by page; nothing of it is held whole.
class TranscriptQuery {
public:
    /// The steps a curve marks (compactions, errors, limits) of sample ?1, from samples.marked_steps.
    static const char* const marksQuery;

    TranscriptQuery(SqliteDb& db, qint64 sampleId, PriceTable prices = {});

    qint64 sampleId() const { return m_sampleId; }
    /// Events of this type only (empty: all).
    void setType(const QString& type) { m_type = type; }
    int count();
    /// Up to `limit` listed events from the one at index `row` (keyset reads: as fast at the end as at the start).
    std::vector<EventRow> events(int row, int limit);
    /// An event's line as shown: its stored summary keeps attachment references (a log's attachments come
    /// after its events), replaced here. Asked for the rows on screen only: it may read attachments.
    QString summary(const QString& stored);
    /// The index among the listed events of the first event at or after `seq`.
    int rowOf(int seq);
    /// The event's JSON with attachment references replaced by their text.
    QString payload(int seq);
    /// The event types the transcript has, most common first.
    QStringList types();

    PassCurve passCurve();
    /// Per-test results from test output that names its tests (PASS/FAIL lines, go test, pytest -v).
    TestMatrix testMatrix();
    /// Steps whose messages hold all of `words` (full-text index), in order.
    /// False while some of this sample's messages wait to be indexed (a stopped import): find() misses them.
    bool fullyIndexed();
    std::vector<int> find(const QString& words);

private:
    SqliteDb& m_db;
    qint64 m_sampleId;
    PriceTable m_prices;
    QString m_type;
    std::vector<int> m_listed; ///< the steps of the listed events, when a type filter leaves gaps
    /// The steps of this sample's events of `type`, in order.
    std::vector<int> steps(const QString& type);
    void loadStructure();

    ChunkReader m_reader;
    AttachmentResolver m_resolver;
    // The transcript's shape, read once: where model calls, span openings and closings fall.
    bool m_structureLoaded = false;
    std::vector<int> m_modelCalls;
    std::vector<int> m_spanBegins;
    std::vector<int> m_spanEnds;
};
