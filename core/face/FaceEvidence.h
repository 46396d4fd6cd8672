#pragma once
// Evidence computed once per image and shared by all six measures (OFIQ's habit): the analysis image, its
// linear-light luminance, every detected face, and for the dominant face its landmarks, pose, eye geometry
// and a person mask.

#include "core/Assessment.h"

#include <opencv2/core/mat.hpp>

#include <string>
#include <vector>

namespace hqa::core {

struct DetectedFace {
    cv::Rect2d box; ///< analysis-image coordinates
    double confidence = 0; ///< detector score (dlib HOG margin, or cascade-derived)
    std::string detector; ///< "hog", "hog+upsample", "hog+pad", "blazeface", "cascade"
};

/// 68-point landmark indices (iBUG 300-W), for readability in measures.
namespace lm {
inline constexpr int kJawFirst = 0, kJawLast = 16, kChin = 8;
inline constexpr int kBrowRightFirst = 17, kBrowLeftLast = 26; // subject's right brow is image-left
inline constexpr int kNoseBridgeFirst = 27, kNoseTip = 30, kNoseLast = 35;
inline constexpr int kEyeImageLeftFirst = 36, kEyeImageLeftLast = 41; // subject's right eye
inline constexpr int kEyeImageRightFirst = 42, kEyeImageRightLast = 47; // subject's left eye
inline constexpr int kMouthOuterFirst = 48, kMouthOuterLast = 59;
inline constexpr int kMouthInnerFirst = 60, kMouthInnerLast = 67;
inline constexpr int kMouthCornerLeft = 48, kMouthCornerRight = 54;
} // namespace lm

struct FaceEvidence {
    cv::Mat bgr; ///< analysis image, CV_8UC3, orientation applied
    double scaleToOriginal = 1.0; ///< multiply analysis coordinates by this to get original pixels
    cv::Mat luminance; ///< CV_32F linear-light Y (0.2126R + 0.7152G + 0.0722B after undoing sRGB), 0..1

    std::vector<DetectedFace> faces; ///< every face found, dominant (largest, most central) first
    bool hasFace() const { return !faces.empty(); }

    /// Dominant face, analysis-image coordinates. Valid when hasFace().
    FaceGeometry geometry;
    bool landmarksValid = false;

    cv::Mat personMask; ///< CV_8U, 255 = person (face, hair, neck, torso), same size as bgr
    cv::Mat skinMask; ///< CV_8U, 255 = skin-coloured pixel (model calibrated on this face's cheeks)
    cv::Mat faceMask; ///< CV_8U, 255 = inside the face (landmark hull extended to the forehead)

    /// Why face finding was weaker than usual, for the no_face reason (e.g. "second face detector unavailable:
    /// model not found: ..."); empty normally. Translated, user-visible.
    QString detectorNote;
    /// Why the person mask is not from the configured source (FaceAnalyzerConfig::personMask), for the background
    /// and attire reasons; empty normally. Translated, user-visible.
    QString maskNote;

    /// What the background scene network sees (SceneFeatures): a CV_32FC(C) grid over the whole analysis image, a
    /// cell per 16 x 16 network input pixels. Empty when the model is unavailable or failed; sceneNote then says why
    /// (translated, user-visible), and the background is judged on its hand measures alone.
    cv::Mat sceneFeatures;
    QString sceneNote;

    double faceMs = 0, maskMs = 0; ///< timings of the evidence steps
};

} // namespace hqa::core
