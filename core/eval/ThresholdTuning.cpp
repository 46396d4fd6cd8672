#include "core/eval/ThresholdTuning.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace hqa::core {

std::array<double, kAttributeCount> tuneThresholds(const std::vector<std::array<float, kAttributeCount>>& probs,
                                                   const std::vector<Label>& truth)
{
    std::array<double, kAttributeCount> out;
    out.fill(0.5);
    for (int a = 0; a < kAttributeCount; ++a) {
        std::vector<std::pair<float, int>> s;
        int pos = 0;
        for (size_t i = 0; i < probs.size() && i < truth.size(); ++i)
            if (truth[i][size_t(a)] >= 0) {
                s.emplace_back(probs[i][size_t(a)], truth[i][size_t(a)]);
                pos += truth[i][size_t(a)];
            }
        const int neg = int(s.size()) - pos;
        if (pos == 0 || neg == 0)
            continue;
        std::sort(s.begin(), s.end());
        // Threshold below s[k]: everything from k on is predicted pass.
        int failsBelow = 0, passesBelow = 0;
        double best = -1;
        for (size_t k = 0; k <= s.size(); ++k) {
            if (k == 0 || k == s.size() || s[k].first != s[k - 1].first) {
                const double bal = 0.5 * (double(pos - passesBelow) / pos + double(failsBelow) / neg);
                const double thr = k == 0 ? s[0].first * 0.5
                    : k == s.size()       ? (s.back().first + 1.0) * 0.5
                                          : 0.5 * (s[k - 1].first + s[k].first);
                if (bal > best + 1e-12
                    || (std::abs(bal - best) <= 1e-12 && std::abs(thr - 0.5) < std::abs(out[size_t(a)] - 0.5))) {
                    best = bal;
                    out[size_t(a)] = thr;
                }
            }
            if (k < s.size())
                (s[k].second ? passesBelow : failsBelow) += 1;
        }
    }
    return out;
}

} // namespace hqa::core
