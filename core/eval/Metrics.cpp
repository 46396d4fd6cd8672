#include "Metrics.h"

#include <cmath>
#include <limits>

namespace hqa::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(int num, int den) { return den > 0 ? double(num) / den : kNaN; }

ClassScores scores(int tp, int fp, int fn)
{
    ClassScores s;
    s.precision = ratio(tp, tp + fp);
    s.recall = ratio(tp, tp + fn);
    // F1 = 2TP / (2TP + FP + FN): defined whenever the class occurs in truth or prediction.
    s.f1 = ratio(2 * tp, 2 * tp + fp + fn);
    return s;
}

} // namespace

Metrics computeMetrics(const std::vector<Label>& truth, const std::vector<Label>& predicted)
{
    Metrics m;
    const size_t n = std::min(truth.size(), predicted.size());
    m.images = static_cast<int>(n);
    for (size_t i = 0; i < n; ++i) {
        bool allCorrect = true;
        bool hasUnknown = false;
        for (int a = 0; a < kAttributeCount; ++a) {
            const int t = truth[i][a];
            if (t < 0) {
                hasUnknown = true;
                continue;
            }
            int p = predicted[i][a];
            AttributeMetrics& am = m.attributes[a];
            if (p < 0) {
                ++am.unjudged;
                p = 0;
            }
            Confusion& c = am.confusion;
            if (t == 1 && p == 1)
                ++c.truePass;
            else if (t == 1 && p == 0)
                ++c.falseFail;
            else if (t == 0 && p == 0)
                ++c.trueFail;
            else
                ++c.falsePass;
            ++m.scoredVerdicts;
            if (t == p)
                ++m.correctVerdicts;
            else
                allCorrect = false;
        }
        m.imagesWithUnknowns += hasUnknown ? 1 : 0;
        m.exactMatches += allCorrect ? 1 : 0;
    }
    m.hammingAccuracy = ratio(m.correctVerdicts, m.scoredVerdicts);
    m.exactMatch = ratio(m.exactMatches, m.images);
    double f1Sum = 0;
    int f1Count = 0;
    for (auto& am : m.attributes) {
        const Confusion& c = am.confusion;
        am.accuracy = ratio(c.truePass + c.trueFail, c.scored());
        am.passClass = scores(c.truePass, c.falsePass, c.falseFail);
        am.failClass = scores(c.trueFail, c.falseFail, c.falsePass);
        const double rPass = am.passClass.recall, rFail = am.failClass.recall;
        am.balancedAccuracy = (std::isnan(rPass) || std::isnan(rFail)) ? kNaN : (rPass + rFail) / 2;
        if (!std::isnan(am.passClass.f1)) {
            f1Sum += am.passClass.f1;
            ++f1Count;
        }
    }
    m.macroF1 = f1Count ? f1Sum / f1Count : kNaN;
    return m;
}

} // namespace hqa::core
