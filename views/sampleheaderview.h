// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "sampleheader.h"

#include <QWidget>

class QDialog;
class QLabel;

/// A replay's header: the sample it shows and how the sample ended, the facts wrapped onto as many lines as the width
/// needs (a fact is never split), its error's traceback one click away.
class SampleHeaderView : public QWidget {
    Q_OBJECT
public:
    explicit SampleHeaderView(const SampleHeader& header, QWidget* parent = nullptr);

    const SampleHeader& header() const { return m_header; }
    /// The header as it reads, without its markup.
    QString text() const;
    /// Opens the error's traceback in a window of its own, and returns it.
    QDialog* showTraceback();

private:
    QString markup() const;

    SampleHeader m_header;
    QLabel* m_label;
};
