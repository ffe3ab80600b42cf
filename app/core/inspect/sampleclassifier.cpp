// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampleclassifier.h"

#include "mirrorcodetargets.h"
#include "json/jsonvalues.h"

#include <cmath>

namespace {
QString firstKey(const rapidjson::Document& metadata, const QStringList& keys)
{
    for (const QString& key : keys) {
        QString value = scalarText(member(metadata, key.toUtf8().constData()));
        if (!value.isEmpty())
            return value;
    }
    return {};
}
}

void classifySample(SampleRecord& sample, const ImportOptions& options)
{
    if (!sample.metadataJson.isEmpty()) {
        rapidjson::Document metadata;
        if (parseJson(metadata, sample.metadataJson.constData(), size_t(sample.metadataJson.size()))) {
            sample.program = firstKey(metadata, options.programKeys);
            sample.tier = firstKey(metadata, options.tierKeys).toUpper();
            sample.language = firstKey(metadata, options.languageKeys).toLower();
        }
    }
    const MirrorCodeTarget* target = nullptr;
    if (sample.program.isEmpty()) {
        // `<program>_<language>`: program names hold underscores themselves (qsv_select), so try each split.
        for (qsizetype split = sample.id.lastIndexOf(QLatin1Char('_')); split > 0;
             split = sample.id.lastIndexOf(QLatin1Char('_'), split - 1)) {
            target = findMirrorCodeTarget(sample.id.left(split));
            if (target) {
                sample.program = QString::fromLatin1(target->program);
                if (sample.language.isEmpty())
                    sample.language = sample.id.mid(split + 1).toLower();
                break;
            }
        }
        if (!target)
            target = findMirrorCodeTarget(sample.id);
        if (target && sample.program.isEmpty())
            sample.program = QString::fromLatin1(target->program);
    } else {
        target = findMirrorCodeTarget(sample.program);
    }
    if (sample.tier.isEmpty() && target)
        sample.tier = QString(QLatin1Char(target->tier));

    sample.solved = -1;
    if (!sample.scores.empty() && !std::isnan(sample.scores.front().value))
        sample.solved = sample.scores.front().value >= options.solvedThreshold ? 1 : 0;
}
