// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

class PriceTable;
class Store;

/// What a replay's header says of one sample: what it is (task, model, program, epoch) and how it ended (scores,
/// outcome, limit, error, cost, working time, events, tokens). Read from the store once; every value is computed from
/// what is stored, the cost and the pass fractions as the explorer computes them (analyseSamples).
class SampleHeader {
    Q_DECLARE_TR_FUNCTIONS(SampleHeader)

public:
    /// One fact: what it is, its value as written, and whether it is news good or bad.
    struct Fact {
        enum class Tone { Plain, Good, Bad };
        QString label;
        QString value;
        Tone tone = Tone::Plain;
        bool isError = false; ///< the sample's error: its message, with a traceback to show
    };

    SampleHeader() = default;
    /// The header of sample `sampleId` (its store id); not valid when the store has no such sample.
    static SampleHeader read(Store& store, qint64 sampleId, const PriceTable& prices);

    bool isValid() const { return m_valid; }
    const SampleRow& sample() const { return m_sample; }
    const SampleDetail& detail() const { return m_detail; }

    /// What the sample is: its task, model, program (tier, language) or sample id, and epoch N of M.
    QStringList identity() const;
    /// How it ended, in the order a reader asks: outcome, held-out and visible tests, score, limit, error, cost,
    /// working time, events, tokens. Facts the log does not report are left out, except the outcome and the cost,
    /// which say "unscored" and "no price".
    std::vector<Fact> facts() const;
    /// "epoch 2 of 3".
    QString epochText() const;
    /// The limit the sample reached, with its value where the log gives one ("cost limit of $60.00 reached"); empty
    /// when it reached none.
    QString limitText() const;
    /// The cost limit it ran under in dollars: its run's, else the limit it reached when that was a cost limit; NaN
    /// where it had none.
    double costLimit() const;
    /// The sample's error message; empty when it ended without one.
    QString error() const { return m_sample.error; }
    /// The traceback of its error, as the log gives it (else its last error event's); empty where it holds none.
    QString traceback() const;

private:
    SampleRow m_sample;
    SampleDetail m_detail;
    bool m_valid = false;
};
