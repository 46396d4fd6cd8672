#pragma once
// The Swin-Tiny six-head network behind a plain interface (pimpl: no torch header leaks out). Loads the
// product's own checkpoint format, public torchvision / Microsoft / timm state dicts and TorchScript
// exports; writes the product format atomically.

#include "core/Attribute.h"
#include "core/Error.h"
#include "core/model/SwinConfig.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <opencv2/core/mat.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace hqa::core {

/// Version of the product checkpoint format this build writes and the newest it reads.
inline constexpr int kSwinFormatVersion = 1;

/// How a photo becomes the network input. The card feeds the whole photo: framing, attire and background
/// are judged on what lies around the face, so a face crop would hide exactly those defects.
struct SwinPreprocessing {
    QString input = QStringLiteral("whole_image"); ///< the only mode: the full oriented photo
    QString resize = QStringLiteral("squash"); ///< "squash" (stretch to square) or "letterbox" (pad)
    int size = 224;
    std::array<double, 3> mean{0.485, 0.456, 0.406}; ///< ImageNet, RGB
    std::array<double, 3> std{0.229, 0.224, 0.225};
    QJsonObject toJson() const;
    static SwinPreprocessing fromJson(const QJsonObject& o);
};

/// Everything stored beside the weights.
struct SwinMetadata {
    int formatVersion = kSwinFormatVersion;
    SwinConfig config;
    QStringList attributeOrder; ///< keys of the six heads, in head order
    std::array<double, kAttributeCount> thresholds{0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    SwinPreprocessing preprocessing;
    QString modelVersion; ///< e.g. "imported-1a2b3c4d5e6f" or a training run id
    bool headsTrained = false; ///< false when the six heads are freshly initialised
    QString sourceFormat; ///< origin: "hqa", "torchvision", "microsoft", "timm", "torchscript"
    QString fileFormat; ///< what the loaded file was (same keys); not stored
    QJsonObject provenance; ///< source file, sha256, import/training details
    QJsonObject fusion; ///< per-attribute engine choice (core/model/Fusion.h); empty = none
    QJsonObject toJson() const;
    static SwinMetadata fromJson(const QJsonObject& o);
};

/// Network outputs for a batch, row-major [batch, n].
struct SwinOutputs {
    int batch = 0;
    std::vector<float> attributeLogits; ///< [batch, 6] (empty without heads)
    std::vector<float> imagenetLogits; ///< [batch, numClasses] (empty without ImageNet head)
};

struct SwinLoadOptions {
    /// Accept a file without the six heads (a public backbone) and initialise them freshly.
    bool allowFreshHeads = false;
    std::uint64_t seed = 0; ///< for fresh heads
};

class SwinModel {
public:
    using LoadOptions = SwinLoadOptions;

    ~SwinModel();
    SwinModel(const SwinModel&) = delete;
    SwinModel& operator=(const SwinModel&) = delete;

    /// Reads any supported file; Model errors name the problem (missing/unexpected/mis-shaped keys listed).
    static Expected<std::unique_ptr<SwinModel>> load(const QString& path, const LoadOptions& options = {});
    static Expected<std::unique_ptr<SwinModel>> loadBytes(const QByteArray& bytes, const QString& name,
                                                          const LoadOptions& options = {});
    /// A freshly initialised network (seeded), e.g. for tests and training from scratch.
    static std::unique_ptr<SwinModel> create(const SwinConfig& config, std::uint64_t seed);

    const SwinMetadata& metadata() const;
    SwinMetadata& metadata();
    bool isTorchScript() const;
    std::int64_t parameterCount() const;

    /// Writes the product format (atomically: temp file, then rename). A TorchScript model is converted to
    /// the native network first; that fails with a list of names when its weights do not map.
    Expected<bool> save(const QString& path) const;

    /// Input tensor for one photo (BGR, any size): [3, size, size] floats, normalised.
    std::vector<float> preprocess(const cv::Mat& bgr) const;
    /// Runs the network on `batch` preprocessed images laid out contiguously. Never throws.
    Expected<SwinOutputs> run(const float* input, int batch) const;

    /// Intra-op threads for LibTorch (process-wide setting).
    static void setThreads(int threads);
    static int threads();
    /// Benchmark switches: fused attention (default on), oneDNN linear layers (default off: OpenBLAS)
    /// and a channels-last input for the patch embedding.
    void setFusedAttention(bool on);
    void setOneDnn(bool on);
    void setChannelsLast(bool on);

private:
    friend struct SwinModelAccess; // core/model/SwinModelAccess.h: the trainer reaches the native network
    struct Impl;
    explicit SwinModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace hqa::core
