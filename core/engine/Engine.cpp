#include "Engine.h"

#include "core/engine/AnalysisEngine.h"
#include "core/train/CorrectionsHead.h"
#ifdef HQA_WITH_TORCH
#include "core/model/SwinEngine.h"
#include "core/model/FusedEngine.h"
#endif

#include <QCoreApplication>
#include <QElapsedTimer>

#include <exception>

namespace hqa::core {

namespace {

Expected<std::unique_ptr<Engine>> makeBaseEngine(const EngineOptions& options)
{
    if (options.name == kMeasuresEngine) {
        auto engine = std::make_unique<AnalysisEngine>(options);
        if (auto error = engine->load())
            return *error;
        return std::unique_ptr<Engine>(std::move(engine));
    }
#ifdef HQA_WITH_TORCH
    if (options.name == kSwinEngine)
        return makeSwinEngine(options);
    if (options.name == kFusedEngine)
        return makeFusedEngine(options);
#endif
    return makeError(ErrorCode::InvalidArgument,
                     QCoreApplication::translate("hqa::Engine", "unknown engine \"%1\" (available: %2)")
                         .arg(options.name, availableEngines().join(QStringLiteral(", "))));
}

} // namespace

Expected<std::unique_ptr<Engine>> makeEngine(const EngineOptions& options)
{
    auto engine = makeBaseEngine(options);
    if (!engine || options.headPath.isEmpty())
        return engine;
    return withCorrectionsHead(std::move(*engine), options.headPath);
}

QStringList availableEngines()
{
    QStringList names{kMeasuresEngine};
#ifdef HQA_WITH_TORCH
    names << kSwinEngine << kFusedEngine;
#endif
    return names;
}

Assessment assessFile(Engine& engine, const QString& path)
{
    QElapsedTimer timer;
    timer.start();
    DecodeOptions options;
    options.maxLongSide = engine.preferredLongSide();
    auto decoded = decodeImageFile(path, options);
    const double decodeMs = timer.nsecsElapsed() / 1e6;
    if (!decoded) {
        Assessment a;
        a.file = path;
        a.engine = engine.name();
        a.modelVersion = engine.version();
        a.error = decoded.error();
        a.timings.decodeMs = decodeMs;
        a.elapsedMs = decodeMs;
        return a;
    }
    Assessment a;
    try {
        a = engine.assess(*decoded, path);
    } catch (const std::exception& e) {
        // Engines should not throw; if a library does anyway, the batch must go on.
        a = Assessment{};
        a.file = path;
        a.engine = engine.name();
        a.error = makeError(
            ErrorCode::Unreadable,
            QCoreApplication::translate("hqa::Engine", "analysis failed: %1").arg(QString::fromLocal8Bit(e.what())));
    }
    a.timings.decodeMs = decodeMs;
    a.elapsedMs = timer.nsecsElapsed() / 1e6;
    return a;
}

} // namespace hqa::core
