// Threshold curves against figures worked out by hand on small tables.
#include "core/eval/ThresholdCurve.h"

#include <QTest>

#include <cmath>

using namespace hqa::core;

class TestThresholdCurve : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handComputed()
    {
        // Scores 0.1 0.3 0.6 0.8 0.9 with truth 0 0 1 0 1, and one unknown that must be skipped.
        const std::vector<double> scores{0.1, 0.3, 0.6, 0.8, 0.9, 0.5};
        const std::vector<int> truth{0, 0, 1, 0, 1, -1};
        const ThresholdCurve c = computeThresholdCurve(Attribute::Framing, scores, truth, 0.5, 11);
        QCOMPARE(c.scored, 5);
        QCOMPARE(int(c.points.size()), 11);
        // At 0.5: predicted pass 0.6, 0.8, 0.9 -> TP 2, FP 1, TN 2, FN 0.
        const ThresholdPoint& p = c.points[5];
        QCOMPARE(p.threshold, 0.5);
        QCOMPARE(p.truePass, 2);
        QCOMPARE(p.falsePass, 1);
        QCOMPARE(p.trueFail, 2);
        QCOMPARE(p.falseFail, 0);
        QCOMPARE(p.accuracy, 0.8);
        QCOMPARE(p.balancedAccuracy, 0.5 * (1.0 + 2.0 / 3.0));
        QCOMPARE(p.passF1, 4.0 / 5.0); // 2TP / (2TP + FP + FN)
        QCOMPARE(p.failF1, 4.0 / 5.0); // 2TN / (2TN + FN + FP)
        // At 0.0 everything passes: accuracy 2/5, balanced 0.5, fail F1 undefined.
        QCOMPARE(c.points[0].accuracy, 0.4);
        QCOMPARE(c.points[0].balancedAccuracy, 0.5);
        QCOMPARE(c.points[0].failF1, 0.0); // no fail predicted: 2TN / (2TN + FN + FP) = 0 / 3
        // The best balanced accuracy: 0.5 and 0.6 both give 0.8333 (0.6 itself still passes 0.6); 0.5 is the
        // current threshold, so ties keep it.
        QCOMPARE(c.bestThreshold, 0.5);
        QVERIFY(std::abs(c.points[6].balancedAccuracy - 0.5 * (1.0 + 2.0 / 3.0)) < 1e-12);
        // At 0.9 only 0.9 passes: TP 1, FN 1, TN 3 -> balanced (0.5 + 1) / 2.
        QCOMPARE(c.points[9].balancedAccuracy, 0.75);
    }

    void oneClassOnly()
    {
        const ThresholdCurve c = computeThresholdCurve(Attribute::Lighting, {0.2, 0.7}, {1, 1}, 0.4, 5);
        for (const ThresholdPoint& p : c.points)
            QVERIFY(std::isnan(p.balancedAccuracy));
        QCOMPARE(c.bestThreshold, 0.4); // nothing to tune on: the current threshold stays
        QCOMPARE(c.points[4].accuracy, 0.0); // threshold 1.0: both fail
    }
};

QTEST_GUILESS_MAIN(TestThresholdCurve)
#include "tst_threshold_curve.moc"
