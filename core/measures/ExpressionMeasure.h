#pragma once
// Expression: eyes open, mouth closed or a gentle smile, looking at the camera. Landmark geometry only, so
// it is cheap and explains itself in face proportions a photographer can check.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Mapping from raw values to sub-scores. Each pair is the logistic centre (the pass boundary) and width.
/// Lengths are relative to T (eye midpoint to chin) or IED so that they do not depend on resolution.
struct ExpressionMeasureConfig {
    /// Eyes closed when either the smaller eye's lid gap / T (OFIQ's measure; OFIQ centres at 0.02, but dlib's
    /// landmarks leave 0.03-0.04 on real closed eyes) or its eye aspect ratio (lid gap / eye width) is small.
    /// Smiling eyes narrow: on the portraits' tuning people 10% of open, smiling eyes measure under 0.042 T, while
    /// franck's blinks reach 0.038 T; the aspect ratio separates them better (blinks 0.06-0.18, open 0.18-0.37).
    /// 0.035 T or aspect 0.17 catches 11 of franck's 13 closed-eye stills and keeps 96% of the tuning portraits.
    double eyeOpenX0 = 0.035, eyeOpenW = 0.003;
    double eyeAspectX0 = 0.17, eyeAspectW = 0.008;
    /// Inner-lip gap / T beyond which the mouth is wide open whatever shows inside (OFIQ passes below ~0.2).
    double mouthOpenX0 = 0.20, mouthOpenW = 0.015;
    /// A laugh or talking mouth: lips parted beyond grinGap (inner-lip gap / T) AND a dark cavity between the
    /// teeth larger than cavityX0 (dark pixels inside the inner lips / T^2). Composed smiles that show the teeth
    /// part the lips by 0.09-0.16 T on the official portraits but show almost no cavity (90% below 0.0065), while
    /// franck's laughs show 0.0057-0.0195; both boundaries were chosen on the tuning people only.
    double grinGapX0 = 0.09, grinGapW = 0.008;
    double cavityX0 = 0.005, cavityW = 0.0008;
    double eyeLuminanceX0 = 0.10, eyeLuminanceW = 0.015; ///< eye/cheek linear luminance; dark lenses fail
    /// A pixel inside the inner lips darker than this share of the cheeks' linear luminance is mouth cavity.
    double cavityLuminance = 0.25;
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
