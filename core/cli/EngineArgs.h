#pragma once
// Options shared by every command that runs an engine: --engine, --model, --threshold KEY=VALUE, --jobs.

#include "core/engine/BatchRunner.h"
#include "core/engine/Shard.h"
#include "core/eval/LabelFile.h"

#include <QCommandLineParser>

#include <optional>

namespace hqa::core::cli {

void addEngineOptions(QCommandLineParser& parser);

/// --shard K/N (see core/engine/Shard.h), for the commands that take a batch of photos.
void addShardOption(QCommandLineParser& parser);

/// The shard the parser names (1/1 without --shard); on a malformed value writes "headshot-qa COMMAND: why" to err
/// and returns nullopt.
std::optional<Shard> readShardOption(const QCommandLineParser& parser, const QString& command, QTextStream& err);

/// Reads the engine options; on a usage error writes the message to err and returns nullopt.
std::optional<BatchOptions> readEngineOptions(const QCommandLineParser& parser, QTextStream& err);

/// What a command that compares an engine with a labels.csv needs: the options, the labels, one path per row
/// and a runner with its engines loaded.
struct LabelledBatch {
    BatchOptions options;
    LabelSet labels;
    QStringList files;
    std::unique_ptr<BatchRunner> runner;
};

/// Reads the engine options and the label file named by the parser's first positional argument and creates
/// the runner. On failure writes "headshot-qa COMMAND: why" to err, sets exitCode and returns nullopt.
std::optional<LabelledBatch> prepareLabelledBatch(const QCommandLineParser& parser, const QString& command,
                                                  QTextStream& err, int& exitCode);

/// Parses args (without the program name) with parser; handles --help. Returns an exit code to stop with,
/// or nullopt to go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QString& command, const QStringList& args,
                                    QTextStream& out, QTextStream& err);

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

} // namespace hqa::core::cli
