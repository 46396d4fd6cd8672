#pragma once
// Hand-made FaceEvidence for the geometry rules: a 68-point face laid out from a simple template (x in IED,
// y in T from the eye midpoint), so a test states the geometry it means and the measure sees exactly that.

#include "core/face/FaceEvidence.h"

#include <opencv2/core.hpp>

#include <cmath>

namespace hqa::test {

struct SyntheticFace {
    cv::Size image{600, 750};
    cv::Point2d eyeMid{300, 300};
    double t = 150; ///< eye midpoint to chin, pixels
    double iedOverT = 0.9; ///< inter-eye distance / T
    double rollDeg = 0, yawDeg = 0, pitchDeg = 0;
    double eyeGap = 0.065; ///< lid gap / T (open eyes measure 0.05-0.08)
    double lipGap = 0.01; ///< inner-lip gap / T
    double mouthWidth = 0.80; ///< mouth width / IED
};

/// Landmark i of the template in face units (x in IED, y in T, origin at the eye midpoint).
inline cv::Point2d templatePoint(int i, const SyntheticFace& f)
{
    const double pi = 3.14159265358979;
    if (i <= 16) { // jaw: a U from the temples through the chin (8)
        const double a = pi * i / 16.0;
        return {-0.95 * std::cos(a), 0.05 + 0.95 * std::sin(a)};
    }
    if (i <= 26) { // brows
        const int k = i <= 21 ? i - 17 : i - 22;
        const double x0 = i <= 21 ? -0.85 : 0.15;
        return {x0 + 0.175 * k, -0.25 - 0.03 * std::sin(pi * k / 4.0)};
    }
    if (i <= 30) // nose bridge
        return {0.0, -0.1 + 0.18 * (i - 27)};
    if (i <= 35)
        return {-0.2 + 0.1 * (i - 31), 0.5};
    if (i <= 47) { // eyes: corners 0 and 3, upper lid 1 and 2, lower lid 5 and 4
        const int k = (i - 36) % 6;
        const double cx = i <= 41 ? -0.5 : 0.5;
        const double h = 0.5 * f.eyeGap;
        // dlib's eye corners span about a quarter of the IED: franck's open eyes measure a lid gap of 0.06-0.08 T
        // at an aspect ratio (gap / width) of 0.26-0.37.
        static const double xs[6] = {-0.12, -0.045, 0.045, 0.12, 0.045, -0.045};
        const double ys[6] = {0, -h, -h, 0, h, h};
        return {cx + xs[k], ys[k]};
    }
    const double half = 0.5 * f.mouthWidth;
    const double my = 0.72;
    if (i <= 59) { // outer lip: corners 48 and 54
        static const double upper[7] = {-1.0, -0.6, -0.25, 0.0, 0.25, 0.6, 1.0};
        if (i <= 54)
            return {half * upper[i - 48], i == 48 || i == 54 ? my : my - 0.06};
        static const double lower[5] = {0.6, 0.25, 0.0, -0.25, -0.6};
        return {half * lower[i - 55], my + 0.08 + 0.5 * f.lipGap};
    }
    // inner lip: 60 and 64 at the corners, 61-63 upper, 65-67 lower (65 under 63, 67 under 61)
    static const double inner[8] = {-0.8, -0.3, 0.0, 0.3, 0.8, 0.3, 0.0, -0.3};
    const int k = i - 60;
    const double y = (k == 0 || k == 4) ? my : (k < 4 ? my - 0.5 * f.lipGap : my + 0.5 * f.lipGap);
    return {half * inner[k], y};
}

/// Evidence with one face; masks empty (measures must cope) unless a test fills them.
inline core::FaceEvidence makeEvidence(const SyntheticFace& f)
{
    core::FaceEvidence ev;
    ev.bgr = cv::Mat(f.image, CV_8UC3, cv::Scalar(170, 140, 120));
    const double ied = f.iedOverT * f.t;
    const double r = f.rollDeg * 3.14159265358979 / 180.0;
    const cv::Point2d u(std::cos(r), std::sin(r)); // image-left eye to image-right eye
    const cv::Point2d d(-u.y, u.x); // face "down"
    auto place = [&](const cv::Point2d& p) { return f.eyeMid + u * (p.x * ied) + d * (p.y * f.t); };

    core::FaceGeometry& g = ev.geometry;
    for (int i = 0; i < 68; ++i)
        g.landmarks.push_back(place(templatePoint(i, f)));
    g.eyeLeft = place({-0.5, 0});
    g.eyeRight = place({0.5, 0});
    g.chin = g.landmarks[core::lm::kChin];
    g.interEyeDistance = ied;
    g.eyeToChin = f.t;
    g.roll = f.rollDeg;
    g.yaw = f.yawDeg;
    g.pitch = f.pitchDeg;
    g.headTopY = f.eyeMid.y - 1.1 * f.t;
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& p : g.landmarks) {
        x0 = std::min(x0, p.x);
        y0 = std::min(y0, p.y);
        x1 = std::max(x1, p.x);
        y1 = std::max(y1, p.y);
    }
    g.box = cv::Rect2d(x0, y0, x1 - x0, y1 - y0);
    g.detectionConfidence = 1.0;
    ev.landmarksValid = true;
    ev.faces.push_back({g.box, 1.0, "synthetic"});
    return ev;
}

} // namespace hqa::test
