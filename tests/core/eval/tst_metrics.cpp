// Metric code checked against values computed by hand (see the comments next to each expectation).
#include "core/eval/Metrics.h"

#include <QtTest>

#include <cmath>

using namespace hqa::core;

namespace {
Label L(const char* s) { return *parseLabel(QString::fromLatin1(s)); }
} // namespace

class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handComputedTable();
    void perfectPrediction();
    void emptyInput();
};

void TestMetrics::handComputedTable()
{
    //            lighting background attire expression framing sharpness
    const std::vector<Label> truth = {L("110-10"), L("111111"), L("0-0011"), L("101010")};
    const std::vector<Label> pred = {L("100110"), L("111111"), L("0100-1"), L("101011")};
    const Metrics m = computeMetrics(truth, pred);

    QCOMPARE(m.images, 4);
    QCOMPARE(m.scoredVerdicts, 22); // 24 minus the two '-' in the truth
    QCOMPARE(m.correctVerdicts, 19); // wrong: background of #0, framing of #2 (unjudged), sharpness of #3
    QVERIFY(std::abs(m.hammingAccuracy - 19.0 / 22.0) < 1e-12);
    QCOMPARE(m.exactMatches, 1); // only #1
    QCOMPARE(m.exactMatch, 0.25);
    QCOMPARE(m.imagesWithUnknowns, 2);

    // background: TP 1 (#1), false fail 1 (#0), true fail 1 (#3), #2 not scored.
    const AttributeMetrics& bg = m.attributes[index(Attribute::Background)];
    QCOMPARE(bg.confusion.truePass, 1);
    QCOMPARE(bg.confusion.falseFail, 1);
    QCOMPARE(bg.confusion.trueFail, 1);
    QCOMPARE(bg.confusion.falsePass, 0);
    QVERIFY(std::abs(bg.accuracy - 2.0 / 3.0) < 1e-12);
    QCOMPARE(bg.passClass.precision, 1.0);
    QCOMPARE(bg.passClass.recall, 0.5);
    QVERIFY(std::abs(bg.passClass.f1 - 2.0 / 3.0) < 1e-12);
    QCOMPARE(bg.failClass.precision, 0.5);
    QCOMPARE(bg.failClass.recall, 1.0);
    QVERIFY(std::abs(bg.failClass.f1 - 2.0 / 3.0) < 1e-12);
    QCOMPARE(bg.balancedAccuracy, 0.75);

    // framing: the '-' prediction on #2 is unjudged and counts as a predicted fail.
    const AttributeMetrics& fr = m.attributes[index(Attribute::Framing)];
    QCOMPARE(fr.unjudged, 1);
    QCOMPARE(fr.confusion.truePass, 3);
    QCOMPARE(fr.confusion.falseFail, 1);
    QVERIFY(std::abs(fr.passClass.f1 - 6.0 / 7.0) < 1e-12);
    QCOMPARE(fr.failClass.precision, 0.0);
    QVERIFY(std::isnan(fr.failClass.recall)); // no true fails
    QVERIFY(std::isnan(fr.balancedAccuracy));

    // sharpness: TP 2, TF 1, false pass 1.
    const AttributeMetrics& sh = m.attributes[index(Attribute::Sharpness)];
    QVERIFY(std::abs(sh.passClass.precision - 2.0 / 3.0) < 1e-12);
    QCOMPARE(sh.passClass.f1, 0.8);
    QCOMPARE(sh.failClass.recall, 0.5);
    QCOMPARE(sh.balancedAccuracy, 0.75);

    // Macro F1 = mean pass F1 = (1 + 2/3 + 1 + 1 + 6/7 + 0.8) / 6.
    QVERIFY(std::abs(m.macroF1 - (1 + 2.0 / 3 + 1 + 1 + 6.0 / 7 + 0.8) / 6) < 1e-12);
}

void TestMetrics::perfectPrediction()
{
    const std::vector<Label> truth = {L("111111"), L("000000"), L("1-1-1-")};
    const Metrics m = computeMetrics(truth, truth);
    QCOMPARE(m.hammingAccuracy, 1.0);
    QCOMPARE(m.exactMatch, 1.0);
    QCOMPARE(m.macroF1, 1.0);
    for (const auto& a : m.attributes)
        QCOMPARE(a.balancedAccuracy, 1.0);
}

void TestMetrics::emptyInput()
{
    const Metrics m = computeMetrics({}, {});
    QCOMPARE(m.images, 0);
    QVERIFY(std::isnan(m.hammingAccuracy));
    QVERIFY(std::isnan(m.macroF1));
}

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
