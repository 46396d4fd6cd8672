#include "core/select/StandardCrop.h"

#include "core/face/FaceEvidence.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::StandardCrop", text); }

/// Forehead line above the eyes, in T: dlib's brows sit about 0.25 T above the eye line and the hairline
/// about 0.75 T; everything below it is "the face" that the crop must never cut.
constexpr double kForeheadT = 0.75;
/// Torso below the chin that shows the shoulders (ATTRIBUTES.md: at least about 0.8 T).
constexpr double kShouldersT = 0.8;
/// Tolerances of the rules: the head centre may sit a little below the exact third, the face a little off
/// the exact centre.
constexpr double kThirdTolerance = 0.03;
constexpr double kCentreTolerance = 0.05;
/// When the frame is too small for the ideal layout, the eye line may move within this band and the face this
/// far from the centre before padding is used instead.
constexpr double kEyeLineMin = 0.27, kEyeLineMax = 0.37, kCentreShift = 0.03;

double faceCentreX(const FaceGeometry& g)
{
    if (g.landmarks.size() != 68)
        return g.box.x + 0.5 * g.box.width;
    double l = g.landmarks[0].x, r = l;
    for (int i = lm::kJawFirst; i <= lm::kJawLast; ++i) {
        l = std::min(l, g.landmarks[i].x);
        r = std::max(r, g.landmarks[i].x);
    }
    return 0.5 * (l + r);
}

} // namespace

CropPlan planStandardCrop(const FaceGeometry& face, cv::Size image, const CropOptions& o)
{
    CropPlan plan;
    const double t = face.eyeToChin;
    if (t <= 1.0 || image.width <= 0 || image.height <= 0)
        return plan;
    const double eyeY = 0.5 * (face.eyeLeft.y + face.eyeRight.y);
    const double cx = faceCentreX(face);
    const double aspect = std::clamp(o.aspect, 0.2, 5.0);
    constexpr double kEps = 0.5;

    // Preferred layout first, then tighter ones, then small shifts of the eye line and the centre; the first
    // that lies inside the frame wins.
    bool found = false;
    const double maxH = std::max(o.heightInT, o.minHeightInT), minH = std::min(o.heightInT, o.minHeightInT);
    for (double k = maxH; k >= minH - 1e-9 && !found; k -= 0.1) {
        const double h = k * t, w = aspect * h;
        if (h > image.height + kEps || w > image.width + kEps)
            continue;
        double y0 = eyeY - o.eyeLine * h;
        double x0 = cx - 0.5 * w;
        const double y0c = std::clamp(y0, 0.0, image.height - h);
        const double x0c = std::clamp(x0, 0.0, image.width - w);
        const double eyeLine = (eyeY - y0c) / h;
        const double shift = std::abs(cx - (x0c + 0.5 * w)) / w;
        if (eyeLine < kEyeLineMin - 1e-9 || eyeLine > kEyeLineMax + 1e-9 || shift > kCentreShift + 1e-9)
            continue;
        plan.rect = cv::Rect2d(x0c, y0c, w, h);
        found = true;
        if (k < maxH - 1e-9)
            plan.notes << tr("tighter crop (%1 eye-to-chin distances high) because the frame has no room for the "
                             "standard one")
                              .arg(QString::number(k, 'f', 1));
        if (std::abs(y0c - y0) > kEps || std::abs(x0c - x0) > kEps)
            plan.notes << tr("crop shifted to stay inside the frame: eyes at %1% of the height, face %2% off "
                             "centre")
                              .arg(QString::number(eyeLine * 100, 'f', 0), QString::number(shift * 100, 'f', 0));
    }
    if (!found) {
        const double h = o.heightInT * t, w = aspect * h;
        plan.rect = cv::Rect2d(cx - 0.5 * w, eyeY - o.eyeLine * h, w, h);
    }

    // Output size and the upscaling limit.
    int outH = o.outputHeight > 0 ? o.outputHeight : static_cast<int>(std::lround(plan.rect.height));
    plan.scale = outH / plan.rect.height;
    if (plan.scale > o.maxUpscale + 1e-9) {
        if (o.allowUpscaleBeyondLimit) {
            plan.upscaledBeyondLimit = true;
            plan.notes << tr("enlarged %1x, beyond the %2x limit: expect a soft picture")
                              .arg(QString::number(plan.scale, 'f', 2), QString::number(o.maxUpscale, 'f', 1));
        } else {
            const int requested = outH;
            plan.scale = o.maxUpscale;
            outH = std::max(1, static_cast<int>(std::floor(plan.rect.height * plan.scale)));
            plan.upscaleLimited = true;
            plan.notes << tr("output %1 px high instead of %2: the face has too few pixels to enlarge more than "
                             "%3x")
                              .arg(outH)
                              .arg(requested)
                              .arg(QString::number(o.maxUpscale, 'f', 1));
        }
    }
    plan.outputSize = cv::Size(std::max(1, static_cast<int>(std::lround(outH * aspect))), outH);
    plan.scale = plan.outputSize.height / plan.rect.height;

    const auto px = [&](double v) { return std::max(0, static_cast<int>(std::ceil(v * plan.scale - 0.5))); };
    plan.padLeft = px(-plan.rect.x);
    plan.padTop = px(-plan.rect.y);
    plan.padRight = px(plan.rect.br().x - image.width);
    plan.padBottom = px(plan.rect.br().y - image.height);
    if (plan.padded())
        plan.notes << tr("padded (left %1, top %2, right %3, bottom %4 px): the frame has no room for the standard "
                         "crop")
                          .arg(plan.padLeft)
                          .arg(plan.padTop)
                          .arg(plan.padRight)
                          .arg(plan.padBottom);
    plan.valid = true;
    return plan;
}

cv::Mat renderCrop(const cv::Mat& bgr, const CropPlan& plan)
{
    if (!plan.valid || bgr.empty())
        return {};
    const int x0 = static_cast<int>(std::floor(plan.rect.x)), y0 = static_cast<int>(std::floor(plan.rect.y));
    const int x1 = static_cast<int>(std::ceil(plan.rect.br().x)), y1 = static_cast<int>(std::ceil(plan.rect.br().y));
    const cv::Rect inside = cv::Rect(cv::Point(x0, y0), cv::Point(x1, y1)) & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (inside.area() <= 0)
        return {};
    // Padding is a flat fill in the colour of the frame's outer edge: replicated border pixels smear into
    // streaks (hair, collars) that read as part of the picture, a flat fill reads as what it is.
    cv::Scalar fill;
    {
        const int band = std::max(1, std::min(bgr.cols, bgr.rows) / 50);
        cv::Mat edge = cv::Mat::zeros(bgr.size(), CV_8U);
        edge.setTo(255);
        edge(cv::Rect(band, band, std::max(0, bgr.cols - 2 * band), std::max(0, bgr.rows - 2 * band))).setTo(0);
        fill = cv::mean(bgr, edge);
    }
    cv::Mat region;
    cv::copyMakeBorder(bgr(inside), region, inside.y - y0, y1 - inside.br().y, inside.x - x0, x1 - inside.br().x,
                       cv::BORDER_CONSTANT, fill);
    cv::Mat out;
    const bool shrinking = plan.outputSize.height < region.rows;
    cv::resize(region, out, plan.outputSize, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

CropRules measureCropRules(const FaceGeometry& g, cv::Size size)
{
    CropRules r;
    const double h = std::max(1, size.height), w = std::max(1, size.width);
    const double t = std::max(1e-6, g.eyeToChin);
    const double eyeY = 0.5 * (g.eyeLeft.y + g.eyeRight.y);
    r.headCentreShare = 0.5 * (g.headTopY + g.chin.y) / h;
    r.eyeShare = eyeY / h;
    r.centreOffset = (faceCentreX(g) - 0.5 * w) / w;
    r.foreheadMarginT = (eyeY - kForeheadT * t) / t;
    for (const cv::Point2d& p : g.landmarks)
        r.landmarksOutside += (p.x < 0 || p.y < 0 || p.x > w || p.y > h) ? 1 : 0;
    r.belowChinT = (h - g.chin.y) / t;
    r.headInUpperThird = r.headCentreShare <= 1.0 / 3.0 + kThirdTolerance;
    r.centred = std::abs(r.centreOffset) <= kCentreTolerance;
    r.faceNotCut = r.landmarksOutside == 0 && r.foreheadMarginT >= 0;
    r.shouldersIncluded = r.belowChinT >= kShouldersT;
    return r;
}

} // namespace hqa::core
