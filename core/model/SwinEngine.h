#pragma once
// The Swin-Tiny six-head network as an analysis engine ("swin"): same Assessment as every other engine.

#include "core/engine/Engine.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace hqa::core {

class SwinModel;
struct SwinMetadata;

/// Judges the whole photo with the network; each verdict is sigmoid(logit) against the checkpoint's
/// per-attribute threshold (or the caller's override). Not thread-safe: one engine per thread.
class SwinEngine final : public Engine {
public:
    ~SwinEngine() override;
    static Expected<std::unique_ptr<SwinEngine>> create(const EngineOptions& options);

    QString name() const override;
    QString version() const override;
    int preferredLongSide() const override;
    /// The loaded model's metadata (thresholds, version, fusion choice).
    const SwinMetadata& metadata() const;
    Assessment assess(const DecodedImage& image, const QString& file) override;
    /// One forward pass for several images (faster per image than one by one).
    std::vector<Assessment> assessBatch(const std::vector<const DecodedImage*>& images, const QStringList& files);

private:
    SwinEngine() = default;
    std::unique_ptr<SwinModel> m_model;
    std::array<double, kAttributeCount> m_thresholds{};
    std::array<int, kAttributeCount> m_headOf{}; ///< attribute -> head index
};

/// Factory registered as "swin" (makeEngine) and called directly by tests of this engine.
Expected<std::unique_ptr<Engine>> makeSwinEngine(const EngineOptions& options);

} // namespace hqa::core
