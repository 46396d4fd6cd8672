// headshot-qa: runs a command-line command on the core, with no display needed.
#include "core/cli/Cli.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("headshot-qa"));
    QCoreApplication::setOrganizationName(QStringLiteral("Headshot QA"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HQA_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = hqa::core::cli::run(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
