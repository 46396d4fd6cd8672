// How often FaceAnalyzer says "no face" on images that show one: variants of real portraits
// (../shared/data/portraits) pushed 20-45% past the left or right border, with the top of the head cut, with a
// small face in a large frame, rotated 15-30 degrees (tests/core/face/FaceVariants.h). Each variant is judged by
// HOG alone (the detector before BlazeFace, as the reference) and by the full analyzer; a face counts as found
// when its landmarks are valid, and as misplaced when its eye midpoint is more than half an inter-eye distance
// from the truth. Label `slow`: about 500 variants, each analysed twice.

#include "core/face/FaceAnalyzer.h"
#include "tests/core/face/FaceVariants.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <map>

using namespace hqa::core;

namespace {

/// Every kStep-th portrait (sorted by name): 31 people, 15 variants each.
constexpr int kStep = 7;

struct Tally {
    int n = 0, missBefore = 0, missAfter = 0, misplacedBefore = 0, misplacedAfter = 0;
};

} // namespace

class TestFaceDetectionRate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noFaceOnUnderOnePercent()
    {
        FaceAnalyzerConfig hogConfig;
        hogConfig.useBlazeFace = false;
        hogConfig.computeMasks = false;
        FaceAnalyzerConfig fullConfig;
        fullConfig.computeMasks = false;
        FaceAnalyzer hogOnly(hogConfig), full(fullConfig);
        QVERIFY(!hogOnly.load());
        QVERIFY(!full.load());
        QVERIFY2(full.secondDetectorProblem().isEmpty(), qPrintable(full.secondDetectorProblem()));

        const QDir dir(QStringLiteral(HQA_PORTRAITS_DIR));
        const QStringList files = dir.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 200, HQA_PORTRAITS_DIR);

        std::map<std::string, Tally> byKind;
        Tally total;
        double msBefore = 0, msAfter = 0;
        QElapsedTimer timer;
        for (int i = 0; i < files.size(); i += kStep) {
            const cv::Mat img = cv::imread(QFile::encodeName(dir.filePath(files[i])).toStdString(), cv::IMREAD_COLOR);
            QVERIFY(!img.empty());
            auto truth = hogOnly.analyze(img);
            QVERIFY(truth.ok());
            if (!truth->landmarksValid)
                continue; // no reference eyes for the one portrait HOG cannot read
            const FaceGeometry& g = truth->geometry;
            for (const auto& v : hqa::test::makeFaceVariants(img, g.eyeLeft, g.eyeRight, g.box, g.headTopY, i)) {
                const double ied = cv::norm(v.eyeRight - v.eyeLeft);
                const cv::Point2d mid = (v.eyeLeft + v.eyeRight) * 0.5;
                Tally& t = byKind[v.kind];
                ++t.n;
                ++total.n;
                for (const bool after : {false, true}) {
                    timer.start();
                    auto r = (after ? full : hogOnly).analyze(v.bgr);
                    (after ? msAfter : msBefore) += timer.nsecsElapsed() / 1e6;
                    QVERIFY(r.ok());
                    int* miss = after ? &t.missAfter : &t.missBefore;
                    int* misplaced = after ? &t.misplacedAfter : &t.misplacedBefore;
                    if (!r->landmarksValid) {
                        ++*miss;
                        ++*(after ? &total.missAfter : &total.missBefore);
                    } else if (cv::norm((r->geometry.eyeLeft + r->geometry.eyeRight) * 0.5 - mid) > 0.5 * ied) {
                        ++*misplaced;
                        ++*(after ? &total.misplacedAfter : &total.misplacedBefore);
                    }
                }
            }
        }
        qInfo("%-9s %5s %20s %20s", "variant", "n", "no_face HOG/+Blaze", "misplaced HOG/+Blaze");
        for (const auto& [kind, t] : byKind)
            qInfo("%-9s %5d %9d / %-8d %9d / %-8d", kind.c_str(), t.n, t.missBefore, t.missAfter, t.misplacedBefore,
                  t.misplacedAfter);
        const double before = 100.0 * total.missBefore / total.n, after = 100.0 * total.missAfter / total.n;
        qInfo("all       %5d  no_face %.1f%% -> %.1f%%, misplaced %d -> %d; %.0f -> %.0f ms per variant", total.n,
              before, after, total.misplacedBefore, total.misplacedAfter, msBefore / total.n, msAfter / total.n);

        QVERIFY(total.n >= 400);
        // HOG alone misses about one variant in ten (mostly faces 33-45% outside the frame).
        QVERIFY2(before > 5.0, qPrintable(QString::number(before)));
        // The target: under 1% of images that show a face come back without one.
        QVERIFY2(after < 1.0, qPrintable(QString::number(after)));
        // A found face is the right face: misplaced eyes (faces nearly half outside, where dlib guesses the hidden
        // half) stay rare.
        QVERIFY2(total.misplacedAfter <= total.n * 0.05, qPrintable(QString::number(total.misplacedAfter)));
    }
};

QTEST_GUILESS_MAIN(TestFaceDetectionRate)
#include "tst_facedetection_rate.moc"
