// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "commands.h"
#include "sampleargument.h"
#include "storeoption.h"

#include "analysis/eventtext.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "json/jsonvalues.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <cmath>
#include <memory>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("transcript", text);
}

void addTranscriptOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        tr("Writes a sample's transcript, read from the store a page at a time: as text, one block per event (its "
           "step, time since the sample's start, kind and what happened), for grep and diff; or with --json as JSON "
           "Lines, one object per event."));
    parser.addHelpOption();
    parser.addOption(storeOption());
    parser.addOption({ QStringLiteral("from"), tr("The first step written (default 0)."), QStringLiteral("STEP") });
    parser.addOption(
        { QStringLiteral("to"), tr("The last step written (default: the last)."), QStringLiteral("STEP") });
    parser.addOption({ QStringLiteral("text"), tr("Text, one block per event (the default).") });
    parser.addOption({ QStringLiteral("json"), tr("JSON Lines: one object per event.") });
    SampleArgument::addOptions(parser);
    parser.addPositionalArgument(QStringLiteral("SAMPLE"),
        tr("The sample: its id in the store (see runlens-cli samples) or its name, with --model, --epoch and --run "
           "to choose among several."));
}

/// Seconds as h:mm:ss.mmm.
QString clock(double seconds)
{
    const qint64 milliseconds = qint64(std::llround(std::max(0.0, seconds) * 1000));
    return QStringLiteral("%1:%2:%3.%4")
        .arg(milliseconds / 3600000)
        .arg(milliseconds / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(milliseconds / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(milliseconds % 1000, 3, 10, QLatin1Char('0'));
}

void writeText(QTextStream& out, const EventRow& row, const QString& rendering)
{
    QString body = QStringLiteral("    ") + rendering;
    body.replace(QLatin1Char('\n'), QStringLiteral("\n    "));
    out << QStringLiteral("#%1 %2 %3\n").arg(row.seq).arg(clock(row.workingStart), row.type) << body << "\n\n";
}

void writeJson(QTextStream& out, const EventRow& row, const QJsonObject& event, const QString& rendering)
{
    const QJsonObject line { { QStringLiteral("step"), row.seq },
        { QStringLiteral("time"), std::round(row.workingStart * 1000) / 1000 }, { QStringLiteral("type"), row.type },
        { QStringLiteral("timestamp"), row.timestamp }, { QStringLiteral("text"), rendering },
        { QStringLiteral("event"), event } };
    out << QJsonDocument(line).toJson(QJsonDocument::Compact) << '\n';
}
}

int runTranscriptCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    addTranscriptOptions(parser);
    parser.process(arguments);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("runlens-cli transcript: give one sample id (see runlens-cli samples)\n");
        return 2;
    }
    Store store;
    if (!openStore(store, parser, Store::OpenMode::Existing))
        return 1;
    const SampleArgument::Resolution sample
        = SampleArgument::resolve(store, parser.positionalArguments().first(), parser);
    if (sample.sampleId == 0) {
        err << QStringLiteral("runlens-cli transcript: ") << sample.error << '\n';
        return 1;
    }
    const qint64 sampleId = sample.sampleId;
    const std::unique_ptr<TranscriptQuery> query = store.transcript(sampleId);
    if (!query) {
        err << QStringLiteral("runlens-cli transcript: ") << store.errorString() << '\n';
        return 1;
    }
    TranscriptQuery& transcript = *query;
    const int last = transcript.lastStep();
    const int from = std::max(0, parser.value(QStringLiteral("from")).toInt());
    const int to
        = parser.isSet(QStringLiteral("to")) ? std::min(last, parser.value(QStringLiteral("to")).toInt()) : last;
    const bool json = parser.isSet(QStringLiteral("json"));
    QTextStream out(stdout);
    constexpr int pageSize = 500;
    for (int row = from; row <= to; row += pageSize) {
        for (const EventRow& event : transcript.events(row, std::min(pageSize, to - row + 1))) {
            // A model event's raw API call stays pooled: the call entries repeat the whole input every time.
            const QJsonObject payload = toJsonObject(transcript.payload(event.seq, false));
            const QString rendering = EventText::render(payload);
            if (json)
                writeJson(out, event, payload, rendering);
            else
                writeText(out, event, rendering);
        }
        out.flush();
    }
    return 0;
}
