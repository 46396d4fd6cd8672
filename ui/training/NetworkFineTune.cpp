#include "ui/training/NetworkFineTune.h"

#ifdef HQA_WITH_TORCH
#include "core/train/Dataset.h"
#include "core/train/net/FineTuner.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#endif

namespace hqa::ui {

#ifdef HQA_WITH_TORCH
namespace {

using hqa::core::kAttributeCount;

QString translated(const char* text) { return QCoreApplication::translate("hqa::ui::NetworkFineTune", text); }

// lupdate reads the QT_TRANSLATE_NOOP marks; translated() looks the texts up at run time under the same context.
const char* const kOneFolder = QT_TRANSLATE_NOOP(
    "hqa::ui::NetworkFineTune",
    "All corrected and verified photos are in one folder, which stands for one person: "
    "the new model could not be checked on people it did not learn from. Keep each "
    "person's photos in a folder of their own.");
const char* const kNoSamples = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune",
                                                 "There are no corrected or verified photos to learn from.");
const char* const kNoScratch = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune",
                                                 "Cannot create a temporary folder for the fine-tuning.");
const char* const kStageStart = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune", "Computing the photos' features");
const char* const kStageTrainFeatures = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune",
                                                          "Computing the features of the training people");
const char* const kStageBefore = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune",
                                                   "Judging the held-out people with the current model");
const char* const kStageHeads = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune", "Training the six heads");
const char* const kStageAfter = QT_TRANSLATE_NOOP("hqa::ui::NetworkFineTune",
                                                  "Judging the held-out people with the fine-tuned model");

/// Correct and known labels per attribute, summed over chunks.
struct Tally {
    std::array<double, kAttributeCount> correct{};
    std::array<int, kAttributeCount> known{};
};

/// fineTuneHeads reports a chunk's accuracy as a fraction of the chunk's known labels: back to counts.
void addChunk(Tally& tally, const std::vector<hqa::core::FineTuneSample>& chunk,
              const std::array<double, kAttributeCount>& accuracy)
{
    for (int a = 0; a < kAttributeCount; ++a) {
        int known = 0;
        for (const auto& s : chunk)
            known += s.label[size_t(a)] >= 0 ? 1 : 0;
        if (known > 0 && !std::isnan(accuracy[size_t(a)])) {
            tally.correct[size_t(a)] += accuracy[size_t(a)] * known;
            tally.known[size_t(a)] += known;
        }
    }
}

int distinctFolders(const std::vector<hqa::core::FineTuneSample>& samples)
{
    QSet<QString> folders;
    for (const auto& s : samples)
        folders.insert(QFileInfo(s.path).absolutePath());
    return int(folders.size());
}

} // namespace

NetworkFineTuneFunction defaultNetworkFineTune()
{
    using namespace hqa::core;
    return [](const NetworkFineTuneInput& in, const std::function<void(const NetworkFineTuneProgress&)>& progress,
              const std::atomic_bool& cancel) -> Expected<NetworkFineTuneOutcome> {
        // Runs on the dialog's worker thread: correctionSamples opens its own read-only connection.
        auto samples = correctionSamples(in.projectPath);
        if (!samples)
            return samples.error();
        if (samples->empty())
            return makeError(ErrorCode::InvalidArgument, translated(kNoSamples));

        // Whole people on one side: the photo's folder stands for the person (as for the corrections head).
        std::vector<QString> people;
        people.reserve(samples->size());
        for (const auto& s : *samples)
            people.push_back(QFileInfo(s.path).absolutePath());
        const auto [trainRows, heldOutRows] = splitByGroupKeys(people, in.heldOutShare, 1);
        if (trainRows.empty() || heldOutRows.empty())
            return makeError(ErrorCode::InvalidArgument, translated(kOneFolder));
        std::vector<FineTuneSample> train, heldOut;
        for (int i : trainRows)
            train.push_back((*samples)[size_t(i)]);
        for (int i : heldOutRows)
            heldOut.push_back((*samples)[size_t(i)]);

        NetworkFineTuneOutcome out;
        out.trainPhotos = int(train.size());
        out.trainPeople = distinctFolders(train);
        out.heldOutPhotos = int(heldOut.size());
        out.heldOutPeople = distinctFolders(heldOut);
        out.steps = in.steps;

        QTemporaryDir scratch;
        if (!scratch.isValid())
            return makeError(ErrorCode::Io, translated(kNoScratch));
        const int chunk = std::max(1, in.chunk);
        const int total = out.trainPhotos + 2 * out.heldOutPhotos + 1;
        int done = 0;
        const auto report = [&](const QString& stage) {
            if (progress)
                progress({done, total, stage});
        };
        // fineTuneHeads with no step is a pass that computes (and caches) features and judges the chunk with
        // the model as it is; the copy it writes goes to the scratch folder.
        const auto passes = [&](const std::vector<FineTuneSample>& photos, const FineTuneOptions& options, Tally* tally,
                                const QString& stage) -> std::optional<Error> {
            for (size_t b = 0; b < photos.size(); b += size_t(chunk)) {
                if (cancel.load())
                    return Error{ErrorCode::Cancelled, QString()};
                const std::vector<FineTuneSample> part(photos.begin() + qsizetype(b),
                                                       photos.begin()
                                                           + qsizetype(std::min(photos.size(), b + size_t(chunk))));
                auto r = fineTuneHeads(part, options);
                if (!r)
                    return r.error();
                if (tally)
                    addChunk(*tally, part, r->accuracyBefore);
                if (out.parentVersion.isEmpty())
                    out.parentVersion = r->parentVersion;
                done += int(part.size());
                report(stage);
            }
            return std::nullopt;
        };
        const auto stopped = [&](const Error& e) -> Expected<NetworkFineTuneOutcome> {
            if (e.code != ErrorCode::Cancelled)
                return e;
            QFile::remove(in.outPath); // a cancelled run leaves no new version behind
            out.cancelled = true;
            return out;
        };

        report(translated(kStageStart));
        FineTuneOptions probe;
        probe.baseModel = in.baseModel;
        probe.outPath = scratch.filePath(QStringLiteral("probe.hqa"));
        probe.cachePath = in.projectPath + QStringLiteral(".features"); // shared with train --from-project
        probe.steps = 0;
        // 1. The training people's features (cached beside the project).
        if (auto e = passes(train, probe, nullptr, translated(kStageTrainFeatures)))
            return stopped(*e);
        // 2. The held-out people: features and the current model's verdicts.
        Tally before, after;
        if (auto e = passes(heldOut, probe, &before, translated(kStageBefore)))
            return stopped(*e);
        if (cancel.load())
            return stopped(Error{ErrorCode::Cancelled, QString()});
        // 3. The heads, on the training people only (every feature is in the cache by now).
        report(translated(kStageHeads));
        FineTuneOptions tune = probe;
        tune.outPath = in.outPath;
        tune.steps = in.steps;
        auto tuned = fineTuneHeads(train, tune);
        if (!tuned)
            return tuned.error();
        out.modelPath = in.outPath;
        out.modelVersion = tuned->modelVersion;
        out.parentVersion = tuned->parentVersion;
        ++done;
        report(translated(kStageAfter));
        // 4. The new model on the held-out people. No shared cache: the cache is keyed to one model version, and
        // writing this version's features there would replace the parent's.
        FineTuneOptions check;
        check.baseModel = in.outPath;
        check.outPath = scratch.filePath(QStringLiteral("check.hqa"));
        check.steps = 0;
        if (auto e = passes(heldOut, check, &after, translated(kStageAfter)))
            return stopped(*e);

        double beforeCorrect = 0, afterCorrect = 0;
        for (int a = 0; a < kAttributeCount; ++a) {
            const int n = before.known[size_t(a)];
            out.heldOutLabels[size_t(a)] = n;
            if (n > 0 && after.known[size_t(a)] == n) {
                out.before[size_t(a)] = before.correct[size_t(a)] / n;
                out.after[size_t(a)] = after.correct[size_t(a)] / n;
                beforeCorrect += before.correct[size_t(a)];
                afterCorrect += after.correct[size_t(a)];
                out.heldOutLabelsTotal += n;
            }
        }
        if (out.heldOutLabelsTotal > 0) {
            out.beforeOverall = beforeCorrect / out.heldOutLabelsTotal;
            out.afterOverall = afterCorrect / out.heldOutLabelsTotal;
        }
        return out;
    };
}
#else
NetworkFineTuneFunction defaultNetworkFineTune()
{
    // Built without LibTorch: no network engine, nothing to fine-tune.
    return {};
}
#endif

} // namespace hqa::ui
