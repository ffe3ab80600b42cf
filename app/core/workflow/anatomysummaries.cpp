// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "anatomysummaries.h"

#include "analysis/activitypatterns.h"
#include "analysis/anatomystatistics.h"
#include "store/store.h"
#include "store/transcriptquery.h"
#include "transcriptanalysis.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <algorithm>

AnatomySummaries::AnatomySummaries(Store& store, PriceTable prices)
    : m_store(store)
    , m_prices(std::move(prices))
    , m_basis(basisOf(m_prices))
{
}

QString AnatomySummaries::basisOf(const PriceTable& prices)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    QStringList models = prices.prices().keys();
    std::sort(models.begin(), models.end());
    for (const QString& model : models) {
        const ModelPrice& price = prices.prices()[model];
        hash.addData(model.toUtf8());
        for (const double value : { price.input, price.output, price.cacheRead, price.cacheWrite })
            hash.addData(QByteArray::number(value, 'g', 17));
    }
    // The user's own activity patterns, when there are some, class the calls before the shipped ones.
    QFile patterns(ActivityPatterns::userPath());
    if (patterns.open(QIODevice::ReadOnly))
        hash.addData(patterns.readAll());
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<std::vector<AnatomySummary>> AnatomySummaries::of(
    const std::vector<SampleRow>& samples, const Progress& progress)
{
    m_computed = 0;
    m_error.clear();
    std::vector<AnatomySummary> summaries;
    summaries.reserve(samples.size());
    const int total = int(samples.size());
    for (const SampleRow& sample : samples) {
        std::optional<AnatomySummary> summary
            = m_store.anatomySummary(sample.id, AnatomyStatistics::summaryVersion, m_basis);
        if (!summary) {
            const std::unique_ptr<TranscriptQuery> transcript = m_store.transcript(sample.id);
            if (!transcript) {
                transcriptFailed(sample);
                return std::nullopt;
            }
            Anatomy anatomy = runAnatomy(*transcript, sample, m_prices);
            followEdits(*transcript, anatomy);
            summary = keep(sample, anatomy);
        }
        summaries.push_back(std::move(*summary));
        if (progress && !progress(int(summaries.size()), total, m_computed)) {
            m_error = QCoreApplication::translate("AnatomySummaries", "stopped");
            return std::nullopt;
        }
    }
    return summaries;
}

std::optional<Anatomy> AnatomySummaries::anatomy(const SampleRow& sample)
{
    m_computed = 0;
    m_error.clear();
    const std::unique_ptr<TranscriptQuery> transcript = m_store.transcript(sample.id);
    if (!transcript) {
        transcriptFailed(sample);
        return std::nullopt;
    }
    Anatomy anatomy = runAnatomy(*transcript, sample, m_prices);
    std::optional<AnatomySummary> kept = m_store.anatomySummary(sample.id, AnatomyStatistics::summaryVersion, m_basis);
    // Kept from the same version and basis, it describes the same regressions.
    if (kept && kept->regressionDiffLines.size() == anatomy.regressions.size()) {
        anatomy.undoEdits = std::move(kept->undoEdits);
        anatomy.codeGrowth = std::move(kept->codeGrowth);
        anatomy.uncertainEdits = kept->uncertainEdits;
        for (size_t i = 0; i < anatomy.regressions.size(); ++i)
            anatomy.regressions[i].diffLines = kept->regressionDiffLines[i];
    } else {
        followEdits(*transcript, anatomy);
        keep(sample, anatomy);
    }
    return anatomy;
}

AnatomySummary AnatomySummaries::keep(const SampleRow& sample, const Anatomy& anatomy)
{
    AnatomySummary summary = AnatomyStatistics::summarize(sample.id, anatomy);
    ++m_computed;
    // A store that cannot keep it (read-only) computes it again next time; the figures are the same.
    if (m_keeping && !m_store.isReadOnly())
        m_store.saveAnatomySummary(summary, AnatomyStatistics::summaryVersion, m_basis);
    return summary;
}

bool AnatomySummaries::isKept(const SampleRow& sample)
{
    return m_store.anatomySummary(sample.id, AnatomyStatistics::summaryVersion, m_basis).has_value();
}

bool AnatomySummaries::save(const std::vector<AnatomySummary>& summaries)
{
    for (const AnatomySummary& summary : summaries) {
        if (!m_store.saveAnatomySummary(summary, AnatomyStatistics::summaryVersion, m_basis)) {
            m_error = m_store.errorString();
            return false;
        }
    }
    return true;
}

void AnatomySummaries::transcriptFailed(const SampleRow& sample)
{
    m_error = QCoreApplication::translate("AnatomySummaries", "cannot read the anatomy of sample %1: %2")
                  .arg(sample.id)
                  .arg(m_store.errorString());
}
