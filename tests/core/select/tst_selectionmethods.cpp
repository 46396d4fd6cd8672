// Selection methods on small feature tables whose answers were computed by hand (baseline cost, percentiles, the
// filtering algorithm with and without percentiles, weak labels), the configuration file, the standard crop on
// synthetic face geometry, and the tracker on synthetic face boxes.

#include "core/select/FaceTracker.h"
#include "core/select/SelectionMethods.h"
#include "core/select/StandardCrop.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QtTest>

using namespace hqa::core;

namespace {

FaceCandidate face(double yaw, double pitch, double roll, double area)
{
    FaceCandidate f;
    f.geometry.yaw = yaw;
    f.geometry.pitch = pitch;
    f.geometry.roll = roll;
    f.area = area;
    return f;
}

std::vector<int> order(const Ranking& r)
{
    std::vector<int> o;
    for (const auto& f : r.order)
        o.push_back(f.index);
    return o;
}

/// A frontal face with 68 landmarks laid out like dlib's on a real face: eye line at eyeY, eye-to-chin T.
FaceGeometry syntheticFace(double cx, double eyeY, double t)
{
    FaceGeometry g;
    const double ied = 0.75 * t;
    g.eyeLeft = {cx - ied / 2, eyeY};
    g.eyeRight = {cx + ied / 2, eyeY};
    g.chin = {cx, eyeY + t};
    g.eyeToChin = t;
    g.interEyeDistance = ied;
    g.headTopY = eyeY - 1.15 * t;
    g.landmarks.resize(68);
    for (int i = 0; i <= 16; ++i) { // jaw: an arc from ear to ear through the chin
        const double a = CV_PI * (i / 16.0);
        g.landmarks[i] = {cx - 0.65 * t * std::cos(a), eyeY + 0.1 * t + 0.9 * t * std::sin(a)};
    }
    for (int i = 17; i <= 26; ++i) // brows
        g.landmarks[i] = {cx - 0.55 * t + (i - 17) * 0.12 * t, eyeY - 0.25 * t};
    for (int i = 27; i <= 35; ++i) // nose
        g.landmarks[i] = {cx, eyeY + (i - 27) * 0.07 * t};
    for (int i = 36; i <= 47; ++i) // eyes
        g.landmarks[i] = {(i < 42 ? g.eyeLeft.x : g.eyeRight.x) + ((i % 6) - 2.5) * 0.05 * t, eyeY};
    for (int i = 48; i <= 67; ++i) // mouth
        g.landmarks[i] = {cx + ((i % 10) - 5) * 0.04 * t, eyeY + 0.7 * t};
    g.box = cv::Rect2d(cx - 0.65 * t, eyeY - 0.35 * t, 1.3 * t, 1.35 * t);
    return g;
}

} // namespace

class TestSelectionMethods : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void baselineCost_data()
    {
        QTest::addColumn<double>("yaw");
        QTest::addColumn<double>("pitch");
        QTest::addColumn<double>("roll");
        QTest::addColumn<double>("area");
        QTest::addColumn<double>("expected");
        // (max(|yaw|-1,0) + 1.5 max(|pitch|-1,0) + 0.5 max(|roll|-1,0))^3 + max(200 - sqrt(area), 0)
        QTest::newRow("turned, small") << 3.0 << -2.0 << 5.0 << 10000.0 << (5.5 * 5.5 * 5.5 + 100.0);
        QTest::newRow("frontal, large") << 0.5 << 0.5 << -0.5 << 50625.0 << 0.0;
        QTest::newRow("yaw 11 only") << -11.0 << 1.0 << 1.0 << 40000.0 << 1000.0;
        QTest::newRow("pitch counts 1.5x") << 1.0 << 3.0 << 0.0 << 22500.0 << (27.0 + 50.0);
        QTest::newRow("roll counts 0.5x") << 0.0 << 0.0 << 7.0 << 0.0 << (27.0 + 200.0);
    }
    void baselineCost()
    {
        QFETCH(double, yaw);
        QFETCH(double, pitch);
        QFETCH(double, roll);
        QFETCH(double, area);
        QFETCH(double, expected);
        QCOMPARE(hqa::core::baselineCost(face(yaw, pitch, roll, area)), expected);
    }

    void baselineRanking()
    {
        const std::vector<FaceCandidate> g = {face(3, -2, 5, 10000), face(0.5, 0.5, -0.5, 50625),
                                              face(-11, 1, 1, 40000)};
        const Ranking r = rankBaseline(g);
        QCOMPARE(order(r), (std::vector<int>{1, 0, 2}));
        QCOMPARE(r.order[1].score, 266.375);
        QVERIFY(!r.why.isEmpty());
    }

    void percentiles()
    {
        const auto p = hqa::core::percentiles({1, 2, 2, 5}, true);
        QCOMPARE(p, (std::vector<double>{0.0, 50.0, 50.0, 100.0}));
        const auto q = hqa::core::percentiles({1, 2, 2, 5}, false);
        QCOMPARE(q, (std::vector<double>{100.0, 50.0, 50.0, 0.0}));
        QCOMPARE(hqa::core::percentiles({7}, true), std::vector<double>{100.0});
        const std::vector<double> ref = {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        QCOMPARE(referencePercentile(25, ref, true), 25.0);
        QCOMPARE(referencePercentile(25, ref, false), 75.0);
        QCOMPARE(referencePercentile(-3, ref, true), 0.0);
        QCOMPARE(referencePercentile(130, ref, true), 100.0);
    }

    /// Stage 1 (yaw, T 4, M 3) keeps faces 0 and 4 by T and face 1 by M (two faces better); stage 2 (area,
    /// M 1) keeps the largest of those, face 1. Dropped faces follow by the stage they reached.
    void filterHandComputed()
    {
        const std::vector<FaceCandidate> g = {face(2, 0, 0, 10000), face(5, 0, 0, 40000), face(12, 0, 0, 90000),
                                              face(20, 0, 0, 160000), face(3, 0, 0, 2500)};
        SelectionConfig c = SelectionConfig::defaults();
        c.scaleTopMInSmallGroups = false; // the paper's literal rule
        c.stages = {{SelectFeature::Yaw, 4.0, 3, std::nullopt}, {SelectFeature::Area, std::nullopt, 1, std::nullopt}};
        const Ranking r = rankFilter(g, c);
        QCOMPARE(order(r), (std::vector<int>{1, 0, 4, 2, 3}));
        QCOMPARE(r.stages.size(), size_t(2));
        QCOMPARE(r.stages[0].entered, 5);
        QCOMPARE(r.stages[0].survived, 3);
        QCOMPARE(r.stages[1].survived, 1);
        QCOMPARE(r.order[0].stageReached, 2);
        QCOMPARE(r.order[3].stageReached, 0);
        QVERIFY(r.order[3].note.contains(QLatin1String("stage 1")));
        QVERIFY(r.smallGroup);

        // With M scaled to the small group (3 * 5 / 10 -> 1), stage 1 keeps only faces 0 and 4 (T) and stage 2
        // the larger of them, face 0; face 1 now drops out at stage 1 with faces 2 and 3, ordered by |yaw|.
        c.scaleTopMInSmallGroups = true;
        const Ranking scaled = rankFilter(g, c);
        QCOMPARE(order(scaled), (std::vector<int>{0, 4, 1, 2, 3}));
        QCOMPARE(scaled.stages[0].survived, 2);
    }

    void filterPercentiles_data()
    {
        QTest::addColumn<int>("faces");
        QTest::addColumn<std::vector<int>>("expected");
        QTest::addColumn<bool>("percentileUsed");
        // Ten faces with |yaw| 0..9: face i beats 9 - i others, percentile 100 (9 - i) / 9 >= 60 for i <= 3.
        QTest::newRow("10 faces: P applies") << 10 << std::vector<int>{0, 1, 2, 3} << true;
        // Nine faces are below min_percentile_group: only M = 2 keeps faces.
        QTest::newRow("9 faces: no percentiles") << 9 << std::vector<int>{0, 1} << false;
    }
    void filterPercentiles()
    {
        QFETCH(int, faces);
        QFETCH(std::vector<int>, expected);
        QFETCH(bool, percentileUsed);
        std::vector<FaceCandidate> g;
        for (int i = 0; i < faces; ++i)
            g.push_back(face(i, 0, 0, 10000 + 100 * i));
        SelectionConfig c = SelectionConfig::defaults();
        c.minPercentileGroup = 10;
        c.scaleTopMInSmallGroups = false;
        c.stages = {{SelectFeature::Yaw, std::nullopt, 2, 60.0}};
        const Ranking r = rankFilter(g, c);
        QCOMPARE(r.stages[0].percentileUsed, percentileUsed);
        QCOMPARE(r.stages[0].survived, static_cast<int>(expected.size()));
        std::vector<int> survivors;
        for (const auto& f : r.order)
            if (f.stageReached == 1)
                survivors.push_back(f.index);
        std::sort(survivors.begin(), survivors.end());
        QCOMPARE(survivors, expected);
        QCOMPARE(r.winner(), 0);
    }

    /// A stage nobody passes (T unmet, M 0, no percentiles) lets everyone through instead of emptying the group.
    void filterStageNobodyPasses()
    {
        const std::vector<FaceCandidate> g = {face(30, 0, 0, 100), face(40, 0, 0, 400)};
        SelectionConfig c = SelectionConfig::defaults();
        c.stages = {{SelectFeature::Yaw, 5.0, 0, std::nullopt}, {SelectFeature::Area, std::nullopt, 1, std::nullopt}};
        const Ranking r = rankFilter(g, c);
        QCOMPARE(r.stages[0].survived, 2);
        QCOMPARE(r.winner(), 1);
    }

    /// Small group: percentiles come from the reference table. |yaw| 6 sits at the 30th value of the yaw table
    /// (0, 2, 4, 6, ...), so 70 % of the reference is worse: heuristic 1 = 0.7, bucket (P 50) entered = 1,
    /// label 0.85. |yaw| 24 is the 80th value: 0.2 and no bucket, label 0.1.
    void weakLabelsHandComputed()
    {
        SelectionConfig c = SelectionConfig::defaults();
        c.heuristicWeights = {{SelectFeature::Yaw, 1.0}};
        c.buckets = {QualityBucket{{{SelectFeature::Yaw, 50.0, std::nullopt}}}};
        const auto labels = weakLabels({face(6, 0, 0, 0), face(24, 0, 0, 0)}, c);
        QCOMPARE(labels.size(), size_t(2));
        QVERIFY(qFuzzyCompare(labels[0], 0.85));
        QVERIFY(qFuzzyCompare(labels[1], 0.1));
    }

    /// The forest learns the weak labels well enough to put a frontal, large, sharp face ahead of turned ones.
    void regressionPrefersGoodFace()
    {
        std::vector<FaceCandidate> g;
        for (int i = 0; i < 30; ++i) {
            FaceCandidate f = face(2 + i, 1 + (i % 7), i % 5, 20000 + 500 * (i % 4));
            f.brightness = 40;
            f.attributeScores[index(Attribute::Sharpness)] = 0.9 - 0.02 * i;
            f.attributeScores[index(Attribute::Expression)] = 0.9;
            g.push_back(f);
        }
        const Ranking r = rankRegression(g, SelectionConfig::defaults(), {});
        QVERIFY(r.winner() <= 2);
        QVERIFY(r.why.contains(QLatin1String("forest")));
        // The worst face (most turned, least sharp) is in the bottom quarter.
        const auto o = order(r);
        const auto pos = std::find(o.begin(), o.end(), 29) - o.begin();
        QVERIFY2(pos >= 22, qPrintable(QString::number(pos)));
    }

    void attributesRankingPutsHardFailuresLast()
    {
        FaceCandidate good = face(3, 2, 1, 20000), blink = face(0, 0, 0, 40000);
        good.attributeScores.fill(0.7);
        blink.attributeScores.fill(0.95);
        blink.attributeScores[index(Attribute::Expression)] = 0.1; // eyes closed
        const Ranking r = rankAttributes({blink, good}, SelectionConfig::defaults());
        QCOMPARE(r.winner(), 1);
        QVERIFY(r.order[1].note.contains(QLatin1String("expression")));
    }

    void shippedConfigMatchesDefaults()
    {
        const QString path = hqa::test::sourcePath(QStringLiteral("resources/select/filter-stages.json"));
        auto loaded = SelectionConfig::load(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().detail));
        const SelectionConfig d = SelectionConfig::defaults();
        QCOMPARE(loaded->stages.size(), d.stages.size());
        QCOMPARE(loaded->scaleTopMInSmallGroups, d.scaleTopMInSmallGroups);
        QCOMPARE(loaded->minPercentileGroup, d.minPercentileGroup);
        for (size_t i = 0; i < d.stages.size(); ++i) {
            QCOMPARE(loaded->stages[i].feature, d.stages[i].feature);
            QCOMPARE(loaded->stages[i].threshold, d.stages[i].threshold);
            QCOMPARE(loaded->stages[i].topM, d.stages[i].topM);
            QCOMPARE(loaded->stages[i].minPercentile, d.stages[i].minPercentile);
        }
        QCOMPARE(loaded->heuristicWeights, d.heuristicWeights);
        QCOMPARE(loaded->referenceQuantiles, d.referenceQuantiles);
        QCOMPARE(loaded->buckets.size(), d.buckets.size());
        QCOMPARE(loaded->attributeWeights, d.attributeWeights);
    }

    void configErrors()
    {
        QVERIFY(!SelectionConfig::fromJson("[1,2]").ok());
        QVERIFY(!SelectionConfig::fromJson(R"({"stages":[{"feature":"nose","M":1}]})").ok());
        QVERIFY(!SelectionConfig::fromJson(R"({"stages":[]})").ok());
        auto c = SelectionConfig::fromJson(R"({"stages":[{"feature":"pitch","T":4,"M":2,"P":80}]})");
        QVERIFY(c.ok());
        QCOMPARE(c->stages.size(), size_t(1));
        QCOMPARE(c->stages[0].feature, SelectFeature::Pitch);
        QCOMPARE(*c->stages[0].threshold, 4.0);
        QCOMPARE(*c->stages[0].minPercentile, 80.0);
    }

    // --- the standard crop ---

    void cropLayoutMeetsRules()
    {
        const FaceGeometry g = syntheticFace(500, 400, 80);
        CropOptions o;
        const CropPlan plan = planStandardCrop(g, cv::Size(1000, 1000), o);
        QVERIFY(plan.valid);
        QVERIFY(!plan.padded());
        QCOMPARE(plan.rect.height, 3.8 * 80);
        QVERIFY(std::abs(plan.rect.width / plan.rect.height - 0.8) < 1e-9);
        // 1000 px would enlarge 3.3x: limited to 2x and said so.
        QVERIFY(plan.upscaleLimited);
        QCOMPARE(plan.outputSize.height, 608);
        QCOMPARE(plan.outputSize.width, 486);
        QVERIFY(!plan.notes.isEmpty());
        const FaceGeometry inCrop = [&] {
            FaceGeometry c = g;
            auto m = [&](cv::Point2d p) {
                return cv::Point2d((p.x - plan.rect.x) * plan.scale, (p.y - plan.rect.y) * plan.scale);
            };
            for (auto& p : c.landmarks)
                p = m(p);
            c.eyeLeft = m(c.eyeLeft);
            c.eyeRight = m(c.eyeRight);
            c.chin = m(c.chin);
            c.headTopY = (c.headTopY - plan.rect.y) * plan.scale;
            c.eyeToChin *= plan.scale;
            return c;
        }();
        const CropRules rules = measureCropRules(inCrop, plan.outputSize);
        QVERIFY2(rules.allPass(),
                 qPrintable(QStringLiteral("head %1 centre %2 forehead %3 chin %4")
                                .arg(rules.headCentreShare)
                                .arg(rules.centreOffset)
                                .arg(rules.foreheadMarginT)
                                .arg(rules.belowChinT)));
        QVERIFY(std::abs(rules.eyeShare - 0.32) < 1e-6);
    }

    void cropUpscaleBeyondLimitIsReported()
    {
        CropOptions o;
        o.allowUpscaleBeyondLimit = true;
        const CropPlan plan = planStandardCrop(syntheticFace(500, 400, 80), cv::Size(1000, 1000), o);
        QVERIFY(plan.upscaledBeyondLimit);
        QCOMPARE(plan.outputSize.height, 1000);
        QVERIFY(plan.notes.join(u' ').contains(QLatin1String("beyond")));
    }

    void cropNearEdgeTightensBeforePadding()
    {
        // Face near the left edge: the standard width does not fit, a tighter layout shifted by 1 % does.
        const FaceGeometry g = syntheticFace(100, 400, 80);
        const CropPlan plan = planStandardCrop(g, cv::Size(1000, 1000));
        QVERIFY(plan.valid);
        QVERIFY(!plan.padded());
        QVERIFY(plan.rect.x >= 0);
        QVERIFY(plan.rect.height < 3.8 * 80);
        QVERIFY(std::abs(plan.rect.x + plan.rect.width / 2 - 100) / plan.rect.width <= 0.03 + 1e-9);
    }

    void cropPadsOnlyWithoutRoom()
    {
        // Eyes 60 px below the top with T = 80: no layout keeps the forehead inside, so the top is padded.
        const FaceGeometry g = syntheticFace(500, 60, 80);
        const cv::Size size(1000, 1000);
        const CropPlan plan = planStandardCrop(g, size);
        QVERIFY(plan.padded());
        QVERIFY(plan.padTop > 0);
        QCOMPARE(plan.padLeft, 0);
        QVERIFY(plan.notes.join(u' ').contains(QLatin1String("padded")));
        cv::Mat image(size, CV_8UC3, cv::Scalar(30, 60, 90));
        const cv::Mat out = renderCrop(image, plan);
        QCOMPARE(out.size(), plan.outputSize);
    }

    void cropInvalidWithoutGeometry() { QVERIFY(!planStandardCrop(FaceGeometry{}, cv::Size(100, 100)).valid); }

    // --- tracking ---

    void trackerSeparatesPeople()
    {
        FaceTracker tracker;
        for (int s = 0; s < 10; ++s) {
            std::vector<FaceCandidate> faces(2);
            faces[0].geometry.box = cv::Rect2d(100 + 3 * s, 100, 80, 80);
            faces[1].geometry.box = cv::Rect2d(400 - 2 * s, 120, 60, 60);
            if (s == 5) { // a one-off false detection far away
                faces.emplace_back();
                faces.back().geometry.box = cv::Rect2d(600, 400, 50, 50);
            }
            tracker.addFrame(s, std::move(faces));
        }
        const auto tracks = tracker.tracks(3);
        QCOMPARE(tracks.size(), size_t(2));
        QCOMPARE(tracks[0].size(), size_t(10));
        QCOMPARE(tracks[1].size(), size_t(10));
        for (const auto& f : tracks[0])
            QVERIFY(std::abs(f.geometry.box.width - tracks[0].front().geometry.box.width) < 1e-9);
        QCOMPARE(tracks[0].front().track, 1);
        QCOMPARE(tracker.tracks(1).size(), size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestSelectionMethods)
#include "tst_selectionmethods.moc"
