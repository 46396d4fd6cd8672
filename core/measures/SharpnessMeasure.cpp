#include "SharpnessMeasure.h"

#include "core/measures/FaceFrame.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {

namespace {


/// Mean of |m| over the mask.
double maskedMeanAbs(const cv::Mat& m, const cv::Mat& mask)
{
    return cv::mean(cv::abs(m), mask)[0];
}

/// Band energies of a normalised-scale grey patch: fine = |I - blur1(I)|, mid = |blur1(I) - blur3(I)|.
/// Their ratio falls steeply with defocus and does not depend on contrast or exposure.
struct Bands {
    double fine = 0, mid = 0, laplacian = 0, gradient = 0;
    double ratio() const { return fine / std::max(mid, 1e-6); }
};

Bands bandsOf(const cv::Mat& grey, const cv::Mat& mask, const cv::Mat& b1, const cv::Mat& b3,
              const cv::Mat& lap, const cv::Mat& gradMag)
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

} // namespace

MeasureResult SharpnessMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult result;
    if (!ev.hasFace() || ev.bgr.empty())
        return result;
    const SharpnessConfig& c = m_config;
    const FaceFrame f = faceFrame(ev);
    const cv::Rect image(0, 0, ev.bgr.cols, ev.bgr.rows);

    // Face crop from the brows to the chin, resampled to the normalised inter-eye distance. Area
    // averaging when shrinking (no aliasing that would look like detail), cubic when enlarging (a small
    // face then looks as soft as it really is).
    const double k = c.normalisedIed / f.ied;
    const cv::Point2d centre = f.eyeMid + f.down * (0.45 * f.ied);
    const cv::Rect crop = cv::Rect(cvRound(centre.x - 1.15 * f.ied), cvRound(centre.y - 1.25 * f.ied),
                                   cvRound(2.3 * f.ied), cvRound(2.5 * f.ied)) &
                          image;
    if (crop.width < 4 || crop.height < 4)
        return result;
    const cv::Size outSize(std::max(8, cvRound(crop.width * k)), std::max(8, cvRound(crop.height * k)));
    const int interp = k < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC;
    cv::Mat grey8, grey;
    cv::cvtColor(ev.bgr(crop), grey8, cv::COLOR_BGR2GRAY);
    cv::resize(grey8, grey, outSize, 0, 0, interp);
    grey.convertTo(grey, CV_32F, 1.0 / 255.0);

    // Face region inside the crop, shrunk so the outline against the background does not count.
    cv::Mat mask;
    if (!ev.faceMask.empty() && ev.faceMask.size() == ev.bgr.size() && cv::countNonZero(ev.faceMask(crop)) > 50) {
        cv::resize(ev.faceMask(crop), mask, outSize, 0, 0, cv::INTER_NEAREST);
    } else {
        mask = cv::Mat(outSize, CV_8U, cv::Scalar(0));
        const cv::Point2d cc = (centre - cv::Point2d(crop.tl())) * k;
        cv::ellipse(mask, cv::Point(cvRound(cc.x), cvRound(cc.y)),
                    cv::Size(cvRound(0.95 * c.normalisedIed), cvRound(1.3 * c.normalisedIed)), 0, 0, 360,
                    cv::Scalar(255), cv::FILLED);
    }
    cv::erode(mask, mask, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(9, 9)));
    // The outermost rows and columns have no full filter support.
    cv::rectangle(mask, cv::Rect(0, 0, mask.cols, mask.rows), cv::Scalar(0), 4);

    cv::Mat b1, b3, lap, gx, gy, gradMag;
    cv::GaussianBlur(grey, b1, cv::Size(0, 0), 1.0);
    cv::GaussianBlur(grey, b3, cv::Size(0, 0), 3.0);
    cv::Laplacian(grey, lap, CV_32F, 3);
    cv::Scharr(grey, gx, CV_32F, 1, 0, 1.0 / 32.0);
    cv::Scharr(grey, gy, CV_32F, 0, 1, 1.0 / 32.0);
    cv::magnitude(gx, gy, gradMag);

    const Bands face = bandsOf(grey, mask, b1, b3, lap, gradMag);
    const double faceRel = face.ratio() / c.crispRatio;

    // Each eye: a box 0.7 x 0.4 IED around its centre; the sharper eye counts (shallow depth of field
    // focused on the near eye is good practice).
    double eyeRel = 0;
    for (const cv::Point2d& eye : {f.eyeLeft, f.eyeRight}) {
        const cv::Point2d e = (eye - cv::Point2d(crop.tl())) * k;
        const cv::Rect box = cv::Rect(cvRound(e.x - 0.35 * c.normalisedIed), cvRound(e.y - 0.2 * c.normalisedIed),
                                      cvRound(0.7 * c.normalisedIed), cvRound(0.4 * c.normalisedIed)) &
                             cv::Rect(4, 4, grey.cols - 8, grey.rows - 8);
        if (box.area() < 40)
            continue;
        cv::Mat eyeMask(grey.size(), CV_8U, cv::Scalar(0));
        eyeMask(box).setTo(255);
        const Bands b = bandsOf(grey, eyeMask, b1, b3, lap, gradMag);
        eyeRel = std::max(eyeRel, b.ratio() / c.crispRatio);
    }
    const bool eyesMeasured = eyeRel > 0;
    if (!eyesMeasured)
        eyeRel = faceRel;

    // Directional blur: the structure tensor of the gradients. Blur along a direction removes the
    // gradients along it, so the weaker principal direction is the direction of motion.
    double sxx = 0, syy = 0, sxy = 0;
    for (int y = 0; y < grey.rows; ++y) {
        const float* px = gx.ptr<float>(y);
        const float* py = gy.ptr<float>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < grey.cols; ++x) {
            if (!m[x])
                continue;
            sxx += double(px[x]) * px[x];
            syy += double(py[x]) * py[x];
            sxy += double(px[x]) * py[x];
        }
    }
    const double tr = sxx + syy;
    const double disc = std::sqrt(std::max(0.0, (sxx - syy) * (sxx - syy) + 4 * sxy * sxy));
    const double anisotropy = tr > 0 ? disc / tr : 0.0;
    // Angle of the strong gradient direction, then the motion is perpendicular to it (image degrees,
    // 0 = horizontal, folded into 0..180).
    const double strongAngle = 0.5 * std::atan2(2 * sxy, sxx - syy) * 180.0 / CV_PI;
    double motionAngle = std::fmod(strongAngle + 90.0 + 360.0, 180.0);
    // Image y points down; report counter-clockwise degrees as a photographer reads them.
    motionAngle = std::fmod(180.0 - motionAngle, 180.0);

    // Directional detail: mean |second difference| along 0, 90, 45 and 135 degrees. Motion blur removes the
    // fine detail along its own direction only, so the weaker of two perpendicular directions drops far
    // below the stronger one; defocus lowers both alike.
    std::array<double, 4> directional{};
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
        for (size_t i = 0; i < sums.size(); ++i)
            directional[i] = count ? sums[i] / count : 0.0;
    }
    auto pairRatio = [](double a, double b) { return std::max(a, b) > 0 ? std::min(a, b) / std::max(a, b) : 1.0; };
    const double directionalRatio = std::min(pairRatio(directional[0], directional[1]),
                                             pairRatio(directional[2], directional[3]));

    // Blockiness is only visible on the decoder's own pixel grid.
    double blocks = 1.0;
    const bool gridValid = std::abs(ev.scaleToOriginal - 1.0) < 1e-3;
    if (gridValid) {
        cv::Rect faceBox = cv::Rect(cvRound(f.eyeMid.x - 1.0 * f.ied), cvRound(f.eyeMid.y - 0.8 * f.ied),
                                    cvRound(2.0 * f.ied), cvRound(2.2 * f.ied)) &
                           image;
        if (faceBox.width > 16 && faceBox.height > 16) {
            cv::Mat grey8Full;
            cv::cvtColor(ev.bgr(faceBox), grey8Full, cv::COLOR_BGR2GRAY);
            blocks = blockiness(grey8Full, faceBox.tl());
        }
    }
    const double iedOriginal = f.ied * std::max(ev.scaleToOriginal, 1e-6);

    result.evidence = {
        {"face_sharpness_relative", faceRel},
        {"eye_sharpness_relative", eyeRel},
        {"face_fine_mid_ratio", face.ratio()},
        {"face_laplacian_energy", face.laplacian / std::max(face.mid, 1e-6)},
        {"face_gradient_energy", face.gradient / std::max(face.mid, 1e-6)},
        {"gradient_anisotropy", anisotropy},
        {"directional_detail_ratio", directionalRatio},
        {"motion_direction_degrees", motionAngle},
        {"jpeg_blockiness", blocks},
        {"inter_eye_distance_original", iedOriginal},
    };

    struct Sub {
        Defect defect;
        double score;
    };
    // Motion blur: a face whose gradients mostly point one way and that has lost some detail. Faces are
    // naturally somewhat anisotropic (eyes, brows and mouth are horizontal), hence both conditions.
    const double motionScore = std::max(logistic(-anisotropy, -c.motionAnisotropy, 0.04),
                                        logistic(std::log(std::max(faceRel, 1e-4)), std::log(c.motionCrispEnough), 0.15));
    const std::array<Sub, 5> subs = {{
        {Defect::Motion, motionScore},
        {Defect::Face, logistic(std::log(std::max(faceRel, 1e-4)), std::log(c.minFaceSharpness), 0.06)},
        {Defect::Eyes, logistic(std::log(std::max(eyeRel, 1e-4)), std::log(c.minEyeSharpness), 0.06)},
        {Defect::Blocks, logistic(-blocks, -c.maxBlockiness, 0.15)},
        {Defect::Resolution, logistic(iedOriginal, c.minIedPixels, 2.0)},
    }};
    const Sub worst = *std::min_element(subs.begin(), subs.end(),
                                        [](const Sub& a, const Sub& b) { return a.score < b.score; });
    result.score = worst.score;

    switch (worst.defect) {
    case Defect::Motion:
    case Defect::Face:
    case Defect::Eyes: {
        const bool eyes = worst.defect == Defect::Eyes;
        const bool directional = worst.defect == Defect::Motion || anisotropy >= c.motionAnisotropy;
        const double rel = eyes ? eyeRel : faceRel;
        if (directional)
            result.failReason = QCoreApplication::translate(
                                    "hqa::SharpnessMeasure",
                                    "Motion blur at about %1 degrees: the %2 has %3 of the sharpness of a crisp face.")
                                    .arg(motionAngle, 0, 'f', 0)
                                    .arg(eyes ? QCoreApplication::translate("hqa::SharpnessMeasure", "eye region")
                                              : QCoreApplication::translate("hqa::SharpnessMeasure", "face"))
                                    .arg(rel, 0, 'f', 2);
        else if (eyes)
            result.failReason = QCoreApplication::translate(
                                    "hqa::SharpnessMeasure", "Eye region blurred: %1 of the sharpness of a crisp face.")
                                    .arg(rel, 0, 'f', 2);
        else
            result.failReason = QCoreApplication::translate(
                                    "hqa::SharpnessMeasure", "Face out of focus: %1 of the sharpness of a crisp face.")
                                    .arg(rel, 0, 'f', 2);
        break;
    }
    case Defect::Blocks:
        result.failReason = QCoreApplication::translate(
                                "hqa::SharpnessMeasure",
                                "Heavy JPEG compression: 8x8 block edges %1x stronger than the detail inside blocks.")
                                .arg(blocks, 0, 'f', 1);
        break;
    case Defect::Resolution:
        result.failReason = QCoreApplication::translate(
                                "hqa::SharpnessMeasure",
                                "Resolution too low: only %1 pixels between the eyes (at least %2 needed).")
                                .arg(iedOriginal, 0, 'f', 0)
                                .arg(c.minIedPixels, 0, 'f', 0);
        break;
    }
    result.passReason = QCoreApplication::translate(
                            "hqa::SharpnessMeasure",
                            "Face in focus: eyes at %1 and face at %2 of the sharpness of a crisp face, %3 pixels "
                            "between the eyes.")
                            .arg(eyeRel, 0, 'f', 2)
                            .arg(faceRel, 0, 'f', 2)
                            .arg(iedOriginal, 0, 'f', 0);
    return result;
}

std::unique_ptr<Measure> makeSharpnessMeasure()
{
    return std::make_unique<SharpnessMeasure>();
}

} // namespace hqa::core
