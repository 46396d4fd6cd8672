#include "SharpnessMeasure.h"

#include "core/measures/FaceFrame.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace hqa::core {

namespace {

/// Mean of |m| over the mask.
double maskedMeanAbs(const cv::Mat& m, const cv::Mat& mask) { return cv::mean(cv::abs(m), mask)[0]; }

/// Band energies of a normalised-scale grey patch: fine = |I - blur1(I)|, mid = |blur1(I) - blur3(I)|.
/// Their ratio falls steeply with defocus and does not depend on contrast or exposure.
struct Bands {
    double fine = 0, mid = 0, laplacian = 0, gradient = 0;
    double ratio() const { return fine / std::max(mid, 1e-6); }
};

Bands bandsOf(const cv::Mat& grey, const cv::Mat& mask, const cv::Mat& b1, const cv::Mat& b3, const cv::Mat& lap,
              const cv::Mat& gradMag)
{
    Bands b;
    if (cv::countNonZero(mask) < 20)
        return b;
    b.fine = maskedMeanAbs(grey - b1, mask);
    b.mid = maskedMeanAbs(b1 - b3, mask);
    b.laplacian = maskedMeanAbs(lap, mask);
    b.gradient = cv::mean(gradMag, mask)[0];
    return b;
}

/// 8x8 grid discontinuity of a grey patch whose top-left pixel sits at `origin` in the decoded image (JPEG's
/// grid starts at the image origin): mean step across block borders over mean step inside blocks. About 1
/// for an uncompressed or resampled image, well above for heavy compression.
double blockiness(const cv::Mat& grey8, cv::Point origin)
{
    double border = 0, inner = 0;
    long nBorder = 0, nInner = 0;
    for (int y = 0; y + 1 < grey8.rows; ++y) {
        const uchar* row = grey8.ptr<uchar>(y);
        const uchar* next = grey8.ptr<uchar>(y + 1);
        const bool rowBorder = ((y + origin.y) & 7) == 7;
        for (int x = 0; x + 1 < grey8.cols; ++x) {
            const double dx = std::abs(int(row[x + 1]) - int(row[x]));
            const double dy = std::abs(int(next[x]) - int(row[x]));
            if (((x + origin.x) & 7) == 7) {
                border += dx;
                ++nBorder;
            } else {
                inner += dx;
                ++nInner;
            }
            if (rowBorder) {
                border += dy;
                ++nBorder;
            } else {
                inner += dy;
                ++nInner;
            }
        }
    }
    if (nBorder == 0 || nInner == 0)
        return 1.0;
    // Half a grey level keeps flat regions from turning tiny differences into huge ratios.
    return (border / nBorder + 0.5) / (inner / nInner + 0.5);
}

enum class Defect { Face, Eyes, Motion, Blocks, Resolution };

/// The face from the brows to the chin, resampled so the inter-eye distance is `normalisedIed` pixels, in grey
/// 0..1, with the face region it covers. Area averaging when shrinking (no aliasing that would look like detail),
/// cubic when enlarging (a small face then looks as soft as it really is).
struct NormalisedFace {
    cv::Mat grey; ///< CV_32F
    cv::Mat mask; ///< CV_8U, the face shrunk away from its outline and from the crop's border
    cv::Rect crop; ///< in the evidence image
    double scale = 1.0; ///< normalised pixels per evidence pixel
};

std::optional<NormalisedFace> normalisedFace(const FaceEvidence& ev, const FaceFrame& f, const SharpnessConfig& c)
{
    NormalisedFace n;
    const cv::Rect image(0, 0, ev.bgr.cols, ev.bgr.rows);
    n.scale = c.normalisedIed / f.ied;
    const cv::Point2d centre = f.eyeMid + f.down * (0.45 * f.ied);
    n.crop = cv::Rect(cvRound(centre.x - 1.15 * f.ied), cvRound(centre.y - 1.25 * f.ied), cvRound(2.3 * f.ied),
                      cvRound(2.5 * f.ied))
        & image;
    if (n.crop.width < 4 || n.crop.height < 4)
        return std::nullopt;
    const cv::Size outSize(std::max(8, cvRound(n.crop.width * n.scale)), std::max(8, cvRound(n.crop.height * n.scale)));
    const int interp = n.scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC;
    cv::Mat grey8;
    cv::cvtColor(ev.bgr(n.crop), grey8, cv::COLOR_BGR2GRAY);
    cv::resize(grey8, n.grey, outSize, 0, 0, interp);
    n.grey.convertTo(n.grey, CV_32F, 1.0 / 255.0);

    // Face region inside the crop, shrunk so the outline against the background does not count.
    if (!ev.faceMask.empty() && ev.faceMask.size() == ev.bgr.size() && cv::countNonZero(ev.faceMask(n.crop)) > 50) {
        cv::resize(ev.faceMask(n.crop), n.mask, outSize, 0, 0, cv::INTER_NEAREST);
    } else {
        n.mask = cv::Mat(outSize, CV_8U, cv::Scalar(0));
        const cv::Point2d cc = (centre - cv::Point2d(n.crop.tl())) * n.scale;
        cv::ellipse(n.mask, cv::Point(cvRound(cc.x), cvRound(cc.y)),
                    cv::Size(cvRound(0.95 * c.normalisedIed), cvRound(1.3 * c.normalisedIed)), 0, 0, 360,
                    cv::Scalar(255), cv::FILLED);
    }
    cv::erode(n.mask, n.mask, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(9, 9)));
    // The outermost rows and columns have no full filter support.
    cv::rectangle(n.mask, cv::Rect(0, 0, n.mask.cols, n.mask.rows), cv::Scalar(0), 4);
    return n;
}

/// The filtered images every band and direction figure is read from.
struct Filtered {
    cv::Mat b1, b3, lap, gx, gy, gradMag;
};

Filtered filtered(const cv::Mat& grey)
{
    Filtered f;
    cv::GaussianBlur(grey, f.b1, cv::Size(0, 0), 1.0);
    cv::GaussianBlur(grey, f.b3, cv::Size(0, 0), 3.0);
    cv::Laplacian(grey, f.lap, CV_32F, 3);
    cv::Scharr(grey, f.gx, CV_32F, 1, 0, 1.0 / 32.0);
    cv::Scharr(grey, f.gy, CV_32F, 0, 1, 1.0 / 32.0);
    cv::magnitude(f.gx, f.gy, f.gradMag);
    return f;
}

/// The sharper eye's fine/mid ratio relative to a crisp face: a box 0.7 x 0.4 IED around each eye centre (shallow
/// depth of field focused on the near eye is good practice). 0 when neither eye box fits.
double sharperEyeRelative(const NormalisedFace& n, const FaceFrame& f, const Filtered& fl, const SharpnessConfig& c)
{
    double eyeRel = 0;
    for (const cv::Point2d& eye : {f.eyeLeft, f.eyeRight}) {
        const cv::Point2d e = (eye - cv::Point2d(n.crop.tl())) * n.scale;
        const cv::Rect box = cv::Rect(cvRound(e.x - 0.35 * c.normalisedIed), cvRound(e.y - 0.2 * c.normalisedIed),
                                      cvRound(0.7 * c.normalisedIed), cvRound(0.4 * c.normalisedIed))
            & cv::Rect(4, 4, n.grey.cols - 8, n.grey.rows - 8);
        if (box.area() < 40)
            continue;
        cv::Mat eyeMask(n.grey.size(), CV_8U, cv::Scalar(0));
        eyeMask(box).setTo(255);
        const Bands b = bandsOf(n.grey, eyeMask, fl.b1, fl.b3, fl.lap, fl.gradMag);
        eyeRel = std::max(eyeRel, b.ratio() / c.crispRatio);
    }
    return eyeRel;
}

/// Directional blur from the structure tensor of the gradients: blur along a direction removes the gradients
/// along it, so the weaker principal direction is the direction of motion.
struct GradientDirection {
    double anisotropy = 0; ///< 0 isotropic .. 1 all gradients one way
    double motionDegrees = 0; ///< counter-clockwise, 0 = horizontal, 0..180
};

GradientDirection gradientDirection(const Filtered& fl, const cv::Mat& mask)
{
    double sxx = 0, syy = 0, sxy = 0;
    for (int y = 0; y < mask.rows; ++y) {
        const float* px = fl.gx.ptr<float>(y);
        const float* py = fl.gy.ptr<float>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < mask.cols; ++x) {
            if (!m[x])
                continue;
            sxx += double(px[x]) * px[x];
            syy += double(py[x]) * py[x];
            sxy += double(px[x]) * py[x];
        }
    }
    GradientDirection d;
    const double trace = sxx + syy;
    const double disc = std::sqrt(std::max(0.0, (sxx - syy) * (sxx - syy) + 4 * sxy * sxy));
    d.anisotropy = trace > 0 ? disc / trace : 0.0;
    // Angle of the strong gradient direction, then the motion is perpendicular to it (image degrees,
    // 0 = horizontal, folded into 0..180).
    const double strongAngle = 0.5 * std::atan2(2 * sxy, sxx - syy) * 180.0 / CV_PI;
    const double motionAngle = std::fmod(strongAngle + 90.0 + 360.0, 180.0);
    // Image y points down; report counter-clockwise degrees as a photographer reads them.
    d.motionDegrees = std::fmod(180.0 - motionAngle, 180.0);
    return d;
}

/// Directional detail: mean |second difference| along 0, 90, 45 and 135 degrees. Motion blur removes the fine
/// detail along its own direction only, so the weaker of two perpendicular directions drops far below the
/// stronger one; defocus lowers both alike. Returns the smaller of the two perpendicular pairs' ratios.
double directionalDetailRatio(const cv::Mat& grey, const cv::Mat& mask)
{
    const std::array<cv::Point, 4> steps = {cv::Point(1, 0), cv::Point(0, 1), cv::Point(1, 1), cv::Point(-1, 1)};
    std::array<double, 4> sums{};
    long count = 0;
    for (int y = 1; y + 1 < grey.rows; ++y) {
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 1; x + 1 < grey.cols; ++x) {
            if (!m[x])
                continue;
            const float centre = 2.0f * grey.at<float>(y, x);
            for (size_t i = 0; i < steps.size(); ++i) {
                const cv::Point d = steps[i];
                sums[i] += std::abs(grey.at<float>(y + d.y, x + d.x) + grey.at<float>(y - d.y, x - d.x) - centre);
            }
            ++count;
        }
    }
    std::array<double, 4> directional{};
    for (size_t i = 0; i < sums.size(); ++i)
        directional[i] = count ? sums[i] / count : 0.0;
    auto pairRatio = [](double a, double b) { return std::max(a, b) > 0 ? std::min(a, b) / std::max(a, b) : 1.0; };
    return std::min(pairRatio(directional[0], directional[1]), pairRatio(directional[2], directional[3]));
}

/// JPEG blockiness of the face, only where it is visible: on the decoder's own pixel grid. 1 otherwise.
double faceBlockiness(const FaceEvidence& ev, const FaceFrame& f)
{
    if (std::abs(ev.scaleToOriginal - 1.0) >= 1e-3)
        return 1.0;
    const cv::Rect image(0, 0, ev.bgr.cols, ev.bgr.rows);
    const cv::Rect faceBox = cv::Rect(cvRound(f.eyeMid.x - 1.0 * f.ied), cvRound(f.eyeMid.y - 0.8 * f.ied),
                                      cvRound(2.0 * f.ied), cvRound(2.2 * f.ied))
        & image;
    if (faceBox.width <= 16 || faceBox.height <= 16)
        return 1.0;
    cv::Mat grey8Full;
    cv::cvtColor(ev.bgr(faceBox), grey8Full, cv::COLOR_BGR2GRAY);
    return blockiness(grey8Full, faceBox.tl());
}

/// The raw values the verdict is made from (the evidence).
struct SharpnessValues {
    Bands face;
    double faceRel = 0, eyeRel = 0;
    GradientDirection direction;
    double directionalRatio = 1.0, blocks = 1.0, iedOriginal = 0;
};

std::optional<SharpnessValues> measureSharpness(const FaceEvidence& ev, const SharpnessConfig& c)
{
    const FaceFrame f = faceFrame(ev);
    const auto n = normalisedFace(ev, f, c);
    if (!n)
        return std::nullopt;
    const Filtered fl = filtered(n->grey);
    SharpnessValues v;
    v.face = bandsOf(n->grey, n->mask, fl.b1, fl.b3, fl.lap, fl.gradMag);
    v.faceRel = v.face.ratio() / c.crispRatio;
    v.eyeRel = sharperEyeRelative(*n, f, fl, c);
    if (!(v.eyeRel > 0))
        v.eyeRel = v.faceRel;
    v.direction = gradientDirection(fl, n->mask);
    v.directionalRatio = directionalDetailRatio(n->grey, n->mask);
    v.blocks = faceBlockiness(ev, f);
    v.iedOriginal = f.ied * std::max(ev.scaleToOriginal, 1e-6);
    return v;
}

std::vector<EvidenceValue> evidenceOf(const SharpnessValues& v)
{
    return {
        {"face_sharpness_relative", v.faceRel},
        {"eye_sharpness_relative", v.eyeRel},
        {"face_fine_mid_ratio", v.face.ratio()},
        {"face_laplacian_energy", v.face.laplacian / std::max(v.face.mid, 1e-6)},
        {"face_gradient_energy", v.face.gradient / std::max(v.face.mid, 1e-6)},
        {"gradient_anisotropy", v.direction.anisotropy},
        {"directional_detail_ratio", v.directionalRatio},
        {"motion_direction_degrees", v.direction.motionDegrees},
        {"jpeg_blockiness", v.blocks},
        {"inter_eye_distance_original", v.iedOriginal},
    };
}

struct SubScore {
    Defect defect;
    double score;
};

/// Each defect's score (0.5 at its boundary in the config); the worst decides.
SubScore worstDefect(const SharpnessValues& v, const SharpnessConfig& c)
{
    // Motion blur: a face whose gradients mostly point one way and that has lost some detail. Faces are
    // naturally somewhat anisotropic (eyes, brows and mouth are horizontal), hence both conditions.
    const double logFace = std::log(std::max(v.faceRel, 1e-4));
    const double motionScore = std::max(logistic(-v.direction.anisotropy, -c.motionAnisotropy, c.motionAnisotropyWidth),
                                        logistic(logFace, std::log(c.motionCrispEnough), c.motionCrispWidth));
    const std::array<SubScore, 5> subs = {{
        {Defect::Motion, motionScore},
        {Defect::Face, logistic(logFace, std::log(c.minFaceSharpness), c.sharpnessLogWidth)},
        {Defect::Eyes, logistic(std::log(std::max(v.eyeRel, 1e-4)), std::log(c.minEyeSharpness), c.sharpnessLogWidth)},
        {Defect::Blocks, logistic(-v.blocks, -c.maxBlockiness, c.blockinessWidth)},
        {Defect::Resolution, logistic(v.iedOriginal, c.minIedPixels, c.iedWidthPixels)},
    }};
    return *std::min_element(subs.begin(), subs.end(),
                             [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
}

QString tr(const char* text) { return QCoreApplication::translate("hqa::SharpnessMeasure", text); }

QString failReason(Defect defect, const SharpnessValues& v, const SharpnessConfig& c)
{
    switch (defect) {
    case Defect::Motion:
    case Defect::Face:
    case Defect::Eyes: {
        const bool eyes = defect == Defect::Eyes;
        const bool directional = defect == Defect::Motion || v.direction.anisotropy >= c.motionAnisotropy;
        const double rel = eyes ? v.eyeRel : v.faceRel;
        if (directional)
            return tr("Motion blur at about %1 degrees: the %2 has %3 of the sharpness of a crisp face.")
                .arg(v.direction.motionDegrees, 0, 'f', 0)
                .arg(eyes ? tr("eye region") : tr("face"))
                .arg(rel, 0, 'f', 2);
        if (eyes)
            return tr("Eye region blurred: %1 of the sharpness of a crisp face.").arg(rel, 0, 'f', 2);
        return tr("Face out of focus: %1 of the sharpness of a crisp face.").arg(rel, 0, 'f', 2);
    }
    case Defect::Blocks:
        return tr("Heavy JPEG compression: 8x8 block edges %1x stronger than the detail inside blocks.")
            .arg(v.blocks, 0, 'f', 1);
    case Defect::Resolution:
        return tr("Resolution too low: only %1 pixels between the eyes (at least %2 needed).")
            .arg(v.iedOriginal, 0, 'f', 0)
            .arg(c.minIedPixels, 0, 'f', 0);
    }
    return {};
}

QString passReason(const SharpnessValues& v)
{
    return tr("Face in focus: eyes at %1 and face at %2 of the sharpness of a crisp face, %3 pixels between the "
              "eyes.")
        .arg(v.eyeRel, 0, 'f', 2)
        .arg(v.faceRel, 0, 'f', 2)
        .arg(v.iedOriginal, 0, 'f', 0);
}

} // namespace

EyeDetail eyeDetail(const FaceEvidence& ev, const SharpnessConfig& c)
{
    EyeDetail d;
    if (!ev.hasFace() || ev.bgr.empty())
        return d;
    const FaceFrame f = faceFrame(ev);
    const auto n = normalisedFace(ev, f, c);
    if (!n)
        return d;
    const Filtered fl = filtered(n->grey);
    const double eyes = sharperEyeRelative(*n, f, fl, c);
    d.sharpness = eyes > 0 ? eyes : bandsOf(n->grey, n->mask, fl.b1, fl.b3, fl.lap, fl.gradMag).ratio() / c.crispRatio;
    d.blockiness = faceBlockiness(ev, f);
    return d;
}

MeasureResult SharpnessMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult result;
    if (!ev.hasFace() || ev.bgr.empty())
        return result;
    const auto values = measureSharpness(ev, m_config);
    if (!values)
        return result;
    result.evidence = evidenceOf(*values);
    const SubScore worst = worstDefect(*values, m_config);
    result.score = worst.score;
    result.failReason = failReason(worst.defect, *values, m_config);
    result.passReason = passReason(*values);
    return result;
}

std::unique_ptr<Measure> makeSharpnessMeasure() { return std::make_unique<SharpnessMeasure>(); }

} // namespace hqa::core
