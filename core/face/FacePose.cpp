#include "core/face/FacePose.h"

#include "core/face/FaceEvidence.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {
namespace {

constexpr double kRadToDeg = 180.0 / CV_PI;
/// Skull top above the eye midpoint in units of T (eye-to-chin); adult vertex sits ~1.05 T above the eyes,
/// hair adds a little.
constexpr double kHeadTopOverT = 1.1;

/// A generic adult face in millimetres, camera-aligned (x to the image right, y down, z away from the camera):
/// x/y are the mean frontal layout of dlib's landmarks on the test photos scaled to a 63 mm inter-eye distance
/// (origin at the eye midpoint), so frontal faces come out near zero pitch; z are rough anthropometric depths
/// behind the nose tip. Only stable points: eye corners, nose, mouth corners, chin.
struct ModelPoint {
    int landmark;
    double x, y, z;
};
constexpr std::array<ModelPoint, 11> kReferenceFace{{
    {36, -44.0, 1.0, 32.0},
    {39, -18.0, 1.5, 27.0},
    {42, 18.0, 1.5, 27.0},
    {45, 44.0, 1.0, 32.0},
    {27, 0.0, -5.0, 20.0},
    {30, 0.0, 33.0, 0.0},
    {33, 0.0, 49.0, 13.0},
    {48, -28.0, 71.0, 30.0},
    {54, 28.0, 71.0, 30.0},
    {57, 0.0, 83.0, 25.0},
    {8, 0.0, 126.0, 30.0},
}};

cv::Point2d meanOf(const std::vector<cv::Point2d>& pts, int first, int last)
{
    cv::Point2d sum(0, 0);
    for (int i = first; i <= last; ++i)
        sum += pts[static_cast<size_t>(i)];
    return sum * (1.0 / (last - first + 1));
}

/// Horizontal and vertical angle of a direction (camera coordinates) as seen from the camera: 0 when it
/// points straight at the camera, yaw > 0 towards the image left, pitch > 0 upwards.
std::pair<double, double> anglesOf(const cv::Vec3d& towardsCamera)
{
    const double yaw = std::atan2(-towardsCamera[0], -towardsCamera[2]);
    const double pitch = std::atan2(-towardsCamera[1], std::hypot(towardsCamera[0], towardsCamera[2]));
    return {yaw, pitch};
}

} // namespace

HeadPose estimateHeadPose(const std::vector<cv::Point2d>& landmarks, cv::Size imageSize)
{
    HeadPose pose;
    if (landmarks.size() != 68 || imageSize.width <= 0)
        return pose;

    const cv::Point2d eyeL = meanOf(landmarks, lm::kEyeImageLeftFirst, lm::kEyeImageLeftLast);
    const cv::Point2d eyeR = meanOf(landmarks, lm::kEyeImageRightFirst, lm::kEyeImageRightLast);
    pose.roll = std::atan2(eyeR.y - eyeL.y, eyeR.x - eyeL.x) * kRadToDeg;

    std::vector<cv::Point3d> object;
    std::vector<cv::Point2d> image;
    for (const ModelPoint& p : kReferenceFace) {
        object.emplace_back(p.x, p.y, p.z);
        image.push_back(landmarks[static_cast<size_t>(p.landmark)]);
    }
    // Headshots are usually cropped from a longer lens' frame: a focal length of twice the image size keeps the
    // perspective mild (with f = image width, tight crops came out ~10 degrees pitched up).
    const double f = 2.0 * std::max(imageSize.width, imageSize.height);
    const cv::Matx33d camera(f, 0, imageSize.width / 2.0, 0, f, imageSize.height / 2.0, 0, 0, 1);
    cv::Mat rvec, tvec;
    try {
        if (!cv::solvePnP(object, image, camera, cv::noArray(), rvec, tvec, false, cv::SOLVEPNP_EPNP))
            return pose;
        cv::solvePnP(object, image, camera, cv::noArray(), rvec, tvec, true, cv::SOLVEPNP_ITERATIVE);
    } catch (const cv::Exception&) {
        return pose;
    }
    cv::Matx33d rotation;
    cv::Rodrigues(rvec, rotation);
    // The face's forward direction (towards the camera for a frontal face) is the model's -z axis.
    const cv::Vec3d forward(-rotation(0, 2), -rotation(1, 2), -rotation(2, 2));
    // Compare with the line of sight, not the optical axis: a frontal face near the image border is still
    // looking at the camera.
    cv::Vec3d toCamera(-tvec.at<double>(0), -tvec.at<double>(1), -tvec.at<double>(2));
    const double dist = cv::norm(toCamera);
    if (dist <= 0 || tvec.at<double>(2) <= 0)
        return pose;
    toCamera *= 1.0 / dist;
    const auto [faceYaw, facePitch] = anglesOf(forward);
    const auto [sightYaw, sightPitch] = anglesOf(toCamera);
    pose.yaw = (faceYaw - sightYaw) * kRadToDeg;
    pose.pitch = (facePitch - sightPitch) * kRadToDeg;
    pose.valid = std::isfinite(pose.yaw) && std::isfinite(pose.pitch);
    return pose;
}

FaceGeometry geometryFromLandmarks(const std::vector<cv::Point2d>& landmarks, cv::Size imageSize)
{
    FaceGeometry g;
    if (landmarks.size() != 68)
        return g;
    g.landmarks = landmarks;
    g.eyeLeft = meanOf(landmarks, lm::kEyeImageLeftFirst, lm::kEyeImageLeftLast);
    g.eyeRight = meanOf(landmarks, lm::kEyeImageRightFirst, lm::kEyeImageRightLast);
    g.chin = landmarks[lm::kChin];
    g.interEyeDistance = cv::norm(g.eyeRight - g.eyeLeft);
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * 0.5;
    g.eyeToChin = cv::norm(g.chin - eyeMid);

    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (const cv::Point2d& p : landmarks) {
        minX = std::min(minX, p.x);
        maxX = std::max(maxX, p.x);
        minY = std::min(minY, p.y);
        maxY = std::max(maxY, p.y);
    }
    // The landmarks stop at the brows; a face box conventionally includes the lower forehead.
    const double forehead = 0.12 * (maxY - minY);
    g.box = cv::Rect2d(minX, minY - forehead, maxX - minX, maxY - minY + forehead);

    const HeadPose pose = estimateHeadPose(landmarks, imageSize);
    g.yaw = pose.yaw;
    g.pitch = pose.pitch;
    g.roll = pose.roll;

    const cv::Point2d up = faceUpDirection(g);
    g.headTopY = eyeMid.y + kHeadTopOverT * g.eyeToChin * up.y;
    return g;
}

cv::Point2d faceUpDirection(const FaceGeometry& g)
{
    // Perpendicular to the eye line is steadier than eyes-to-chin when the mouth is open or the jaw is turned.
    const cv::Point2d eyeLine = g.eyeRight - g.eyeLeft;
    const double n = cv::norm(eyeLine);
    if (n <= 0)
        return {0, -1};
    cv::Point2d up(eyeLine.y / n, -eyeLine.x / n);
    if (up.dot(g.chin - (g.eyeLeft + g.eyeRight) * 0.5) > 0)
        up = -up;
    return up;
}

void refineHeadTop(FaceGeometry& g, const cv::Mat& personMask)
{
    if (personMask.empty() || g.eyeToChin <= 0)
        return;
    const cv::Point2d up = faceUpDirection(g);
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * 0.5;
    const double maxSteps = 2.0 * g.eyeToChin;
    const int allowedGap = std::max(2, static_cast<int>(0.05 * g.eyeToChin));
    double lastInside = -1;
    int gap = 0;
    bool leftImage = false;
    double exitY = 0;
    for (double s = 0; s <= maxSteps; s += 1.0) {
        const cv::Point2d p = eyeMid + up * s;
        const int x = static_cast<int>(std::lround(p.x)), y = static_cast<int>(std::lround(p.y));
        if (x < 0 || y < 0 || x >= personMask.cols || y >= personMask.rows) {
            leftImage = gap <= allowedGap;
            exitY = p.y;
            break;
        }
        if (personMask.at<uchar>(y, x)) {
            lastInside = s;
            gap = 0;
        } else if (++gap > allowedGap) {
            break;
        }
    }
    if (leftImage) {
        // The silhouette runs out of the frame: the top is at the edge or beyond it.
        g.headTopY = std::min(g.headTopY, exitY);
        return;
    }
    const double ratio = lastInside / g.eyeToChin;
    if (ratio >= 0.7 && ratio <= 1.7)
        g.headTopY = eyeMid.y + up.y * lastInside;
}

} // namespace hqa::core
