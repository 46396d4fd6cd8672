// Fine-tuning the six heads from a project's corrections: the heads move toward the corrected labels, the
// new version is registered with its parent, and the feature cache makes the second run skip the backbone.
#include "core/model/SwinModel.h"
#include "core/store/ProjectStore.h"
#include "core/train/net/FineTuner.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace hqa::core;

class TstFinetune : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void headsLearnCorrections()
    {
        const QStringList frames =
            QDir(hqa::test::cachePath("frames")).entryList({"franck_*.png"}, QDir::Files, QDir::Name);
        HQA_REQUIRE_DATA(frames.size() >= 20, "franck frames (frames/franck_*.png)");
        SwinModel::setThreads(2);
        const QString dir = hqa::test::tempDir() + "/ft";
        QDir().mkpath(dir);

        SwinConfig c;
        c.imageSize = 64;
        c.windowSize = 4;
        c.embedDim = 24;
        c.depths = {2, 2};
        c.numHeads = {2, 4};
        c.numClasses = 0;
        const QString base = dir + "/base.hqa";
        QVERIFY(SwinModel::create(c, 3)->save(base));

        auto store = ProjectStore::create(dir + "/p.hqa");
        QVERIFY2(store, store ? "" : qPrintable(store.error().detail));
        // A reviewer marks sharpness on 40 photos: sharp frames pass, blurred copies fail.
        int n = 0;
        for (int i = 0; i < 20; ++i) {
            const cv::Mat img = cv::imread(hqa::test::cachePath("frames/" + frames[i]).toStdString());
            QVERIFY(!img.empty());
            for (int sharp = 0; sharp < 2; ++sharp) {
                cv::Mat v = img.clone();
                if (!sharp)
                    cv::GaussianBlur(v, v, {0, 0}, img.cols / 60.0);
                cv::resize(v, v, {120, 90}, 0, 0, cv::INTER_AREA);
                const QString path = QString("%1/%2_%3.png").arg(dir).arg(i).arg(sharp);
                cv::imwrite(path.toStdString(), v);
                auto added = (*store)->addPhoto(path);
                QVERIFY2(added, added ? "" : qPrintable(added.error().detail));
                QVERIFY((*store)->correct(added->id, Attribute::Sharpness, sharp, "tester"));
                ++n;
            }
        }
        store->reset(); // the fine-tuner opens the project itself

        FineTuneOptions o;
        o.baseModel = base;
        o.outPath = dir + "/v2.hqa";
        auto r = fineTuneFromProject(dir + "/p.hqa", o);
        QVERIFY2(r, r ? "" : qPrintable(r.error().detail));
        const int s = int(Attribute::Sharpness);
        qInfo("%d corrections: sharpness accuracy %.3f -> %.3f; features %d computed in %.2f s, heads %.2f s",
              r->samples, r->accuracyBefore[size_t(s)], r->accuracyAfter[size_t(s)], r->featuresComputed,
              r->featureSeconds, r->trainSeconds);
        QCOMPARE(r->samples, n);
        QCOMPARE(r->featuresComputed, n);
        QVERIFY(r->accuracyAfter[size_t(s)] >= 0.80); // measured 0.90
        QVERIFY(r->accuracyAfter[size_t(s)] > r->accuracyBefore[size_t(s)]);
        QVERIFY(std::isnan(r->accuracyAfter[0])); // nobody corrected lighting: masked, not learned

        // A new version with its parent, registered in the project; the parent file is untouched.
        auto v2 = SwinModel::load(o.outPath);
        QVERIFY(v2);
        QCOMPARE((*v2)->metadata().modelVersion, r->modelVersion);
        QCOMPARE((*v2)->metadata().provenance["parent"].toObject()["model_version"].toString(), QString("fresh-3"));
        auto parent = SwinModel::load(base);
        QVERIFY(parent);
        QCOMPARE((*parent)->metadata().modelVersion, QString("fresh-3"));
        auto reopened = ProjectStore::open(dir + "/p.hqa");
        QVERIFY(reopened);
        auto models = (*reopened)->models();
        QVERIFY(models);
        QCOMPARE(int(models->size()), 1);
        QCOMPARE(models->front().version, r->modelVersion);
        reopened->reset();

        // Second fine-tune: every feature comes from the cache.
        o.outPath = dir + "/v3.hqa";
        auto again = fineTuneFromProject(dir + "/p.hqa", o);
        QVERIFY(again);
        QCOMPARE(again->featuresComputed, 0);
        QCOMPARE(again->featuresCached, n);
        QVERIFY(QFile::exists(dir + "/p.hqa.features"));
    }
};

QTEST_GUILESS_MAIN(TstFinetune)
#include "tst_finetune.moc"
