#pragma once
// Network fine-tuning from reviewers' corrections: the six heads are retrained on pooled backbone
// features, which are cached per photo content hash in a file next to the project so a second fine-tune does
// not recompute them. Each result is a new model version with its parent recorded. Public header: no torch.
#include "core/Attribute.h"
#include "core/Error.h"
#include "core/eval/LabelFile.h"
#include <QString>
#include <array>
#include <cstdint>
#include <vector>

namespace hqa::core {

struct FineTuneSample {
    QString path;
    QString sha256; ///< content hash: the feature cache key
    Label label = kUnknownLabel;
};

struct FineTuneOptions {
    QString baseModel; ///< the model whose backbone is kept and whose heads are the starting point
    QString outPath; ///< the new version
    QString cachePath; ///< feature cache; empty = none
    int steps = 300; ///< full-batch AdamW steps on the heads
    double lr = 1e-3;
    double weightDecay = 0.01;
    int threads = 0;
};

struct FineTuneResult {
    int samples = 0;
    int featuresComputed = 0, featuresCached = 0;
    double featureSeconds = 0, trainSeconds = 0;
    /// Accuracy on the fine-tuning photos' known labels, before and after (NaN where none is known).
    std::array<double, kAttributeCount> accuracyBefore{}, accuracyAfter{};
    QString modelVersion, parentVersion;
};

Expected<FineTuneResult> fineTuneHeads(const std::vector<FineTuneSample>& samples, const FineTuneOptions& options);

/// Targets from a project: golden labels where verified, else the corrected attributes of corrected photos
/// (their effective value; attributes nobody corrected stay unknown). Missing photos are skipped.
Expected<std::vector<FineTuneSample>> correctionSamples(const QString& projectPath);

/// fineTuneHeads over correctionSamples, cache beside the project (PROJECT.features), and the new model
/// registered in the project's models table. The previous model file is untouched: restoring it means
/// using its path again (`--model OLD`); `project info` lists every registered version.
Expected<FineTuneResult> fineTuneFromProject(const QString& projectPath, FineTuneOptions options);

} // namespace hqa::core
