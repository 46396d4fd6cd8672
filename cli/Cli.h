#pragma once
// The command-line front end. Runs without a display (QCoreApplication); commands only call core.

#include <QStringList>
#include <QTextStream>

namespace hqa::cli {

/// Exit codes shared by all commands.
enum ExitCode { kExitOk = 0, kExitSomeFailed = 1, kExitUsage = 2 };

/// args excludes the program name. Returns the process exit code.
int run(const QStringList& args, QTextStream& out, QTextStream& err);

QString versionString();

// Commands, one file each.
int runAssess(const QStringList& args, QTextStream& out, QTextStream& err);
int runEvaluate(const QStringList& args, QTextStream& out, QTextStream& err);
int runSelect(const QStringList& args, QTextStream& out, QTextStream& err);
int runLearn(const QStringList& args, QTextStream& out, QTextStream& err);
int runVerify(const QStringList& args, QTextStream& out, QTextStream& err);
int runAugment(const QStringList& args, QTextStream& out, QTextStream& err);
int runMerge(const QStringList& args, QTextStream& out, QTextStream& err);
int runFitBackground(const QStringList& args, QTextStream& out, QTextStream& err);
#ifdef HQA_WITH_TORCH
int runModelCommand(const QStringList& args, QTextStream& out, QTextStream& err);
int runTrain(const QStringList& args, QTextStream& out, QTextStream& err);
int runModelFuse(const QStringList& args, QTextStream& out, QTextStream& err); // `model fuse`
#endif

} // namespace hqa::cli
