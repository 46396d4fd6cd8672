#pragma once
// `headshot-qa project create|add|status|export|import`: the project store from the command line.

#include <QStringList>
#include <QTextStream>

namespace hqa::cli {

/// args excludes "project" itself. Exit 0 ok, 1 when something failed, 2 on a usage error.
int runProjectCommand(const QStringList& args, QTextStream& out, QTextStream& err);

} // namespace hqa::cli
