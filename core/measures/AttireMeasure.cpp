#include "AttireMeasure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::AttireMeasure", text); }

QString num(double v, int decimals = 2) { return QString::number(v, 'f', decimals); }

QString pct(double share) { return QString::number(std::round(share * 100.0), 'f', 0); }

// Layout below the chin: v in T (eye-to-chin distances, down from the chin), u in face widths (signed, from
// the torso axis). The torso of a seated or standing sitter spans about three face widths at the shoulders.
constexpr double kRegionTop = -0.6, kRegionBottom = 1.8, kRegionHalfWidth = 1.8;
// Working resolution: the face about this wide, enough for colour statistics and collar edges.
constexpr double kWorkFaceWidth = 64.0;
// Sobel magnitude (3x3 on 8-bit grey, after a light blur) that counts as a garment edge: a lapel or a collar
// against a shirt, a stripe of a print; fabric texture and JPEG noise stay below.
constexpr float kEdgeMagnitude = 60.0f;
// Value reported for a quantity that this image cannot show (too little torso, no mask): learned heads see a
// fixed feature set either way.
constexpr double kNotMeasured = -1.0;
/// Half width of the torso's centre (face widths): the shirt, tie and placket between the lapels (measureLayers
/// looks within 0.45 of the axis).
constexpr double kTorsoCentreHalfWidth = 0.45;
// Face skin with less chroma than kMinSkinChroma (8-bit Lab a*, b* units) is a black-and-white, sepia or
// underexposed photo: there fabric and skin crowd together in a*, b* (an underexposed orange flight suit sits
// 5-11 from the face) and colour cannot tell them apart, so the skin rules stay silent. Otherwise below-chin
// pixels further than kSkinChromaDistance from the face's chroma are fabric (shaded or flushed skin stays
// within about 12; a saturated jacket lies beyond).
constexpr double kMinSkinChroma = 10.0, kSkinChromaDistance = 16.0;

/// Where the sitter's torso is: chin, eye-to-chin distance, face width and the torso axis.
struct TorsoFrame {
    cv::Point2d chin;
    double t = 1.0; ///< eye to chin, analysis pixels
    double fw = 1.0; ///< face width (jaw extent), analysis pixels
    double cx = 0.0; ///< torso axis x
};

/// The region below the chin at working scale with its masks and each pixel's (u, v).
struct TorsoImage {
    cv::Rect roi;
    cv::Mat bgr, lab, grey, gx, gy, person, skin, face, garment, skinEdge;
    cv::Mat u, v, absU; // CV_32F
    bool havePerson = false, haveSkin = false, skinColourUsable = false;
    double pixelsPerFw = 1.0, pixelsPerT = 1.0;
};

/// Every raw value of the measure; each goes into the evidence under its snake_case name.
struct AttireRaw {
    double torsoBelowChin = 0, chinMargin = 0, visibleTorso = 0;
    double personShare = kNotMeasured;
    double shoulderSkin = kNotMeasured, chestSkin = kNotMeasured;
    double necklineDepth = kNotMeasured, necklineWidth = kNotMeasured, necklineVShape = kNotMeasured;
    double collarEdgeDensity = kNotMeasured, lapelLineLength = kNotMeasured, lapelLineLengthMax = kNotMeasured;
    double straightEdgeLength = kNotMeasured;
    double lapelConverging = kNotMeasured, lapelDiverging = kNotMeasured, lapelSymmetry = kNotMeasured;
    double layerContrast = kNotMeasured, layerLightness = kNotMeasured, collarOuterContrast = kNotMeasured;
    double tieContrast = kNotMeasured, placketVertical = kNotMeasured;
    double strapRows = kNotMeasured, hoodShare = kNotMeasured;
    double printEdgeDensity = kNotMeasured, garmentChroma = kNotMeasured, garmentSpread = kNotMeasured;
    double garmentLightness = kNotMeasured;
    double personMaskUsed = 0, skinColourUsable = 0;
    long shoulderPixels = 0, garmentPixels = 0;
};

TorsoFrame torsoFrame(const FaceEvidence& ev)
{
    const FaceGeometry& g = ev.geometry;
    TorsoFrame f;
    f.t = g.eyeToChin;
    f.chin = g.chin;
    double faceLeft = g.box.x, faceRight = g.box.x + g.box.width;
    if (ev.landmarksValid && g.landmarks.size() == 68) {
        faceLeft = faceRight = g.landmarks[lm::kJawFirst].x;
        for (int i = lm::kJawFirst; i <= lm::kJawLast; ++i) {
            faceLeft = std::min(faceLeft, g.landmarks[i].x);
            faceRight = std::max(faceRight, g.landmarks[i].x);
        }
    }
    if (f.t <= 1.0 || f.chin == cv::Point2d()) {
        f.t = 0.55 * g.box.height;
        f.chin = {g.box.x + 0.5 * g.box.width, g.box.y + g.box.height};
    }
    f.fw = std::max(1.0, faceRight - faceLeft);
    // The torso hangs below the chin even when the head turns; the jaw centre steadies a noisy chin point.
    f.cx = 0.5 * (f.chin.x + 0.5 * (faceLeft + faceRight));
    return f;
}

bool medianLab(const cv::Mat& lab, const cv::Mat& mask, cv::Vec3d& out, int minCount = 12);

/// The centre of the torso below the chin (within centreHalfWidth face widths of the axis) filled across each row
/// that has person pixels on both sides of it. A torso seen from the front has no gap there, but a segmentation
/// can leave out the light shirt and tie between the lapels, a notch from the collar to the bottom edge that holds
/// the most telling cues of business wear (layers, tie, placket).
void fillTorsoCentre(cv::Mat& person, const cv::Mat& u, const cv::Mat& v, double centreHalfWidth)
{
    for (int y = 0; y < person.rows; ++y) {
        if (v.ptr<float>(y)[0] <= 0.0f)
            continue;
        uchar* row = person.ptr<uchar>(y);
        const float* uu = u.ptr<float>(y);
        int first = -1, last = -1;
        for (int x = 0; x < person.cols; ++x)
            if (row[x]) {
                first = first < 0 ? x : first;
                last = x;
            }
        if (first < 0 || uu[first] > -centreHalfWidth || uu[last] < centreHalfWidth)
            continue;
        for (int x = first + 1; x < last; ++x)
            if (std::abs(uu[x]) <= centreHalfWidth)
                row[x] = 255;
    }
}

/// The shared skin mask accepts any colour near the face's hue, so a red or pink jacket passes for skin.
/// Below the chin, keep only pixels whose chroma (a*, b*) is close to the face's own skin; in a black-and-white
/// photo colour cannot tell skin from fabric at all, and the skin rules are switched off.
void refineSkin(TorsoImage& ti)
{
    cv::Vec3d ref;
    const cv::Mat lowerFace = (ti.v < 0.0f) & ti.face & ti.skin;
    if (!ti.haveSkin) {
        ti.skinColourUsable = false;
    } else if (!medianLab(ti.lab, lowerFace, ref, 20)) {
        // No face mask to learn the sitter's own skin from: the shared mask is all there is.
        ti.skinColourUsable = true;
        return;
    } else {
        ti.skinColourUsable = std::hypot(ref[1] - 128.0, ref[2] - 128.0) >= kMinSkinChroma;
    }
    if (!ti.skinColourUsable) {
        ti.skin = cv::Mat::zeros(ti.skin.size(), CV_8U);
        return;
    }
    for (int y = 0; y < ti.lab.rows; ++y) {
        const cv::Vec3b* row = ti.lab.ptr<cv::Vec3b>(y);
        uchar* m = ti.skin.ptr<uchar>(y);
        const float* vv = ti.v.ptr<float>(y);
        for (int x = 0; x < ti.lab.cols; ++x)
            if (m[x] && vv[x] >= 0 && std::hypot(row[x][1] - ref[1], row[x][2] - ref[2]) > kSkinChromaDistance)
                m[x] = 0;
    }
}

/// Crops the torso region and brings it to the working scale; false when too little of it is in the image.
bool makeTorsoImage(const FaceEvidence& ev, const TorsoFrame& f, TorsoImage& ti)
{
    const int w = ev.bgr.cols, h = ev.bgr.rows;
    const double x0 = std::max(0.0, f.cx - kRegionHalfWidth * f.fw);
    const double x1 = std::min<double>(w, f.cx + kRegionHalfWidth * f.fw);
    const double y0 = std::max(0.0, f.chin.y + kRegionTop * f.t);
    const double y1 = std::min<double>(h, f.chin.y + kRegionBottom * f.t);
    if (ev.bgr.empty() || x1 - x0 < 4 || y1 - y0 < 4 || y1 <= f.chin.y + 2)
        return false;
    ti.roi = cv::Rect(cv::Point(int(x0), int(y0)), cv::Point(int(std::ceil(x1)), int(std::ceil(y1))))
        & cv::Rect(0, 0, w, h);
    const double s = std::min(1.0, kWorkFaceWidth / f.fw);
    const cv::Size size(std::max(1, int(std::lround(ti.roi.width * s))),
                        std::max(1, int(std::lround(ti.roi.height * s))));
    const double sx = double(ti.roi.width) / size.width, sy = double(ti.roi.height) / size.height;
    ti.pixelsPerFw = f.fw / sx;
    ti.pixelsPerT = f.t / sy;

    cv::resize(ev.bgr(ti.roi), ti.bgr, size, 0, 0, cv::INTER_AREA);
    cv::cvtColor(ti.bgr, ti.lab, cv::COLOR_BGR2Lab);
    cv::cvtColor(ti.bgr, ti.grey, cv::COLOR_BGR2GRAY);
    cv::Mat smooth;
    cv::GaussianBlur(ti.grey, smooth, cv::Size(3, 3), 0.8);
    cv::Sobel(smooth, ti.gx, CV_32F, 1, 0, 3);
    cv::Sobel(smooth, ti.gy, CV_32F, 0, 1, 3);

    auto maskAt = [&](const cv::Mat& full, cv::Mat& out) {
        if (full.empty() || full.size() != ev.bgr.size())
            return false;
        cv::resize(full(ti.roi), out, size, 0, 0, cv::INTER_NEAREST);
        return true;
    };
    ti.haveSkin = maskAt(ev.skinMask, ti.skin);
    if (!ti.haveSkin)
        ti.skin = cv::Mat::zeros(size, CV_8U);
    if (!maskAt(ev.faceMask, ti.face))
        ti.face = cv::Mat::zeros(size, CV_8U);
    ti.havePerson = maskAt(ev.personMask, ti.person);
    ti.u.create(size, CV_32F);
    ti.v.create(size, CV_32F);
    for (int y = 0; y < size.height; ++y) {
        float* uu = ti.u.ptr<float>(y);
        float* vv = ti.v.ptr<float>(y);
        const float vy = float((ti.roi.y + (y + 0.5) * sy - f.chin.y) / f.t);
        for (int x = 0; x < size.width; ++x) {
            uu[x] = float((ti.roi.x + (x + 0.5) * sx - f.cx) / f.fw);
            vv[x] = vy;
        }
    }
    ti.absU = cv::abs(ti.u);
    // A mask that misses the torso altogether is a failed segmentation, not a missing body.
    if (ti.havePerson) {
        const cv::Mat below = ti.v > 0.2f;
        if (cv::countNonZero(ti.person & below) < 0.1 * std::max(1, cv::countNonZero(below)))
            ti.havePerson = false;
    }
    if (!ti.havePerson)
        ti.person = cv::Mat(size, CV_8U, cv::Scalar(255));
    else
        fillTorsoCentre(ti.person, ti.u, ti.v, kTorsoCentreHalfWidth);
    refineSkin(ti);
    ti.garment = ti.person & ~ti.skin & ~ti.face;
    // Edges where skin meets fabric are the neckline, not the garment's own structure.
    cv::dilate(ti.skin | ti.face, ti.skinEdge, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    return true;
}

/// Region of the torso image in (u, v) coordinates; |u| when mirrored.
cv::Mat region(const TorsoImage& ti, double uMin, double uMax, double vMin, double vMax, bool mirrored = true)
{
    // v is constant along a row and u along a column: build the box from one row and one column test.
    const cv::Mat& uu = mirrored ? ti.absU : ti.u;
    cv::Mat out(ti.u.size(), CV_8U, cv::Scalar(0));
    for (int y = 0; y < out.rows; ++y) {
        const float vy = ti.v.ptr<float>(y)[0];
        if (vy < vMin || vy >= vMax)
            continue;
        const float* ur = uu.ptr<float>(y);
        uchar* o = out.ptr<uchar>(y);
        for (int x = 0; x < out.cols; ++x)
            o[x] = ur[x] >= uMin && ur[x] < uMax ? 255 : 0;
    }
    return out;
}

double share(const cv::Mat& part, const cv::Mat& whole)
{
    const int n = cv::countNonZero(whole);
    return n > 0 ? double(cv::countNonZero(part & whole)) / n : kNotMeasured;
}

/// Median of the three Lab channels over a mask; false when the mask has fewer than minCount pixels.
bool medianLab(const cv::Mat& lab, const cv::Mat& mask, cv::Vec3d& out, int minCount)
{
    // 8-bit channels: a histogram per channel finds the median without sorting or allocating.
    std::array<std::array<int, 256>, 3> hist{};
    int n = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3b* row = lab.ptr<cv::Vec3b>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < lab.cols; ++x)
            if (m[x]) {
                ++hist[0][row[x][0]];
                ++hist[1][row[x][1]];
                ++hist[2][row[x][2]];
                ++n;
            }
    }
    if (n < minCount)
        return false;
    for (int k = 0; k < 3; ++k) {
        int seen = 0, v = 0;
        while (v < 255 && (seen += hist[k][v]) <= n / 2)
            ++v;
        out[k] = v;
    }
    out[0] *= 100.0 / 255.0; // 8-bit L to CIELAB L*
    return true;
}

double deltaE(const cv::Vec3d& a, const cv::Vec3d& b)
{
    return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

/// Skin on the shoulders and on the chest (bare shoulders, strapless, tank tops).
void measureSkin(const TorsoImage& ti, AttireRaw& r)
{
    const cv::Mat shoulders = region(ti, 0.6, 1.6, 0.35, 1.2) & ti.person & ~ti.face;
    r.shoulderPixels = cv::countNonZero(shoulders);
    r.shoulderSkin = share(ti.skin, shoulders);
    r.chestSkin = share(ti.skin, region(ti, 0.0, 0.5, 0.5, 1.3) & ti.person & ~ti.face);
}

/// Neckline: how far skin reaches down the centre line, how wide the opening is, and whether it narrows to a
/// point (V) or ends flat (round, crew).
void measureNeckline(const TorsoImage& ti, double visibleBottom, AttireRaw& r)
{
    constexpr int kBins = 36;
    constexpr double kScanStart = 0.1, kScanEnd = kRegionBottom, kCentreHalfWidth = 0.25, kOpeningHalfWidth = 0.9;
    std::array<long, kBins> centre{}, centreSkin{}, rowSkin{}, rowPixels{};
    for (int y = 0; y < ti.bgr.rows; ++y) {
        const float* uu = ti.u.ptr<float>(y);
        const float* vv = ti.v.ptr<float>(y);
        const uchar* p = ti.person.ptr<uchar>(y);
        const uchar* s = ti.skin.ptr<uchar>(y);
        const uchar* fm = ti.face.ptr<uchar>(y);
        for (int x = 0; x < ti.bgr.cols; ++x) {
            if (vv[x] < 0 || vv[x] >= kScanEnd || !p[x] || fm[x])
                continue;
            const int b = std::min(kBins - 1, int(vv[x] / kScanEnd * kBins));
            const double au = std::abs(uu[x]);
            if (au < kCentreHalfWidth) {
                ++centre[b];
                centreSkin[b] += s[x] != 0;
            }
            if (au < kOpeningHalfWidth) {
                ++rowPixels[b];
                rowSkin[b] += s[x] != 0;
            }
        }
    }
    const double binT = kScanEnd / kBins;
    // The opening ends where fabric holds the centre line for a while (a shadow under the chin or a necklace
    // interrupts the skin for a bin or two, a collar or the top of a garment does not).
    constexpr int kClosedBins = 3;
    double depth = kScanStart;
    int endBin = kBins, closedRun = 0, lastSkin = -1;
    for (int b = 0; b < kBins; ++b) {
        if ((b + 0.5) * binT < kScanStart)
            continue;
        if (centre[b] < 2)
            break; // below the image or off the person
        if (double(centreSkin[b]) / centre[b] >= 0.5) {
            lastSkin = b;
            closedRun = 0;
        } else if (++closedRun >= kClosedBins) {
            break;
        }
    }
    if (lastSkin >= 0) {
        depth = std::min((lastSkin + 1) * binT, visibleBottom);
        endBin = lastSkin + 1;
    } else {
        endBin = 0;
    }
    r.necklineDepth = depth;
    // Width of the opening (skin across the row, in face widths) from the neck down to where it closes.
    const double rowsPerBin = std::max(1.0, binT * ti.pixelsPerT);
    double widest = 0;
    int widestBin = -1;
    for (int b = 0; b < endBin && b < kBins; ++b) {
        const double wfw = rowSkin[b] / rowsPerBin / ti.pixelsPerFw;
        if (wfw > widest) {
            widest = wfw;
            widestBin = b;
        }
    }
    r.necklineWidth = widest;
    // V: the opening narrows over its lower part; round or crew: it is widest near where it ends.
    if (widestBin >= 0 && endBin - widestBin >= 3) {
        const int lower = std::max(widestBin + 1, endBin - 2);
        const double lowerWidth = rowSkin[lower] / rowsPerBin / ti.pixelsPerFw;
        r.necklineVShape = std::clamp(1.0 - lowerWidth / std::max(1e-6, widest), 0.0, 1.0);
    } else {
        r.necklineVShape = 0.0;
    }
}

/// Lapel lines: straight edge segments inside the garment that run from the shoulders down towards the centre
/// line, on both sides. Found on the garment's own contrast (Canny thresholds from its median gradient), so a
/// red lapel on a red jacket counts as much as a dark lapel on a white shirt.
void measureLapelLines(const TorsoImage& ti, const cv::Mat& inner, AttireRaw& r)
{
    // The neckline's own edge counts here (an open jacket's V is where lapel meets skin); the jaw does not.
    cv::Mat faceNear;
    cv::dilate(ti.face, faceNear, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(7, 7)));
    const cv::Mat zone = region(ti, 0.05, 1.3, 0.1, 1.6) & inner & ~faceNear;
    cv::Mat mag;
    cv::magnitude(ti.gx, ti.gy, mag);
    std::vector<float> m;
    for (int y = 0; y < mag.rows; ++y)
        for (int x = 0; x < mag.cols; ++x)
            if (zone.at<uchar>(y, x))
                m.push_back(mag.at<float>(y, x));
    if (m.size() < 50) {
        r.lapelLineLength = kNotMeasured;
        return;
    }
    auto q = m.begin() + m.size() * 3 / 4;
    std::nth_element(m.begin(), q, m.end());
    const double high = std::clamp<double>(*q * 2.0, 40.0, 400.0);
    cv::Mat edges;
    cv::Mat dx16, dy16;
    ti.gx.convertTo(dx16, CV_16S);
    ti.gy.convertTo(dy16, CV_16S);
    cv::Canny(dx16, dy16, edges, 0.5 * high, high, true);
    edges &= zone;
    std::vector<cv::Vec4i> lines;
    const double minLength = 0.25 * ti.pixelsPerFw;
    cv::HoughLinesP(edges, lines, 1, CV_PI / 90, std::max(6, int(0.2 * ti.pixelsPerFw)), minLength, 2);
    double length[2] = {0, 0}, straight = 0;
    for (const cv::Vec4i& l : lines) {
        const double dx = l[2] - l[0], dy = l[3] - l[1];
        const double angle = std::atan2(std::abs(dy), std::abs(dx)) * 180.0 / CV_PI;
        // A lapel seen from the front runs at 45-65 degrees; with the body turned, the far one steepens to
        // near vertical.
        if (angle < 25.0 || angle > 86.0)
            continue;
        straight += std::hypot(dx, dy) / ti.pixelsPerFw;
        const cv::Point mid((l[0] + l[2]) / 2, (l[1] + l[3]) / 2);
        const double u = ti.u.at<float>(mid);
        // Left of the axis a converging line runs down to the right (dx * dy > 0), right of it down to the left.
        if (dx * dy * u < 0 && !ti.skinEdge.at<uchar>(mid))
            length[u > 0] += std::hypot(dx, dy) / ti.pixelsPerFw;
    }
    r.lapelLineLength = std::min(length[0], length[1]);
    r.lapelLineLengthMax = std::max(length[0], length[1]);
    r.straightEdgeLength = straight;
}

/// Oriented garment edges beside the neck. Lapels and collar points run from the shoulders down towards the
/// centre (converging); the outline of shoulders, hair and a plain top's folds do not.
void measureCollarAndLapels(const TorsoImage& ti, AttireRaw& r)
{
    const cv::Mat collarZone = region(ti, 0.0, 0.9, 0.0, 0.7) & ti.garment;
    const cv::Mat lapelZone = region(ti, 0.08, 1.3, 0.15, 1.6) & ti.garment & ~ti.skinEdge;
    cv::Mat inner;
    // Inside the person only: the silhouette against the backdrop is the shoulder line, not a lapel.
    cv::erode(ti.person, inner, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    long collarTotal = 0, collarStrong = 0, lapelTotal = 0;
    double conv[2] = {0, 0}, div = 0;
    const double tanLow = std::tan(20.0 * CV_PI / 180.0), tanHigh = std::tan(75.0 * CV_PI / 180.0);
    for (int y = 0; y < ti.bgr.rows; ++y) {
        const float* gx = ti.gx.ptr<float>(y);
        const float* gy = ti.gy.ptr<float>(y);
        const float* uu = ti.u.ptr<float>(y);
        const uchar* cz = collarZone.ptr<uchar>(y);
        const uchar* lz = lapelZone.ptr<uchar>(y);
        const uchar* in = inner.ptr<uchar>(y);
        for (int x = 0; x < ti.bgr.cols; ++x) {
            const float mag = std::hypot(gx[x], gy[x]);
            if (cz[x]) {
                ++collarTotal;
                collarStrong += mag >= kEdgeMagnitude;
            }
            if (!lz[x] || !in[x])
                continue;
            ++lapelTotal;
            if (mag < kEdgeMagnitude)
                continue;
            // The edge line is perpendicular to the gradient: its slope from horizontal is |gx| / |gy|.
            const double ax = std::abs(gx[x]), ay = std::abs(gy[x]);
            const double slope = ax / std::max(1e-3, ay);
            if (slope < tanLow || slope > tanHigh)
                continue;
            // Left of the axis a converging line runs down to the right (gx * gy < 0), right of it down to
            // the left.
            const bool converging = double(gx[x]) * gy[x] * uu[x] > 0;
            const double weight = std::min(mag, 255.0f) / 255.0;
            if (converging)
                conv[uu[x] > 0] += weight;
            else
                div += weight;
        }
    }
    r.collarEdgeDensity = collarTotal > 0 ? double(collarStrong) / collarTotal : 0.0;
    measureLapelLines(ti, inner, r);
    const double n = std::max<long>(1, lapelTotal);
    r.lapelConverging = (conv[0] + conv[1]) / n;
    r.lapelDiverging = div / n;
    const double hi = std::max(conv[0], conv[1]);
    r.lapelSymmetry = hi > 0 ? std::min(conv[0], conv[1]) / hi : 0.0;
}

/// Layers: the shirt or blouse in the centre against the jacket on both sides (the classic light V), a tie
/// down the centre line, a placket's vertical edges.
void measureLayers(const TorsoImage& ti, AttireRaw& r)
{
    const double vTop = 0.35, vBottom = 1.5;
    cv::Vec3d centre, left, right, tie, flanks;
    const bool haveCentre = medianLab(ti.lab, region(ti, 0.0, 0.22, vTop, vBottom) & ti.garment, centre);
    const bool haveLeft = medianLab(ti.lab, region(ti, -1.2, -0.45, vTop, vBottom, false) & ti.garment, left);
    const bool haveRight = medianLab(ti.lab, region(ti, 0.45, 1.2, vTop, vBottom, false) & ti.garment, right);
    if (haveCentre && (haveLeft || haveRight)) {
        // Both sides must differ from the centre for a jacket; with one side hidden, the other speaks.
        const double dl = haveLeft ? deltaE(centre, left) : 1e9, dr = haveRight ? deltaE(centre, right) : 1e9;
        r.layerContrast = std::min(dl, dr);
        const double sideL = haveLeft && haveRight ? 0.5 * (left[0] + right[0]) : (haveLeft ? left[0] : right[0]);
        r.layerLightness = centre[0] - sideL;
    }
    cv::Vec3d collar, outer;
    if (medianLab(ti.lab, region(ti, 0.1, 0.45, 0.0, 0.45) & ti.garment, collar)
        && medianLab(ti.lab, region(ti, 0.55, 1.2, 0.5, 1.5) & ti.garment, outer))
        r.collarOuterContrast = deltaE(collar, outer);
    if (medianLab(ti.lab, region(ti, 0.0, 0.08, 0.4, 1.4) & ti.garment, tie, 6)
        && medianLab(ti.lab, region(ti, 0.12, 0.3, 0.4, 1.4) & ti.garment, flanks, 6))
        r.tieContrast = deltaE(tie, flanks);

    const cv::Mat placket = region(ti, 0.0, 0.15, 0.45, 1.5) & ti.garment & ~ti.skinEdge;
    long strong = 0, vertical = 0;
    for (int y = 0; y < ti.bgr.rows; ++y) {
        const float* gx = ti.gx.ptr<float>(y);
        const float* gy = ti.gy.ptr<float>(y);
        const uchar* m = placket.ptr<uchar>(y);
        for (int x = 0; x < ti.bgr.cols; ++x) {
            if (!m[x])
                continue;
            const float mag = std::hypot(gx[x], gy[x]);
            if (mag < kEdgeMagnitude)
                continue;
            ++strong;
            vertical += std::abs(gx[x]) > 2.7f * std::abs(gy[x]); // edge within ~20 degrees of vertical
        }
    }
    const int area = cv::countNonZero(placket);
    r.placketVertical = area > 0 ? double(vertical) / area : kNotMeasured;
}

/// Straps: rows across the shoulders where a narrow band of fabric lies between skin on both sides.
void measureStraps(const TorsoImage& ti, AttireRaw& r)
{
    const int minSkinRun = 2;
    const double bandMin = 0.03 * ti.pixelsPerFw, bandMax = 0.3 * ti.pixelsPerFw;
    long rows = 0, strapRows = 0;
    for (int y = 0; y < ti.bgr.rows; ++y) {
        const float* vv = ti.v.ptr<float>(y);
        if (vv[0] < 0.1 || vv[0] >= 1.0)
            continue;
        const float* uu = ti.u.ptr<float>(y);
        const uchar* s = ti.skin.ptr<uchar>(y);
        const uchar* p = ti.person.ptr<uchar>(y);
        for (int side = 0; side < 2; ++side) {
            // Walk outwards from the neck on this side, a small run-length state machine.
            int skinRun = 0, bandRun = 0;
            bool seenSkin = false, found = false, any = false;
            for (int i = 0; i < ti.bgr.cols; ++i) {
                const int x = side == 0 ? ti.bgr.cols / 2 - i : ti.bgr.cols / 2 + i;
                if (x < 0 || x >= ti.bgr.cols)
                    break;
                const double au = std::abs(uu[x]);
                if (au < 0.3)
                    continue;
                if (au > 1.6 || !p[x])
                    break;
                any = true;
                if (s[x]) {
                    if (seenSkin && bandRun >= bandMin && bandRun <= bandMax && skinRun == 0) {
                        found = true;
                        break;
                    }
                    ++skinRun;
                    if (skinRun >= minSkinRun)
                        seenSkin = true;
                    bandRun = 0;
                } else {
                    if (seenSkin)
                        ++bandRun;
                    skinRun = 0;
                }
            }
            rows += any;
            strapRows += found;
        }
    }
    r.strapRows = rows > 0 ? double(strapRows) / rows : kNotMeasured;
}

/// Hood: fabric of the garment's own colour beside the head, above the chin.
void measureHood(const TorsoImage& ti, const cv::Vec3d& garment, bool haveGarment, AttireRaw& r)
{
    const cv::Mat beside = region(ti, 0.55, 1.1, -0.55, 0.0) & ti.garment;
    const int n = cv::countNonZero(region(ti, 0.55, 1.1, -0.55, 0.0));
    if (!haveGarment || n == 0) {
        r.hoodShare = kNotMeasured;
        return;
    }
    long same = 0;
    for (int y = 0; y < ti.bgr.rows; ++y) {
        const cv::Vec3b* row = ti.lab.ptr<cv::Vec3b>(y);
        const uchar* m = beside.ptr<uchar>(y);
        for (int x = 0; x < ti.bgr.cols; ++x)
            if (m[x]) {
                const cv::Vec3d c(row[x][0] * 100.0 / 255.0, row[x][1], row[x][2]);
                same += deltaE(c, garment) < 10.0;
            }
    }
    r.hoodShare = double(same) / n;
}

/// Colour of the garment (reported, never a fail by itself) and the print: edge density of the fabric beside
/// the centre line, where a jacket or blouse is plain.
void measureFabric(const TorsoImage& ti, AttireRaw& r, cv::Vec3d& garmentLab, bool& haveGarment)
{
    const cv::Mat chest = region(ti, 0.0, 1.6, 0.3, kRegionBottom) & ti.garment;
    r.garmentPixels = cv::countNonZero(chest);
    haveGarment = medianLab(ti.lab, chest, garmentLab, 30);
    if (haveGarment) {
        r.garmentChroma = std::hypot(garmentLab[1] - 128.0, garmentLab[2] - 128.0);
        r.garmentLightness = garmentLab[0];
        double sa = 0, sb = 0, saa = 0, sbb = 0;
        long n = 0;
        for (int y = 0; y < ti.bgr.rows; ++y) {
            const cv::Vec3b* row = ti.lab.ptr<cv::Vec3b>(y);
            const uchar* m = chest.ptr<uchar>(y);
            for (int x = 0; x < ti.bgr.cols; ++x)
                if (m[x]) {
                    const double a = row[x][1] - 128.0, b = row[x][2] - 128.0;
                    sa += a;
                    sb += b;
                    saa += a * a;
                    sbb += b * b;
                    ++n;
                }
        }
        const double varA = saa / n - (sa / n) * (sa / n), varB = sbb / n - (sb / n) * (sb / n);
        r.garmentSpread = std::sqrt(std::max(0.0, varA + varB));
    }
    cv::Mat inner;
    cv::erode(ti.garment, inner, cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(5, 5)));
    const cv::Mat panels = region(ti, 0.3, 1.3, 0.6, kRegionBottom) & inner & ~ti.skinEdge;
    long area = 0, strong = 0;
    for (int y = 0; y < ti.bgr.rows; ++y) {
        const float* gx = ti.gx.ptr<float>(y);
        const float* gy = ti.gy.ptr<float>(y);
        const uchar* m = panels.ptr<uchar>(y);
        for (int x = 0; x < ti.bgr.cols; ++x)
            if (m[x]) {
                ++area;
                strong += std::hypot(gx[x], gy[x]) >= kEdgeMagnitude;
            }
    }
    r.printEdgeDensity = area >= 30 ? double(strong) / area : kNotMeasured;
}

AttireRaw measureRaw(const FaceEvidence& ev)
{
    AttireRaw r;
    const TorsoFrame f = torsoFrame(ev);
    const int h = ev.bgr.rows;
    r.torsoBelowChin = (h - f.chin.y) / f.t;
    r.chinMargin = (h - f.chin.y) / std::max(1, h);
    r.visibleTorso = std::clamp(r.torsoBelowChin, 0.0, kRegionBottom);
    TorsoImage ti;
    if (r.torsoBelowChin < 0.15 || !makeTorsoImage(ev, f, ti))
        return r;
    r.personMaskUsed = ti.havePerson ? 1.0 : 0.0;
    r.skinColourUsable = ti.skinColourUsable ? 1.0 : 0.0;
    r.personShare = share(ti.person, region(ti, 0.0, kRegionHalfWidth, 0.25, kRegionBottom));
    // Without usable skin colour (black and white, sepia, too dim) the skin-based values stay "not measured".
    if (ti.skinColourUsable) {
        measureSkin(ti, r);
        measureNeckline(ti, r.visibleTorso, r);
        measureStraps(ti, r);
    }
    measureCollarAndLapels(ti, r);
    measureLayers(ti, r);
    cv::Vec3d garment;
    bool haveGarment = false;
    measureFabric(ti, r, garment, haveGarment);
    measureHood(ti, garment, haveGarment, r);
    return r;
}

std::vector<EvidenceValue> evidenceOf(const AttireRaw& r, double structure)
{
    return {{"torso_below_chin_t", r.torsoBelowChin},
            {"chin_margin_share", r.chinMargin},
            {"visible_torso_t", r.visibleTorso},
            {"person_share", r.personShare},
            {"person_mask_used", r.personMaskUsed},
            {"skin_colour_usable", r.skinColourUsable},
            {"shoulder_skin_share", r.shoulderSkin},
            {"chest_skin_share", r.chestSkin},
            {"neckline_depth_t", r.necklineDepth},
            {"neckline_width_fw", r.necklineWidth},
            {"neckline_v_shape", r.necklineVShape},
            {"collar_edge_density", r.collarEdgeDensity},
            {"lapel_converging", r.lapelConverging},
            {"lapel_diverging", r.lapelDiverging},
            {"lapel_symmetry", r.lapelSymmetry},
            {"lapel_line_fw", r.lapelLineLength},
            {"lapel_line_max_fw", r.lapelLineLengthMax},
            {"straight_edge_fw", r.straightEdgeLength},
            {"layer_contrast", r.layerContrast},
            {"layer_lightness_diff", r.layerLightness},
            {"collar_outer_contrast", r.collarOuterContrast},
            {"tie_contrast", r.tieContrast},
            {"placket_vertical", r.placketVertical},
            {"strap_rows_share", r.strapRows},
            {"hood_share", r.hoodShare},
            {"print_edge_density", r.printEdgeDensity},
            {"garment_chroma", r.garmentChroma},
            {"garment_colour_spread", r.garmentSpread},
            {"garment_lightness", r.garmentLightness},
            {"structure_score", structure}};
}

/// Sum of the structure cues (AttireMeasureConfig::StructureCue), capped at 1; not measured when none of the
/// placket, collar and straight-edge figures could be taken.
double structureScore(const AttireRaw& r, const AttireMeasureConfig& c)
{
    if (r.placketVertical < 0 && r.collarOuterContrast < 0 && r.straightEdgeLength < 0)
        return kNotMeasured;
    auto ramp = [](double x, const AttireMeasureConfig::StructureCue& cue) {
        return x < 0 ? 0.0 : std::clamp((x - cue.from) / cue.span, 0.0, 1.0);
    };
    const double lapels = ramp(r.lapelLineLengthMax, c.lapelCue);
    const double straight = ramp(r.straightEdgeLength, c.straightCue);
    const double placket = ramp(r.placketVertical, c.placketCue);
    const double collar = ramp(r.collarOuterContrast, c.collarCue);
    const double tie = ramp(r.tieContrast, c.tieCue);
    const double shirt = r.layerContrast < 0 ? 0.0 : ramp(r.layerLightness, c.shirtCue);
    return std::min(1.0,
                    c.lapelCue.weight * lapels + c.straightCue.weight * straight + c.placketCue.weight * placket
                        + c.collarCue.weight * collar + c.tieCue.weight * tie + c.shirtCue.weight * shirt);
}

enum class Defect { NotVisible, BareSkin, Neckline, Print, Fluorescent, NoStructure };

struct SubScore {
    Defect defect;
    double score;
};

double shoulderSkinScore(const AttireRaw& r, const AttireMeasureConfig& c)
{
    return 1.0 - logistic(r.shoulderSkin, c.shoulderSkinMax, c.shoulderSkinW);
}

/// Each rule's score (0.5 = at its boundary), in the order that breaks ties. Rules whose figures this photo
/// cannot show are left out: the skin and structure rules need enough of the body in view, with too few pixels
/// they would be noise.
std::vector<SubScore> subScores(const AttireRaw& r, double structure, const AttireMeasureConfig& c)
{
    std::vector<SubScore> subs;
    subs.push_back({Defect::NotVisible, logistic(r.torsoBelowChin, c.torsoBelowChinMin, c.torsoBelowChinW)});
    if (r.shoulderSkin >= 0 && r.shoulderPixels >= c.minShoulderPixels) {
        // Bare shoulders and a bare chest are one defect, bare skin.
        const double chest = r.chestSkin >= 0 ? 1.0 - logistic(r.chestSkin, c.chestSkinMax, c.chestSkinW) : 1.0;
        subs.push_back({Defect::BareSkin, std::min(shoulderSkinScore(r, c), chest)});
    }
    if (r.necklineDepth >= 0)
        subs.push_back({Defect::Neckline, 1.0 - logistic(r.necklineDepth, c.necklineDepthMax, c.necklineDepthW)});
    if (r.printEdgeDensity >= 0 && r.garmentSpread >= 0)
        // Busy alone is not enough (pinstripes, a flight suit's patches); busy in many colours is a print.
        subs.push_back({Defect::Print,
                        1.0
                            - logistic(r.printEdgeDensity, c.printEdgeMax, c.printEdgeW)
                                * logistic(r.garmentSpread, c.printSpreadMin, c.printSpreadW)});
    if (r.garmentChroma >= 0)
        // One strong colour is business wear (red and pink jackets); only a light, fluorescent one is not.
        subs.push_back({Defect::Fluorescent,
                        1.0
                            - logistic(r.garmentChroma, c.fluorescentChromaMin, c.fluorescentW)
                                * logistic(r.garmentLightness, c.fluorescentLightnessMin, c.fluorescentW)});
    if (c.structureMin > 0 && structure >= 0 && r.visibleTorso >= c.minStructureTorso
        && r.garmentPixels >= c.minGarmentPixels)
        subs.push_back({Defect::NoStructure, logistic(structure, c.structureMin, c.structureW)});
    return subs;
}

/// The worst rule's score, clamped to 0..1; a crop that shows only the collar passes cautiously at most.
double overallScore(const SubScore& worst, const AttireRaw& r, const AttireMeasureConfig& c)
{
    const double score = std::clamp(worst.score, 0.0, 1.0);
    return r.visibleTorso < c.minStructureTorso ? std::min(score, c.collarOnlyScoreCap) : score;
}

QString failReason(Defect defect, const AttireRaw& r, double structure, const AttireMeasureConfig& c)
{
    switch (defect) {
    case Defect::NotVisible:
        return tr("attire not visible: the image ends %1 eye-to-chin distances below the chin (chin %2% "
                  "above the bottom edge)")
            .arg(num(std::max(0.0, r.torsoBelowChin)), pct(std::max(0.0, r.chinMargin)));
    case Defect::BareSkin:
        // The shoulders are named first because that is what a reviewer sees first (a strapless dress bares both).
        if (shoulderSkinScore(r, c) < 0.5)
            return (r.strapRows > 0.25 ? tr("bare shoulders with straps: %1% of the shoulder area is skin")
                                       : tr("bare shoulders: %1% of the shoulder area is skin"))
                .arg(pct(r.shoulderSkin));
        return tr("bare chest or low-cut top: %1% of the chest below the neck is skin").arg(pct(r.chestSkin));
    case Defect::Neckline:
        return tr("deep neckline or bare chest: skin reaches %1 eye-to-chin distances below the chin")
            .arg(num(r.necklineDepth));
    case Defect::Print:
        return tr("busy, multicoloured print: %1% of the fabric beside the centre line is covered with "
                  "edges, colour spread %2")
            .arg(pct(r.printEdgeDensity), num(r.garmentSpread, 0));
    case Defect::Fluorescent:
        return tr("brightly coloured, fluorescent garment (sportswear or high-visibility): colour "
                  "saturation %1 at lightness %2")
            .arg(num(r.garmentChroma, 0), num(r.garmentLightness, 0));
    case Defect::NoStructure: {
        const QString shape = r.necklineVShape > 0.4 && r.necklineDepth > 0.5 ? tr("V-neck top")
            : r.hoodShare > 0.5                                               ? tr("hooded top")
                                                                              : tr("crew-neck top");
        return tr("no collar or lapels: %1 (garment structure %2, business wear from %3)")
            .arg(shape, num(structure), num(c.structureMin));
    }
    }
    return {};
}

QString passReasonOf(const AttireRaw& r, double structure, const AttireMeasureConfig& c)
{
    if (structure < 0 || r.visibleTorso < c.minStructureTorso)
        return tr("collar and neckline in frame (the image ends %1 eye-to-chin distances below the chin), too "
                  "little of the torso to judge the garment further")
            .arg(num(r.torsoBelowChin));
    QStringList seen;
    if (r.lapelLineLengthMax > 0.6)
        seen << tr("open collar and lapels of a jacket visible");
    else if (r.straightEdgeLength > 1.2)
        seen << tr("the straight edges of a tailored garment");
    if (r.layerContrast > 15.0 && r.layerLightness > 10.0)
        seen << tr("a lighter shirt under a darker jacket");
    else if (r.collarOuterContrast > 25.0)
        seen << tr("a shirt or top of another colour under the outer garment");
    if (r.tieContrast > 20.0 && r.placketVertical > 0.1)
        seen << tr("a tie down the centre");
    else if (r.placketVertical > 0.12)
        seen << tr("a shirt front (placket) down the centre");
    if (seen.isEmpty())
        seen << tr("no clear collar or lapels (garment structure %1)").arg(num(structure));
    const QString cover = r.skinColourUsable > 0
        ? tr("covered shoulders and chest (%1% and %2% skin)")
              .arg(pct(std::max(0.0, r.shoulderSkin)), pct(std::max(0.0, r.chestSkin)))
        : tr("bare skin not judged (black-and-white or too dim to tell skin from fabric by colour)");
    return tr("upper torso visible (%1 eye-to-chin distances below the chin): %2; %3")
        .arg(num(r.torsoBelowChin), seen.join(QStringLiteral(", ")), cover);
}

} // namespace

MeasureResult AttireMeasure::evaluate(const FaceEvidence& ev) const
{
    const AttireRaw raw = measureRaw(ev);
    const double structure = structureScore(raw, m_config);
    MeasureResult r;
    r.evidence = evidenceOf(raw, structure);
    const std::vector<SubScore> subs = subScores(raw, structure, m_config);
    const SubScore worst = *std::min_element(subs.begin(), subs.end(),
                                             [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
    r.score = overallScore(worst, raw, m_config);
    r.failReason = failReason(worst.defect, raw, structure, m_config);
    r.passReason = passReasonOf(raw, structure, m_config);
    return r;
}

std::unique_ptr<Measure> makeAttireMeasure() { return std::make_unique<AttireMeasure>(); }

} // namespace hqa::core
