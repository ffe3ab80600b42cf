// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampleheader.h"

#include "analysis/pricetable.h"
#include "analysis/solverates.h"
#include "cellformat.h"
#include "store/store.h"

#include <cmath>

SampleHeader SampleHeader::read(Store& store, qint64 sampleId, const PriceTable& prices)
{
    SampleHeader header;
    std::optional<SampleRow> sample = store.sample(sampleId);
    std::optional<SampleDetail> detail = store.sampleDetail(sampleId);
    if (!sample || !detail)
        return header;
    std::vector<SampleRow> rows { std::move(*sample) };
    analyseSamples(rows, store.usage(sampleId), prices);
    header.m_sample = std::move(rows.front());
    header.m_detail = std::move(*detail);
    header.m_valid = true;
    return header;
}

QString SampleHeader::epochText() const
{
    return tr("epoch %1 of %2").arg(m_sample.epoch).arg(std::max(m_detail.epochs, m_sample.epoch));
}

QStringList SampleHeader::identity() const
{
    QStringList parts { m_sample.task, m_sample.model };
    if (!m_sample.program.isEmpty()) {
        QStringList about;
        if (!m_sample.tier.isEmpty())
            about << tr("tier %1").arg(m_sample.tier);
        if (!m_sample.language.isEmpty())
            about << m_sample.language;
        parts << (about.isEmpty() ? m_sample.program
                                  : tr("%1 (%2)").arg(m_sample.program, about.join(QStringLiteral(", "))));
    } else {
        parts << tr("sample %1").arg(m_sample.sampleId);
    }
    parts << epochText();
    parts.removeAll(QString());
    return parts;
}

QString SampleHeader::limitText() const
{
    const QString& type = m_sample.limitType;
    if (type.isEmpty())
        return {};
    const double value = m_detail.limitValue;
    if (std::isnan(value))
        return tr("%1 limit reached").arg(type);
    QString amount;
    if (type == QLatin1String("cost"))
        amount = CellFormat::cost(value);
    else if (type == QLatin1String("time") || type == QLatin1String("working"))
        amount = CellFormat::duration(value);
    else if (value == std::floor(value))
        amount = CellFormat::count(qint64(value));
    else
        amount = QString::number(value);
    return tr("%1 limit of %2 reached").arg(type, amount);
}

double SampleHeader::costLimit() const
{
    if (!std::isnan(m_detail.costLimit))
        return m_detail.costLimit;
    return m_sample.limitType == QLatin1String("cost") ? m_detail.limitValue : notANumber;
}

QString SampleHeader::traceback() const
{
    return m_detail.errorTraceback;
}

std::vector<SampleHeader::Fact> SampleHeader::facts() const
{
    using Tone = Fact::Tone;
    std::vector<Fact> facts;
    const int solved = m_sample.solved;
    facts.push_back({ tr("Outcome"),
        solved < 0       ? tr("unscored")
            : solved > 0 ? tr("solved")
                         : tr("not solved"),
        solved < 0       ? Tone::Plain
            : solved > 0 ? Tone::Good
                         : Tone::Bad });
    if (!std::isnan(m_sample.heldOutPass))
        facts.push_back({ tr("Held-out tests"), CellFormat::percent(m_sample.heldOutPass) });
    if (!std::isnan(m_sample.visiblePass))
        facts.push_back({ tr("Visible tests"), CellFormat::percent(m_sample.visiblePass) });
    if (!std::isnan(m_sample.score))
        facts.push_back({ tr("Score"), QString::number(m_sample.score, 'g', 3) });
    if (const QString limit = limitText(); !limit.isEmpty())
        facts.push_back({ tr("Limit"), limit, Tone::Bad });
    if (!m_sample.error.isEmpty()) {
        // Its first line: the whole message and its traceback are a click away.
        QString first = m_sample.error.section(QLatin1Char('\n'), 0, 0).simplified();
        constexpr int shown = 80;
        if (first.size() > shown || m_sample.error.contains(QLatin1Char('\n')))
            first = first.left(shown) + QStringLiteral("\u2026");
        facts.push_back({ tr("Error"), first, Tone::Bad, true });
    }
    facts.push_back({ tr("Cost"), CellFormat::cost(m_sample.totalCost) });
    if (!std::isnan(m_sample.workingTime))
        facts.push_back({ tr("Working time"), CellFormat::duration(m_sample.workingTime) });
    facts.push_back({ tr("Events"), CellFormat::count(m_sample.events) });
    if (m_sample.inputTokens > 0 || m_sample.outputTokens > 0)
        facts.push_back({ tr("Tokens"),
            tr("%1 in, %2 out")
                .arg(CellFormat::count(m_sample.inputTokens), CellFormat::count(m_sample.outputTokens)) });
    return facts;
}
