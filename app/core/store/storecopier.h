// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class Store;

/// Copies the imported files of one store into another, SQLite or PostgreSQL either way, with their runs, samples,
/// events, chunks, messages, attachments and re-runs: one transaction a file, so a failure leaves the target as it
/// was. A file whose content hash the target already holds is skipped. Into PostgreSQL the rows are streamed with
/// COPY, copiers take turns on an advisory lock, and the unique hash keeps a file from being stored twice even so;
/// into SQLite, a file at a path the target holds replaces it, as an import does, and its messages are indexed for
/// search after the last file. A file is copied whole (its hash names its whole content): filters choose files.
class StoreCopier {
public:
    /// What became of one file.
    struct Outcome {
        enum class Kind { Copied, AlreadyThere, Failed };
        QString path;
        Kind kind = Kind::Failed;
        QString error;
        qint64 samples = 0;
        qint64 events = 0;
        qint64 bytes = 0; ///< row data read from the source
    };

    /// Which of the source's imported files to copy: every one when `runs` is unset and `files` empty; else those
    /// holding a run of `runs` and those whose path or content hash `files` names.
    struct Selection {
        std::optional<QSet<qint64>> runs;
        QStringList files;
    };

    /// `from` opened to read.
    explicit StoreCopier(Store& from);
    ~StoreCopier();
    StoreCopier(const StoreCopier&) = delete;
    StoreCopier& operator=(const StoreCopier&) = delete;

    /// Whether copyInto() ends by making the target ready to read (ANALYZE on PostgreSQL, the messages indexed for
    /// search on SQLite) when it copied a file; the default. An importer of many files does it once.
    void setFinish(bool finish) { m_finish = finish; }
    /// Chooses the files copyInto() copies; empty when every value of `selection.files` names a file of the source,
    /// else why not (an unknown path or hash, close ones suggested).
    QString select(const Selection& selection);
    /// Copies the chosen files into `to` (opened to write: Store::OpenMode::Create), calling `done` after each; false
    /// when the source cannot be read or the target cannot be made ready to read after them.
    bool copyInto(Store& to, const std::function<void(const Outcome&)>& done, QString* error);

private:
    struct File {
        qint64 id = 0;
        QString path;
        QString hash;
        QSet<qint64> runs;
    };
    class Source;
    class Target;
    class SqliteSource;
    class PostgresSource;
    class SqliteTarget;
    class PostgresTarget;

    /// The source's imported files; false with `error` set when it cannot be read.
    bool listFiles(std::vector<File>* files, QString* error);
    Outcome copyFile(Target& to, const File& file);

    std::unique_ptr<Source> m_from;
    std::optional<Selection> m_selection;
    bool m_finish = true;
};
