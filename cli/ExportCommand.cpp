// `headshot-qa export`: copies or moves photos (with their XMP sidecars) into a folder, optionally as the standard
// crop (4:5 and/or 1:1) with EXIF and the ICC profile kept. Which photos: the PATHs given, or a project's; narrowed
// to those whose six verdicts pass (--all-passing). See core/store/PhotoExport.h for the file-level guarantees.

#include "Cli.h"

#include "cli/EngineArgs.h"
#include "core/store/PhotoExport.h"
#include "core/store/ProjectStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hqa::cli {

using namespace core;

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::ExportCommand", text); }

QJsonObject outcomeJson(const PhotoExportOutcome& o)
{
    QJsonObject j;
    j[QStringLiteral("source")] = o.source;
    j[QStringLiteral("status")] = o.ok() ? QStringLiteral("ok") : QStringLiteral("error");
    if (o.error) {
        const auto code = errorCodeKey(o.error->code);
        j[QStringLiteral("error")] = QJsonObject{
            {QStringLiteral("code"), QString::fromLatin1(code.data(), code.size())},
            {QStringLiteral("message"), o.error->detail}};
    }
    QJsonArray files;
    for (const ExportedFile& f : o.files) {
        QJsonObject jf;
        jf[QStringLiteral("file")] = f.target;
        switch (f.kind) {
        case ExportedFile::Kind::Photo:
            jf[QStringLiteral("kind")] = QStringLiteral("photo");
            break;
        case ExportedFile::Kind::Sidecar:
            jf[QStringLiteral("kind")] = QStringLiteral("sidecar");
            break;
        case ExportedFile::Kind::Crop:
            jf[QStringLiteral("kind")] = QStringLiteral("crop");
            jf[QStringLiteral("crop")] = exportCropKey(*f.crop);
            jf[QStringLiteral("width")] = f.size.width;
            jf[QStringLiteral("height")] = f.size.height;
            break;
        }
        files.append(jf);
    }
    j[QStringLiteral("files")] = files;
    j[QStringLiteral("moved")] = o.moved;
    if (!o.notes.isEmpty())
        j[QStringLiteral("notes")] = QJsonArray::fromStringList(o.notes);
    return j;
}

/// What `export` is asked to do, read from its options.
struct ExportRequest {
    QString format; ///< text or jsonl
    PhotoExportOptions options;
    bool allPassing = false; ///< only photos whose six verdicts pass
    bool picked = false; ///< only the project's picks
    QString projectPath; ///< empty: no project
    QStringList paths; ///< the PATH arguments
    BatchOptions engine; ///< for photos the project has not assessed
};

void addExportOptions(CommandLine& commandLine)
{
    commandLine.addOption(
        {QStringLiteral("to"), QStringLiteral("Target folder (created when missing)."), QStringLiteral("FOLDER")});
    commandLine.addOption({QStringLiteral("move"), QStringLiteral("Move instead of copy.")});
    commandLine.addOption(
        {QStringLiteral("crop"),
         QStringLiteral("Also write the standard crop: 4x5, 1x1 or both (repeatable, or comma-separated)."),
         QStringLiteral("KIND")});
    commandLine.addOption(
        {QStringLiteral("crops-only"), QStringLiteral("With --crop: write only the crops, not the originals.")});
    commandLine.addOption({QStringLiteral("crop-height"),
                           QStringLiteral("Output height of the crops in pixels (default: the crop's own size)."),
                           QStringLiteral("PIXELS")});
    commandLine.addOption({QStringLiteral("no-sidecars"), QStringLiteral("Leave the XMP sidecars behind.")});
    commandLine.addOption({QStringLiteral("all-passing"),
                           QStringLiteral("Only photos whose six verdicts pass (the project's, corrections applied; "
                                          "else assessed now).")});
    commandLine.addOption({QStringLiteral("picked"),
                           QStringLiteral("Only the photos flagged as picks in the project (needs --project).")});
    commandLine.addOption({QStringLiteral("project"),
                           QStringLiteral("Take photos, verdicts and faces from this project."),
                           QStringLiteral("FILE")});
    commandLine.addOption({QStringLiteral("format"), QStringLiteral("Output: text (default) or jsonl."),
                           QStringLiteral("FORMAT"), QStringLiteral("text")});
    addEngineOptions(commandLine);
    commandLine.addPositional(QStringLiteral("PATH"), QStringLiteral("Photos or folders."),
                              QStringLiteral("[PATH...]"));
}

/// Adds the --crop kinds to options.crops (each once); false after a usage error.
bool readCropKinds(const CommandLine& commandLine, PhotoExportOptions& options, QTextStream& err)
{
    for (const QString& value : commandLine.values(QStringLiteral("crop")))
        for (const QString& key : value.split(u',', Qt::SkipEmptyParts)) {
            if (key.trimmed().toLower() == QLatin1String("both")) {
                options.crops = {ExportCrop::Portrait4x5, ExportCrop::Square1x1};
                continue;
            }
            const auto crop = exportCropFromKey(key);
            if (!crop) {
                commandLine.usageError(err, tr("--crop must be 4x5, 1x1 or both, not \"%1\"").arg(key));
                return false;
            }
            if (std::find(options.crops.begin(), options.crops.end(), *crop) == options.crops.end())
                options.crops.push_back(*crop);
        }
    return true;
}

/// The target folder and what to write there; nullopt after a usage error.
std::optional<PhotoExportOptions> readPhotoExportOptions(const CommandLine& commandLine, QTextStream& err)
{
    const auto usage = [&](const QString& message) -> std::optional<PhotoExportOptions> {
        commandLine.usageError(err, message);
        return std::nullopt;
    };
    PhotoExportOptions options;
    options.targetDir = commandLine.value(QStringLiteral("to"));
    if (options.targetDir.isEmpty())
        return usage(tr("no target folder given (--to FOLDER)"));
    options.move = commandLine.isSet(QStringLiteral("move"));
    options.sidecars = !commandLine.isSet(QStringLiteral("no-sidecars"));
    if (!readCropKinds(commandLine, options, err))
        return std::nullopt;
    if (commandLine.isSet(QStringLiteral("crops-only"))) {
        if (options.crops.empty())
            return usage(tr("--crops-only needs --crop"));
        options.originals = false;
    }
    if (options.move && !options.originals)
        return usage(tr("--move cannot be combined with --crops-only (the originals would be lost)"));
    if (commandLine.isSet(QStringLiteral("crop-height"))) {
        bool ok = false;
        options.cropHeight = commandLine.value(QStringLiteral("crop-height")).toInt(&ok);
        if (!ok || options.cropHeight < 16)
            return usage(tr("--crop-height must be a number of pixels (16 or more)"));
    }
    return options;
}

/// The options, checked in the order they are listed; nullopt after the first usage error.
std::optional<ExportRequest> readExportRequest(const CommandLine& commandLine, QTextStream& err)
{
    const auto usage = [&](const QString& message) -> std::optional<ExportRequest> {
        commandLine.usageError(err, message);
        return std::nullopt;
    };
    ExportRequest request;
    request.format = commandLine.value(QStringLiteral("format"));
    if (request.format != QLatin1String("text") && request.format != QLatin1String("jsonl"))
        return usage(tr("--format must be text or jsonl"));
    auto options = readPhotoExportOptions(commandLine, err);
    if (!options)
        return std::nullopt;
    request.options = std::move(*options);
    request.allPassing = commandLine.isSet(QStringLiteral("all-passing"));
    request.picked = commandLine.isSet(QStringLiteral("picked"));
    request.projectPath = commandLine.value(QStringLiteral("project"));
    request.paths = commandLine.positionals();
    if (request.picked && request.projectPath.isEmpty())
        return usage(tr("--picked needs --project (the pick flags live in the project)"));
    if (request.paths.isEmpty() && request.projectPath.isEmpty())
        return usage(tr("no PATH given and no --project (see headshot-qa export --help)"));
    auto engine = readEngineOptions(commandLine, err);
    if (!engine)
        return std::nullopt;
    request.engine = std::move(*engine);
    return request;
}

/// The --project store: read-only unless photos move (then the project follows them); a null store without
/// --project. nullopt after writing why it could not be opened.
std::optional<std::unique_ptr<ProjectStore>> openProject(const ExportRequest& request, QTextStream& err)
{
    if (request.projectPath.isEmpty())
        return std::unique_ptr<ProjectStore>();
    ProjectStore::OpenOptions open;
    open.access = request.options.move ? ProjectStore::Access::ReadWrite : ProjectStore::Access::ReadOnly;
    auto opened = ProjectStore::open(request.projectPath, open);
    if (!opened) {
        err << "headshot-qa export: " << request.projectPath << ": " << opened.error().detail << "\n";
        return std::nullopt;
    }
    return std::move(*opened);
}

/// The photos named by the PATH arguments; a folder without images is reported and counted in failed.
QStringList photosOfPaths(const QStringList& paths, QTextStream& err, int& failed)
{
    QStringList files;
    for (const QString& p : paths) {
        const QStringList found = expandInputs({p});
        if (QFileInfo(p).isDir() && found.isEmpty()) {
            err << "headshot-qa export: " << tr("%1: no images found in this folder").arg(p) << "\n";
            ++failed;
        }
        files << found;
    }
    return files;
}

/// With a project: all its present photos when no PATH was given, narrowed to the passing ones (--all-passing)
/// and to the picks (--picked). false after writing why the project could not be read.
bool narrowToProject(const ProjectStore& store, const ExportRequest& request, QStringList& files, QTextStream& err)
{
    auto passing = allPassingPhotos(store);
    auto records = store.photos();
    auto picks = request.picked ? pickedPhotos(store) : Expected<QStringList>(QStringList());
    if (!passing || !records || !picks) {
        err << "headshot-qa export: " << request.projectPath << ": "
            << (!passing       ? passing.error().detail
                    : !records ? records.error().detail
                               : picks.error().detail)
            << "\n";
        return false;
    }
    if (files.isEmpty())
        for (const PhotoRecord& r : *records)
            if (!r.missing)
                files << r.path;
    auto keepOnly = [&files](const QStringList& wanted) {
        QStringList kept;
        for (const QString& f : files)
            if (wanted.contains(QFileInfo(f).absoluteFilePath()) || wanted.contains(f))
                kept << f;
        files = kept;
    };
    if (request.allPassing)
        keepOnly(*passing);
    if (request.picked)
        keepOnly(*picks);
    return true;
}

/// Verdicts and faces that the project does not have are measured now: for --all-passing without a project, and
/// for the crops of photos that were never assessed. Returns the items to export (without the photos that do not
/// pass); nullopt after writing why the engine could not be created.
std::optional<std::vector<PhotoExportItem>>
assessMissing(std::vector<PhotoExportItem> items, const ExportRequest& request, bool haveProject, QTextStream& err)
{
    const bool judgeNow = request.allPassing && !haveProject;
    std::vector<size_t> toAssess;
    for (size_t i = 0; i < items.size(); ++i)
        if (judgeNow || (!request.options.crops.empty() && !items[i].face))
            toAssess.push_back(i);
    std::vector<bool> drop(items.size(), false);
    if (!toAssess.empty()) {
        auto runner = BatchRunner::create(request.engine);
        if (!runner) {
            err << "headshot-qa export: " << runner.error().detail << "\n";
            return std::nullopt;
        }
        QStringList paths;
        for (size_t i : toAssess)
            paths << items[i].source;
        Progress progress(err, int(paths.size()));
        (*runner)->run(paths, [&](int k, const Assessment& a) {
            progress.step(a.file);
            PhotoExportItem& item = items[toAssess[size_t(k)]];
            if (a.face)
                item.face = a.face;
            if (judgeNow && (!a.ok() || a.label() != "111111"))
                drop[toAssess[size_t(k)]] = true;
        });
        progress.finish();
    }
    std::vector<PhotoExportItem> selected;
    for (size_t i = 0; i < items.size(); ++i)
        if (!drop[i])
            selected.push_back(std::move(items[i]));
    return selected;
}

/// One photo's result on stdout: a jsonl line, or each written file and the notes.
void printOutcome(QTextStream& out, const QString& format, const PhotoExportOutcome& outcome)
{
    if (format == QLatin1String("jsonl")) {
        out << QJsonDocument(outcomeJson(outcome)).toJson(QJsonDocument::Compact) << "\n";
    } else {
        for (const ExportedFile& f : outcome.files)
            out << f.source << " -> " << f.target << "\n";
        for (const QString& note : outcome.notes)
            out << "  " << note << "\n";
    }
    out.flush();
}

/// Exports each item, printing its result as it is done and each failure on err.
std::vector<PhotoExportOutcome> exportItems(const std::vector<PhotoExportItem>& items, const ExportRequest& request,
                                            QTextStream& out, QTextStream& err)
{
    std::vector<PhotoExportOutcome> outcomes;
    for (const PhotoExportItem& item : items) {
        const PhotoExportOutcome& outcome = outcomes.emplace_back(exportPhoto(item, request.options));
        if (!outcome.ok())
            err << "headshot-qa export: " << outcome.error->detail << "\n";
        printOutcome(out, request.format, outcome);
    }
    return outcomes;
}

/// Exports the photos of the request into its folder; returns the exit status.
int exportPhotos(const ExportRequest& request, QTextStream& out, QTextStream& err)
{
    auto store = openProject(request, err);
    if (!store)
        return kExitSomeFailed;
    int failed = 0;
    QStringList files = photosOfPaths(request.paths, err, failed);
    if (*store && !narrowToProject(**store, request, files, err))
        return kExitSomeFailed;
    const auto selected = assessMissing(exportItemsFromStore(store->get(), files), request, *store != nullptr, err);
    if (!selected)
        return kExitSomeFailed;
    if (auto error = prepareExportFolder(request.options.targetDir)) {
        err << "headshot-qa export: " << error->detail << "\n";
        return kExitSomeFailed;
    }
    const std::vector<PhotoExportOutcome> outcomes = exportItems(*selected, request, out, err);
    const int exported = int(std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return o.ok(); }));
    failed += int(outcomes.size()) - exported;
    // The project follows moved photos to their new folder.
    if (*store && request.options.move) {
        auto followed = followMovedPhotos(**store, outcomes);
        if (!followed) {
            err << "headshot-qa export: " << followed.error().detail << "\n";
            ++failed;
        }
    }
    err << tr("%1 of %2 photos %3 to %4")
               .arg(exported)
               .arg(selected->size())
               .arg(request.options.move ? tr("moved") : tr("exported"), request.options.targetDir)
        << "\n";
    return failed ? kExitSomeFailed : kExitOk;
}

} // namespace

int runExport(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("export"),
        QStringLiteral(
            "Copies (or moves) photos and their XMP sidecars into a folder, optionally as the standard crop (4:5, 1:1) "
            "with EXIF and the ICC profile kept. Names already taken in the folder get -2, -3, ...: nothing is "
            "overwritten; a move deletes a source only after its copy was verified.\nPATH may be files or folders; "
            "with "
            "--project and no PATH, every photo of the project (--picked: its picks).\nExit status: 0 all exported, 1 "
            "some "
            "could not be, 2 usage "
            "error."));
    addExportOptions(commandLine);
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const auto request = readExportRequest(commandLine, err);
    if (!request)
        return kExitUsage;
    return exportPhotos(*request, out, err);
}

} // namespace hqa::cli
