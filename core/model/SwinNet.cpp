// Swin Transformer v1 in LibTorch. Two attention paths: the reference one follows the published algorithm
// step by step and is what training (autograd) uses; the fused one is for inference and replaces the roll,
// partition, reverse and roll-back copies by one gather each way, and pre-adds the relative position bias to
// the shift mask.

#include "SwinNet.h"

#include <torch/torch.h>

#include <cmath>
#include <set>

namespace hqa::core::swin {

namespace {

bool inferencePath(const torch::nn::Module& m) { return !m.is_training() && !torch::GradMode::is_enabled(); }

int64_t roundUp(int64_t v, int m) { return (v + m - 1) / m * m; }

// Region label along one axis of the rolled grid: 0 for positions that were contiguous before the roll,
// 1/2 for the strips the cyclic shift brought in (torchvision's three slices; a zero shift makes one region).
int regionOf(int64_t pos, int64_t padded, int window, int shift)
{
    if (shift == 0)
        return 0;
    if (pos < padded - window)
        return 0;
    return pos < padded - shift ? 1 : 2;
}

void initLinear(torch::nn::Linear& l)
{
    torch::NoGradGuard guard;
    l->weight.normal_(0.0, 0.02).clamp_(-2.0, 2.0);
    if (l->bias.defined())
        l->bias.zero_();
}

} // namespace

torch::Tensor relativePositionIndex(int window)
{
    const int n = window * window;
    auto idx = torch::empty({int64_t(n) * n}, torch::kLong);
    auto* p = idx.data_ptr<int64_t>();
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const int dy = i / window - j / window + window - 1;
            const int dx = i % window - j % window + window - 1;
            p[i * n + j] = int64_t(dy) * (2 * window - 1) + dx;
        }
    return idx;
}

torch::Tensor shiftedWindowMask(int64_t padH, int64_t padW, int window, int shiftH, int shiftW)
{
    const int64_t nWy = padH / window, nWx = padW / window, n = int64_t(window) * window;
    auto mask = torch::zeros({nWy * nWx, n, n}, torch::kFloat);
    auto acc = mask.accessor<float, 3>();
    std::vector<int> label(static_cast<size_t>(n));
    for (int64_t wy = 0; wy < nWy; ++wy)
        for (int64_t wx = 0; wx < nWx; ++wx) {
            for (int64_t t = 0; t < n; ++t) {
                const int64_t r = wy * window + t / window, c = wx * window + t % window;
                label[size_t(t)] = regionOf(r, padH, window, shiftH) * 3 + regionOf(c, padW, window, shiftW);
            }
            for (int64_t i = 0; i < n; ++i)
                for (int64_t j = 0; j < n; ++j)
                    if (label[size_t(i)] != label[size_t(j)])
                        acc[wy * nWx + wx][i][j] = -100.0f;
        }
    return mask;
}

torch::Tensor windowPartition(const torch::Tensor& x, int window)
{
    const auto B = x.size(0), H = x.size(1), W = x.size(2), C = x.size(3);
    return x.view({B, H / window, window, W / window, window, C})
        .permute({0, 1, 3, 2, 4, 5})
        .reshape({B * (H / window) * (W / window), int64_t(window) * window, C});
}

torch::Tensor windowReverse(const torch::Tensor& windows, int window, int64_t H, int64_t W)
{
    const auto C = windows.size(2);
    const auto B = windows.size(0) / ((H / window) * (W / window));
    return windows.view({B, H / window, W / window, window, window, C})
        .permute({0, 1, 3, 2, 4, 5})
        .reshape({B, H, W, C});
}

torch::Tensor windowTokenOrder(int64_t padH, int64_t padW, int window, int shiftH, int shiftW)
{
    const int64_t nWx = padW / window, n = int64_t(window) * window;
    auto order = torch::empty({padH * padW}, torch::kLong);
    auto* p = order.data_ptr<int64_t>();
    for (int64_t j = 0; j < padH * padW; ++j) {
        const int64_t win = j / n, t = j % n;
        const int64_t r = (win / nWx) * window + t / window, c = (win % nWx) * window + t % window;
        p[j] = ((r + shiftH) % padH) * padW + (c + shiftW) % padW; // roll by -shift reads from +shift
    }
    return order;
}

// ---------------------------------------------------------------------------------------------------------

PackedLinear PackedLinear::make(const torch::Tensor& weight, const torch::Tensor& bias, bool oneDnn)
{
    PackedLinear p;
    p.weight = weight.contiguous();
    p.bias = bias;
    if (oneDnn && at::hasMKLDNN()) {
        p.dnnWeight = p.weight.to_mkldnn();
        if (bias.defined())
            p.dnnBias = bias.contiguous().to_mkldnn();
    }
    return p;
}

torch::Tensor PackedLinear::operator()(const torch::Tensor& x) const
{
    if (dnnWeight.defined()) {
        c10::optional<torch::Tensor> b;
        if (dnnBias.defined())
            b = dnnBias;
        return at::mkldnn_linear(x.contiguous().to_mkldnn(), dnnWeight, b).to_dense();
    }
    return bias.defined() ? torch::addmm(bias, x, weight.t()) : torch::mm(x, weight.t());
}

// ---------------------------------------------------------------------------------------------------------

ShiftedWindowAttentionImpl::ShiftedWindowAttentionImpl(int dim, int window, int shift, int heads)
    : m_dim(dim)
    , m_window(window)
    , m_shift(shift)
    , m_heads(heads)
{
    qkv = register_module("qkv", torch::nn::Linear(dim, 3 * dim));
    proj = register_module("proj", torch::nn::Linear(dim, dim));
    const int tableSize = (2 * window - 1) * (2 * window - 1);
    relative_position_bias_table = register_parameter("relative_position_bias_table", torch::zeros({tableSize, heads}));
    {
        torch::NoGradGuard guard;
        relative_position_bias_table.normal_(0.0, 0.02);
    }
    relative_position_index = register_buffer("relative_position_index", relativePositionIndex(window));
}

torch::Tensor ShiftedWindowAttentionImpl::relativeBias() const
{
    const int64_t n = int64_t(m_window) * m_window;
    return relative_position_bias_table.index_select(0, relative_position_index.view({-1}))
        .view({n, n, m_heads})
        .permute({2, 0, 1})
        .contiguous();
}

void ShiftedWindowAttentionImpl::clearCache() { m_cache = Cache{}; }

torch::Tensor ShiftedWindowAttentionImpl::forward(const torch::Tensor& x)
{
    return fused && inferencePath(*this) ? forwardFused(x) : forwardReference(x);
}

torch::Tensor ShiftedWindowAttentionImpl::forwardReference(const torch::Tensor& input)
{
    const auto B = input.size(0), H = input.size(1), W = input.size(2), C = input.size(3);
    const int w = m_window;
    const int64_t padH = roundUp(H, w), padW = roundUp(W, w);
    torch::Tensor x = input;
    if (padH != H || padW != W)
        x = torch::constant_pad_nd(input, {0, 0, 0, padW - W, 0, padH - H});
    const int shiftH = w >= padH ? 0 : m_shift, shiftW = w >= padW ? 0 : m_shift;
    const bool shifted = shiftH + shiftW > 0;
    if (shifted)
        x = torch::roll(x, {-shiftH, -shiftW}, {1, 2});
    const int64_t nW = (padH / w) * (padW / w), n = int64_t(w) * w, hd = C / m_heads;

    auto windows = windowPartition(x, w); // [B*nW, n, C]
    auto qkvOut = qkv->forward(windows).reshape({B * nW, n, 3, m_heads, hd}).permute({2, 0, 3, 1, 4});
    auto q = qkvOut[0] * std::pow(double(hd), -0.5);
    auto attn = torch::matmul(q, qkvOut[1].transpose(-2, -1)); // [B*nW, heads, n, n]
    attn = attn + relativeBias().unsqueeze(0);
    if (shifted) {
        auto mask = shiftedWindowMask(padH, padW, w, shiftH, shiftW).to(attn.dtype());
        attn = (attn.view({B, nW, m_heads, n, n}) + mask.unsqueeze(1).unsqueeze(0)).view({-1, m_heads, n, n});
    }
    attn = torch::softmax(attn, -1);
    auto out = torch::matmul(attn, qkvOut[2]).transpose(1, 2).reshape({B * nW, n, C});
    out = proj->forward(out);
    out = windowReverse(out, w, padH, padW);
    if (shifted)
        out = torch::roll(out, {shiftH, shiftW}, {1, 2});
    if (padH != H || padW != W)
        out = out.slice(1, 0, H).slice(2, 0, W);
    return out.contiguous();
}

torch::Tensor ShiftedWindowAttentionImpl::forwardFused(const torch::Tensor& input)
{
    const auto B = input.size(0), H = input.size(1), W = input.size(2), C = input.size(3);
    const int w = m_window;
    const int64_t padH = roundUp(H, w), padW = roundUp(W, w);
    torch::Tensor x = input;
    if (padH != H || padW != W)
        x = torch::constant_pad_nd(input, {0, 0, 0, padW - W, 0, padH - H});
    const int64_t L = padH * padW, n = int64_t(w) * w, nW = L / n, hd = C / m_heads;

    if (m_cache.padH != padH || m_cache.padW != padW || !m_cache.qkv.valid()
        || m_cache.qkv.dnnWeight.defined() != oneDnn) {
        const int shiftH = w >= padH ? 0 : m_shift, shiftW = w >= padW ? 0 : m_shift;
        Cache c;
        c.padH = padH;
        c.padW = padW;
        c.order = windowTokenOrder(padH, padW, w, shiftH, shiftW);
        c.inverse = torch::empty_like(c.order).scatter_(0, c.order, torch::arange(L, torch::kLong));
        auto bias = relativeBias().unsqueeze(0);
        c.biasMask = shiftH + shiftW > 0 ? bias + shiftedWindowMask(padH, padW, w, shiftH, shiftW).unsqueeze(1) : bias;
        c.biasMask = c.biasMask.contiguous();
        // Folding the query scale into the weights saves one pass over q per block.
        const double scale = std::pow(double(hd), -0.5);
        auto qkvWeight = qkv->weight.clone(), qkvBias = qkv->bias.clone();
        qkvWeight.narrow(0, 0, C).mul_(scale);
        qkvBias.narrow(0, 0, C).mul_(scale);
        c.qkv = PackedLinear::make(qkvWeight, qkvBias, oneDnn);
        c.proj = PackedLinear::make(proj->weight, proj->bias, oneDnn);
        m_cache = std::move(c);
    }

    auto tokens = x.reshape({B, L, C}).index_select(1, m_cache.order).view({B * L, C});
    auto qkvOut = m_cache.qkv(tokens).view({B * nW, n, 3, m_heads, hd}).permute({2, 0, 3, 1, 4});
    auto attn = torch::matmul(qkvOut[0], qkvOut[1].transpose(-2, -1)); // [B*nW, heads, n, n]
    attn.view({B, nW, m_heads, n, n}).add_(m_cache.biasMask); // broadcasts over B (and windows if unshifted)
    attn = torch::softmax(attn, -1);
    auto out = torch::matmul(attn, qkvOut[2]).transpose(1, 2).reshape({B * L, C});
    out = m_cache.proj(out).view({B, L, C}).index_select(1, m_cache.inverse);
    out = out.view({B, padH, padW, C});
    if (padH != H || padW != W)
        out = out.slice(1, 0, H).slice(2, 0, W).contiguous();
    return out;
}

// ---------------------------------------------------------------------------------------------------------

SwinBlockImpl::SwinBlockImpl(int dim, int heads, int window, int shift, double mlpRatio, double dropPath)
    : m_dropPath(dropPath)
{
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)));
    attn = register_module("attn", ShiftedWindowAttention(dim, window, shift, heads));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({dim}).eps(1e-5)));
    const int hidden = int(dim * mlpRatio);
    fc1 = torch::nn::Linear(dim, hidden);
    fc2 = torch::nn::Linear(hidden, dim);
    {
        // torchvision initialises the MLP with Xavier-uniform weights and tiny biases.
        torch::NoGradGuard guard;
        torch::nn::init::xavier_uniform_(fc1->weight);
        torch::nn::init::xavier_uniform_(fc2->weight);
        fc1->bias.normal_(0.0, 1e-6);
        fc2->bias.normal_(0.0, 1e-6);
    }
    mlp = register_module("mlp", torch::nn::ModuleList());
    mlp->push_back(fc1);
    mlp->push_back(torch::nn::GELU());
    mlp->push_back(torch::nn::Dropout(0.0));
    mlp->push_back(fc2);
    mlp->push_back(torch::nn::Dropout(0.0));
}

torch::Tensor SwinBlockImpl::dropPath(const torch::Tensor& y) const
{
    if (!is_training() || m_dropPath <= 0.0)
        return y;
    const double survival = 1.0 - m_dropPath;
    std::vector<int64_t> shape(size_t(y.dim()), 1);
    shape[0] = y.size(0);
    auto noise = torch::empty(shape, y.options()).bernoulli_(survival).div_(survival);
    return y * noise;
}

torch::Tensor SwinBlockImpl::forward(torch::Tensor x)
{
    if (inferencePath(*this)) {
        // Nobody else holds x here, so the residual adds may reuse its memory.
        x = x.add_(attn->forward(norm1->forward(x)));
        const auto shape = x.sizes().vec();
        auto y = norm2->forward(x).view({-1, shape.back()});
        if (!m_fc1.valid() || m_fc1.dnnWeight.defined() != oneDnn) {
            m_fc1 = PackedLinear::make(fc1->weight, fc1->bias, oneDnn);
            m_fc2 = PackedLinear::make(fc2->weight, fc2->bias, oneDnn);
        }
        y = m_fc2(torch::gelu(m_fc1(y)));
        return x.add_(y.view(shape));
    }
    x = x + dropPath(attn->forward(norm1->forward(x)));
    auto y = fc2->forward(torch::gelu(fc1->forward(norm2->forward(x))));
    return x + dropPath(y);
}

// ---------------------------------------------------------------------------------------------------------

PatchMergingImpl::PatchMergingImpl(int dim)
{
    reduction = register_module("reduction", torch::nn::Linear(torch::nn::LinearOptions(4 * dim, 2 * dim).bias(false)));
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({4 * dim}).eps(1e-5)));
}

torch::Tensor PatchMergingImpl::forward(torch::Tensor x)
{
    const auto H = x.size(1), W = x.size(2);
    if (H % 2 || W % 2)
        x = torch::constant_pad_nd(x, {0, 0, 0, W % 2, 0, H % 2});
    using torch::indexing::Slice;
    auto x0 = x.index({Slice(), Slice(0, torch::indexing::None, 2), Slice(0, torch::indexing::None, 2)});
    auto x1 = x.index({Slice(), Slice(1, torch::indexing::None, 2), Slice(0, torch::indexing::None, 2)});
    auto x2 = x.index({Slice(), Slice(0, torch::indexing::None, 2), Slice(1, torch::indexing::None, 2)});
    auto x3 = x.index({Slice(), Slice(1, torch::indexing::None, 2), Slice(1, torch::indexing::None, 2)});
    return reduction->forward(norm->forward(torch::cat({x0, x1, x2, x3}, -1)));
}

// ---------------------------------------------------------------------------------------------------------

SwinTransformerImpl::SwinTransformerImpl(const SwinConfig& config)
    : m_config(config)
{
    const int stages = int(config.depths.size());
    features = register_module("features", torch::nn::ModuleList());
    auto embed = torch::nn::ModuleList();
    m_patchConv = torch::nn::Conv2d(
        torch::nn::Conv2dOptions(3, config.embedDim, config.patchSize).stride(config.patchSize));
    m_patchNorm = torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.embedDim}).eps(1e-5));
    embed->push_back(m_patchConv);
    embed->push_back(torch::nn::Identity()); // torchvision's Permute: no weights, keeps the numbering
    embed->push_back(m_patchNorm);
    features->push_back(embed);

    int total = 0;
    for (int d : config.depths)
        total += d;
    int blockId = 0;
    for (int s = 0; s < stages; ++s) {
        const int dim = config.embedDim << s;
        auto stage = torch::nn::ModuleList();
        m_stages.emplace_back();
        for (int b = 0; b < config.depths[size_t(s)]; ++b, ++blockId) {
            const double dp = total > 1 ? config.stochasticDepthProb * blockId / (total - 1) : 0.0;
            SwinBlock block(dim, config.numHeads[size_t(s)], config.windowSize, b % 2 == 0 ? 0 : config.windowSize / 2,
                            config.mlpRatio, dp);
            stage->push_back(block);
            m_stages.back().push_back(block);
        }
        features->push_back(stage);
        if (s + 1 < stages) {
            PatchMerging merge(dim);
            features->push_back(merge);
            m_merges.push_back(merge);
        }
    }
    const int fd = config.featureDim();
    norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({fd}).eps(1e-5)));
    if (config.numClasses > 0) {
        head = register_module("head", torch::nn::Linear(fd, config.numClasses));
        initLinear(head);
    }
    if (config.attributeHeads > 0) {
        heads = register_module("heads", torch::nn::Linear(fd, config.attributeHeads));
        initLinear(heads);
    }
    for (auto& m : m_merges)
        initLinear(m->reduction);
    for (auto& stage : m_stages)
        for (auto& b : stage) {
            initLinear(b->attn->qkv);
            initLinear(b->attn->proj);
        }
}

torch::Tensor SwinTransformerImpl::forwardFeatures(const torch::Tensor& x)
{
    auto y = m_patchNorm->forward(m_patchConv->forward(x).permute({0, 2, 3, 1}));
    for (size_t s = 0; s < m_stages.size(); ++s) {
        for (auto& block : m_stages[s])
            y = block->forward(y);
        if (s < m_merges.size())
            y = m_merges[s]->forward(y);
    }
    return norm->forward(y).mean({1, 2});
}

SwinOutput SwinTransformerImpl::forward(const torch::Tensor& x)
{
    SwinOutput out;
    out.features = forwardFeatures(x);
    if (head)
        out.imagenet = head->forward(out.features);
    if (heads)
        out.attributes = heads->forward(out.features);
    return out;
}

void SwinTransformerImpl::setFused(bool fused)
{
    for (auto& stage : m_stages)
        for (auto& b : stage)
            b->attn->fused = fused;
}

void SwinTransformerImpl::setOneDnn(bool on)
{
    for (auto& stage : m_stages)
        for (auto& b : stage)
            b->oneDnn = b->attn->oneDnn = on;
}

void SwinTransformerImpl::clearCaches()
{
    for (auto& stage : m_stages)
        for (auto& b : stage) {
            b->attn->clearCache();
            b->clearCache();
        }
}

void SwinTransformerImpl::resetAttributeHeads()
{
    if (heads)
        initLinear(heads);
}

// ---------------------------------------------------------------------------------------------------------

TensorMap stateDict(SwinTransformerImpl& model)
{
    TensorMap out;
    for (const auto& p : model.named_parameters(true))
        out[p.key()] = p.value();
    for (const auto& b : model.named_buffers(true))
        out[b.key()] = b.value();
    return out;
}

std::vector<std::string> loadStateDict(SwinTransformerImpl& model, const TensorMap& tensors,
                                       const std::vector<std::string>& optionalPrefixes)
{
    auto isOptional = [&](const std::string& key) {
        for (const auto& p : optionalPrefixes)
            if (key.rfind(p, 0) == 0)
                return true;
        return false;
    };
    auto shapeText = [](const torch::Tensor& t) {
        std::string s = "[";
        for (int64_t i = 0; i < t.dim(); ++i)
            s += (i ? "," : "") + std::to_string(t.size(i));
        return s + "]";
    };
    std::vector<std::string> problems;
    TensorMap own = stateDict(model);
    std::set<std::string> used;
    torch::NoGradGuard guard;
    for (auto& [key, dst] : own) {
        auto it = tensors.find(key);
        if (it == tensors.end()) {
            if (!isOptional(key))
                problems.push_back("missing: " + key);
            continue;
        }
        used.insert(key);
        const torch::Tensor& src = it->second;
        if (key.size() > 23 && key.compare(key.size() - 23, 23, "relative_position_index") == 0) {
            // A buffer we compute ourselves; a file with another index was made for another window layout.
            if (src.numel() != dst.numel() || !torch::equal(src.reshape({-1}).to(torch::kLong), dst))
                problems.push_back("mis-shaped: " + key + " differs from the standard index " + shapeText(src));
            continue;
        }
        if (src.sizes() != dst.sizes()) {
            problems.push_back("mis-shaped: " + key + " is " + shapeText(src) + ", expected " + shapeText(dst));
            continue;
        }
        if (!src.is_floating_point()) {
            problems.push_back("mis-shaped: " + key + " is not a floating-point tensor");
            continue;
        }
        dst.copy_(src);
    }
    for (const auto& [key, t] : tensors)
        if (!used.count(key))
            problems.push_back("unexpected: " + key);
    model.clearCaches();
    return problems;
}

} // namespace hqa::core::swin
