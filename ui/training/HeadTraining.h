#pragma once
// What the "Learn from corrections" dialog needs from a trainer, kept as a function type so that the dialog
// runs whatever core provides on its worker thread (tests hand it stand-ins). The real trainer is the corrections
// head (core/train/CorrectionsHead.h), returned by defaultHeadTraining().

#include "core/Attribute.h"
#include "core/Error.h"

#include <QString>

#include <array>
#include <atomic>
#include <cmath>
#include <functional>
#include <limits>

namespace hqa::ui {

struct HeadTrainingInput {
    QString projectPath; ///< the trainer opens its own connection (the store is not thread-safe)
    QString outPath; ///< where the new head is written
};

struct HeadTrainingProgress {
    int epoch = 0, epochs = 0;
    double trainLoss = std::numeric_limits<double>::quiet_NaN();
    double valLoss = std::numeric_limits<double>::quiet_NaN();
    double valMetric = std::numeric_limits<double>::quiet_NaN();
};

/// Accuracy of one attribute on the held-out part of the corrections, before (current engine) and after.
struct BeforeAfter {
    double before = std::numeric_limits<double>::quiet_NaN();
    double after = std::numeric_limits<double>::quiet_NaN();
    int heldOut = 0;
    int heldOutPeople = 0; ///< different people among the held-out photos (0: not known)
    /// after - before and its interval (HeadTrainingOutcome::confidence); NaN when not known.
    double gain = std::numeric_limits<double>::quiet_NaN();
    double gainLow = std::numeric_limits<double>::quiet_NaN();
    double gainHigh = std::numeric_limits<double>::quiet_NaN();
    bool replaced = true; ///< the new head judges this attribute (false: the engine keeps judging)
    QString note; ///< why, with the numbers
};

struct HeadTrainingOutcome {
    std::array<BeforeAfter, hqa::core::kAttributeCount> attributes{};
    int trainSamples = 0;
    int heldOutSamples = 0;
    int heldOutPeople = 0; ///< different people held out (0: not known)
    double confidence = 0.95; ///< level of the gain intervals
    QString headPath; ///< empty when no attribute beat the engine: nothing to use
    QString version;
    bool cancelled = false;
};

using HeadTrainingFunction = std::function<hqa::core::Expected<HeadTrainingOutcome>(
    const HeadTrainingInput&, const std::function<void(const HeadTrainingProgress&)>& progress,
    const std::atomic_bool& cancel)>;

/// The corrections-head trainer, run on the project's corrections.
HeadTrainingFunction defaultHeadTraining();

} // namespace hqa::ui
