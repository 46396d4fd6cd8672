#pragma once
// Expression: eyes open, mouth closed or a gentle smile, looking at the camera. Landmark geometry only, so
// it is cheap and explains itself in face proportions a photographer can check.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Mapping from raw values to sub-scores. Each pair is the logistic centre (the pass boundary) and width.
/// Lengths are relative to T (eye midpoint to chin) or IED so that they do not depend on resolution.
struct ExpressionMeasureConfig {
    /// Smaller eye's lid gap / T. OFIQ centres at 0.02 (width 0.01), but dlib's 68 landmarks leave 0.03-0.04
    /// on real closed eyes (franck.mp4 blinks measure 0.009-0.038, open eyes 0.045-0.08), hence 0.04.
    double eyeOpenX0 = 0.040, eyeOpenW = 0.004;
    double mouthOpenX0 = 0.10, mouthOpenW = 0.015;   ///< inner-lip gap / T; larger fails (OFIQ ~0.2)
    double mouthWidthX0 = 1.02, mouthWidthW = 0.02;  ///< mouth width / IED; a broad grin ...
    /// ... fails only when the jaw drops as well: a smile showing teeth keeps the lips within about 0.09 T
    /// (astronaut 0.087-0.094), franck's laughs open 0.094-0.15 T.
    double grinGapX0 = 0.09, grinGapW = 0.008;
    double eyeLuminanceX0 = 0.10, eyeLuminanceW = 0.015; ///< eye/cheek linear luminance; dark lenses fail
    /// Degrees; beyond reads as not facing the camera. The generic-face pose reads pitch up to +-26 on portraits
    /// people see as facing the camera (astronaut, audrey, franck), so pitch gets a wider boundary than yaw.
    double yawX0 = 25.0, pitchX0 = 30.0, poseW = 2.5;
};

/// Judges the facial expression from the 68 landmarks and the head pose.
class ExpressionMeasure final : public Measure {
public:
    explicit ExpressionMeasure(ExpressionMeasureConfig config = {}) : m_config(config) {}
    Attribute attribute() const override { return Attribute::Expression; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    ExpressionMeasureConfig m_config;
};

} // namespace hqa::core
