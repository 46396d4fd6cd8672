#include "AttireMeasure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hqa::AttireMeasure", text);
}

QString num(double v, int decimals = 2)
{
    return QString::number(v, 'f', decimals);
}

QString pct(double share)
{
    return QString::number(std::round(share * 100.0), 'f', 0);
}

// Region layout relative to the chin, in T (vertical) and face widths (horizontal). The torso of a
// seated or standing sitter spans about three face widths at the shoulders.
constexpr double kTorsoTop = 0.25, kTorsoBottom = 1.6, kTorsoHalfWidth = 1.8;
constexpr double kShoulderTop = 0.35, kShoulderBottom = 1.2, kShoulderInner = 0.6;
constexpr double kNeckHalfWidth = 0.3, kNeckScanStart = 0.1;
constexpr double kCollarBottom = 0.8, kCollarHalfWidth = 0.9;
constexpr int kNeckBins = 32;
// Working resolution: the face about this wide, enough for colour statistics and collar edges.
constexpr double kWorkFaceWidth = 64.0;

/// Counts gathered over the torso region in one pass.
struct TorsoStats {
    long region = 0, person = 0;
    long shoulderPerson = 0, shoulderSkin = 0;
    std::array<long, kNeckBins> neckPerson{}, neckSkin{};
    std::vector<float> chroma;
    double sumA = 0, sumB = 0, sumA2 = 0, sumB2 = 0;
    long garment = 0;
};

} // namespace

MeasureResult AttireMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult r;
    const AttireMeasureConfig& c = m_config;
    const FaceGeometry& g = ev.geometry;
    const int w = ev.bgr.cols, h = ev.bgr.rows;

    const bool haveLandmarks = ev.landmarksValid && g.landmarks.size() == 68;
    double t = g.eyeToChin;
    cv::Point2d chin = g.chin;
    double faceLeft = g.box.x, faceRight = g.box.x + g.box.width;
    if (haveLandmarks) {
        faceLeft = faceRight = g.landmarks[lm::kJawFirst].x;
        for (int i = lm::kJawFirst; i <= lm::kJawLast; ++i) {
            faceLeft = std::min(faceLeft, g.landmarks[i].x);
            faceRight = std::max(faceRight, g.landmarks[i].x);
        }
    }
    if (t <= 1.0 || chin == cv::Point2d()) {
        t = 0.55 * g.box.height;
        chin = {g.box.x + 0.5 * g.box.width, g.box.y + g.box.height};
    }
    const double fw = std::max(1.0, faceRight - faceLeft);
    // The torso hangs below the chin even when the head turns; the jaw centre steadies a noisy chin point.
    const double cx = 0.5 * (chin.x + 0.5 * (faceLeft + faceRight));

    const double torsoBelow = (h - chin.y) / t;
    const double chinMargin = (h - chin.y) / std::max(1, h);
    const double sTorso = logistic(torsoBelow, c.torsoBelowChinMin, c.torsoBelowChinW);

    r.evidence = {{"torso_below_chin_t", torsoBelow}, {"chin_margin_share", chinMargin}};
    const QString torsoReason =
        tr("attire not visible: the image ends %1 eye-to-chin distances below the chin (chin %2% above the "
           "bottom edge)")
            .arg(num(std::max(0.0, torsoBelow)), pct(std::max(0.0, chinMargin)));

    // Crop the region below the chin (neck to mid chest) and bring it to a fixed working scale.
    const double x0 = std::max(0.0, cx - kTorsoHalfWidth * fw);
    const double x1 = std::min<double>(w, cx + kTorsoHalfWidth * fw);
    const double y0 = std::max(0.0, chin.y);
    const double y1 = std::min<double>(h, chin.y + kTorsoBottom * t);
    const double visibleTorso = (y1 - std::max(y0, chin.y + kTorsoTop * t)) / t;
    if (ev.bgr.empty() || x1 - x0 < 4 || y1 - y0 < 4 || visibleTorso < 0.2) {
        // Too little below the chin to judge the clothes themselves: only the visibility rule speaks, and a
        // pass stays a cautious one.
        r.score = std::min(sTorso, 0.6);
        // Same names in every result so that learned heads see a fixed feature set; -1 = not measurable.
        for (const char* name : {"visible_torso_t", "person_share", "shoulder_skin_share", "neckline_depth_t",
                                 "garment_share", "garment_chroma", "garment_colour_spread", "collar_edge_density",
                                 "collar_diagonal_share", "person_mask_used"})
            r.evidence.push_back({name, -1.0});
        r.failReason = torsoReason;
        r.passReason = tr("collar and neckline in frame (the image ends %1 eye-to-chin distances below the "
                          "chin), too little of the torso to judge the garment further")
                           .arg(num(torsoBelow));
        return r;
    }
    const cv::Rect roi(cv::Point(int(x0), int(y0)), cv::Point(int(std::ceil(x1)), int(std::ceil(y1))));
    const double f = std::min(1.0, kWorkFaceWidth / fw);
    const cv::Size workSize(std::max(1, int(std::lround(roi.width * f))), std::max(1, int(std::lround(roi.height * f))));

    cv::Mat bgr, lab, grey, person, skin;
    cv::resize(ev.bgr(roi), bgr, workSize, 0, 0, cv::INTER_AREA);
    cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    const bool haveSkin = !ev.skinMask.empty() && ev.skinMask.size() == ev.bgr.size();
    if (haveSkin)
        cv::resize(ev.skinMask(roi), skin, workSize, 0, 0, cv::INTER_NEAREST);
    bool havePerson = !ev.personMask.empty() && ev.personMask.size() == ev.bgr.size();
    if (havePerson) {
        cv::resize(ev.personMask(roi), person, workSize, 0, 0, cv::INTER_NEAREST);
        // A mask that misses the torso altogether is a failed segmentation, not a missing body.
        if (cv::countNonZero(person) < 0.1 * person.total())
            havePerson = false;
    }

    // Work-image pixel -> position relative to the chin (dy in T) and the torso axis (dx in face widths).
    const double sx = double(roi.width) / workSize.width, sy = double(roi.height) / workSize.height;
    TorsoStats s;
    s.chroma.reserve(workSize.area());
    for (int y = 0; y < workSize.height; ++y) {
        const double dy = (roi.y + (y + 0.5) * sy - chin.y) / t;
        const cv::Vec3b* labRow = lab.ptr<cv::Vec3b>(y);
        const uchar* personRow = havePerson ? person.ptr<uchar>(y) : nullptr;
        const uchar* skinRow = haveSkin ? skin.ptr<uchar>(y) : nullptr;
        for (int x = 0; x < workSize.width; ++x) {
            const double dx = std::abs(roi.x + (x + 0.5) * sx - cx) / fw;
            const bool isPerson = !personRow || personRow[x];
            const bool isSkin = skinRow && skinRow[x];
            if (dx < kNeckHalfWidth && dy >= 0 && dy < kTorsoBottom && isPerson) {
                const int bin = std::min(kNeckBins - 1, int(dy / kTorsoBottom * kNeckBins));
                ++s.neckPerson[bin];
                s.neckSkin[bin] += isSkin;
            }
            if (dy < kTorsoTop || dx > kTorsoHalfWidth)
                continue;
            ++s.region;
            if (!isPerson)
                continue;
            ++s.person;
            if (dy >= kShoulderTop && dy < kShoulderBottom && dx >= kShoulderInner) {
                ++s.shoulderPerson;
                s.shoulderSkin += isSkin;
            }
            if (isSkin)
                continue;
            const double a = labRow[x][1] - 128.0, b = labRow[x][2] - 128.0;
            s.chroma.push_back(float(std::hypot(a, b)));
            s.sumA += a;
            s.sumB += b;
            s.sumA2 += a * a;
            s.sumB2 += b * b;
            ++s.garment;
        }
    }

    const double shoulderSkin = s.shoulderPerson > 0 ? double(s.shoulderSkin) / s.shoulderPerson : 0.0;

    // Neckline: the first band below the neck where garment, not skin, dominates the centre column.
    double neckline = std::min(kTorsoBottom, (y1 - chin.y) / t);
    for (int b = 0; b < kNeckBins; ++b) {
        const double dy = (b + 0.5) * kTorsoBottom / kNeckBins;
        if (dy < kNeckScanStart || s.neckPerson[b] < 2)
            continue;
        if (double(s.neckSkin[b]) / s.neckPerson[b] < 0.5) {
            neckline = dy;
            break;
        }
    }

    double chroma = 0, spread = 0;
    if (s.garment > 0) {
        auto mid = s.chroma.begin() + s.chroma.size() / 2;
        std::nth_element(s.chroma.begin(), mid, s.chroma.end());
        chroma = *mid;
        const double n = double(s.garment);
        const double varA = s.sumA2 / n - (s.sumA / n) * (s.sumA / n);
        const double varB = s.sumB2 / n - (s.sumB / n) * (s.sumB / n);
        spread = std::sqrt(std::max(0.0, varA + varB));
    }
    const double garmentShare = s.region > 0 ? double(s.garment) / s.region : 0.0;

    // Collar or lapel structure: strong edges just below the chin, and how many run diagonally (a V).
    long collarStrong = 0, collarDiagonal = 0, collarTotal = 0;
    {
        cv::Mat gx, gy;
        cv::Sobel(grey, gx, CV_32F, 1, 0, 3);
        cv::Sobel(grey, gy, CV_32F, 0, 1, 3);
        for (int y = 0; y < workSize.height; ++y) {
            const double dy = (roi.y + (y + 0.5) * sy - chin.y) / t;
            if (dy < 0 || dy > kCollarBottom)
                continue;
            const float* gxRow = gx.ptr<float>(y);
            const float* gyRow = gy.ptr<float>(y);
            for (int x = 0; x < workSize.width; ++x) {
                const double dx = std::abs(roi.x + (x + 0.5) * sx - cx) / fw;
                if (dx > kCollarHalfWidth)
                    continue;
                ++collarTotal;
                const double mag = std::hypot(gxRow[x], gyRow[x]);
                if (mag < 80.0)
                    continue;
                ++collarStrong;
                // Edge direction is perpendicular to the gradient; 25..65 degrees from horizontal is a V.
                const double angle = std::atan2(std::abs(gyRow[x]), std::abs(gxRow[x])) * 180.0 / CV_PI;
                if (angle > 25.0 && angle < 65.0)
                    ++collarDiagonal;
            }
        }
    }
    const double collarDensity = collarTotal > 0 ? double(collarStrong) / collarTotal : 0.0;
    const double collarDiagonalShare = collarStrong > 0 ? double(collarDiagonal) / collarStrong : 0.0;

    r.evidence.push_back({"visible_torso_t", visibleTorso});
    r.evidence.push_back({"person_share", s.region > 0 ? double(s.person) / s.region : 0.0});
    r.evidence.push_back({"shoulder_skin_share", shoulderSkin});
    r.evidence.push_back({"neckline_depth_t", neckline});
    r.evidence.push_back({"garment_share", garmentShare});
    r.evidence.push_back({"garment_chroma", chroma});
    r.evidence.push_back({"garment_colour_spread", spread});
    r.evidence.push_back({"collar_edge_density", collarDensity});
    r.evidence.push_back({"collar_diagonal_share", collarDiagonalShare});
    r.evidence.push_back({"person_mask_used", havePerson ? 1.0 : 0.0});

    struct Sub {
        double score;
        QString reason;
    };
    std::vector<Sub> subs;
    subs.push_back({sTorso, torsoReason});
    // Skin and colour rules need enough of the body in view; with too few pixels they would be noise.
    const bool enoughShoulder = s.shoulderPerson >= 40;
    const bool enoughGarment = s.garment >= 60;
    if (enoughShoulder)
        subs.push_back({1.0 - logistic(shoulderSkin, c.shoulderSkinMax, 0.05),
                        tr("bare shoulders: %1% of the shoulder area is skin").arg(pct(shoulderSkin))});
    subs.push_back({1.0 - logistic(neckline, c.necklineDepthMax, 0.07),
                    tr("bare chest or very low neckline: skin reaches %1 eye-to-chin distances below the chin")
                        .arg(num(neckline))});
    if (enoughGarment) {
        subs.push_back({1.0 - logistic(chroma, c.garmentChromaMax, 4.0),
                        tr("brightly coloured garment: colour saturation %1 (business attire stays below %2)")
                            .arg(num(chroma, 0), num(c.garmentChromaMax, 0))});
        subs.push_back({1.0 - logistic(spread, c.garmentSpreadMax, 2.5),
                        tr("busy, multicoloured garment: colour spread %1 (business attire stays below %2)")
                            .arg(num(spread, 0), num(c.garmentSpreadMax, 0))});
    }
    const auto worst = std::min_element(subs.begin(), subs.end(),
                                        [](const Sub& a, const Sub& b) { return a.score < b.score; });
    r.score = std::clamp(worst->score, 0.0, 1.0);
    r.failReason = worst->reason;
    r.passReason = tr("upper torso visible (%1 eye-to-chin distances below the chin), %2% skin on the "
                      "shoulders, muted garment colour (saturation %3)%4")
                       .arg(num(torsoBelow), pct(shoulderSkin), num(chroma, 0),
                            collarDensity > 0.08 ? tr(", collar or neckline edges visible") : QString());
    return r;
}

std::unique_ptr<Measure> makeAttireMeasure()
{
    return std::make_unique<AttireMeasure>();
}

} // namespace hqa::core
