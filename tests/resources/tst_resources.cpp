// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "analysis/pricetable.h"
#include "analysis/testoutputparser.h"

#include <QFile>
#include <QStandardPaths>
#include <QTest>

// This program links runlens_core and nothing else of ours: the tables the core loads from its resources must
// be there, not only in the programs that used to link a resource library of their own.
class TestResources : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void priceTableIsBuiltIn();
    void testPatternsAreBuiltIn();
};

void TestResources::initTestCase()
{
    // No user's copy of either table in the way of the built-in ones.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!QFile::exists(PriceTable::userPath()));
    QVERIFY(!QFile::exists(TestOutputParser::userPath()));
}

void TestResources::priceTableIsBuiltIn()
{
    QVERIFY(QFile::exists(QStringLiteral(":/runlens/prices.json")));
    const PriceTable table = PriceTable::standard();
    QVERIFY2(!table.prices().isEmpty(), qPrintable(table.errorString()));
}

void TestResources::testPatternsAreBuiltIn()
{
    QVERIFY(QFile::exists(QStringLiteral(":/runlens/test_patterns.json")));
    const auto counts = TestOutputParser::standard().parse(QStringLiteral("===== 2 failed, 3 passed in 0.12s ====="));
    QVERIFY(counts.has_value());
    QCOMPARE(counts->passed, 3);
    QCOMPARE(counts->failed, 2);
}

QTEST_GUILESS_MAIN(TestResources)
#include "tst_resources.moc"
