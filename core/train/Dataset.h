#pragma once
// Datasets for learning: a labels.csv (ATTRIBUTES.md) with an optional `group` column; images derived from one
// source photo share a group, and a split must never put one group on both sides, or validation figures
// measure memory of the source photo instead of judgement.

#include "core/eval/LabelFile.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace hqa::core {

/// Deterministic group-aware split of items named by their group keys (an empty key is a group of its own):
/// every group lands wholly on one side; the validation side gets about `valFraction` of the items, as
/// closely as whole groups allow; the same keys and seed give the same split in any order of the items.
/// Returns sorted indices (train, validation). With a single group everything goes to train.
std::pair<std::vector<int>, std::vector<int>> splitByGroupKeys(const std::vector<QString>& groupKeys,
                                                               double valFraction, std::uint64_t seed);

/// Grouped k-fold: the fold (0..folds-1) of every item, each group wholly in one fold. Groups are taken in
/// the seeded order of their keys and each goes to the fold holding the fewest items so far, so folds are
/// about equal in items, and the same keys and seed give the same folds in any order of the items. An empty
/// key is a group of its own. With fewer groups than folds, some folds stay empty.
std::vector<int> foldsByGroupKeys(const std::vector<QString>& groupKeys, int folds, std::uint64_t seed);

/// The same over label rows: rows without a group are their own group (keyed by file).
std::pair<std::vector<int>, std::vector<int>> splitRowsByGroup(const std::vector<LabelRow>& rows, double valFraction,
                                                               std::uint64_t seed);

} // namespace hqa::core
