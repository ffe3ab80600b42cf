// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QString>
#include <QStringList>
#include <utility>
#include <vector>

/// The command line of bubblewrap (`bwrap`, the sandbox Flatpak uses) that runs one program in a box of its own:
/// new user, PID, mount, IPC and UTS namespaces (and network, when asked), killed with the runner, in a new
/// session. Inside: /usr and the /bin, /lib, /sbin links read-only; an /etc of only what programs need (the
/// dynamic linker's cache, Debian's alternatives, the time zone, a two-line passwd and group); a fresh /proc and
/// /dev; size-capped tmpfs for the work folder, /tmp, /var/tmp and /dev/shm; the program's own folders read-only
/// at their host paths; nothing else of the host. The root is read-only.
class BubblewrapBox {
public:
    /// The folder a test runs in, inside the box.
    static QString workFolder() { return QStringLiteral("/test"); }
    /// Whether a box can be made here (bwrap found and a trial box ran; probed once).
    static bool available();
    /// Why not, in a few words, when it cannot.
    static QString unavailableReason();

    struct Layout {
        QStringList readOnly; ///< host folders visible read-only at their own paths
        QString writable; ///< a host folder the program runs in, writable (the build step); else a fresh tmpfs
        std::vector<std::pair<int, QString>> files; ///< descriptor -> path relative to the work folder
        int passwdDescriptor = -1;
        int groupDescriptor = -1;
        qint64 diskBytes = qint64(256) << 20; ///< each tmpfs's size
        bool isolateNetwork = true;
    };
    /// bwrap and its arguments, ending with `command`.
    static QStringList command(const Layout& layout, const QStringList& command);
    /// The contents bound on /etc/passwd and /etc/group in the box.
    static QByteArray passwd();
    static QByteArray group();
};
