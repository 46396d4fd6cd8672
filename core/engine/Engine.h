#pragma once
// Every engine (analysis measures, Swin-Tiny network, fusion) turns a decoded image into an Assessment.

#include "core/Assessment.h"
#include "core/image/ImageDecoder.h"

#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

namespace hqa::core {

struct EngineOptions {
    QString name = kMeasuresEngine; ///< "measures" or "swin" (more engines register here later)
    QString modelPath; ///< model file for learned engines
    QString headPath; ///< corrections head (core/train/CorrectionsHead) applied after the engine
    /// Per-attribute threshold overrides (score >= threshold passes); nullopt keeps the engine's own.
    std::array<std::optional<double>, kAttributeCount> thresholds{};
    int threads = 1; ///< intra-op threads for learned engines
};

class Engine {
public:
    virtual ~Engine() = default;
    virtual QString name() const = 0;
    virtual QString version() const = 0;
    /// Analysis resolution the engine wants from the decoder (longer side; 0 = full resolution).
    virtual int preferredLongSide() const { return 0; }
    /// Assesses one decoded image. Not thread-safe: one engine object per thread.
    virtual Assessment assess(const DecodedImage& image, const QString& file) = 0;
};

/// Creates an engine; Model/InvalidArgument errors for unknown names or unreadable model files.
Expected<std::unique_ptr<Engine>> makeEngine(const EngineOptions& options);

/// Names makeEngine() accepts in this build.
QStringList availableEngines();

/// Decodes a file with the engine's preferred resolution and assesses it; decode errors become an
/// Assessment with error set. Never throws.
Assessment assessFile(Engine& engine, const QString& path);

} // namespace hqa::core
