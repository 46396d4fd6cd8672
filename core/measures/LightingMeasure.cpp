#include "LightingMeasure.h"

#include "core/measures/FaceFrame.h"
#include "core/measures/LightingProfile.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
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

/// "left" or "right", the words the reasons name an image side with.
QString sideWord(bool left)
{
    return left ? QCoreApplication::translate("hqa::LightingMeasure", "left")
                : QCoreApplication::translate("hqa::LightingMeasure", "right");
}

/// Exposure and dynamic range over the whole face region, and the mean of each plain half (split by the eye axis).
struct FaceTones {
    double meanLum = 0, darkShare = 0, brightShare = 0;
    double entropy = 0; ///< bits, over 256 sRGB levels
    double tonalEntropy = 0; ///< bits, over 64 bins of 4 levels
    double meanLeft = 0, meanRight = 0, halfRatio = 1.0;
};

/// Shannon entropy in bits of a histogram holding n samples.
template<size_t N> double entropyBits(const std::array<double, N>& hist, int n)
{
    double bits = 0;
    for (double h : hist) {
        if (h > 0) {
            const double p = h / n;
            bits -= p * std::log2(p);
        }
    }
    return bits;
}

/// Nothing when the face region holds no pixel.
std::optional<FaceTones> faceTones(const cv::Mat& lum, const cv::Mat& face, const FaceFrame& f)
{
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
        return std::nullopt;
    FaceTones t;
    t.meanLum = sum / n;
    t.darkShare = double(nDark) / n;
    t.brightShare = double(nBright) / n;
    std::array<double, 64> coarse{};
    for (size_t i = 0; i < hist.size(); ++i)
        coarse[i / 4] += hist[i];
    t.entropy = entropyBits(hist, n);
    t.tonalEntropy = entropyBits(coarse, n);
    t.meanLeft = nLeft ? sumLeft / nLeft : t.meanLum;
    t.meanRight = nRight ? sumRight / nRight : t.meanLum;
    t.halfRatio = (nLeft > n / 10 && nRight > n / 10) ? ratioOf(t.meanLeft, t.meanRight) : 1.0;
    return t;
}

/// The cheeks (brightness ratio, histogram overlap, colour) and the eye sockets against them.
struct CheekValues {
    double ratio = 1.0, histogramIntersection = 1.0;
    bool leftDarker = false;
    double socketRatio = 1.0; ///< lit cheek over the eye sockets: hard top light leaves the sockets in shadow
    double labA = 0, labB = 0; ///< CIELAB of the cheeks (both when visible, else the one that is)
    double castDistance = 0; ///< distance of (labA, labB) outside the natural-skin box
};

CheekValues cheekValues(const FaceEvidence& ev, const cv::Mat& lum, const cv::Mat& face, const FaceFrame& f)
{
    CheekValues v;
    // Cheek zones: side 0.3 IED, top edge half the eye-to-mouth distance below each eye.
    const double side = 0.3 * f.ied;
    const cv::Point2d drop = f.down * (0.5 * f.eyeToMouth + side / 2);
    const ZoneStats cheekL = zoneStats(ev, lum, face, f.eyeLeft + drop, side, true);
    const ZoneStats cheekR = zoneStats(ev, lum, face, f.eyeRight + drop, side, true);
    const bool bothCheeks = cheekL.count > 0 && cheekR.count > 0;
    v.ratio = bothCheeks ? ratioOf(cheekL.meanLinear, cheekR.meanLinear) : 1.0;
    v.histogramIntersection = bothCheeks ? intersection(cheekL, cheekR) : 1.0;
    v.leftDarker = cheekL.meanLinear < cheekR.meanLinear;

    const ZoneStats socketL = zoneStats(ev, lum, face, f.eyeLeft, 0.35 * f.ied, false);
    const ZoneStats socketR = zoneStats(ev, lum, face, f.eyeRight, 0.35 * f.ied, false);
    if (socketL.count > 0 && socketR.count > 0 && (cheekL.count > 0 || cheekR.count > 0)) {
        const double cheekMean = std::max(cheekL.meanLinear, cheekR.meanLinear);
        v.socketRatio = cheekMean / std::max(1e-4, 0.5 * (socketL.meanLinear + socketR.meanLinear));
    }

    int cheeks = 0;
    for (const ZoneStats* z : {&cheekL, &cheekR}) {
        if (z->count > 0) {
            v.labA += z->labA;
            v.labB += z->labB;
            ++cheeks;
        }
    }
    if (cheeks > 0) {
        v.labA /= cheeks;
        v.labB /= cheeks;
        v.castDistance = skinBoxDistance(v.labA, v.labB);
    }
    return v;
}

/// The raw values the verdict is made from (the evidence).
struct LightingValues {
    FaceTones tones;
    CheekValues cheeks;
    FaceLightProfile light; ///< how the light falls across the face; valid only with landmarks
    double blownIndex = 0; ///< sqrt(eye-white clipped share x skin clipped share)
};

std::optional<LightingValues> measureLighting(const FaceEvidence& ev)
{
    const FaceFrame f = faceFrame(ev);
    const cv::Mat lum = linearLuminance(ev);
    const cv::Mat face = faceRegion(ev, f);
    const auto tones = faceTones(lum, face, f);
    if (!tones)
        return std::nullopt;
    LightingValues v;
    v.tones = *tones;
    v.cheeks = cheekValues(ev, lum, face, f);
    // How the light falls across the face, from the landmarks (robust to a turned head and to skin tone).
    if (ev.landmarksValid)
        v.light = measureFaceLight(ev.bgr, lum, face, ev.geometry.landmarks);
    v.blownIndex = std::sqrt(v.light.eyeWhiteClippedShare * v.light.skinClippedShare);
    return v;
}

std::vector<EvidenceValue> evidenceOf(const LightingValues& v)
{
    std::vector<EvidenceValue> evidence = {
        {"face_luminance_mean", v.tones.meanLum},
        {"face_dark_share", v.tones.darkShare},
        {"face_bright_share", v.tones.brightShare},
        {"face_entropy_bits", v.tones.entropy},
        {"face_tonal_entropy_bits", v.tones.tonalEntropy},
        {"cheek_luminance_ratio", v.cheeks.ratio},
        {"cheek_histogram_intersection", v.cheeks.histogramIntersection},
        {"half_face_luminance_ratio", v.tones.halfRatio},
        // Which image side is the darker one (1: image left, 0: image right) for each side measure, so that the
        // advice can name the side to light without reading it back from the reason's words.
        {"cheek_left_darker", v.cheeks.leftDarker ? 1.0 : 0.0},
        {"half_left_darker", v.tones.meanLeft < v.tones.meanRight ? 1.0 : 0.0},
        {"eye_socket_ratio", v.cheeks.socketRatio},
        {"cheek_lab_a", v.cheeks.labA},
        {"cheek_lab_b", v.cheeks.labB},
        {"skin_box_distance", v.cheeks.castDistance},
    };
    // The light profile's values only where it was measured: a photo without landmarks has no such evidence
    // (missing, not "evenly lit"), so a corrections head learning from it is not misled.
    if (v.light.valid) {
        const FaceLightProfile& light = v.light;
        const std::vector<EvidenceValue> profile = {
            {"side_ratio", light.sideRatio},
            {"side_left_darker", light.leftDarker ? 1.0 : 0.0},
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
            {"blown_highlight_index", v.blownIndex},
            {"skin_blue_share", light.skinBlueShare},
        };
        evidence.insert(evidence.end(), profile.begin(), profile.end());
    }
    return evidence;
}

struct SubScore {
    Defect defect;
    double score;
};

/// Each defect's score (0.5 at its boundary in the config); the worst decides, the first of equals.
SubScore worstDefect(const LightingValues& v, const LightingConfig& c)
{
    const FaceTones& t = v.tones;
    const FaceLightProfile& light = v.light;
    // The cheek histogram intersection and the eye-socket ratio stay evidence only: on small zones the
    // first swings with texture, and the second cannot tell top light from dark glasses or deep-set eyes.
    // With landmarks, the side light is judged on the light profile; the cheek and plain half ratios (which
    // fail key-lit portraits and turned heads at 3:1) are the fallback without landmarks.
    std::vector<SubScore> subs = {
        {Defect::Under,
         logistic(std::log(std::max(t.meanLum, 1e-5)), std::log(c.darkMeanLuminance), c.darkMeanLogWidth)},
        {Defect::Over, logistic(-t.meanLum, -c.brightMeanLuminance, c.brightMeanWidth)},
        {Defect::DarkClip, logistic(-t.darkShare, -c.darkShare, c.darkShareWidth)},
        {Defect::BrightClip, logistic(-t.brightShare, -c.brightShare, c.brightShareWidth)},
        {Defect::Flat, logistic(t.tonalEntropy, c.minEntropyBits, c.entropyWidthBits)},
        {Defect::Cast, logistic(-v.cheeks.castDistance, -c.skinBoxDistance, c.skinBoxWidth)},
    };
    if (light.valid) {
        subs.push_back({Defect::Blown, logistic(-v.blownIndex, -c.blownHighlightIndex, c.blownHighlightWidth)});
        subs.push_back(
            {Defect::SideRatio, logistic(-std::log(light.sideRatio), -std::log(c.sideRatio), c.sideRatioLogWidth)});
        subs.push_back(
            {Defect::SideGradient,
             logistic(-std::log(light.sideGradientIndex), -std::log(c.sideGradientIndex), c.sideGradientLogWidth)});
        subs.push_back(
            {Defect::Split, logistic(-std::log(light.splitRatio), -std::log(c.splitRatio), c.splitRatioLogWidth)});
        subs.push_back({Defect::WarmCast,
                        logistic(std::log(std::max(light.skinBlueShare, 1e-4)), std::log(c.minSkinBlueShare),
                                 c.skinBlueLogWidth)});
    } else {
        subs.push_back(
            {Defect::CheekRatio, logistic(-std::log(v.cheeks.ratio), -std::log(c.cheekRatio), c.cheekRatioLogWidth)});
        subs.push_back(
            {Defect::HalfRatio, logistic(-std::log(t.halfRatio), -std::log(c.halfFaceRatio), c.halfFaceRatioLogWidth)});
    }
    return *std::min_element(subs.begin(), subs.end(),
                             [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
}

QString failReason(Defect defect, const LightingValues& v, const LightingConfig& c)
{
    const FaceTones& t = v.tones;
    const FaceLightProfile& light = v.light;
    switch (defect) {
    case Defect::Under:
    case Defect::DarkClip:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Face under-exposed: mean face luminance %1, %2% of face pixels near black.")
            .arg(t.meanLum, 0, 'f', 3)
            .arg(t.darkShare * 100, 0, 'f', 0);
    case Defect::Over:
    case Defect::BrightClip:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Face over-exposed: %1% of face pixels blown out, mean face luminance %2.")
            .arg(t.brightShare * 100, 0, 'f', 0)
            .arg(t.meanLum, 0, 'f', 2);
    case Defect::Flat:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Flat, washed-out light on the face: only %1 bits of tonal range.")
            .arg(t.tonalEntropy, 0, 'f', 1);
    case Defect::CheekRatio:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Side light: the %1 cheek (image side) is %2 darker than the %3 cheek.")
            .arg(sideWord(v.cheeks.leftDarker))
            .arg(ratioText(v.cheeks.ratio))
            .arg(sideWord(!v.cheeks.leftDarker));
    case Defect::HalfRatio:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "One side of the face in shadow: the %1 half (image side) is %2 darker.")
            .arg(sideWord(t.meanLeft < t.meanRight))
            .arg(ratioText(t.halfRatio));
    case Defect::SideRatio:
        return QCoreApplication::translate(
                   "hqa::LightingMeasure",
                   "One side of the face in deep shadow: the %1 half (image side) is %2 darker than the other.")
            .arg(sideWord(light.leftDarker))
            .arg(ratioText(light.sideRatio));
    case Defect::SideGradient:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Side light falling off across the face: the %1 half (image side) is %2 "
                                           "darker and keeps darkening toward its edge (%3 from beside the nose to "
                                           "the cheek edge).")
            .arg(sideWord(light.leftDarker))
            .arg(ratioText(light.sideRatio))
            .arg(ratioText(light.darkHalfFalloff));
    case Defect::Split:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Split light: the %1 half of the face (image side) is in shadow from "
                                           "forehead to chin, %2 darker even where the halves are closest.")
            .arg(sideWord(light.leftDarker))
            .arg(ratioText(light.splitRatio));
    case Defect::Blown:
        return QCoreApplication::translate(
                   "hqa::LightingMeasure",
                   "Highlights blown out: %1% of the eye whites and %2% of the skin clipped to white.")
            .arg(light.eyeWhiteClippedShare * 100, 0, 'f', 0)
            .arg(light.skinClippedShare * 100, 0, 'f', 0);
    case Defect::WarmCast:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Warm colour cast on the skin: only %1% of its light is blue; skin of any "
                                           "tone under neutral light has %2% or more.")
            .arg(light.skinBlueShare * 100, 0, 'f', 1)
            .arg(c.minSkinBlueShare * 100, 0, 'f', 1);
    case Defect::Cast:
        return QCoreApplication::translate("hqa::LightingMeasure",
                                           "Colour cast on the skin: cheeks at CIELAB a* %1, b* %2, %3 units outside "
                                           "natural skin tones.")
            .arg(v.cheeks.labA, 0, 'f', 0)
            .arg(v.cheeks.labB, 0, 'f', 0)
            .arg(v.cheeks.castDistance, 0, 'f', 0);
    }
    return {};
}

QString passReason(const LightingValues& v)
{
    return QCoreApplication::translate("hqa::LightingMeasure",
                                       "Face evenly lit: face halves within %1 of each other, mean face luminance "
                                       "%2, %3% of pixels clipped.")
        .arg(ratioText(v.light.valid ? v.light.sideRatio : v.cheeks.ratio))
        .arg(v.tones.meanLum, 0, 'f', 2)
        .arg((v.tones.darkShare + v.tones.brightShare) * 100, 0, 'f', 0);
}

} // namespace

MeasureResult LightingMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult result;
    if (!ev.hasFace() || ev.bgr.empty())
        return result;
    const auto values = measureLighting(ev);
    if (!values)
        return result;
    result.evidence = evidenceOf(*values);
    const SubScore worst = worstDefect(*values, m_config);
    result.score = worst.score;
    result.failReason = failReason(worst.defect, *values, m_config);
    result.passReason = passReason(*values);
    return result;
}

std::unique_ptr<Measure> makeLightingMeasure() { return std::make_unique<LightingMeasure>(); }

} // namespace hqa::core
