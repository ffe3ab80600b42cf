// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QSize>
#include <QString>

#include <optional>

class MainWindow;
class Store;

/// What `--render` draws and where: the view's name, the PNG, and the options that pick what the view shows.
struct ViewRenderOptions {
    QString view;
    QString out;
    qint64 sample = 0;
    qint64 sample2 = 0;
    std::optional<int> step;
    bool tests = false;
    QString query;
    QString importPath;
    QString suite;
    std::optional<QSize> size; ///< the window's, instead of the view's own
};

/// Renders one named view offscreen to a PNG; returns the exit code: 0, 1 when the PNG cannot be written,
/// 2 for a view name nothing knows.
int renderView(MainWindow& window, Store& store, const ViewRenderOptions& options);
