#pragma once
// How each attribute's figures change with its pass threshold: drawn by `evaluate --report` and the metrics
// dashboard, and used to tune per-attribute thresholds on a validation split.

#include "core/Attribute.h"

#include <vector>

namespace hqa::core {

/// Figures at one threshold (score >= threshold passes), pass as the positive class.
struct ThresholdPoint {
    double threshold = 0.5;
    double accuracy = 0; ///< NaN when nothing is scored
    double balancedAccuracy = 0; ///< NaN when a class is absent from the truth
    double passF1 = 0; ///< NaN when undefined
    double failF1 = 0;
    int truePass = 0, falseFail = 0, trueFail = 0, falsePass = 0;
};

struct ThresholdCurve {
    Attribute attribute = Attribute::Lighting;
    std::vector<ThresholdPoint> points; ///< ascending thresholds
    double currentThreshold = 0.5; ///< the threshold the engine used
    double bestThreshold = 0.5; ///< highest balanced accuracy (ties: closest to current)
    int scored = 0; ///< samples with a known truth and a score
};

/// scores[i] is the engine's score (0..1) and truth[i] the label (1 pass, 0 fail, -1 unknown: skipped) of the
/// same image. `steps` thresholds are spread evenly over [0, 1].
ThresholdCurve computeThresholdCurve(Attribute attribute, const std::vector<double>& scores,
                                     const std::vector<int>& truth, double currentThreshold, int steps = 101);

} // namespace hqa::core
