#include "ExpressionMeasure.h"

#include "core/measures/LightingMeasure.h"
#include "core/measures/SharpnessMeasure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <limits>

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

/// OpenJaw names a laugh (scored with Laugh) whose lip landmarks stay together over a tall, dark open mouth.
enum class Defect { EyesClosed, HalfClosed, MouthOpen, Laugh, OpenJaw, Yaw, Pitch, Gaze, Sunglasses };

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

/// Where the iris sits along one eye and how clearly it shows. The eye outline's pixels are binned by their
/// position along the corner-to-corner axis (so a rolled head changes nothing); the darkest run of bins 0.3 eye
/// widths long, its centre kept 0.2 eye widths off either corner (the corners are shadowed), is the iris and pupil.
/// An open eye shows it as a dark band between the whites; a closed lid is even skin with the lashes along all of
/// it, so the band's contrast is a look at the eye itself rather than at the lid landmarks.
struct IrisLook {
    double position = -1; ///< iris centre along the eye, 0 at the image-left corner, 1 at the image-right one
    double contrast = -1; ///< 1 - band luminance / the rest of the eye's middle
};

constexpr int kIrisBins = 20;
constexpr int kIrisBand = 6; // 0.3 eye widths
constexpr double kMinEyeWidthPx = 12.0; // below this an iris is a pixel or two: not measured
constexpr double kMinGazeContrast = 0.2; // a fainter band (a flat lens, a lid, heavy blur) cannot be placed

IrisLook irisAlong(const cv::Mat& lum, const std::vector<cv::Point2d>& p, int first)
{
    const cv::Point2d a = p[first], axis = p[first + 3] - p[first];
    const double width2 = axis.x * axis.x + axis.y * axis.y;
    if (width2 < kMinEyeWidthPx * kMinEyeWidthPx)
        return {};
    const auto [box, mask] = outlineMask(lum.size(), p, first, first + 5);
    if (box.area() < 4)
        return {};
    std::array<double, kIrisBins> sum{};
    std::array<int, kIrisBins> count{};
    for (int y = 0; y < box.height; ++y) {
        const uchar* m = mask.ptr<uchar>(y);
        const float* l = lum.ptr<float>(box.y + y) + box.x;
        for (int x = 0; x < box.width; ++x) {
            if (!m[x])
                continue;
            const double u = ((box.x + x - a.x) * axis.x + (box.y + y - a.y) * axis.y) / width2;
            const int bin = std::clamp(int(u * kIrisBins), 0, kIrisBins - 1);
            sum[size_t(bin)] += l[x];
            ++count[size_t(bin)];
        }
    }
    // The middle of the eye (bins 2..17) holds the band and what it is compared with.
    double best = std::numeric_limits<double>::max();
    int bestStart = -1;
    for (int s = 1; s + kIrisBand <= kIrisBins - 1; ++s) {
        double bs = 0;
        int bc = 0;
        for (int i = s; i < s + kIrisBand; ++i) {
            bs += sum[size_t(i)];
            bc += count[size_t(i)];
        }
        if (bc > 0 && bs / bc < best) {
            best = bs / bc;
            bestStart = s;
        }
    }
    double restSum = 0;
    int restCount = 0;
    for (int i = 2; i < kIrisBins - 2; ++i)
        if (i < bestStart || i >= bestStart + kIrisBand) {
            restSum += sum[size_t(i)];
            restCount += count[size_t(i)];
        }
    if (bestStart < 0 || restCount == 0 || restSum <= 0)
        return {};
    IrisLook look;
    look.contrast = 1.0 - best / (restSum / restCount);
    // The centre of the band's darkness below the rest, finer than a bin.
    const double rest = restSum / restCount;
    double wsum = 0, wpos = 0;
    for (int i = bestStart; i < bestStart + kIrisBand; ++i) {
        if (count[size_t(i)] == 0)
            continue;
        const double w = std::max(0.0, rest - sum[size_t(i)] / count[size_t(i)]);
        wsum += w;
        wpos += w * (i + 0.5) / kIrisBins;
    }
    look.position = wsum > 0 ? wpos / wsum : (bestStart + kIrisBand / 2.0) / kIrisBins;
    return look;
}

/// The raw values the verdict is made from (the evidence); -1 where this photo cannot show a value.
struct ExpressionValues {
    bool landmarks = false; ///< 68 landmarks with a usable eye-to-chin and inter-eye distance
    double yaw = 0, pitch = 0; ///< degrees
    double eyeImageLeft = -1, eyeImageRight = -1, eyeOpen = -1; ///< lid gap / T, the smaller eye's as eyeOpen
    double eyeAspect = -1, eyeAspectMax = -1; ///< lid gap / eye width, the smaller and larger eye's
    double lipGap = -1; ///< inner-lip gap / T
    double mouthWidth = -1; ///< corner to corner / IED
    double cornerLift = -1; ///< lip middle below the corners along the face's down axis / T
    double eyeLum = -1; ///< eye / cheek linear luminance
    double mouthCavity = -1; ///< dark pixels inside the inner lips / T^2
    double jawGap = -1; ///< dark pixels between the middle inner-lip points / their width / T
    double centreDark = -1; ///< share of those pixels that are dark
    double gazeOffset = -1; ///< mean iris offset from the eye's middle, eye widths, + towards the image right
    bool gazeMeasured = false;
    double gazeOff = 0; ///< iris offset left after the counter-turn for the yaw, eye widths: the eyes off the lens
    double irisContrast = -1; ///< the smaller eye's iris band contrast
    double eyeSharpness = -1; ///< the sharper eye's detail relative to a crisp face (SharpnessMeasure); -1 = not needed
    double eyeBlockiness = -1; ///< JPEG grid discontinuity around the face (SharpnessMeasure; 1 = no grid)
    double cheekLum = -1; ///< the cheeks' linear luminance, the reference for the eyes and the mouth
};

/// Eye openness and mouth shape from the landmark geometry alone.
void measureShape(const FaceGeometry& g, ExpressionValues& v)
{
    const auto& p = g.landmarks;
    const double t = g.eyeToChin;
    v.eyeImageLeft = lidGap(p, lm::kEyeImageLeftFirst) / t;
    v.eyeImageRight = lidGap(p, lm::kEyeImageRightFirst) / t;
    v.eyeOpen = std::min(v.eyeImageLeft, v.eyeImageRight);
    v.lipGap = std::max({dist(p[61], p[67]), dist(p[62], p[66]), dist(p[63], p[65])}) / t;
    v.mouthWidth = dist(p[lm::kMouthCornerLeft], p[lm::kMouthCornerRight]) / g.interEyeDistance;

    // Corner lift along the face's own "down" axis so that a rolled head does not fake a smile or frown.
    cv::Point2d axis = g.eyeRight - g.eyeLeft;
    const double axisLen = std::max(1e-6, std::hypot(axis.x, axis.y));
    const cv::Point2d down(-axis.y / axisLen, axis.x / axisLen);
    const cv::Point2d cornerMid = (p[lm::kMouthCornerLeft] + p[lm::kMouthCornerRight]) * 0.5;
    const cv::Point2d lipMid = (p[62] + p[66]) * 0.5;
    const cv::Point2d lift = lipMid - cornerMid;
    v.cornerLift = (lift.x * down.x + lift.y * down.y) / t;

    // Eye aspect ratio: lid gap over the eye's own width (Soukupova and Cech's blink measure), independent of how
    // long the face is.
    auto aspect = [&](int first) {
        const double width = dist(p[first], p[first + 3]);
        return width > 0 ? (dist(p[first + 1], p[first + 5]) + dist(p[first + 2], p[first + 4])) / (2 * width) : 0.0;
    };
    v.eyeAspect = std::min(aspect(lm::kEyeImageLeftFirst), aspect(lm::kEyeImageRightFirst));
    v.eyeAspectMax = std::max(aspect(lm::kEyeImageLeftFirst), aspect(lm::kEyeImageRightFirst));
}

/// The eyes and the dark cavity of an open jaw (a laugh or talking; the teeth of a composed smile are not dark),
/// measured relative to this face's own cheeks so that they hold for any skin tone and exposure. A pixel darker
/// than cavityLuminance x the cheeks is cavity.
void measureDarkness(const FaceEvidence& ev, double cavityLuminance, ExpressionValues& v)
{
    const FaceGeometry& g = ev.geometry;
    const auto& p = g.landmarks;
    const double t = g.eyeToChin;
    const double cheek = cheekLuminance(ev, p, g.interEyeDistance, t);
    v.cheekLum = cheek;
    v.eyeLum = eyeToCheekLuminance(ev, p, cheek);
    if (cheek <= 0)
        return;
    v.mouthCavity = double(darkPixelsInside(ev, p, lm::kMouthInnerFirst, lm::kMouthInnerLast, cavityLuminance * cheek))
        / (t * t);
    // The centre of the mouth (between the middle inner-lip points, leaving out the corners, which are dark in any
    // broad smile): dark pixels there are the gap between the rows of teeth of a dropped jaw.
    const auto [dark, area] = darkPixelsInPolygon(ev, p, {61, 62, 63, 65, 66, 67}, cavityLuminance * cheek);
    const double width = std::max(1.0, dist(p[61], p[63]));
    v.jawGap = double(dark) / width / t;
    v.centreDark = area > 0 ? double(dark) / area : 0.0;
    const IrisLook left = irisAlong(ev.luminance, p, lm::kEyeImageLeftFirst);
    const IrisLook right = irisAlong(ev.luminance, p, lm::kEyeImageRightFirst);
    if (left.position >= 0 && right.position >= 0) {
        v.irisContrast = std::min(left.contrast, right.contrast);
        // Where a closed lid or a flat, dark lens shows no iris band, there is no gaze to read.
        v.gazeMeasured = v.irisContrast >= kMinGazeContrast;
        v.gazeOffset = 0.5 * (left.position + right.position) - 0.5;
    }
}

ExpressionValues measureExpression(const FaceEvidence& ev, const ExpressionMeasureConfig& c)
{
    const FaceGeometry& g = ev.geometry;
    ExpressionValues v;
    v.yaw = g.yaw;
    v.pitch = g.pitch;
    v.landmarks = ev.landmarksValid && g.landmarks.size() == 68 && g.eyeToChin > 1.0 && g.interEyeDistance > 1.0;
    if (!v.landmarks)
        return v;
    measureShape(g, v);
    measureDarkness(ev, c.cavityLuminance, v);
    // What the eye's detail is matters only near the half-closed boundary: elsewhere the check passes whatever it
    // is, and the sharpness measure's work on the face is not repeated (its figure stays -1 in the evidence).
    if (v.irisContrast >= 0 && halfClosedScore(v.eyeAspect, v.irisContrast, true, c) < 0.999) {
        const EyeDetail detail = eyeDetail(ev);
        v.eyeSharpness = detail.sharpness;
        v.eyeBlockiness = detail.blockiness;
    }
    if (v.gazeMeasured)
        v.gazeOff = v.gazeOffset - v.yaw / c.yawDegPerGazeOffset;
    return v;
}

/// Same names with and without landmarks (-1 = not measurable), so that learned heads see a fixed feature set.
std::vector<EvidenceValue> evidenceOf(const ExpressionValues& v)
{
    return {
        {"eye_open_ratio", v.eyeOpen},
        {"eye_open_image_left", v.eyeImageLeft},
        {"eye_open_image_right", v.eyeImageRight},
        {"mouth_open_ratio", v.lipGap},
        {"mouth_width_ied", v.mouthWidth},
        {"mouth_corner_lift", v.cornerLift},
        {"eye_cheek_luminance", v.eyeLum},
        {"mouth_cavity_t2", v.mouthCavity},
        {"eye_aspect_ratio", v.eyeAspect},
        {"eye_aspect_max", v.eyeAspectMax},
        {"jaw_gap_t", v.jawGap},
        {"mouth_centre_dark_share", v.centreDark},
        {"gaze_offset", v.gazeMeasured ? v.gazeOffset : std::numeric_limits<double>::quiet_NaN()},
        {"iris_contrast", v.irisContrast},
        {"eye_sharpness_relative", v.eyeSharpness},
        {"cheek_luminance", v.cheekLum},
        {"eye_jpeg_blockiness", v.eyeBlockiness},
        {"gaze_off", v.gazeMeasured ? v.gazeOff : std::numeric_limits<double>::quiet_NaN()},
        {"yaw_deg", v.yaw},
        {"pitch_deg", v.pitch},
        {"landmarks_valid", v.landmarks ? 1.0 : 0.0},
    };
}

/// The eyes' pass boundaries: a broad smile narrows open eyes, so they are judged against the smiling ones then.
struct EyeBoundaries {
    bool broadSmile = false;
    double openX0 = 0, aspectX0 = 0;
};

EyeBoundaries eyeBoundaries(const ExpressionValues& v, const ExpressionMeasureConfig& c)
{
    const bool broadSmile = v.mouthWidth >= c.smileWidthIed;
    return {broadSmile, broadSmile ? c.smileEyeOpenX0 : c.eyeOpenX0, broadSmile ? c.smileEyeAspectX0 : c.eyeAspectX0};
}

double yawScore(const ExpressionValues& v, const ExpressionMeasureConfig& c)
{
    return 1.0 - logistic(std::abs(v.yaw), c.yawX0, c.poseW);
}

double pitchScore(const ExpressionValues& v, const ExpressionMeasureConfig& c)
{
    return 1.0 - logistic(std::abs(v.pitch), c.pitchX0, c.poseW);
}

double mouthOpenScore(const ExpressionValues& v, const ExpressionMeasureConfig& c)
{
    return 1.0 - logistic(v.lipGap, c.mouthOpenX0, c.mouthOpenW);
}

struct SubScore {
    Defect defect;
    double score;
};

/// Each defect's score (0.5 at its boundary in the config), in the order that breaks ties; requires landmarks.
std::array<SubScore, 8> subScores(const ExpressionValues& v, const ExpressionMeasureConfig& c)
{
    const EyeBoundaries eyes = eyeBoundaries(v, c);
    const double sLids = std::min(logistic(v.eyeOpen, eyes.openX0, c.eyeOpenW),
                                  logistic(v.eyeAspect, eyes.aspectX0, c.eyeAspectW));
    const double sIris = irisOpenScore(v.irisContrast, v.eyeAspect, c);
    const double sEye = std::max(sLids, sIris);
    const double sGaze = v.gazeMeasured ? 1.0 - logistic(std::abs(v.gazeOff), c.gazeOffX0, c.gazeOffW) : 1.0;
    // Dark lenses hide the iris too; deep-set eyes in shadow are dark but still show it.
    const double sGlasses = v.eyeLum < 0 ? 1.0 : std::max(logistic(v.eyeLum, c.eyeLuminanceX0, c.eyeLuminanceW), sIris);
    const double sLaugh = laughScore(v.lipGap, v.jawGap, v.mouthCavity, c);
    return {
        {{Defect::EyesClosed, sEye},
         {Defect::HalfClosed,
          halfClosedScore(v.eyeAspect, v.irisContrast, irisReadable(v.eyeSharpness, v.eyeBlockiness, v.cheekLum), c)},
         {Defect::MouthOpen, mouthOpenScore(v, c)},
         {Defect::Laugh, sLaugh},
         {Defect::Yaw, yawScore(v, c)},
         {Defect::Pitch, pitchScore(v, c)},
         {Defect::Gaze, sGaze},
         {Defect::Sunglasses, sGlasses}}};
}

QString failReason(Defect defect, const ExpressionValues& v, const ExpressionMeasureConfig& c)
{
    switch (defect) {
    case Defect::EyesClosed: {
        const EyeBoundaries eyes = eyeBoundaries(v, c);
        return (eyes.broadSmile ? tr("eyes closed or half closed: lid gap %1 of the eye's width and %2 of the "
                                     "eye-to-chin distance (open eyes in a broad smile measure above %3 and %4)")
                                : tr("eyes closed or half closed: lid gap %1 of the eye's width and %2 of the "
                                     "eye-to-chin distance (open eyes measure above %3 and %4)"))
            .arg(num(v.eyeAspect, 2), num(v.eyeOpen), num(eyes.aspectX0, 2), num(eyes.openX0));
    }
    case Defect::HalfClosed:
        return tr("eyes half closed: lid gap %1 of the eye's width and the upper lid over the iris (iris contrast "
                  "%2; open eyes this narrow show it above %3)")
            .arg(num(v.eyeAspect, 2), num(v.irisContrast, 2), num(c.faintIrisX0, 2));
    case Defect::MouthOpen:
        return tr("mouth open: lip gap %1 of the eye-to-chin distance (a closed mouth or gentle "
                  "smile stays below %2)")
            .arg(num(v.lipGap, 2), num(c.mouthOpenX0, 2));
    case Defect::Laugh:
        return tr("laughing or talking: the jaw is open, showing the mouth cavity between the teeth (a gap "
                  "of %3 of the eye-to-chin distance in the middle of the mouth; mouth %1x the eye distance "
                  "wide, lip gap %2; a composed smile keeps the teeth together)")
            .arg(num(v.mouthWidth, 2), num(v.lipGap, 2), num(std::max(0.0, v.jawGap)));
    case Defect::OpenJaw:
        return tr("laughing or talking: the mouth is open, a dark gap %1 of the eye-to-chin distance tall in its "
                  "middle (a closed mouth or a composed smile shows under %2)")
            .arg(num(v.jawGap), num(c.openJawX0));
    case Defect::Sunglasses:
        return tr("eyes hidden, e.g. by sunglasses: the eyes are %1% as bright as the cheeks")
            .arg(num(v.eyeLum * 100.0, 0));
    case Defect::Yaw:
        return tr("not looking at the camera: head turned %1 degrees to the side").arg(num(std::abs(v.yaw), 0));
    case Defect::Gaze:
        return tr("not looking at the camera: the eyes look to the side (irises %1 of the eye's width off where "
                  "they sit when looking at the lens with the head turned %2 degrees; at the lens they stay "
                  "within %3)")
            .arg(num(std::abs(v.gazeOff), 2), num(std::abs(v.yaw), 0), num(c.gazeOffX0, 2));
    case Defect::Pitch:
        return tr("not looking at the camera: head tilted %1 degrees %2")
            .arg(num(std::abs(v.pitch), 0), v.pitch > 0 ? tr("up") : tr("down"));
    }
    return {};
}

QString passReason(const ExpressionValues& v)
{
    // Wording only: a mouth this wide (IED) or with its corners this raised (T) is described as a smile.
    const bool smiling = v.mouthWidth > 0.95 || v.cornerLift > 0.03;
    return (smiling ? tr("composed smile: eyes open (lid gap %1 of the eye-to-chin distance), lip gap "
                         "%2, mouth %3x the eye distance wide")
                    : tr("neutral expression: eyes open (lid gap %1 of the eye-to-chin distance), lip "
                         "gap %2, mouth %3x the eye distance wide"))
        .arg(num(v.eyeOpen), num(v.lipGap, 2), num(v.mouthWidth, 2));
}

} // namespace

bool irisReadable(double eyeSharpness, double blockiness, double cheekLuminance)
{
    const SharpnessConfig sharp;
    return eyeSharpness >= sharp.minEyeSharpness && blockiness >= 0 && blockiness < sharp.maxBlockiness
        && cheekLuminance >= LightingConfig{}.darkMeanLuminance;
}

double halfClosedScore(double eyeAspect, double irisContrast, bool readable, const ExpressionMeasureConfig& c)
{
    if (irisContrast < 0 || eyeAspect < 0 || !readable)
        return 1.0;
    return 1.0
        - (1.0 - logistic(eyeAspect, c.halfOpenAspectX0, c.halfOpenAspectW))
        * (1.0 - logistic(irisContrast, c.faintIrisX0, c.faintIrisW));
}

double laughScore(double lipGap, double jawGap, double cavity, const ExpressionMeasureConfig& c)
{
    if (jawGap < 0)
        return 1.0 - logistic(lipGap, c.grinGapX0, c.grinGapW);
    // Parted lips alone are a smile showing teeth; it is a laugh or talking only when the jaw drops far enough
    // to show the dark gap between the teeth in the middle of the mouth (or a large dark cavity).
    const double jawDropped = std::max(logistic(jawGap, c.jawGapX0, c.jawGapW),
                                       logistic(cavity, c.cavityX0, c.cavityW));
    const double parted = 1.0 - logistic(lipGap, c.grinGapX0, c.grinGapW) * jawDropped;
    // A gap this tall is an open mouth even where the lip landmarks close over it.
    return std::min(parted, 1.0 - logistic(jawGap, c.openJawX0, c.openJawW));
}

double irisOpenScore(double irisContrast, double eyeAspect, const ExpressionMeasureConfig& c)
{
    return irisContrast >= 0 && eyeAspect >= c.irisMinAspect ? logistic(irisContrast, c.irisOpenX0, c.irisOpenW) : 0.0;
}

MeasureResult ExpressionMeasure::evaluate(const FaceEvidence& ev) const
{
    const ExpressionMeasureConfig& c = m_config;
    const ExpressionValues v = measureExpression(ev, c);
    MeasureResult r;
    r.evidence = evidenceOf(v);
    if (!v.landmarks) {
        r.score = std::min(c.noLandmarksScore, std::min(yawScore(v, c), pitchScore(v, c)));
        r.failReason = tr("expression could not be measured: no facial landmarks were found");
        r.passReason = r.failReason;
        return r;
    }
    const std::array<SubScore, 8> subs = subScores(v, c);
    const SubScore worst = *std::min_element(subs.begin(), subs.end(),
                                             [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
    r.score = std::clamp(worst.score, 0.0, 1.0);
    // A mouth open past the wide-open boundary is named so, whatever shows inside it.
    const bool wideOpen = mouthOpenScore(v, c) < 0.5;
    // The iris band's cues (the gaze, found to a bin of 0.05 eye widths, and a half-closed lid over a faint iris)
    // are the least sure: when the lids, the mouth or the pose fail as well, they are named instead.
    Defect named = worst.defect;
    const auto irisCue = [](Defect d) { return d == Defect::Gaze || d == Defect::HalfClosed; };
    if (irisCue(named)) {
        const auto other = std::min_element(subs.begin(), subs.end(), [&](const SubScore& a, const SubScore& b) {
            return (irisCue(a.defect) ? 2.0 : a.score) < (irisCue(b.defect) ? 2.0 : b.score);
        });
        if (other->score < 0.5)
            named = other->defect;
    }
    if (named == Defect::Laugh)
        named = wideOpen                                        ? Defect::MouthOpen
            : logistic(v.jawGap, c.openJawX0, c.openJawW) > 0.5 ? Defect::OpenJaw
                                                                : Defect::Laugh;
    r.failReason = failReason(named, v, c);
    r.passReason = passReason(v);
    return r;
}

std::unique_ptr<Measure> makeExpressionMeasure() { return std::make_unique<ExpressionMeasure>(); }

} // namespace hqa::core
