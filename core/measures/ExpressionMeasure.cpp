#include "ExpressionMeasure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::ExpressionMeasure", text); }

double dist(const cv::Point2d& a, const cv::Point2d& b) { return std::hypot(a.x - b.x, a.y - b.y); }

/// Largest upper-to-lower lid distance of one eye (OFIQ's eye openness), points first..first+5 in dlib order:
/// corners at 0 and 3, upper lid 1, 2, lower lid 5, 4.
double lidGap(const std::vector<cv::Point2d>& p, int first)
{
    return std::max(dist(p[first + 1], p[first + 5]), dist(p[first + 2], p[first + 4]));
}

QString num(double v, int decimals = 3) { return QString::number(v, 'f', decimals); }

enum class Defect { EyesClosed, MouthOpen, Laugh, Yaw, Pitch, Sunglasses };

/// A landmark outline (closed polygon of points first..last) as a mask over its bounding box, clipped to an image
/// of `size`; an empty box when the outline lies outside.
std::pair<cv::Rect, cv::Mat> outlineMask(cv::Size size, const std::vector<cv::Point2d>& p, int first, int last)
{
    std::vector<cv::Point> poly;
    for (int i = first; i <= last; ++i)
        poly.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
    const cv::Rect box = cv::boundingRect(poly) & cv::Rect(0, 0, size.width, size.height);
    if (box.area() <= 0)
        return {cv::Rect(), cv::Mat()};
    cv::Mat mask = cv::Mat::zeros(box.size(), CV_8U);
    for (auto& q : poly)
        q -= box.tl();
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, 255);
    return {box, mask};
}

bool luminanceUsable(const FaceEvidence& ev)
{
    return !ev.luminance.empty() && ev.luminance.type() == CV_32F && ev.luminance.size() == ev.bgr.size();
}

/// Mean linear luminance of the two cheek zones (side 0.3 IED, a little below each eye): the face's own skin
/// brightness, the reference for the eyes and the mouth. -1 when unknown (a zone outside the image).
double cheekLuminance(const FaceEvidence& ev, const std::vector<cv::Point2d>& p, double ied, double t)
{
    if (!luminanceUsable(ev))
        return -1.0;
    const cv::Rect image(0, 0, ev.luminance.cols, ev.luminance.rows);
    double sum = 0;
    long count = 0;
    for (int first : {lm::kEyeImageLeftFirst, lm::kEyeImageRightFirst}) {
        cv::Point2d centre(0, 0);
        for (int i = first; i < first + 6; ++i)
            centre += p[i] / 6.0;
        const double side = 0.3 * ied;
        const cv::Rect cheek =
            cv::Rect(cvRound(centre.x - side / 2), cvRound(centre.y + 0.22 * t), cvRound(side), cvRound(side)) & image;
        if (cheek.area() < 4)
            return -1.0;
        sum += cv::sum(ev.luminance(cheek)).val[0];
        count += cheek.area();
    }
    return sum > 0 ? sum / count : -1.0;
}

/// Mean linear luminance inside both eye outlines relative to the cheeks. Open eyes mix bright sclera with a dark
/// iris; dark lenses cover all of it, so the ratio collapses. -1 when unknown.
double eyeToCheekLuminance(const FaceEvidence& ev, const std::vector<cv::Point2d>& p, double cheek)
{
    if (cheek <= 0)
        return -1.0;
    double eyeSum = 0;
    long eyeCount = 0;
    for (int first : {lm::kEyeImageLeftFirst, lm::kEyeImageRightFirst}) {
        const auto [box, mask] = outlineMask(ev.luminance.size(), p, first, first + 5);
        if (box.area() < 4)
            return -1.0;
        const int n = cv::countNonZero(mask);
        eyeSum += cv::mean(ev.luminance(box), mask).val[0] * n;
        eyeCount += n;
    }
    return eyeCount > 0 ? (eyeSum / eyeCount) / cheek : -1.0;
}

/// Pixels inside a landmark outline (points first..last) whose linear luminance is below `below`.
long darkPixelsInside(const FaceEvidence& ev, const std::vector<cv::Point2d>& p, int first, int last, double below)
{
    const auto [box, mask] = outlineMask(ev.luminance.size(), p, first, last);
    return box.area() > 0 ? cv::countNonZero((ev.luminance(box) < below) & mask) : 0;
}

/// Pixels of a polygon of landmark indices whose linear luminance is below `below`, and the polygon's area.
std::pair<long, long> darkPixelsInPolygon(const FaceEvidence& ev, const std::vector<cv::Point2d>& p,
                                          std::initializer_list<int> indices, double below)
{
    std::vector<cv::Point> poly;
    for (int i : indices)
        poly.emplace_back(cvRound(p[i].x), cvRound(p[i].y));
    const cv::Rect box = cv::boundingRect(poly) & cv::Rect(0, 0, ev.luminance.cols, ev.luminance.rows);
    if (box.area() <= 0)
        return {0, 0};
    cv::Mat mask = cv::Mat::zeros(box.size(), CV_8U);
    for (auto& q : poly)
        q -= box.tl();
    cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{poly}, 255);
    return {cv::countNonZero((ev.luminance(box) < below) & mask), cv::countNonZero(mask)};
}

} // namespace

MeasureResult ExpressionMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult r;
    const FaceGeometry& g = ev.geometry;
    const double yaw = g.yaw, pitch = g.pitch;
    const double sYaw = 1.0 - logistic(std::abs(yaw), m_config.yawX0, m_config.poseW);
    const double sPitch = 1.0 - logistic(std::abs(pitch), m_config.pitchX0, m_config.poseW);

    const bool haveLandmarks = ev.landmarksValid && g.landmarks.size() == 68 && g.eyeToChin > 1.0
        && g.interEyeDistance > 1.0;
    if (!haveLandmarks) {
        // Without landmarks nothing about eyes or mouth is known; stay just under the boundary so the
        // verdict is a cautious fail that a reviewer will look at.
        r.score = std::min(0.45, std::min(sYaw, sPitch));
        // Same names as with landmarks so that learned heads see a fixed feature set; -1 = not measurable.
        r.evidence = {{"eye_open_ratio", -1.0},
                      {"eye_open_image_left", -1.0},
                      {"eye_open_image_right", -1.0},
                      {"mouth_open_ratio", -1.0},
                      {"mouth_width_ied", -1.0},
                      {"mouth_corner_lift", -1.0},
                      {"eye_cheek_luminance", -1.0},
                      {"mouth_cavity_t2", -1.0},
                      {"eye_aspect_ratio", -1.0},
                      {"eye_aspect_max", -1.0},
                      {"jaw_gap_t", -1.0},
                      {"mouth_centre_dark_share", -1.0},
                      {"yaw_deg", yaw},
                      {"pitch_deg", pitch},
                      {"landmarks_valid", 0.0}};
        r.failReason = tr("expression could not be measured: no facial landmarks were found");
        r.passReason = r.failReason;
        return r;
    }

    const auto& p = g.landmarks;
    const double t = g.eyeToChin;
    const double ied = g.interEyeDistance;

    const double eyeImageLeft = lidGap(p, lm::kEyeImageLeftFirst) / t;
    const double eyeImageRight = lidGap(p, lm::kEyeImageRightFirst) / t;
    const double eyeOpen = std::min(eyeImageLeft, eyeImageRight);

    const double lipGap = std::max({dist(p[61], p[67]), dist(p[62], p[66]), dist(p[63], p[65])}) / t;
    const double mouthWidth = dist(p[lm::kMouthCornerLeft], p[lm::kMouthCornerRight]) / ied;

    // Corner lift along the face's own "down" axis so that a rolled head does not fake a smile or frown.
    cv::Point2d axis = g.eyeRight - g.eyeLeft;
    const double axisLen = std::max(1e-6, std::hypot(axis.x, axis.y));
    const cv::Point2d down(-axis.y / axisLen, axis.x / axisLen);
    const cv::Point2d cornerMid = (p[lm::kMouthCornerLeft] + p[lm::kMouthCornerRight]) * 0.5;
    const cv::Point2d lipMid = (p[62] + p[66]) * 0.5;
    const cv::Point2d lift = lipMid - cornerMid;
    const double cornerLift = (lift.x * down.x + lift.y * down.y) / t;

    // The eyes and the dark cavity of an open jaw (a laugh or talking; the teeth of a composed smile are not dark)
    // are measured relative to this face's own cheeks, so that they hold for any skin tone and exposure.
    const double cheek = cheekLuminance(ev, p, ied, t);
    const double eyeLum = eyeToCheekLuminance(ev, p, cheek);
    const double mouthCavity = cheek > 0
        ? double(darkPixelsInside(ev, p, lm::kMouthInnerFirst, lm::kMouthInnerLast, m_config.cavityLuminance * cheek))
            / (t * t)
        : -1.0;
    // Eye aspect ratio: lid gap over the eye's own width (Soukupova and Cech's blink measure), independent of how
    // long the face is.
    auto aspect = [&](int first) {
        const double width = dist(p[first], p[first + 3]);
        return width > 0 ? (dist(p[first + 1], p[first + 5]) + dist(p[first + 2], p[first + 4])) / (2 * width) : 0.0;
    };
    const double eyeAspect = std::min(aspect(lm::kEyeImageLeftFirst), aspect(lm::kEyeImageRightFirst));
    const double eyeAspectMax = std::max(aspect(lm::kEyeImageLeftFirst), aspect(lm::kEyeImageRightFirst));
    // The centre of the mouth (between the middle inner-lip points, leaving out the corners, which are dark in any
    // broad smile): dark pixels there are the gap between the rows of teeth of a dropped jaw.
    double jawGap = -1.0, centreDark = -1.0;
    if (cheek > 0) {
        const auto [dark, area] = darkPixelsInPolygon(ev, p, {61, 62, 63, 65, 66, 67},
                                                      m_config.cavityLuminance * cheek);
        const double width = std::max(1.0, dist(p[61], p[63]));
        jawGap = double(dark) / width / t;
        centreDark = area > 0 ? double(dark) / area : 0.0;
    }
    // A broad smile narrows open eyes; judge them against the smiling boundaries then (config).
    const bool broadSmile = mouthWidth >= m_config.smileWidthIed;
    const double eyeOpenX0 = broadSmile ? m_config.smileEyeOpenX0 : m_config.eyeOpenX0;
    const double eyeAspectX0 = broadSmile ? m_config.smileEyeAspectX0 : m_config.eyeAspectX0;
    const double sEye = std::min(logistic(eyeOpen, eyeOpenX0, m_config.eyeOpenW),
                                 logistic(eyeAspect, eyeAspectX0, m_config.eyeAspectW));
    const double sGlasses = eyeLum < 0 ? 1.0 : logistic(eyeLum, m_config.eyeLuminanceX0, m_config.eyeLuminanceW);
    const double sMouth = 1.0 - logistic(lipGap, m_config.mouthOpenX0, m_config.mouthOpenW);
    // Parted lips alone are a smile showing teeth; it is a laugh or talking only when the jaw drops far enough
    // to show the dark gap between the teeth in the middle of the mouth (or a large dark cavity). Without a
    // luminance reference the lip gap decides alone.
    const double jawDropped = jawGap < 0 ? 1.0
                                         : std::max(logistic(jawGap, m_config.jawGapX0, m_config.jawGapW),
                                                    logistic(mouthCavity, m_config.cavityX0, m_config.cavityW));
    const double sLaugh = 1.0 - logistic(lipGap, m_config.grinGapX0, m_config.grinGapW) * jawDropped;

    r.evidence = {
        {"eye_open_ratio", eyeOpen},
        {"eye_open_image_left", eyeImageLeft},
        {"eye_open_image_right", eyeImageRight},
        {"mouth_open_ratio", lipGap},
        {"mouth_width_ied", mouthWidth},
        {"mouth_corner_lift", cornerLift},
        {"eye_cheek_luminance", eyeLum},
        {"mouth_cavity_t2", mouthCavity},
        {"eye_aspect_ratio", eyeAspect},
        {"eye_aspect_max", eyeAspectMax},
        {"jaw_gap_t", jawGap},
        {"mouth_centre_dark_share", centreDark},
        {"yaw_deg", yaw},
        {"pitch_deg", pitch},
        {"landmarks_valid", 1.0},
    };

    const std::pair<double, Defect> subs[] = {{sEye, Defect::EyesClosed}, {sMouth, Defect::MouthOpen},
                                              {sLaugh, Defect::Laugh},    {sYaw, Defect::Yaw},
                                              {sPitch, Defect::Pitch},    {sGlasses, Defect::Sunglasses}};
    const auto worst = *std::min_element(std::begin(subs), std::end(subs),
                                         [](const auto& a, const auto& b) { return a.first < b.first; });
    r.score = std::clamp(worst.first, 0.0, 1.0);
    // A mouth open past the wide-open boundary is named so, whatever shows inside it.
    const Defect defect = worst.second == Defect::Laugh && sMouth < 0.5 ? Defect::MouthOpen : worst.second;

    switch (defect) {
    case Defect::EyesClosed:
        r.failReason = (broadSmile ? tr("eyes closed or half closed: lid gap %1 of the eye's width and %2 of the "
                                        "eye-to-chin distance (open eyes in a broad smile measure above %3 and %4)")
                                   : tr("eyes closed or half closed: lid gap %1 of the eye's width and %2 of the "
                                        "eye-to-chin distance (open eyes measure above %3 and %4)"))
                           .arg(num(eyeAspect, 2), num(eyeOpen), num(eyeAspectX0, 2), num(eyeOpenX0));
        break;
    case Defect::MouthOpen:
        r.failReason = tr("mouth open: lip gap %1 of the eye-to-chin distance (a closed mouth or gentle "
                          "smile stays below %2)")
                           .arg(num(lipGap, 2), num(m_config.mouthOpenX0, 2));
        break;
    case Defect::Laugh:
        r.failReason = tr("laughing or talking: the jaw is open, showing the mouth cavity between the teeth (a gap "
                          "of %3 of the eye-to-chin distance in the middle of the mouth; mouth %1x the eye distance "
                          "wide, lip gap %2; a composed smile keeps the teeth together)")
                           .arg(num(mouthWidth, 2), num(lipGap, 2), num(std::max(0.0, jawGap)));
        break;
    case Defect::Sunglasses:
        r.failReason =
            tr("eyes hidden, e.g. by sunglasses: the eyes are %1% as bright as the cheeks").arg(num(eyeLum * 100.0, 0));
        break;
    case Defect::Yaw:
        r.failReason = tr("not looking at the camera: head turned %1 degrees to the side").arg(num(std::abs(yaw), 0));
        break;
    case Defect::Pitch:
        r.failReason = tr("not looking at the camera: head tilted %1 degrees %2")
                           .arg(num(std::abs(pitch), 0), pitch > 0 ? tr("up") : tr("down"));
        break;
    }

    const bool smiling = mouthWidth > 0.95 || cornerLift > 0.03;
    r.passReason = (smiling ? tr("composed smile: eyes open (lid gap %1 of the eye-to-chin distance), lip gap "
                                 "%2, mouth %3x the eye distance wide")
                            : tr("neutral expression: eyes open (lid gap %1 of the eye-to-chin distance), lip "
                                 "gap %2, mouth %3x the eye distance wide"))
                       .arg(num(eyeOpen), num(lipGap, 2), num(mouthWidth, 2));
    return r;
}

std::unique_ptr<Measure> makeExpressionMeasure() { return std::make_unique<ExpressionMeasure>(); }

} // namespace hqa::core
