// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "testcgroup.h"

#include <QFile>
#include <QStringList>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace {
/// The runner's own group in one hierarchy, and the controllers it offers there.
struct Hierarchy {
    QString base;
    QStringList controllers;
    bool unified = false;
};

QByteArray readSmall(const QString& path)
{
    const int fd = open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return {};
    QByteArray data;
    char buffer[4096];
    for (ssize_t n = read(fd, buffer, sizeof buffer); n > 0; n = read(fd, buffer, sizeof buffer))
        data.append(buffer, n);
    close(fd);
    return data;
}

bool writeSmall(const QString& path, const QByteArray& value)
{
    const int fd = open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool written = write(fd, value.constData(), size_t(value.size())) == value.size();
    close(fd);
    return written;
}

/// The number after `key` in a "key value" a line file (pids.events, memory.events, cpu.stat, memory.oom_control).
qint64 keyed(const QString& path, const QByteArray& key)
{
    for (const QByteArray& line : readSmall(path).split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() == 2 && parts[0] == key)
            return parts[1].toLongLong();
    }
    return 0;
}

/// The hierarchies this process belongs to, from /proc/self/cgroup and where they are mounted.
std::vector<Hierarchy> findHierarchies()
{
    struct Mount {
        QString root, point;
        QStringList options;
        bool unified;
    };
    std::vector<Mount> mounts;
    for (const QByteArray& line : readSmall(QStringLiteral("/proc/self/mountinfo")).split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        const qsizetype dash = fields.indexOf("-");
        if (dash < 5 || dash + 3 >= fields.size())
            continue;
        const QByteArray& type = fields[dash + 1];
        if (type != "cgroup" && type != "cgroup2")
            continue;
        mounts.push_back({ QString::fromUtf8(fields[3]), QString::fromUtf8(fields[4]),
            QString::fromUtf8(fields[dash + 3]).split(QLatin1Char(',')), type == "cgroup2" });
    }
    std::vector<Hierarchy> found;
    for (const QByteArray& line : readSmall(QStringLiteral("/proc/self/cgroup")).split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 3)
            continue;
        const bool unified = fields[0] == "0" && fields[1].isEmpty();
        const QStringList controllers = QString::fromUtf8(fields[1]).split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QString own = QString::fromUtf8(fields.mid(2).join(':'));
        for (const Mount& mount : mounts) {
            if (mount.unified != unified)
                continue;
            if (!unified && !std::all_of(controllers.begin(), controllers.end(), [&](const QString& controller) {
                    return mount.options.contains(controller);
                }))
                continue;
            QString relative = own;
            if (mount.root != QLatin1String("/")) {
                if (!own.startsWith(mount.root))
                    continue;
                relative = own.mid(mount.root.size());
            }
            Hierarchy hierarchy { mount.point + relative, controllers, unified };
            if (unified) {
                hierarchy.controllers
                    = QString::fromUtf8(readSmall(hierarchy.base + QStringLiteral("/cgroup.controllers")))
                          .simplified()
                          .split(QLatin1Char(' '), Qt::SkipEmptyParts);
            }
            found.push_back(hierarchy);
            break;
        }
    }
    return found;
}

/// Where a group for `controller` is made: a v1 hierarchy of its own, else the unified one.
const Hierarchy* hierarchyFor(const std::vector<Hierarchy>& hierarchies, const QString& controller)
{
    for (const Hierarchy& hierarchy : hierarchies) {
        if (!hierarchy.unified && hierarchy.controllers.contains(controller))
            return &hierarchy;
    }
    for (const Hierarchy& hierarchy : hierarchies) {
        if (hierarchy.unified && (controller == QLatin1String("cpuacct") || hierarchy.controllers.contains(controller)))
            return &hierarchy;
    }
    return nullptr;
}

const std::vector<Hierarchy>& hierarchies()
{
    static const std::vector<Hierarchy> found = [] {
        std::vector<Hierarchy> all = findHierarchies();
        // Under v2 a child group only has the controllers its parent hands down.
        for (const Hierarchy& hierarchy : all) {
            if (hierarchy.unified)
                writeSmall(hierarchy.base + QStringLiteral("/cgroup.subtree_control"), "+pids +memory +cpu");
        }
        return all;
    }();
    return found;
}

std::atomic<int> groupCount { 0 };
}

TestCgroup::Support TestCgroup::support()
{
    static std::once_flag probed;
    static Support support;
    std::call_once(probed, [] {
        TestCgroup probe;
        if (!probe.create(64, qint64(64) << 20))
            return;
        support.processes = !probe.m_processes.isEmpty();
        support.memory = !probe.m_memory.isEmpty();
        support.cpu = !probe.m_cpu.isEmpty();
        support.version = probe.m_version;
    });
    return support;
}

TestCgroup::~TestCgroup()
{
    remove();
}

bool TestCgroup::create(int processes, qint64 memoryBytes)
{
    const QString name = QStringLiteral("/runlens-%1-%2").arg(getpid()).arg(groupCount++);
    const auto make = [&](const QString& controller, const QString& probeFile) -> QString {
        const Hierarchy* hierarchy = hierarchyFor(hierarchies(), controller);
        if (!hierarchy)
            return {};
        QString folder = hierarchy->base + name;
        if (std::find(m_folders.begin(), m_folders.end(), folder) == m_folders.end()) {
            if (mkdir(QFile::encodeName(folder).constData(), 0755) != 0)
                return {};
            m_folders.push_back(folder);
            const int fd
                = open(QFile::encodeName(folder + QStringLiteral("/cgroup.procs")).constData(), O_WRONLY | O_CLOEXEC);
            if (fd >= 0)
                m_join.push_back(fd);
        }
        if (!QFile::exists(folder + probeFile))
            return {};
        m_version = hierarchy->unified ? 2 : std::max(m_version, 1);
        return folder;
    };
    m_processes = make(QStringLiteral("pids"), QStringLiteral("/pids.max"));
    if (!m_processes.isEmpty() && !writeSmall(m_processes + QStringLiteral("/pids.max"), QByteArray::number(processes)))
        m_processes.clear();
    const bool unifiedMemory = hierarchyFor(hierarchies(), QStringLiteral("memory"))
        && hierarchyFor(hierarchies(), QStringLiteral("memory"))->unified;
    m_memory = make(QStringLiteral("memory"),
        unifiedMemory ? QStringLiteral("/memory.max") : QStringLiteral("/memory.limit_in_bytes"));
    if (!m_memory.isEmpty()) {
        const QByteArray bytes = QByteArray::number(memoryBytes);
        bool limited = false;
        if (unifiedMemory) {
            limited = writeSmall(m_memory + QStringLiteral("/memory.max"), bytes);
            writeSmall(m_memory + QStringLiteral("/memory.swap.max"), "0");
        } else {
            limited = writeSmall(m_memory + QStringLiteral("/memory.limit_in_bytes"), bytes);
            // Memory and swap together, where the kernel accounts swap.
            writeSmall(m_memory + QStringLiteral("/memory.memsw.limit_in_bytes"), bytes);
        }
        if (!limited)
            m_memory.clear();
    }
    const Hierarchy* cpu = hierarchyFor(hierarchies(), QStringLiteral("cpuacct"));
    m_cpu = make(QStringLiteral("cpuacct"),
        cpu && cpu->unified ? QStringLiteral("/cpu.stat") : QStringLiteral("/cpuacct.usage"));
    if (m_processes.isEmpty() && m_memory.isEmpty() && m_cpu.isEmpty()) {
        remove();
        return false;
    }
    return true;
}

double TestCgroup::cpuSeconds() const
{
    if (m_cpu.isEmpty())
        return 0;
    if (m_version == 2 && QFile::exists(m_cpu + QStringLiteral("/cpu.stat")))
        return double(keyed(m_cpu + QStringLiteral("/cpu.stat"), "usage_usec")) / 1e6;
    return double(readSmall(m_cpu + QStringLiteral("/cpuacct.usage")).trimmed().toLongLong()) / 1e9;
}

bool TestCgroup::memoryLimitHit() const
{
    if (m_memory.isEmpty())
        return false;
    if (QFile::exists(m_memory + QStringLiteral("/memory.events")))
        return keyed(m_memory + QStringLiteral("/memory.events"), "oom_kill") > 0;
    return keyed(m_memory + QStringLiteral("/memory.oom_control"), "oom_kill") > 0;
}

bool TestCgroup::memoryLimitReached() const
{
    if (m_memory.isEmpty())
        return false;
    if (QFile::exists(m_memory + QStringLiteral("/memory.events")))
        return keyed(m_memory + QStringLiteral("/memory.events"), "max") > 0;
    return readSmall(m_memory + QStringLiteral("/memory.failcnt")).trimmed().toLongLong() > 0;
}

bool TestCgroup::processLimitHit() const
{
    return !m_processes.isEmpty() && keyed(m_processes + QStringLiteral("/pids.events"), "max") > 0;
}

void TestCgroup::killAll()
{
    for (const QString& folder : m_folders)
        writeSmall(folder + QStringLiteral("/cgroup.kill"), "1");
    // Without cgroup.kill (v1, older kernels): kill what is listed until nothing is (a fork may race a pass).
    for (int pass = 0; pass < 500; ++pass) {
        bool any = false;
        for (const QString& folder : m_folders) {
            for (const QByteArray& pid : readSmall(folder + QStringLiteral("/cgroup.procs")).split('\n')) {
                if (pid.isEmpty())
                    continue;
                any = true;
                kill(pid_t(pid.toInt()), SIGKILL);
            }
        }
        if (!any)
            return;
        usleep(1000);
    }
}

void TestCgroup::remove()
{
    for (const int fd : m_join)
        close(fd);
    m_join.clear();
    for (const QString& folder : m_folders) {
        // A group empties a moment after its last process is reaped.
        for (int attempt = 0; attempt < 200; ++attempt) {
            if (rmdir(QFile::encodeName(folder).constData()) == 0 || errno != EBUSY)
                break;
            usleep(5000);
        }
    }
    m_folders.clear();
    m_processes.clear();
    m_memory.clear();
    m_cpu.clear();
}
