#include "ui/training/HeadTraining.h"

#include "core/store/ProjectStore.h"
#include "core/train/CorrectionsHead.h"

namespace hqa::ui {

HeadTrainingFunction defaultHeadTraining()
{
    using namespace hqa::core;
    return [](const HeadTrainingInput& in, const std::function<void(const HeadTrainingProgress&)>& progress,
              const std::atomic_bool& cancel) -> Expected<HeadTrainingOutcome> {
        // This runs on the dialog's worker thread: it opens its own connection (the store is per thread).
        ProjectStore::OpenOptions options;
        options.access = ProjectStore::Access::ReadOnly;
        auto store = ProjectStore::open(in.projectPath, options);
        if (!store)
            return store.error();
        auto samples = correctionSamples(**store);
        if (!samples)
            return samples.error();
        // The head trains one attribute after another: each finished attribute is one step of progress.
        auto trained = trainCorrectionsHead(*samples, HeadTrainingOptions{}, [&](int done, int total) {
            HeadTrainingProgress p;
            p.epoch = done;
            p.epochs = total;
            if (progress)
                progress(p);
            return !cancel.load();
        });
        if (!trained)
            return trained.error();
        const CorrectionsHead& head = trained->first;
        const HeadTrainingReport& report = trained->second;
        HeadTrainingOutcome out;
        out.cancelled = report.cancelled || cancel.load();
        if (out.cancelled)
            return out;
        // Nothing beat the engine on held-out people: no file, but the figures and the reasons are shown.
        if (!head.empty()) {
            if (auto err = head.save(in.outPath))
                return *err;
            out.headPath = in.outPath;
            out.version = head.version();
        }
        out.trainSamples = report.trainPhotos;
        out.heldOutSamples = report.heldOutPhotos;
        out.heldOutPeople = report.heldOutPeople;
        out.confidence = report.confidence;
        for (int i = 0; i < kAttributeCount; ++i) {
            const auto& r = report.attributes[size_t(i)];
            auto& f = out.attributes[size_t(i)];
            f.heldOut = r.heldOutSamples;
            f.before = r.heldOutSamples > 0 ? r.accuracyBefore : std::numeric_limits<double>::quiet_NaN();
            // An attribute the head does not cover keeps the engine's verdicts: "after" equals "before".
            f.after = r.trained ? r.accuracyAfter : f.before;
            f.heldOutPeople = r.heldOutPeople;
            f.gain = r.gain;
            f.gainLow = r.gainLow;
            f.gainHigh = r.gainHigh;
            f.replaced = r.trained;
            f.note = r.note;
        }
        return out;
    };
}

} // namespace hqa::ui
