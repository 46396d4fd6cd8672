#pragma once
// A logistic read-out of a feature vector: p = 1 / (1 + exp(-(bias + sum_i weight_i (x_i - mean_i) / scale_i))).
// Fitted by core/eval/LogisticFit (headshot-qa fit-background) and shipped as constants for the background
// measure's scene probe.

#include <cmath>
#include <span>
#include <vector>

namespace hqa::core {

struct LinearProbe {
    std::vector<double> mean, scale, weight; ///< one per feature; scale > 0
    double bias = 0;

    /// True when the probe reads vectors of `length` values.
    bool fits(size_t length) const
    {
        return length > 0 && mean.size() == length && scale.size() == length && weight.size() == length;
    }
    /// The logit; the caller checks fits(x.size()).
    double logit(std::span<const double> x) const
    {
        double z = bias;
        for (size_t i = 0; i < x.size(); ++i)
            z += weight[i] * (x[i] - mean[i]) / scale[i];
        return z;
    }
    double probability(std::span<const double> x) const { return 1.0 / (1.0 + std::exp(-logit(x))); }
};

} // namespace hqa::core
