#pragma once
// Fits a LinearProbe (core/measures/LinearProbe.h): class-balanced logistic regression on standardised features
// with an L2 penalty, solved by Newton's method; and grouped cross-validation for choosing its penalty honestly
// (folds by person, so look-alike variants of one photo never sit on both sides).

#include "core/measures/LinearProbe.h"

#include <QString>

#include <vector>

namespace hqa::core {

struct LogisticFitOptions {
    double lambda = 0.1; ///< L2 penalty on the weights of the standardised features (the bias is free)
    int maxIterations = 100;
};

/// Rows of equal length, labels 0 or 1 (both present). Each class weighs half of the loss. The probe's mean and
/// scale are the rows' mean and standard deviation (plus 1e-6).
LinearProbe fitLogistic(const std::vector<std::vector<double>>& rows, const std::vector<int>& labels,
                        const LogisticFitOptions& options = {});

/// Out-of-fold probabilities: the rows are split into `folds` parts by group (whole groups, in an order shuffled
/// with a fixed seed), and each part is predicted by a probe fitted on the others. NaN for a row whose training
/// part lacks a class.
std::vector<double> crossValidatedProbabilities(const std::vector<std::vector<double>>& rows,
                                                const std::vector<int>& labels, const std::vector<QString>& groups,
                                                int folds, const LogisticFitOptions& options = {});

} // namespace hqa::core
