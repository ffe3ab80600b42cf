// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "sqlitedb.h"
#include "store.h"

/// The SQLite connection behind a Store, for the store's own classes and the tests that check what it wrote.
/// Nothing outside app/core/store and tests includes this header.
struct StoreConnection {
    static SqliteDb& of(Store& store) { return *store.m_db; }
};
