// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "bubblewrapbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace {
constexpr int boxUser = 65534; // nobody, inside the box

struct Probe {
    QString executable;
    bool available = false;
    bool userNamespace = true; ///< false: root without user namespaces; the box then drops every capability
    QString reason;
};

/// Runs `arguments` with no input or output; true when it exits 0.
bool runsCleanly(const QStringList& arguments)
{
    std::vector<std::string> strings;
    for (const QString& argument : arguments)
        strings.push_back(argument.toStdString());
    std::vector<char*> argv;
    argv.reserve(strings.size() + 1);
    for (std::string& argument : strings)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int null = open("/dev/null", O_RDWR);
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

QStringList namespaceArguments(bool userNamespace)
{
    QStringList arguments;
    if (userNamespace)
        arguments << QStringLiteral("--unshare-user") << QStringLiteral("--uid") << QString::number(boxUser)
                  << QStringLiteral("--gid") << QString::number(boxUser);
    else
        arguments << QStringLiteral("--cap-drop") << QStringLiteral("ALL");
    arguments << QStringLiteral("--unshare-pid") << QStringLiteral("--unshare-ipc") << QStringLiteral("--unshare-uts")
              << QStringLiteral("--die-with-parent") << QStringLiteral("--new-session");
    return arguments;
}

/// /usr read-only, and the top-level folders that are links into it on a merged-/usr system (else bound too).
QStringList systemArguments()
{
    QStringList arguments { QStringLiteral("--ro-bind"), QStringLiteral("/usr"), QStringLiteral("/usr") };
    for (const char* name : { "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32" }) {
        const QString path = QString::fromLatin1(name);
        const QFileInfo info(path);
        if (info.isSymLink())
            arguments << QStringLiteral("--symlink") << info.symLinkTarget() << path;
        else if (info.isDir())
            arguments << QStringLiteral("--ro-bind") << path << path;
    }
    return arguments;
}

const Probe& probe()
{
    static Probe result;
    static std::once_flag probed;
    std::call_once(probed, [] {
        result.executable = QStandardPaths::findExecutable(QStringLiteral("bwrap"));
        if (result.executable.isEmpty()) {
            result.reason = QCoreApplication::translate("BubblewrapBox", "bubblewrap (bwrap) is not installed");
            return;
        }
        const QStringList trial = systemArguments()
            + QStringList { QStringLiteral("--proc"), QStringLiteral("/proc"), QStringLiteral("--dev"),
                  QStringLiteral("/dev"), QStringLiteral("--unshare-net"), QStringLiteral("/usr/bin/true") };
        for (const bool userNamespace : { true, false }) {
            if (!userNamespace && geteuid() != 0)
                break;
            if (runsCleanly(QStringList { result.executable } + namespaceArguments(userNamespace) + trial)) {
                result.available = true;
                result.userNamespace = userNamespace;
                return;
            }
        }
        result.reason
            = QCoreApplication::translate("BubblewrapBox", "bwrap cannot make a box here (no user namespaces)");
    });
    return result;
}
}

bool BubblewrapBox::available()
{
    return probe().available;
}

QString BubblewrapBox::unavailableReason()
{
    return probe().reason;
}

QByteArray BubblewrapBox::passwd()
{
    return "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:" + workFolder().toUtf8()
        + ":/usr/sbin/nologin\n";
}

QByteArray BubblewrapBox::group()
{
    return "root:x:0:\nnogroup:x:65534:\n";
}

QStringList BubblewrapBox::command(const Layout& layout, const QStringList& command)
{
    const QString size = QString::number(layout.diskBytes);
    QStringList arguments { probe().executable };
    arguments << namespaceArguments(probe().userNamespace);
    if (layout.isolateNetwork)
        arguments << QStringLiteral("--unshare-net");
    arguments << systemArguments();
    // Of /etc only what programs read to start: the linker's cache, Debian's alternatives links, the time zone.
    for (const char* name : { "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives",
             "/etc/localtime", "/etc/timezone", "/etc/nsswitch.conf" })
        arguments << QStringLiteral("--ro-bind-try") << QString::fromLatin1(name) << QString::fromLatin1(name);
    if (layout.passwdDescriptor >= 0)
        arguments << QStringLiteral("--ro-bind-data") << QString::number(layout.passwdDescriptor)
                  << QStringLiteral("/etc/passwd");
    if (layout.groupDescriptor >= 0)
        arguments << QStringLiteral("--ro-bind-data") << QString::number(layout.groupDescriptor)
                  << QStringLiteral("/etc/group");
    arguments << QStringLiteral("--proc") << QStringLiteral("/proc") << QStringLiteral("--dev")
              << QStringLiteral("/dev");
    for (const char* name : { "/tmp", "/var/tmp", "/dev/shm" })
        arguments << QStringLiteral("--size") << size << QStringLiteral("--tmpfs") << QString::fromLatin1(name);
    // The program's own folders, after /tmp: a program in a temporary folder stays visible.
    for (const QString& folder : layout.readOnly)
        arguments << QStringLiteral("--ro-bind") << folder << folder;
    QString work = workFolder();
    if (!layout.writable.isEmpty()) {
        work = layout.writable;
        arguments << QStringLiteral("--bind") << work << work;
    } else {
        arguments << QStringLiteral("--size") << size << QStringLiteral("--tmpfs") << work;
        QStringList folders;
        for (const auto& [descriptor, relative] : layout.files) {
            const QString path = work + QLatin1Char('/') + relative;
            const QString folder = QFileInfo(path).path();
            if (folder != work && !folders.contains(folder)) {
                folders << folder;
                arguments << QStringLiteral("--dir") << folder;
            }
            arguments << QStringLiteral("--file") << QString::number(descriptor) << path;
        }
    }
    arguments << QStringLiteral("--remount-ro") << QStringLiteral("/") << QStringLiteral("--chdir") << work
              << QStringLiteral("--clearenv") << QStringLiteral("--setenv") << QStringLiteral("PATH")
              << QStringLiteral("/usr/local/bin:/usr/bin:/bin") << QStringLiteral("--setenv") << QStringLiteral("HOME")
              << work << QStringLiteral("--setenv") << QStringLiteral("TMPDIR") << QStringLiteral("/tmp")
              << QStringLiteral("--setenv") << QStringLiteral("LANG") << QStringLiteral("C.UTF-8")
              << QStringLiteral("--setenv") << QStringLiteral("LC_ALL") << QStringLiteral("C.UTF-8")
              << QStringLiteral("--setenv") << QStringLiteral("PYTHONDONTWRITEBYTECODE") << QStringLiteral("1")
              << QStringLiteral("--");
    return arguments + command;
}
