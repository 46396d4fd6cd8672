// The background scene network (human-models' mb3-centernet backbone, cut at stride 16 and converted at build time):
// it loads, gives a grid of 88 features per 16 x 16 input pixels over real portraits, keeps the photo's aspect as
// far as multiples of 32 allow; a missing or damaged file is a clear model error, and the analyzer and the engine
// then judge the background on the hand measures and say so in the background's reason only.

#include "FaceTestUtil.h"
#include "core/engine/AnalysisEngine.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/SceneFeatures.h"
#include "core/image/ImageDecoder.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace hqa::core;

namespace {

constexpr const char* kScene = "scene_features.onnx";
constexpr const char* kNote = "background scene model unavailable, hand measures only: ";

using hqa::test::portraits;
using hqa::test::readImage;

std::optional<double> evidenceOf(const AttributeVerdict& v, const std::string& name)
{
    for (const EvidenceValue& e : v.evidence)
        if (e.name == name)
            return e.value;
    return std::nullopt;
}

} // namespace

class TestSceneFeatures : public QObject {
    Q_OBJECT

private:
    QString m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = hqa::test::modelDirWith(kScene);
        QVERIFY2(!m_dir.isEmpty(),
                 qPrintable(QStringLiteral("%1 not found in %2: run scripts/fetch-models (needs python3-onnx)")
                                .arg(QString::fromLatin1(kScene),
                                     FaceAnalyzer::modelDirCandidates().join(QStringLiteral(", ")))));
        QVERIFY2(QDir(QStringLiteral(HQA_PORTRAITS_DIR)).exists(), HQA_PORTRAITS_DIR);
    }

    void inputSizeKeepsAspect()
    {
        const int side = SceneFeatures::kLongSide;
        QCOMPARE(side % 32, 0);
        for (const cv::Size image : {cv::Size(228, 283), cv::Size(1600, 1200), cv::Size(600, 750), cv::Size(97, 64)}) {
            const cv::Size in = SceneFeatures::inputSize(image);
            QVERIFY(in.width % 32 == 0 && in.height % 32 == 0);
            QCOMPARE(std::max(in.width, in.height), side);
            // The shorter side is the nearest multiple of 32 to the scaled one.
            const double shorter = double(std::min(image.width, image.height)) * side
                / std::max(image.width, image.height);
            QVERIFY2(std::abs(std::min(in.width, in.height) - shorter) <= 16, qPrintable(QString::number(shorter)));
            QCOMPARE(in.width >= in.height, image.width >= image.height);
        }
        QCOMPARE(SceneFeatures::inputSize({4000, 100}), cv::Size(side, 32));
        QCOMPARE(SceneFeatures::inputSize({0, 10}), cv::Size());
    }

    /// On real portraits: one cell per 16 x 16 input pixels, 88 finite features, and different photos differ.
    void gridOnPortraits()
    {
        SceneFeatures scene;
        const auto error = scene.load(QDir(m_dir).filePath(QString::fromLatin1(kScene)));
        QVERIFY2(!error, error ? qPrintable(error->detail) : "");
        QCOMPARE(scene.channels(), 88);
        std::vector<cv::Scalar> means;
        for (const QString& path : portraits(3)) {
            const cv::Mat img = readImage(path);
            auto grid = scene.features(img);
            QVERIFY2(grid.ok(), qPrintable(path));
            const cv::Size input = SceneFeatures::inputSize(img.size());
            QCOMPARE(grid->size(), cv::Size(input.width / 16, input.height / 16));
            QCOMPARE(grid->channels(), 88);
            QVERIFY(cv::checkRange(*grid));
            means.push_back(cv::mean(grid->reshape(1)));
        }
        QVERIFY(means[0] != means[1] && means[1] != means[2]);
        auto bad = scene.features(cv::Mat(32, 32, CV_8UC1, cv::Scalar(0)));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    }

    void damagedAndMissingAreModelErrors()
    {
        const QString dir = QDir(hqa::test::tempDir()).filePath(QStringLiteral("scene-damaged"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QString::fromLatin1(kScene));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(3000, 'x'));
        f.close();
        SceneFeatures scene;
        const auto damaged = scene.load(path);
        QVERIFY(damaged.has_value());
        QCOMPARE(damaged->code, ErrorCode::Model);
        QVERIFY2(damaged->detail.contains(path), qPrintable(damaged->detail));
        QVERIFY(!scene.isLoaded());
        const auto missing = scene.load(QDir(dir).filePath(QStringLiteral("nothing.onnx")));
        QVERIFY(missing.has_value());
        QVERIFY2(missing->detail.startsWith(QStringLiteral("background scene model not found")),
                 qPrintable(missing->detail));
        auto run = scene.features(cv::Mat(64, 64, CV_8UC3, cv::Scalar::all(0)));
        QVERIFY(!run.ok());
        QCOMPARE(run.error().code, ErrorCode::Model);
        // A segmentation model is an ONNX file of the wrong kind: its output is no 1/16 grid.
        const QString selfie = QDir(m_dir).filePath(QStringLiteral("selfie_segmentation.onnx"));
        if (QFile::exists(selfie)) {
            const auto wrong = scene.load(selfie);
            QVERIFY(wrong.has_value());
            QVERIFY2(wrong->detail.contains(QStringLiteral("does not run")), qPrintable(wrong->detail));
        }
    }

    /// Model missing: the analyzer gives no features and says why; the engine judges the background on its hand
    /// measures and names the cause in the background's reason, not in the others'. With the model, the probe's
    /// figure is in the evidence.
    void engineSaysWhenMissing()
    {
        const QString dir = QDir(hqa::test::tempDir()).filePath(QStringLiteral("scene-missing"));
        QVERIFY(hqa::test::blazeFaceOnlyDir(dir, m_dir));
        const QString path = portraits(1).front();
        FaceAnalyzerConfig config;
        config.faceDetectorModelDir = dir;
        FaceAnalyzer analyzer(config);
        auto ev = analyzer.analyze(readImage(path));
        QVERIFY(ev.ok());
        QVERIFY(ev->hasFace());
        QVERIFY(ev->sceneFeatures.empty());
        QVERIFY2(ev->sceneNote.startsWith(QString::fromLatin1(kNote)), qPrintable(ev->sceneNote));
        QVERIFY2(ev->sceneNote.contains(dir), qPrintable(ev->sceneNote));

        auto decoded = decodeImageFile(path);
        QVERIFY(decoded.ok());
        qputenv("HQA_MODEL_DIR", QFile::encodeName(dir));
        Assessment without;
        {
            AnalysisEngine engine;
            QVERIFY(!engine.load());
            without = engine.assess(*decoded, path);
        }
        qputenv("HQA_MODEL_DIR", QFile::encodeName(m_dir));
        Assessment with;
        {
            AnalysisEngine engine;
            QVERIFY(!engine.load());
            with = engine.assess(*decoded, path);
        }
        qunsetenv("HQA_MODEL_DIR");
        QVERIFY(!without.error.has_value() && !with.error.has_value());
        for (Attribute at : kAllAttributes) {
            const QString reason = without.verdict(at).reason;
            QVERIFY2(reason.contains(QString::fromLatin1(kNote)) == (at == Attribute::Background), qPrintable(reason));
            QVERIFY(!with.verdict(at).reason.contains(QString::fromLatin1(kNote)));
        }
        QCOMPARE(*evidenceOf(without.verdict(Attribute::Background), "background_scene_clean"), -1.0);
        const double clean = *evidenceOf(with.verdict(Attribute::Background), "background_scene_clean");
        QVERIFY2(clean >= 0 && clean <= 1, qPrintable(QString::number(clean)));
    }
};

QTEST_GUILESS_MAIN(TestSceneFeatures)
#include "tst_scenefeatures.moc"
