#pragma once
// Options shared by every command that runs an engine: --engine, --model, --threshold KEY=VALUE, --jobs.

#include "cli/CommandLine.h"
#include "core/engine/BatchRunner.h"
#include "core/engine/Shard.h"
#include "core/eval/LabelFile.h"

#include <optional>

namespace hqa::cli {

void addEngineOptions(CommandLine& commandLine);

/// --shard K/N (see core/engine/Shard.h), for the commands that take a batch of photos.
void addShardOption(CommandLine& commandLine);

/// The shard the command line names (1/1 without --shard); on a malformed value writes "headshot-qa COMMAND: why"
/// to err and returns nullopt.
std::optional<core::Shard> readShardOption(const CommandLine& commandLine, QTextStream& err);

/// Reads the engine options; on a usage error writes the message to err and returns nullopt.
std::optional<core::BatchOptions> readEngineOptions(const CommandLine& commandLine, QTextStream& err);

/// What a command that compares an engine with a labels.csv needs: the options, the labels, one path per row
/// and a runner with its engines loaded.
struct LabelledBatch {
    core::BatchOptions options;
    core::LabelSet labels;
    QStringList files;
    std::unique_ptr<core::BatchRunner> runner;
};

/// Reads the engine options and the label file named by the first positional argument and creates the runner.
/// On failure writes "headshot-qa COMMAND: why" to err, sets exitCode and returns nullopt.
std::optional<LabelledBatch> prepareLabelledBatch(const CommandLine& commandLine, QTextStream& err, int& exitCode);

/// A progress line on stderr, only when stderr is a terminal.
class Progress {
public:
    Progress(QTextStream& err, int total);
    void step(const QString& file);
    void finish();

private:
    QTextStream& m_err;
    int m_total;
    int m_done = 0;
    bool m_enabled;
    qint64 m_startMs;
};

} // namespace hqa::cli
