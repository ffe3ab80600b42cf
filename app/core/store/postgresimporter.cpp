// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "postgresimporter.h"

#include "postgresstore.h"
#include "store.h"
#include "storecopier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

PostgresImporter::PostgresImporter(Store& store, const ImportOptions& options)
    : m_store(store)
    , m_options(options)
    , m_folder(QDir::tempPath() + QStringLiteral("/runlens-import-XXXXXX"))
{
}

ImportResult PostgresImporter::importFile(const QString& path, const Importer::Progress& progress)
{
    ImportResult result;
    const QFileInfo info(path);
    result.path = info.absoluteFilePath();
    result.bytes = info.size();
    PostgresStore& target = *m_store.m_postgres;
    QString error;
    const QString hash = Importer::contentHash(result.path, &error);
    if (hash.isEmpty()) {
        result.error = error;
        return result;
    }
    const PostgresResult known
        = target.db().query("SELECT 1 FROM files WHERE hash = $1 AND status = 'imported'", { hash.toUtf8() });
    if (!known.ok()) {
        result.error = tr("cannot read the store %1: %2").arg(m_store.path(), target.db().errorString());
        return result;
    }
    if (known.rows() > 0) {
        result.status = ImportResult::Skipped;
        return result;
    }
    if (!m_folder.isValid()) {
        result.error = tr("cannot make a temporary folder: %1").arg(m_folder.errorString());
        return result;
    }
    const QString local = m_folder.filePath(QStringLiteral("file.sqlite"));
    const auto removeLocal = [&local] {
        for (const char* suffix : { "", "-wal", "-shm" })
            QFile::remove(local + QLatin1String(suffix));
    };
    removeLocal();
    {
        Store staging;
        if (!staging.open(local, Store::OpenMode::Create)) {
            result.error = staging.errorString();
            return result;
        }
        {
            Importer importer(staging, m_options);
            result = importer.importFile(path, progress);
        }
        if (result.status == ImportResult::Imported) {
            StoreCopier copier(staging);
            copier.setFinish(false);
            QString copyError;
            StoreCopier::Outcome outcome;
            if (!copier.copyInto(
                    m_store, [&outcome](const StoreCopier::Outcome& done) { outcome = done; }, &copyError)) {
                result.status = ImportResult::Failed;
                result.error = copyError;
            } else if (outcome.kind == StoreCopier::Outcome::Kind::AlreadyThere) {
                // Another importer stored the same content meanwhile.
                result.status = ImportResult::Skipped;
            } else if (outcome.kind == StoreCopier::Outcome::Kind::Failed) {
                result.status = ImportResult::Failed;
                result.error = tr("cannot write into the store %1: %2").arg(m_store.path(), outcome.error);
            }
        }
    }
    removeLocal();
    m_imported = m_imported || result.status == ImportResult::Imported;
    return result;
}

void PostgresImporter::finish()
{
    if (m_imported)
        m_store.m_postgres->db().exec("ANALYZE");
    m_imported = false;
}
