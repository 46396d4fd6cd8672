#pragma once
// Pixel masks derived from the dominant face: face region, skin colour, person silhouette; and linear-light
// luminance. Free functions so that each can be tested and timed on its own.

#include "core/Assessment.h"

#include <opencv2/core/mat.hpp>

#include <vector>

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

/// Person vs background from a segmentation network's CV_32F person probability at image size (PersonSegmenter):
/// above one half, within grabCut's head-and-torso prior, minus the other people in `otherFaces`, the inner face
/// (brows to chin) always included as grabCut's seed is, restricted to the part connected to the face. The network
/// finds everyone; like grabCut's, this mask is the subject alone, so that other people stay background.
cv::Mat personMaskFromProbability(const cv::Mat& probability, const FaceGeometry& geometry,
                                  const std::vector<cv::Rect2d>& otherFaces = {});

} // namespace hqa::core
