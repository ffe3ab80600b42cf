// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <vector>

/// One control group for one test, so that its processes, memory and CPU time are counted and limited together,
/// whatever it forks: a pids limit, a memory limit (swap included) and CPU accounting. Works with cgroup v1
/// (a hierarchy a controller) and v2 (one hierarchy), under the runner's own group, as far as this system lets the
/// runner create groups; support() says which limits can be had. Not copyable; removes its group when destroyed.
class TestCgroup {
public:
    /// What the system offers to a test's group (probed once).
    struct Support {
        bool processes = false;
        bool memory = false;
        bool cpu = false;
        int version = 0; ///< 1 or 2, 0 when no group could be made
    };
    static Support support();

    TestCgroup() = default;
    ~TestCgroup();
    TestCgroup(const TestCgroup&) = delete;
    TestCgroup& operator=(const TestCgroup&) = delete;

    /// Makes the group with its limits (processes: at most this many at once; memoryBytes: memory and swap
    /// together). False when no part of it could be made.
    bool create(int processes, qint64 memoryBytes);
    /// One open `cgroup.procs` a hierarchy: a child writes "0" to each to join the group before its exec.
    const std::vector<int>& joinDescriptors() const { return m_join; }

    /// CPU time used by every process the group held, in seconds (0 without CPU accounting).
    double cpuSeconds() const;
    /// Whether the kernel killed a process of the group for its memory limit.
    bool memoryLimitHit() const;
    /// Whether its memory ever reached the limit (the kernel then reclaims, or thrashes, before it kills).
    bool memoryLimitReached() const;
    /// Whether a fork or clone failed at the process limit.
    bool processLimitHit() const;
    /// Kills every process still in the group and waits (briefly) until it is empty.
    void killAll();

private:
    void remove();

    QString m_processes; ///< the group's folder in each hierarchy that holds one of its controllers
    QString m_memory;
    QString m_cpu;
    int m_version = 0;
    std::vector<QString> m_folders; ///< every folder made, once
    std::vector<int> m_join;
};
