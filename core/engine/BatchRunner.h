#pragma once
// Runs an engine over many files on N worker threads (one engine object per thread), delivering results
// in input order. Used by the CLI; cancellation is a flag checked between images.

#include "core/Assessment.h"
#include "core/engine/Engine.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace hqa::core {

struct BatchOptions {
    EngineOptions engine;
    int jobs = 1; ///< worker threads, each with its own engine
};

class BatchRunner {
public:
    /// Called on the calling thread, in input order, once per file.
    using ResultCallback = std::function<void(int index, const Assessment&)>;

    /// Creates the engines up front so model errors surface before any file is read.
    static Expected<std::unique_ptr<BatchRunner>> create(const BatchOptions& options);
    ~BatchRunner();

    /// Blocks until every file is assessed or cancel() was called; returns how many were delivered.
    int run(const QStringList& files, const ResultCallback& onResult);
    /// Thread-safe; files not yet started are skipped.
    void cancel() { m_cancelled = true; }

private:
    explicit BatchRunner(std::vector<std::unique_ptr<Engine>> engines);
    std::vector<std::unique_ptr<Engine>> m_engines;
    std::atomic<bool> m_cancelled{false};
};

/// Expands files and folders (recursively, image extensions only, sorted) keeping each path as given.
/// Paths that do not exist are kept so the caller reports them.
QStringList expandInputs(const QStringList& inputs);

} // namespace hqa::core
