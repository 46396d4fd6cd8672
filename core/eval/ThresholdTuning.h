#pragma once
// Choosing each attribute's pass threshold from scored, labelled photos: the network's training and the fusion
// of engines both tune their thresholds this way.
#include "core/eval/LabelFile.h" // Label

#include <array>
#include <vector>

namespace hqa::core {

/// Per attribute, the threshold on P(pass) maximising balanced accuracy over the known labels (midpoints
/// between sorted scores; ties go to the threshold nearest 0.5; 0.5 when one class is missing).
std::array<double, kAttributeCount> tuneThresholds(const std::vector<std::array<float, kAttributeCount>>& probs,
                                                   const std::vector<Label>& truth);

} // namespace hqa::core
