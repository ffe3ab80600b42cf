// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "store/store.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

/// The `--db FILE` option every command that reads or writes the store takes.
QCommandLineOption storeOption();
/// Opens the store named by --db (or the default one); prints the error and returns false on failure. Commands that
/// only read open an existing store (`Store::OpenMode::Existing`); only `import` creates one.
bool openStore(Store& store, const QCommandLineParser& parser, Store::OpenMode mode);
