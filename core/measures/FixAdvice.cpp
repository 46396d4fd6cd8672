#include "FixAdvice.h"

#include "core/measures/AttireMeasure.h"
#include "core/measures/BackgroundMeasure.h"
#include "core/measures/ExpressionMeasure.h"
#include "core/measures/FramingMeasure.h"
#include "core/measures/LightingMeasure.h"
#include "core/measures/SharpnessMeasure.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::FixAdvice", text); }

QString pct(double share) { return QString::number(std::round(share * 100.0), 'f', 0); }
QString num(double v, int decimals = 1) { return QString::number(v, 'f', decimals); }

/// One defect the evidence shows: its sub-score (0.5 at the measure's default boundary, lower is worse) and the
/// action that fixes it.
struct Finding {
    double score;
    QString advice;
};

/// Evidence value when present and finite.
std::optional<double> value(const AttributeVerdict& v, const char* name)
{
    const auto x = v.evidenceValue(name);
    return x && std::isfinite(*x) ? x : std::nullopt;
}

double logOf(double x) { return std::log(std::max(x, 1e-6)); }

/// The worst findings that count as defects: below the verdict's threshold (0.5 when it is lower), worst first.
std::vector<Finding> defects(std::vector<Finding> findings, const AttributeVerdict& v)
{
    const double cutoff = std::max(0.5, v.threshold);
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.score < b.score; });
    findings.erase(
        std::remove_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.score >= cutoff; }),
        findings.end());
    return findings;
}

// --- Lighting ---------------------------------------------------------------------------------------------------

/// A side of the image, as the lighting evidence records the darker half or cheek.
enum class ImageSide { Unknown, Left, Right };

/// The darker image side a side measure recorded in the evidence (`key`: 1 image left, 0 image right); unknown
/// for an assessment stored before the side was recorded.
ImageSide darkSide(const AttributeVerdict& v, const char* key)
{
    const auto left = value(v, key);
    return !left ? ImageSide::Unknown : *left > 0.5 ? ImageSide::Left : ImageSide::Right;
}

/// "the image-left side of the face (the subject's right)".
QString sideOfFace(ImageSide darkSide)
{
    switch (darkSide) {
    case ImageSide::Left:
        return tr("the image-left side of the face (the subject's right)");
    case ImageSide::Right:
        return tr("the image-right side of the face (the subject's left)");
    case ImageSide::Unknown:
        break;
    }
    return tr("the darker side of the face");
}

QString ratioText(double ratio)
{
    return ratio > kReadableRatioCap ? tr("over %1x").arg(kReadableRatioCap, 0, 'f', 0)
                                     : tr("%1x").arg(ratio, 0, 'f', 1);
}

/// Stops between a mean linear face luminance and a well exposed face (about 0.18, mid grey in linear light).
constexpr double kWellExposedFace = 0.18;

std::vector<Finding> lightingFindings(const AttributeVerdict& v)
{
    const LightingConfig c;
    std::vector<Finding> f;
    const auto mean = value(v, "face_luminance_mean");
    const auto darkShare = value(v, "face_dark_share");
    const auto brightShare = value(v, "face_bright_share");
    if (mean) {
        const double stopsUnder = std::max(0.5, std::log2(kWellExposedFace / std::max(*mean, 1e-5)));
        const QString under = tr("Add light or exposure: the face is about %1 stops too dark; open the aperture, use a "
                                 "slower shutter or raise the key light's power.")
                                  .arg(num(stopsUnder));
        f.push_back({logistic(logOf(*mean), std::log(c.darkMeanLuminance), c.darkMeanLogWidth), under});
        if (darkShare)
            f.push_back({logistic(-*darkShare, -c.darkShare, c.darkShareWidth), under});
        const double stopsOver = std::max(0.5, std::log2(std::max(*mean, 1e-5) / kWellExposedFace));
        const QString over =
            tr("Reduce exposure by about %1 stops: %2% of the face is blown to white; lower the light's "
               "power, stop down or use a faster shutter.")
                .arg(num(stopsOver), pct(brightShare.value_or(0.0)));
        f.push_back({logistic(-*mean, -c.brightMeanLuminance, c.brightMeanWidth), over});
        if (brightShare)
            f.push_back({logistic(-*brightShare, -c.brightShare, c.brightShareWidth), over});
    }
    if (const auto entropy = value(v, "face_tonal_entropy_bits"))
        f.push_back({logistic(*entropy, c.minEntropyBits, c.entropyWidthBits),
                     tr("Give the light some shape: the face has only %1 bits of tonal range; move the key light "
                        "30-45 degrees to the side or reduce the fill, and check the exposure is not washed out.")
                         .arg(num(*entropy))});
    if (const auto distance = value(v, "skin_box_distance")) {
        const double a = value(v, "cheek_lab_a").value_or(15.0), b = value(v, "cheek_lab_b").value_or(20.0);
        QString tint;
        if (a < 5)
            tint = tr("green");
        else if (b < 5)
            tint = tr("blue");
        else if (a > 25 && b <= 35)
            tint = tr("magenta");
        else
            tint = tr("orange");
        f.push_back({logistic(-*distance, -c.skinBoxDistance, c.skinBoxWidth),
                     tr("Correct the white balance: the skin is tinted %1 (CIELAB a* %2, b* %3); set a custom white "
                        "balance from a grey card, or match the gels of the lights.")
                         .arg(tint, num(a, 0), num(b, 0))});
    }
    if (const auto blown = value(v, "blown_highlight_index"))
        f.push_back({logistic(-*blown, -c.blownHighlightIndex, c.blownHighlightWidth),
                     tr("Pull the highlights back: %1% of the skin and %2% of the eye whites are clipped to white; "
                        "lower the key light's power or the exposure (a stop or more), or diffuse the light.")
                         .arg(pct(value(v, "skin_clipped_share").value_or(0.0)),
                              pct(value(v, "eye_white_clipped_share").value_or(0.0)))});
    const auto side = value(v, "side_ratio");
    if (side) {
        f.push_back({logistic(-logOf(*side), -std::log(c.sideRatio), c.sideRatioLogWidth),
                     tr("Light %1: it is %2 darker than the other half; add fill or a reflector on that side, or "
                        "turn the subject toward the key light.")
                         .arg(sideOfFace(darkSide(v, "side_left_darker")), ratioText(*side))});
        if (const auto gradient = value(v, "side_gradient_index"))
            f.push_back({logistic(-logOf(*gradient), -std::log(c.sideGradientIndex), c.sideGradientLogWidth),
                         tr("Light %1: the light falls off across the face (that half is %2 darker and keeps "
                            "darkening toward its edge); bring the key light closer to the camera axis or use a larger "
                            "source, and add fill on that side.")
                             .arg(sideOfFace(darkSide(v, "side_left_darker")), ratioText(*side))});
        if (const auto split = value(v, "split_ratio"))
            f.push_back({logistic(-logOf(*split), -std::log(c.splitRatio), c.splitRatioLogWidth),
                         tr("Light %1: split light leaves that half in shadow from forehead to chin (%2 darker); move "
                            "the key light toward the camera (30-45 degrees off axis) or add fill on that side.")
                             .arg(sideOfFace(darkSide(v, "side_left_darker")), ratioText(*split))});
        if (const auto blue = value(v, "skin_blue_share"))
            f.push_back({logistic(logOf(*blue), std::log(c.minSkinBlueShare), c.skinBlueLogWidth),
                         tr("Correct the warm colour cast: only %1% of the skin's light is blue (neutral light gives "
                            "%2% or more); set the white balance for the lights (tungsten needs about 3200 K) or gel "
                            "them to daylight.")
                             .arg(num(*blue * 100.0), num(c.minSkinBlueShare * 100.0))});
    } else {
        // Without landmarks the measure judges side light by the cheeks and the plain halves.
        if (const auto cheek = value(v, "cheek_luminance_ratio"))
            f.push_back({logistic(-logOf(*cheek), -std::log(c.cheekRatio), c.cheekRatioLogWidth),
                         tr("Light %1: that cheek is %2 darker than the other; add fill or a reflector on that side.")
                             .arg(sideOfFace(darkSide(v, "cheek_left_darker")), ratioText(*cheek))});
        if (const auto half = value(v, "half_face_luminance_ratio"))
            f.push_back({logistic(-logOf(*half), -std::log(c.halfFaceRatio), c.halfFaceRatioLogWidth),
                         tr("Light %1: that half is %2 darker than the other; add fill or a reflector on that side.")
                             .arg(sideOfFace(darkSide(v, "half_left_darker")), ratioText(*half))});
    }
    return f;
}

// --- Background -------------------------------------------------------------------------------------------------

std::vector<Finding> backgroundFindings(const AttributeVerdict& v)
{
    const BackgroundConfig c;
    std::vector<Finding> f;
    const double others = value(v, "background_other_faces").value_or(0.0);
    if (const auto share = value(v, "background_share"); share && *share < c.minBackgroundShare && others < 1)
        return f; // hardly any background: nothing there to fix
    if (others >= 1)
        f.push_back({c.otherFaceScore,
                     tr("Clear the background of other people (%1 other face(s) behind the subject): wait until "
                        "they have passed, change the angle or crop them out.")
                         .arg(num(others, 0))});
    if (const auto skin = value(v, "background_skin_share"))
        f.push_back({logistic(-*skin, -c.maxSkinShare, c.skinShareWidth),
                     tr("Clear the background of other people (%1% of it is skin): move the subject away from them or "
                        "change the angle.")
                         .arg(pct(*skin))});
    const QString plain = tr("Use a plain backdrop or a wider aperture: %1; open up to f/2.8 or wider and put more "
                             "distance between the subject and the background.");
    if (const auto edges = value(v, "background_texture_edge_density"))
        f.push_back(
            {logistic(-*edges, -c.maxEdgeDensity, c.edgeDensityWidth),
             plain.arg(
                 tr("%1% of the background is hard edges (clutter, text or patterns)").arg(num(*edges * 100.0)))});
    if (const auto contrast = value(v, "background_texture_local_contrast"))
        f.push_back(
            {logistic(-*contrast, -c.maxRelativeGradient, c.relativeGradientWidth),
             plain.arg(tr("the background is textured (local contrast %1% of its brightness)").arg(num(*contrast)))});
    if (const auto clusters = value(v, "background_texture_colour_clusters"))
        f.push_back({logistic(-*clusters, -c.maxColourClusters, c.colourClustersWidth),
                     plain.arg(tr("the background has %1 distinct colour areas").arg(num(*clusters, 0)))});
    if (const auto saturated = value(v, "background_saturated_share"))
        f.push_back({logistic(-*saturated, -c.maxSaturatedShare, c.saturatedShareWidth),
                     tr("Remove the strongly coloured objects behind the subject (%1% of the background) or use a "
                        "neutral backdrop.")
                         .arg(pct(*saturated))});
    if (const auto lines = value(v, "background_straight_edges"))
        f.push_back({logistic(-*lines, -c.maxStraightEdges, c.straightEdgesWidth),
                     tr("Move away from the windows, shelves or columns behind the subject (straight edges of %1 image "
                        "widths): use a backdrop, change the angle or open the aperture to blur them.")
                         .arg(num(*lines))});
    return f;
}

// --- Attire -----------------------------------------------------------------------------------------------------

std::vector<Finding> attireFindings(const AttributeVerdict& v)
{
    const AttireMeasureConfig c;
    std::vector<Finding> f;
    if (const auto torso = value(v, "torso_below_chin_t"))
        f.push_back({logistic(*torso, c.torsoBelowChinMin, c.torsoBelowChinW),
                     tr("Show the attire: step back or zoom out so the collar and shoulders are in frame (the image "
                        "ends %1 eye-to-chin distances below the chin).")
                         .arg(num(std::max(0.0, *torso), 2))});
    const auto shoulders = value(v, "shoulder_skin_share");
    const auto chest = value(v, "chest_skin_share");
    if (shoulders && *shoulders >= 0) {
        const double s = 1.0 - logistic(*shoulders, c.shoulderSkinMax, c.shoulderSkinW);
        const double ch = chest && *chest >= 0 ? 1.0 - logistic(*chest, c.chestSkinMax, c.chestSkinW) : 1.0;
        f.push_back({std::min(s, ch),
                     s <= ch ? tr("Cover the shoulders: a jacket, blazer or a top with sleeves (%1% of the shoulder "
                                  "area is bare skin).")
                                   .arg(pct(*shoulders))
                             : tr("Cover the chest: a higher neckline, a buttoned shirt or a jacket (%1% of the chest "
                                  "below the neck is bare skin).")
                                   .arg(pct(chest.value_or(0.0)))});
    }
    if (const auto depth = value(v, "neckline_depth_t"); depth && *depth >= 0)
        f.push_back({1.0 - logistic(*depth, c.necklineDepthMax, c.necklineDepthW),
                     tr("Choose a higher neckline or layer a jacket or shirt over it (skin reaches %1 eye-to-chin "
                        "distances below the chin).")
                         .arg(num(*depth, 2))});
    const auto print = value(v, "print_edge_density");
    const auto spread = value(v, "garment_colour_spread");
    if (print && spread && *print >= 0 && *spread >= 0)
        f.push_back(
            {1.0 - logistic(*print, c.printEdgeMax, c.printEdgeW) * logistic(*spread, c.printSpreadMin, c.printSpreadW),
             tr("Wear a plain, solid-coloured top or jacket instead of the busy multicoloured print.")});
    const auto chroma = value(v, "garment_chroma");
    const auto lightness = value(v, "garment_lightness");
    if (chroma && *chroma >= 0)
        f.push_back({1.0
                         - logistic(*chroma, c.fluorescentChromaMin, c.fluorescentW)
                             * logistic(lightness.value_or(0.0), c.fluorescentLightnessMin, c.fluorescentW),
                     tr("Wear a darker or muted colour instead of the bright fluorescent garment (sportswear or "
                        "high-visibility).")});
    const auto structure = value(v, "structure_score");
    const auto visible = value(v, "visible_torso_t");
    if (c.structureMin > 0 && structure && *structure >= 0 && visible && *visible >= c.minStructureTorso)
        f.push_back({logistic(*structure, c.structureMin, c.structureW),
                     tr("Wear business attire: a collared shirt, blouse or jacket (the top shows no collar or "
                        "lapels).")});
    return f;
}

// --- Expression and pose ----------------------------------------------------------------------------------------

Finding yawFinding(double yaw, double score)
{
    return {score,
            tr("Turn the head back toward the camera: it is turned %1 degrees toward the image %2.")
                .arg(num(std::abs(yaw), 0), yaw > 0 ? tr("left") : tr("right"))};
}

Finding pitchFinding(double pitch, double score)
{
    return {score,
            pitch > 0 ? tr("Lower the chin a little: the head is tilted %1 degrees up; keep the camera at eye "
                           "level.")
                            .arg(num(std::abs(pitch), 0))
                      : tr("Raise the chin a little: the head is tilted %1 degrees down; keep the camera at eye "
                           "level.")
                            .arg(num(std::abs(pitch), 0))};
}

std::vector<Finding> expressionFindings(const AttributeVerdict& v)
{
    const ExpressionMeasureConfig c;
    std::vector<Finding> f;
    const auto yaw = value(v, "yaw_deg");
    const auto pitch = value(v, "pitch_deg");
    if (yaw)
        f.push_back(yawFinding(*yaw, 1.0 - logistic(std::abs(*yaw), c.yawX0, c.poseW)));
    if (pitch)
        f.push_back(pitchFinding(*pitch, 1.0 - logistic(std::abs(*pitch), c.pitchX0, c.poseW)));
    if (value(v, "landmarks_valid").value_or(1.0) < 0.5) {
        f.push_back({c.noLandmarksScore,
                     tr("Make the eyes and mouth clearly visible to the camera: face it directly, in even light, "
                        "with nothing in front of the face.")});
        return f;
    }
    const auto eyeOpen = value(v, "eye_open_ratio");
    const auto aspect = value(v, "eye_aspect_ratio");
    const auto mouthWidth = value(v, "mouth_width_ied");
    if (eyeOpen && aspect) {
        const bool broadSmile = mouthWidth.value_or(0.0) >= c.smileWidthIed;
        const double sLids = std::min(logistic(*eyeOpen, broadSmile ? c.smileEyeOpenX0 : c.eyeOpenX0, c.eyeOpenW),
                                      logistic(*aspect, broadSmile ? c.smileEyeAspectX0 : c.eyeAspectX0, c.eyeAspectW));
        const double iris = value(v, "iris_contrast").value_or(-1.0);
        const double s = std::min(std::max(sLids, irisOpenScore(iris, *aspect, c)),
                                  halfClosedScore(*aspect, iris,
                                                  irisReadable(value(v, "eye_sharpness_relative").value_or(-1.0),
                                                               value(v, "eye_jpeg_blockiness").value_or(-1.0),
                                                               value(v, "cheek_luminance").value_or(-1.0)),
                                                  c));
        f.push_back({s,
                     tr("Retake with the eyes open: shoot a short burst, or ask the subject to close the eyes and "
                        "open them just before the shot (lid gap %1 of the eye's width).")
                         .arg(num(*aspect, 2))});
    }
    if (const auto gaze = value(v, "gaze_off"))
        f.push_back({1.0 - logistic(std::abs(*gaze), c.gazeOffX0, c.gazeOffW),
                     tr("Ask the subject to look into the lens: the eyes look to the side.")});
    if (const auto eyeLum = value(v, "eye_cheek_luminance"); eyeLum && *eyeLum >= 0)
        f.push_back({std::max(logistic(*eyeLum, c.eyeLuminanceX0, c.eyeLuminanceW),
                              irisOpenScore(value(v, "iris_contrast").value_or(-1.0),
                                            value(v, "eye_aspect_ratio").value_or(-1.0), c)),
                     tr("Remove the sunglasses or tinted lenses: the eyes are only %1% as bright as the cheeks.")
                         .arg(pct(*eyeLum))});
    if (const auto lip = value(v, "mouth_open_ratio"); lip && *lip >= 0) {
        const double sMouth = 1.0 - logistic(*lip, c.mouthOpenX0, c.mouthOpenW);
        const double sLaugh = laughScore(*lip, value(v, "jaw_gap_t").value_or(-1.0),
                                         value(v, "mouth_cavity_t2").value_or(-1.0), c);
        f.push_back({sMouth,
                     tr("Ask for a closed mouth or a gentle smile: the lips are %1 of the eye-to-chin distance "
                        "apart.")
                         .arg(num(*lip, 2))});
        // A mouth open past the wide-open boundary is advised as such (the measure names it so too).
        if (sMouth >= 0.5)
            f.push_back({sLaugh,
                         tr("Wait for the laugh to settle: ask for a composed smile with the teeth together, "
                            "then take the shot.")});
    }
    return f;
}

// --- Framing ----------------------------------------------------------------------------------------------------

std::vector<Finding> framingFindings(const AttributeVerdict& v)
{
    const FramingMeasureConfig c;
    const auto above = FramingMeasure::above;
    const auto below = FramingMeasure::below;
    std::vector<Finding> f;
    if (const auto second = value(v, "second_face_ratio"); second && *second > 0)
        f.push_back({below(*second, c.secondFaceMin, c.secondFaceWidth),
                     tr("Photograph the subject alone, or crop the other person out (another face %1% the size of the "
                        "main one).")
                         .arg(pct(*second))});
    const auto height = value(v, "face_height_share");
    const auto width = value(v, "face_width_share");
    if (height && width) {
        const double fill = std::min(1.0, std::max(*height, *width)); // landmarks past the edge can exceed 1
        const QString stepBack = tr("Step back or zoom out: the face fills %1% of the frame; leave room for the hair "
                                    "above and the shoulders below.")
                                     .arg(pct(fill));
        f.push_back({below(*height, c.faceHeightMax, c.faceHeightMaxWidth), stepBack});
        f.push_back({below(*height * *width, c.faceAreaMax, c.faceAreaWidth), stepBack});
        f.push_back({below(*width, c.faceWidthMax, c.faceWidthWidth), stepBack});
        f.push_back({above(*height, c.faceHeightMin, c.faceHeightMinWidth),
                     tr("Move closer or zoom in: the face takes only %1% of the image height (about 25-45% is a "
                        "headshot).")
                         .arg(pct(*height))});
    }
    if (const auto outside = value(v, "landmarks_outside"))
        f.push_back(
            {1.0 - logistic(*outside, c.landmarksOutsideMax, c.landmarksOutsideWidth),
             tr("Step back or re-centre: the image edge cuts the face (%1 of 68 face points outside the frame).")
                 .arg(num(*outside, 0))});
    if (const auto offset = value(v, "face_centre_offset"))
        f.push_back({below(std::abs(*offset), c.centreOffsetMax, c.centreOffsetWidth),
                     (*offset < 0 ? tr("Centre the face: it sits %1% of the width left of centre; aim the camera (or "
                                       "crop) further left.")
                                  : tr("Centre the face: it sits %1% of the width right of centre; aim the camera (or "
                                       "crop) further right."))
                         .arg(pct(std::abs(*offset)))});
    if (const auto margin = value(v, "side_margin_ied"))
        f.push_back({above(*margin, c.sideMarginMin, c.sideMarginWidth),
                     tr("Leave more room beside the head: an eye is only %1 eye distances from the side edge; step "
                        "back or re-centre.")
                         .arg(num(*margin, 2))});
    if (const auto aboveEyes = value(v, "above_eyes_t")) {
        const bool cut = value(v, "head_top_share").value_or(0.0) < 0;
        f.push_back({above(*aboveEyes, c.aboveEyesMin, c.aboveEyesWidth),
                     cut ? tr("Tilt the camera up or step back: the top of the head is cut off.")
                         : tr("Leave a little space above the head: tilt the camera up or step back.")});
    }
    if (const auto eyes = value(v, "eye_height_share"))
        f.push_back({below(*eyes, c.eyeHeightMax, c.eyeHeightWidth),
                     tr("Raise the head in the frame: the eyes sit at %1% of the image height, aim for about a third "
                        "from the top; tilt the camera down or crop from the bottom.")
                         .arg(pct(*eyes))});
    if (const auto belowEyes = value(v, "below_eyes_t"))
        f.push_back({above(*belowEyes, c.belowEyesMin, c.belowEyesWidth),
                     tr("Include the shoulders: step back or tilt the camera down (the chin is %1% of the image height "
                        "above the bottom edge).")
                         .arg(pct(value(v, "chin_margin_share").value_or(0.0)))});
    if (const auto roll = value(v, "roll_deg"))
        f.push_back({below(std::abs(*roll), c.rollMax, c.rollWidth),
                     tr("Straighten the head (or the camera): it is tilted %1 degrees sideways.")
                         .arg(num(std::abs(*roll), 0))});
    if (const auto yaw = value(v, "yaw_deg"))
        f.push_back(yawFinding(*yaw, below(std::abs(*yaw), c.yawMax, c.yawWidth)));
    if (const auto pitch = value(v, "pitch_deg"))
        f.push_back(pitchFinding(*pitch, below(std::abs(*pitch), c.pitchMax, c.pitchWidth)));
    return f;
}

// --- Sharpness --------------------------------------------------------------------------------------------------

std::vector<Finding> sharpnessFindings(const AttributeVerdict& v)
{
    const SharpnessConfig c;
    std::vector<Finding> f;
    const auto faceRel = value(v, "face_sharpness_relative");
    const auto eyeRel = value(v, "eye_sharpness_relative");
    const auto anisotropy = value(v, "gradient_anisotropy");
    const double angle = value(v, "motion_direction_degrees").value_or(0.0);
    const QString motion = tr("Use a faster shutter speed (1/125 s or faster, or flash) and steady the camera: motion "
                              "blur at about %1 degrees.")
                               .arg(num(angle, 0));
    const bool directional = anisotropy && *anisotropy >= c.motionAnisotropy;
    if (faceRel) {
        if (anisotropy)
            f.push_back({std::max(logistic(-*anisotropy, -c.motionAnisotropy, c.motionAnisotropyWidth),
                                  logistic(logOf(*faceRel), std::log(c.motionCrispEnough), c.motionCrispWidth)),
                         motion});
        f.push_back({logistic(logOf(*faceRel), std::log(c.minFaceSharpness), c.sharpnessLogWidth),
                     directional
                         ? motion
                         : tr("Refocus on the eyes: the face has only %1 of the detail of a crisp face; check the "
                              "focus point, stop down for more depth of field and hold the camera steady.")
                               .arg(num(*faceRel, 2))});
    }
    if (eyeRel)
        f.push_back({logistic(logOf(*eyeRel), std::log(c.minEyeSharpness), c.sharpnessLogWidth),
                     directional ? motion
                                 : tr("Focus on the nearer eye: the eye region has only %1 of the sharpness of a crisp "
                                      "face.")
                                       .arg(num(*eyeRel, 2))});
    if (const auto blocks = value(v, "jpeg_blockiness"))
        f.push_back({logistic(-*blocks, -c.maxBlockiness, c.blockinessWidth),
                     tr("Use the original file or save at a higher JPEG quality (90 or more): compression blocks are "
                        "%1x stronger than the detail.")
                         .arg(num(*blocks))});
    if (const auto ied = value(v, "inter_eye_distance_original"))
        f.push_back({logistic(*ied, c.minIedPixels, c.iedWidthPixels),
                     tr("Move closer or use a higher-resolution original: only %1 pixels between the eyes (at least %2 "
                        "needed).")
                         .arg(num(*ied, 0), num(c.minIedPixels, 0))});
    return f;
}

} // namespace

QString genericFix(Attribute attribute)
{
    switch (attribute) {
    case Attribute::Lighting:
        return tr("Light the face evenly from the front: a soft key light near the camera, fill on the shadow side, "
                  "neutral white balance and correct exposure.");
    case Attribute::Background:
        return tr("Use a plain, uncluttered backdrop, or blur the background with a wider aperture and more distance.");
    case Attribute::Attire:
        return tr("Wear business attire (a collared shirt, blouse or jacket) and keep the shoulders in frame.");
    case Attribute::Expression:
        return tr("Retake with the eyes open, looking into the camera, with a relaxed closed-mouth or gentle smile.");
    case Attribute::Framing:
        return tr("Reframe as head and shoulders: face centred, eyes about a third from the top, a little space above "
                  "the head.");
    case Attribute::Sharpness:
        return tr("Retake in focus: focus on the eyes, use a faster shutter speed and hold the camera steady.");
    }
    return {};
}

QString howToFix(Attribute attribute, const AttributeVerdict& verdict)
{
    if (!verdict.judged)
        return {};
    std::vector<Finding> findings;
    switch (attribute) {
    case Attribute::Lighting:
        findings = lightingFindings(verdict);
        break;
    case Attribute::Background:
        findings = backgroundFindings(verdict);
        break;
    case Attribute::Attire:
        findings = attireFindings(verdict);
        break;
    case Attribute::Expression:
        findings = expressionFindings(verdict);
        break;
    case Attribute::Framing:
        findings = framingFindings(verdict);
        break;
    case Attribute::Sharpness:
        findings = sharpnessFindings(verdict);
        break;
    }
    const std::vector<Finding> worst = defects(std::move(findings), verdict);
    if (worst.empty())
        return genericFix(attribute);
    // Framing often has two defects at once (too close and off centre); name a second, different action.
    QStringList lines{worst.front().advice};
    if (attribute == Attribute::Framing) {
        for (const Finding& f : worst)
            if (!lines.contains(f.advice) && f.score < 0.5) {
                lines << f.advice;
                break;
            }
    }
    return lines.join(QLatin1Char(' '));
}

} // namespace hqa::core
