#pragma once
// One small uniform interface per attribute measure. A measure turns shared evidence into raw values, maps
// them to a 0..1 score (0.5 = at the pass boundary under default settings), and writes both reasons so that
// the verdict can be re-thresholded without measuring again.

#include "core/Assessment.h"
#include "core/face/FaceEvidence.h"

#include <QString>

#include <memory>
#include <vector>

namespace hqa::core {

struct MeasureResult {
    double score = 0.0; ///< 0..1, higher = better
    std::vector<EvidenceValue> evidence; ///< raw measured values, stable names (features for learning)
    QString passReason; ///< sentence used when the verdict is pass
    QString failReason; ///< sentence used when the verdict is fail (names the worst defect)
};

class Measure {
public:
    virtual ~Measure() = default;
    virtual Attribute attribute() const = 0;
    /// Requires ev.hasFace(). Must be thread-safe (const, no shared mutable state).
    virtual MeasureResult evaluate(const FaceEvidence& ev) const = 0;
};

std::unique_ptr<Measure> makeLightingMeasure(); // LightingMeasure.cpp
std::unique_ptr<Measure> makeBackgroundMeasure(); // BackgroundMeasure.cpp
std::unique_ptr<Measure> makeAttireMeasure(); // AttireMeasure.cpp
std::unique_ptr<Measure> makeExpressionMeasure(); // ExpressionMeasure.cpp
std::unique_ptr<Measure> makeFramingMeasure(); // FramingMeasure.cpp
std::unique_ptr<Measure> makeSharpnessMeasure(); // SharpnessMeasure.cpp

/// The six measures in attribute order.
std::vector<std::unique_ptr<Measure>> makeAllMeasures();

/// Smooth map of x to 0..1 that is 0.5 at x0; width w > 0 means larger x scores higher.
double logistic(double x, double x0, double w);

} // namespace hqa::core
