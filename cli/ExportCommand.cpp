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
    if (auto code = commandLine.parse(args, out, err))
        return *code;

    const QString format = commandLine.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("jsonl"))
        return commandLine.usageError(err, tr("--format must be text or jsonl"));
    PhotoExportOptions options;
    options.targetDir = commandLine.value(QStringLiteral("to"));
    if (options.targetDir.isEmpty())
        return commandLine.usageError(err, tr("no target folder given (--to FOLDER)"));
    options.move = commandLine.isSet(QStringLiteral("move"));
    options.sidecars = !commandLine.isSet(QStringLiteral("no-sidecars"));
    for (const QString& value : commandLine.values(QStringLiteral("crop")))
        for (const QString& key : value.split(u',', Qt::SkipEmptyParts)) {
            if (key.trimmed().toLower() == QLatin1String("both")) {
                options.crops = {ExportCrop::Portrait4x5, ExportCrop::Square1x1};
                continue;
            }
            const auto crop = exportCropFromKey(key);
            if (!crop)
                return commandLine.usageError(err, tr("--crop must be 4x5, 1x1 or both, not \"%1\"").arg(key));
            if (std::find(options.crops.begin(), options.crops.end(), *crop) == options.crops.end())
                options.crops.push_back(*crop);
        }
    if (commandLine.isSet(QStringLiteral("crops-only"))) {
        if (options.crops.empty())
            return commandLine.usageError(err, tr("--crops-only needs --crop"));
        options.originals = false;
    }
    if (options.move && !options.originals)
        return commandLine.usageError(err,
                                      tr("--move cannot be combined with --crops-only (the originals would be lost)"));
    if (commandLine.isSet(QStringLiteral("crop-height"))) {
        bool ok = false;
        options.cropHeight = commandLine.value(QStringLiteral("crop-height")).toInt(&ok);
        if (!ok || options.cropHeight < 16)
            return commandLine.usageError(err, tr("--crop-height must be a number of pixels (16 or more)"));
    }
    const bool allPassing = commandLine.isSet(QStringLiteral("all-passing"));
    const bool picked = commandLine.isSet(QStringLiteral("picked"));
    const QString projectPath = commandLine.value(QStringLiteral("project"));
    if (picked && projectPath.isEmpty())
        return commandLine.usageError(err, tr("--picked needs --project (the pick flags live in the project)"));
    if (commandLine.positionals().isEmpty() && projectPath.isEmpty())
        return commandLine.usageError(err, tr("no PATH given and no --project (see headshot-qa export --help)"));
    auto engineOptions = readEngineOptions(commandLine, err);
    if (!engineOptions)
        return kExitUsage;

    // Which photos.
    std::unique_ptr<ProjectStore> store;
    if (!projectPath.isEmpty()) {
        ProjectStore::OpenOptions open;
        // Read-only unless photos move: then the project follows them.
        open.access = options.move ? ProjectStore::Access::ReadWrite : ProjectStore::Access::ReadOnly;
        auto opened = ProjectStore::open(projectPath, open);
        if (!opened) {
            err << "headshot-qa export: " << projectPath << ": " << opened.error().detail << "\n";
            return kExitSomeFailed;
        }
        store = std::move(*opened);
    }
    int failed = 0;
    QStringList files;
    for (const QString& p : commandLine.positionals()) {
        const QStringList found = expandInputs({p});
        if (QFileInfo(p).isDir() && found.isEmpty()) {
            err << "headshot-qa export: " << tr("%1: no images found in this folder").arg(p) << "\n";
            ++failed;
        }
        files << found;
    }
    if (store) {
        auto passing = allPassingPhotos(*store);
        auto records = store->photos();
        auto picks = picked ? pickedPhotos(*store) : Expected<QStringList>(QStringList());
        if (!passing || !records || !picks) {
            err << "headshot-qa export: " << projectPath << ": "
                << (!passing       ? passing.error().detail
                        : !records ? records.error().detail
                                   : picks.error().detail)
                << "\n";
            return kExitSomeFailed;
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
        if (allPassing)
            keepOnly(*passing);
        if (picked)
            keepOnly(*picks);
    }
    std::vector<PhotoExportItem> items = exportItemsFromStore(store.get(), files);

    // Verdicts and faces that the project does not have are measured now: for --all-passing without a project, and
    // for the crops of photos that were never assessed.
    std::vector<size_t> toAssess;
    for (size_t i = 0; i < items.size(); ++i)
        if ((allPassing && !store) || (!options.crops.empty() && !items[i].face))
            toAssess.push_back(i);
    std::vector<bool> drop(items.size(), false);
    if (!toAssess.empty()) {
        auto runner = BatchRunner::create(*engineOptions);
        if (!runner) {
            err << "headshot-qa export: " << runner.error().detail << "\n";
            return kExitSomeFailed;
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
            if (allPassing && !store && (!a.ok() || a.label() != "111111"))
                drop[toAssess[size_t(k)]] = true;
        });
        progress.finish();
    }
    std::vector<PhotoExportItem> selected;
    for (size_t i = 0; i < items.size(); ++i)
        if (!drop[i])
            selected.push_back(std::move(items[i]));

    if (auto error = prepareExportFolder(options.targetDir)) {
        err << "headshot-qa export: " << error->detail << "\n";
        return kExitSomeFailed;
    }
    int exported = 0;
    std::vector<PhotoExportOutcome> outcomes;
    for (const PhotoExportItem& item : selected) {
        const PhotoExportOutcome& outcome = outcomes.emplace_back(exportPhoto(item, options));
        if (outcome.ok())
            ++exported;
        else {
            ++failed;
            err << "headshot-qa export: " << outcome.error->detail << "\n";
        }
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
    // The project follows moved photos to their new folder.
    if (store && options.move) {
        auto followed = followMovedPhotos(*store, outcomes);
        if (!followed) {
            err << "headshot-qa export: " << followed.error().detail << "\n";
            ++failed;
        }
    }
    err << tr("%1 of %2 photos %3 to %4")
               .arg(exported)
               .arg(selected.size())
               .arg(options.move ? tr("moved") : tr("exported"), options.targetDir)
        << "\n";
    return failed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli
