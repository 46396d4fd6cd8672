#pragma once
// Background of the photo: everything outside the (slightly dilated) person mask, looked at on a working copy
// of fixed size so the figures do not depend on the resolution. A plain wall, seamless paper, a gradient or a
// soft bokeh passes; clutter, text, patterns, strong coloured objects and other people fail.

#include "core/measures/LinearProbe.h"
#include "core/measures/Measure.h"

#include <optional>
#include <vector>

namespace hqa::core {

/// Where the background sub-scores cross 0.5, chosen on the tuning people of the diverse set (tests/data/README.md).
/// A striped flag behind an official portrait counts as clean (decision in tests/data/README.md), but its stripes
/// and stars are the hardest edges in such a photo: the flag is found first (red and light stripes that run in
/// one direction, and the dark-blue field with light stars beside them) and the texture figures (edges, local
/// contrast, straight lines, colour areas) are taken on the rest of the background, where a plain, mottled or
/// blurred backdrop is quiet and columns, windows, shelves, crowds and print are not.
struct BackgroundConfig {
    int workingLongSide = 480; ///< the image is shrunk to this longer side before measuring
    double maxRelativeGradient = 12.0; ///< mean Scharr gradient per working pixel, % of (local mean grey + 30);
        ///< flag-free portrait backdrops reach 9.3, party rooms 9-14
    double maxEdgeDensity = 0.035; ///< share of the flag-free background on a Canny edge (backdrops up to
        ///< 0.027 bar over-exposure, clutter 0.04-0.08)
    double maxSaturatedShare = 0.3; ///< share covered by saturated colours unlike the backdrop
    double maxColourClusters = 9.5; ///< distinct colour clusters of the flag-free background (backdrops <= 8)
    double maxStraightEdges = 0.9; ///< long straight edges, in working-image widths: man-made structure
        ///< (columns 1.6-2.6 behind official portraits; soft backdrops <= 0.8)
    double maxSkinShare = 0.12; ///< share of skin-coloured background pixels (other people, arms, hands)
    double skinBackdropDistance = 14.0; ///< CIELAB distance (8-bit units, L halved) from the backdrop's median colour
    double minBackgroundShare = 0.04; ///< below this share of the frame there is nothing to judge
    /// Below this share of the frame left after removing a flag, the texture figures are not taken (the
    /// background is the flag).
    double minTextureShare = 0.02;
    // Flag finding (8-bit CIELAB units: L 0..255, a* and b* offset by 128).
    double flagWindow = 0.06; ///< side of the neighbourhood, share of the working width (a few stripes)
    double flagRedChroma = 32.0; ///< red stripe: chroma above this, a* above flagRedA, hue -30..42 degrees
    double flagRedA = 30.0; ///< (skin stays below: a* about 20, hue 45-55 degrees)
    double flagLightStep = 25.0; ///< light stripe or star: this much lighter than its neighbourhood and
    double flagLightChroma = 30.0; ///< greyer than this chroma
    double flagNavyB = -6.0; ///< dark blue: b* below this, a* below 20, L below flagNavyL
    double flagNavyL = 110.0;
    double flagMinRed = 0.12; ///< stripes: at least this share of red and
    double flagMinLight = 0.08; ///< of light pixels in the neighbourhood,
    double flagMinCoherence = 0.5; ///< running in one direction (structure-tensor coherence), not print or logos
    double flagMinNavy = 0.3; ///< star field: at least this share of dark blue and
    double flagMinStars = 0.03; ///< of light pixels,
    double flagCantonReach = 0.25; ///< within this share of the working width of the stripes

    // How sharply each score falls around its boundary (logistic widths), and the fixed scores.
    double skinShareWidth = 0.015;
    double edgeDensityWidth = 0.006;
    double relativeGradientWidth = 1.0;
    double saturatedShareWidth = 0.04;
    double colourClustersWidth = 0.7;
    double straightEdgesWidth = 0.1;
    double otherFaceScore = 0.1; ///< another face behind the subject fails outright
    double tightCropScore = 0.8; ///< too little background to judge: a pass, not a confident one

    /// The scene probe: the background scene network's features (FaceEvidence::sceneFeatures) averaged over the
    /// grid cells that are at least sceneCellShare background (flag set aside; at least 2 cells, else cells half
    /// background), read by a logistic probe fitted on the tuning people (`headshot-qa fit-background`). It sees
    /// what no hand measure tried did: a soft dome, a blurred crowd or street, a room in shadow. Its probability
    /// of a clean background is a sub-score like the others. False: hand measures only.
    bool useSceneProbe = true;
    double sceneCellShare = 0.6;
};

/// The probe shipped with the background measure (BackgroundSceneProbe.cpp, written by `headshot-qa
/// fit-background`), for the 88 features of the backbone cut that scripts/fetch-models converts.
const LinearProbe& backgroundSceneProbe();

/// The scene features averaged over the background as the measure pools them; nullopt without a face, without
/// scene features (FaceEvidence::sceneNote says why) or without background cells. For fitting the probe.
std::optional<std::vector<double>> backgroundSceneFeatures(const FaceEvidence& ev, const BackgroundConfig& config = {});

/// The background measure. Thread-safe: evaluate() only reads its inputs.
class BackgroundMeasure final : public Measure {
public:
    explicit BackgroundMeasure(BackgroundConfig config = {}, const LinearProbe& sceneProbe = backgroundSceneProbe())
        : m_config(config)
        , m_sceneProbe(sceneProbe)
    { }
    Attribute attribute() const override { return Attribute::Background; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    BackgroundConfig m_config;
    LinearProbe m_sceneProbe;
};

} // namespace hqa::core
