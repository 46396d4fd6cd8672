#pragma once
// INTERNAL header: it includes LibTorch. Only core/model/*.cpp, tests/model and benchmarks/swin include it;
// no public header may (TOOLCHAIN.md trap 2). Swin Transformer v1 as LibTorch modules whose children are
// registered under torchvision's swin_t names ("features.1.0.attn.qkv.weight", ...), so a torchvision state
// dict maps one to one.

#include "core/model/SwinConfig.h"

#include <torch/nn.h>

#include <map>
#include <string>
#include <vector>

namespace hqa::core::swin {

/// Relative position index of a window x window window, flattened [N*N] (N = window^2), int64, as torchvision
/// computes it: (dy + w - 1) * (2w - 1) + (dx + w - 1) for the query/key offset (dy, dx).
torch::Tensor relativePositionIndex(int window);

/// Additive attention mask [nW, N, N] (0 or -100) for shifted windows over a padded padH x padW grid: tokens
/// that only became neighbours through the cyclic shift may not attend to each other. A zero shift along an
/// axis separates nothing along it (torchvision's behaviour).
torch::Tensor shiftedWindowMask(int64_t padH, int64_t padW, int window, int shiftH, int shiftW);

/// [B, H, W, C] -> [B * nW, window^2, C]; H and W multiples of window.
torch::Tensor windowPartition(const torch::Tensor& x, int window);
/// Inverse of windowPartition.
torch::Tensor windowReverse(const torch::Tensor& windows, int window, int64_t H, int64_t W);

/// For the fused path: index into the flattened padH x padW grid of the token found at each position of the
/// shifted, window-partitioned sequence (roll by -shift, then partition), so that one index_select does both.
torch::Tensor windowTokenOrder(int64_t padH, int64_t padW, int window, int shiftH, int shiftW);

/// A linear layer prepared for inference: BLAS addmm, or oneDNN with the weight converted once. oneDNN won
/// isolated GEMMs of Swin's skinny shapes but lost in the whole network (benchmarks/swin/README.md).
struct PackedLinear {
    torch::Tensor weight, bias; ///< dense
    torch::Tensor dnnWeight, dnnBias; ///< oneDNN layout, defined when oneDNN is used
    static PackedLinear make(const torch::Tensor& weight, const torch::Tensor& bias, bool oneDnn);
    /// x: [M, in] dense -> [M, out] dense.
    torch::Tensor operator()(const torch::Tensor& x) const;
    bool valid() const { return weight.defined(); }
};

class ShiftedWindowAttentionImpl : public torch::nn::Module {
public:
    ShiftedWindowAttentionImpl(int dim, int window, int shift, int heads);
    /// x: [B, H, W, C] -> [B, H, W, C].
    torch::Tensor forward(const torch::Tensor& x);
    /// Straight transcription of the reference algorithm (pad, roll, partition, attend, reverse, roll back).
    torch::Tensor forwardReference(const torch::Tensor& x);
    /// One gather in, one gather out, bias and mask pre-added, scale folded into q: inference only.
    torch::Tensor forwardFused(const torch::Tensor& x);
    void clearCache();

    torch::nn::Linear qkv{nullptr}, proj{nullptr};
    torch::Tensor relative_position_bias_table, relative_position_index;
    bool fused = true;
    bool oneDnn = false;

private:
    torch::Tensor relativeBias() const; // [heads, N, N]
    int m_dim, m_window, m_shift, m_heads;
    struct Cache {
        int64_t padH = -1, padW = -1;
        torch::Tensor biasMask, order, inverse;
        PackedLinear qkv, proj;
    } m_cache;
};
TORCH_MODULE(ShiftedWindowAttention);

class SwinBlockImpl : public torch::nn::Module {
public:
    SwinBlockImpl(int dim, int heads, int window, int shift, double mlpRatio, double dropPath);
    torch::Tensor forward(torch::Tensor x);

    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    ShiftedWindowAttention attn{nullptr};
    torch::nn::ModuleList mlp{nullptr}; // "0" fc1, "1" GELU, "2" dropout, "3" fc2, "4" dropout: torchvision's MLP
    torch::nn::Linear fc1{nullptr}, fc2{nullptr};
    bool oneDnn = false;
    void clearCache() { m_fc1 = {}, m_fc2 = {}; }

private:
    torch::Tensor dropPath(const torch::Tensor& y) const;
    double m_dropPath;
    PackedLinear m_fc1, m_fc2;
};
TORCH_MODULE(SwinBlock);

class PatchMergingImpl : public torch::nn::Module {
public:
    explicit PatchMergingImpl(int dim);
    /// [B, H, W, C] -> [B, ceil(H/2), ceil(W/2), 2C].
    torch::Tensor forward(torch::Tensor x);
    torch::nn::Linear reduction{nullptr};
    torch::nn::LayerNorm norm{nullptr};
};
TORCH_MODULE(PatchMerging);

struct SwinOutput {
    torch::Tensor features; ///< [B, featureDim] pooled
    torch::Tensor imagenet; ///< [B, numClasses] or undefined
    torch::Tensor attributes; ///< [B, attributeHeads] logits or undefined
};

/// Swin Transformer v1 (torchvision layout) with an optional ImageNet head "head" and six binary heads "heads".
class SwinTransformerImpl : public torch::nn::Module {
public:
    explicit SwinTransformerImpl(const SwinConfig& config);
    /// x: [B, 3, H, W] normalised.
    SwinOutput forward(const torch::Tensor& x);
    torch::Tensor forwardFeatures(const torch::Tensor& x);
    const SwinConfig& config() const { return m_config; }
    /// Switches every attention block between the fused and the reference path.
    void setFused(bool fused);
    /// Inference linear layers through oneDNN or BLAS (default: BLAS measured faster here, see benchmarks/swin).
    void setOneDnn(bool on);
    /// Drops cached bias/mask/weights; call after changing weights.
    void clearCaches();
    /// Re-initialises the six heads (truncated normal 0.02, zero bias), as torchvision does for linear layers.
    void resetAttributeHeads();

    torch::nn::ModuleList features{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::nn::Linear head{nullptr}, heads{nullptr};

private:
    SwinConfig m_config;
    torch::nn::Conv2d m_patchConv{nullptr};
    torch::nn::LayerNorm m_patchNorm{nullptr};
    std::vector<std::vector<SwinBlock>> m_stages;
    std::vector<PatchMerging> m_merges;
};
TORCH_MODULE(SwinTransformer);

using TensorMap = std::map<std::string, torch::Tensor>;

/// Parameters and buffers under their torchvision names.
TensorMap stateDict(SwinTransformerImpl& model);

/// Copies tensors into the model. Returns an empty list on success, otherwise one line per missing,
/// unexpected or mis-shaped key. Keys in `optional` may be missing (they keep their current values).
std::vector<std::string> loadStateDict(SwinTransformerImpl& model, const TensorMap& tensors,
                                       const std::vector<std::string>& optionalPrefixes = {});

} // namespace hqa::core::swin
