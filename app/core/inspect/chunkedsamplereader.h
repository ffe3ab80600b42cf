// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "archive/zipreader.h"
#include "importoptions.h"
#include "logsink.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <vector>

/// The members of one sample stored in Inspect's chunked layout (log version 3): a shell `sample.json`, an optional
/// `metadata.json`, and four sequences (messages, events, calls, attachments) cut into chunks named by the index of
/// their first item, all under `samples/{id}_epoch_{epoch}/`.
struct ChunkedSampleEntries {
    struct Chunk {
        qint64 start = 0; ///< index of the chunk's first item
        const ZipReader::Entry* entry = nullptr;
    };
    QString prefix; ///< `samples/{id}_epoch_{epoch}`
    QString id;
    int epoch = 0;
    const ZipReader::Entry* shell = nullptr;
    const ZipReader::Entry* metadata = nullptr;
    std::vector<Chunk> messages; ///< each sequence sorted by start
    std::vector<Chunk> events;
    std::vector<Chunk> calls;
    std::vector<Chunk> attachments;
    qint64 bytes = 0; ///< uncompressed bytes of the members read, for progress
    int firstIndex = 0; ///< central-directory position of its first member
};

/// Gathers the chunked samples of an archive from its member names, as Inspect's readers decide the shape of each
/// sample: a member under `samples/{id}_epoch_{epoch}/` belongs to a chunked sample.
class ChunkedSampleIndex {
    Q_DECLARE_TR_FUNCTIONS(ChunkedSampleIndex)

public:
    /// True when `entry` belongs to a chunked sample (it is then kept); false when it is no part of one. A chunk
    /// named against the layout's rules is a fault (errorString() set).
    bool add(const ZipReader::Entry& entry);
    /// Checks every sample found: a shell, chunk names without gaps at the start. False with errorString() set.
    bool finish();
    QString errorString() const { return m_error; }
    /// Members under a sample's folder that the layout does not know (read past, as Inspect's readers do).
    QStringList ignored() const { return m_ignored; }
    /// The samples, in the order their first members appear in the archive.
    std::vector<ChunkedSampleEntries> samples() const;
    bool isEmpty() const { return m_samples.empty(); }

private:
    bool fail(const QString& message);

    std::map<QString, ChunkedSampleEntries> m_samples;
    QStringList m_ignored;
    QString m_error;
};

/// Reads one chunked sample into a LogSink, giving the same rows as the sample's single-member form: it assembles
/// the sample's members into the stream of one EvalSample (shell, metadata, events, attachments, the message and
/// call sequences as the pools `events_data` holds, then the final conversation that `message_refs` names) and
/// parses that with the SampleParser the single-member form goes through. Each member is decompressed once; a
/// member read out of archive order costs one reopening of the archive.
class ChunkedSampleReader {
    Q_DECLARE_TR_FUNCTIONS(ChunkedSampleReader)

public:
    /// Told of each block of decompressed bytes; false cancels.
    using Advance = std::function<bool(qint64 bytes)>;

    /// Largest shell or metadata member read whole; the sequences are streamed at any size.
    static constexpr qint64 maxWholeMemberBytes = 256LL << 20;
    /// Messages of the final conversation at most (`message_refs` expanded).
    static constexpr qint64 maxFinalMessages = 10'000'000;

    ChunkedSampleReader(ZipReader& zip, LogSink& sink, const ImportOptions& options, const QString& legacyScorer);

    bool read(const ChunkedSampleEntries& sample, const Advance& advance);
    QString errorString() const { return m_error; }
    bool cancelled() const { return m_cancelled; }

private:
    QString m_error;
    bool m_cancelled = false;
    ZipReader& m_zip;
    LogSink& m_sink;
    const ImportOptions& m_options;
    QString m_legacyScorer;
};
