#pragma once
// The engine built on measured evidence: judges all six attributes with no trained weights.

#include "core/engine/Engine.h"

#include <memory>

namespace hqa::core {

class FaceAnalyzer;
class Measure;

/// Default pass thresholds of the analysis engine (the measures map their pass boundary to 0.5).
inline constexpr double kDefaultMeasureThreshold = 0.5;

/// Analysis resolution: images are decoded so the longer side is at most this (JPEG DCT scaling makes
/// large photos cheap); measures normalise for face size, so nothing is lost for judging.
inline constexpr int kAnalysisLongSide = 1600;

class AnalysisEngine final : public Engine {
public:
    explicit AnalysisEngine(const EngineOptions& options = {});
    ~AnalysisEngine() override;

    QString name() const override { return kMeasuresEngine; }
    QString version() const override;
    int preferredLongSide() const override { return kAnalysisLongSide; }
    Assessment assess(const DecodedImage& image, const QString& file) override;
    /// Loads the face models now (otherwise the first image pays for it); Model error when they are unusable.
    std::optional<Error> load();

private:
    std::unique_ptr<FaceAnalyzer> m_faces;
    std::vector<std::unique_ptr<Measure>> m_measures;
    std::array<double, kAttributeCount> m_thresholds{};
};

/// Capitalises the first letter and ends with a full stop, so every engine's reasons read alike.
QString asSentence(QString text);

/// Picks the verdict (pass and reason) for a score against a threshold; shared by every engine.
void applyThreshold(AttributeVerdict& verdict, double threshold, const QString& passReason, const QString& failReason);

} // namespace hqa::core
