// The group-aware split: no group on both sides, deterministic, near the requested fraction, independent of
// row order.
#include "core/train/Dataset.h"

#include <QTest>

#include <algorithm>
#include <random>
#include <set>

using namespace hqa::core;

class TestDatasetSplit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void groupsNeverStraddle_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("groupSize");
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("expectedVal");
        QTest::newRow("50 rows in groups of 5, 20%") << 50 << 5 << 0.2 << 10;
        QTest::newRow("40 singletons, 25%") << 40 << 1 << 0.25 << 10;
        QTest::newRow("30 rows in groups of 10, 20%") << 30 << 10 << 0.2 << 10; // 0 or 10: 10 is closer to 6
        QTest::newRow("no validation") << 20 << 2 << 0.0 << 0;
    }
    void groupsNeverStraddle()
    {
        QFETCH(int, rows);
        QFETCH(int, groupSize);
        QFETCH(double, fraction);
        QFETCH(int, expectedVal);
        std::vector<LabelRow> set;
        for (int i = 0; i < rows; ++i) {
            LabelRow r;
            r.file = QStringLiteral("img%1.png").arg(i);
            if (groupSize > 1)
                r.group = QStringLiteral("source%1").arg(i / groupSize);
            set.push_back(r);
        }
        const auto [train, val] = splitRowsByGroup(set, fraction, 7);
        QCOMPARE(int(train.size() + val.size()), rows);
        QCOMPARE(int(val.size()), expectedVal);
        std::set<QString> trainGroups;
        for (int t : train)
            trainGroups.insert(set[size_t(t)].group.isEmpty() ? set[size_t(t)].file : set[size_t(t)].group);
        for (int v : val)
            QVERIFY(!trainGroups.count(set[size_t(v)].group.isEmpty() ? set[size_t(v)].file : set[size_t(v)].group));
    }

    void deterministicAndOrderIndependent()
    {
        std::vector<LabelRow> set;
        for (int i = 0; i < 60; ++i) {
            LabelRow r;
            r.file = QStringLiteral("f%1.jpg").arg(i);
            r.group = QStringLiteral("g%1").arg(i % 13);
            set.push_back(r);
        }
        const auto valFiles = [](const std::vector<LabelRow>& rows, std::uint64_t seed) {
            std::set<QString> files;
            for (int v : splitRowsByGroup(rows, 0.2, seed).second)
                files.insert(rows[size_t(v)].file);
            return files;
        };
        const auto first = valFiles(set, 3);
        QCOMPARE(valFiles(set, 3), first);
        auto shuffled = set;
        std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(42));
        QCOMPARE(valFiles(shuffled, 3), first);
        // Another seed picks other groups (13 groups: the chance that two seeds agree is small, and these two don't).
        QVERIFY(valFiles(set, 4) != first);
    }
};

QTEST_GUILESS_MAIN(TestDatasetSplit)
#include "tst_dataset_split.moc"
