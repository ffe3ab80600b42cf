// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#pragma once

#include "runner/testsuite.h"

#include <QString>
#include <vector>

/// A small program whose reimplementation the generator writes for real: its Python source version by version
/// (each version adds a feature, one brings a regression that the next fixes) and its end-to-end test suite,
/// with expected outputs from a reference implementation written here.
class DemoProgram {
public:
    /// The programs with real code: choose, numfmt and bitwise (MirrorCode tier S targets, documented subsets).
    static const std::vector<DemoProgram>& all();
    static const DemoProgram* find(const QString& program);

    QString program() const { return m_program; }
    /// What the task prompt documents of the behaviour under test.
    QString documentation() const { return m_documentation; }
    /// The Python source of each version, first to last; the last passes every test.
    const std::vector<QByteArray>& versions() const { return m_versions; }
    /// The suite: visible tests and their held-out twins, expected outputs from the reference implementation.
    TestSuite suite() const;

private:
    QString m_program;
    QString m_documentation;
    std::vector<QByteArray> m_versions;
    std::vector<TestCase> m_tests;
};
