#pragma once
// Sharpness of the dominant face, measured at a normalised scale (the face resampled so the inter-eye
// distance is a fixed number of pixels) and normalised by the face's own mid-band contrast, so face size,
// resolution and exposure do not change the figure. The eyes are checked separately; motion-blur direction,
// JPEG blockiness and too-low resolution are reported as their own defects. The background is never looked at.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Where the sharpness sub-scores cross 0.5, and how steeply.
struct SharpnessConfig {
    double normalisedIed = 72.0; ///< inter-eye distance of the resampled face, pixels
    double crispRatio = 0.60; ///< fine/mid band energy of a crisp face at that scale (the 1.0 reference)
    double minFaceSharpness = 0.52; ///< the face keeps about half of a crisp face's fine detail
    double minEyeSharpness = 0.50; ///< ... and so does the sharper eye
    double maxBlockiness = 2.0; ///< 8x8 grid discontinuity / in-block differences (1 = no visible grid)
    double minIedPixels = 32.0; ///< inter-eye distance in the original image (eyes about 11 px wide)
    double motionAnisotropy = 0.5; ///< gradient orientation anisotropy that reads as directional blur
    double motionCrispEnough = 0.85; ///< ... unless the face keeps this much of a crisp face's detail

    // How sharply each score falls around its boundary (logistic widths).
    double sharpnessLogWidth = 0.06; ///< face and eye sharpness, in natural-log units of the relative figure
    double motionAnisotropyWidth = 0.04; ///< gradient anisotropy
    double motionCrispWidth = 0.15; ///< the "crisp enough" escape of motion blur, log units
    double blockinessWidth = 0.15; ///< JPEG grid discontinuity
    double iedWidthPixels = 2.0; ///< inter-eye distance, pixels
};

/// What the eyes of a photo can show: the sharper eye's fine detail relative to a crisp face (the evidence
/// "eye_sharpness_relative"; the face's own figure when no eye box fits; 0 when the face cannot be measured) and
/// the JPEG grid over the face ("jpeg_blockiness", 1 = none). ExpressionMeasure reads the look of an eye (an iris
/// band, or none) only where the sharpness measure would pass both.
struct EyeDetail {
    double sharpness = 0;
    double blockiness = 1;
};
EyeDetail eyeDetail(const FaceEvidence& ev, const SharpnessConfig& c = {});

/// The sharpness measure. Thread-safe: evaluate() only reads its inputs.
class SharpnessMeasure final : public Measure {
public:
    explicit SharpnessMeasure(SharpnessConfig config = {})
        : m_config(config)
    { }
    Attribute attribute() const override { return Attribute::Sharpness; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    SharpnessConfig m_config;
};

} // namespace hqa::core
