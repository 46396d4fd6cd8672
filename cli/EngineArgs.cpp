#include "EngineArgs.h"

#include "cli/Cli.h"

#ifdef HQA_WITH_TORCH
#include "core/model/BlasInfo.h"
#endif

#include <QDateTime>
#include <QThread>

#include <unistd.h>

namespace hqa::cli {

using namespace core;

void addEngineOptions(CommandLine& commandLine)
{
    commandLine.addOption({QStringLiteral("engine"),
                           QStringLiteral("Engine: %1 (default measures).").arg(availableEngines().join(u'|')),
                           QStringLiteral("NAME"), kMeasuresEngine});
    commandLine.addOption(
        {QStringLiteral("model"), QStringLiteral("Model file for a learned engine."), QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("head"),
                           QStringLiteral("Corrections head (from `headshot-qa learn`) applied after the engine."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("threshold"),
                           QStringLiteral("Pass threshold for one attribute, e.g. framing=0.6 (repeatable)."),
                           QStringLiteral("KEY=VALUE")});
    commandLine.addOption({{QStringLiteral("j"), QStringLiteral("jobs")},
                           QStringLiteral("Worker threads (default: the number of cores)."),
                           QStringLiteral("N")});
}

std::optional<BatchOptions> readEngineOptions(const CommandLine& commandLine, QTextStream& err)
{
    BatchOptions o;
    o.engine.name = commandLine.value(QStringLiteral("engine"));
    o.engine.modelPath = commandLine.value(QStringLiteral("model"));
    o.engine.headPath = commandLine.value(QStringLiteral("head"));
    if (!availableEngines().contains(o.engine.name)) {
        err << "headshot-qa: unknown engine \"" << o.engine.name
            << "\" (available: " << availableEngines().join(QStringLiteral(", ")) << ")\n";
        return std::nullopt;
    }
    if (o.engine.name != kMeasuresEngine && o.engine.modelPath.isEmpty()) {
        err << "headshot-qa: --engine " << o.engine.name << " needs --model FILE\n";
        return std::nullopt;
    }
    for (const QString& t : commandLine.values(QStringLiteral("threshold"))) {
        const qsizetype eq = t.indexOf(u'=');
        const auto attr = eq > 0 ? attributeFromKey(t.left(eq).toStdString()) : std::nullopt;
        bool ok = false;
        const double v = eq > 0 ? t.mid(eq + 1).toDouble(&ok) : 0.0;
        if (!attr || !ok || v < 0.0 || v > 1.0) {
            err << "headshot-qa: --threshold expects KEY=VALUE with KEY one of lighting, background, attire, "
                   "expression, framing, sharpness and VALUE in 0..1, got \""
                << t << "\"\n";
            return std::nullopt;
        }
        o.engine.thresholds[index(*attr)] = v;
    }
    const int cores = std::max(1, QThread::idealThreadCount());
    o.jobs = cores;
    if (commandLine.isSet(QStringLiteral("jobs"))) {
        bool ok = false;
        o.jobs = commandLine.value(QStringLiteral("jobs")).toInt(&ok);
        if (!ok || o.jobs < 1 || o.jobs > 256) {
            err << "headshot-qa: --jobs expects a number from 1 to 256\n";
            return std::nullopt;
        }
    }
    // A learned engine parallelises inside the network; one worker with all cores beats two half-fed ones.
    if (o.engine.name != kMeasuresEngine) {
#ifdef HQA_WITH_TORCH
        if (const auto warning = blasWarning())
            err << "headshot-qa: warning: " << *warning << "\n";
#endif
        o.engine.threads = o.jobs;
        o.jobs = 1;
    }
    return o;
}

std::optional<LabelledBatch> prepareLabelledBatch(const CommandLine& commandLine, QTextStream& err, int& exitCode)
{
    auto options = readEngineOptions(commandLine, err);
    if (!options) {
        exitCode = kExitUsage;
        return std::nullopt;
    }
    LabelledBatch batch;
    batch.options = *options;
    auto labels = readLabelFile(commandLine.positionals().front());
    if (!labels) {
        err << "headshot-qa " << commandLine.command() << ": " << labels.error().detail << "\n";
        exitCode = kExitSomeFailed;
        return std::nullopt;
    }
    batch.labels = std::move(*labels);
    auto runner = BatchRunner::create(batch.options);
    if (!runner) {
        err << "headshot-qa " << commandLine.command() << ": " << runner.error().detail << "\n";
        exitCode = kExitSomeFailed;
        return std::nullopt;
    }
    batch.runner = std::move(*runner);
    for (const LabelRow& r : batch.labels.rows)
        batch.files << r.path;
    return batch;
}

void addShardOption(CommandLine& commandLine)
{
    commandLine.addOption(
        {QStringLiteral("shard"),
         QStringLiteral("Process only shard K of N of the inputs (K/N, 1-based): the inputs whose position "
                        "in the expanded list is K-1 modulo N. Join the outputs with `headshot-qa merge`."),
         QStringLiteral("K/N")});
}

std::optional<Shard> readShardOption(const CommandLine& commandLine, QTextStream& err)
{
    if (!commandLine.isSet(QStringLiteral("shard")))
        return Shard{};
    auto shard = parseShard(commandLine.value(QStringLiteral("shard")));
    if (!shard) {
        err << "headshot-qa " << commandLine.command() << ": --shard: " << shard.error().detail << "\n";
        return std::nullopt;
    }
    return *shard;
}

Progress::Progress(QTextStream& err, int total)
    : m_err(err)
    , m_total(total)
    , m_enabled(isatty(STDERR_FILENO) == 1)
    , m_startMs(QDateTime::currentMSecsSinceEpoch())
{ }

void Progress::step(const QString& file)
{
    ++m_done;
    if (!m_enabled)
        return;
    const double secs = std::max(1e-3, (QDateTime::currentMSecsSinceEpoch() - m_startMs) / 1000.0);
    QString name = file.size() > 40 ? QStringLiteral("...") + file.right(37) : file;
    m_err << "\r\x1b[K[" << m_done << "/" << m_total << "] " << QString::number(m_done / secs, 'f', 1) << " img/s  "
          << name;
    m_err.flush();
}

void Progress::finish()
{
    if (m_enabled) {
        m_err << "\r\x1b[K";
        m_err.flush();
    }
}

} // namespace hqa::cli
