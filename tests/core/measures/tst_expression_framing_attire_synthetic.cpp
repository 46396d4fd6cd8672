// Expression, framing and attire on hand-made evidence: each row states a geometry whose verdict is known
// by construction, and the reason must carry the measured figure.

#include "SyntheticFace.h"

#include "core/measures/AttireMeasure.h"
#include "core/measures/ExpressionMeasure.h"
#include "core/measures/FramingMeasure.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace hqa::core;
using hqa::test::makeEvidence;
using hqa::test::SyntheticFace;

Q_DECLARE_METATYPE(SyntheticFace)

namespace {

std::optional<double> evidenceOf(const MeasureResult& r, const std::string& name)
{
    for (const auto& e : r.evidence)
        if (e.name == name)
            return e.value;
    return std::nullopt;
}

/// Adds a torso below the chin: person mask over head and torso, the garment painted in `garment`,
/// skin on the neck (and on the shoulders when bareShoulders).
void dressTorso(FaceEvidence& ev, const cv::Scalar& garment, bool bareShoulders, bool stripes = false)
{
    const FaceGeometry& g = ev.geometry;
    const int w = ev.bgr.cols, h = ev.bgr.rows;
    const double fw = 1.9 * g.interEyeDistance;
    ev.personMask = cv::Mat::zeros(ev.bgr.size(), CV_8U);
    ev.skinMask = cv::Mat::zeros(ev.bgr.size(), CV_8U);
    const cv::Point centre(int(g.chin.x), int(g.eyeLeft.y));
    cv::ellipse(ev.personMask, centre, cv::Size(int(0.6 * fw), int(1.2 * g.eyeToChin)), 0, 0, 360, 255, -1);
    cv::ellipse(ev.skinMask, centre, cv::Size(int(0.45 * fw), int(0.9 * g.eyeToChin)), 0, 0, 360, 255, -1);
    const int neckBottom = int(g.chin.y + 0.3 * g.eyeToChin);
    const cv::Rect neck(int(g.chin.x - 0.25 * fw), int(g.chin.y - 5), int(0.5 * fw), neckBottom - int(g.chin.y - 5));
    const cv::Rect torso(cv::Point(int(g.chin.x - 1.9 * fw), neckBottom), cv::Point(int(g.chin.x + 1.9 * fw), h));
    const cv::Rect inImage = torso & cv::Rect(0, 0, w, h);
    ev.bgr(inImage).setTo(garment);
    if (stripes) {
        const cv::Scalar colours[] = {{30, 30, 220}, {40, 200, 40}, {220, 60, 30}, {20, 220, 230}};
        for (int y = inImage.y, k = 0; y < inImage.br().y; y += 12, ++k)
            ev.bgr(cv::Rect(inImage.x, y, inImage.width, std::min(12, inImage.br().y - y))).setTo(colours[k % 4]);
    }
    ev.personMask(inImage).setTo(255);
    ev.personMask(neck & inImage).setTo(255);
    ev.skinMask(neck & cv::Rect(0, 0, w, h)).setTo(255);
    ev.bgr(neck & cv::Rect(0, 0, w, h)).setTo(cv::Scalar(120, 150, 200));
    if (bareShoulders) {
        const cv::Rect shoulders = inImage & cv::Rect(0, neckBottom, w, int(1.0 * g.eyeToChin));
        ev.skinMask(shoulders).setTo(255);
        ev.bgr(shoulders).setTo(cv::Scalar(120, 150, 200));
    }
}

/// A white shirt in a V between the lapels, from the neck to the bottom edge, with a dark-red tie down its middle;
/// with `maskMissesShirt` the person mask leaves the V out, as a segmentation that takes the light shirt for the
/// light backdrop does.
void addShirtAndTie(FaceEvidence& ev, bool maskMissesShirt)
{
    const FaceGeometry& g = ev.geometry;
    const double fw = 1.9 * g.interEyeDistance;
    const int top = int(g.chin.y + 0.3 * g.eyeToChin), bottom = ev.bgr.rows;
    const int cx = int(g.chin.x);
    const std::vector<cv::Point> v = {{cx - int(0.3 * fw), top},
                                      {cx + int(0.3 * fw), top},
                                      {cx + int(0.08 * fw), bottom},
                                      {cx - int(0.08 * fw), bottom}};
    cv::fillConvexPoly(ev.bgr, v, cv::Scalar(245, 245, 245));
    cv::rectangle(ev.bgr, cv::Rect(cx - int(0.04 * fw), top, int(0.08 * fw), bottom - top), cv::Scalar(40, 30, 150),
                  cv::FILLED);
    if (maskMissesShirt)
        cv::fillConvexPoly(ev.personMask, v, cv::Scalar(0));
}

} // namespace

class TestExpressionFramingAttireSynthetic : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void framing_data();
    void framing();
    void expression_data();
    void expression();
    void expressionWithoutLandmarks();
    void sunglasses_data();
    void sunglasses();
    void irisAndGaze_data();
    void irisAndGaze();
    void openMouth_data();
    void openMouth();
    void halfClosed_data();
    void halfClosed();
    void attire_data();
    void attire();
    void scoresAreMonotonic();
};

void TestExpressionFramingAttireSynthetic::framing_data()
{
    QTest::addColumn<SyntheticFace>("face");
    QTest::addColumn<double>("secondFace"); // height of another face relative to the main one, 0 = none
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QStringList>("reasonHas");

    const SyntheticFace good; // 600x750, eyes at 40% of the height, T = 20% of it, centred
    QTest::newRow("exactly centred") << good << 0.0 << true << QStringList{"0%"};
    SyntheticFace f = good;
    f.eyeMid.x = 0.2 * f.image.width;
    QTest::newRow("30% left") << f << 0.0 << false << QStringList{"30%", "left"};
    f = good;
    f.eyeMid.x = 0.8 * f.image.width;
    QTest::newRow("30% right") << f << 0.0 << false << QStringList{"30%", "right"};
    f = good;
    f.eyeMid.x = 0.56 * f.image.width;
    QTest::newRow("6% right still centred") << f << 0.0 << true << QStringList{"6%", "right"};
    f = good;
    f.eyeMid.y = 0.6 * f.t;
    QTest::newRow("forehead cut") << f << 0.0 << false << QStringList{"cut off", "0.60"};
    f = good;
    f.t = 0.08 * f.image.height;
    QTest::newRow("too far") << f << 0.0 << false << QStringList{"too far", "10%"};
    f = good;
    f.eyeMid.y = 0.70 * f.image.height;
    f.t = 0.15 * f.image.height;
    QTest::newRow("head too low") << f << 0.0 << false << QStringList{"too low", "70%"};
    f = good;
    f.t = 0.45 * f.image.height;
    f.eyeMid.y = 0.45 * f.image.height;
    QTest::newRow("extreme close-up") << f << 0.0 << false << QStringList{"close-up"};
    f = good;
    f.image = {1000, 750};
    f.eyeMid = {500, 0.55 * 750};
    f.t = 0.435 * 750;
    QTest::newRow("chin at the bottom edge") << f << 0.0 << false << QStringList{"shoulders", "2%"};
    f = good;
    f.rollDeg = 20;
    QTest::newRow("roll 20") << f << 0.0 << false << QStringList{"tilted", "20 degrees"};
    f = good;
    f.rollDeg = -5;
    QTest::newRow("roll -5") << f << 0.0 << true << QStringList{};
    f = good;
    f.yawDeg = 35;
    QTest::newRow("yaw 35") << f << 0.0 << false << QStringList{"turned", "35 degrees"};
    QTest::newRow("second face as large") << good << 1.0 << false << QStringList{"2 faces", "100%"};
    QTest::newRow("small face far behind") << good << 0.2 << true << QStringList{};
}

void TestExpressionFramingAttireSynthetic::framing()
{
    QFETCH(SyntheticFace, face);
    QFETCH(double, secondFace);
    QFETCH(bool, pass);
    QFETCH(QStringList, reasonHas);

    FaceEvidence ev = makeEvidence(face);
    if (secondFace > 0) {
        const cv::Rect2d& b = ev.faces.front().box;
        ev.faces.push_back({cv::Rect2d(10, 10, b.width * secondFace, b.height * secondFace), 0.5, "synthetic"});
    }
    const MeasureResult r = makeFramingMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(r.failReason)));
    for (const QString& s : reasonHas)
        QVERIFY2(reason.contains(s), qPrintable(QStringLiteral("'%1' not in: %2").arg(s, reason)));
    QVERIFY(evidenceOf(r, "face_centre_offset").has_value());
    QCOMPARE(*evidenceOf(r, "face_count"), double(ev.faces.size()));
}

void TestExpressionFramingAttireSynthetic::expression_data()
{
    QTest::addColumn<SyntheticFace>("face");
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QStringList>("reasonHas");

    const SyntheticFace neutral;
    QTest::newRow("neutral") << neutral << true << QStringList{"neutral", "0.065"};
    SyntheticFace f = neutral;
    f.eyeGap = 0.01;
    QTest::newRow("eyes closed") << f << false << QStringList{"eyes closed", "0.010"};
    f.eyeGap = 0.03;
    QTest::newRow("eyes half closed") << f << false << QStringList{"eyes closed", "0.030"};
    f = neutral;
    f.lipGap = 0.25;
    QTest::newRow("mouth wide open") << f << false << QStringList{"mouth open", "0.25"};
    f = neutral;
    f.mouthWidth = 1.0;
    f.lipGap = 0.03;
    QTest::newRow("gentle smile") << f << true << QStringList{"smile", "1.00"};
    f = neutral;
    f.mouthWidth = 1.15;
    f.lipGap = 0.12;
    QTest::newRow("laugh") << f << false << QStringList{"laughing", "1.15"};
    f = neutral;
    f.yawDeg = -40;
    QTest::newRow("turned away") << f << false << QStringList{"turned", "40"};
    f.yawDeg = 32;
    QTest::newRow("two-thirds view") << f << true << QStringList{"neutral"};
    f = neutral;
    f.pitchDeg = -35;
    QTest::newRow("looking down") << f << false << QStringList{"down", "35"};
    f = neutral;
    f.rollDeg = 25;
    QTest::newRow("rolled neutral stays neutral") << f << true << QStringList{"neutral"};
}

void TestExpressionFramingAttireSynthetic::expression()
{
    QFETCH(SyntheticFace, face);
    QFETCH(bool, pass);
    QFETCH(QStringList, reasonHas);

    const MeasureResult r = makeExpressionMeasure()->evaluate(makeEvidence(face));
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(r.failReason)));
    for (const QString& s : reasonHas)
        QVERIFY2(reason.contains(s), qPrintable(QStringLiteral("'%1' not in: %2").arg(s, reason)));
    QVERIFY(qAbs(*evidenceOf(r, "eye_open_ratio") - face.eyeGap) < 1e-6);
    QVERIFY(qAbs(*evidenceOf(r, "mouth_open_ratio") - face.lipGap) < 1e-6);
    QVERIFY(qAbs(*evidenceOf(r, "mouth_width_ied") - face.mouthWidth) < 1e-6);
}

void TestExpressionFramingAttireSynthetic::expressionWithoutLandmarks()
{
    FaceEvidence ev = makeEvidence(SyntheticFace{});
    ev.landmarksValid = false;
    ev.geometry.landmarks.clear();
    const MeasureResult r = makeExpressionMeasure()->evaluate(ev);
    QVERIFY(r.score < 0.5);
    QVERIFY(r.failReason.contains("landmarks"));
}

void TestExpressionFramingAttireSynthetic::sunglasses_data()
{
    QTest::addColumn<double>("eyeLuminance"); // linear luminance inside the eye outlines; the face is 0.5
    QTest::addColumn<bool>("pass");
    QTest::newRow("open eyes (sclera and iris)") << 0.25 << true;
    QTest::newRow("dark lenses") << 0.02 << false;
}

void TestExpressionFramingAttireSynthetic::sunglasses()
{
    QFETCH(double, eyeLuminance);
    QFETCH(bool, pass);
    FaceEvidence ev = makeEvidence(SyntheticFace{});
    ev.luminance = cv::Mat(ev.bgr.size(), CV_32F, cv::Scalar(0.5));
    for (int first : {lm::kEyeImageLeftFirst, lm::kEyeImageRightFirst}) {
        std::vector<cv::Point> poly;
        for (int i = first; i < first + 6; ++i)
            poly.emplace_back(cvRound(ev.geometry.landmarks[i].x), cvRound(ev.geometry.landmarks[i].y));
        cv::fillConvexPoly(ev.luminance, poly, cv::Scalar(eyeLuminance));
    }
    const MeasureResult r = makeExpressionMeasure()->evaluate(ev);
    QCOMPARE(r.score >= 0.5, pass);
    const double ratio = *evidenceOf(r, "eye_cheek_luminance");
    QVERIFY2(qAbs(ratio - eyeLuminance / 0.5) < 0.05, qPrintable(QString::number(ratio)));
    if (!pass) {
        QVERIFY2(r.failReason.contains("sunglasses"), qPrintable(r.failReason));
        QVERIFY(r.failReason.contains(QString::number(ratio * 100, 'f', 0) + "%"));
    }
}

/// Evidence whose luminance shows the eyes: skin at 0.5, the white of the eye inside each outline at 0.7 and, when
/// `iris` >= 0, an iris and pupil (0.08, 0.4 eye widths across) centred at that position along the eye (0 at the
/// image-left corner, 1 at the image-right one).
FaceEvidence eyesWithIris(const SyntheticFace& face, double iris)
{
    FaceEvidence ev = makeEvidence(face);
    ev.luminance = cv::Mat(ev.bgr.size(), CV_32F, cv::Scalar(0.5));
    const auto& p = ev.geometry.landmarks;
    for (int first : {lm::kEyeImageLeftFirst, lm::kEyeImageRightFirst}) {
        std::vector<cv::Point> poly;
        for (int i = first; i < first + 6; ++i)
            poly.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
        cv::Mat eye = cv::Mat::zeros(ev.luminance.size(), CV_8U);
        cv::fillConvexPoly(eye, poly, cv::Scalar(255));
        ev.luminance.setTo(cv::Scalar(0.7), eye);
        if (iris < 0)
            continue;
        const cv::Point2d a = p[first], b = p[first + 3];
        const cv::Point2d c = a + (b - a) * iris;
        const double width = std::hypot(b.x - a.x, b.y - a.y);
        cv::Mat disc = cv::Mat::zeros(ev.luminance.size(), CV_8U);
        cv::circle(disc, cv::Point(cvRound(c.x), cvRound(c.y)), cvRound(0.2 * width), cv::Scalar(255), cv::FILLED);
        ev.luminance.setTo(cv::Scalar(0.08), disc & eye);
    }
    return ev;
}

void TestExpressionFramingAttireSynthetic::irisAndGaze_data()
{
    QTest::addColumn<SyntheticFace>("face");
    QTest::addColumn<double>("iris"); // iris centre along the eye; -1: no iris (a closed lid)
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("reasonHas");
    QTest::addColumn<double>("gazeOff"); // expected iris offset left after the head's turn, eye widths

    const SyntheticFace frontal;
    QTest::newRow("frontal, eyes on the lens") << frontal << 0.5 << true << "neutral" << 0.0;
    QTest::newRow("frontal, eyes to the image right") << frontal << 0.84 << false << "look to the side" << 0.3;
    QTest::newRow("frontal, eyes to the image left") << frontal << 0.16 << false << "look to the side" << -0.3;
    SyntheticFace turned = frontal;
    turned.yawDeg = 20;
    // Turned 20 degrees with the eyes back on the lens: the irises sit 20/128 of an eye width off the middle.
    QTest::newRow("head turned, eyes on the lens") << turned << 0.5 + 20.0 / 128.0 << true << "neutral" << 0.0;
    SyntheticFace narrowed = frontal;
    narrowed.eyeGap = 0.03; // under the lids' boundary (0.035 T), aspect 0.14
    QTest::newRow("narrowed eyes showing the iris") << narrowed << 0.5 << true << "eyes open" << 0.0;
    QTest::newRow("narrowed lids, no iris") << narrowed << -1.0 << false << "eyes closed" << qQNaN();
}

void TestExpressionFramingAttireSynthetic::irisAndGaze()
{
    QFETCH(SyntheticFace, face);
    QFETCH(double, iris);
    QFETCH(bool, pass);
    QFETCH(QString, reasonHas);
    QFETCH(double, gazeOff);

    const MeasureResult r = makeExpressionMeasure()->evaluate(eyesWithIris(face, iris));
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(r.failReason)));
    QVERIFY2(reason.contains(reasonHas), qPrintable(reason));
    const auto off = evidenceOf(r, "gaze_off");
    const auto contrast = evidenceOf(r, "iris_contrast");
    QVERIFY(off.has_value() && contrast.has_value());
    if (iris >= 0) {
        // Located to within a bin (0.05 eye widths) of where it was drawn.
        QVERIFY2(qAbs(*off - gazeOff) < 0.05, qPrintable(QString::number(*off)));
        QVERIFY2(*contrast > 0.5, qPrintable(QString::number(*contrast)));
    } else {
        QVERIFY2(*contrast < 0.1, qPrintable(QString::number(*contrast)));
    }
}

void TestExpressionFramingAttireSynthetic::openMouth_data()
{
    QTest::addColumn<double>("lipGap"); // inner-lip gap / T
    QTest::addColumn<double>("inside"); // linear luminance between the inner lips (the cheeks are 0.5)
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("reasonHas");

    // The lips parted by 0.06 T, under the parted-lips boundary (0.09): what shows between them decides.
    QTest::newRow("teeth between parted lips") << 0.06 << 0.8 << true << "smile";
    QTest::newRow("dark open mouth, lips nearly together") << 0.06 << 0.03 << false << "the mouth is open";
    QTest::newRow("dark line between closed lips") << 0.02 << 0.03 << true << "smile";
    QTest::newRow("jaw dropped, lips apart") << 0.12 << 0.03 << false << "laughing";
}

void TestExpressionFramingAttireSynthetic::openMouth()
{
    QFETCH(double, lipGap);
    QFETCH(double, inside);
    QFETCH(bool, pass);
    QFETCH(QString, reasonHas);

    SyntheticFace face;
    face.lipGap = lipGap;
    face.mouthWidth = 1.0;
    FaceEvidence ev = eyesWithIris(face, 0.5);
    const auto& p = ev.geometry.landmarks;
    std::vector<cv::Point> lips;
    for (int i = lm::kMouthInnerFirst; i <= lm::kMouthInnerLast; ++i)
        lips.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
    cv::fillConvexPoly(ev.luminance, lips, cv::Scalar(inside));

    const MeasureResult r = makeExpressionMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(r.failReason)));
    QVERIFY2(reason.contains(reasonHas), qPrintable(reason));
    QVERIFY(*evidenceOf(r, "jaw_gap_t") >= 0);
}

void TestExpressionFramingAttireSynthetic::halfClosed_data()
{
    QTest::addColumn<bool>("iris");
    QTest::addColumn<double>("blurSigma"); // Gaussian blur of the photo, pixels; 0 = sharp
    QTest::addColumn<double>("exposure"); // linear light, 1 = as drawn (skin at 0.5)
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QString>("reasonHas");

    // Lids 0.04 T apart (aspect 0.19): just open by the lids' own boundaries (0.035 T, aspect 0.17).
    QTest::newRow("narrow eyes showing the iris") << true << 0.0 << 1.0 << true << "neutral";
    QTest::newRow("half-blink: the lid over the iris") << false << 0.0 << 1.0 << false << "half closed";
    QTest::newRow("blurred eyes say nothing about the iris") << false << 4.0 << 1.0 << true << "neutral";
    QTest::newRow("under-exposed eyes say nothing about the iris") << false << 0.0 << 0.05 << true << "neutral";
}

void TestExpressionFramingAttireSynthetic::halfClosed()
{
    QFETCH(bool, iris);
    QFETCH(double, blurSigma);
    QFETCH(double, exposure);
    QFETCH(bool, pass);
    QFETCH(QString, reasonHas);

    SyntheticFace face;
    face.eyeGap = 0.04;
    FaceEvidence ev = eyesWithIris(face, iris ? 0.5 : -1.0);
    // The photo shows what the luminance holds (skin, the whites and the iris), so that its eyes have detail.
    cv::Mat grey;
    ev.luminance.convertTo(grey, CV_8U, 255.0);
    cv::cvtColor(grey, ev.bgr, cv::COLOR_GRAY2BGR);
    if (blurSigma > 0) {
        cv::GaussianBlur(ev.bgr, ev.bgr, cv::Size(0, 0), blurSigma);
        cv::GaussianBlur(ev.luminance, ev.luminance, cv::Size(0, 0), blurSigma);
    }
    ev.luminance *= exposure;
    const MeasureResult r = makeExpressionMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(r.failReason)));
    QVERIFY2(reason.contains(reasonHas), qPrintable(reason));
    // The eyes' detail is looked at only near the half-closed boundary (-1 = not needed): an iris that shows
    // settles it without repeating the sharpness measure's work.
    const double sharp = *evidenceOf(r, "eye_sharpness_relative");
    if (iris)
        QCOMPARE(sharp, -1.0);
    else
        QVERIFY2(blurSigma > 0 ? (sharp >= 0 && sharp < 0.5) : sharp > 0.5, qPrintable(QString::number(sharp)));
}

void TestExpressionFramingAttireSynthetic::attire_data()
{
    QTest::addColumn<SyntheticFace>("face");
    QTest::addColumn<QString>("dress"); // suit, bare, neon, stripes, shirt (+ "mask without it")
    QTest::addColumn<bool>("pass");
    QTest::addColumn<QStringList>("reasonHas");

    SyntheticFace portrait;
    portrait.eyeMid.y = 0.3 * portrait.image.height;
    portrait.t = 0.18 * portrait.image.height;
    // A flat navy block has no collar, lapels or placket: a plain top, not business wear.
    QTest::newRow("plain navy top") << portrait << "suit" << false << QStringList{"no collar or lapels"};
    QTest::newRow("bare shoulders") << portrait << "bare" << false << QStringList{"bare shoulders", "100%"};
    QTest::newRow("stripes") << portrait << "stripes" << false << QStringList{"multicoloured"};
    QTest::newRow("jacket, shirt and tie") << portrait << "shirt" << true << QStringList{"lighter shirt"};
    QTest::newRow("shirt left out of the person mask")
        << portrait << "shirt, mask without it" << true << QStringList{"lighter shirt"};
    QTest::newRow("vivid green") << portrait << "neon" << false << QStringList{"brightly coloured"};
    SyntheticFace closeUp = portrait;
    closeUp.eyeMid.y = 0.55 * closeUp.image.height;
    closeUp.t = 0.42 * closeUp.image.height;
    // chin at 97% of the height: 0.07 T below it
    QTest::newRow("close-up") << closeUp << "suit" << false << QStringList{"not visible", "0.07", "3%"};
}

void TestExpressionFramingAttireSynthetic::attire()
{
    QFETCH(SyntheticFace, face);
    QFETCH(QString, dress);
    QFETCH(bool, pass);
    QFETCH(QStringList, reasonHas);

    FaceEvidence ev = makeEvidence(face);
    if (dress == "suit")
        dressTorso(ev, cv::Scalar(70, 35, 25), false);
    else if (dress == "bare")
        dressTorso(ev, cv::Scalar(70, 35, 25), true);
    else if (dress == "neon")
        dressTorso(ev, cv::Scalar(40, 255, 40), false);
    else if (dress == "stripes")
        dressTorso(ev, cv::Scalar(70, 35, 25), false, true);
    else if (dress.startsWith("shirt")) {
        dressTorso(ev, cv::Scalar(70, 35, 25), false);
        addShirtAndTie(ev, dress.contains("mask"));
    }
    const MeasureResult r = makeAttireMeasure()->evaluate(ev);
    const QString reason = pass ? r.passReason : r.failReason;
    QVERIFY2((r.score >= 0.5) == pass, qPrintable(QStringLiteral("score %1: %2").arg(r.score).arg(r.failReason)));
    for (const QString& s : reasonHas)
        QVERIFY2(reason.contains(s), qPrintable(QStringLiteral("'%1' not in: %2").arg(s, reason)));
    QVERIFY(evidenceOf(r, "torso_below_chin_t").has_value());
}

void TestExpressionFramingAttireSynthetic::scoresAreMonotonic()
{
    // Moving the face away from the centre, or closing the eyes, must never raise the score.
    double last = 2.0;
    for (double x = 0.5; x >= 0.1; x -= 0.05) {
        SyntheticFace f;
        f.eyeMid.x = x * f.image.width;
        const double s = makeFramingMeasure()->evaluate(makeEvidence(f)).score;
        QVERIFY2(s <= last + 1e-9, qPrintable(QStringLiteral("x %1: %2 > %3").arg(x).arg(s).arg(last)));
        last = s;
    }
    last = 2.0;
    for (double gap = 0.08; gap >= 0.0; gap -= 0.01) {
        SyntheticFace f;
        f.eyeGap = gap;
        const double s = makeExpressionMeasure()->evaluate(makeEvidence(f)).score;
        QVERIFY(s <= last + 1e-9);
        last = s;
    }
}

QTEST_GUILESS_MAIN(TestExpressionFramingAttireSynthetic)
#include "tst_expression_framing_attire_synthetic.moc"
