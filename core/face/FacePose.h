#pragma once
// Geometry derived from the 68 landmarks: eye centres, eye-to-chin distance, head pose and the head-top estimate.
// Free functions so that they can be tested on hand-made landmark sets.

#include "core/Assessment.h"

#include <opencv2/core/mat.hpp>

#include <vector>

namespace hqa::core {

struct HeadPose {
    double yaw = 0, pitch = 0, roll = 0; ///< degrees, conventions as in FaceGeometry
    bool valid = false;
};

/// Head pose from 68 landmarks with a generic 3D reference face and cv::solvePnP (focal length 2x the image size).
/// Roll is the eye-line angle: positive when the image-right eye sits lower (clockwise on screen).
HeadPose estimateHeadPose(const std::vector<cv::Point2d>& landmarks, cv::Size imageSize);

/// Fills everything in FaceGeometry that follows from the landmarks (box, eyes, chin, IED, T, pose, a first
/// head-top estimate). detectionConfidence is left to the caller.
FaceGeometry geometryFromLandmarks(const std::vector<cv::Point2d>& landmarks, cv::Size imageSize);

/// Unit vector from the chin towards the eyes (the face's "up" in image coordinates, y grows downwards).
cv::Point2d faceUpDirection(const FaceGeometry& geometry);

/// Moves geometry.headTopY to the top of the person mask above the eyes when the mask gives a plausible answer
/// (the head's silhouette ends between 0.7 T and 1.7 T above the eye midpoint); keeps the estimate otherwise.
void refineHeadTop(FaceGeometry& geometry, const cv::Mat& personMask);

} // namespace hqa::core
