// Engine fusion: on a labelled set of real photos the stored choice per attribute is the best of the network,
// the measures and the blend (checked against figures computed here independently), and the "fused" engine
// reports each verdict's source.
#include "core/engine/Engine.h"
#include "core/eval/LabelFile.h"
#include "core/eval/Metrics.h"
#include "core/model/Fusion.h"
#include "core/model/SwinModel.h"
#include "core/train/net/Trainer.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QTest>
#include <cmath>

using namespace hqa::core;

namespace {

std::vector<Label> labelsOf(const std::vector<Assessment>& v)
{
    std::vector<Label> out;
    for (const Assessment& x : v) {
        Label l = kUnknownLabel;
        for (int a = 0; a < kAttributeCount; ++a)
            if (x.ok() && x.verdicts[size_t(a)].judged)
                l[size_t(a)] = x.verdicts[size_t(a)].pass ? 1 : 0;
        out.push_back(l);
    }
    return out;
}

bool sameFigure(double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::abs(a - b) < 1e-9; }
bool atLeast(double a, double b) { return std::isnan(b) || (!std::isnan(a) && a >= b - 1e-12); }

} // namespace

class TstFusion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fusedChoiceIsTheBetterSource()
    {
        const QString labelPath = hqa::test::cachePath("eval/labels.csv");
        HQA_REQUIRE_DATA(QFile::exists(labelPath), "evaluation set (eval/labels.csv)");
        auto all = readLabelFile(labelPath);
        QVERIFY2(all, qPrintable(labelPath));
        LabelSet set;
        set.extraColumns = all->extraColumns;
        for (size_t i = 0; i < all->rows.size() && set.rows.size() < 30; i += 13) // spread over the set
            set.rows.push_back(all->rows[i]);

        // A tiny network trained briefly on other photos of the set: weak, which is what fusion must notice.
        TrainOptions o;
        o.config.imageSize = 64;
        o.config.windowSize = 4;
        o.config.embedDim = 24;
        o.config.depths = {1, 1};
        o.config.numHeads = {2, 4};
        o.config.numClasses = 0;
        o.size = 64;
        o.epochs = 2;
        o.batch = 16;
        o.lr = 1e-3;
        o.maxLr = 2e-3;
        o.valFraction = 0;
        o.outPath = hqa::test::tempDir() + "/fuse.hqa";
        LabelSet trainSet;
        for (size_t i = 5; i < all->rows.size() && trainSet.rows.size() < 60; i += 7)
            trainSet.rows.push_back(all->rows[i]);
        auto trained = Trainer(o).run(trainSet);
        QVERIFY2(trained, trained ? "" : qPrintable(trained.error().detail));
        const QString modelPath = o.outPath;

        // Without a choice the fused engine refuses with a pointer to the command.
        EngineOptions fo;
        fo.name = "fused";
        fo.modelPath = modelPath;
        auto refused = makeEngine(fo);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Model);
        QVERIFY(refused.error().detail.contains("model fuse"));

        auto choice = fuseModel(modelPath, set);
        QVERIFY2(choice, choice ? "" : qPrintable(choice.error().detail));
        QCOMPARE(choice->images, int(set.rows.size()));

        // Independent figures: each engine alone over the same photos.
        EngineOptions so;
        so.name = "swin";
        so.modelPath = modelPath;
        auto swin = makeEngine(so);
        auto measures = makeEngine(EngineOptions{});
        QVERIFY(swin && measures);
        std::vector<Assessment> s, m;
        std::vector<Label> truth;
        for (const LabelRow& r : set.rows) {
            s.push_back(assessFile(**swin, r.path));
            m.push_back(assessFile(**measures, r.path));
            truth.push_back(r.label);
        }
        const Metrics ms = computeMetrics(truth, labelsOf(s)), mm = computeMetrics(truth, labelsOf(m));
        for (int a = 0; a < kAttributeCount; ++a) {
            const AttributeFusion& f = choice->attributes[size_t(a)];
            const double bs = ms.attributes[size_t(a)].balancedAccuracy, bm = mm.attributes[size_t(a)].balancedAccuracy;
            qInfo("%s: swin %.3f measures %.3f blend %.3f -> %s", kAttributeKeys[size_t(a)].data(), bs, bm, f.blend,
                  qPrintable(f.source));
            QVERIFY(sameFigure(f.swin, bs));
            QVERIFY(sameFigure(f.measures, bm));
            const double chosen = f.source == "swin" ? bs : f.source == "measures" ? bm : f.blend;
            QVERIFY(atLeast(chosen, bs));
            QVERIFY(atLeast(chosen, bm));
            QVERIFY(atLeast(chosen, f.blend));
        }

        // The choice travels with the model, and the fused engine applies it.
        auto reloaded = SwinModel::load(modelPath);
        QVERIFY(reloaded);
        QVERIFY(FusionChoice::fromJson((*reloaded)->metadata().fusion).has_value());
        auto fused = makeEngine(fo);
        QVERIFY2(fused, fused ? "" : qPrintable(fused.error().detail));
        QCOMPARE((*fused)->name(), QString("fused"));
        for (size_t i = 0; i < 6; ++i) {
            const Assessment x = assessFile(**fused, set.rows[i].path);
            QVERIFY(x.ok());
            QCOMPARE(x.engine, QString("fused"));
            for (int a = 0; a < kAttributeCount; ++a) {
                const AttributeFusion& f = choice->attributes[size_t(a)];
                const AttributeVerdict& v = x.verdicts[size_t(a)];
                if (f.source == "measures") {
                    QCOMPARE(v.source, QString("measures"));
                    QCOMPARE(v.judged, m[i].verdicts[size_t(a)].judged);
                    QCOMPARE(v.pass, m[i].verdicts[size_t(a)].pass);
                } else if (f.source == "swin" || !m[i].verdicts[size_t(a)].judged) {
                    QCOMPARE(v.source, QString("swin"));
                    QCOMPARE(v.pass, s[i].verdicts[size_t(a)].pass);
                } else {
                    QCOMPARE(v.source, QString("blend"));
                    const double b = f.swinWeight * s[i].verdicts[size_t(a)].score
                        + (1 - f.swinWeight) * m[i].verdicts[size_t(a)].score;
                    // The measures inside the fused engine run after the network has set the thread count; their
                    // scores agree with a separate measures engine's to about 2e-5 (an edge pixel more or less in the
                    // background's edge count), never a verdict.
                    QVERIFY2(
                        std::abs(v.score - b) < 1e-4,
                        qPrintable(QStringLiteral("%1 %2: fused %3, blend of swin %4 and measures %5 = %6")
                                       .arg(set.rows[i].file, QString::fromLatin1(kAttributeKeys[size_t(a)].data()))
                                       .arg(v.score, 0, 'g', 12)
                                       .arg(s[i].verdicts[size_t(a)].score, 0, 'g', 12)
                                       .arg(m[i].verdicts[size_t(a)].score, 0, 'g', 12)
                                       .arg(b, 0, 'g', 12)));
                    QCOMPARE(v.pass, b >= f.threshold);
                }
            }
        }
    }

    void chooseFusionCoversEverySource()
    {
        // Attribute 0: the network is right, the measures coin-flip. Attribute 1: the reverse. Attribute 2: each
        // is confidently right on half the photos and weakly wrong on the other half, so only the blend is
        // right everywhere.
        std::vector<Assessment> s(8), m(8);
        std::vector<Label> truth(8, kUnknownLabel);
        auto set = [](AttributeVerdict& v, double score) {
            v.judged = true;
            v.score = score;
            v.threshold = 0.5;
            v.pass = score >= 0.5;
        };
        for (int i = 0; i < 8; ++i) {
            const bool pass = i % 2 == 0;
            truth[size_t(i)][0] = truth[size_t(i)][1] = truth[size_t(i)][2] = pass ? 1 : 0;
            set(s[size_t(i)].verdicts[0], pass ? 0.9 : 0.1);
            set(m[size_t(i)].verdicts[0], i < 4 ? 0.8 : 0.2);
            set(s[size_t(i)].verdicts[1], i < 4 ? 0.8 : 0.2);
            set(m[size_t(i)].verdicts[1], pass ? 0.9 : 0.1);
            const bool swinStrong = i < 4;
            set(s[size_t(i)].verdicts[2], swinStrong ? (pass ? 0.95 : 0.05) : (pass ? 0.4 : 0.6));
            set(m[size_t(i)].verdicts[2], !swinStrong ? (pass ? 0.95 : 0.05) : (pass ? 0.4 : 0.6));
        }
        const FusionChoice c = chooseFusion(s, m, truth);
        QCOMPARE(c.attributes[0].source, QString("swin"));
        QCOMPARE(c.attributes[0].swin, 1.0);
        QCOMPARE(c.attributes[1].source, QString("measures"));
        QCOMPARE(c.attributes[1].measures, 1.0);
        QCOMPARE(c.attributes[2].source, QString("blend"));
        QCOMPARE(c.attributes[2].swin, 0.5);
        QCOMPARE(c.attributes[2].measures, 0.5);
        QCOMPARE(c.attributes[2].blend, 1.0);
        QVERIFY(c.attributes[2].swinWeight > 0 && c.attributes[2].swinWeight < 1);
        QVERIFY(std::isnan(c.attributes[3].swin)); // nothing scored
        QCOMPARE(c.attributes[3].source, QString("swin"));
        // Round trip through the model metadata.
        const auto back = FusionChoice::fromJson(c.toJson());
        QVERIFY(back);
        QCOMPARE(back->attributes[2].source, QString("blend"));
        QCOMPARE(back->attributes[2].threshold, c.attributes[2].threshold);
        const AttributeVerdict v = fuseVerdict(c.attributes[2], s[4].verdicts[2], m[4].verdicts[2]);
        QCOMPARE(v.source, QString("blend"));
        QVERIFY(v.pass);
    }
};

QTEST_GUILESS_MAIN(TstFusion)
#include "tst_fusion.moc"
