#pragma once
// Engine fusion: per attribute, whether the network ("swin"), the analysis engine ("measures") or a
// weighted blend of their scores ("blend") judges a labelled set best (balanced accuracy). The choice is
// stored in the model's metadata ("fusion") and applied by the "fused" engine (FusedEngine.h).
#include "core/Assessment.h"
#include "core/Error.h"
#include "core/eval/LabelFile.h"
#include <QJsonObject>
#include <QString>
#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace hqa::core {

struct AttributeFusion {
    QString source = kSwinEngine; ///< "swin", "measures" or "blend"
    double swinWeight = 0.5; ///< blend: score = w * swin + (1 - w) * measures
    double threshold = 0.5; ///< blend: pass when the blended score >= threshold
    /// Balanced accuracy of each candidate on the labelled set (NaN when a class is absent).
    double swin = 0, measures = 0, blend = 0;
    int scored = 0; ///< known labels of this attribute in the set
};

struct FusionChoice {
    std::array<AttributeFusion, kAttributeCount> attributes;
    int images = 0;
    QString labels; ///< the label file it was chosen on
    QJsonObject toJson() const;
    /// nullopt when the object holds no valid choice.
    static std::optional<FusionChoice> fromJson(const QJsonObject& o);
};

/// Decides per attribute from both engines' assessments of the same images and the truth. Candidates are
/// compared by balanced accuracy; ties keep the network, then the measures (the blend must win outright,
/// since its weight and threshold are fitted on this very set).
FusionChoice chooseFusion(const std::vector<Assessment>& swin, const std::vector<Assessment>& measures,
                          const std::vector<Label>& truth);

/// Blends one attribute's two verdicts according to `f` (the verdict's source is set).
AttributeVerdict fuseVerdict(const AttributeFusion& f, const AttributeVerdict& swin, const AttributeVerdict& measures);

/// Runs both engines over the labelled photos, chooses, and stores the choice in the model file (atomically).
/// progress(done, total) is called after each photo.
Expected<FusionChoice> fuseModel(const QString& modelPath, const LabelSet& labels, int threads = 1,
                                 const std::function<void(int, int)>& progress = {});

} // namespace hqa::core
