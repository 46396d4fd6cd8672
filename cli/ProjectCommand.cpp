#include "ProjectCommand.h"

#include "cli/AssessmentFormat.h"
#include "cli/Cli.h"
#include "cli/EngineArgs.h"
#include "core/AtomicFile.h"
#include "core/store/ProjectStore.h"
#include "core/store/XmpSidecar.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

#include <unordered_map>

namespace hqa::cli {

using namespace core;

namespace {

const char* kUsage =
    "Usage: headshot-qa project create PROJECT\n"
    "       headshot-qa project add PROJECT PATH... [--no-assess] [--reassess] [--shard K/N] [engine options]\n"
    "       headshot-qa project status PROJECT\n"
    "       headshot-qa project export PROJECT [--labels FILE [--source golden|corrected|all]] [--jsonl FILE|-]\n"
    "                                          [--xmp [--overwrite-xmp] [--xmp-naming darktable|lightroom]]\n"
    "       headshot-qa project import PROJECT [--labels FILE [--as golden|corrections]] [--jsonl FILE]\n"
    "                                          [--reviewer NAME]\n"
    "       headshot-qa project mark PROJECT FILE... [--pick|--reject|--unflag] [--stars N] [--colour COLOUR]\n"
    "                                          [--reviewer NAME]\n"
    "       headshot-qa project marks PROJECT\n"
    "       headshot-qa project import-xmp PROJECT [--naming darktable|lightroom] [--reviewer NAME]\n"
    "A project is one file (SQLite) holding photos (by content), assessments, corrections and golden labels.\n"
    "See headshot-qa project SUBCOMMAND --help.\n";

QString key(Attribute a)
{
    return QString::fromLatin1(attributeKey(a).data(), static_cast<qsizetype>(attributeKey(a).size()));
}

void printError(QTextStream& err, const QString& sub, const Error& e)
{
    err << "headshot-qa project " << sub << ": " << e.detail << "\n";
}

/// Opens the project named by the first positional argument, saying so when it had to fall back to read-only.
std::unique_ptr<ProjectStore> openProject(const QString& sub, const QString& path, QTextStream& err)
{
    auto store = ProjectStore::open(path);
    if (!store) {
        printError(err, sub, store.error());
        return nullptr;
    }
    if ((*store)->isReadOnly())
        err << "headshot-qa project " << sub << ": " << path << " opened read-only (" << (*store)->readOnlyReason()
            << ")\n";
    return std::move(*store);
}

/// Parses a subcommand whose only argument is the project file: the exit status to stop with (help, a parse error,
/// not exactly one PROJECT), nullopt to go on.
std::optional<int> parseOneProject(CommandLine& commandLine, const QStringList& args, QTextStream& out,
                                   QTextStream& err)
{
    if (auto code = commandLine.parse(args, out, err))
        return code;
    if (commandLine.positionals().size() != 1)
        return commandLine.usageError(err, QStringLiteral("expects exactly one PROJECT"));
    return std::nullopt;
}

int runCreate(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(QStringLiteral("project create"), QStringLiteral("Creates an empty project file."));
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file to create, e.g. shoot.hqa."));
    if (auto code = parseOneProject(commandLine, args, out, err))
        return *code;
    auto store = ProjectStore::create(commandLine.positionals().front());
    if (!store) {
        printError(err, QStringLiteral("create"), store.error());
        return kExitSomeFailed;
    }
    out << "created " << (*store)->path() << " (schema version " << (*store)->schemaVersion() << ")\n";
    return kExitOk;
}

int runAdd(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("project add"),
        QStringLiteral(
            "Adds photos (files or folders, searched recursively) and assesses the new ones. A photo is its content: "
            "a file added twice is one photo, and a moved or renamed file is found again by its SHA-256."));
    commandLine.addOption({QStringLiteral("no-assess"), QStringLiteral("Only add the photos; do not run an engine.")});
    commandLine.addOption({QStringLiteral("reassess"),
                           QStringLiteral("Assess every given photo again, even those this engine already assessed.")});
    addEngineOptions(commandLine);
    addShardOption(commandLine);
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    commandLine.addPositional(QStringLiteral("PATH"), QStringLiteral("Photos or folders."), QStringLiteral("PATH..."));
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const QStringList pos = commandLine.positionals();
    if (pos.size() < 2)
        return commandLine.usageError(err, QStringLiteral("expects PROJECT and at least one PATH"));
    std::optional<BatchOptions> options;
    const bool assess = !commandLine.isSet(QStringLiteral("no-assess"));
    if (assess && !(options = readEngineOptions(commandLine, err)))
        return kExitUsage;
    const auto shard = readShardOption(commandLine, err);
    if (!shard)
        return kExitUsage;
    auto store = openProject(QStringLiteral("add"), pos.front(), err);
    if (!store)
        return kExitSomeFailed;

    int failed = 0, added = 0, known = 0, relocated = 0;
    QStringList files;
    for (const QString& p : pos.mid(1)) {
        const QStringList found = expandInputs({p});
        if (QFileInfo(p).isDir() && found.isEmpty()) {
            err << "headshot-qa project add: " << p << ": no images found in this folder\n";
            ++failed;
        }
        files << found;
    }
    files = selectShard(files, *shard);
    std::vector<PhotoId> toAssess;
    QStringList toAssessPaths;
    Progress progress(err, static_cast<int>(files.size()));
    for (const QString& f : files) {
        progress.step(f);
        auto r = store->addPhoto(f);
        if (!r) {
            progress.finish();
            printError(err, QStringLiteral("add"), r.error());
            ++failed;
            continue;
        }
        switch (r->outcome) {
        case AddPhotoResult::Outcome::Added:
            ++added;
            break;
        case AddPhotoResult::Outcome::AlreadyKnown:
            ++known;
            break;
        case AddPhotoResult::Outcome::Relocated:
            ++relocated;
            progress.finish();
            out << "found again: " << r->previousPath << " -> " << f << "\n";
            break;
        }
        if (!assess)
            continue;
        bool need = commandLine.isSet(QStringLiteral("reassess"));
        if (!need) {
            auto latest = store->latestAssessment(r->id, options->engine.name);
            need = latest.ok() && !latest->has_value();
        }
        if (need && std::find(toAssess.begin(), toAssess.end(), r->id) == toAssess.end()) {
            auto photo = store->photo(r->id);
            toAssess.push_back(r->id);
            toAssessPaths << (photo.ok() && photo->has_value() ? (*photo)->path : f);
        }
    }
    progress.finish();
    out << "added " << added << ", already in the project " << known << ", found again after a move " << relocated
        << (failed ? QStringLiteral(", failed %1").arg(failed) : QString()) << "\n";

    if (!toAssess.empty()) {
        auto runner = BatchRunner::create(*options);
        if (!runner) {
            printError(err, QStringLiteral("add"), runner.error());
            return kExitSomeFailed;
        }
        int stored = 0, unassessable = 0;
        Progress assessing(err, static_cast<int>(toAssess.size()));
        (*runner)->run(toAssessPaths, [&](int i, const Assessment& a) {
            assessing.step(a.file);
            if (!a.ok())
                ++unassessable;
            auto id = store->addAssessment(toAssess[static_cast<size_t>(i)], a);
            if (!id) {
                assessing.finish();
                printError(err, QStringLiteral("add"), id.error());
                ++failed;
                return;
            }
            ++stored;
        });
        assessing.finish();
        out << "assessed " << stored << " with " << options->engine.name
            << (unassessable ? QStringLiteral(" (%1 could not be judged: see project export --jsonl)").arg(unassessable)
                             : QString())
            << "\n";
    }
    return failed ? kExitSomeFailed : kExitOk;
}

int runStatus(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(QStringLiteral("project status"),
                            QStringLiteral("Summarises a project and checks which photos are missing."));
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    if (auto code = parseOneProject(commandLine, args, out, err))
        return *code;
    auto store = openProject(QStringLiteral("status"), commandLine.positionals().front(), err);
    if (!store)
        return kExitSomeFailed;
    auto missing = store->refreshMissing();
    auto s = store->summary();
    if (!missing || !s) {
        printError(err, QStringLiteral("status"), missing ? s.error() : missing.error());
        return kExitSomeFailed;
    }
    out << "project:        " << store->path() << " (schema version " << store->schemaVersion()
        << (store->isReadOnly() ? QStringLiteral(", read-only") : QString()) << ")\n"
        << "photos:         " << s->photos << " (" << *missing << " missing)\n"
        << "assessed:       " << s->assessed << " photos, " << s->assessments << " assessments\n"
        << "golden labels:  " << s->golden << "\n"
        << "corrections:    " << s->corrections << "\n"
        << "models:         " << s->models << "\n"
        << "flags:          " << s->picked << " picked, " << s->rejected << " rejected\n"
        << "failing:       ";
    for (Attribute a : kAllAttributes)
        out << " " << key(a) << " " << s->failing[index(a)];
    out << "\n";
    if (*missing > 0) {
        auto photos = store->photos();
        int shown = 0;
        if (photos)
            for (const auto& p : *photos)
                if (p.missing && shown++ < 20)
                    out << "missing:        " << p.path << " (labels kept; add its new folder to find it again)\n";
    }
    return kExitOk;
}

int exportXmp(ProjectStore& store, const XmpWriteOptions& options, QTextStream& out, QTextStream& err)
{
    auto photos = store.photos();
    auto golden = store.goldenLabels();
    if (!photos || !golden) {
        printError(err, QStringLiteral("export"), photos ? golden.error() : photos.error());
        return kExitSomeFailed;
    }
    std::unordered_map<PhotoId, Label> goldenById;
    for (const auto& g : *golden)
        goldenById[g.photoId] = g.label;
    auto marks = store.allMarks();
    if (!marks) {
        printError(err, QStringLiteral("export"), marks.error());
        return kExitSomeFailed;
    }
    // A reviewer's flag, stars and colour label are written instead of the flags derived from the verdicts.
    std::unordered_map<PhotoId, CullMarks> marksById(marks->begin(), marks->end());
    QSet<QString> correctedPaths;
    if (auto corrected = store.labelSet(LabelSource::Corrected, QString()))
        for (const auto& r : corrected->rows)
            correctedPaths.insert(r.path);
    int written = 0, skipped = 0, failed = 0;
    for (const PhotoRecord& p : *photos) {
        if (p.missing || !QFileInfo::exists(p.path)) {
            ++skipped;
            continue;
        }
        XmpVerdicts v;
        if (auto it = goldenById.find(p.id); it != goldenById.end()) {
            v.label = it->second;
            v.source = QStringLiteral("golden");
        } else {
            v.label = p.label;
            auto latest = store.latestAssessment(p.id);
            if (latest.ok() && latest->has_value()) {
                v.engine = (*latest)->assessment.engine;
                v.modelVersion = (*latest)->assessment.modelVersion;
            }
            v.source = correctedPaths.contains(p.path) ? QStringLiteral("corrected") : QStringLiteral("engine");
        }
        if (auto it = marksById.find(p.id); it != marksById.end())
            v.marks = it->second;
        if (auto e = writeXmpSidecar(p.path, v, options)) {
            printError(err, QStringLiteral("export"), *e);
            ++failed;
            continue;
        }
        ++written;
    }
    out << "wrote " << written << " XMP sidecars"
        << (skipped ? QStringLiteral(" (%1 missing photos skipped)").arg(skipped) : QString()) << "\n";
    return failed ? kExitSomeFailed : kExitOk;
}

int runExport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("project export"),
        QStringLiteral(
            "Writes the project's labels (labels.csv, paths relative to its folder), its latest assessment per photo "
            "(JSON Lines) and/or an XMP sidecar beside each photo (PHOTO.xmp: reject/accept flag and the verdicts)."));
    commandLine.addOption({QStringLiteral("labels"), QStringLiteral("Write a labels.csv."), QStringLiteral("FILE")});
    commandLine.addOption(
        {QStringLiteral("source"),
         QStringLiteral("Labels to write: golden (verified), corrected (photos a reviewer corrected) or "
                        "all (golden where verified, else the current verdicts). Default golden."),
         QStringLiteral("SOURCE"), QStringLiteral("golden")});
    commandLine.addOption({QStringLiteral("jsonl"),
                           QStringLiteral("Write the latest assessments as JSON Lines (- for stdout)."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("evidence"), QStringLiteral("Add raw evidence values to the JSON Lines.")});
    commandLine.addOption({QStringLiteral("xmp"), QStringLiteral("Write an XMP sidecar beside every photo.")});
    commandLine.addOption({QStringLiteral("overwrite-xmp"),
                           QStringLiteral("Also replace a rating, colour label or pick label that a person or another "
                                          "program set (other programs' properties are always kept).")});
    commandLine.addOption(
        {QStringLiteral("xmp-naming"),
         QStringLiteral("Sidecar names: darktable (photo.jpg.xmp, also digiKam; default) or lightroom "
                        "(photo.xmp, also Bridge)."),
         QStringLiteral("STYLE"), QStringLiteral("darktable")});
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    if (auto code = parseOneProject(commandLine, args, out, err))
        return *code;
    const bool labels = commandLine.isSet(QStringLiteral("labels"));
    const bool jsonl = commandLine.isSet(QStringLiteral("jsonl"));
    const bool xmp = commandLine.isSet(QStringLiteral("xmp"));
    if (!labels && !jsonl && !xmp)
        return commandLine.usageError(err, QStringLiteral("say what to export: --labels FILE, --jsonl FILE or --xmp"));
    const QString sourceName = commandLine.value(QStringLiteral("source"));
    LabelSource source = LabelSource::Golden;
    if (sourceName == QLatin1String("corrected"))
        source = LabelSource::Corrected;
    else if (sourceName == QLatin1String("all"))
        source = LabelSource::All;
    else if (sourceName != QLatin1String("golden"))
        return commandLine.usageError(err, QStringLiteral("--source must be golden, corrected or all"));
    XmpWriteOptions xmpOptions;
    xmpOptions.overwriteFlags = commandLine.isSet(QStringLiteral("overwrite-xmp"));
    const QString naming = commandLine.value(QStringLiteral("xmp-naming"));
    if (naming == QLatin1String("lightroom"))
        xmpOptions.naming = SidecarNaming::BaseName;
    else if (naming != QLatin1String("darktable"))
        return commandLine.usageError(err, QStringLiteral("--xmp-naming must be darktable or lightroom"));
    auto store = openProject(QStringLiteral("export"), commandLine.positionals().front(), err);
    if (!store)
        return kExitSomeFailed;
    int code = kExitOk;
    if (labels) {
        const QString file = commandLine.value(QStringLiteral("labels"));
        auto set = store->labelSet(source, QFileInfo(file).absolutePath());
        if (!set) {
            printError(err, QStringLiteral("export"), set.error());
            return kExitSomeFailed;
        }
        if (auto e = writeLabelFile(file, *set)) {
            printError(err, QStringLiteral("export"), *e);
            return kExitSomeFailed;
        }
        out << "wrote " << set->rows.size() << " " << sourceName << " labels to " << file << "\n";
    }
    if (jsonl) {
        const QString file = commandLine.value(QStringLiteral("jsonl"));
        const bool toStdout = file == QLatin1String("-");
        AtomicFileWriter f(file); // replaces the previous export only when written whole (a full disk leaves it)
        if (auto failure = toStdout ? std::nullopt : f.open()) {
            err << "headshot-qa project export: cannot write " << file << ": " << *failure << "\n";
            return kExitSomeFailed;
        }
        const bool withEvidence = commandLine.isSet(QStringLiteral("evidence"));
        auto n = store->forEachLatestAssessment([&](const StoredAssessment& s) {
            const QJsonObject o = assessmentToJson(s.assessment, {.evidence = withEvidence, .modelVersion = true});
            const QByteArray line = QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
            if (toStdout)
                out << QString::fromUtf8(line);
            else
                f.append(line);
        });
        if (!n) {
            printError(err, QStringLiteral("export"), n.error());
            return kExitSomeFailed;
        }
        if (!toStdout) {
            if (auto failure = f.commit()) {
                err << "headshot-qa project export: cannot write " << file << ": " << *failure << "\n";
                return kExitSomeFailed;
            }
            out << "wrote " << *n << " assessments to " << file << "\n";
        }
    }
    if (xmp)
        code = std::max(code, exportXmp(*store, xmpOptions, out, err));
    return code;
}

/// The photo a label or JSON row names: already in the project by path, else added (hashed) from disk.
Expected<PhotoId> photoFor(ProjectStore& store, const QString& path)
{
    auto known = store.photoByPath(path);
    if (!known)
        return known.error();
    if (known->has_value() && !(*known)->missing)
        return (*known)->id;
    auto added = store.addPhoto(path);
    if (!added)
        return added.error();
    return added->id;
}

int runImport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("project import"),
        QStringLiteral(
            "Reads labels.csv rows as golden labels or as corrections, and/or assessments from JSON Lines (as written "
            "by assess --format jsonl or project export --jsonl). Photos not yet in the project are added."));
    commandLine.addOption({QStringLiteral("labels"), QStringLiteral("A labels.csv to read."), QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("as"),
                           QStringLiteral("golden (verified labels, the default) or corrections (each differing "
                                          "attribute becomes a correction in the history)."),
                           QStringLiteral("KIND"), QStringLiteral("golden")});
    commandLine.addOption({QStringLiteral("jsonl"),
                           QStringLiteral("Assessments as JSON Lines; relative paths are "
                                          "resolved against the current folder."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("reviewer"),
                           QStringLiteral("Name recorded with the labels (default: setting review/reviewer, else the "
                                          "login name)."),
                           QStringLiteral("NAME")});
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    if (auto code = parseOneProject(commandLine, args, out, err))
        return *code;
    const bool labels = commandLine.isSet(QStringLiteral("labels"));
    const bool jsonl = commandLine.isSet(QStringLiteral("jsonl"));
    if (!labels && !jsonl)
        return commandLine.usageError(err, QStringLiteral("say what to import: --labels FILE or --jsonl FILE"));
    const QString as = commandLine.value(QStringLiteral("as"));
    if (as != QLatin1String("golden") && as != QLatin1String("corrections"))
        return commandLine.usageError(err, QStringLiteral("--as must be golden or corrections"));
    const QString reviewer = commandLine.isSet(QStringLiteral("reviewer"))
        ? commandLine.value(QStringLiteral("reviewer"))
        : defaultReviewerName();
    auto store = openProject(QStringLiteral("import"), commandLine.positionals().front(), err);
    if (!store)
        return kExitSomeFailed;
    if (store->isReadOnly())
        return kExitSomeFailed;
    int failed = 0;
    if (labels) {
        const QString file = commandLine.value(QStringLiteral("labels"));
        auto set = readLabelFile(file);
        if (!set) {
            printError(err, QStringLiteral("import"), set.error());
            return kExitSomeFailed;
        }
        int imported = 0, changes = 0;
        for (const LabelRow& row : set->rows) {
            auto id = photoFor(*store, row.path);
            if (!id) {
                err << "headshot-qa project import: " << file << " line " << row.line << ": " << id.error().detail
                    << "\n";
                ++failed;
                continue;
            }
            if (as == QLatin1String("golden")) {
                if (auto e = store->setGoldenLabel(*id, row.label, reviewer)) {
                    printError(err, QStringLiteral("import"), *e);
                    ++failed;
                    continue;
                }
            } else {
                auto photo = store->photo(*id);
                if (!photo || !photo->has_value()) {
                    ++failed;
                    continue;
                }
                for (Attribute a : kAllAttributes) {
                    const auto wanted = row.label[index(a)];
                    if (wanted < 0 || wanted == (*photo)->label[index(a)])
                        continue;
                    auto c = store->correct(*id, a, wanted, reviewer);
                    if (!c) {
                        printError(err, QStringLiteral("import"), c.error());
                        ++failed;
                    } else {
                        ++changes;
                    }
                }
            }
            ++imported;
        }
        out << "imported " << imported << " rows from " << file;
        if (as == QLatin1String("corrections"))
            out << " (" << changes << " corrections)";
        else
            out << " as golden labels";
        out << "\n";
    }
    if (jsonl) {
        const QString file = commandLine.value(QStringLiteral("jsonl"));
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            err << "headshot-qa project import: cannot read " << file << ": " << f.errorString() << "\n";
            return kExitSomeFailed;
        }
        int line = 0, imported = 0;
        while (!f.atEnd()) {
            const QByteArray text = f.readLine().trimmed();
            ++line;
            if (text.isEmpty())
                continue;
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
            const QString name = doc.object().value(QStringLiteral("file")).toString();
            if (!doc.isObject() || name.isEmpty()) {
                err << "headshot-qa project import: " << file << " line " << line << ": "
                    << (pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("no \"file\" field"))
                    << "\n";
                ++failed;
                continue;
            }
            const QString path = QFileInfo(name).absoluteFilePath();
            auto a = assessmentFromJson(doc.object(), path);
            auto id = a ? photoFor(*store, path) : Expected<PhotoId>(a.error());
            auto stored = id ? store->addAssessment(*id, *a) : Expected<qint64>(id.error());
            if (!stored) {
                err << "headshot-qa project import: " << file << " line " << line << ": " << stored.error().detail
                    << "\n";
                ++failed;
                continue;
            }
            ++imported;
        }
        out << "imported " << imported << " assessments from " << file << "\n";
    }
    return failed ? kExitSomeFailed : kExitOk;
}

QString marksLine(const CullMarks& m)
{
    QStringList parts;
    if (m.flag != PickFlag::None)
        parts << pickFlagKey(m.flag);
    if (m.stars > 0)
        parts << QStringLiteral("%1 star%2").arg(m.stars).arg(m.stars == 1 ? QString() : QStringLiteral("s"));
    if (m.colour != ColourLabel::None)
        parts << colourLabelKey(m.colour);
    return parts.join(QStringLiteral(", "));
}

int runMark(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("project mark"),
        QStringLiteral(
            "Sets the pick flag, star rating and/or colour label of photos already in the project, as one step of its "
            "undo history (what is not given is kept)."));
    commandLine.addOption({QStringLiteral("pick"), QStringLiteral("Flag as a pick.")});
    commandLine.addOption({QStringLiteral("reject"), QStringLiteral("Flag as a reject.")});
    commandLine.addOption({QStringLiteral("unflag"), QStringLiteral("Remove the pick or reject flag.")});
    commandLine.addOption({QStringLiteral("stars"), QStringLiteral("Star rating, 0 to 5."), QStringLiteral("N")});
    commandLine.addOption({QStringLiteral("colour"),
                           QStringLiteral("Colour label: red, yellow, green, blue, purple or none."),
                           QStringLiteral("COLOUR")});
    commandLine.addOption(
        {QStringLiteral("reviewer"),
         QStringLiteral("Name recorded in the history (default: setting review/reviewer, else the login "
                        "name)."),
         QStringLiteral("NAME")});
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    commandLine.addPositional(QStringLiteral("FILE"), QStringLiteral("Photos of the project."),
                              QStringLiteral("FILE..."));
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const QStringList pos = commandLine.positionals();
    if (pos.size() < 2)
        return commandLine.usageError(err, QStringLiteral("expects PROJECT and at least one FILE"));
    const int flags = int(commandLine.isSet(QStringLiteral("pick"))) + int(commandLine.isSet(QStringLiteral("reject")))
        + int(commandLine.isSet(QStringLiteral("unflag")));
    if (flags > 1)
        return commandLine.usageError(err, QStringLiteral("give at most one of --pick, --reject and --unflag"));
    std::optional<int> stars;
    if (commandLine.isSet(QStringLiteral("stars"))) {
        bool ok = false;
        stars = commandLine.value(QStringLiteral("stars")).toInt(&ok);
        if (!ok || *stars < 0 || *stars > kMaxStars)
            return commandLine.usageError(err, QStringLiteral("--stars must be 0 to %1").arg(kMaxStars));
    }
    std::optional<ColourLabel> colour;
    if (commandLine.isSet(QStringLiteral("colour"))) {
        colour = colourLabelFromKey(commandLine.value(QStringLiteral("colour")));
        if (!colour)
            return commandLine.usageError(err,
                                          QStringLiteral("--colour must be red, yellow, green, blue, purple or none"));
    }
    if (flags == 0 && !stars && !colour)
        return commandLine.usageError(
            err, QStringLiteral("say what to set: --pick, --reject, --unflag, --stars N or --colour COLOUR"));
    const QString reviewer = commandLine.isSet(QStringLiteral("reviewer"))
        ? commandLine.value(QStringLiteral("reviewer"))
        : defaultReviewerName();
    auto store = openProject(QStringLiteral("mark"), pos.front(), err);
    if (!store)
        return kExitSomeFailed;
    if (store->isReadOnly())
        return kExitSomeFailed;
    int failed = 0;
    std::vector<std::pair<PhotoId, CullMarks>> items;
    QStringList names;
    for (const QString& file : pos.mid(1)) {
        auto photo = store->photoByPath(file);
        if (!photo || !photo->has_value()) {
            err << "headshot-qa project mark: " << file << ": "
                << (photo ? QStringLiteral("not in the project (add it with project add)") : photo.error().detail)
                << "\n";
            ++failed;
            continue;
        }
        auto current = store->marks((*photo)->id);
        if (!current) {
            printError(err, QStringLiteral("mark"), current.error());
            ++failed;
            continue;
        }
        CullMarks m = *current;
        if (commandLine.isSet(QStringLiteral("pick")))
            m.flag = PickFlag::Accept;
        else if (commandLine.isSet(QStringLiteral("reject")))
            m.flag = PickFlag::Reject;
        else if (commandLine.isSet(QStringLiteral("unflag")))
            m.flag = PickFlag::None;
        if (stars)
            m.stars = *stars;
        if (colour)
            m.colour = *colour;
        items.emplace_back((*photo)->id, m);
        names << (*photo)->path;
    }
    if (!items.empty()) {
        auto step = store->setMarks(items, reviewer);
        if (!step) {
            printError(err, QStringLiteral("mark"), step.error());
            return kExitSomeFailed;
        }
        for (size_t i = 0; i < items.size(); ++i) {
            const QString line = marksLine(items[i].second);
            out << names[int(i)] << ": " << (line.isEmpty() ? QStringLiteral("no marks") : line) << "\n";
        }
    }
    return failed ? kExitSomeFailed : kExitOk;
}

int runMarks(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(QStringLiteral("project marks"),
                            QStringLiteral("Lists the photos that have a flag, stars or a colour label."));
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    if (auto code = parseOneProject(commandLine, args, out, err))
        return *code;
    auto store = openProject(QStringLiteral("marks"), commandLine.positionals().front(), err);
    if (!store)
        return kExitSomeFailed;
    auto marks = store->allMarks();
    if (!marks) {
        printError(err, QStringLiteral("marks"), marks.error());
        return kExitSomeFailed;
    }
    for (const auto& [id, m] : *marks) {
        auto photo = store->photo(id);
        out << (photo && photo->has_value() ? (*photo)->path : QStringLiteral("photo %1").arg(id)) << ": "
            << marksLine(m) << "\n";
    }
    return kExitOk;
}

int runImportXmp(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("project import-xmp"),
        QStringLiteral(
            "Reads the rating, pick label and colour label of each photo's XMP sidecar (written by darktable, digiKam, "
            "Lightroom, Bridge or headshot-qa) into the photo's flag, stars and colour label, one undo step per photo. "
            "Flags headshot-qa itself derived from the verdicts are not read back; what a sidecar does not say is "
            "kept."));
    commandLine.addOption({QStringLiteral("naming"),
                           QStringLiteral("Which sidecar to read: darktable (photo.jpg.xmp, also digiKam) or lightroom "
                                          "(photo.xmp, also Bridge). Default: photo.jpg.xmp, else photo.xmp."),
                           QStringLiteral("STYLE")});
    commandLine.addOption(
        {QStringLiteral("reviewer"),
         QStringLiteral("Name recorded in the history (default: setting review/reviewer, else the login "
                        "name)."),
         QStringLiteral("NAME")});
    commandLine.addPositional(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    if (auto code = parseOneProject(commandLine, args, out, err))
        return *code;
    std::vector<SidecarNaming> namings{SidecarNaming::FullName, SidecarNaming::BaseName};
    if (commandLine.isSet(QStringLiteral("naming"))) {
        const QString naming = commandLine.value(QStringLiteral("naming"));
        if (naming == QLatin1String("darktable"))
            namings = {SidecarNaming::FullName};
        else if (naming == QLatin1String("lightroom"))
            namings = {SidecarNaming::BaseName};
        else
            return commandLine.usageError(err, QStringLiteral("--naming must be darktable or lightroom"));
    }
    const QString reviewer = commandLine.isSet(QStringLiteral("reviewer"))
        ? commandLine.value(QStringLiteral("reviewer"))
        : defaultReviewerName();
    auto store = openProject(QStringLiteral("import-xmp"), commandLine.positionals().front(), err);
    if (!store)
        return kExitSomeFailed;
    if (store->isReadOnly())
        return kExitSomeFailed;
    auto photos = store->photos();
    if (!photos) {
        printError(err, QStringLiteral("import-xmp"), photos.error());
        return kExitSomeFailed;
    }
    int read = 0, changed = 0, failed = 0;
    for (const PhotoRecord& p : *photos) {
        QString sidecar;
        for (SidecarNaming n : namings)
            if (sidecar.isEmpty() && QFileInfo::exists(xmpSidecarPath(p.path, n)))
                sidecar = xmpSidecarPath(p.path, n);
        if (sidecar.isEmpty())
            continue;
        auto content = readXmpSidecar(sidecar);
        auto current = content ? store->marks(p.id) : Expected<CullMarks>(content.error());
        if (!current) {
            printError(err, QStringLiteral("import-xmp"), current.error());
            ++failed;
            continue;
        }
        ++read;
        const CullMarks wanted = marksFromXmpFlags(content->importable, *current);
        if (wanted == *current)
            continue;
        auto step = store->setMarks(p.id, wanted, reviewer);
        if (!step) {
            printError(err, QStringLiteral("import-xmp"), step.error());
            ++failed;
            continue;
        }
        ++changed;
        const QString line = marksLine(wanted);
        out << p.path << ": " << (line.isEmpty() ? QStringLiteral("no marks") : line) << "\n";
    }
    out << "read " << read << " XMP sidecars; changed the marks of " << changed << " photos\n";
    return failed ? kExitSomeFailed : kExitOk;
}

} // namespace

int runProjectCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.isEmpty()) {
        err << kUsage;
        return kExitUsage;
    }
    const QString sub = args.front();
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        out << kUsage;
        return kExitOk;
    }
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("create"))
        return runCreate(rest, out, err);
    if (sub == QLatin1String("add"))
        return runAdd(rest, out, err);
    if (sub == QLatin1String("status"))
        return runStatus(rest, out, err);
    if (sub == QLatin1String("export"))
        return runExport(rest, out, err);
    if (sub == QLatin1String("import"))
        return runImport(rest, out, err);
    if (sub == QLatin1String("mark"))
        return runMark(rest, out, err);
    if (sub == QLatin1String("marks"))
        return runMarks(rest, out, err);
    if (sub == QLatin1String("import-xmp"))
        return runImportXmp(rest, out, err);
    err << "headshot-qa project: unknown subcommand \"" << sub << "\"\n" << kUsage;
    return kExitUsage;
}

} // namespace hqa::cli
