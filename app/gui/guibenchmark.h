// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QtGlobal>

class MainWindow;
class QElapsedTimer;
class QString;
class Store;

/// `--benchmark`: how long until the window is usable, and how long a filter change takes to update the
/// table and every plot, on the store given.
int benchmarkExplorer(MainWindow& window, const QElapsedTimer& sinceStart);

/// `--benchmark --sample ID`: the replay of one sample: its first screen, scrolling and scrubbing, find, memory.
int benchmarkReplay(Store& store, qint64 sampleId, const QString& words);
