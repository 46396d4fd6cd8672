#include "FaceFrame.h"

#include <algorithm>
#include <cmath>

namespace hqa::core {

namespace {

cv::Point2d meanOf(const std::vector<cv::Point2d>& pts, int first, int last)
{
    cv::Point2d s(0, 0);
    for (int i = first; i <= last; ++i)
        s += pts[size_t(i)];
    return s * (1.0 / (last - first + 1));
}

} // namespace

FaceFrame faceFrame(const FaceEvidence& ev)
{
    FaceFrame f;
    const FaceGeometry& g = ev.geometry;
    const cv::Rect2d box = g.box.area() > 0 ? g.box : ev.faces.front().box;
    const bool haveLandmarks = ev.landmarksValid && g.landmarks.size() >= 68;
    if (haveLandmarks) {
        f.eyeLeft = meanOf(g.landmarks, lm::kEyeImageLeftFirst, lm::kEyeImageLeftLast);
        f.eyeRight = meanOf(g.landmarks, lm::kEyeImageRightFirst, lm::kEyeImageRightLast);
        f.mouth = meanOf(g.landmarks, lm::kMouthOuterFirst, lm::kMouthOuterLast);
    } else if (g.interEyeDistance > 0) {
        f.eyeLeft = g.eyeLeft;
        f.eyeRight = g.eyeRight;
        f.mouth = (f.eyeLeft + f.eyeRight) * 0.5 + cv::Point2d(0, 1.05 * g.interEyeDistance);
    } else {
        f.eyeLeft = {box.x + 0.3 * box.width, box.y + 0.38 * box.height};
        f.eyeRight = {box.x + 0.7 * box.width, box.y + 0.38 * box.height};
        f.mouth = {box.x + 0.5 * box.width, box.y + 0.8 * box.height};
    }
    f.eyeMid = (f.eyeLeft + f.eyeRight) * 0.5;
    f.ied = std::max(1.0, cv::norm(f.eyeRight - f.eyeLeft));
    f.right = (f.eyeRight - f.eyeLeft) * (1.0 / f.ied);
    f.down = {-f.right.y, f.right.x};
    f.eyeToMouth = std::max(0.5 * f.ied, (f.mouth - f.eyeMid).dot(f.down));
    return f;
}

} // namespace hqa::core
