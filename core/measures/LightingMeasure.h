#pragma once
// Lighting of the dominant face: exposure, dynamic range, evenness between the cheeks and the face halves
// and colour cast; the eye-socket darkness (hard top light) is reported as evidence. OFIQ-style raw values,
// mapped to a 0..1 score by the worst sub-score.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Where the lighting sub-scores cross 0.5. Each figure is a physical quantity a photographer can check
/// (a luminance ratio, a share of clipped pixels, a CIELAB distance), not a tuned abstract number.
struct LightingConfig {
    double darkMeanLuminance = 0.035;   ///< mean linear face luminance below this reads as under-exposed
    double brightMeanLuminance = 0.70;  ///< ... above this as over-exposed
    double darkShare = 0.30;            ///< share of face pixels at sRGB 0..25
    double brightShare = 0.12;          ///< share of face pixels at sRGB 247..255
    double minEntropyBits = 4.0;        ///< face luma histogram entropy (flat, washed-out faces)
    double cheekRatio = 2.9;            ///< brighter cheek / darker cheek, linear light (about 1.5 stops)
    double halfFaceRatio = 3.5;         ///< brighter face half / darker face half (backs up the cheeks)
    double skinBoxDistance = 9.0;       ///< CIELAB a*b* distance outside the natural-skin box (warm side x0.75)
};

/// The lighting measure. Thread-safe: evaluate() only reads its inputs.
class LightingMeasure final : public Measure {
public:
    explicit LightingMeasure(LightingConfig config = {}) : m_config(config) {}
    Attribute attribute() const override { return Attribute::Lighting; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    LightingConfig m_config;
};

} // namespace hqa::core
