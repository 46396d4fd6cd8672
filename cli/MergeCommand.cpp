// `headshot-qa merge`: joins the outputs of sharded runs (`assess --shard K/N` JSON Lines, or projects filled with
// `project add --shard K/N`) into one, and says what overlapped and what is missing.
#include "Cli.h"

#include "cli/EngineArgs.h"
#include "core/eval/LabelFile.h"
#include "core/AtomicFile.h"
#include "core/store/ProjectStore.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <map>

namespace hqa::cli {

using namespace core;

namespace {

struct Record {
    QString file;
    QByteArray line; ///< the line as it was written, without the newline
    QJsonObject content; ///< the record without its timing, to tell identical duplicates from conflicting ones
    QString origin; ///< "shard.jsonl:12"
};

/// The merge's findings; printed on stderr and deciding the exit status.
struct MergeReport {
    int records = 0;
    int identicalDuplicates = 0;
    QStringList conflicts; ///< a photo with different verdicts in two inputs
    QStringList missing; ///< expected inputs with no record
    QStringList unexpected; ///< records of photos that are not among the expected inputs
    QStringList unreadable; ///< input files or lines that could not be read
};

/// Reads the JSON Lines of one shard. Every line must be an object with a "file".
void readJsonl(const QString& path, std::vector<Record>& records, MergeReport& report)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        report.unreadable << QStringLiteral("%1: %2").arg(path, f.errorString());
        return;
    }
    int lineNo = 0;
    while (!f.atEnd()) {
        QByteArray line = f.readLine();
        ++lineNo;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        const QString where = QStringLiteral("%1:%2").arg(path).arg(lineNo);
        if (error.error != QJsonParseError::NoError || !doc.isObject()
            || !doc.object().value(QStringLiteral("file")).isString()) {
            report.unreadable << where + QStringLiteral(": not an assessment line (a shard cut short?)");
            continue;
        }
        QJsonObject content = doc.object();
        content.remove(QStringLiteral("elapsed_ms"));
        records.push_back({content.value(QStringLiteral("file")).toString(), line, content, where});
    }
}

/// One record per photo: the first seen; a second identical one is counted, a different one is a conflict.
std::vector<Record> dropDuplicates(std::vector<Record> records, MergeReport& report)
{
    std::vector<Record> kept;
    QHash<QString, size_t> seen;
    for (auto& r : records) {
        const auto it = seen.constFind(r.file);
        if (it == seen.constEnd()) {
            seen.insert(r.file, kept.size());
            kept.push_back(std::move(r));
        } else if (kept[*it].content == r.content) {
            ++report.identicalDuplicates;
        } else {
            report.conflicts
                << QStringLiteral("%1 (%2 and %3 differ; the first is kept)").arg(r.file, kept[*it].origin, r.origin);
        }
    }
    return kept;
}

/// Puts the records in the order of the expected inputs (the order an unsharded run writes); records of other
/// photos follow, sorted by path. Without expected inputs, sorted by path: the order of one folder's run.
std::vector<Record> orderRecords(std::vector<Record> records, const QStringList& expected, MergeReport& report)
{
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < expected.size(); ++i)
        position.insert(expected[i], i);
    QSet<QString> present;
    for (const auto& r : records) {
        present.insert(r.file);
        if (!expected.isEmpty() && !position.contains(r.file))
            report.unexpected << r.file;
    }
    for (const QString& e : expected)
        if (!present.contains(e))
            report.missing << e;
    const qsizetype after = expected.size();
    std::stable_sort(records.begin(), records.end(), [&](const Record& a, const Record& b) {
        const qsizetype pa = position.value(a.file, after), pb = position.value(b.file, after);
        return pa != pb ? pa < pb : (pa == after && a.file < b.file);
    });
    return records;
}

int printReport(const MergeReport& r, const QString& what, QTextStream& err)
{
    err << "headshot-qa merge: " << r.records << " " << what;
    if (r.identicalDuplicates)
        err << ", " << r.identicalDuplicates << " identical duplicate(s) dropped";
    err << "\n";
    auto list = [&](const QStringList& items, const char* title) {
        if (items.isEmpty())
            return;
        err << "headshot-qa merge: " << items.size() << " " << title << ":\n";
        for (const QString& i : items)
            err << "  " << i << "\n";
    };
    list(r.unreadable, "unreadable input(s)");
    list(r.conflicts, "conflicting duplicate(s)");
    list(r.missing, "expected input(s) with no record (a shard missing or cut short?)");
    list(r.unexpected, "record(s) of photos not among the --input paths");
    const bool clean = r.unreadable.isEmpty() && r.conflicts.isEmpty() && r.missing.isEmpty() && r.unexpected.isEmpty();
    return clean ? kExitOk : kExitSomeFailed;
}

int mergeJsonl(const QStringList& inputs, const QStringList& expected, const QString& output, QTextStream& out,
               QTextStream& err)
{
    MergeReport report;
    std::vector<Record> records;
    for (const QString& in : inputs)
        readJsonl(in, records, report);
    records = orderRecords(dropDuplicates(std::move(records), report), expected, report);
    report.records = static_cast<int>(records.size());

    QByteArray text;
    for (const auto& r : records)
        text += r.line + '\n';
    if (output.isEmpty() || output == QLatin1String("-")) {
        out << QString::fromUtf8(text);
        out.flush();
    } else {
        // Written whole or not at all: a full disk leaves the previous file as it was.
        if (auto failure = replaceFileContents(output, text)) {
            err << "headshot-qa merge: cannot write " << output << ": " << *failure << "\n";
            return kExitSomeFailed;
        }
    }
    return printReport(report, QStringLiteral("record(s) merged"), err);
}

/// The value each attribute ends with after a photo's correction history (every row records the value after it).
std::map<Attribute, std::pair<int, QString>> finalCorrections(const std::vector<Correction>& history)
{
    std::map<Attribute, std::pair<int, QString>> last;
    for (const auto& c : history)
        last[c.attribute] = {c.newValue, c.reviewer};
    return last;
}

int mergeProjects(const QStringList& inputs, const QString& output, QTextStream& err)
{
    auto target = QFileInfo::exists(output) ? ProjectStore::open(output) : ProjectStore::create(output);
    if (!target) {
        err << "headshot-qa merge: " << output << ": " << target.error().detail << "\n";
        return kExitSomeFailed;
    }
    MergeReport report;
    QHash<QString, QString> firstSeenIn; // sha256 -> project that brought it
    for (const QString& in : inputs) {
        auto source = ProjectStore::open(in, {ProjectStore::Access::ReadOnly, 5000});
        auto photos = source ? (*source)->photos() : Expected<std::vector<PhotoRecord>>(source.error());
        if (!photos) {
            report.unreadable << QStringLiteral("%1: %2").arg(in, photos.error().detail);
            continue;
        }
        for (const PhotoRecord& p : *photos) {
            if (firstSeenIn.contains(p.sha256)) {
                ++report.identicalDuplicates;
                continue;
            }
            firstSeenIn.insert(p.sha256, in);
            auto added = (*target)->addPhoto(p.path);
            if (!added) {
                report.missing << QStringLiteral("%1 (from %2): %3").arg(p.path, in, added.error().detail);
                continue;
            }
            if (added->outcome == AddPhotoResult::Outcome::AlreadyKnown) {
                // Already in the target (merged before, or added there directly): its data there stands.
                ++report.identicalDuplicates;
                continue;
            }
            const PhotoId id = added->id;
            auto stored = (*source)->assessments(p.id);
            auto golden = (*source)->goldenLabel(p.id);
            auto history = (*source)->corrections(p.id);
            if (!stored || !golden || !history) {
                report.unreadable << QStringLiteral("%1 in %2").arg(p.path, in);
                continue;
            }
            std::vector<std::pair<PhotoId, Assessment>> items;
            for (const auto& s : *stored)
                items.emplace_back(id, s.assessment);
            if (auto r = (*target)->addAssessments(items); !r) {
                err << "headshot-qa merge: " << output << ": " << r.error().detail << "\n";
                return kExitSomeFailed;
            }
            for (const auto& [attribute, value] : finalCorrections(*history))
                if (value.first >= 0)
                    if (auto r = (*target)->correct(id, attribute, value.first, value.second); !r) {
                        err << "headshot-qa merge: " << output << ": " << r.error().detail << "\n";
                        return kExitSomeFailed;
                    }
            if (*golden) {
                auto existing = (*target)->goldenLabel(id);
                if (existing && !*existing)
                    (*target)->setGoldenLabel(id, (*golden)->label, (*golden)->verifiedBy);
                else if (existing && (*existing)->label != (*golden)->label)
                    report.conflicts << QStringLiteral("%1: golden label %2 in %3, %4 in %5 (kept)")
                                            .arg(p.path, labelToString((*golden)->label), in,
                                                 labelToString((*existing)->label), output);
            }
            ++report.records;
        }
    }
    return printReport(report, QStringLiteral("photo(s) merged into ") + output, err);
}

} // namespace

int runMerge(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("merge"),
        QStringLiteral(
            "Joins the outputs of sharded runs into one.\n"
            "JSON Lines (from assess --shard K/N): records are written in the order of the --input paths (the order an "
            "unsharded assess of the same paths writes), or sorted by path without --input; identical duplicates are "
            "dropped, conflicting ones and inputs with no record are reported.\n"
            "Projects (--project, from project add --shard K/N): photos, assessments, golden labels and the final "
            "value "
            "of each correction are added to --output.\n"
            "Exit status: 0 merged cleanly, 1 something was missing, conflicting or unreadable (still merged), 2 usage "
            "error."));
    commandLine.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                           QStringLiteral("Where to write (JSON Lines: default stdout; projects: required)."),
                           QStringLiteral("FILE")});
    commandLine.addOption(
        {QStringLiteral("input"),
         QStringLiteral("A photo or folder the sharded runs were given (repeatable): orders the records "
                        "and reports inputs with none."),
         QStringLiteral("PATH")});
    commandLine.addOption({QStringLiteral("project"), QStringLiteral("The inputs are project files.")});
    commandLine.addPositional(QStringLiteral("INPUT"), QStringLiteral("JSON Lines files or projects."),
                              QStringLiteral("INPUT..."));
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const QStringList inputs = commandLine.positionals();
    if (inputs.isEmpty())
        return commandLine.usageError(err, QStringLiteral("no INPUT given (see headshot-qa merge --help)"));
    const QString output = commandLine.value(QStringLiteral("output"));
    if (commandLine.isSet(QStringLiteral("project"))) {
        if (output.isEmpty())
            return commandLine.usageError(err, QStringLiteral("--project needs --output TARGET.hqa"));
        return mergeProjects(inputs, output, err);
    }
    return mergeJsonl(inputs, expandInputs(commandLine.values(QStringLiteral("input"))), output, out, err);
}

} // namespace hqa::cli
