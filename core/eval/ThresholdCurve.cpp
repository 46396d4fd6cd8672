#include "ThresholdCurve.h"

#include <cmath>
#include <limits>

namespace hqa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(int num, int den) { return den > 0 ? double(num) / double(den) : kNaN; }

double f1(int tp, int fp, int fn)
{
    const int den = 2 * tp + fp + fn;
    return den > 0 ? 2.0 * tp / den : kNaN;
}

} // namespace

ThresholdCurve computeThresholdCurve(Attribute attribute, const std::vector<double>& scores,
                                     const std::vector<int>& truth, double currentThreshold, int steps)
{
    ThresholdCurve curve;
    curve.attribute = attribute;
    curve.currentThreshold = currentThreshold;
    curve.bestThreshold = currentThreshold;
    steps = std::max(steps, 2);

    std::vector<std::pair<double, bool>> known;
    for (size_t i = 0; i < scores.size() && i < truth.size(); ++i)
        if (truth[i] >= 0 && std::isfinite(scores[i]))
            known.emplace_back(scores[i], truth[i] == 1);
    curve.scored = int(known.size());

    double bestBalanced = -1;
    curve.points.reserve(size_t(steps));
    for (int s = 0; s < steps; ++s) {
        ThresholdPoint p;
        p.threshold = double(s) / double(steps - 1);
        for (const auto& [score, pass] : known) {
            const bool predictedPass = score >= p.threshold;
            if (pass)
                (predictedPass ? p.truePass : p.falseFail)++;
            else
                (predictedPass ? p.falsePass : p.trueFail)++;
        }
        const int passes = p.truePass + p.falseFail;
        const int fails = p.trueFail + p.falsePass;
        p.accuracy = ratio(p.truePass + p.trueFail, passes + fails);
        p.balancedAccuracy = (passes > 0 && fails > 0) ? 0.5 * (ratio(p.truePass, passes) + ratio(p.trueFail, fails))
                                                       : kNaN;
        p.passF1 = f1(p.truePass, p.falsePass, p.falseFail);
        p.failF1 = f1(p.trueFail, p.falseFail, p.falsePass);
        // Ties go to the threshold closest to the current one: moving a threshold needs a reason.
        if (std::isfinite(p.balancedAccuracy)
            && (p.balancedAccuracy > bestBalanced + 1e-12
                || (std::abs(p.balancedAccuracy - bestBalanced) <= 1e-12
                    && std::abs(p.threshold - currentThreshold) < std::abs(curve.bestThreshold - currentThreshold)))) {
            bestBalanced = p.balancedAccuracy;
            curve.bestThreshold = p.threshold;
        }
        curve.points.push_back(p);
    }
    return curve;
}

} // namespace hqa::core
