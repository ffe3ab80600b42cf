// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sandboxedprocess.h"

#include "bubblewrapbox.h"
#include "testcgroup.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <mutex>
#include <poll.h>
#include <sched.h>
#include <string>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {
constexpr uid_t nobody = 65534;
/// Without a pids cgroup, root runs the tests of parallel slot N as this user + N: a process limit of its own.
constexpr uid_t slotUserBase = 4000000;

void setLimit(int resource, rlim_t value)
{
    const rlimit limit { value, value };
    setrlimit(resource, &limit);
}

bool isolateNetwork()
{
    if (unshare(CLONE_NEWNET) == 0)
        return true;
    // Without privileges a user namespace may still allow a private network.
    return unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0;
}

void closePipe(int (&fds)[2])
{
    for (int& fd : fds) {
        if (fd >= 0)
            close(fd);
        fd = -1;
    }
}

/// A descriptor holding `data`, for bwrap to copy into the box.
int dataDescriptor(const QByteArray& data)
{
    const int fd = int(syscall(SYS_memfd_create, "runlens-file", MFD_CLOEXEC));
    if (fd < 0)
        return -1;
    qint64 written = 0;
    while (written < data.size()) {
        const ssize_t n = write(fd, data.constData() + written, size_t(data.size() - written));
        if (n <= 0) {
            close(fd);
            return -1;
        }
        written += n;
    }
    lseek(fd, 0, SEEK_SET);
    return fd;
}

double cpuLimitOf(const SandboxLimits& limits)
{
    return limits.cpuSeconds > 0 ? limits.cpuSeconds : limits.timeoutSeconds;
}
}

QString ProcessOutcome::describe() const
{
    switch (stop) {
    case Exited:
        return QCoreApplication::translate("ProcessOutcome", "exit %1").arg(exitCode);
    case Timeout:
        return QCoreApplication::translate("ProcessOutcome", "timeout");
    case OutputLimit:
        return QCoreApplication::translate("ProcessOutcome", "output limit");
    case Signal:
        return QCoreApplication::translate("ProcessOutcome", "signal %1 (%2)")
            .arg(signal)
            .arg(QString::fromLatin1(strsignal(signal)));
    case CpuLimit:
        return QCoreApplication::translate("ProcessOutcome", "CPU time limit");
    case FileSizeLimit:
        return QCoreApplication::translate("ProcessOutcome", "file size limit");
    case MemoryLimit:
        return QCoreApplication::translate("ProcessOutcome", "memory limit");
    case ProcessLimit:
        return QCoreApplication::translate("ProcessOutcome", "process limit");
    case DiskLimit:
        return QCoreApplication::translate("ProcessOutcome", "disk limit");
    case StartFailed:
        return QCoreApplication::translate("ProcessOutcome", "did not start: %1").arg(error);
    }
    return {};
}

QString SandboxReport::line() const
{
    QString text = boxed ? QCoreApplication::translate("SandboxedProcess", "sandbox: bubblewrap box per test")
                         : QCoreApplication::translate("SandboxedProcess", "sandbox: no box");
    if (!unenforced.isEmpty())
        text += QCoreApplication::translate("SandboxedProcess", "; cannot enforce: %1")
                    .arg(unenforced.join(QStringLiteral(", ")));
    if (!reason.isEmpty())
        text += QStringLiteral(" (%1)").arg(reason);
    return text;
}

bool SandboxedProcess::openToSandboxUser(const QString& directory)
{
    return QFile::setPermissions(directory,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
}

uint SandboxedProcess::sandboxUserId(int slot)
{
    if (geteuid() != 0)
        return geteuid();
    return TestCgroup::support().processes ? nobody : slotUserBase + uid_t(slot);
}

bool SandboxedProcess::networkIsolationAvailable()
{
    static std::once_flag probed;
    static bool available = false;
    std::call_once(probed, [] {
        // The box makes its own network namespace; else the runner does before the program starts.
        if (BubblewrapBox::available()) {
            available = true;
            return;
        }
        const pid_t pid = fork();
        if (pid == 0)
            _exit(isolateNetwork() ? 0 : 1);
        int status = 0;
        available = pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    });
    return available;
}

SandboxReport SandboxedProcess::report(bool isolate)
{
    SandboxReport report;
    report.boxed = BubblewrapBox::available();
    const TestCgroup::Support groups = TestCgroup::support();
    QStringList reasons;
    if (!report.boxed) {
        report.unenforced << QCoreApplication::translate("SandboxedProcess", "filesystem isolation")
                          << QCoreApplication::translate("SandboxedProcess", "private /tmp, /var/tmp and /dev/shm")
                          << QCoreApplication::translate("SandboxedProcess", "disk limit");
        if (groups.version == 0)
            report.unenforced << QCoreApplication::translate("SandboxedProcess", "killing what a test leaves running");
        reasons << BubblewrapBox::unavailableReason();
    }
    if (!groups.processes && geteuid() != 0)
        report.unenforced << QCoreApplication::translate("SandboxedProcess", "per-test process limit");
    if (!groups.memory)
        report.unenforced << QCoreApplication::translate(
            "SandboxedProcess", "per-test memory limit (per process only)");
    if (!groups.cpu)
        report.unenforced << QCoreApplication::translate("SandboxedProcess", "per-test CPU time (per process only)");
    if (!groups.processes || !groups.memory || !groups.cpu)
        reasons << QCoreApplication::translate("SandboxedProcess", "no writable cgroup for each test");
    if (isolate && !networkIsolationAvailable())
        report.unenforced << QCoreApplication::translate("SandboxedProcess", "network isolation");
    if (!report.unenforced.isEmpty())
        report.reason = reasons.join(QStringLiteral("; "));
    return report;
}

namespace {
/// What the child needs, prepared before fork(): after it, only system calls are safe.
struct ChildSetup {
    ChildSetup(const QStringList& command, const QString& workDirectory)
        : directory(workDirectory.toStdString())
    {
        for (const QString& part : command)
            strings.push_back(part.toStdString());
        for (std::string& part : strings)
            argv.push_back(part.data());
        argv.push_back(nullptr);
        environment = { "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "HOME=" + directory,
            "TMPDIR=" + directory, "PYTHONDONTWRITEBYTECODE=1" };
        for (std::string& variable : environment)
            envp.push_back(variable.data());
        envp.push_back(nullptr);
    }
    std::string directory;
    std::vector<std::string> strings;
    std::vector<char*> argv;
    std::vector<std::string> environment;
    std::vector<char*> envp;
    std::vector<int> join; ///< cgroup.procs of each hierarchy
    std::vector<int> inherited; ///< descriptors bwrap reads (files, passwd, group)
    bool isolate = false; ///< make a network namespace here (without a box)
    bool limitAddressSpace = true; ///< without a memory cgroup, each process's address space is limited
    uid_t user = 0; ///< switch to this user first; 0: stay
};

/// The pipes between the runner and the child: its stdin, stdout, stderr, and one that tells whether exec failed.
struct ChildPipes {
    int in[2] = { -1, -1 };
    int out[2] = { -1, -1 };
    int err[2] = { -1, -1 };
    int exec[2] = { -1, -1 };
    bool open()
    {
        return !pipe2(in, O_CLOEXEC) && !pipe2(out, O_CLOEXEC) && !pipe2(err, O_CLOEXEC) && !pipe2(exec, O_CLOEXEC);
    }
    void closeAll() { closePipe(in), closePipe(out), closePipe(err), closePipe(exec); }
};

/// In the child, after fork(): its own process group, the pipes, its cgroup, the folder, the limits, the network
/// namespace and the user, then the program (or bwrap). Writes errno to the exec pipe when any of it fails.
[[noreturn]] void startChild(const ChildSetup& setup, const ChildPipes& pipes, const SandboxLimits& limits)
{
    setpgid(0, 0);
    dup2(pipes.in[0], STDIN_FILENO);
    dup2(pipes.out[1], STDOUT_FILENO);
    dup2(pipes.err[1], STDERR_FILENO);
    int failure = 0;
    for (const int fd : setup.join) {
        if (write(fd, "0", 1) != 1 && !failure)
            failure = errno;
    }
    for (const int fd : setup.inherited)
        fcntl(fd, F_SETFD, 0);
    if (!failure && chdir(setup.directory.c_str()) != 0)
        failure = errno;
    if (!failure && setup.isolate && !isolateNetwork())
        failure = errno;
    setLimit(RLIMIT_CPU, rlim_t(cpuLimitOf(limits)) + 1);
    if (setup.limitAddressSpace)
        setLimit(RLIMIT_AS, rlim_t(limits.memoryBytes));
    setLimit(RLIMIT_FSIZE, rlim_t(limits.fileSizeBytes));
    setLimit(RLIMIT_CORE, 0);
    if (!failure && setup.user != 0) {
        // Counted per user: only meaningful for a user of the sandbox's own, never for a person's account.
        setLimit(RLIMIT_NPROC, rlim_t(limits.processes));
        // Raw system calls: glibc's wrappers coordinate threads, and this child has only one.
        if (syscall(SYS_setgroups, 0, nullptr) != 0 || syscall(SYS_setgid, setup.user) != 0
            || syscall(SYS_setuid, setup.user) != 0)
            failure = errno;
    }
    if (!failure) {
        execvpe(setup.argv[0], setup.argv.data(), setup.envp.data());
        failure = errno;
    }
    [[maybe_unused]] const auto written = write(pipes.exec[1], &failure, sizeof failure);
    _exit(127);
}

/// Why the exchange with the child ended.
enum class Ended { OutputsClosed, MainExited, Kill };

/// Reads what is waiting in `fd` without blocking; false at its end.
bool drain(int fd, QByteArray& target, qint64 cap, char* buffer, size_t size)
{
    for (;;) {
        const ssize_t n = read(fd, buffer, size);
        if (n > 0) {
            target.append(buffer, n);
            if (target.size() > cap)
                return true;
            continue;
        }
        return !(n == 0 || (errno != EAGAIN && errno != EINTR));
    }
}

/// Feeds the child its stdin and collects its outputs until its main process exits (or both outputs close), the
/// deadline passes, its CPU time passes its limit or an output exceeds its cap (outcome.stop says why).
Ended exchange(ChildPipes& pipes, pid_t pid, const QByteArray& stdinData, const SandboxLimits& limits,
    const TestCgroup* group, const QElapsedTimer& clock, ProcessOutcome& outcome)
{
    for (int fd : { pipes.in[1], pipes.out[0], pipes.err[0] })
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    const int pidfd = int(syscall(SYS_pidfd_open, pid, 0));
    qint64 written = 0;
    const qint64 deadline = qint64(limits.timeoutSeconds * 1000.0);
    const double cpuLimit = cpuLimitOf(limits);
    // Without a pidfd, or to read the group's CPU time, look every 50 ms.
    const int interval = pidfd < 0 || group ? 50 : -1;
    bool stdoutOpen = true, stderrOpen = true;
    char buffer[65536];
    const auto finish = [&](Ended how) {
        if (pidfd >= 0)
            close(pidfd);
        return how;
    };
    const auto capped = [&](QByteArray& target) {
        target.truncate(limits.outputBytes);
        outcome.stop = ProcessOutcome::OutputLimit;
        return finish(Ended::Kill);
    };
    while (stdoutOpen || stderrOpen) {
        pollfd fds[4];
        nfds_t count = 0;
        if (stdoutOpen)
            fds[count++] = { pipes.out[0], POLLIN, 0 };
        if (stderrOpen)
            fds[count++] = { pipes.err[0], POLLIN, 0 };
        if (pipes.in[1] >= 0)
            fds[count++] = { pipes.in[1], POLLOUT, 0 };
        if (pidfd >= 0)
            fds[count++] = { pidfd, POLLIN, 0 };
        const qint64 left = deadline - clock.elapsed();
        const int wait = int(std::max<qint64>(interval < 0 ? left : std::min<qint64>(left, interval), 1));
        const int ready = left <= 0 ? 0 : poll(fds, count, wait);
        if (deadline - clock.elapsed() <= 0) {
            outcome.stop = ProcessOutcome::Timeout;
            return finish(Ended::Kill);
        }
        if (group && group->cpuSeconds() > cpuLimit) {
            outcome.stop = ProcessOutcome::CpuLimit;
            return finish(Ended::Kill);
        }
        siginfo_t info {};
        const bool mainExited = pidfd >= 0
            ? false
            : waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
        if (ready <= 0 && !mainExited)
            continue;
        for (nfds_t i = 0; ready > 0 && i < count; ++i) {
            if (!fds[i].revents)
                continue;
            if (fds[i].fd == pipes.in[1]) {
                const ssize_t n
                    = write(pipes.in[1], stdinData.constData() + written, size_t(stdinData.size() - written));
                if (n > 0)
                    written += n;
                if (n < 0 || written >= stdinData.size())
                    closePipe(pipes.in);
                continue;
            }
            if (fds[i].fd == pidfd)
                continue;
            const bool isStdout = fds[i].fd == pipes.out[0];
            QByteArray& target = isStdout ? outcome.stdoutData : outcome.stderrData;
            const bool open = drain(fds[i].fd, target, limits.outputBytes, buffer, sizeof buffer);
            if (target.size() > limits.outputBytes)
                return capped(target);
            if (!open)
                (isStdout ? stdoutOpen : stderrOpen) = false;
        }
        const bool exited = mainExited
            || (pidfd >= 0 && ready > 0
                && std::any_of(fds, fds + count, [&](const pollfd& fd) { return fd.fd == pidfd && fd.revents; }));
        if (exited) {
            // Judged on its main process: what it wrote is in the pipes; whatever it left running is not waited for.
            for (const auto& [fd, target] :
                { std::pair { pipes.out[0], &outcome.stdoutData }, std::pair { pipes.err[0], &outcome.stderrData } }) {
                drain(fd, *target, limits.outputBytes, buffer, sizeof buffer);
                if (target->size() > limits.outputBytes)
                    return capped(*target);
            }
            return finish(Ended::MainExited);
        }
    }
    return finish(Ended::OutputsClosed);
}

/// Waits for the child up to the deadline, killing it (its process group and its cgroup) when asked or late.
void reap(pid_t pid, bool kill, TestCgroup* group, const SandboxLimits& limits, const QElapsedTimer& clock,
    ProcessOutcome& outcome, int& status, rusage& usage)
{
    const qint64 deadline = qint64(limits.timeoutSeconds * 1000.0);
    const auto killAll = [&] {
        ::kill(-pid, SIGKILL);
        ::kill(pid, SIGKILL);
        if (group)
            group->killAll();
    };
    for (int pause = 100;;) {
        if (kill)
            killAll();
        const pid_t done = wait4(pid, &status, kill ? 0 : WNOHANG, &usage);
        if (done == pid || (done < 0 && errno != EINTR))
            break;
        if (!kill && clock.elapsed() >= deadline) {
            outcome.stop = ProcessOutcome::Timeout;
            kill = true;
            continue;
        }
        usleep(pause);
        pause = std::min(pause * 2, 5000);
    }
    // Whatever the main process left: its process group, and every process of its cgroup.
    ::kill(-pid, SIGKILL);
    if (group)
        group->killAll();
}

/// Why a child that ran to its end stopped: its exit, a limit, a signal.
void classify(int status, const rusage& usage, const SandboxLimits& limits, bool boxed, ProcessOutcome& outcome)
{
    const bool outOfMemory = outcome.stderrData.contains("MemoryError")
        || outcome.stderrData.contains("Cannot allocate memory") || outcome.stderrData.contains("out of memory")
        || outcome.stderrData.contains("bad_alloc");
    // Interpreters such as Python ignore SIGXFSZ and see the write fail instead.
    const bool fileTooLarge = outcome.stderrData.contains(strerror(EFBIG));
    const bool diskFull = boxed && outcome.stderrData.contains(strerror(ENOSPC));
    int signal = 0;
    if (WIFEXITED(status)) {
        outcome.exitCode = WEXITSTATUS(status);
        // bwrap reports a program killed by a signal as a shell does: 128 + the signal.
        if (boxed && outcome.exitCode > 128 && outcome.exitCode < 128 + NSIG)
            signal = outcome.exitCode - 128;
    } else if (WIFSIGNALED(status)) {
        signal = WTERMSIG(status);
    }
    if (signal == 0) {
        outcome.stop = outOfMemory ? ProcessOutcome::MemoryLimit
            : fileTooLarge         ? ProcessOutcome::FileSizeLimit
            : diskFull             ? ProcessOutcome::DiskLimit
                                   : ProcessOutcome::Exited;
        return;
    }
    outcome.signal = signal;
    if (signal == SIGXCPU)
        outcome.stop = ProcessOutcome::CpuLimit;
    else if (signal == SIGXFSZ)
        outcome.stop = ProcessOutcome::FileSizeLimit;
    else if (outOfMemory
        || (!boxed && (signal == SIGSEGV || signal == SIGABRT) && usage.ru_maxrss * 1024 > limits.memoryBytes / 2))
        outcome.stop = ProcessOutcome::MemoryLimit;
    else
        outcome.stop = ProcessOutcome::Signal;
}

/// The layout of a job's box: its files and passwd handed over as descriptors, the program's folders read-only.
BubblewrapBox::Layout boxLayout(const SandboxJob& job, const SandboxLimits& limits, std::vector<int>& descriptors)
{
    BubblewrapBox::Layout layout;
    layout.readOnly = job.readOnly;
    layout.writable = job.writableDirectory;
    layout.diskBytes = limits.diskBytes;
    layout.isolateNetwork = limits.isolateNetwork;
    layout.passwdDescriptor = dataDescriptor(BubblewrapBox::passwd());
    layout.groupDescriptor = dataDescriptor(BubblewrapBox::group());
    descriptors = { layout.passwdDescriptor, layout.groupDescriptor };
    if (job.writableDirectory.isEmpty()) {
        for (auto it = job.files.begin(); it != job.files.end(); ++it) {
            const int fd = dataDescriptor(it.value());
            descriptors.push_back(fd);
            layout.files.emplace_back(fd, it.key());
        }
    }
    std::erase(descriptors, -1);
    return layout;
}
}

ProcessOutcome SandboxedProcess::run(const SandboxJob& job, const SandboxLimits& limits)
{
    ProcessOutcome outcome;
    if (job.command.isEmpty()) {
        outcome.error = QCoreApplication::translate("SandboxedProcess", "no command");
        return outcome;
    }
    const bool boxed = BubblewrapBox::available();
    TestCgroup group;
    // Two more than the program's own: bwrap and the box's first process.
    const bool grouped = TestCgroup::support().version > 0 && group.create(limits.processes + 2, limits.memoryBytes);
    std::vector<int> descriptors;
    const QString directory = !job.writableDirectory.isEmpty() ? job.writableDirectory
        : boxed                                                ? QStringLiteral("/")
                                                               : job.hostDirectory;
    ChildSetup setup(
        boxed ? BubblewrapBox::command(boxLayout(job, limits, descriptors), job.command) : job.command, directory);
    setup.inherited = descriptors;
    if (grouped)
        setup.join = group.joinDescriptors();
    setup.isolate = !boxed && limits.isolateNetwork && networkIsolationAvailable();
    setup.limitAddressSpace = !TestCgroup::support().memory;
    // Root's processes are not counted against a process limit: without a pids cgroup, a user of the slot's own.
    if (geteuid() == 0 && (!boxed || !TestCgroup::support().processes))
        setup.user = sandboxUserId(job.slot);
    const auto closeDescriptors = [&] {
        for (const int fd : descriptors)
            close(fd);
    };
    ChildPipes pipes;
    if (!pipes.open()) {
        outcome.error = QString::fromLocal8Bit(strerror(errno));
        pipes.closeAll();
        closeDescriptors();
        return outcome;
    }
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0)
        startChild(setup, pipes, limits);
    close(pipes.in[0]), close(pipes.out[1]), close(pipes.err[1]), close(pipes.exec[1]);
    pipes.in[0] = pipes.out[1] = pipes.err[1] = pipes.exec[1] = -1;
    closeDescriptors();
    if (pid < 0) {
        outcome.error = QString::fromLocal8Bit(strerror(errno));
        pipes.closeAll();
        return outcome;
    }
    int failure = 0;
    const bool startFailed = read(pipes.exec[0], &failure, sizeof failure) == sizeof failure;
    closePipe(pipes.exec);
    if (job.stdinData.isEmpty() || startFailed)
        closePipe(pipes.in);
    const Ended ended = exchange(pipes, pid, job.stdinData, limits, grouped ? &group : nullptr, clock, outcome);
    pipes.closeAll();
    int status = 0;
    rusage usage {};
    reap(pid, ended != Ended::OutputsClosed, grouped ? &group : nullptr, limits, clock, outcome, status, usage);
    outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
    outcome.maxResidentKb = usage.ru_maxrss;
    outcome.cpuSeconds = grouped ? group.cpuSeconds() : double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec);
    if (startFailed) {
        outcome.stop = ProcessOutcome::StartFailed;
        outcome.error = QString::fromLocal8Bit(strerror(failure));
        return outcome;
    }
    const bool stopped = ended == Ended::Kill || outcome.stop == ProcessOutcome::Timeout;
    if (!stopped)
        classify(status, usage, limits, boxed, outcome);
    // bwrap could not build the box or start the program: its own message says why.
    if (boxed && !stopped && outcome.stop == ProcessOutcome::Exited && outcome.exitCode == 1
        && outcome.stderrData.startsWith("bwrap: ")) {
        outcome.stop = ProcessOutcome::StartFailed;
        outcome.error = QString::fromUtf8(outcome.stderrData.mid(7).trimmed());
        return outcome;
    }
    // A limit of the whole group that stopped it is reported as that limit, whatever the main process then did.
    // A fork bomb also spins up CPU time: the process limit it hit is the cause.
    if (outcome.stop != ProcessOutcome::OutputLimit && grouped) {
        if (group.memoryLimitHit())
            outcome.stop = ProcessOutcome::MemoryLimit;
        else if (group.processLimitHit())
            outcome.stop = ProcessOutcome::ProcessLimit;
        // Reclaiming at its memory limit burns CPU time: a test stopped then is stopped by its memory.
        else if ((outcome.stop == ProcessOutcome::CpuLimit || outcome.stop == ProcessOutcome::Timeout)
            && group.memoryLimitReached())
            outcome.stop = ProcessOutcome::MemoryLimit;
    }
    return outcome;
}
