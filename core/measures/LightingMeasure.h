#pragma once
// Lighting of the dominant face: exposure, blown highlights, dynamic range, side light (how the light falls
// across the face, LightingProfile.h) and colour cast; the eye-socket darkness (hard top light) is reported as
// evidence. OFIQ-style raw values, mapped to a 0..1 score by the worst sub-score.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Where the lighting sub-scores cross 0.5. Each figure is a physical quantity a photographer can check
/// (a luminance ratio, a share of clipped pixels, a CIELAB distance), not a tuned abstract number.
struct LightingConfig {
    double darkMeanLuminance = 0.035; ///< mean linear face luminance below this reads as under-exposed
    double brightMeanLuminance = 0.70; ///< ... above this as over-exposed
    double darkShare = 0.30; ///< share of face pixels at sRGB 0..25
    double brightShare = 0.12; ///< share of face pixels at sRGB 247..255
    /// Face luma histogram entropy over 64 bins of 4 sRGB levels (flat, washed-out faces). Coarse bins so that
    /// a heavily compressed JPEG, whose blocks leave gaps between levels, is not read as flat light.
    double minEntropyBits = 2.3;
    /// Without landmarks only: brighter cheek / darker cheek and brighter / darker face half, linear light.
    double cheekRatio = 2.9;
    double halfFaceRatio = 3.5;
    /// With landmarks: the robust half ratio (medians of mirrored skin, LightingProfile.h). Official portraits
    /// lit with a deliberate key light reach 4.3:1 (short lighting on a turned head); beyond 6:1 (2.6 stops) the
    /// shadow side has lost its fill, whatever its shape.
    double sideRatio = 6.0;
    /// sideRatio x falloffAsymmetry^2. A fill-lit shadow side is a plateau (asymmetry about 1, so key-lit
    /// portraits stay under 7); a face whose dark half keeps darkening toward its edge sits in a light gradient
    /// (light far off to one side, the face at the edge of its beam): asymmetry 2-3, index 15 and more.
    double sideGradientIndex = 10.0;
    /// The side ratio that holds in all three bands from forehead to chin: a key light from 30-45 degrees lights
    /// the forehead across (key-lit portraits stay under 2.8), a split light leaves the whole half in shadow.
    double splitRatio = 3.4;
    /// sqrt(eye-white clipped share x skin clipped share). The eye whites are a near-white reference on every
    /// face, so blown highlights are found on dark skin too, where mean luminance still looks normal after
    /// +2 EV; requiring the skin as well keeps glare on glasses from counting. Good portraits stay under 0.07.
    double blownHighlightIndex = 0.15;
    /// Median linear B / (R + G + B) of the skin. Melanin and blood absorb blue, but no skin tone reflects under
    /// about 9% of its light as blue under neutral light (darkest skins in the set: 0.09); tungsten light without
    /// white balance or an orange filter pushes it to 4-7%, which the CIELAB box misses on dark and warm skin.
    double minSkinBlueShare = 0.075;
    double skinBoxDistance = 9.0; ///< CIELAB a*b* distance outside the natural-skin box (warm side x0.75)

    // How sharply each score falls around its boundary (logistic widths), narrow enough that a clear defect
    // scores well below 0.5. "Log" widths are in natural-log units of the figure.
    double darkMeanLogWidth = 0.25; ///< mean face luminance, under-exposure (log units: stops matter, not levels)
    double brightMeanWidth = 0.04; ///< mean face luminance, over-exposure (linear)
    double darkShareWidth = 0.05; ///< share of near-black face pixels
    double brightShareWidth = 0.025; ///< share of blown face pixels
    double entropyWidthBits = 0.25; ///< tonal entropy, bits
    double skinBoxWidth = 2.0; ///< CIELAB distance outside the natural-skin box
    double blownHighlightWidth = 0.02; ///< blown-highlight index
    double sideRatioLogWidth = 0.1; ///< robust half ratio (light profile)
    double sideGradientLogWidth = 0.12; ///< side-gradient index (light profile)
    double splitRatioLogWidth = 0.06; ///< split ratio (light profile)
    double skinBlueLogWidth = 0.05; ///< skin blue share (warm cast)
    double cheekRatioLogWidth = 0.12; ///< cheek ratio, without landmarks
    double halfFaceRatioLogWidth = 0.1; ///< plain half-face ratio, without landmarks
};

/// Largest ratio a reason quotes as a figure; beyond it the reason says "over 20x" (a black half would read
/// "2714.1x", which tells a reviewer nothing more).
inline constexpr double kReadableRatioCap = 20.0;

/// The lighting measure. Thread-safe: evaluate() only reads its inputs.
class LightingMeasure final : public Measure {
public:
    explicit LightingMeasure(LightingConfig config = {})
        : m_config(config)
    { }
    Attribute attribute() const override { return Attribute::Lighting; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    LightingConfig m_config;
};

} // namespace hqa::core
