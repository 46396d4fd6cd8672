// Expression, framing and attire on real photos (franck.mp4 frames, scikit-image's astronaut) and on
// variants whose verdict is known by construction (crops that push the face aside, cut the forehead, shrink
// the sitter into a plain canvas or leave only the face).

#include "core/face/FaceAnalyzer.h"
#include "core/measures/AttireMeasure.h"
#include "core/measures/ExpressionMeasure.h"
#include "core/measures/FramingMeasure.h"
#include "tests/support/TestData.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <map>

using namespace hqa::core;

namespace {

// Frames of franck.mp4 chosen by looking at them: neutral and eyes open; eyes shut mid-blink; laughing.
constexpr int kNeutral = 600, kNeutral2 = 1600, kClosed = 3066, kClosed2 = 3504, kLaugh = 3816, kLaugh2 = 3939;

std::optional<double> evidenceOf(const MeasureResult& r, const std::string& name)
{
    for (const auto& e : r.evidence)
        if (e.name == name)
            return e.value;
    return std::nullopt;
}

bool hasNumber(const QString& s)
{
    static const QRegularExpression number(QStringLiteral("\\d"));
    return s.contains(number);
}

} // namespace

class TestExpressionFramingAttirePhotos : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void expression_data();
    void expression();
    void framing_data();
    void framing();
    void attire_data();
    void attire();
    void timingOnOneMegapixel();

private:
    FaceEvidence analyze(const cv::Mat& bgr);
    cv::Mat variant(const QString& name);

    FaceAnalyzer m_analyzer;
    std::map<int, cv::Mat> m_frames;
    cv::Mat m_astronaut;
};

void TestExpressionFramingAttirePhotos::initTestCase()
{
    const QString video = hqa::test::cachePath("photos/franck.mp4");
    const QString astronaut = hqa::test::cachePath("photos/astronaut.png");
    HQA_REQUIRE_DATA(QFileInfo::exists(video) && QFileInfo::exists(astronaut),
                     "test photos (photos/franck.mp4, photos/astronaut.png)");
    QVERIFY2(!m_analyzer.load().has_value(), "face analyzer models could not be loaded");

    // Sequential decoding: seeking in an MPEG-4 stream is not frame exact.
    cv::VideoCapture cap(video.toStdString());
    QVERIFY(cap.isOpened());
    const std::vector<int> wanted{kNeutral, kNeutral2, kClosed, kClosed2, kLaugh, kLaugh2};
    cv::Mat frame;
    for (int i = 0; i <= kLaugh2 && cap.read(frame); ++i)
        if (std::find(wanted.begin(), wanted.end(), i) != wanted.end())
            m_frames[i] = frame.clone();
    QCOMPARE(m_frames.size(), wanted.size());
    m_astronaut = cv::imread(astronaut.toStdString(), cv::IMREAD_COLOR);
    QVERIFY(!m_astronaut.empty());
}

FaceEvidence TestExpressionFramingAttirePhotos::analyze(const cv::Mat& bgr)
{
    auto ev = m_analyzer.analyze(bgr);
    if (!ev)
        return {};
    return std::move(*ev);
}

/// Builds a named variant; the crop positions come from the face found on the untouched image.
cv::Mat TestExpressionFramingAttirePhotos::variant(const QString& name)
{
    const bool astro = name.startsWith("astronaut");
    const cv::Mat base = astro ? m_astronaut : m_frames.at(kNeutral);
    if (name.endsWith("original"))
        return base;
    const FaceEvidence ev = analyze(base);
    if (!ev.hasFace())
        return {};
    const FaceGeometry& g = ev.geometry;
    const int w = base.cols, h = base.rows;
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * 0.5;
    const double t = g.eyeToChin;
    const cv::Rect image(0, 0, w, h);
    if (name.endsWith("pushed left")) {
        const int cw = int(0.6 * w);
        const int x0 = std::clamp(int(eyeMid.x - 0.12 * cw), 0, w - cw);
        return base(cv::Rect(x0, 0, cw, h)).clone();
    }
    if (name.endsWith("forehead cut")) {
        const int y0 = int(eyeMid.y - 0.45 * t);
        return base(cv::Rect(0, y0, w, h - y0)).clone();
    }
    if (name.endsWith("shrunk into canvas")) {
        cv::Mat small;
        cv::resize(base, small, cv::Size(), 0.3, 0.3, cv::INTER_AREA);
        cv::Scalar backdrop = cv::mean(base.row(0));
        cv::Mat canvas(base.size(), base.type(), backdrop);
        small.copyTo(canvas(cv::Rect((w - small.cols) / 2, h - small.rows, small.cols, small.rows)));
        return canvas;
    }
    if (name.endsWith("close-up")) {
        // Brows to chin, the jaw's width: the face fills the frame and touches every border.
        const double top = eyeMid.y - 0.3 * t, bottom = g.chin.y + 0.02 * t;
        const double half = 0.5 * (bottom - top);
        const cv::Rect crop = cv::Rect(int(eyeMid.x - half), int(top), int(2 * half), int(bottom - top)) & image;
        cv::Mat out;
        cv::resize(base(crop), out, cv::Size(), 2.0, 2.0, cv::INTER_CUBIC);
        return out;
    }
    return {};
}

void TestExpressionFramingAttirePhotos::expression_data()
{
    QTest::addColumn<int>("frame");
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("defect"); // expected words of the fail reason, alternatives separated by '|'
    QTest::newRow("neutral 600") << kNeutral << true << QString();
    QTest::newRow("neutral 1600") << kNeutral2 << true << QString();
    QTest::newRow("blink 3066") << kClosed << false << QStringLiteral("eyes closed");
    QTest::newRow("blink 3504") << kClosed2 << false << QStringLiteral("eyes closed");
    QTest::newRow("laugh 3816") << kLaugh << false << QStringLiteral("laughing|mouth open|eyes closed");
    QTest::newRow("laugh 3939") << kLaugh2 << false << QStringLiteral("laughing|mouth open|eyes closed");
}

void TestExpressionFramingAttirePhotos::expression()
{
    QFETCH(int, frame);
    QFETCH(bool, pass);
    QFETCH(QString, defect);
    const FaceEvidence ev = analyze(m_frames.at(frame));
    QVERIFY2(ev.hasFace() && ev.landmarksValid, "no face with landmarks found");
    const MeasureResult r = makeExpressionMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(reason)));
    QVERIFY(hasNumber(reason));
    if (!pass) {
        QVERIFY2(reason.contains(QRegularExpression(defect)), qPrintable(reason));
        if (reason.startsWith("eyes closed"))
            QVERIFY(reason.contains(QString::number(*evidenceOf(r, "eye_open_ratio"), 'f', 3)));
    } else {
        QVERIFY(reason.contains(QString::number(*evidenceOf(r, "eye_open_ratio"), 'f', 3)));
    }
}

void TestExpressionFramingAttirePhotos::framing_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("defect");
    QTest::newRow("franck original") << "franck original" << true << QString();
    QTest::newRow("franck pushed left") << "franck pushed left" << false << QStringLiteral("left");
    QTest::newRow("franck forehead cut") << "franck forehead cut" << false << QStringLiteral("cut off|above the head");
    QTest::newRow("franck shrunk into canvas")
        << "franck shrunk into canvas" << false << QStringLiteral("too far|too low");
    QTest::newRow("franck close-up") << "franck close-up" << false
                                     << QStringLiteral("close-up|cut by the image border|cut off");
    QTest::newRow("astronaut close-up") << "astronaut close-up" << false
                                        << QStringLiteral("close-up|cut by the image border|cut off");
}

void TestExpressionFramingAttirePhotos::framing()
{
    QFETCH(QString, name);
    QFETCH(bool, pass);
    QFETCH(QString, defect);
    const cv::Mat img = variant(name);
    QVERIFY2(!img.empty(), "variant could not be built");
    const FaceEvidence ev = analyze(img);
    QVERIFY2(ev.hasFace(), "no face found in the variant");
    const MeasureResult r = makeFramingMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(reason)));
    QVERIFY(hasNumber(reason));
    if (!pass)
        QVERIFY2(reason.contains(QRegularExpression(defect)), qPrintable(reason));
    if (reason.contains("face centre")) {
        const double offset = std::abs(*evidenceOf(r, "face_centre_offset"));
        QVERIFY(reason.contains(QString::number(std::round(offset * 100), 'f', 0) + "%"));
    }
}

void TestExpressionFramingAttirePhotos::attire_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("pass");
    QTest::newRow("astronaut flight suit") << "astronaut original" << true;
    QTest::newRow("astronaut close-up") << "astronaut close-up" << false;
    QTest::newRow("franck close-up") << "franck close-up" << false;
}

void TestExpressionFramingAttirePhotos::attire()
{
    QFETCH(QString, name);
    QFETCH(bool, pass);
    const cv::Mat img = variant(name);
    QVERIFY(!img.empty());
    const FaceEvidence ev = analyze(img);
    QVERIFY2(ev.hasFace(), "no face found");
    const MeasureResult r = makeAttireMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(reason)));
    if (!pass) {
        QVERIFY2(reason.contains("not visible"), qPrintable(reason));
        const double below = std::max(0.0, *evidenceOf(r, "torso_below_chin_t"));
        QVERIFY(reason.contains(QString::number(below, 'f', 2)));
    } else {
        QVERIFY(hasNumber(reason));
    }
}

void TestExpressionFramingAttirePhotos::timingOnOneMegapixel()
{
    cv::Mat big;
    cv::resize(m_astronaut, big, cv::Size(1000, 1000), 0, 0, cv::INTER_CUBIC);
    const FaceEvidence ev = analyze(big);
    QVERIFY(ev.hasFace());
    const std::pair<const char*, std::unique_ptr<Measure>> measures[] = {
        {"expression", makeExpressionMeasure()}, {"framing", makeFramingMeasure()}, {"attire", makeAttireMeasure()}};
    for (const auto& [name, m] : measures) {
        constexpr int kRuns = 20;
        QElapsedTimer timer;
        timer.start();
        double sink = 0;
        for (int i = 0; i < kRuns; ++i)
            sink += m->evaluate(ev).score;
        const double ms = timer.nsecsElapsed() / 1e6 / kRuns;
        qInfo("%s: %.3f ms per evaluation on 1000x1000 (score %.3f)", name, ms, sink / kRuns);
        // Measures run per photo on top of ~100 ms of face analysis; they must stay a small share of it.
        QVERIFY2(ms < 25.0, qPrintable(QStringLiteral("%1 took %2 ms").arg(name).arg(ms)));
    }
}

QTEST_GUILESS_MAIN(TestExpressionFramingAttirePhotos)
#include "tst_expression_framing_attire_photos.moc"
