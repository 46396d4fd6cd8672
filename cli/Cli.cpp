#include "Cli.h"

#include "cli/ProjectCommand.h"
#include "core/Attribute.h"
#include "core/engine/Engine.h"

#include <QCoreApplication>

#include <functional>

namespace hqa::cli {

using namespace core;

int runExport(const QStringList& args, QTextStream& out, QTextStream& err); // ExportCommand.cpp

namespace {

struct Command {
    const char* name;
    const char* summary;
    std::function<int(const QStringList&, QTextStream&, QTextStream&)> run;
};

const std::vector<Command>& commands()
{
    static const std::vector<Command> all = {
        {"assess", "judge the six attributes of photos (files or folders)", runAssess},
        {"evaluate", "compare an engine's verdicts with a labels.csv and print the metrics", runEvaluate},
        {"project", "create, add to, inspect, export or import a project file", runProjectCommand},
        {"select", "pick the best face from a shoot or a video and cut the standard crop", runSelect},
        {"learn", "learn the reviewers' standard from a project's corrections (fast head, no network)", runLearn},
        {"verify", "list the labels of a labels.csv most worth re-checking, most suspicious first", runVerify},
        {"augment", "write variants that break one attribute each, with known labels", runAugment},
        {"fit-background", "fit the background measure's scene probe on labelled photos (tuning people only)",
         runFitBackground},
        {"merge", "join the outputs of sharded runs (assess/project add --shard K/N) into one", runMerge},
        {"export", "copy or move photos and their sidecars to a folder, optionally as the standard crop", runExport},
#ifdef HQA_WITH_TORCH
        {"model", "inspect or import Swin-Tiny checkpoints (model info FILE, model import SRC DEST)", runModelCommand},
        {"train", "train the six-head network from a labels.csv (see train --help)", runTrain},
#endif
    };
    return all;
}

void printHelp(QTextStream& out)
{
    out << "Usage: headshot-qa COMMAND [OPTIONS] ...\n\n"
           "Judges professional headshots on six attributes: ";
    QStringList keys;
    for (auto k : kAttributeKeys)
        keys << QString::fromLatin1(k.data(), k.size());
    out << keys.join(QStringLiteral(", ")) << ".\n\nCommands:\n";
    for (const auto& c : commands())
        out << "  " << QString::fromLatin1(c.name).leftJustified(10) << c.summary << "\n";
    // "gui" is handled by the application entry point (it needs the widget layer), not by this table.
    out << "  " << QStringLiteral("gui").leftJustified(10)
        << "open the review window [FILES|FOLDERS|PROJECT.hqa...] (also with no command when a display is set)\n";
    out << "\nOptions:\n"
           "  -h, --help     show this help (COMMAND --help for a command's options)\n"
           "  -v, --version  show the version\n\n"
           "Exit status: 0 all inputs assessed, 1 some input could not be assessed, 2 usage error.\n";
}

} // namespace

QString versionString()
{
    return QStringLiteral("headshot-qa " HQA_VERSION " (engines: %1)").arg(availableEngines().join(u','));
}

int run(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")
        || args.front() == QLatin1String("help")) {
        printHelp(out);
        return args.isEmpty() ? kExitUsage : kExitOk;
    }
    if (args.front() == QLatin1String("--version") || args.front() == QLatin1String("-v")) {
        out << versionString() << "\n";
        return kExitOk;
    }
    for (const auto& c : commands())
        if (args.front() == QLatin1String(c.name))
            return c.run(args.mid(1), out, err);
    err << "headshot-qa: unknown command \"" << args.front() << "\" (see headshot-qa --help)\n";
    return kExitUsage;
}

} // namespace hqa::cli
