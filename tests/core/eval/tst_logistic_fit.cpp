// The logistic fit behind the background measure's scene probe (core/eval/LogisticFit): it finds the direction that
// separates two classes whatever the units, weighs both classes equally, shrinks with its penalty, refuses one
// class, and its cross-validation keeps each group on one side so that memorising a group earns nothing.

#include "core/eval/LogisticFit.h"

#include <QtTest>

#include <random>

using namespace hqa::core;

namespace {

struct Data {
    std::vector<std::vector<double>> rows;
    std::vector<int> labels;
    std::vector<QString> groups;
};

/// Two features: the first separates the classes (class 1 around +1, class 0 around -1, noise 0.5), the second is
/// noise. `negatives` of class 0 and `positives` of class 1; the first feature is multiplied by `unit`.
Data twoClasses(int positives, int negatives, double unit, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> noise(0.0, 0.5);
    Data d;
    for (int i = 0; i < positives + negatives; ++i) {
        const int y = i < positives ? 1 : 0;
        d.rows.push_back({unit * ((y ? 1.0 : -1.0) + noise(rng)), noise(rng) * 3.0});
        d.labels.push_back(y);
        d.groups.push_back(QString::number(i));
    }
    return d;
}

double balancedAccuracy(const std::vector<double>& p, const std::vector<int>& y)
{
    int tp = 0, pos = 0, tn = 0, neg = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        (y[i] ? pos : neg) += 1;
        if (y[i] && p[i] >= 0.5)
            ++tp;
        if (!y[i] && p[i] < 0.5)
            ++tn;
    }
    return 0.5 * (double(tp) / pos + double(tn) / neg);
}

} // namespace

class TestLogisticFit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void separatesAndIgnoresNoise()
    {
        const Data d = twoClasses(100, 100, 1.0, 1);
        const LinearProbe probe = fitLogistic(d.rows, d.labels, {0.1, 100});
        QVERIFY(probe.fits(2));
        QVERIFY2(probe.weight[0] > 1.0, qPrintable(QString::number(probe.weight[0])));
        QVERIFY2(std::abs(probe.weight[1]) < 0.3 * probe.weight[0], qPrintable(QString::number(probe.weight[1])));
        std::vector<double> p;
        for (const auto& r : d.rows)
            p.push_back(probe.probability(r));
        QVERIFY(balancedAccuracy(p, d.labels) > 0.95);
        QVERIFY(probe.probability(std::vector<double>{2.0, 0.0}) > 0.9);
        QVERIFY(probe.probability(std::vector<double>{-2.0, 0.0}) < 0.1);
    }

    /// Features are standardised: a change of units gives the same probabilities.
    void unitsDoNotMatter()
    {
        const Data a = twoClasses(60, 60, 1.0, 2);
        const Data b = twoClasses(60, 60, 1000.0, 2);
        const LinearProbe pa = fitLogistic(a.rows, a.labels);
        const LinearProbe pb = fitLogistic(b.rows, b.labels);
        for (size_t i = 0; i < a.rows.size(); ++i)
            QVERIFY(std::abs(pa.probability(a.rows[i]) - pb.probability(b.rows[i])) < 1e-6);
    }

    /// Each class weighs half: with 10 positives among 200 the boundary stays between the classes instead of
    /// moving onto the rare one (an unweighted fit calls most of them negative).
    void classesWeighEqually()
    {
        const Data d = twoClasses(10, 190, 1.0, 3);
        const LinearProbe probe = fitLogistic(d.rows, d.labels, {0.1, 100});
        QVERIFY(probe.fits(2));
        // Halfway between the class centres the probability is near one half.
        const double mid = probe.probability(std::vector<double>{0.0, 0.0});
        QVERIFY2(mid > 0.3 && mid < 0.7, qPrintable(QString::number(mid)));
    }

    /// A larger penalty gives smaller weights.
    void penaltyShrinks()
    {
        const Data d = twoClasses(50, 50, 1.0, 4);
        const double loose = fitLogistic(d.rows, d.labels, {0.001, 100}).weight[0];
        const double tight = fitLogistic(d.rows, d.labels, {10.0, 100}).weight[0];
        QVERIFY2(tight < 0.5 * loose, qPrintable(QStringLiteral("%1 vs %2").arg(tight).arg(loose)));
        QVERIFY(tight > 0);
    }

    void needsBothClasses()
    {
        Data d = twoClasses(20, 0, 1.0, 5);
        QVERIFY(!fitLogistic(d.rows, d.labels).fits(2));
        QVERIFY(!fitLogistic({}, {}).fits(0));
        const auto cv = crossValidatedProbabilities(d.rows, d.labels, d.groups, 5);
        QCOMPARE(cv.size(), d.rows.size());
        for (double p : cv)
            QVERIFY(std::isnan(p));
    }

    /// Labels that belong to groups, not to the features' class signal: each group (10 near-identical rows, a
    /// random label) has its own location in a 60-dimensional space (more dimensions than groups). A fit that saw a group predicts it, so
    /// row-wise folds would score far above chance; folds by group cannot, and must not.
    void foldsKeepGroupsApart()
    {
        std::mt19937 rng(6);
        std::normal_distribution<double> n01(0.0, 1.0);
        std::bernoulli_distribution coin(0.5);
        Data d;
        for (int g = 0; g < 40; ++g) {
            std::vector<double> centre(60);
            for (double& c : centre)
                c = n01(rng);
            const int y = g % 2;
            for (int k = 0; k < 10; ++k) {
                std::vector<double> r = centre;
                for (double& v : r)
                    v += 0.01 * n01(rng);
                d.rows.push_back(r);
                d.labels.push_back(y);
                d.groups.push_back(QStringLiteral("g%1").arg(g));
            }
        }
        const auto byGroup = crossValidatedProbabilities(d.rows, d.labels, d.groups, 5, {0.001, 100});
        std::vector<QString> byRow;
        for (size_t i = 0; i < d.rows.size(); ++i)
            byRow.push_back(QString::number(i));
        const auto leaky = crossValidatedProbabilities(d.rows, d.labels, byRow, 5, {0.001, 100});
        const double grouped = balancedAccuracy(byGroup, d.labels), rowwise = balancedAccuracy(leaky, d.labels);
        QVERIFY2(rowwise > 0.95, qPrintable(QString::number(rowwise)));
        QVERIFY2(grouped < 0.75, qPrintable(QString::number(grouped)));
    }
};

QTEST_GUILESS_MAIN(TestLogisticFit)
#include "tst_logistic_fit.moc"
