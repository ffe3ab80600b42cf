// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "searchquery.h"

#include <QSet>

#include <algorithm>
#include <charconv>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {
/// True when `text` holds a character FTS5's unicode61 tokenizer keeps: a term of punctuation alone would be an
/// empty phrase, which matches nothing.
bool hasToken(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetterOrNumber(); });
}
}

SearchQuery::SearchQuery(const QString& text)
{
    if (text.size() > maxCharacters) {
        m_error = tr("The search is %1 characters long; at most %2 are searched. Shorten it.")
                      .arg(text.size())
                      .arg(maxCharacters);
        return;
    }
    const qsizetype length = text.size();
    qsizetype at = 0;
    while (at < length) {
        if (text[at].isSpace()) {
            ++at;
            continue;
        }
        QString term;
        if (text[at] == QLatin1Char('"')) {
            // A phrase runs to the next quote, or to the end when it is never closed.
            const qsizetype close = text.indexOf(QLatin1Char('"'), at + 1);
            const qsizetype end = close < 0 ? length : close;
            term = text.mid(at + 1, end - at - 1);
            at = close < 0 ? length : close + 1;
        } else {
            const qsizetype start = at;
            while (at < length && !text[at].isSpace() && text[at] != QLatin1Char('*'))
                ++at;
            term = text.mid(start, at - start);
        }
        bool prefix = false;
        while (at < length && text[at] == QLatin1Char('*')) {
            prefix = true;
            ++at;
        }
        addTerm(std::move(term), prefix);
    }
    if (int(m_terms.size()) > maxTerms) {
        m_error = tr("The search has more than %1 different words or phrases; at most %1 are searched. Leave some out.")
                      .arg(maxTerms);
        m_terms.clear();
    }
}

void SearchQuery::addTerm(QString text, bool prefix)
{
    text = text.simplified();
    if (!hasToken(text))
        return;
    // Linear in the terms so far, and at most maxTerms + 1 are kept: past that the query is refused anyway, and a
    // set of seen terms would cost more than it saves.
    QString folded = text.toCaseFolded();
    for (const Term& term : m_terms) {
        if (term.prefix == prefix && term.folded == folded)
            return;
    }
    if (int(m_terms.size()) > maxTerms)
        return;
    m_terms.push_back({ std::move(text), std::move(folded), prefix });
}

QString SearchQuery::match() const
{
    if (!isValid())
        return {};
    QString expression;
    for (const Term& term : m_terms) {
        if (!expression.isEmpty())
            expression += QLatin1Char(' ');
        expression += QLatin1Char('"') + QString(term.text).replace(QLatin1Char('"'), QLatin1String("\"\""))
            + QLatin1Char('"');
        if (term.prefix)
            expression += QLatin1Char('*');
    }
    return expression;
}

namespace {
/// `text` case folded with every character that is not a letter or a digit a space.
QString foldedWords(const QString& text)
{
    QString folded = text.toCaseFolded();
    for (QChar& c : folded) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char(' ');
    }
    return folded;
}
}

QString SearchQuery::wordsMatch() const
{
    if (!isValid())
        return {};
    QString expression;
    // A word is searched once, however many terms hold it (a phrase repeating one word, say): see the class.
    QSet<QString> seen;
    for (const Term& term : m_terms) {
        const QStringList words = foldedWords(term.text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < words.size(); ++i) {
            // The words hold letters and digits only: quoted, nothing in them is FTS5 syntax.
            QString word = QLatin1Char('"') + words[i] + QLatin1Char('"');
            if (term.prefix && i == words.size() - 1)
                word += QLatin1Char('*');
            if (seen.contains(word))
                continue;
            if (!expression.isEmpty())
                expression += QLatin1Char(' ');
            expression += word;
            seen.insert(word);
        }
    }
    return expression;
}

bool SearchQuery::hasPhrase() const
{
    return std::any_of(m_terms.begin(), m_terms.end(),
        [](const Term& term) { return foldedWords(term.text).split(QLatin1Char(' '), Qt::SkipEmptyParts).size() > 1; });
}

QString SearchQuery::tsquery() const
{
    if (!isValid())
        return {};
    QString expression;
    for (const Term& term : m_terms) {
        const QStringList words = foldedWords(term.text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        if (!expression.isEmpty())
            expression += QLatin1String(" & ");
        // The words hold letters and digits only: quoted, nothing in them is tsquery syntax.
        expression += QLatin1Char('(');
        for (qsizetype i = 0; i < words.size(); ++i)
            expression += (i > 0 ? QLatin1String(" <-> '") : QLatin1String("'")) + words[i] + QLatin1Char('\'');
        if (term.prefix)
            expression += QLatin1String(":*");
        expression += QLatin1Char(')');
    }
    return expression;
}

QByteArray SearchQuery::tsvector(const QString& text)
{
    constexpr int lastPosition = 16383;
    constexpr int maxPositions = 256;
    constexpr size_t maxWordBytes = 2046;
    // Worked on in UTF-8, the words as views into it: a long tool output has tens of thousands of words. Each word is
    // numbered where it first appears and each place noted beside its number, in one array: no allocation a word or
    // a place (they were most of the time a copy into PostgreSQL took).
    const QByteArray folded = foldedWords(text.left(maxIndexed)).toUtf8();
    const std::string_view all(folded.constData(), size_t(folded.size()));
    std::unordered_map<std::string_view, int> index; // word -> its number
    index.reserve(1024);
    std::vector<std::string_view> words; // by number
    std::vector<std::pair<int, int>> places; // word number, position
    places.reserve(size_t(folded.size() / 6));
    int position = 0;
    size_t at = 0;
    while (at < all.size()) {
        if (all[at] == ' ') {
            ++at;
            continue;
        }
        const size_t end = std::min(all.find(' ', at), all.size());
        const std::string_view word = all.substr(at, end - at);
        at = end;
        position = std::min(position + 1, lastPosition);
        if (word.size() > maxWordBytes)
            continue;
        const auto [found, added] = index.try_emplace(word, int(words.size()));
        if (added)
            words.push_back(word);
        places.emplace_back(found->second, position);
    }
    // The places grouped by word, in order (a counting sort).
    std::vector<int> starts(words.size() + 1, 0);
    for (const auto& place : places)
        ++starts[size_t(place.first) + 1];
    for (size_t i = 1; i < starts.size(); ++i)
        starts[i] += starts[i - 1];
    std::vector<int> positions(places.size());
    std::vector<int> next(starts.begin(), starts.end() - 1);
    for (const auto& [word, place] : places)
        positions[size_t(next[size_t(word)]++)] = place;
    QByteArray vector;
    vector.reserve(folded.size() + folded.size() / 2);
    char digits[16];
    for (size_t word = 0; word < words.size(); ++word) {
        if (!vector.isEmpty())
            vector += ' ';
        vector += '\'';
        vector.append(words[word].data(), qsizetype(words[word].size()));
        vector += "':";
        // A word's first places, each once (past the last position they are all that one).
        int kept = 0;
        int last = 0;
        for (int i = starts[word]; i < starts[word + 1] && kept < maxPositions; ++i) {
            if (kept > 0 && positions[size_t(i)] == last)
                continue;
            last = positions[size_t(i)];
            if (kept++ > 0)
                vector += ',';
            const auto written = std::to_chars(digits, digits + sizeof(digits), last);
            vector.append(digits, qsizetype(written.ptr - digits));
        }
    }
    return vector;
}

QStringList SearchQuery::words() const
{
    QStringList words;
    for (const Term& term : m_terms) {
        QString word;
        for (const QChar c : term.text) {
            if (c.isLetterOrNumber()) {
                word += c;
            } else if (!word.isEmpty()) {
                words << word;
                word.clear();
            }
        }
        if (!word.isEmpty())
            words << word;
    }
    return words;
}
