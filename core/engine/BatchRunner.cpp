#include "BatchRunner.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace hqa::core {

Expected<std::unique_ptr<BatchRunner>> BatchRunner::create(const BatchOptions& options)
{
    std::vector<std::unique_ptr<Engine>> engines;
    const int jobs = std::max(1, options.jobs);
    for (int i = 0; i < jobs; ++i) {
        auto e = makeEngine(options.engine);
        if (!e)
            return e.error();
        engines.push_back(std::move(*e));
    }
    return std::unique_ptr<BatchRunner>(new BatchRunner(std::move(engines)));
}

BatchRunner::BatchRunner(std::vector<std::unique_ptr<Engine>> engines)
    : m_engines(std::move(engines))
{ }

BatchRunner::~BatchRunner() = default;

int BatchRunner::run(const QStringList& files, const ResultCallback& onResult)
{
    std::mutex mutex;
    std::condition_variable ready;
    std::map<int, Assessment> done; // finished out of order, waiting for their turn
    std::atomic<int> next{0};
    int finishedWorkers = 0;

    auto worker = [&](Engine* engine) {
        for (;;) {
            const int i = next.fetch_add(1);
            if (i >= files.size() || m_cancelled)
                break;
            Assessment a = assessFile(*engine, files[i]);
            std::lock_guard lock(mutex);
            done.emplace(i, std::move(a));
            ready.notify_one();
        }
        std::lock_guard lock(mutex);
        ++finishedWorkers;
        ready.notify_one();
    };

    std::vector<std::thread> threads;
    const int workers = std::min<int>(static_cast<int>(m_engines.size()), std::max<int>(1, files.size()));
    for (int w = 0; w < workers; ++w)
        threads.emplace_back(worker, m_engines[w].get());

    int delivered = 0;
    std::unique_lock lock(mutex);
    while (delivered < files.size()) {
        ready.wait(lock, [&] { return done.count(delivered) || finishedWorkers == workers; });
        auto it = done.find(delivered);
        if (it == done.end())
            break; // cancelled: workers stopped before this index
        Assessment a = std::move(it->second);
        done.erase(it);
        lock.unlock();
        onResult(delivered, a);
        ++delivered;
        lock.lock();
    }
    lock.unlock();
    for (auto& t : threads)
        t.join();
    return delivered;
}

QStringList expandInputs(const QStringList& inputs)
{
    QStringList out;
    for (const QString& input : inputs) {
        const QFileInfo info(input);
        if (!info.isDir()) {
            out << input;
            continue;
        }
        QStringList found;
        QDirIterator it(input, QDir::Files | QDir::Readable,
                        QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
        while (it.hasNext()) {
            const QString path = it.next();
            if (hasImageExtension(path))
                found << path;
        }
        found.sort();
        out << found;
    }
    return out;
}

} // namespace hqa::core
