#include "LightingProfile.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace hqa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Bounds of the face coordinates used below, in normalised half-widths (u) and inter-eye distances (v, down
/// from the eye line). Inside |u| < 0.12 sits the nose ridge, beyond 0.8 the jaw line mixes with hair and
/// backdrop; v -0.6..1.2 spans the forehead above the brows to the mouth.
constexpr double kInnerU = 0.12, kNearOuterU = 0.4, kFarInnerU = 0.45, kOuterU = 0.8, kBandOuterU = 0.6;
constexpr double kTopV = -0.6, kBottomV = 1.2;
/// Forehead, eyes to nose, mouth to chin.
constexpr std::array<std::pair<double, double>, 3> kBands = {{{-0.7, -0.15}, {0.15, 0.7}, {0.7, 1.3}}};
constexpr int kMinSamples = 10;

cv::Point2d meanOf(const std::vector<cv::Point2d>& p, int first, int last)
{
    cv::Point2d s(0, 0);
    for (int i = first; i <= last; ++i)
        s += p[size_t(i)];
    return s * (1.0 / (last - first + 1));
}

double median(std::vector<float>& v)
{
    if (int(v.size()) < kMinSamples)
        return kNaN;
    auto mid = v.begin() + std::ptrdiff_t(v.size() / 2);
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

/// Piecewise-linear u(v) along a contour, clamped at its ends.
struct Contour {
    std::vector<std::pair<double, double>> vu; // sorted by v
    double at(double v) const
    {
        if (v <= vu.front().first)
            return vu.front().second;
        if (v >= vu.back().first)
            return vu.back().second;
        for (size_t i = 1; i < vu.size(); ++i) {
            if (v <= vu[i].first) {
                const double t = (v - vu[i - 1].first) / std::max(1e-9, vu[i].first - vu[i - 1].first);
                return vu[i - 1].second + t * (vu[i].second - vu[i - 1].second);
            }
        }
        return vu.back().second;
    }
};

/// Fills the outline through the given landmarks, scaled about their centroid.
void fillScaled(cv::Mat& mask, const std::vector<cv::Point2d>& lm, int first, int last, double scale, cv::Point offset)
{
    const cv::Point2d c = meanOf(lm, first, last);
    std::vector<cv::Point> pts;
    for (int i = first; i <= last; ++i) {
        const cv::Point2d p = c + (lm[size_t(i)] - c) * scale;
        pts.emplace_back(cvRound(p.x) - offset.x, cvRound(p.y) - offset.y);
    }
    std::vector<cv::Point> hull;
    cv::convexHull(pts, hull);
    cv::fillConvexPoly(mask, hull, cv::Scalar(255));
}

const std::array<float, 256>& linearTable()
{
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            t[size_t(i)] = float(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
        }
        return t;
    }();
    return table;
}

} // namespace

FaceLightProfile measureFaceLight(const cv::Mat& bgr, const cv::Mat& lum, const cv::Mat& face,
                                  const std::vector<cv::Point2d>& lm)
{
    FaceLightProfile r;
    if (lm.size() < 68 || bgr.empty() || lum.size() != bgr.size() || face.size() != bgr.size())
        return r;
    const cv::Point2d eyeL = meanOf(lm, 36, 41), eyeR = meanOf(lm, 42, 47);
    const double ied = cv::norm(eyeR - eyeL);
    if (ied < 8)
        return r;
    const cv::Point2d right = (eyeR - eyeL) * (1.0 / ied);
    const cv::Point2d down(-right.y, right.x);
    const cv::Point2d origin = (eyeL + eyeR) * 0.5;
    auto uOf = [&](cv::Point2d p) { return (p - origin).dot(right); };
    auto vOf = [&](cv::Point2d p) { return (p - origin).dot(down); };

    // Facial midline (nose bridge, nose, lips, chin) as u = k v + b: it follows the head's turn.
    double sv = 0, su = 0, svv = 0, svu = 0;
    int nm = 0;
    for (int i : {27, 28, 29, 30, 33, 51, 57, 62, 66, 8}) {
        const double u = uOf(lm[size_t(i)]), v = vOf(lm[size_t(i)]);
        sv += v, su += u, svv += v * v, svu += v * u;
        ++nm;
    }
    const double den = nm * svv - sv * sv;
    const double k = std::abs(den) > 1e-9 ? (nm * svu - sv * su) / den : 0.0;
    const double b = (su - k * sv) / nm;

    // Outline of each half: the jaw from the ear to the chin, topped by the brow end lifted to the forehead.
    const double lift = 0.35 * ied;
    Contour leftC, rightC;
    leftC.vu.emplace_back(vOf(lm[17] - down * lift), uOf(lm[17] - down * lift));
    rightC.vu.emplace_back(vOf(lm[26] - down * lift), uOf(lm[26] - down * lift));
    for (int i = 0; i <= 8; ++i)
        leftC.vu.emplace_back(vOf(lm[size_t(i)]), uOf(lm[size_t(i)]));
    for (int i = 8; i <= 16; ++i)
        rightC.vu.emplace_back(vOf(lm[size_t(i)]), uOf(lm[size_t(i)]));
    std::sort(leftC.vu.begin(), leftC.vu.end());
    std::sort(rightC.vu.begin(), rightC.vu.end());

    const cv::Rect roi = cv::boundingRect(face) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (roi.area() < 100)
        return r;

    // Not skin: eyes, brows, mouth and nostrils (their own tones say nothing about the light).
    cv::Mat features(roi.size(), CV_8U, cv::Scalar(0));
    const cv::Point off = roi.tl();
    fillScaled(features, lm, 36, 41, 1.8, off);
    fillScaled(features, lm, 42, 47, 1.8, off);
    fillScaled(features, lm, 48, 59, 1.25, off);
    fillScaled(features, lm, 31, 35, 1.4, off);
    const int browWidth = std::max(2, cvRound(0.12 * ied));
    for (int first : {17, 22}) {
        std::vector<cv::Point> brow;
        for (int i = first; i < first + 5; ++i)
            brow.emplace_back(cvRound(lm[size_t(i)].x) - off.x, cvRound(lm[size_t(i)].y) - off.y);
        cv::polylines(features, brow, false, cv::Scalar(255), browWidth);
    }
    cv::Mat eyes(roi.size(), CV_8U, cv::Scalar(0));
    fillScaled(eyes, lm, 36, 41, 1.0, off);
    fillScaled(eyes, lm, 42, 47, 1.0, off);

    const std::array<float, 256>& lin = linearTable();
    // Medians need no more than a few thousand samples: on a large face, every step-th pixel each way keeps
    // the cost flat (about 40 samples across the eye distance).
    const int step = std::max(1, int(ied / 40.0));
    // [side][0 near, 1 far, 2 whole half]; bands [band][side]; side 0 = image-left.
    std::array<std::array<std::vector<float>, 3>, 2> halves;
    std::array<std::array<std::vector<float>, 2>, 3> bands;
    std::vector<float> blue;
    std::vector<double> widthL, widthR;
    int eyePixels = 0, eyeClipped = 0, skinClipped = 0;
    for (int y = 0; y < roi.height; y += step) {
        const uchar* m = face.ptr<uchar>(roi.y + y) + roi.x;
        const uchar* fm = features.ptr<uchar>(y);
        const uchar* em = eyes.ptr<uchar>(y);
        const float* l = lum.ptr<float>(roi.y + y) + roi.x;
        const cv::Vec3b* c = bgr.ptr<cv::Vec3b>(roi.y + y) + roi.x;
        for (int x = 0; x < roi.width; x += step) {
            const bool clipped = std::max({c[x][0], c[x][1], c[x][2]}) >= 250;
            if (em[x]) {
                ++eyePixels;
                eyeClipped += clipped;
            }
            if (!m[x] || fm[x])
                continue;
            const cv::Point2d p(roi.x + x, roi.y + y);
            const double pu = uOf(p), pv = vOf(p);
            const double mid = k * pv + b;
            const bool left = pu < mid;
            const double width = left ? mid - leftC.at(pv) : rightC.at(pv) - mid;
            if (width < 2)
                continue;
            const double u = std::abs(pu - mid) / width;
            const double vn = pv / ied;
            const int side = left ? 0 : 1;
            ++r.skinPixels;
            skinClipped += clipped;
            const float sum = lin[c[x][0]] + lin[c[x][1]] + lin[c[x][2]];
            if (sum > 1e-4f)
                blue.push_back(lin[c[x][0]] / sum);
            if (u >= kInnerU && u < kOuterU && vn > kTopV && vn < kBottomV) {
                halves[size_t(side)][2].push_back(l[x]);
                if (u < kNearOuterU)
                    halves[size_t(side)][0].push_back(l[x]);
                else if (u >= kFarInnerU)
                    halves[size_t(side)][1].push_back(l[x]);
            }
            if (u >= kInnerU && u < kBandOuterU) {
                for (size_t bi = 0; bi < kBands.size(); ++bi) {
                    if (vn > kBands[bi].first && vn < kBands[bi].second)
                        bands[bi][size_t(side)].push_back(l[x]);
                }
            }
            if ((y / step) % 4 == 0 && (x / step) % 4 == 0)
                (left ? widthL : widthR).push_back(width);
        }
    }
    if (r.skinPixels < 4 * kMinSamples)
        return r;
    r.skinClippedShare = double(skinClipped) / r.skinPixels;
    r.eyeWhiteClippedShare = eyePixels > 0 ? double(eyeClipped) / eyePixels : 0.0;
    r.skinBlueShare = blue.empty() ? 1.0 / 3.0 : median(blue);
    if (std::isnan(r.skinBlueShare))
        r.skinBlueShare = 1.0 / 3.0;
    if (!widthL.empty() && !widthR.empty()) {
        auto mid = [](std::vector<double>& v) {
            std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
            return v[v.size() / 2];
        };
        r.halfWidthRatio = mid(widthL) / std::max(1.0, mid(widthR));
    }

    const double hl = median(halves[0][2]), hr = median(halves[1][2]);
    const double nl = median(halves[0][0]), fl = median(halves[0][1]);
    const double nr = median(halves[1][0]), fr = median(halves[1][1]);
    if (std::isnan(hl) || std::isnan(hr) || std::isnan(nl) || std::isnan(fl) || std::isnan(nr) || std::isnan(fr))
        return r;
    constexpr double kFloor = 1e-4; // linear luminance of a black pixel after JPEG noise
    r.leftDarker = hl < hr;
    r.sideRatio = std::max(hl, hr) / std::max(kFloor, std::min(hl, hr));
    const double nearDark = r.leftDarker ? nl : nr, farDark = r.leftDarker ? fl : fr;
    const double nearLit = r.leftDarker ? nr : nl, farLit = r.leftDarker ? fr : fl;
    r.darkHalfFalloff = std::max(kFloor, nearDark) / std::max(kFloor, farDark);
    r.litHalfFalloff = std::max(kFloor, nearLit) / std::max(kFloor, farLit);
    r.falloffAsymmetry = r.darkHalfFalloff / r.litHalfFalloff;
    const double asym = std::max(1.0, r.falloffAsymmetry);
    r.sideGradientIndex = r.sideRatio * asym * asym;

    std::array<double, 3> logRatio{};
    bool allLeft = true, allRight = true;
    for (size_t bi = 0; bi < kBands.size(); ++bi) {
        const double bl = median(bands[bi][0]), br = median(bands[bi][1]);
        logRatio[bi] = (std::isnan(bl) || std::isnan(br)) ? 0.0 : std::log(std::max(kFloor, br) / std::max(kFloor, bl));
        allLeft = allLeft && logRatio[bi] > 0; // image-left darker
        allRight = allRight && logRatio[bi] < 0; // image-right darker
    }
    r.foreheadRatio = std::exp(std::abs(logRatio[0]));
    r.midfaceRatio = std::exp(std::abs(logRatio[1]));
    r.lowerFaceRatio = std::exp(std::abs(logRatio[2]));
    r.splitRatio = (allLeft || allRight) ? std::min({r.foreheadRatio, r.midfaceRatio, r.lowerFaceRatio}) : 1.0;
    r.valid = true;
    return r;
}

} // namespace hqa::core
