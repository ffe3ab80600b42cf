// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "importoptions.h"
#include "logsink.h"
#include <QCoreApplication>

#include <QString>
#include <functional>

/// Reads an Inspect eval log (`.eval` zip, or a `.json` log under any extension) into a LogSink, streaming:
/// samples are cut into events and messages as they are decompressed and parsed.
class InspectLogReader {
    Q_DECLARE_TR_FUNCTIONS(InspectLogReader)

public:
    /// Called as input is consumed; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    explicit InspectLogReader(const ImportOptions& options = {});

    /// Reads `path` into `sink`. False with errorString() naming the fault (the caller names the file).
    bool read(const QString& path, LogSink& sink, const Progress& progress = {});
    QString errorString() const { return m_error; }
    /// Warnings that did not stop the read (an unexpected version in a .eval, say).
    QStringList warnings() const { return m_warnings; }
    bool wasCancelled() const { return m_cancelled; }

    static constexpr int newestLogVersion = 2;

private:
    bool readFile(const QString& path, LogSink& sink, const Progress& progress);
    bool readEval(const QString& path, LogSink& sink, const Progress& progress);
    bool readJson(const QString& path, LogSink& sink, const Progress& progress);
    bool fail(const QString& message);

    ImportOptions m_options;
    QString m_error;
    QStringList m_warnings;
    bool m_cancelled = false;
};
