#pragma once
// The "fused" engine: the network and the analysis engine both judge the photo, and each attribute takes the
// verdict of the source the model's fusion choice names (Fusion.h). Verdicts carry that source.
#include "core/engine/Engine.h"
#include "core/model/Fusion.h"
#include <memory>

namespace hqa::core {

class FusedEngine final : public Engine {
public:
    ~FusedEngine() override;
    /// Model error when the model has no fusion choice (run `headshot-qa model fuse MODEL LABELS.csv`).
    static Expected<std::unique_ptr<FusedEngine>> create(const EngineOptions& options);
    QString name() const override { return kFusedEngine; }
    QString version() const override;
    int preferredLongSide() const override;
    Assessment assess(const DecodedImage& image, const QString& file) override;
    const FusionChoice& choice() const { return m_choice; }

private:
    FusedEngine() = default;
    std::unique_ptr<Engine> m_swin, m_measures;
    FusionChoice m_choice;
};

/// Factory registered as "fused" (makeEngine).
Expected<std::unique_ptr<Engine>> makeFusedEngine(const EngineOptions& options);

} // namespace hqa::core
