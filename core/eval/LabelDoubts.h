#pragma once
// Label verification: which labels of a labelled set a person should re-check first.
//
// An engine's confident disagreement alone ranks its own systematic mistakes (a tint it misreads, a backdrop it
// calls busy) as high as real labelling slips. The labels of the most similar photos tell them apart: a slip stands
// alone against photos that look the same to the engine and carry the other label, while an engine's mistake is
// shared by its look-alikes, which are labelled like it. The suspicion of a label is the mean of the two.

#include "core/Attribute.h"
#include "core/eval/LabelFile.h" // Label

#include <vector>

namespace hqa::core {

struct Assessment;
struct AttributeVerdict;

struct LabelDoubtOptions {
    /// How many most similar labelled photos are compared with each doubted label (0: the engine's confidence
    /// alone ranks).
    int neighbours = 5;
};

/// One label the engine disagrees with.
struct LabelDoubt {
    int photo = 0; ///< index into the inputs
    Attribute attribute = Attribute::Lighting;
    int label = 0; ///< as labelled: 1 pass, 0 fail
    double confidence = 0; ///< how far the engine's score lies on the other side of its threshold, 0..1
    int similar = 0; ///< most similar labelled photos compared (0 when there were too few)
    int similarAgainst = 0; ///< of those, how many carry the other label
    double suspicion = 0; ///< ranking key, 0..1: mean of confidence and similarAgainst / similar (0.5 if none)
};

/// How far a judged verdict's score lies beyond its threshold, relative to the room on that side (a 0.99 and a
/// 0.01 against a 0.5 threshold are equally sure), 0..1.
double verdictConfidence(const AttributeVerdict& verdict);

/// Every known label that a judged verdict disagrees with, most suspicious first (ties: the more confident engine
/// first, then input order). `labels[i]` belongs to `assessments[i]`; photos that could not be assessed are left
/// out. Similarity is the distance between two photos' evidence for the attribute, each value scaled by its spread
/// (median absolute deviation) over the labelled photos; an attribute without evidence (a network's verdict) is
/// ranked by the engine's confidence alone.
std::vector<LabelDoubt> rankLabelDoubts(const std::vector<Label>& labels, const std::vector<Assessment>& assessments,
                                        const LabelDoubtOptions& options = {});

} // namespace hqa::core
