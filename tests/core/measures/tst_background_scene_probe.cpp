// The background measure's scene probe on hand-made evidence: the scene features are averaged over the background
// only (the person's cells, however loud, are left out), the probe's probability becomes the scene sub-score and
// its reason, a probe that does not match the features is named in the reason, and without features the verdict
// is the hand measures' alone.

#include "SyntheticFace.h"
#include "core/measures/BackgroundMeasure.h"

#include <QtTest>

#include <optional>

using namespace hqa::core;
using hqa::test::makeEvidence;
using hqa::test::SyntheticFace;

namespace {

constexpr int kChannels = 4;

/// A probe that reads channel 0 alone: p = sigmoid(x0).
LinearProbe channelZeroProbe(int channels = kChannels)
{
    LinearProbe p;
    p.mean.assign(size_t(channels), 0.0);
    p.scale.assign(size_t(channels), 1.0);
    p.weight.assign(size_t(channels), 0.0);
    p.weight[0] = 1.0;
    return p;
}

/// A grid of 24 x 30 cells over the synthetic photo: channel 0 is `background` everywhere but in a strip down the
/// middle of the face and torso (surely person), where it is `person`; the other channels hold noise-free junk.
cv::Mat sceneGrid(const SyntheticFace& f, double background, double person)
{
    const cv::Size cells(24, 30);
    cv::Mat grid(cells, CV_32FC(kChannels), cv::Scalar::all(0));
    const double ied = f.iedOverT * f.t;
    for (int r = 0; r < cells.height; ++r)
        for (int c = 0; c < cells.width; ++c) {
            const double x = (c + 0.5) * f.image.width / cells.width;
            const double y = (r + 0.5) * f.image.height / cells.height;
            const bool inPerson = std::abs(x - f.eyeMid.x) < 0.4 * ied && y > f.eyeMid.y - 0.5 * f.t;
            float* v = grid.ptr<float>(r) + size_t(c) * kChannels;
            v[0] = float(inPerson ? person : background);
            v[1] = 7.0f;
            v[2] = -2.0f;
            v[3] = float(c);
        }
    return grid;
}

std::optional<double> evidence(const MeasureResult& r, const std::string& name)
{
    for (const EvidenceValue& v : r.evidence)
        if (v.name == name)
            return v.value;
    return std::nullopt;
}

} // namespace

class TestBackgroundSceneProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /// A clean-looking background passes with the probe's figure in the reason; the loud person cells (-30) would
    /// drag the mean below zero if they were pooled.
    void backgroundCellsOnly()
    {
        const SyntheticFace f;
        FaceEvidence ev = makeEvidence(f);
        ev.sceneFeatures = sceneGrid(f, 3.0, -30.0);
        const BackgroundMeasure measure({}, channelZeroProbe());
        const MeasureResult r = measure.evaluate(ev);
        const auto clean = evidence(r, "background_scene_clean");
        QVERIFY(clean.has_value());
        QVERIFY2(*clean > 0.9, qPrintable(QString::number(*clean)));
        QVERIFY(r.score >= 0.5);
        QVERIFY2(r.passReason.contains(QStringLiteral("rates it 95% clean")), qPrintable(r.passReason));
        const auto pooled = backgroundSceneFeatures(ev);
        QVERIFY(pooled.has_value());
        QCOMPARE(int(pooled->size()), kChannels);
        QCOMPARE((*pooled)[0], 3.0);
        QCOMPARE((*pooled)[1], 7.0);
    }

    /// The probe's verdict is a sub-score: a scene-like background fails with the scene reason, although every
    /// hand measure finds the plain synthetic backdrop clean.
    void sceneFails()
    {
        const SyntheticFace f;
        FaceEvidence ev = makeEvidence(f);
        const BackgroundMeasure measure({}, channelZeroProbe());
        const double handOnly = measure.evaluate(ev).score;
        QVERIFY(handOnly >= 0.5);
        ev.sceneFeatures = sceneGrid(f, -3.0, 30.0);
        const MeasureResult r = measure.evaluate(ev);
        QVERIFY2(r.score < 0.1, qPrintable(QString::number(r.score)));
        QVERIFY2(r.failReason.startsWith(QStringLiteral("The background looks like a place")),
                 qPrintable(r.failReason));
        QVERIFY2(r.failReason.contains(QStringLiteral("5% clean")), qPrintable(r.failReason));
        // Switched off, the measure is back to its hand measures.
        BackgroundConfig off;
        off.useSceneProbe = false;
        const MeasureResult hand = BackgroundMeasure(off, channelZeroProbe()).evaluate(ev);
        QCOMPARE(hand.score, handOnly);
        QCOMPARE(*evidence(hand, "background_scene_clean"), -1.0);
    }

    /// Features the probe cannot read (another model cut): hand measures, and the reason says why.
    void mismatchNamed()
    {
        const SyntheticFace f;
        FaceEvidence ev = makeEvidence(f);
        ev.sceneFeatures = sceneGrid(f, -3.0, -3.0);
        const MeasureResult r = BackgroundMeasure({}, channelZeroProbe(3)).evaluate(ev);
        QCOMPARE(*evidence(r, "background_scene_clean"), -1.0);
        QVERIFY(r.score >= 0.5);
        QVERIFY2(r.passReason.contains(QStringLiteral("gives 4 features, its probe reads 3: hand measures only")),
                 qPrintable(r.passReason));
    }

    /// No features (model missing): the hand measures' verdict, no probe figure, -1 in the evidence.
    void withoutFeatures()
    {
        const SyntheticFace f;
        const FaceEvidence ev = makeEvidence(f);
        const MeasureResult r = BackgroundMeasure({}, channelZeroProbe()).evaluate(ev);
        QCOMPARE(*evidence(r, "background_scene_clean"), -1.0);
        QVERIFY(!r.passReason.contains(QStringLiteral("pretrained")));
        QVERIFY(!backgroundSceneFeatures(ev).has_value());
    }

    /// The shipped probe reads the 88 features of the converted backbone cut.
    void shippedProbeFitsTheModel()
    {
        const LinearProbe& p = backgroundSceneProbe();
        QVERIFY(p.fits(88));
        for (double s : p.scale)
            QVERIFY(s > 0);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSceneProbe)
#include "tst_background_scene_probe.moc"
