#include "Cli.h"

#include "cli/AssessmentFormat.h"
#include "cli/EngineArgs.h"
#include "core/measures/FixAdvice.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace hqa::cli {

using namespace core;

int runAssess(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("assess"),
        QStringLiteral(
            "Judges each photo on the six attributes. PATH may be files or folders (searched recursively for "
            "jpg, png, webp, tif and bmp).\nExit status: 0 all assessed, 1 some could not be, 2 usage error."));
    commandLine.addOption({QStringLiteral("format"), QStringLiteral("Output format: jsonl (default), csv or table."),
                           QStringLiteral("FORMAT"), QStringLiteral("jsonl")});
    commandLine.addOption(
        {QStringLiteral("evidence"), QStringLiteral("Add each attribute's raw measured values (jsonl).")});
    commandLine.addOption({QStringLiteral("fix"),
                           QStringLiteral("Add how to fix each failing attribute: a \"fix\" field (jsonl) or "
                                          "an indented \"fix\" line under the photo (table).")});
    addEngineOptions(commandLine);
    addShardOption(commandLine);
    commandLine.addPositional(QStringLiteral("PATH"), QStringLiteral("Photos or folders."), QStringLiteral("PATH..."));
    if (auto code = commandLine.parse(args, out, err))
        return *code;

    const QString format = commandLine.value(QStringLiteral("format"));
    if (format != QLatin1String("jsonl") && format != QLatin1String("csv") && format != QLatin1String("table"))
        return commandLine.usageError(err, QStringLiteral("--format must be jsonl, csv or table"));
    if (commandLine.positionals().isEmpty())
        return commandLine.usageError(err, QStringLiteral("no PATH given (see headshot-qa assess --help)"));
    auto options = readEngineOptions(commandLine, err);
    if (!options)
        return kExitUsage;
    const auto shard = readShardOption(commandLine, err);
    if (!shard)
        return kExitUsage;

    QStringList files;
    int failed = 0;
    for (const QString& p : commandLine.positionals()) {
        const QStringList found = expandInputs({p});
        if (QFileInfo(p).isDir() && found.isEmpty()) {
            err << "headshot-qa assess: " << p << ": no images found in this folder\n";
            ++failed;
        }
        files << found;
    }
    files = selectShard(files, *shard);

    auto runner = BatchRunner::create(*options);
    if (!runner) {
        err << "headshot-qa assess: " << runner.error().detail << "\n";
        return kExitSomeFailed;
    }
    const bool withEvidence = commandLine.isSet(QStringLiteral("evidence"));
    const bool withFix = commandLine.isSet(QStringLiteral("fix"));
    if (format == QLatin1String("csv"))
        out << csvHeader() << "\n";
    else if (format == QLatin1String("table"))
        out << tableHeader() << "\n";

    Progress progress(err, static_cast<int>(files.size()));
    (*runner)->run(files, [&](int, const Assessment& a) {
        progress.step(a.file);
        if (!a.ok()) {
            ++failed;
            const auto code = errorCodeKey(a.error->code);
            progress.finish();
            err << "headshot-qa assess: " << a.file << ": " << QString::fromLatin1(code.data(), code.size()) << ": "
                << a.error->detail << "\n";
        }
        // How to fix each failing attribute (--fix), derived from its evidence (core/measures/FixAdvice.h).
        std::vector<std::pair<QString, QString>> fixes;
        if (withFix && a.ok())
            for (Attribute at : kAllAttributes)
                if (a.verdict(at).judged && !a.verdict(at).pass)
                    fixes.emplace_back(QString::fromLatin1(attributeKey(at).data(), attributeKey(at).size()),
                                       howToFix(at, a.verdict(at)));
        if (format == QLatin1String("jsonl")) {
            QJsonObject o = assessmentToJson(a, {.evidence = withEvidence});
            if (!fixes.empty()) {
                QJsonObject attrs = o.value(QStringLiteral("attributes")).toObject();
                for (const auto& [key, fix] : fixes) {
                    QJsonObject jv = attrs.value(key).toObject();
                    jv[QStringLiteral("fix")] = fix;
                    attrs[key] = jv;
                }
                o[QStringLiteral("attributes")] = attrs;
            }
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        } else if (format == QLatin1String("csv")) {
            out << assessmentToCsv(a) << "\n";
        } else {
            out << assessmentToTableRow(a) << "\n";
            for (const auto& [key, fix] : fixes)
                out << "    fix " << key << ": " << fix << "\n";
        }
        out.flush();
    });
    progress.finish();
    return failed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli
