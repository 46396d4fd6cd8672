#include "FramingMeasure.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::FramingMeasure", text); }

QString pct(double share) { return QString::number(std::round(share * 100.0), 'f', 0); }

QString num(double v, int decimals = 2) { return QString::number(v, 'f', decimals); }

/// At most this many failing rules are named in a fail reason.
constexpr qsizetype kMaxNamedDefects = 3;

/// The raw values the verdict is made from (the evidence).
struct FramingValues {
    double centreOffset = 0; ///< (face centre x - image centre x) / W, signed
    double sideMargin = 0; ///< nearer eye to its side edge / IED
    bool sideIsLeft = false; ///< that edge is the image-left one
    double aboveEyes = 0; ///< eye midpoint y / T
    double eyeHeight = 0; ///< eye midpoint y / H
    double belowEyes = 0; ///< (H - eye midpoint y) / T
    double chinMargin = 0; ///< (H - chin y) / H
    double faceHeight = 0; ///< brows to chin / H
    double faceWidth = 0; ///< jaw width / W
    double headTop = 0; ///< estimated top of the head / H (< 0: cut off)
    int outside = 0; ///< face landmarks outside the image
    double roll = 0, yaw = 0, pitch = 0; ///< degrees
    size_t faceCount = 0;
    double secondFace = 0; ///< largest other face height / main face height
};

/// The eyes and the chin; rough ones from the face box when landmarks are missing, so the margins still mean
/// something.
struct EyeGeometry {
    double ied = 0, t = 0;
    cv::Point2d eyeL, eyeR, chin;
};

EyeGeometry eyeGeometry(const FaceGeometry& g)
{
    EyeGeometry e{g.interEyeDistance, g.eyeToChin, g.eyeLeft, g.eyeRight, g.chin};
    if (e.ied <= 1.0 || e.t <= 1.0) {
        const cv::Rect2d& b = g.box;
        e.ied = 0.42 * b.width;
        e.t = 0.55 * b.height;
        e.eyeL = {b.x + 0.29 * b.width, b.y + 0.40 * b.height};
        e.eyeR = {b.x + 0.71 * b.width, b.y + 0.40 * b.height};
        e.chin = {b.x + 0.5 * b.width, b.y + b.height};
    }
    return e;
}

/// Face extent: brows to chin and jaw width from the landmarks, else the detector box; and how many landmarks
/// lie outside the w x h image.
struct FaceExtent {
    double top = 0, left = 0, right = 0;
    int outside = 0;
};

FaceExtent faceExtent(const FaceEvidence& ev, double w, double h)
{
    const FaceGeometry& g = ev.geometry;
    FaceExtent e{g.box.y, g.box.x, g.box.x + g.box.width, 0};
    if (!ev.landmarksValid || g.landmarks.size() != 68)
        return e;
    e.top = g.landmarks[lm::kBrowRightFirst].y;
    e.left = e.right = g.landmarks[lm::kJawFirst].x;
    for (int i = 0; i < 68; ++i) {
        const cv::Point2d& p = g.landmarks[i];
        if (i >= lm::kBrowRightFirst && i <= lm::kBrowLeftLast)
            e.top = std::min(e.top, p.y);
        if (i <= lm::kJawLast) {
            e.left = std::min(e.left, p.x);
            e.right = std::max(e.right, p.x);
        }
        if (p.x < 0 || p.y < 0 || p.x > w || p.y > h)
            ++e.outside;
    }
    return e;
}

FramingValues measureFraming(const FaceEvidence& ev)
{
    const FaceGeometry& g = ev.geometry;
    const double w = std::max(1, ev.bgr.cols);
    const double h = std::max(1, ev.bgr.rows);
    const EyeGeometry eyes = eyeGeometry(g);
    const cv::Point2d eyeMid = (eyes.eyeL + eyes.eyeR) * 0.5;
    const FaceExtent face = faceExtent(ev, w, h);

    FramingValues v;
    v.centreOffset = (0.5 * (face.left + face.right) - 0.5 * w) / w;
    v.sideMargin = std::min(eyes.eyeL.x, w - eyes.eyeR.x) / eyes.ied;
    v.sideIsLeft = eyes.eyeL.x < w - eyes.eyeR.x;
    v.aboveEyes = eyeMid.y / eyes.t;
    v.eyeHeight = eyeMid.y / h;
    v.belowEyes = (h - eyeMid.y) / eyes.t;
    v.chinMargin = (h - eyes.chin.y) / h;
    v.faceHeight = (eyes.chin.y - face.top) / h;
    v.faceWidth = (face.right - face.left) / w;
    v.headTop = g.headTopY / h;
    v.outside = face.outside;
    v.roll = g.roll;
    v.yaw = g.yaw;
    v.pitch = g.pitch;
    v.faceCount = ev.faces.size();
    const double mainHeight = ev.faces.empty() ? 0.0 : ev.faces.front().box.height;
    for (size_t i = 1; i < ev.faces.size() && mainHeight > 0; ++i)
        v.secondFace = std::max(v.secondFace, ev.faces[i].box.height / mainHeight);
    return v;
}

std::vector<EvidenceValue> evidenceOf(const FramingValues& v)
{
    return {
        {"face_centre_offset", v.centreOffset},
        {"side_margin_ied", v.sideMargin},
        {"above_eyes_t", v.aboveEyes},
        {"eye_height_share", v.eyeHeight},
        {"below_eyes_t", v.belowEyes},
        {"chin_margin_share", v.chinMargin},
        {"face_height_share", v.faceHeight},
        {"face_width_share", v.faceWidth},
        {"head_top_share", v.headTop},
        {"landmarks_outside", static_cast<double>(v.outside)},
        {"roll_deg", v.roll},
        {"yaw_deg", v.yaw},
        {"pitch_deg", v.pitch},
        {"face_count", static_cast<double>(v.faceCount)},
        {"second_face_ratio", v.secondFace},
    };
}

enum class Defect {
    OffCentre,
    NearSideEdge,
    NoSpaceAbove,
    HeadLow,
    NoShoulders,
    TooFar,
    CloseUpHeight,
    TooTight,
    CloseUpWidth,
    CutByBorder,
    Roll,
    Yaw,
    Pitch,
    SecondFace
};

struct SubScore {
    Defect defect;
    double score;
};

/// Each rule's score (0.5 at its boundary in the config), in the order that breaks ties; another face last.
std::vector<SubScore> subScores(const FramingValues& v, const FramingMeasureConfig& c)
{
    const auto above = FramingMeasure::above;
    const auto below = FramingMeasure::below;
    return {
        {Defect::OffCentre, below(std::abs(v.centreOffset), c.centreOffsetMax, c.centreOffsetWidth)},
        {Defect::NearSideEdge, above(v.sideMargin, c.sideMarginMin, c.sideMarginWidth)},
        {Defect::NoSpaceAbove, above(v.aboveEyes, c.aboveEyesMin, c.aboveEyesWidth)},
        {Defect::HeadLow, below(v.eyeHeight, c.eyeHeightMax, c.eyeHeightWidth)},
        {Defect::NoShoulders, above(v.belowEyes, c.belowEyesMin, c.belowEyesWidth)},
        {Defect::TooFar, above(v.faceHeight, c.faceHeightMin, c.faceHeightMinWidth)},
        {Defect::CloseUpHeight, below(v.faceHeight, c.faceHeightMax, c.faceHeightMaxWidth)},
        {Defect::TooTight, below(v.faceHeight * v.faceWidth, c.faceAreaMax, c.faceAreaWidth)},
        {Defect::CloseUpWidth, below(v.faceWidth, c.faceWidthMax, c.faceWidthWidth)},
        {Defect::CutByBorder, 1.0 - logistic(v.outside, c.landmarksOutsideMax, c.landmarksOutsideWidth)},
        {Defect::Roll, below(std::abs(v.roll), c.rollMax, c.rollWidth)},
        {Defect::Yaw, below(std::abs(v.yaw), c.yawMax, c.yawWidth)},
        {Defect::Pitch, below(std::abs(v.pitch), c.pitchMax, c.pitchWidth)},
        {Defect::SecondFace, below(v.secondFace, c.secondFaceMin, c.secondFaceWidth)},
    };
}

QString sideOfCentre(const FramingValues& v) { return v.centreOffset < 0 ? tr("left") : tr("right"); }

QString ruleReason(Defect defect, const FramingValues& v)
{
    switch (defect) {
    case Defect::OffCentre:
        return tr("face off-centre: face centre %1% %2 of the image centre")
            .arg(pct(std::abs(v.centreOffset)), sideOfCentre(v));
    case Defect::NearSideEdge:
        return tr("face too close to the %1 edge: %2 eye distances between the eye and the edge")
            .arg(v.sideIsLeft ? tr("left") : tr("right"), num(v.sideMargin));
    case Defect::NoSpaceAbove:
        return v.headTop < 0 ? tr("top of the head cut off: the eyes are only %1 eye-to-chin distances "
                                  "below the top edge")
                                   .arg(num(v.aboveEyes))
                             : tr("no space above the head: the eyes are only %1 eye-to-chin distances "
                                  "below the top edge")
                                   .arg(num(v.aboveEyes));
    case Defect::HeadLow:
        return tr("head too low in the frame: eyes at %1% of the image height").arg(pct(v.eyeHeight));
    case Defect::NoShoulders:
        return tr("shoulders not included: the chin is %1% of the image height above the bottom edge")
            .arg(pct(v.chinMargin));
    case Defect::TooFar:
        return tr("subject too far: the face takes only %1% of the image height").arg(pct(v.faceHeight));
    case Defect::CloseUpHeight:
        return tr("extreme close-up: the face fills %1% of the image height").arg(pct(v.faceHeight));
    case Defect::TooTight:
        return tr("cropped too tight: the face covers %1% of the frame (leave room around the head and "
                  "shoulders)")
            .arg(pct(v.faceHeight * v.faceWidth));
    case Defect::CloseUpWidth:
        return tr("extreme close-up: the face fills %1% of the image width").arg(pct(v.faceWidth));
    case Defect::CutByBorder:
        return tr("face cut by the image border: %1 of 68 face landmarks lie outside the image").arg(v.outside);
    case Defect::Roll:
        return tr("head tilted %1 degrees sideways").arg(num(std::abs(v.roll), 0));
    case Defect::Yaw:
        return tr("head turned %1 degrees away from the camera").arg(num(std::abs(v.yaw), 0));
    case Defect::Pitch:
        return tr("head tilted %1 degrees %2").arg(num(std::abs(v.pitch), 0), v.pitch > 0 ? tr("up") : tr("down"));
    case Defect::SecondFace:
        return tr("%1 faces in the image: another face %2% the size of the main one")
            .arg(v.faceCount)
            .arg(pct(v.secondFace));
    }
    return {};
}

/// Every failing rule, worst first (at most kMaxNamedDefects), so a reviewer sees all framing defects at once;
/// another person in the photo is categorical and leads. `sorted`: the sub-scores, worst first.
QString failReason(const std::vector<SubScore>& sorted, bool anotherPerson, const FramingValues& v)
{
    QStringList failing;
    if (anotherPerson)
        failing << ruleReason(Defect::SecondFace, v);
    for (const SubScore& sub : sorted)
        if (sub.score < 0.5 && failing.size() < kMaxNamedDefects && sub.defect != Defect::SecondFace)
            failing << ruleReason(sub.defect, v);
    return failing.isEmpty() ? ruleReason(sorted.front().defect, v) : failing.join(QStringLiteral("; "));
}

QString passReason(const FramingValues& v)
{
    return tr("well framed: face centre %1% %2 of the image centre, eyes at %3% of the height, face "
              "%4% of the image height, chin %5% above the bottom edge")
        .arg(pct(std::abs(v.centreOffset)), sideOfCentre(v), pct(v.eyeHeight), pct(v.faceHeight), pct(v.chinMargin));
}

} // namespace

double FramingMeasure::above(double x, double x0, double relWidth)
{
    return logistic(x, x0, std::max(1e-6, std::abs(x0) * relWidth));
}

double FramingMeasure::below(double x, double x0, double relWidth) { return 1.0 - above(x, x0, relWidth); }

MeasureResult FramingMeasure::evaluate(const FaceEvidence& ev) const
{
    const FramingValues v = measureFraming(ev);
    MeasureResult r;
    r.evidence = evidenceOf(v);
    std::vector<SubScore> subs = subScores(v, m_config);
    const bool anotherPerson = subs.back().score < 0.5;
    // The score is the worst rule's.
    std::stable_sort(subs.begin(), subs.end(), [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
    r.score = std::clamp(subs.front().score, 0.0, 1.0);
    r.failReason = failReason(subs, anotherPerson, v);
    r.passReason = passReason(v);
    return r;
}

std::unique_ptr<Measure> makeFramingMeasure() { return std::make_unique<FramingMeasure>(); }

} // namespace hqa::core
