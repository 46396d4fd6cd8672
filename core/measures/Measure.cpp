#include "Measure.h"

#include <cmath>

namespace hqa::core {

std::vector<std::unique_ptr<Measure>> makeAllMeasures()
{
    std::vector<std::unique_ptr<Measure>> all;
    all.push_back(makeLightingMeasure());
    all.push_back(makeBackgroundMeasure());
    all.push_back(makeAttireMeasure());
    all.push_back(makeExpressionMeasure());
    all.push_back(makeFramingMeasure());
    all.push_back(makeSharpnessMeasure());
    return all;
}

double logistic(double x, double x0, double w) { return 1.0 / (1.0 + std::exp(-(x - x0) / w)); }

} // namespace hqa::core
