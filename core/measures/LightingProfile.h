#pragma once
// How the light falls across the face, measured from the 68 landmarks so that it holds for a turned head and
// for any skin tone: the two halves are compared point for point in face coordinates (each half normalised by
// its own visible width), on skin only (eyes, brows, mouth and nostrils masked out), with medians so that
// specular highlights and stubble do not count, and as ratios in linear light so that the skin's own albedo
// cancels out. Also the skin's chromaticity and the clipped share of the eye whites, two references that do
// not depend on how dark the skin is.

#include <opencv2/core/mat.hpp>

#include <vector>

namespace hqa::core {

struct FaceLightProfile {
    bool valid = false; ///< false without 68 landmarks or with too little visible skin
    int skinPixels = 0; ///< skin pixels sampled

    /// Median linear luminance of the brighter half over the darker half (|u| 0.12..0.8, brow to mouth).
    double sideRatio = 1.0;
    bool leftDarker = false; ///< the image-left half is the darker one

    /// Near the nose (|u| 0.12..0.4) over the outer part (|u| 0.45..0.8) of each half: how much each half darkens
    /// toward its edge. The face's round shape makes both halves fall off alike under frontal light.
    double darkHalfFalloff = 1.0;
    double litHalfFalloff = 1.0;
    /// darkHalfFalloff / litHalfFalloff: the part of the falloff the face's shape does not explain, i.e. a light
    /// gradient across the face (the light far off to one side, or the face at the edge of its beam).
    double falloffAsymmetry = 1.0;
    /// sideRatio * max(1, falloffAsymmetry)^2: a step between the halves, weighted up when the dark half keeps
    /// darkening toward its edge instead of holding a fill-lit plateau.
    double sideGradientIndex = 1.0;

    /// The side ratio in three bands (forehead, eyes to nose, mouth to chin), |u| 0.12..0.6, always >= 1, and
    /// the smallest of them when the same half is darker in all three (else 1): a shadow that splits the face
    /// from hairline to chin. A key light from 30-45 degrees lights the forehead across; a split light does not.
    double foreheadRatio = 1.0, midfaceRatio = 1.0, lowerFaceRatio = 1.0;
    double splitRatio = 1.0;

    double halfWidthRatio = 1.0; ///< visible width of the image-left half over the image-right half (head turn)

    double eyeWhiteClippedShare = 0.0; ///< pixels inside the eye outlines with a channel at 250+
    double skinClippedShare = 0.0; ///< skin pixels with a channel at 250+
    double skinBlueShare = 1.0 / 3.0; ///< median linear B / (R + G + B) of the skin
};

/// bgr: CV_8UC3 image; lum: CV_32F linear luminance of it; face: CV_8U face mask (255 inside); landmarks: 68
/// points (iBUG 300-W) in the same pixels, or fewer (the result is then invalid).
FaceLightProfile measureFaceLight(const cv::Mat& bgr, const cv::Mat& lum, const cv::Mat& face,
                                  const std::vector<cv::Point2d>& landmarks);

} // namespace hqa::core
