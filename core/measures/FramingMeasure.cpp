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

struct SubScore {
    double score;
    QString reason;
};

/// 1 well inside the allowed side of a boundary, 0.5 at it; widths scale with the boundary so that every
/// rule has the same relative softness.
double above(double x, double x0, double relWidth = 0.06)
{
    return logistic(x, x0, std::max(1e-6, std::abs(x0) * relWidth));
}
double below(double x, double x0, double relWidth = 0.06) { return 1.0 - above(x, x0, relWidth); }

} // namespace

MeasureResult FramingMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult r;
    const FaceGeometry& g = ev.geometry;
    const double w = std::max(1, ev.bgr.cols);
    const double h = std::max(1, ev.bgr.rows);
    const FramingMeasureConfig& c = m_config;

    const bool haveLandmarks = ev.landmarksValid && g.landmarks.size() == 68;
    // Rough eye geometry from the box when landmarks are missing, so the margins are still meaningful.
    double ied = g.interEyeDistance, t = g.eyeToChin;
    cv::Point2d eyeL = g.eyeLeft, eyeR = g.eyeRight, chin = g.chin;
    if (ied <= 1.0 || t <= 1.0) {
        const cv::Rect2d& b = g.box;
        ied = 0.42 * b.width;
        t = 0.55 * b.height;
        eyeL = {b.x + 0.29 * b.width, b.y + 0.40 * b.height};
        eyeR = {b.x + 0.71 * b.width, b.y + 0.40 * b.height};
        chin = {b.x + 0.5 * b.width, b.y + b.height};
    }
    const cv::Point2d eyeMid = (eyeL + eyeR) * 0.5;

    // Face extent: brows to chin and jaw width from the landmarks, else the detector box.
    double faceTop = g.box.y, faceLeft = g.box.x, faceRight = g.box.x + g.box.width;
    int outside = 0;
    if (haveLandmarks) {
        faceTop = g.landmarks[lm::kBrowRightFirst].y;
        faceLeft = faceRight = g.landmarks[lm::kJawFirst].x;
        for (int i = 0; i < 68; ++i) {
            const cv::Point2d& p = g.landmarks[i];
            if (i >= lm::kBrowRightFirst && i <= lm::kBrowLeftLast)
                faceTop = std::min(faceTop, p.y);
            if (i <= lm::kJawLast) {
                faceLeft = std::min(faceLeft, p.x);
                faceRight = std::max(faceRight, p.x);
            }
            if (p.x < 0 || p.y < 0 || p.x > w || p.y > h)
                ++outside;
        }
    }
    const double faceCentreX = 0.5 * (faceLeft + faceRight);
    const double centreOffset = (faceCentreX - 0.5 * w) / w;
    const double sideMargin = std::min(eyeL.x, w - eyeR.x) / ied;
    const bool sideIsLeft = eyeL.x < w - eyeR.x;
    const double aboveEyes = eyeMid.y / t;
    const double eyeHeight = eyeMid.y / h;
    const double belowEyes = (h - eyeMid.y) / t;
    const double chinMargin = (h - chin.y) / h;
    const double faceHeight = (chin.y - faceTop) / h;
    const double faceWidth = (faceRight - faceLeft) / w;
    const double headTop = g.headTopY / h;

    double secondFace = 0.0;
    const double mainHeight = ev.faces.empty() ? 0.0 : ev.faces.front().box.height;
    for (size_t i = 1; i < ev.faces.size() && mainHeight > 0; ++i)
        secondFace = std::max(secondFace, ev.faces[i].box.height / mainHeight);

    r.evidence = {
        {"face_centre_offset", centreOffset},
        {"side_margin_ied", sideMargin},
        {"above_eyes_t", aboveEyes},
        {"eye_height_share", eyeHeight},
        {"below_eyes_t", belowEyes},
        {"chin_margin_share", chinMargin},
        {"face_height_share", faceHeight},
        {"face_width_share", faceWidth},
        {"head_top_share", headTop},
        {"landmarks_outside", static_cast<double>(outside)},
        {"roll_deg", g.roll},
        {"yaw_deg", g.yaw},
        {"pitch_deg", g.pitch},
        {"face_count", static_cast<double>(ev.faces.size())},
        {"second_face_ratio", secondFace},
    };

    const QString side = centreOffset < 0 ? tr("left") : tr("right");
    std::vector<SubScore> subs;
    subs.push_back(
        {below(std::abs(centreOffset), c.centreOffsetMax, 0.15),
         tr("face off-centre: face centre %1% %2 of the image centre").arg(pct(std::abs(centreOffset)), side)});
    subs.push_back({above(sideMargin, c.sideMarginMin, 0.12),
                    tr("face too close to the %1 edge: %2 eye distances between the eye and the edge")
                        .arg(sideIsLeft ? tr("left") : tr("right"), num(sideMargin))});
    subs.push_back({above(aboveEyes, c.aboveEyesMin, 0.08),
                    headTop < 0 ? tr("top of the head cut off: the eyes are only %1 eye-to-chin distances "
                                     "below the top edge")
                                      .arg(num(aboveEyes))
                                : tr("no space above the head: the eyes are only %1 eye-to-chin distances "
                                     "below the top edge")
                                      .arg(num(aboveEyes))});
    subs.push_back({below(eyeHeight, c.eyeHeightMax, 0.05),
                    tr("head too low in the frame: eyes at %1% of the image height").arg(pct(eyeHeight))});
    subs.push_back(
        {above(belowEyes, c.belowEyesMin, 0.06),
         tr("shoulders not included: the chin is %1% of the image height above the bottom edge").arg(pct(chinMargin))});
    subs.push_back({above(faceHeight, c.faceHeightMin, 0.1),
                    tr("subject too far: the face takes only %1% of the image height").arg(pct(faceHeight))});
    subs.push_back({below(faceHeight, c.faceHeightMax, 0.06),
                    tr("extreme close-up: the face fills %1% of the image height").arg(pct(faceHeight))});
    subs.push_back({below(faceHeight * faceWidth, c.faceAreaMax, 0.06),
                    tr("cropped too tight: the face covers %1% of the frame (leave room around the head and "
                       "shoulders)")
                        .arg(pct(faceHeight * faceWidth))});
    subs.push_back({below(faceWidth, c.faceWidthMax, 0.06),
                    tr("extreme close-up: the face fills %1% of the image width").arg(pct(faceWidth))});
    subs.push_back({1.0 - logistic(outside, 1.5, 0.5),
                    tr("face cut by the image border: %1 of 68 face landmarks lie outside the image").arg(outside)});
    subs.push_back({below(std::abs(g.roll), c.rollMax, 0.15),
                    tr("head tilted %1 degrees sideways").arg(num(std::abs(g.roll), 0))});
    subs.push_back({below(std::abs(g.yaw), c.yawMax, 0.12),
                    tr("head turned %1 degrees away from the camera").arg(num(std::abs(g.yaw), 0))});
    subs.push_back(
        {below(std::abs(g.pitch), c.pitchMax, 0.12),
         tr("head tilted %1 degrees %2").arg(num(std::abs(g.pitch), 0), g.pitch > 0 ? tr("up") : tr("down"))});
    subs.push_back({below(secondFace, c.secondFaceMin, 0.12),
                    tr("%1 faces in the image: another face %2% the size of the main one")
                        .arg(ev.faces.size())
                        .arg(pct(secondFace))});

    // The score is the worst rule's; the fail reason lists every failing rule, worst first (at most three), so
    // a reviewer sees all framing defects at once. Another person in the photo is categorical and leads.
    const SubScore severalFaces = subs.back();
    std::stable_sort(subs.begin(), subs.end(), [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
    r.score = std::clamp(subs.front().score, 0.0, 1.0);
    QStringList failing;
    if (severalFaces.score < 0.5)
        failing << severalFaces.reason;
    for (const SubScore& sub : subs)
        if (sub.score < 0.5 && failing.size() < 3 && sub.reason != severalFaces.reason)
            failing << sub.reason;
    r.failReason = failing.isEmpty() ? subs.front().reason : failing.join(QStringLiteral("; "));
    r.passReason = tr("well framed: face centre %1% %2 of the image centre, eyes at %3% of the height, face "
                      "%4% of the image height, chin %5% above the bottom edge")
                       .arg(pct(std::abs(centreOffset)), side, pct(eyeHeight), pct(faceHeight), pct(chinMargin));
    return r;
}

std::unique_ptr<Measure> makeFramingMeasure() { return std::make_unique<FramingMeasure>(); }

} // namespace hqa::core
