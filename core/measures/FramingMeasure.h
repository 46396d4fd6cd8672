#pragma once
// Framing: one face, centred, head in the upper part with a little space above, shoulders included, face
// neither too small nor filling the frame, head upright and facing the camera. OFIQ's crop margins adapted
// to the headshot rules of the standard crop (SELECTION.md); OFIQ's 0.45 head-size target is deliberately
// not used because it contradicts its own margins.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Pass boundaries (logistic centres) of the framing rules. Lengths are in IED, T (eye midpoint to chin)
/// or shares of the image size, so they hold at any resolution.
struct FramingMeasureConfig {
    double centreOffsetMax = 0.12; ///< |face centre - image centre| / width
    double sideMarginMin = 0.9; ///< eye to side edge / IED (OFIQ 0.9)
    double aboveEyesMin = 0.95; ///< eye midpoint y / T; below this the top of the head is cut
    double eyeHeightMax = 0.60; ///< eye midpoint y / H; lower means the head sits too low
    double belowEyesMin = 1.12; ///< (H - eye midpoint y) / T; OFIQ 1.8, see the .cpp
    double faceHeightMin = 0.17; ///< brows-to-chin / H; smaller is too far away
    double faceHeightMax = 0.62; ///< brows-to-chin / H; larger is an extreme close-up
    /// (Brows-to-chin x jaw width) / (W x H): a crop so tight that the face crowds the frame, whatever the aspect
    /// ratio. Framing passes measure at most 0.21 (tuning portraits and franck's landscape frames alike), tight
    /// portrait crops that reviewers fail 0.22-0.29.
    double faceAreaMax = 0.235;
    double faceWidthMax = 0.65; ///< jaw width / W
    /// Degrees. Yaw 25 rather than 20: the generic-face solvePnP pose reads 20-23 on franck frames that a person
    /// sees as turned only 10-15 degrees, so 20 would fail slight turns; its pitch reads up to +-26 on portraits
    /// that face the camera, hence 30.
    ///
    /// Roll 15: a slight head tilt is a common and often wanted pose in professional headshots (passport rules
    /// allow 8 degrees, but a headshot is not a passport photo); on the tuning portraits every framing pass is
    /// under 8.2 degrees, and video frames of 10-12 degrees are accepted by reviewers.
    double rollMax = 15.0, yawMax = 25.0, pitchMax = 30.0;
    double secondFaceMin = 0.45; ///< other face height / main face height that counts as a second person
    /// Face landmarks outside the image: the score is 0.5 at this count (one point past the edge is landmark
    /// noise, two or more cut the face), with landmarksOutsideWidth as the logistic width, in points.
    double landmarksOutsideMax = 1.5, landmarksOutsideWidth = 0.5;

    // How sharply each score falls around its boundary: logistic widths as a share of the boundary (see
    // FramingMeasure::above), so that rules in different units have comparable softness.
    double centreOffsetWidth = 0.15; ///< horizontal offset of the face centre
    double sideMarginWidth = 0.12; ///< eye to side edge
    double aboveEyesWidth = 0.08; ///< space above the eyes
    double eyeHeightWidth = 0.05; ///< eye height in the frame
    double belowEyesWidth = 0.06; ///< room below the eyes (the shoulders)
    double faceHeightMinWidth = 0.1; ///< face height, too far
    double faceHeightMaxWidth = 0.06; ///< face height, extreme close-up
    double faceAreaWidth = 0.06; ///< face area, crop too tight
    double faceWidthWidth = 0.06; ///< face width, extreme close-up
    double rollWidth = 0.15; ///< head roll
    double yawWidth = 0.12; ///< head yaw
    double pitchWidth = 0.12; ///< head pitch
    double secondFaceWidth = 0.12; ///< relative size of another face
};

/// Judges the composition of the dominant face in the frame.
class FramingMeasure final : public Measure {
public:
    explicit FramingMeasure(FramingMeasureConfig config = {})
        : m_config(config)
    { }
    Attribute attribute() const override { return Attribute::Framing; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

    /// The rules' score shapes: 1 well inside the allowed side of the boundary x0, 0.5 at it, with a logistic
    /// width of relWidth x |x0| (the "how to fix" advice maps the evidence the same way).
    static double above(double x, double x0, double relWidth);
    static double below(double x, double x0, double relWidth);

private:
    FramingMeasureConfig m_config;
};

} // namespace hqa::core
