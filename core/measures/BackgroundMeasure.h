#pragma once
// Background of the photo: everything outside the (slightly dilated) person mask, looked at on a working copy
// of fixed size so the figures do not depend on the resolution. A plain wall, seamless paper, a gradient or a
// soft bokeh passes; clutter, text, patterns, strong coloured objects and other people fail.

#include "core/measures/Measure.h"

namespace hqa::core {

/// Where the background sub-scores cross 0.5, chosen on the tuning people of the diverse set (tests/data/README.md).
/// A mottled studio backdrop and the draped flag of an official portrait have soft texture with few hard edges:
/// local contrast alone (5-9% on such portraits) does not tell them from clutter, so it fails only when extreme;
/// hard edges, other people's skin and faces, and many colours decide.
struct BackgroundConfig {
    int workingLongSide = 480;         ///< the image is shrunk to this longer side before measuring
    double maxRelativeGradient = 12.0; ///< mean Scharr gradient per working pixel, % of (mean grey + 30)
    double maxEdgeDensity = 0.04;      ///< share of background pixels on a Canny edge
    double maxSaturatedShare = 0.3;    ///< share covered by saturated colours unlike the backdrop
    double maxColourClusters = 10.5;   ///< number of distinct colour clusters
    double maxSkinShare = 0.12;        ///< share of skin-coloured background pixels (other people, arms, hands)
    double skinBackdropDistance = 14.0; ///< CIELAB distance (8-bit units, L halved) from the backdrop's median colour
    double minBackgroundShare = 0.04;  ///< below this share of the frame there is nothing to judge
};

/// The background measure. Thread-safe: evaluate() only reads its inputs.
class BackgroundMeasure final : public Measure {
public:
    explicit BackgroundMeasure(BackgroundConfig config = {}) : m_config(config) {}
    Attribute attribute() const override { return Attribute::Background; }
    MeasureResult evaluate(const FaceEvidence& ev) const override;

private:
    BackgroundConfig m_config;
};

} // namespace hqa::core
