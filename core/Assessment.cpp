#include "Assessment.h"

namespace hqa::core {

std::optional<double> AttributeVerdict::evidenceValue(std::string_view name) const
{
    for (const auto& e : evidence)
        if (e.name == name)
            return e.value;
    return std::nullopt;
}

std::string Assessment::label() const
{
    std::string s(kAttributeCount, '-');
    for (int i = 0; i < kAttributeCount; ++i)
        if (verdicts[i].judged)
            s[i] = verdicts[i].pass ? '1' : '0';
    return s;
}

int Assessment::failingCount() const
{
    int n = 0;
    for (const auto& v : verdicts)
        n += (v.judged && !v.pass) ? 1 : 0;
    return n;
}

} // namespace hqa::core
