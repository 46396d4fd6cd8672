#pragma once
// Architecture sizes of a Swin Transformer (v1) with optional ImageNet and six-attribute heads. Plain value
// type so public headers never need torch.

#include <QJsonObject>

#include <vector>

namespace hqa::core {

/// Sizes of the network. The defaults are torchvision's swin_t (Swin-Tiny); tests build tiny variants.
struct SwinConfig {
    int imageSize = 224; ///< input side the model is run at (not stored in public checkpoints)
    int patchSize = 4;
    int windowSize = 7;
    int embedDim = 96;
    std::vector<int> depths{2, 2, 6, 2};
    std::vector<int> numHeads{3, 6, 12, 24};
    double mlpRatio = 4.0;
    double stochasticDepthProb = 0.2; ///< only active in training
    int numClasses = 1000; ///< ImageNet classifier ("head"); 0 = none
    int attributeHeads = 6; ///< six binary heads ("heads"); 0 = none

    /// Width of the pooled feature the heads read (embedDim * 2^(stages-1)).
    int featureDim() const { return embedDim << (depths.empty() ? 0 : int(depths.size()) - 1); }
    /// Empty when consistent, else what is wrong.
    QString validate() const;
    QJsonObject toJson() const;
    static SwinConfig fromJson(const QJsonObject& o);
    bool operator==(const SwinConfig&) const = default;
};

} // namespace hqa::core
