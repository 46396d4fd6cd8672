#include "LightingMeasure.h"

#include "core/measures/FaceFrame.h"
#include "core/measures/LightingProfile.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace hqa::core {

namespace {

cv::Mat linearLuminance(const FaceEvidence& ev)
{
    if (!ev.luminance.empty() && ev.luminance.size() == ev.bgr.size())
        return ev.luminance;
    cv::Mat lut(1, 256, CV_32F);
    for (int i = 0; i < 256; ++i) {
        const double c = i / 255.0;
        lut.at<float>(i) = float(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
    }
    cv::Mat lin;
    cv::Mat bgrF;
    cv::LUT(ev.bgr, lut, bgrF);
    cv::transform(bgrF, lin, cv::Matx13f(0.0722f, 0.7152f, 0.2126f));
    return lin;
}

/// The face region: the analyzer's face mask, or an ellipse in the face box when there is none.
cv::Mat faceRegion(const FaceEvidence& ev, const FaceFrame& f)
{
    if (!ev.faceMask.empty() && ev.faceMask.size() == ev.bgr.size() && cv::countNonZero(ev.faceMask) > 200)
        return ev.faceMask;
    cv::Mat mask(ev.bgr.size(), CV_8U, cv::Scalar(0));
    const cv::Point2d c = f.eyeMid + f.down * (0.45 * f.ied);
    const double angle = std::atan2(f.right.y, f.right.x) * 180.0 / CV_PI;
    cv::ellipse(mask, cv::RotatedRect(cv::Point2f(c), cv::Size2f(float(1.9 * f.ied), float(2.6 * f.ied)), float(angle)),
                cv::Scalar(255), cv::FILLED);
    return mask;
}

/// 8-bit sRGB value of a linear luminance, through a table fine enough for the dark end (4096 steps).
int srgbByte(float y)
{
    static const std::array<uchar, 4097> table = [] {
        std::array<uchar, 4097> t{};
        for (size_t i = 0; i < t.size(); ++i) {
            const double v = double(i) / 4096.0;
            const double e = v <= 0.0031308 ? 12.92 * v : 1.055 * std::pow(v, 1.0 / 2.4) - 0.055;
            t[i] = uchar(std::clamp(int(e * 255.0 + 0.5), 0, 255));
        }
        return t;
    }();
    return table[size_t(std::clamp(int(y * 4096.0f + 0.5f), 0, 4096))];
}

struct ZoneStats {
    int count = 0;
    double meanLinear = 0;
    std::array<double, 32> hist{}; ///< normalised sRGB luma histogram
    double labA = 0, labB = 0;
};

/// Statistics of a square zone, restricted to the face region. Fewer than a third of the zone inside the
/// face (a turned head) leaves count at 0 so the caller can skip the comparison.
ZoneStats zoneStats(const FaceEvidence& ev, const cv::Mat& lum, const cv::Mat& face, cv::Point2d centre, double side,
                    bool withColour)
{
    ZoneStats z;
    cv::Rect r(cvRound(centre.x - side / 2), cvRound(centre.y - side / 2), std::max(2, cvRound(side)),
               std::max(2, cvRound(side)));
    const int full = r.area();
    r &= cv::Rect(0, 0, lum.cols, lum.rows);
    if (r.area() < 4)
        return z;
    double sumA = 0, sumB = 0;
    cv::Mat lab;
    if (withColour) {
        cv::Mat patch;
        ev.bgr(r).convertTo(patch, CV_32F, 1.0 / 255.0);
        cv::cvtColor(patch, lab, cv::COLOR_BGR2Lab);
    }
    for (int y = 0; y < r.height; ++y) {
        const float* l = lum.ptr<float>(r.y + y) + r.x;
        const uchar* m = face.ptr<uchar>(r.y + y) + r.x;
        for (int x = 0; x < r.width; ++x) {
            if (!m[x])
                continue;
            ++z.count;
            z.meanLinear += l[x];
            const int bin = srgbByte(l[x]) / 8;
            z.hist[size_t(bin)] += 1;
            if (withColour) {
                const cv::Vec3f v = lab.at<cv::Vec3f>(y, x);
                sumA += v[1];
                sumB += v[2];
            }
        }
    }
    if (z.count * 3 < full) {
        z.count = 0;
        return z;
    }
    z.meanLinear /= z.count;
    for (double& h : z.hist)
        h /= z.count;
    z.labA = sumA / z.count;
    z.labB = sumB / z.count;
    return z;
}

double intersection(const ZoneStats& a, const ZoneStats& b)
{
    double s = 0;
    for (size_t i = 0; i < a.hist.size(); ++i)
        s += std::min(a.hist[i], b.hist[i]);
    return s;
}

double ratioOf(double a, double b)
{
    const double lo = std::max(1e-4, std::min(a, b));
    return std::max(a, b) / lo;
}

/// Distance of (a*, b*) outside OFIQ's natural-skin box a* 5..25, b* 5..35; 0 inside. Beyond the warm edges
/// (redder, yellower) it counts three quarters: tanned and ruddy skin and warm light sit there naturally,
/// while green or blue skin (a* or b* below the box) never does.
double skinBoxDistance(double a, double b)
{
    constexpr double kWarm = 0.75;
    const double da = a < 5 ? 5 - a : (a > 25 ? kWarm * (a - 25) : 0);
    const double db = b < 5 ? 5 - b : (b > 35 ? kWarm * (b - 35) : 0);
    return std::hypot(da, db);
}

/// "3.1x", or "over 20x" beyond kReadableRatioCap.
QString ratioText(double ratio)
{
    if (!(ratio <= kReadableRatioCap))
        return QCoreApplication::translate("hqa::LightingMeasure", "over %1x").arg(kReadableRatioCap, 0, 'f', 0);
    return QCoreApplication::translate("hqa::LightingMeasure", "%1x").arg(ratio, 0, 'f', 1);
}

enum class Defect {
    Under,
    Over,
    DarkClip,
    BrightClip,
    Blown,
    Flat,
    CheekRatio,
    HalfRatio,
    SideRatio,
    SideGradient,
    Split,
    Cast,
    WarmCast
};

} // namespace

MeasureResult LightingMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult result;
    if (!ev.hasFace() || ev.bgr.empty())
        return result;
    const LightingConfig& c = m_config;
    const FaceFrame f = faceFrame(ev);
    const cv::Mat lum = linearLuminance(ev);
    const cv::Mat face = faceRegion(ev, f);

    // Exposure and dynamic range over the whole face region.
    const cv::Rect bounds = cv::boundingRect(face) & cv::Rect(0, 0, lum.cols, lum.rows);
    std::array<double, 256> hist{};
    double sum = 0, sumLeft = 0, sumRight = 0;
    int n = 0, nLeft = 0, nRight = 0, nDark = 0, nBright = 0;
    for (int y = bounds.y; y < bounds.y + bounds.height; ++y) {
        const float* l = lum.ptr<float>(y);
        const uchar* m = face.ptr<uchar>(y);
        for (int x = bounds.x; x < bounds.x + bounds.width; ++x) {
            if (!m[x])
                continue;
            const int v = srgbByte(l[x]);
            hist[size_t(v)] += 1;
            nDark += v <= 25;
            nBright += v >= 247;
            sum += l[x];
            ++n;
            if ((cv::Point2d(x, y) - f.eyeMid).dot(f.right) < 0) {
                sumLeft += l[x];
                ++nLeft;
            } else {
                sumRight += l[x];
                ++nRight;
            }
        }
    }
    if (n == 0)
        return result;
    const double meanLum = sum / n;
    const double darkShare = double(nDark) / n;
    const double brightShare = double(nBright) / n;
    double entropy = 0;
    std::array<double, 64> coarse{};
    for (size_t i = 0; i < hist.size(); ++i) {
        coarse[i / 4] += hist[i];
        if (hist[i] > 0) {
            const double p = hist[i] / n;
            entropy -= p * std::log2(p);
        }
    }
    double tonalEntropy = 0;
    for (double h : coarse) {
        if (h > 0) {
            const double p = h / n;
            tonalEntropy -= p * std::log2(p);
        }
    }
    const double meanLeft = nLeft ? sumLeft / nLeft : meanLum;
    const double meanRight = nRight ? sumRight / nRight : meanLum;
    const double halfRatio = (nLeft > n / 10 && nRight > n / 10) ? ratioOf(meanLeft, meanRight) : 1.0;

    // Cheek zones: side 0.3 IED, top edge half the eye-to-mouth distance below each eye.
    const double side = 0.3 * f.ied;
    const cv::Point2d drop = f.down * (0.5 * f.eyeToMouth + side / 2);
    const ZoneStats cheekL = zoneStats(ev, lum, face, f.eyeLeft + drop, side, true);
    const ZoneStats cheekR = zoneStats(ev, lum, face, f.eyeRight + drop, side, true);
    const bool bothCheeks = cheekL.count > 0 && cheekR.count > 0;
    const double cheekRatio = bothCheeks ? ratioOf(cheekL.meanLinear, cheekR.meanLinear) : 1.0;
    const double cheekHist = bothCheeks ? intersection(cheekL, cheekR) : 1.0;
    const bool leftCheekDarker = cheekL.meanLinear < cheekR.meanLinear;

    // Hard top light leaves the eye sockets in shadow under lit cheeks.
    const ZoneStats socketL = zoneStats(ev, lum, face, f.eyeLeft, 0.35 * f.ied, false);
    const ZoneStats socketR = zoneStats(ev, lum, face, f.eyeRight, 0.35 * f.ied, false);
    double socketRatio = 1.0;
    if (socketL.count > 0 && socketR.count > 0 && (cheekL.count > 0 || cheekR.count > 0)) {
        const double cheekMean = std::max(cheekL.meanLinear, cheekR.meanLinear);
        socketRatio = cheekMean / std::max(1e-4, 0.5 * (socketL.meanLinear + socketR.meanLinear));
    }

    // Colour of the cheeks (both when visible, else the one that is).
    double labA = 0, labB = 0;
    int cheeks = 0;
    for (const ZoneStats* z : {&cheekL, &cheekR}) {
        if (z->count > 0) {
            labA += z->labA;
            labB += z->labB;
            ++cheeks;
        }
    }
    const bool haveColour = cheeks > 0;
    if (haveColour) {
        labA /= cheeks;
        labB /= cheeks;
    }
    const double castDistance = haveColour ? skinBoxDistance(labA, labB) : 0.0;

    // How the light falls across the face, from the landmarks (robust to a turned head and to skin tone).
    const FaceLightProfile light = ev.landmarksValid ? measureFaceLight(ev.bgr, lum, face, ev.geometry.landmarks)
                                                     : FaceLightProfile{};
    const double blownIndex = std::sqrt(light.eyeWhiteClippedShare * light.skinClippedShare);

    result.evidence = {
        {"face_luminance_mean", meanLum},
        {"face_dark_share", darkShare},
        {"face_bright_share", brightShare},
        {"face_entropy_bits", entropy},
        {"face_tonal_entropy_bits", tonalEntropy},
        {"cheek_luminance_ratio", cheekRatio},
        {"cheek_histogram_intersection", cheekHist},
        {"half_face_luminance_ratio", halfRatio},
        {"eye_socket_ratio", socketRatio},
        {"cheek_lab_a", labA},
        {"cheek_lab_b", labB},
        {"skin_box_distance", castDistance},
    };
    // The light profile's values only where it was measured: a photo without landmarks has no such evidence
    // (missing, not "evenly lit"), so a corrections head learning from it is not misled.
    if (light.valid) {
        const std::vector<EvidenceValue> profile = {
            {"side_ratio", light.sideRatio},
            {"dark_half_falloff", light.darkHalfFalloff},
            {"lit_half_falloff", light.litHalfFalloff},
            {"falloff_asymmetry", light.falloffAsymmetry},
            {"side_gradient_index", light.sideGradientIndex},
            {"forehead_side_ratio", light.foreheadRatio},
            {"midface_side_ratio", light.midfaceRatio},
            {"lower_face_side_ratio", light.lowerFaceRatio},
            {"split_ratio", light.splitRatio},
            {"half_width_ratio", light.halfWidthRatio},
            {"eye_white_clipped_share", light.eyeWhiteClippedShare},
            {"skin_clipped_share", light.skinClippedShare},
            {"blown_highlight_index", blownIndex},
            {"skin_blue_share", light.skinBlueShare},
        };
        result.evidence.insert(result.evidence.end(), profile.begin(), profile.end());
    }

    // Sub-scores; widths are about a fifth of the boundary so a clear defect scores well below 0.5.
    struct Sub {
        Defect defect;
        double score;
    };
    // The cheek histogram intersection and the eye-socket ratio stay evidence only: on small zones the
    // first swings with texture, and the second cannot tell top light from dark glasses or deep-set eyes.
    // With landmarks, the side light is judged on the light profile; the cheek and plain half ratios (which
    // fail key-lit portraits and turned heads at 3:1) are the fallback without landmarks.
    std::vector<Sub> subs = {
        {Defect::Under, logistic(std::log(std::max(meanLum, 1e-5)), std::log(c.darkMeanLuminance), 0.25)},
        {Defect::Over, logistic(-meanLum, -c.brightMeanLuminance, 0.04)},
        {Defect::DarkClip, logistic(-darkShare, -c.darkShare, 0.05)},
        {Defect::BrightClip, logistic(-brightShare, -c.brightShare, 0.025)},
        {Defect::Flat, logistic(tonalEntropy, c.minEntropyBits, 0.25)},
        {Defect::Cast, logistic(-castDistance, -c.skinBoxDistance, 2.0)},
    };
    if (light.valid) {
        subs.push_back({Defect::Blown, logistic(-blownIndex, -c.blownHighlightIndex, 0.02)});
        subs.push_back({Defect::SideRatio, logistic(-std::log(light.sideRatio), -std::log(c.sideRatio), 0.1)});
        subs.push_back(
            {Defect::SideGradient, logistic(-std::log(light.sideGradientIndex), -std::log(c.sideGradientIndex), 0.12)});
        subs.push_back({Defect::Split, logistic(-std::log(light.splitRatio), -std::log(c.splitRatio), 0.06)});
        subs.push_back({Defect::WarmCast,
                        logistic(std::log(std::max(light.skinBlueShare, 1e-4)), std::log(c.minSkinBlueShare), 0.05)});
    } else {
        subs.push_back({Defect::CheekRatio, logistic(-std::log(cheekRatio), -std::log(c.cheekRatio), 0.12)});
        subs.push_back({Defect::HalfRatio, logistic(-std::log(halfRatio), -std::log(c.halfFaceRatio), 0.1)});
    }
    const Sub worst = *std::min_element(subs.begin(), subs.end(),
                                        [](const Sub& a, const Sub& b) { return a.score < b.score; });
    result.score = worst.score;

    const QString sideDark = leftCheekDarker ? QCoreApplication::translate("hqa::LightingMeasure", "left")
                                             : QCoreApplication::translate("hqa::LightingMeasure", "right");
    const QString sideLight = leftCheekDarker ? QCoreApplication::translate("hqa::LightingMeasure", "right")
                                              : QCoreApplication::translate("hqa::LightingMeasure", "left");
    const QString halfDark = meanLeft < meanRight ? QCoreApplication::translate("hqa::LightingMeasure", "left")
                                                  : QCoreApplication::translate("hqa::LightingMeasure", "right");
    const QString profileDark = light.leftDarker ? QCoreApplication::translate("hqa::LightingMeasure", "left")
                                                 : QCoreApplication::translate("hqa::LightingMeasure", "right");
    switch (worst.defect) {
    case Defect::Under:
    case Defect::DarkClip:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Face under-exposed: mean face luminance %1, %2% of face pixels near black.")
                                .arg(meanLum, 0, 'f', 3)
                                .arg(darkShare * 100, 0, 'f', 0);
        break;
    case Defect::Over:
    case Defect::BrightClip:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Face over-exposed: %1% of face pixels blown out, mean face luminance %2.")
                                .arg(brightShare * 100, 0, 'f', 0)
                                .arg(meanLum, 0, 'f', 2);
        break;
    case Defect::Flat:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Flat, washed-out light on the face: only %1 bits of tonal range.")
                                .arg(tonalEntropy, 0, 'f', 1);
        break;
    case Defect::CheekRatio:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Side light: the %1 cheek (image side) is %2 darker than the %3 cheek.")
                                .arg(sideDark)
                                .arg(ratioText(cheekRatio))
                                .arg(sideLight);
        break;
    case Defect::HalfRatio:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "One side of the face in shadow: the %1 half (image side) is %2 darker.")
                                .arg(halfDark)
                                .arg(ratioText(halfRatio));
        break;
    case Defect::SideRatio:
        result.failReason =
            QCoreApplication::translate(
                "hqa::LightingMeasure",
                "One side of the face in deep shadow: the %1 half (image side) is %2 darker than the other.")
                .arg(profileDark)
                .arg(ratioText(light.sideRatio));
        break;
    case Defect::SideGradient:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Side light falling off across the face: the %1 half (image side) is %2 darker and "
                                "keeps darkening toward its edge (%3 from beside the nose to the cheek edge).")
                                .arg(profileDark)
                                .arg(ratioText(light.sideRatio))
                                .arg(ratioText(light.darkHalfFalloff));
        break;
    case Defect::Split:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Split light: the %1 half of the face (image side) is in shadow from forehead to "
                                "chin, %2 darker even where the halves are closest.")
                                .arg(profileDark)
                                .arg(ratioText(light.splitRatio));
        break;
    case Defect::Blown:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Highlights blown out: %1% of the eye whites and %2% of the skin clipped to white.")
                                .arg(light.eyeWhiteClippedShare * 100, 0, 'f', 0)
                                .arg(light.skinClippedShare * 100, 0, 'f', 0);
        break;
    case Defect::WarmCast:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Warm colour cast on the skin: only %1% of its light is blue; skin of any tone "
                                "under neutral light has %2% or more.")
                                .arg(light.skinBlueShare * 100, 0, 'f', 1)
                                .arg(c.minSkinBlueShare * 100, 0, 'f', 1);
        break;
    case Defect::Cast:
        result.failReason = QCoreApplication::translate(
                                "hqa::LightingMeasure",
                                "Colour cast on the skin: cheeks at CIELAB a* %1, b* %2, %3 units outside "
                                "natural skin tones.")
                                .arg(labA, 0, 'f', 0)
                                .arg(labB, 0, 'f', 0)
                                .arg(castDistance, 0, 'f', 0);
        break;
    }
    result.passReason = QCoreApplication::translate(
                            "hqa::LightingMeasure",
                            "Face evenly lit: face halves within %1 of each other, mean face luminance %2, "
                            "%3% of pixels clipped.")
                            .arg(ratioText(light.valid ? light.sideRatio : cheekRatio))
                            .arg(meanLum, 0, 'f', 2)
                            .arg((darkShare + brightShare) * 100, 0, 'f', 0);
    return result;
}

std::unique_ptr<Measure> makeLightingMeasure() { return std::make_unique<LightingMeasure>(); }

} // namespace hqa::core
