// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "transcriptdigest.h"

#include "analysis/pricetable.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "transcriptanalysis.h"

#include <QCryptographicHash>

namespace {
/// Fields joined by a separator no text holds, so that moving bytes from one field to the next changes the hash.
class Hasher {
public:
    Hasher& operator<<(const QString& text)
    {
        m_hash.addData(text.toUtf8());
        m_hash.addData(QByteArrayView("\x1f", 1));
        return *this;
    }
    Hasher& operator<<(qint64 number) { return *this << QString::number(number); }
    Hasher& operator<<(double number) { return *this << QString::number(number, 'g', 17); }
    QByteArray hex() { return m_hash.result().toHex(); }

private:
    QCryptographicHash m_hash { QCryptographicHash::Sha256 };
};
}

TranscriptDigest TranscriptDigest::of(Store& store, const SampleRow& sample)
{
    TranscriptDigest digest;
    Hasher row;
    row << sample.sampleId << qint64(sample.epoch) << sample.program << sample.tier << sample.language << sample.score
        << qint64(sample.solved) << sample.totalTime << sample.workingTime << sample.error << sample.limitType
        << qint64(sample.events) << sample.inputTokens << sample.outputTokens << sample.totalCost
        << QString::fromUtf8(sample.scoreMetadataJson);
    digest.sample = row.hex();

    const std::unique_ptr<TranscriptQuery> transcript = store.transcript(sample.id);
    Hasher events;
    transcript->visitEvents([&](const StoredEvent& event) {
        events << qint64(event.seq) << event.type << event.timestamp << event.spanId << event.summary << event.model
               << event.inputTokens << event.outputTokens << event.payload;
        ++digest.events;
        return true;
    });
    digest.eventsHash = events.hex();
    Hasher messages;
    transcript->visitMessages([&](const StoredMessage& message) {
        messages << qint64(message.kind) << qint64(message.index) << qint64(message.eventSeq) << message.role
                 << message.toolCallId << message.function << message.json;
        ++digest.messages;
        return true;
    });
    digest.messagesHash = messages.hex();
    const PassCurve curve = passCurve(*transcript, PriceTable());
    Hasher points;
    points << curve.source;
    for (const PassPoint& point : curve.points)
        points << qint64(point.seq) << point.workingStart << point.cost << point.visible << point.heldOut;
    for (const int step : curve.compactions)
        points << qint64(step);
    for (const int step : curve.errors)
        points << qint64(step);
    digest.curvePoints = qint64(curve.points.size());
    digest.curveHash = points.hex();
    return digest;
}

QString TranscriptDigest::line() const
{
    return QStringLiteral("sample %1 events %2 %3 messages %4 %5 curve %6 %7")
        .arg(QString::fromLatin1(sample.left(16)))
        .arg(events)
        .arg(QString::fromLatin1(eventsHash.left(16)))
        .arg(messages)
        .arg(QString::fromLatin1(messagesHash.left(16)))
        .arg(curvePoints)
        .arg(QString::fromLatin1(curveHash.left(16)));
}

bool TranscriptDigest::operator==(const TranscriptDigest& other) const
{
    return events == other.events && messages == other.messages && curvePoints == other.curvePoints
        && sample == other.sample && eventsHash == other.eventsHash && messagesHash == other.messagesHash
        && curveHash == other.curveHash;
}
