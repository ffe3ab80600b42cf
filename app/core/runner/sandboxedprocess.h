// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/// Limits put on every process the runner starts.
struct SandboxLimits {
    double timeoutSeconds = 10.0; ///< wall clock; the CPU limit is one second more
    qint64 memoryBytes = qint64(1) << 30; ///< address space
    qint64 fileSizeBytes = qint64(64) << 20; ///< largest file it may write
    int processes = 64; ///< processes of the sandbox user (when the runner can switch to one)
    qint64 outputBytes = qint64(8) << 20; ///< per stream; more stops the process
    bool isolateNetwork = true;
};

/// How a sandboxed process ended.
struct ProcessOutcome {
    enum Stop { Exited, Timeout, OutputLimit, Signal, CpuLimit, FileSizeLimit, MemoryLimit, StartFailed };
    Stop stop = StartFailed;
    int exitCode = -1;
    int signal = 0;
    QByteArray stdoutData;
    QByteArray stderrData;
    double seconds = 0;
    qint64 maxResidentKb = 0;
    QString error; ///< why it could not start

    /// A few words a researcher reads in a results table: "exit 1", "timeout", "memory limit"...
    QString describe() const;
};

/// Runs one program in a directory as a real process: its own process group (so it and everything it forks
/// can be stopped), a scrubbed environment, resource limits, no network where the system allows a new
/// network namespace, and, when started as root, an unprivileged user so that it cannot write outside
/// its directory or fork without end. Thread-safe: several may run at once.
class SandboxedProcess {
public:
    static ProcessOutcome run(const QStringList& command, const QString& workDirectory, const QByteArray& stdinData,
        const SandboxLimits& limits);

    /// Whether a new network namespace can be made here (probed once).
    static bool networkIsolationAvailable();
    /// Lets the sandbox user traverse and read `directory` (not write it): where its tests' own folders lie.
    static bool openToSandboxUser(const QString& directory);
    /// Whether processes run as an unprivileged user (the runner was started as root).
    static bool dropsPrivileges();
    /// The user id the sandboxed processes run as.
    static uint sandboxUserId();
};
