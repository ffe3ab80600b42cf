// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "zipstreamwriter.h"

#include <QCoreApplication>
#include <QStringList>
#include <functional>

struct SynthOptions {
    QString outputDirectory;
    quint64 seed = 1;
    int epochs = 2;
    ZipStreamWriter::Compression compression = ZipStreamWriter::Compression::Zstd;
    bool monster = false; ///< one sample at the scale of the largest known MirrorCode sample
    bool chunked = false; ///< samples in Inspect's chunked layout (log version 3) instead of one member each
    int chunkItems = 1000; ///< chunked: items of a messages or events chunk
    qint64 chunkBytes = 10LL << 20; ///< chunked: bytes of an attachments chunk
    int scaleRuns = 0; ///< instead of the demo: this many runs of `samplesPerRun` small samples
    int samplesPerRun = 10;
    QStringList models; ///< default: the three of the MirrorCode leaderboard
    /// Scores as dicts of visible and held-out pass fractions, and one EvalScore a key in the header, as Inspect
    /// writes a scorer whose value is a dict (instead of C or I)
    bool dictScores = false;
};

struct SynthReport {
    QStringList files;
    QStringList suites;
    int samples = 0;
    qint64 events = 0;
    qint64 messages = 0;
    qint64 attachments = 0;
    int compactions = 0;
    qint64 jsonBytes = 0;
    qint64 archiveBytes = 0;
    double seconds = 0;
};

/// Writes MirrorCode-shaped Inspect eval logs: the demo (three models, the 25 targets, several epochs, the demo
/// programs with real code and their test suites), the monster sample, or a store-sized set of small runs.
/// Deterministic for a seed.
class MirrorCodeSynth {
    Q_DECLARE_TR_FUNCTIONS(MirrorCodeSynth)

public:
    /// Called after each file; return false to stop.
    using Progress = std::function<bool(const QString& file)>;

    bool run(const SynthOptions& options, SynthReport& report, const Progress& progress = {});
    QString errorString() const { return m_error; }

    static QStringList defaultModels();

private:
    bool fail(const QString& message);
    QString m_error;
};
