#pragma once
// What the "Learn from corrections" dialog needs to fine-tune the Swin network's six heads from the window
// (what `headshot-qa train --from-project` does), kept as a function type so that the dialog runs it on its
// worker thread and a test can stand in for it. The real one (defaultNetworkFineTune) drives core's
// fineTuneHeads (core/train/net/FineTuner.h): it holds some people out (the photo's folder stands for the
// person, as for the corrections head), fine-tunes on the others and measures the current and the new model on
// the held-out people only. core's fine-tuner has no progress or cancel hook of its own, so the work is cut in
// chunks of photos (features of a chunk, then the heads, then the held-out check in chunks): progress is
// reported and Cancel is honoured between chunks.

#include "core/Attribute.h"
#include "core/Error.h"

#include <QString>

#include <array>
#include <atomic>
#include <functional>
#include <limits>

namespace hqa::ui {

struct NetworkFineTuneInput {
    QString projectPath; ///< the worker opens its own connections (the store is not thread-safe)
    QString baseModel; ///< the active model (engine/model): its backbone is kept, its heads are the start
    QString outPath; ///< where the new version is written
    int steps = 300; ///< full-batch AdamW steps on the heads (train --from-project's default)
    int chunk = 32; ///< photos per feature pass: the progress and cancel granularity
    double heldOutShare = 0.25; ///< share of the people (folders) held out for the before/after check
};

struct NetworkFineTuneProgress {
    int done = 0, total = 0;
    QString stage; ///< what is being done, translated
};

struct NetworkFineTuneOutcome {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    bool cancelled = false;
    int trainPhotos = 0, trainPeople = 0;
    int heldOutPhotos = 0, heldOutPeople = 0;
    /// Accuracy on the held-out people's known labels, current model (before) and fine-tuned one (after).
    std::array<double, hqa::core::kAttributeCount> before{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    std::array<double, hqa::core::kAttributeCount> after{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
    std::array<int, hqa::core::kAttributeCount> heldOutLabels{}; ///< known held-out labels per attribute
    /// Over every known held-out label of every attribute.
    double beforeOverall = kNaN, afterOverall = kNaN;
    int heldOutLabelsTotal = 0;
    QString modelPath; ///< the new version's file
    QString modelVersion, parentVersion;
    int steps = 0;

    /// The new model judges the held-out people's known labels better than the current one.
    bool beatsCurrent() const { return heldOutLabelsTotal > 0 && afterOverall > beforeOverall; }
};

using NetworkFineTuneFunction = std::function<hqa::core::Expected<NetworkFineTuneOutcome>(
    const NetworkFineTuneInput&, const std::function<void(const NetworkFineTuneProgress&)>& progress,
    const std::atomic_bool& cancel)>;

/// The build's fine-tuner; empty in a build without the network engine (HQA_WITH_TORCH off).
NetworkFineTuneFunction defaultNetworkFineTune();

} // namespace hqa::ui
