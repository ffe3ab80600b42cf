// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/storerows.h"

#include <QCommandLineParser>
#include <QString>
#include <vector>

class Store;

/// The SAMPLE a command names: a store id (what `runlens-cli samples` lists as `id`) or a sample's own name in its
/// log (`gotree_rust`), with --model, --epoch and --run to choose among the samples of that name.
class SampleArgument {
public:
    /// What --model, --epoch and --run ask for; empty or 0: any.
    struct Choice {
        QString model;
        int epoch = 0;
        qint64 run = 0;
    };

    /// The outcome: the sample chosen, or an error naming the candidates (id, model, epoch, run).
    struct Resolution {
        qint64 sampleId = 0; ///< 0 when `error` says why none was chosen
        QString error;
        std::vector<SampleRow> candidates; ///< the samples the argument could name, when more or none than one fit
    };

    /// Adds --model, --epoch and --run to `parser`.
    static void addOptions(QCommandLineParser& parser);
    /// The choice `parser` holds; `error` set when --epoch or --run is not a number.
    static Choice choiceOf(const QCommandLineParser& parser, QString* error);
    /// Resolves `argument` among `samples` (a store's samples): a number is a store id unless samples carry that
    /// name; a name must leave exactly one sample once the choice is applied.
    static Resolution resolve(const std::vector<SampleRow>& samples, const QString& argument, const Choice& choice);
    /// resolve() over `store`'s samples, reading --model, --epoch and --run from `parser`.
    static Resolution resolve(Store& store, const QString& argument, const QCommandLineParser& parser);
};
