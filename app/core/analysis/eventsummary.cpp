// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "eventsummary.h"

#include <QStringList>

namespace {
// A structured summary: the record separator, its kind, then its fields, each after a unit separator. Neither
// character occurs in one line of a log's text, and neither is whitespace, so cutting a line keeps them.
constexpr QChar record(0x1e);
constexpr QChar unit(0x1f);

QString fields(const char* kind, const QStringList& values)
{
    QString stored = QString(record) + QLatin1String(kind);
    for (const QString& value : values)
        stored += unit + value;
    return stored;
}
}

QString EventSummary::modelError(const QString& error)
{
    return fields("model_error", { error });
}

QString EventSummary::score(const QString& valueJson, bool intermediate, const QString& explanation)
{
    return fields("score", { valueJson, intermediate ? QStringLiteral("1") : QStringLiteral("0"), explanation });
}

QString EventSummary::compaction(const QString& type, const QString& tokensBefore, const QString& tokensAfter)
{
    return fields("compaction", { type, tokensBefore, tokensAfter });
}

QString EventSummary::limit(const QString& type, const QString& message)
{
    return fields("limit", { type, message });
}

QString EventSummary::changes(int count)
{
    return fields("changes", { QString::number(count) });
}

QString EventSummary::approval(const QString& decision, const QString& approver)
{
    return fields("approval", { decision, approver });
}

QString EventSummary::unknownType(const QString& type)
{
    return fields("unknown", { type });
}

QString EventSummary::phrase(const QString& stored)
{
    if (!stored.startsWith(record))
        return stored;
    const QStringList parts = stored.mid(1).split(unit);
    const QString& kind = parts.first();
    const auto field = [&](qsizetype i) { return i < parts.size() ? parts[i] : QString(); };
    if (kind == QLatin1String("model_error"))
        return tr("model error: %1").arg(field(1));
    if (kind == QLatin1String("score")) {
        QString line = field(1);
        if (field(2) == QLatin1String("1"))
            line += QLatin1Char(' ') + tr("(intermediate)");
        if (!field(3).isEmpty())
            line += QStringLiteral(": ") + field(3);
        return line;
    }
    if (kind == QLatin1String("compaction"))
        return tr("%1 compaction: %2 \u2192 %3 tokens").arg(field(1), field(2), field(3));
    if (kind == QLatin1String("limit"))
        return tr("%1 limit: %2").arg(field(1), field(2));
    if (kind == QLatin1String("changes"))
        return tr("%n change(s)", nullptr, field(1).toInt());
    if (kind == QLatin1String("approval"))
        return tr("%1 by %2").arg(field(1), field(2));
    if (kind == QLatin1String("unknown"))
        return tr("%1 (an event type this version does not know)").arg(field(1));
    return parts.join(QLatin1Char(' '));
}
