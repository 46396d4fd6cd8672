#pragma once
// `headshot-qa model info FILE` and `headshot-qa model import SRC DEST`.

#include <QStringList>
#include <QTextStream>

namespace hqa::cli {

/// Runs a model sub-command. `args` are the words after "model" (a leading "model" is skipped too).
/// Returns the exit status: 0 success, 1 failure (message on err), 2 usage error.
int runModelCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace hqa::cli
