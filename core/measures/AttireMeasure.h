#pragma once
// Attire: whether business attire is visible. No public measure exists, so this one reads what a
// photographer would check first: is there any torso in the frame, is it covered (skin on the shoulders,
// how deep the skin reaches below the chin), and does the garment look like business wear (muted,
// fairly uniform colour) rather than party, beach or costume wear. Collar/lapel edges around the neck are
// recorded as evidence. Expect it to be the least accurate of the six measures.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Pass boundaries of the attire rules; lengths in T (eye midpoint to chin) so they hold at any size.
struct AttireMeasureConfig {
    /// (H - chin y) / T. The design note suggests about 0.8 T of torso; the labelled set counts a tight crop
    /// that still shows the collar and neckline (0.31-0.36 T, a collared shirt) as attire visible, while
    /// close-ups that end at the chin measure below 0.2 T. 0.3 T is where the collar is in frame.
    double torsoBelowChinMin = 0.3, torsoBelowChinW = 0.04;
    double shoulderSkinMax = 0.45;    ///< skin share of the person pixels on the shoulders
    double necklineDepthMax = 0.95;   ///< skin reaching this far below the chin (in T) reads as bare chest
    /// Median CIELAB chroma of the garment (8-bit Lab units). High on purpose: uniforms (an orange flight
    /// suit measures 39-47) and coloured blouses are professional; only vivid, neon-like colour fails.
    double garmentChromaMax = 55.0;
    /// Colour spread sqrt(var a* + var b*) of the garment. Suit, shirt and tie stay near 2-5; a uniform
    /// with patches and straps reaches 20-28; prints and costumes mixing several vivid colours go beyond.
    double garmentSpreadMax = 30.0;
};

/// Judges whether professional attire is visible, from the person and skin masks below the chin.
class AttireMeasure final : public Measure {
public:
    explicit AttireMeasure(AttireMeasureConfig config = {}) : m_config(config) {}
    Attribute attribute() const override { return Attribute::Attire; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    AttireMeasureConfig m_config;
};

} // namespace hqa::core
