// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "messageindex.h"

#include "checkpointer.h"
#include "searchquery.h"
#include "sqlitedb.h"
#include "json/jsonvalues.h"

#include <QScopeGuard>
#include <QtConcurrent>
#include <algorithm>
#include <optional>
#include <sqlite3.h>

MessageIndex::MessageIndex(SqliteDb& db)
    : m_db(db)
    , m_reader(db)
    , m_resolver(db, m_reader)
{
}

QString MessageIndex::text(qint64 messageId)
{
    // Prepared once: copying a store asks it for each of the monster's 126,000 messages (1.2 s of preparing).
    if (!m_placeOf.isValid())
        m_placeOf.prepare(m_db, "SELECT sample_id, json_chunk, json_slot FROM messages WHERE id = ?");
    m_placeOf.bind(1, messageId);
    if (!m_placeOf.step()) {
        m_placeOf.reset();
        return {};
    }
    const qint64 sampleId = m_placeOf.integer(0);
    const qint64 chunk = m_placeOf.integer(1);
    const int slot = int(m_placeOf.integer(2));
    m_placeOf.reset(); // no statement left open on the connection
    return text(sampleId, chunk, slot);
}

QString MessageIndex::text(qint64 sampleId, qint64 chunk, int slot)
{
    m_resolver.setSample(sampleId);
    return messageTextOf(m_reader.item(chunk, slot), m_resolver);
}

QString MessageIndex::messageTextOf(QByteArray json, AttachmentResolver& attachments)
{
    rapidjson::Document message;
    if (!parseJsonInPlace(message, json.data()))
        return {};
    return attachments.resolve(messageText(message));
}

qint64 MessageIndex::indexedThrough()
{
    SqliteStatement query(m_db, "SELECT indexed_through FROM search_progress");
    return query.step() ? query.integer(0) : 0;
}

qint64 MessageIndex::pendingCount()
{
    SqliteStatement query(m_db, R"sql(SELECT COUNT(*) FROM messages WHERE id > (SELECT indexed_through FROM
        search_progress) AND copy_of IS NULL)sql");
    return query.step() ? query.integer(0) : 0;
}

std::vector<MessageIndex::Waiting> MessageIndex::waiting(qint64 id, int count)
{
    // A copy shares the text of the message it copies, which the index holds.
    SqliteStatement query(m_db, R"sql(SELECT id, sample_id, json_chunk, json_slot FROM messages WHERE id > ?
        AND copy_of IS NULL ORDER BY id LIMIT ?)sql");
    query.bind(1, id);
    query.bind(2, count);
    std::vector<Waiting> messages;
    while (query.step())
        messages.push_back({ query.integer(0), query.integer(1), query.integer(2), int(query.integer(3)) });
    if (query.failed())
        m_error = m_db.errorString();
    return messages;
}

std::vector<QByteArray> MessageIndex::texts(const QString& path, const std::vector<Waiting>& messages, qsizetype bytes)
{
    SqliteDb db;
    if (!db.open(path, true))
        return {};
    MessageIndex reader(db);
    std::vector<QByteArray> texts;
    for (const Waiting& message : messages) {
        if (bytes <= 0)
            break;
        texts.push_back(reader.text(message.sampleId, message.chunk, message.slot).toUtf8());
        bytes -= texts.back().size();
    }
    return texts;
}

bool MessageIndex::indexPending(const Progress& progress, Checkpointer* checkpoints)
{
    // Messages are read and indexed in batches, and a transaction takes batches until it has indexed about 32 MB of
    // text (or messagesPerTransaction). FTS5 writes what it gathered as a new segment of the index at each commit (and
    // whenever its gathered terms pass its `hashsize`, raised here from 1 MB to 64 MB), and merges segments once 16
    // lie at one level: fewer, larger segments are fewer merges, each byte of the index written once or twice rather
    // than three or four times (measured on the monster sample's 126,000 messages: see the README's Benchmarks).
    // A transaction is still short enough that a stop is quick and a window reading the store waits little.
    constexpr qsizetype bytesPerTransaction = 32 << 20;
    const qint64 total = pendingCount();
    qint64 done = 0;
    m_error.clear();
    auto fail = [this] {
        m_error = m_db.errorString(); // before the rollback, which clears it
        m_db.exec("ROLLBACK");
        return false;
    };
    // While this connection indexes a batch, the next batch's text is read on another thread with a connection of
    // its own: reading it is about a third of the work, FTS5 the rest. Up to 8 MB of it, so that a batch of long
    // tool outputs is not held whole; the rest is read here, a message at a time. (None for a store in memory.)
    constexpr qsizetype readAheadBytes = 8 << 20;
    const QString path = QString::fromUtf8(sqlite3_db_filename(m_db.handle(), "main"));
    std::vector<Waiting> readAhead;
    QThreadPool reading; // one thread, one allocation arena
    reading.setMaxThreadCount(1);
    std::optional<QFuture<std::vector<QByteArray>>> readAheadTexts;
    const auto waitForReadAhead = qScopeGuard([&readAheadTexts] {
        if (readAheadTexts)
            readAheadTexts->waitForFinished();
    });
    bool stopped = false;
    while (done < total && !stopped) {
        if (checkpoints)
            checkpoints->limitWal();
        if (!m_db.exec("BEGIN IMMEDIATE")) {
            m_error = m_db.errorString();
            return false;
        }
        // Kept for the store, where every index of it finds it: FTS5 keeps its settings in the index's own table.
        SqliteStatement hashSize(m_db, "INSERT INTO messages_fts (messages_fts, rank) VALUES ('hashsize', ?)");
        hashSize.bind(1, 64 << 20);
        if (!hashSize.exec())
            return fail();
        // Sample ids are reused when a file is replaced, maybe by another connection between two transactions.
        m_resolver.setSample(0);
        qint64 through = indexedThrough();
        qint64 indexedInTransaction = 0;
        qsizetype transactionBytes = 0;
        SqliteStatement insert(m_db, "INSERT INTO messages_fts (rowid, text) VALUES (?, ?)");
        while (transactionBytes < bytesPerTransaction && indexedInTransaction < messagesPerTransaction) {
            const std::vector<Waiting> batch = waiting(through, messagesPerBatch);
            if (!m_error.isEmpty())
                return fail();
            if (batch.empty()) // none left (maybe another connection indexed them meanwhile)
                break;
            // The texts read ahead are this batch's only if no other connection changed its messages since.
            std::vector<QByteArray> batchTexts;
            if (readAheadTexts) {
                batchTexts = readAheadTexts->result();
                readAheadTexts.reset();
            }
            if (readAhead != batch)
                batchTexts.clear();
            readAhead = waiting(batch.back().id, messagesPerBatch);
            if (!m_error.isEmpty())
                return fail();
            if (!readAhead.empty() && !path.isEmpty())
                readAheadTexts = QtConcurrent::run(&reading, &MessageIndex::texts, path, readAhead, readAheadBytes);
            for (size_t i = 0; i < batch.size(); ++i) {
                insert.bind(1, batch[i].id);
                if (i < batchTexts.size()) {
                    transactionBytes += batchTexts[i].size();
                    insert.bind(2, batchTexts[i]);
                    batchTexts[i] = QByteArray();
                } else {
                    const QByteArray text = this->text(batch[i].sampleId, batch[i].chunk, batch[i].slot).toUtf8();
                    transactionBytes += text.size();
                    insert.bind(2, text);
                }
                if (!insert.exec())
                    return fail();
            }
            through = batch.back().id;
            indexedInTransaction += qint64(batch.size());
        }
        if (indexedInTransaction == 0) {
            m_db.exec("ROLLBACK");
            break;
        }
        SqliteStatement advance(m_db, "UPDATE search_progress SET indexed_through = ?");
        advance.bind(1, through);
        if (!advance.exec() || !m_db.exec("COMMIT"))
            return fail();
        done += indexedInTransaction;
        stopped = progress && !progress(std::min(done, total), total);
    }
    return true;
}

std::vector<qint64> MessageIndex::withPhrases(const SearchQuery& query, std::vector<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    std::vector<qint64> matching;
    // FTS5 itself says which texts hold the phrases, as the index would have with positions: the same tokenizer, the
    // same rules for a phrase and a prefix. The texts are indexed in memory a batch at a time, with their positions.
    SqliteDb texts;
    if (!texts.open(QStringLiteral(":memory:"))
        || !texts.exec("CREATE VIRTUAL TABLE texts USING fts5(text, content='', detail=full)")) {
        m_error = texts.errorString();
        return {};
    }
    SqliteStatement insert(texts, "INSERT INTO texts (rowid, text) VALUES (?, ?)");
    SqliteStatement match(texts, "SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rowid");
    constexpr qsizetype bytesAtOnce = 16 << 20;
    qsizetype bytes = 0;
    const auto matchBatch = [&] {
        match.bind(1, query.match());
        while (match.step())
            matching.push_back(match.integer(0));
        match.reset();
        bytes = 0;
        return !match.failed() && texts.exec("INSERT INTO texts (texts) VALUES ('delete-all')");
    };
    for (const qint64 id : ids) {
        const QByteArray text = this->text(id).toUtf8();
        bytes += text.size();
        insert.bind(1, id);
        insert.bind(2, text);
        if (!insert.exec() || (bytes >= bytesAtOnce && !matchBatch())) {
            m_error = texts.errorString();
            return {};
        }
    }
    if (bytes > 0 && !matchBatch()) {
        m_error = texts.errorString();
        return {};
    }
    std::sort(matching.begin(), matching.end());
    return matching;
}

std::vector<SearchHit> MessageIndex::search(const QString& words, qint64 sampleId, int limit)
{
    return find(SearchQuery(words), sampleId, limit).hits;
}

SearchResult MessageIndex::find(
    const SearchQuery& query, qint64 sampleId, int limit, const std::function<bool()>& cancelled)
{
    SearchResult result;
    if (!query.isValid()) {
        result.error = query.errorString();
        return result;
    }
    if (query.isEmpty())
        return result;
    const auto stopped = [&cancelled] { return cancelled && cancelled(); };
    m_db.setStop(cancelled);
    const auto noStop = qScopeGuard([this] { m_db.setStop({}); });
    // The index holds a message once; a hit is every place it is in: the message and its copies. It keeps no
    // positions, so it has no ranking to order by (FTS5's bm25 is 0 for every message), and a phrase's hits are found
    // by its words, then checked a batch at a time until there are enough.
    const bool checkPhrases = query.hasPhrase();
    SqliteStatement find(m_db, R"sql(SELECT m.id, m.sample_id, m.event_seq, m.role, f.rowid FROM messages_fts f
        JOIN messages m ON m.id = f.rowid OR m.copy_of = f.rowid WHERE messages_fts MATCH ?1
        AND (?2 = 0 OR m.sample_id = ?2) ORDER BY m.id LIMIT ?3)sql");
    find.bind(1, query.wordsMatch());
    find.bind(2, sampleId);
    find.bind(3, checkPhrases ? -1 : limit);
    constexpr size_t checkedAtOnce = 256;
    std::vector<std::pair<SearchHit, qint64>> unchecked; // and the indexed message whose text it has
    const auto check = [&] {
        std::vector<qint64> ids;
        ids.reserve(unchecked.size());
        for (const auto& found : unchecked)
            ids.push_back(found.second);
        const std::vector<qint64> matching = withPhrases(query, std::move(ids));
        for (auto& [hit, indexed] : unchecked) {
            if (int(result.hits.size()) < limit && std::binary_search(matching.begin(), matching.end(), indexed))
                result.hits.push_back(std::move(hit));
        }
        unchecked.clear();
    };
    m_error.clear();
    while (int(result.hits.size()) < limit && m_error.isEmpty() && find.step()) {
        SearchHit hit;
        hit.messageId = find.integer(0);
        hit.sampleId = find.integer(1);
        hit.eventSeq = find.isNull(2) ? -1 : int(find.integer(2));
        hit.role = find.text(3);
        if (!checkPhrases) {
            result.hits.push_back(hit);
            continue;
        }
        unchecked.emplace_back(std::move(hit), find.integer(4));
        if (unchecked.size() >= checkedAtOnce)
            check();
    }
    if (!unchecked.empty() && !find.failed() && m_error.isEmpty())
        check();
    if (!m_error.isEmpty() && !stopped()) {
        result.hits.clear();
        result.error = m_error;
        return result;
    }
    if (find.failed()) {
        result.hits.clear();
        result.cancelled = m_db.wasInterrupted() || stopped();
        if (!result.cancelled)
            result.error = m_db.errorString();
        return result;
    }
    // The index holds no text: snippets come from the messages themselves, around the first word found.
    const QStringList words = query.words();
    for (SearchHit& hit : result.hits) {
        if (stopped()) {
            result.hits.clear();
            result.cancelled = true;
            return result;
        }
        hit.snippet = snippet(this->text(hit.messageId), words);
    }
    // A sample's error (its message and traceback) is found as its messages are, before them: what a sample ended on.
    std::vector<SearchHit> errors = findErrors(query, sampleId, limit);
    if (!m_error.isEmpty() || stopped()) {
        result.hits.clear();
        result.cancelled = m_db.wasInterrupted() || stopped();
        if (!result.cancelled)
            result.error = m_error;
        return result;
    }
    result.hits = errorsFirst(std::move(errors), std::move(result.hits), words, limit);
    return result;
}

std::vector<SearchHit> MessageIndex::errorsFirst(
    std::vector<SearchHit> errors, std::vector<SearchHit> hits, const QStringList& words, int limit)
{
    if (errors.empty())
        return hits;
    for (SearchHit& hit : errors)
        hit.snippet = snippet(hit.snippet, words);
    errors.insert(errors.end(), hits.begin(), hits.end());
    if (int(errors.size()) > limit)
        errors.resize(size_t(limit));
    return errors;
}

QString MessageIndex::snippet(const QString& text, const QStringList& words)
{
    qsizetype at = -1, length = 0;
    for (const QString& word : words) {
        const qsizetype found = text.indexOf(word, 0, Qt::CaseInsensitive);
        if (found >= 0 && (at < 0 || found < at)) {
            at = found;
            length = word.size();
        }
    }
    if (at < 0)
        return oneLine(text, 120);
    const qsizetype from = std::max<qsizetype>(0, at - 60);
    const QString around = (from > 0 ? QStringLiteral("\u2026") : QString()) + text.mid(from, at - from)
        + QLatin1Char('[') + text.mid(at, length) + QLatin1Char(']') + text.mid(at + length, 60);
    return around.simplified();
}

std::vector<SearchHit> MessageIndex::findErrors(const SearchQuery& query, qint64 sampleId, int limit)
{
    m_error.clear();
    // The step is the sample's last error event, when its log has one.
    SqliteStatement find(m_db, R"sql(SELECT s.id, (SELECT json_extract(st.seqs, '$[#-1]') FROM event_steps st
        WHERE st.sample_id = s.id AND st.type = 'error'), s.error, s.error_traceback FROM sample_errors_fts e
        JOIN samples s ON s.id = e.rowid WHERE sample_errors_fts MATCH ?1 AND (?2 = 0 OR s.id = ?2)
        ORDER BY e.rank, s.id LIMIT ?3)sql");
    find.bind(1, query.match());
    find.bind(2, sampleId);
    find.bind(3, limit);
    std::vector<SearchHit> hits;
    while (find.step()) {
        SearchHit hit;
        hit.sampleId = find.integer(0);
        hit.eventSeq = find.isNull(1) ? -1 : int(find.integer(1));
        hit.role = tr("sample error");
        hit.snippet = find.text(2);
        if (!find.isNull(3))
            hit.snippet += QLatin1Char('\n') + find.text(3);
        hits.push_back(hit);
    }
    if (find.failed()) {
        m_error = m_db.errorString();
        hits.clear();
    }
    return hits;
}

std::vector<int> MessageIndex::steps(const SearchQuery& query, qint64 sampleId, const std::function<bool()>& cancelled,
    const StepsProgress& progress, int parts)
{
    if (!query.isValid() || query.isEmpty())
        return {};
    const auto stopped = [&cancelled] { return cancelled && cancelled(); };
    m_db.setStop(cancelled);
    const auto noStop = qScopeGuard([this] { m_db.setStop({}); });
    // A message and its copies are of one sample: the index's rows of this sample lie between its least and greatest
    // message ids, and a sample's part of a store of many is read alone.
    SqliteStatement range(m_db, "SELECT MIN(id), MAX(id) FROM messages WHERE sample_id = ?");
    range.bind(1, sampleId);
    const bool hasMessages = range.step() && !range.isNull(0);
    const qint64 least = hasMessages ? range.integer(0) : 0;
    const qint64 greatest = hasMessages ? range.integer(1) : -1;
    // Each message the index holds is found by its id, and its copies through their index (the `+` keeps SQLite from
    // going through the sample's messages instead, for each of them: 2.6 s for 39 hits on the monster sample).
    SqliteStatement find(m_db, R"sql(SELECT DISTINCT m.event_seq, f.rowid FROM messages_fts f JOIN messages m
        ON m.id = f.rowid OR m.copy_of = f.rowid WHERE messages_fts MATCH ?1 AND f.rowid BETWEEN ?2 AND ?3
        AND +m.sample_id = ?4 AND m.event_seq IS NOT NULL)sql");
    const QString match = query.wordsMatch();
    parts = std::max(1, parts);
    const qint64 span = greatest - least + 1; // 0 without messages: every part an empty range
    std::vector<std::pair<int, qint64>> found; // step, and the indexed message whose text is there
    for (int part = 0; part < parts; ++part) {
        if (stopped())
            return {};
        find.reset();
        find.bind(1, match);
        find.bind(2, least + span * part / parts);
        find.bind(3, least + span * (part + 1) / parts - 1);
        find.bind(4, sampleId);
        while (find.step())
            found.emplace_back(int(find.integer(0)), find.integer(1));
        if (find.failed())
            return {};
        if (progress)
            progress(part + 1, parts);
    }
    if (query.hasPhrase()) {
        std::vector<qint64> ids;
        ids.reserve(found.size());
        for (const auto& place : found)
            ids.push_back(place.second);
        const std::vector<qint64> matching = withPhrases(query, std::move(ids));
        if (stopped())
            return {};
        std::erase_if(found, [&matching](const std::pair<int, qint64>& place) {
            return !std::binary_search(matching.begin(), matching.end(), place.second);
        });
    }
    std::vector<int> steps;
    steps.reserve(found.size());
    for (const auto& place : found)
        steps.push_back(place.first);
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    // The step of the sample's error, when its error matches.
    for (const SearchHit& error : findErrors(query, sampleId, 1)) {
        if (error.eventSeq >= 0 && !std::binary_search(steps.begin(), steps.end(), error.eventSeq))
            steps.insert(std::lower_bound(steps.begin(), steps.end(), error.eventSeq), error.eventSeq);
    }
    return stopped() ? std::vector<int>() : steps;
}

bool MessageIndex::removeFile(qint64 fileId)
{
    // Only the indexed messages: the index would take a delete of a row it never held as a fault.
    SqliteStatement messages(m_db, R"sql(SELECT m.id FROM messages m JOIN samples s ON s.id = m.sample_id
        JOIN runs r ON r.id = s.run_id WHERE r.file_id = ? AND m.id <= ? AND m.copy_of IS NULL ORDER BY m.id)sql");
    messages.bind(1, fileId);
    messages.bind(2, indexedThrough());
    SqliteStatement remove(m_db, "INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', ?, ?)");
    std::vector<qint64> ids;
    while (messages.step())
        ids.push_back(messages.integer(0));
    // A contentless index forgets a row only when given the very text it indexed.
    for (const qint64 id : ids) {
        remove.bind(1, id);
        remove.bind(2, text(id));
        if (!remove.exec())
            return false;
    }
    return true;
}
