// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "importer.h"

#include <QTemporaryDir>

class Store;

/// Imports logs into a store on PostgreSQL: each file into a SQLite store of its own in a temporary folder, by the
/// importer SQLite stores use, then copied by StoreCopier (one transaction a file, COPY, the content hash unique, the
/// copiers' advisory lock), and the SQLite store deleted. One reader of logs and one writer of rows for both
/// backends, at the cost of writing each file's rows twice. A file whose hash the database holds is skipped before
/// it is read.
class PostgresImporter {
    Q_DECLARE_TR_FUNCTIONS(PostgresImporter)

public:
    /// `store`: opened on PostgreSQL to write (Store::OpenMode::Create).
    PostgresImporter(Store& store, const ImportOptions& options = {});

    ImportResult importFile(const QString& path, const Importer::Progress& progress = {});
    /// After the last file: the planner's statistics of the tables filled (ANALYZE), once rather than a file.
    void finish();

private:
    Store& m_store;
    ImportOptions m_options;
    QTemporaryDir m_folder;
    bool m_imported = false; ///< a file was stored since the last finish()
};
