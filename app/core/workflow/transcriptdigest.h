// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QByteArray>
#include <QString>

class Store;

/// Counts and SHA-256 checksums of what the store holds for one sample, read through its read API with attachment
/// references replaced: its row, its events, its messages and its pass curve. Two imports of the same sample (from
/// a single-member and from a chunked archive, say) hold the same when their digests are equal.
struct TranscriptDigest {
    qint64 events = 0;
    qint64 messages = 0;
    qint64 curvePoints = 0;
    QByteArray sample; ///< checksums, hex
    QByteArray eventsHash;
    QByteArray messagesHash;
    QByteArray curveHash;

    static TranscriptDigest of(Store& store, const SampleRow& sample);
    /// One line: the counts and the first 16 hex digits of each checksum.
    QString line() const;
    bool operator==(const TranscriptDigest& other) const;
};
