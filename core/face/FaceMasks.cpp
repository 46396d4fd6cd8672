#include "core/face/FaceMasks.h"

#include "core/face/FaceEvidence.h"
#include "core/face/FacePose.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {
namespace {

constexpr double kGrabCutLongSide = 128.0;
constexpr int kGrabCutIterations = 2;
/// Forehead height above the brows, in units of T (brow-to-hairline is roughly half the eye-to-chin distance).
constexpr double kForeheadOverT = 0.45;

const cv::Mat& srgbToLinearTable()
{
    static const cv::Mat table = [] {
        cv::Mat t(1, 256, CV_32F);
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            t.at<float>(i) = static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
        }
        return t;
    }();
    return table;
}

std::vector<cv::Point> toInt(const std::vector<cv::Point2d>& pts, double scale = 1.0)
{
    std::vector<cv::Point> out;
    out.reserve(pts.size());
    for (const cv::Point2d& p : pts)
        out.emplace_back(static_cast<int>(std::lround(p.x * scale)), static_cast<int>(std::lround(p.y * scale)));
    return out;
}

/// Jaw line plus brows lifted onto the forehead: the outline of the face, ready for a convex hull.
std::vector<cv::Point2d> faceOutline(const FaceGeometry& g)
{
    std::vector<cv::Point2d> pts;
    const cv::Point2d lift = faceUpDirection(g) * (kForeheadOverT * g.eyeToChin);
    for (int i = lm::kJawFirst; i <= lm::kJawLast; ++i)
        pts.push_back(g.landmarks[static_cast<size_t>(i)]);
    for (int i = lm::kBrowRightFirst; i <= lm::kBrowLeftLast; ++i)
        pts.push_back(g.landmarks[static_cast<size_t>(i)] + lift);
    return pts;
}

void fillHull(cv::Mat& mask, const std::vector<cv::Point>& pts, int value)
{
    if (pts.size() < 3)
        return;
    std::vector<cv::Point> hull;
    cv::convexHull(pts, hull);
    cv::fillConvexPoly(mask, hull, cv::Scalar(value), cv::LINE_8);
}

/// Keeps the connected component that holds the face (the one under the eye midpoint, else the one that
/// overlaps the face box most).
cv::Mat keepFaceComponent(const cv::Mat& mask, cv::Point seed, const cv::Rect& faceBox, int bridge)
{
    // Components are found on a slightly dilated copy so that a thin gap (a dark collar, a helmet ring) does
    // not cut the torso off the head; the result keeps the undilated pixels.
    cv::Mat joined;
    cv::dilate(mask, joined, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(bridge, bridge)));
    cv::Mat labels;
    const int n = cv::connectedComponents(joined, labels, 8, CV_32S);
    if (n <= 2)
        return mask;
    int keep = 0;
    if (seed.inside(cv::Rect(0, 0, mask.cols, mask.rows)))
        keep = labels.at<int>(seed);
    if (keep == 0) {
        std::vector<int> counts(static_cast<size_t>(n), 0);
        const cv::Rect box = faceBox & cv::Rect(0, 0, mask.cols, mask.rows);
        for (int y = box.y; y < box.y + box.height; ++y)
            for (int x = box.x; x < box.x + box.width; ++x)
                ++counts[static_cast<size_t>(labels.at<int>(y, x))];
        counts[0] = 0;
        keep = static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
        if (counts[static_cast<size_t>(keep)] == 0)
            return cv::Mat::zeros(mask.size(), CV_8U);
    }
    cv::Mat out = (labels == keep) & mask;
    return out;
}

/// Where the subject can be, at scale `s` of the analysis image: a head ellipse (enlarged for hair) and a torso
/// trapezoid widening below the chin. grabCut's probable foreground; pixels more than half a face width from it are
/// never the subject (grabCut's definite background, the segmentation network's limit).
cv::Mat subjectPrior(const FaceGeometry& g, cv::Size sz, double s)
{
    const double faceW = std::max(g.box.width, g.interEyeDistance * 2.0) * s;
    const double T = g.eyeToChin * s;
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * (0.5 * s);
    const cv::Point2d chin = g.chin * s;
    const cv::Point2d up = faceUpDirection(g);

    cv::Mat probable = cv::Mat::zeros(sz, CV_8U);
    const cv::Point2d headTop = eyeMid + up * (1.15 * T);
    const cv::Point2d headCentre = (headTop + chin) * 0.5;
    const double headHalfHeight = 0.5 * cv::norm(headTop - chin) * 1.05;
    cv::ellipse(probable, cv::Point(cvRound(headCentre.x), cvRound(headCentre.y)),
                cv::Size(std::max(1, cvRound(0.75 * faceW)), std::max(1, cvRound(headHalfHeight))), g.roll, 0, 360,
                cv::Scalar(255), cv::FILLED);
    const double neckY = chin.y - 0.15 * T;
    const double shoulderY = chin.y + 0.7 * T;
    const double bottom = std::max<double>(sz.height + 1, shoulderY + 1);
    const std::vector<cv::Point> torso = toInt({{chin.x - 0.45 * faceW, neckY},
                                                {chin.x + 0.45 * faceW, neckY},
                                                {chin.x + 1.6 * faceW, shoulderY},
                                                {chin.x + 2.2 * faceW, bottom},
                                                {chin.x - 2.2 * faceW, bottom},
                                                {chin.x - 1.6 * faceW, shoulderY}});
    cv::fillConvexPoly(probable, torso, cv::Scalar(255));
    return probable;
}

} // namespace

cv::Mat linearLuminance(const cv::Mat& bgr)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return {};
    // One pass with the channel weights folded into three tables: cheaper than a float BGR image + transform.
    const float* lin = srgbToLinearTable().ptr<float>();
    std::array<float, 256> wb{}, wg{}, wr{};
    for (int i = 0; i < 256; ++i) {
        wb[static_cast<size_t>(i)] = 0.0722f * lin[i];
        wg[static_cast<size_t>(i)] = 0.7152f * lin[i];
        wr[static_cast<size_t>(i)] = 0.2126f * lin[i];
    }
    cv::Mat y(bgr.size(), CV_32F);
    for (int r = 0; r < bgr.rows; ++r) {
        const uchar* in = bgr.ptr<uchar>(r);
        float* out = y.ptr<float>(r);
        for (int x = 0; x < bgr.cols; ++x, in += 3)
            out[x] = wb[in[0]] + wg[in[1]] + wr[in[2]];
    }
    return y;
}

cv::Mat faceRegionMask(const FaceGeometry& g, cv::Size size)
{
    cv::Mat mask = cv::Mat::zeros(size, CV_8U);
    if (g.landmarks.size() != 68)
        return mask;
    fillHull(mask, toInt(faceOutline(g)), 255);
    return mask;
}

cv::Mat skinColourMask(const cv::Mat& bgr, const FaceGeometry& g)
{
    cv::Mat mask = cv::Mat::zeros(bgr.size(), CV_8U);
    if (g.landmarks.size() != 68 || g.interEyeDistance <= 0)
        return mask;

    // Cheek patches: squares of side ~0.3 IED, below each eye, halfway towards the mouth corner on that side.
    const double half = std::max(2.0, 0.15 * g.interEyeDistance);
    const std::array<cv::Point2d, 2> centres{g.eyeLeft + 0.55 * (g.landmarks[lm::kMouthCornerLeft] - g.eyeLeft),
                                             g.eyeRight + 0.55 * (g.landmarks[lm::kMouthCornerRight] - g.eyeRight)};
    const cv::Rect imageRect(0, 0, bgr.cols, bgr.rows);
    cv::Mat ycrcb;
    double n = 0, sy = 0, scr = 0, scb = 0, scrcr = 0, scbcb = 0, scrcb = 0;
    for (const cv::Point2d& c : centres) {
        const cv::Rect patch = cv::Rect(cv::Point(static_cast<int>(c.x - half), static_cast<int>(c.y - half)),
                                        cv::Point(static_cast<int>(c.x + half), static_cast<int>(c.y + half)))
            & imageRect;
        if (patch.area() <= 0)
            continue;
        cv::Mat p;
        cv::cvtColor(bgr(patch), p, cv::COLOR_BGR2YCrCb);
        for (int y = 0; y < p.rows; ++y) {
            const cv::Vec3b* row = p.ptr<cv::Vec3b>(y);
            for (int x = 0; x < p.cols; ++x) {
                const double Y = row[x][0], cr = row[x][1], cb = row[x][2];
                n += 1;
                sy += Y;
                scr += cr;
                scb += cb;
                scrcr += cr * cr;
                scbcb += cb * cb;
                scrcb += cr * cb;
            }
        }
    }
    if (n < 4)
        return mask;
    const double my = sy / n, mcr = scr / n, mcb = scb / n;
    // A floor on the spread: cheeks are nearly uniform, yet the rest of the skin (shaded, flushed) is not.
    constexpr double kMinVariance = 16.0;
    const double vcr = std::max(kMinVariance, scrcr / n - mcr * mcr);
    const double vcb = std::max(kMinVariance, scbcb / n - mcb * mcb);
    const double cov = scrcb / n - mcr * mcb;
    const double det = vcr * vcb - cov * cov;
    if (det <= 0)
        return mask;
    const double icr = vcb / det, icb = vcr / det, ic = -cov / det;

    // Chroma test as a 256x256 table: the per-pixel work is then one lookup and a brightness band.
    constexpr double kMaxMahalanobis2 = 9.0;
    std::vector<uchar> chroma(256 * 256);
    for (int cr = 0; cr < 256; ++cr)
        for (int cb = 0; cb < 256; ++cb) {
            const double a = cr - mcr, b = cb - mcb;
            const double d2 = icr * a * a + 2 * ic * a * b + icb * b * b;
            chroma[static_cast<size_t>(cr * 256 + cb)] = d2 <= kMaxMahalanobis2;
        }
    const int yLow = static_cast<int>(0.35 * my), yHigh = static_cast<int>(std::min(255.0, 1.6 * my + 20));

    cv::cvtColor(bgr, ycrcb, cv::COLOR_BGR2YCrCb);
    for (int y = 0; y < ycrcb.rows; ++y) {
        const cv::Vec3b* row = ycrcb.ptr<cv::Vec3b>(y);
        uchar* out = mask.ptr<uchar>(y);
        for (int x = 0; x < ycrcb.cols; ++x) {
            const int Y = row[x][0];
            if (Y >= yLow && Y <= yHigh && chroma[static_cast<size_t>(row[x][1] * 256 + row[x][2])])
                out[x] = 255;
        }
    }
    return mask;
}

cv::Mat personSilhouetteMask(const cv::Mat& bgr, const FaceGeometry& g)
{
    if (bgr.empty() || g.landmarks.size() != 68 || g.eyeToChin <= 0)
        return cv::Mat::zeros(bgr.size(), CV_8U);

    const double s = std::min(1.0, kGrabCutLongSide / std::max(bgr.cols, bgr.rows));
    cv::Mat small;
    cv::resize(bgr, small, cv::Size(), s, s, cv::INTER_AREA);
    const cv::Size sz = small.size();

    const double faceW = std::max(g.box.width, g.interEyeDistance * 2.0) * s;
    const double T = g.eyeToChin * s;
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * (0.5 * s);

    // Probable person: head ellipse (enlarged for hair) and a torso trapezoid widening below the chin.
    const cv::Mat probable = subjectPrior(g, sz, s);

    cv::Mat gcMask(sz, CV_8U, cv::Scalar(cv::GC_PR_BGD));
    gcMask.setTo(cv::GC_PR_FGD, probable);

    // Definite background: far from anything that could be the person (top corners, side strips).
    cv::Mat notProbable = probable == 0;
    cv::Mat distance;
    cv::distanceTransform(notProbable, distance, cv::DIST_L2, 3);
    gcMask.setTo(cv::GC_BGD, distance > 0.5 * faceW);

    // Definite person: the inner face (brows, eyes, nose, mouth), which no backdrop colour can claim.
    std::vector<cv::Point2d> inner(g.landmarks.begin() + lm::kBrowRightFirst, g.landmarks.end());
    cv::Mat innerMask = cv::Mat::zeros(sz, CV_8U);
    fillHull(innerMask, toInt(inner, s), 255);
    gcMask.setTo(cv::GC_FGD, innerMask);

    const int background = cv::countNonZero(gcMask == cv::GC_BGD) + cv::countNonZero(gcMask == cv::GC_PR_BGD);
    const int foreground = cv::countNonZero(gcMask == cv::GC_FGD) + cv::countNonZero(gcMask == cv::GC_PR_FGD);
    cv::Mat person;
    if (background >= 64 && foreground >= 64) {
        cv::Mat bgModel, fgModel;
        // grabCut seeds its k-means from the thread's RNG: fix the seed so that the same photo always gives the
        // same mask, and leave the caller's RNG as it was.
        cv::RNG& rng = cv::theRNG();
        const uint64 savedState = rng.state;
        rng.state = 0x9e3779b97f4a7c15ULL;
        try {
            cv::grabCut(small, gcMask, cv::Rect(), bgModel, fgModel, kGrabCutIterations, cv::GC_INIT_WITH_MASK);
            person = (gcMask == cv::GC_FGD) | (gcMask == cv::GC_PR_FGD);
        } catch (const cv::Exception&) {
            person = probable.clone();
        }
        rng.state = savedState;
    } else {
        // A close-up fills the frame: there is no backdrop to learn from.
        person = probable.clone();
    }

    const int k = std::max(3, (std::min(sz.width, sz.height) / 60) | 1);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(k, k));
    cv::morphologyEx(person, person, cv::MORPH_OPEN, kernel);
    cv::morphologyEx(person, person, cv::MORPH_CLOSE, kernel);
    const cv::Rect faceBoxSmall(cvRound(g.box.x * s), cvRound(g.box.y * s), cvRound(g.box.width * s),
                                cvRound(g.box.height * s));
    person = keepFaceComponent(person, cv::Point(cvRound(eyeMid.x), cvRound(eyeMid.y + 0.3 * T)), faceBoxSmall,
                               std::max(3, cvRound(0.15 * faceW) | 1));

    if (s >= 1.0)
        return person;
    cv::Mat full;
    cv::resize(person, full, bgr.size(), 0, 0, cv::INTER_LINEAR);
    cv::threshold(full, full, 127, 255, cv::THRESH_BINARY);
    return full;
}

cv::Mat personMaskFromProbability(const cv::Mat& probability, const FaceGeometry& g,
                                  const std::vector<cv::Rect2d>& otherFaces)
{
    if (probability.empty() || probability.type() != CV_32F || g.landmarks.size() != 68 || g.eyeToChin <= 0)
        return cv::Mat::zeros(probability.size(), CV_8U);
    cv::Mat person = probability > 0.5f;

    // The network finds every person; the mask is the subject's. Limit it to the head-and-torso prior grabCut starts
    // from (on the same ~128 px grid): on the tuning part this beat allowing grabCut's half-face-width reach beyond
    // it (background balanced accuracy 0.93 against 0.85), which lets neighbours touching the subject in ...
    const double s = std::min(1.0, kGrabCutLongSide / std::max(probability.cols, probability.rows));
    const cv::Size sz(std::max(1, cvRound(probability.cols * s)), std::max(1, cvRound(probability.rows * s)));
    cv::Mat reach;
    cv::resize(subjectPrior(g, sz, s), reach, probability.size(), 0, 0, cv::INTER_NEAREST);
    person &= reach;
    const double faceW = std::max(g.box.width, g.interEyeDistance * 2.0);
    // ... and leave out the other people the detector found: their heads, and, for a neighbour about as near the
    // camera as the subject (face at least kNeighbourFaceRatio of the subject's), the columns from their head
    // down that are nearer their face than the subject's, in face widths (whose shoulder is it). A smaller face is
    // further back, its body hidden behind the subject's.
    constexpr double kNeighbourFaceRatio = 0.6;
    const cv::Rect frame(0, 0, person.cols, person.rows);
    const double subjectX = g.box.x + 0.5 * g.box.width;
    for (const cv::Rect2d& face : otherFaces) {
        const cv::Rect2d head(face.x - 0.2 * face.width, face.y - 0.4 * face.height, 1.4 * face.width,
                              1.6 * face.height);
        person(cv::Rect(head) & frame).setTo(0);
        if (face.width < kNeighbourFaceRatio * g.box.width)
            continue;
        const double otherX = face.x + 0.5 * face.width;
        const int top = std::clamp(cvRound(face.y), 0, person.rows);
        for (int x = 0; x < person.cols; ++x)
            if (std::abs(x - otherX) / face.width < std::abs(x - subjectX) / g.box.width)
                person(cv::Rect(x, top, 1, person.rows - top)).setTo(0);
    }

    std::vector<cv::Point2d> inner(g.landmarks.begin() + lm::kBrowRightFirst, g.landmarks.end());
    fillHull(person, toInt(inner), 255);
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * 0.5;
    // The network's mask is smooth already; the bridge only joins a torso cut off by a thin dark collar.
    return keepFaceComponent(person, cv::Point(cvRound(eyeMid.x), cvRound(eyeMid.y + 0.3 * g.eyeToChin)),
                             cv::Rect(g.box), std::max(3, cvRound(0.1 * faceW) | 1));
}

} // namespace hqa::core
