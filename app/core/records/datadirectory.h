// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QDir>
#include <QStandardPaths>
#include <QString>

/// The folder of the user's Runlens data (the default store, the user's prices and test patterns): ~/.local/share/
/// runlens on Linux. Named here rather than by the application's organisation, which QStandardPaths would put in the
/// path: the organisation the settings live under never moves the data.
inline QString dataDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("runlens"));
}
