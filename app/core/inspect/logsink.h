// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "records/logrecords.h"

/// Receives what a log reader finds, in file order. A reader stops when a call returns false.
class LogSink {
public:
    virtual ~LogSink() = default;
    virtual bool run(const RunRecord& run) = 0;
    /// A sample starts: its identity and the fields that come before its events.
    virtual bool beginSample(const SampleRecord& sample) = 0;
    virtual bool event(const EventRecord& event) = 0;
    virtual bool message(const MessageRecord& message) = 0;
    virtual bool attachment(const QString& hash, std::string_view text) = 0;
    /// An entry of the sample's pool of raw model API calls (`events_data.calls`), which `call_refs` index.
    virtual bool modelCall(int index, std::string_view json) = 0;
    /// The sample ends: all its fields, including those that follow its events.
    virtual bool endSample(const SampleRecord& sample) = 0;
    /// A sample known only from a summary (journal of an unfinished run, or a sample member not written yet).
    virtual bool summarySample(const SampleRecord& sample) = 0;
};
