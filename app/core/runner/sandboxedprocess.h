// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

/// Limits put on every test the runner starts: per test (all its processes together) where the system allows.
struct SandboxLimits {
    double timeoutSeconds = 10.0; ///< wall clock
    double cpuSeconds = 0; ///< CPU time of all the test's processes together; 0: as many as timeoutSeconds
    qint64 memoryBytes = qint64(1) << 30; ///< memory of all its processes (address space of each without a cgroup)
    qint64 fileSizeBytes = qint64(64) << 20; ///< largest file it may write
    qint64 diskBytes = qint64(256) << 20; ///< size of each of its tmpfs: work folder, /tmp, /var/tmp, /dev/shm
    int processes = 64; ///< processes and threads at once
    qint64 outputBytes = qint64(8) << 20; ///< per stream; more stops the process
    bool isolateNetwork = true;
};

/// How a sandboxed process ended.
struct ProcessOutcome {
    enum Stop {
        Exited,
        Timeout,
        OutputLimit,
        Signal,
        CpuLimit,
        FileSizeLimit,
        MemoryLimit,
        StartFailed,
        ProcessLimit,
        DiskLimit
    };
    Stop stop = StartFailed;
    int exitCode = -1;
    int signal = 0;
    QByteArray stdoutData;
    QByteArray stderrData;
    double seconds = 0;
    double cpuSeconds = 0; ///< of all its processes, where a cgroup counted them
    qint64 maxResidentKb = 0;
    QString error; ///< why it could not start

    /// A few words a researcher reads in a results table: "exit 1", "timeout", "memory limit"...
    QString describe() const;
};

/// What one sandboxed run is: the program, its input, and the folders it sees.
struct SandboxJob {
    QStringList command;
    QByteArray stdinData;
    QMap<QString, QByteArray> files; ///< relative path -> content: the work folder's files before the start
    QString hostDirectory; ///< without a box: the fresh host folder it runs in, `files` already written there
    QString writableDirectory; ///< a host folder it runs in and may write (a build step) instead of a fresh one
    QStringList readOnly; ///< host folders it may read, at their own paths (the program's own)
    int slot = 0; ///< which of the parallel runs: without a pids cgroup, root gives each slot its own user
};

/// What the sandbox enforces on this system, and what it cannot.
struct SandboxReport {
    bool boxed = false; ///< each test in a bubblewrap box
    QStringList unenforced; ///< short phrases: "network isolation", "per-test memory limit"...
    QString reason; ///< why the box or the groups could not be had
    /// One line: "sandbox: bubblewrap, cgroup v1 (processes, memory, CPU time)" or "cannot enforce: ...".
    QString line() const;
};

/// Runs one program as a real process, each in a bubblewrap box (BubblewrapBox) where the system allows one,
/// with its processes, memory and CPU time limited together by a cgroup of its own (TestCgroup), a CPU time
/// limit, capped output and a wall-clock timeout. The run ends when its main process exits: whatever it left
/// running is killed (the box's PID namespace, the cgroup, its process group), and it is judged on that exit.
/// Where there is no box, it runs in a host folder as a separate user (when started as root) with per-process
/// limits. Thread-safe: several may run at once.
class SandboxedProcess {
public:
    static ProcessOutcome run(const SandboxJob& job, const SandboxLimits& limits);

    /// What is enforced here (probed once per setting).
    static SandboxReport report(bool isolateNetwork);
    /// Whether a new network namespace can be made here (probed once).
    static bool networkIsolationAvailable();
    /// Lets other users traverse and read `directory` (not write it): where the programs under test lie.
    static bool openToSandboxUser(const QString& directory);
    /// The host user id a test of `slot` runs as when it runs without a box (the runner's own when not root).
    static uint sandboxUserId(int slot);
};
