#pragma once
// Pixel masks derived from the dominant face: face region, skin colour, person silhouette; and linear-light
// luminance. Free functions so that each can be tested and timed on its own.

#include "core/Assessment.h"

#include <opencv2/core/mat.hpp>

namespace hqa::core {

/// CV_32F linear-light luminance in 0..1 (sRGB gamma undone with a 256-entry table, Rec. 709 weights).
cv::Mat linearLuminance(const cv::Mat& bgr);

/// Convex hull of the jaw and brows, with the brows lifted by about half of T to cover the forehead.
cv::Mat faceRegionMask(const FaceGeometry& geometry, cv::Size size);

/// Pixels whose chroma (YCrCb) is close to this face's cheeks and whose brightness is in a broad band around
/// theirs, so it adapts to any skin tone and lighting. Whole image.
cv::Mat skinColourMask(const cv::Mat& bgr, const FaceGeometry& geometry);

/// Person (hair, face, neck, torso) vs background: grabCut on a ~256 px copy seeded from the face geometry,
/// cleaned, and restricted to the part connected to the face.
cv::Mat personSilhouetteMask(const cv::Mat& bgr, const FaceGeometry& geometry);

} // namespace hqa::core
