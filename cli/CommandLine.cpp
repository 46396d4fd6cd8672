#include "CommandLine.h"

#include "cli/Cli.h"

namespace hqa::cli {

CommandLine::CommandLine(const QString& command, const QString& description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
}

void CommandLine::addOption(const QCommandLineOption& option) { m_parser.addOption(option); }

void CommandLine::addPositional(const QString& name, const QString& description, const QString& syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
}

std::optional<int> CommandLine::parse(const QStringList& args, QTextStream& out, QTextStream& err)
{
    // Added last, so that --help closes the option list of every command.
    m_parser.addHelpOption();
    // QCommandLineParser skips the first word as the program name.
    QStringList words{QStringLiteral("headshot-qa ") + m_command};
    words << args;
    if (!m_parser.parse(words))
        return usageError(err, m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        out << m_parser.helpText();
        return kExitOk;
    }
    return std::nullopt;
}

int CommandLine::usageError(QTextStream& err, const QString& why) const
{
    err << "headshot-qa " << m_command << ": " << why << "\n";
    return kExitUsage;
}

} // namespace hqa::cli
