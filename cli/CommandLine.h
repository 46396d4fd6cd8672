#pragma once
// The options of one command, `headshot-qa COMMAND [OPTIONS] ARGUMENTS`: what every command does alike with its
// QCommandLineParser (the description, --help, the parse error) and its usage errors, written as
// "headshot-qa COMMAND: why" with exit status 2.

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace hqa::cli {

class CommandLine {
public:
    /// command: the words after "headshot-qa" ("assess", "project add"); description: the first lines of --help.
    CommandLine(const QString& command, const QString& description);

    const QString& command() const { return m_command; }

    void addOption(const QCommandLineOption& option);
    /// syntax: how the argument shows in the usage line ("PATH...", "[PATH...]"); the name when empty.
    void addPositional(const QString& name, const QString& description, const QString& syntax = QString());

    /// Parses args (the words after the command). Writes the help to out on --help (exit status 0) or the parse
    /// error to err (exit status 2) and returns the exit status to stop with; nullopt to go on.
    std::optional<int> parse(const QStringList& args, QTextStream& out, QTextStream& err);

    bool isSet(const QString& option) const { return m_parser.isSet(option); }
    QString value(const QString& option) const { return m_parser.value(option); }
    QStringList values(const QString& option) const { return m_parser.values(option); }
    QStringList positionals() const { return m_parser.positionalArguments(); }

    /// Writes "headshot-qa COMMAND: why" to err and returns the usage exit status (2).
    int usageError(QTextStream& err, const QString& why) const;

private:
    QString m_command;
    QCommandLineParser m_parser;
};

} // namespace hqa::cli
