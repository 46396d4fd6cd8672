#pragma once
// Every engine (analysis measures, Swin-Tiny network, fusion) turns a decoded image into an Assessment.
//
// Engines are found by name in a registry, so this layer names no concrete learned engine: the network and the
// fusion live above it (core/model) and register themselves.
// - Each engine's own .cpp registers it at start-up: HQA_REGISTER_ENGINE(id, name, position, factory). The position
//   orders availableEngines() ("measures", "swin", "fused"), because static initialisers of different files run
//   in no fixed order.
// - hqa_core is a static library, and the linker takes an object file from it only when something already linked
//   uses one of its symbols; a file that only registers itself would be dropped with its registration (makeEngine
//   would then report "unknown engine"). So the macro also defines the C symbol hqa_engine_<id>, and
//   core/CMakeLists.txt gives every program that links hqa_core the link option `-u hqa_engine_<id>` (INTERFACE),
//   which makes the linker take exactly those files. A new engine adds its id there.
// This needs no call in every main() and test, and no whole-archive link of all of hqa_core into every test.

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
    QString headPath; ///< corrections head (core/engine/CorrectionsHead) applied after the engine
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

/// Makes one engine from its options; the error of an engine that cannot be made (e.g. an unreadable model file).
using EngineFactory = Expected<std::unique_ptr<Engine>> (*)(const EngineOptions& options);
/// Whether a registered engine can run here (nullptr: always).
using EngineAvailability = bool (*)();

/// Adds an engine to the registry (normally through HQA_REGISTER_ENGINE). position orders availableEngines(); a
/// second registration of a name replaces the first. Returns true, so a static initialiser can call it.
bool registerEngine(const QString& name, int position, EngineFactory factory, EngineAvailability available = nullptr);

/// Creates the engine registered under options.name, wrapped in the corrections head when options.headPath is set;
/// Model/InvalidArgument errors for unknown names or unreadable model files.
Expected<std::unique_ptr<Engine>> makeEngine(const EngineOptions& options);

/// Names makeEngine() accepts in this build, in registration position order.
QStringList availableEngines();

/// Decodes a file with the engine's preferred resolution and assesses it; decode errors become an
/// Assessment with error set. Never throws.
Assessment assessFile(Engine& engine, const QString& path);

} // namespace hqa::core

/// Registers an engine from its own .cpp at start-up (see the top of this file): HQA_REGISTER_ENGINE(swin,
/// kSwinEngine, 20, makeSwinEngine). Defines the symbol hqa_engine_<id> that core/CMakeLists.txt makes the linker
/// keep; the arguments after id are those of registerEngine().
#define HQA_REGISTER_ENGINE(id, ...) extern "C" const bool hqa_engine_##id = ::hqa::core::registerEngine(__VA_ARGS__)
