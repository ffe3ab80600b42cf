// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

/// A user's search text as a safe FTS5 MATCH expression. Each word and each "quoted phrase" becomes a quoted FTS5
/// string, so that nothing typed (AND, OR, NOT, NEAR, parentheses, colons, a stray quote) is read as FTS5 syntax;
/// a trailing `*` keeps a word (or a phrase's last word) a prefix. Every term must match. A word typed twice is
/// searched once: FTS5 evaluates each repetition of a term anew, so a query repeating one word costs the square of
/// its length. Reading the text takes time linear in its length.
class SearchQuery {
    Q_DECLARE_TR_FUNCTIONS(SearchQuery)

public:
    /// More terms than this are refused: each adds a full pass over its postings to every search.
    static constexpr int maxTerms = 64;
    /// Longer texts are refused before they are read.
    static constexpr qsizetype maxCharacters = 1000;

    explicit SearchQuery(const QString& text);

    /// True when the text is within the limits (an empty text is valid, and finds nothing).
    bool isValid() const { return m_error.isEmpty(); }
    /// Why the text is refused, for the user.
    QString errorString() const { return m_error; }
    /// True when nothing searchable was typed (only spaces or punctuation).
    bool isEmpty() const { return m_terms.empty(); }
    /// The FTS5 expression; empty when the query is invalid or empty.
    QString match() const;
    /// The same query over an FTS5 index that keeps no positions (detail=none, as the messages' index), which refuses
    /// phrases: every word of every term, each quoted, a prefix's last word with `*`. It finds the texts match() finds
    /// and, when the query has a phrase (hasPhrase()), those holding its words apart too. Empty when match() is.
    QString wordsMatch() const;
    /// True when a term has more than one word: a phrase, whose words must follow one another.
    bool hasPhrase() const;
    /// The same query as a PostgreSQL tsquery literal over the tsvectors of tsvector(): each term's words joined by
    /// `<->` (a phrase), a prefix's last word with `:*`, the terms joined by `&`. Empty when the query is invalid or
    /// empty. Neither side goes through PostgreSQL's parser (which keeps paths, URLs, versions and hyphenated words
    /// whole): words split where SQLite's unicode61 tokenizer splits them.
    QString tsquery() const;
    /// `text`'s words as a PostgreSQL tsvector literal: case folded, split at every character that is not a letter
    /// or a digit, with their positions from 1. As PostgreSQL keeps them: positions past 16383 are 16383 (a phrase
    /// that far into a message is not found), at most 256 of one word, no word over 2046 bytes; and the text is cut
    /// at `maxIndexed` characters, so that the vector stays under its 1 MB limit.
    static QByteArray tsvector(const QString& text);
    static constexpr qsizetype maxIndexed = 200000;
    /// The words to look for in a found message's text, for its snippet.
    QStringList words() const;
    int termCount() const { return int(m_terms.size()); }

private:
    struct Term {
        QString text; ///< as typed, without its quotes and its `*`
        QString folded; ///< case folded, to find repetitions
        bool prefix = false;
    };
    void addTerm(QString text, bool prefix);

    std::vector<Term> m_terms;
    QString m_error;
};
