#include "Engine.h"

#include "core/engine/CorrectionsHead.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <exception>
#include <mutex>
#include <vector>

namespace hqa::core {

namespace {

struct Registration {
    QString name;
    int position = 0;
    EngineFactory factory = nullptr;
    EngineAvailability available = nullptr;
};

/// The registered engines, sorted by position. Created on first use: registrations run from static initialisers
/// of other files, in no fixed order relative to this one.
struct Registry {
    std::mutex mutex;
    std::vector<Registration> engines;
};

Registry& registry()
{
    static Registry instance;
    return instance;
}

/// The factory of an available engine called `name`, or nullptr.
EngineFactory factoryOf(const QString& name)
{
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    for (const Registration& e : r.engines)
        if (e.name == name)
            return !e.available || e.available() ? e.factory : nullptr;
    return nullptr;
}

} // namespace

bool registerEngine(const QString& name, int position, EngineFactory factory, EngineAvailability available)
{
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    std::erase_if(r.engines, [&](const Registration& e) { return e.name == name; });
    const auto at = std::upper_bound(r.engines.begin(), r.engines.end(), position,
                                     [](int p, const Registration& e) { return p < e.position; });
    r.engines.insert(at, Registration{name, position, factory, available});
    return true;
}

Expected<std::unique_ptr<Engine>> makeEngine(const EngineOptions& options)
{
    const EngineFactory factory = factoryOf(options.name);
    if (!factory)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("hqa::Engine", "unknown engine \"%1\" (available: %2)")
                             .arg(options.name, availableEngines().join(QStringLiteral(", "))));
    auto engine = factory(options);
    if (!engine || options.headPath.isEmpty())
        return engine;
    return withCorrectionsHead(std::move(*engine), options.headPath);
}

QStringList availableEngines()
{
    Registry& r = registry();
    const std::lock_guard lock(r.mutex);
    QStringList names;
    for (const Registration& e : r.engines)
        if (!e.available || e.available())
            names << e.name;
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
