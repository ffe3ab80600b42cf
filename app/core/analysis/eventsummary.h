// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QCoreApplication>
#include <QString>

/// An event's one-line summary as the store keeps it: language-neutral, so that a German window and an English
/// command line write the same store. Summaries made only of the log's own text (a tool call and its arguments)
/// are kept as they are; those that need words of Runlens's own (a compaction's "tokens") are kept as fields,
/// and phrased in the reader's language when shown.
class EventSummary {
    Q_DECLARE_TR_FUNCTIONS(EventSummary)

public:
    static QString modelError(const QString& error);
    static QString score(const QString& valueJson, bool intermediate, const QString& explanation);
    static QString compaction(const QString& type, const QString& tokensBefore, const QString& tokensAfter);
    static QString limit(const QString& type, const QString& message);
    static QString changes(int count);
    static QString approval(const QString& decision, const QString& approver);
    /// An event of a type this version does not know: kept as a generic row, its summary naming the type.
    static QString unknownType(const QString& type);

    /// A stored summary as the reader reads it, in the language installed now.
    static QString phrase(const QString& stored);
};
