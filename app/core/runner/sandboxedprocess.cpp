// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sandboxedprocess.h"

#include <QFile>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <mutex>
#include <poll.h>
#include <sched.h>
#include <string>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {
constexpr uid_t nobody = 65534;

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
    case StartFailed:
        return QCoreApplication::translate("ProcessOutcome", "did not start: %1").arg(error);
    }
    return {};
}

bool SandboxedProcess::openToSandboxUser(const QString& directory)
{
    return QFile::setPermissions(directory,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
}

bool SandboxedProcess::dropsPrivileges()
{
    return geteuid() == 0;
}

uint SandboxedProcess::sandboxUserId()
{
    return dropsPrivileges() ? nobody : geteuid();
}

bool SandboxedProcess::networkIsolationAvailable()
{
    static std::once_flag probed;
    static bool available = false;
    std::call_once(probed, [] {
        const pid_t pid = fork();
        if (pid == 0)
            _exit(isolateNetwork() ? 0 : 1);
        int status = 0;
        available = pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    });
    return available;
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

/// In the child, after fork(): its own process group, the pipes, the folder, the limits, the network namespace and
/// the sandbox user, then the program. Writes errno to the exec pipe when any of it fails.
[[noreturn]] void startChild(
    const ChildSetup& setup, const ChildPipes& pipes, const SandboxLimits& limits, bool isolate, bool drop)
{
    setpgid(0, 0);
    dup2(pipes.in[0], STDIN_FILENO);
    dup2(pipes.out[1], STDOUT_FILENO);
    dup2(pipes.err[1], STDERR_FILENO);
    int failure = 0;
    if (chdir(setup.directory.c_str()) != 0)
        failure = errno;
    if (!failure && isolate && !isolateNetwork())
        failure = errno;
    setLimit(RLIMIT_CPU, rlim_t(limits.timeoutSeconds) + 1);
    setLimit(RLIMIT_AS, rlim_t(limits.memoryBytes));
    setLimit(RLIMIT_FSIZE, rlim_t(limits.fileSizeBytes));
    setLimit(RLIMIT_CORE, 0);
    if (!failure && drop) {
        // Counted per user: only meaningful for the sandbox user, never for a person's own account.
        setLimit(RLIMIT_NPROC, rlim_t(limits.processes));
        // Raw system calls: glibc's wrappers coordinate threads, and this child has only one.
        if (syscall(SYS_setgroups, 0, nullptr) != 0 || syscall(SYS_setgid, nobody) != 0
            || syscall(SYS_setuid, nobody) != 0)
            failure = errno;
    }
    if (!failure) {
        execvpe(setup.argv[0], setup.argv.data(), setup.envp.data());
        failure = errno;
    }
    [[maybe_unused]] const auto written = write(pipes.exec[1], &failure, sizeof failure);
    _exit(127);
}

/// Feeds the child its stdin and collects its outputs until both close, the deadline passes or an output exceeds
/// its cap; true when the child must be killed (outcome.stop says why).
bool exchange(ChildPipes& pipes, const QByteArray& stdinData, const SandboxLimits& limits, const QElapsedTimer& clock,
    ProcessOutcome& outcome)
{
    for (int fd : { pipes.in[1], pipes.out[0], pipes.err[0] })
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    qint64 written = 0;
    const qint64 deadline = qint64(limits.timeoutSeconds * 1000.0);
    bool stdoutOpen = true, stderrOpen = true;
    char buffer[65536];
    while (stdoutOpen || stderrOpen) {
        pollfd fds[3];
        nfds_t count = 0;
        if (stdoutOpen)
            fds[count++] = { pipes.out[0], POLLIN, 0 };
        if (stderrOpen)
            fds[count++] = { pipes.err[0], POLLIN, 0 };
        if (pipes.in[1] >= 0)
            fds[count++] = { pipes.in[1], POLLOUT, 0 };
        const qint64 left = deadline - clock.elapsed();
        if (left <= 0 || poll(fds, count, int(std::max<qint64>(left, 1))) == 0) {
            if (deadline - clock.elapsed() <= 0) {
                outcome.stop = ProcessOutcome::Timeout;
                return true;
            }
            continue;
        }
        for (nfds_t i = 0; i < count; ++i) {
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
            const bool isStdout = fds[i].fd == pipes.out[0];
            QByteArray& target = isStdout ? outcome.stdoutData : outcome.stderrData;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                target.append(buffer, n);
                if (target.size() > limits.outputBytes) {
                    target.truncate(limits.outputBytes);
                    outcome.stop = ProcessOutcome::OutputLimit;
                    return true;
                }
            } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
                (isStdout ? stdoutOpen : stderrOpen) = false;
            }
        }
    }
    return false;
}

/// Waits for the child (the outputs are closed; it may still run, or have closed them early) up to the deadline,
/// then kills its process group, whatever it forked included.
void reap(pid_t pid, bool killed, const SandboxLimits& limits, const QElapsedTimer& clock, ProcessOutcome& outcome,
    int& status, rusage& usage)
{
    const qint64 deadline = qint64(limits.timeoutSeconds * 1000.0);
    for (int pause = 100;;) {
        if (killed)
            kill(-pid, SIGKILL);
        const pid_t done = wait4(pid, &status, killed ? 0 : WNOHANG, &usage);
        if (done == pid || (done < 0 && errno != EINTR))
            break;
        if (!killed && clock.elapsed() >= deadline) {
            outcome.stop = ProcessOutcome::Timeout;
            killed = true;
            continue;
        }
        usleep(pause);
        pause = std::min(pause * 2, 5000);
    }
    kill(-pid, SIGKILL);
}

/// Why a child that ran to its end stopped: its exit, a limit, a signal.
void classify(int status, const rusage& usage, const SandboxLimits& limits, ProcessOutcome& outcome)
{
    const bool outOfMemory = outcome.stderrData.contains("MemoryError")
        || outcome.stderrData.contains("Cannot allocate memory") || outcome.stderrData.contains("out of memory")
        || outcome.stderrData.contains("bad_alloc");
    // Interpreters such as Python ignore SIGXFSZ and see the write fail instead.
    const bool fileTooLarge = outcome.stderrData.contains(strerror(EFBIG));
    if (WIFEXITED(status)) {
        outcome.exitCode = WEXITSTATUS(status);
        outcome.stop = outOfMemory ? ProcessOutcome::MemoryLimit
            : fileTooLarge         ? ProcessOutcome::FileSizeLimit
                                   : ProcessOutcome::Exited;
    } else if (WIFSIGNALED(status)) {
        outcome.signal = WTERMSIG(status);
        if (outcome.signal == SIGXCPU)
            outcome.stop = ProcessOutcome::CpuLimit;
        else if (outcome.signal == SIGXFSZ)
            outcome.stop = ProcessOutcome::FileSizeLimit;
        else if (outOfMemory
            || ((outcome.signal == SIGSEGV || outcome.signal == SIGABRT)
                && usage.ru_maxrss * 1024 > limits.memoryBytes / 2))
            outcome.stop = ProcessOutcome::MemoryLimit;
        else
            outcome.stop = ProcessOutcome::Signal;
    }
}
}

ProcessOutcome SandboxedProcess::run(
    const QStringList& command, const QString& workDirectory, const QByteArray& stdinData, const SandboxLimits& limits)
{
    ProcessOutcome outcome;
    if (command.isEmpty()) {
        outcome.error = QCoreApplication::translate("SandboxedProcess", "no command");
        return outcome;
    }
    const bool isolate = limits.isolateNetwork && networkIsolationAvailable();
    const bool drop = dropsPrivileges();
    const ChildSetup setup(command, workDirectory);
    ChildPipes pipes;
    if (!pipes.open()) {
        outcome.error = QString::fromLocal8Bit(strerror(errno));
        pipes.closeAll();
        return outcome;
    }
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0)
        startChild(setup, pipes, limits, isolate, drop);
    close(pipes.in[0]), close(pipes.out[1]), close(pipes.err[1]), close(pipes.exec[1]);
    pipes.in[0] = pipes.out[1] = pipes.err[1] = pipes.exec[1] = -1;
    if (pid < 0) {
        outcome.error = QString::fromLocal8Bit(strerror(errno));
        pipes.closeAll();
        return outcome;
    }
    int failure = 0;
    const bool startFailed = read(pipes.exec[0], &failure, sizeof failure) == sizeof failure;
    closePipe(pipes.exec);
    if (stdinData.isEmpty() || startFailed)
        closePipe(pipes.in);
    const bool killed = exchange(pipes, stdinData, limits, clock, outcome);
    pipes.closeAll();
    int status = 0;
    rusage usage {};
    reap(pid, killed, limits, clock, outcome, status, usage);
    outcome.seconds = double(clock.nsecsElapsed()) / 1e9;
    outcome.maxResidentKb = usage.ru_maxrss;
    if (startFailed) {
        outcome.stop = ProcessOutcome::StartFailed;
        outcome.error = QString::fromLocal8Bit(strerror(failure));
        return outcome;
    }
    if (!killed && outcome.stop != ProcessOutcome::Timeout)
        classify(status, usage, limits, outcome);
    return outcome;
}
