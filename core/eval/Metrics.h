#pragma once
// The card's metrics (ATTRIBUTES.md): Hamming accuracy, exact match, macro F1 of the pass class, plus per
// attribute precision/recall/F1 of both classes, balanced accuracy and confusion counts.

#include "core/eval/LabelFile.h"

#include <array>
#include <vector>

namespace hqa::core {

/// Confusion counts with "pass" as the positive class.
struct Confusion {
    int truePass = 0; ///< truth pass, predicted pass
    int falseFail = 0; ///< truth pass, predicted fail
    int trueFail = 0; ///< truth fail, predicted fail
    int falsePass = 0; ///< truth fail, predicted pass
    int scored() const { return truePass + falseFail + trueFail + falsePass; }
};

struct ClassScores {
    double precision = 0, recall = 0, f1 = 0; ///< NaN when undefined (no predicted / no true members)
};

struct AttributeMetrics {
    Confusion confusion;
    int unjudged = 0; ///< scored truth but the engine gave no verdict (counted as predicted fail)
    double accuracy = 0; ///< NaN when nothing was scored
    ClassScores passClass;
    ClassScores failClass;
    double balancedAccuracy = 0; ///< mean of pass recall and fail recall (NaN when a class is absent)
};

struct Metrics {
    int images = 0;
    int scoredVerdicts = 0;
    int correctVerdicts = 0;
    double hammingAccuracy = 0; ///< correct / scored attribute verdicts
    int exactMatches = 0;
    double exactMatch = 0; ///< share of images whose scored verdicts are all correct
    int imagesWithUnknowns = 0; ///< images whose truth had at least one '-'
    double macroF1 = 0; ///< mean over attributes of the pass-class F1 (attributes where it is defined)
    std::array<AttributeMetrics, kAttributeCount> attributes;
};

/// truth[i] and predicted[i] describe the same image. A '-' in truth is not scored; a '-' in a prediction
/// where the truth is scored (the engine could not judge, e.g. no face) counts as a predicted fail, since a
/// reviewer has to look at it anyway.
Metrics computeMetrics(const std::vector<Label>& truth, const std::vector<Label>& predicted);

} // namespace hqa::core
