// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "analysis/activitypatterns.h"
#include "records/anatomyrecords.h"
#include "records/storerows.h"

#include <QJsonObject>
#include <QString>

/// One sample's run report: its anatomy as the JSON `report --json` prints (the contract scripts read), or as a
/// one-page Markdown or HTML report (header, curve, anatomy).
class AnatomyReport {
public:
    AnatomyReport(const Anatomy& anatomy, const SampleRow& sample, const ActivityPatterns& patterns);

    QJsonObject json() const;
    QString markdown() const;
    QString html() const;

    /// Seconds as a person reads them: "3 d 4 h", "2 h 5 min", "40 s".
    static QString duration(double seconds);

private:
    QString label(const QString& activity) const;
    QString headline() const;
    QStringList findings() const;
    QString svgCurve() const;
    QString testsMarkdown() const;
    QJsonObject sampleJson() const;

    const Anatomy& m_anatomy;
    const SampleRow& m_sample;
    const ActivityPatterns& m_patterns;
};
