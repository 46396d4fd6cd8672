#include "PhotoExport.h"

#include "core/image/ImageDecoder.h"
#include "core/select/StandardCrop.h"
#include "core/AtomicFile.h"
#include "core/store/ProjectStore.h"
#include "core/store/XmpSidecar.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <mutex>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::PhotoExport", text); }

/// exiv2 calls are serialised (its thread safety varies between versions) and its warnings muted: failures reach
/// the caller as typed errors.
std::mutex& exiv2Mutex()
{
    static std::mutex m;
    return m;
}

void muteExiv2()
{
    static std::once_flag once;
    std::call_once(once, [] { Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute); });
}

Error ioError(const QString& detail) { return makeError(ErrorCode::Io, detail); }

/// A temporary name in the target folder (hidden, unique), renamed to its final name once the file is complete.
QString temporaryPath(const QString& finalPath)
{
    const QFileInfo info(finalPath);
    return info.dir().filePath(
        QStringLiteral(".%1.%2.hqa-part").arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(12)));
}

std::optional<QByteArray> sha256Of(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return std::nullopt;
    return hash.result();
}

/// Streams source into temp (every byte accounted for, see AtomicFile.h) and checks the written file against the
/// source's size and SHA-256. Returns why not; temp is then absent.
std::optional<QString> copyVerified(const QString& source, const QString& temp)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly))
        return in.errorString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    {
        AtomicFileWriter out(temp);
        if (auto why = out.open())
            return why;
        constexpr qint64 kChunk = 1 << 20;
        while (!in.atEnd()) {
            const QByteArray chunk = in.read(kChunk);
            if (chunk.isEmpty())
                return in.errorString(); // the writer, destroyed uncommitted, removes its temporary file
            hash.addData(chunk);
            if (!out.append(chunk))
                break; // commit() reports why
        }
        if (auto why = out.commit())
            return why;
    }
    const auto written = sha256Of(temp);
    if (!written || *written != hash.result() || QFileInfo(temp).size() != QFileInfo(source).size()) {
        QFile::remove(temp);
        return tr("the copy does not match the original (size or checksum differs)");
    }
    return std::nullopt;
}

/// Moves temp to finalPath without ever replacing a file there (QFile::rename refuses an existing name).
std::optional<QString> placeFile(const QString& temp, const QString& finalPath)
{
    QFile f(temp);
    if (f.rename(finalPath))
        return std::nullopt;
    const QString why = QFileInfo::exists(finalPath) ? tr("a file of that name appeared meanwhile") : f.errorString();
    QFile::remove(temp);
    return why;
}

/// The names one photo takes in the target folder for collision number n (1 = the plain names).
struct TargetNames {
    QString photo;
    std::vector<std::pair<QString, QString>> sidecars; ///< source sidecar -> target
    std::vector<std::pair<ExportCrop, QString>> crops;
    QStringList all() const
    {
        QStringList names;
        if (!photo.isEmpty())
            names << photo;
        for (const auto& s : sidecars)
            names << s.second;
        for (const auto& c : crops)
            names << c.second;
        return names;
    }
};

TargetNames namesFor(const QString& source, const QStringList& sidecars, const PhotoExportOptions& o, int n)
{
    const QFileInfo info(source);
    const QDir dir(o.targetDir);
    const QString stem = info.completeBaseName() + (n > 1 ? QStringLiteral("-%1").arg(n) : QString());
    const QString ext = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    TargetNames t;
    const QString photo = dir.filePath(stem + ext);
    if (o.originals) {
        t.photo = photo;
        for (const QString& s : sidecars)
            t.sidecars.emplace_back(s,
                                    s == xmpSidecarPath(source, SidecarNaming::FullName)
                                        ? xmpSidecarPath(photo, SidecarNaming::FullName)
                                        : xmpSidecarPath(photo, SidecarNaming::BaseName));
    }
    for (ExportCrop c : o.crops)
        t.crops.emplace_back(c, dir.filePath(stem + QLatin1Char('_') + exportCropKey(c) + QStringLiteral(".jpg")));
    return t;
}

/// A Lightroom-style sidecar (photo.xmp) is shared by every file of that base name (photo.jpg and photo.cr2 of one
/// shot): a move leaves it in place while another such file remains.
bool sidecarShared(const QString& sidecar, const QString& source)
{
    if (sidecar != xmpSidecarPath(source, SidecarNaming::BaseName))
        return false;
    const QFileInfo info(source);
    const QStringList same = info.dir().entryList({info.completeBaseName() + QStringLiteral(".*")}, QDir::Files);
    for (const QString& name : same) {
        const QString path = info.dir().filePath(name);
        if (QFileInfo(path) != info && !name.endsWith(QStringLiteral(".xmp"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

void eraseExif(Exiv2::ExifData& exif, const char* key)
{
    const auto it = exif.findKey(Exiv2::ExifKey(key));
    if (it != exif.end())
        exif.erase(it);
}

bool hasXmp(const Exiv2::XmpData& xmp, const char* key) { return xmp.findKey(Exiv2::XmpKey(key)) != xmp.end(); }

} // namespace

QString exportCropKey(ExportCrop crop)
{
    return crop == ExportCrop::Square1x1 ? QStringLiteral("1x1") : QStringLiteral("4x5");
}

std::optional<ExportCrop> exportCropFromKey(const QString& key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("4x5") || k == QLatin1String("4:5"))
        return ExportCrop::Portrait4x5;
    if (k == QLatin1String("1x1") || k == QLatin1String("1:1"))
        return ExportCrop::Square1x1;
    return std::nullopt;
}

Expected<QStringList> allPassingPhotos(const ProjectStore& store)
{
    auto photos = store.photos();
    if (!photos)
        return photos.error();
    QStringList paths;
    for (const PhotoRecord& p : *photos)
        if (std::all_of(p.label.begin(), p.label.end(), [](std::int8_t v) { return v == 1; })
            && QFileInfo(p.path).isFile())
            paths << p.path;
    return paths;
}

Expected<QStringList> pickedPhotos(const ProjectStore& store)
{
    auto marks = store.allMarks();
    if (!marks)
        return marks.error();
    QStringList paths;
    for (const auto& [id, m] : *marks) {
        if (m.flag != PickFlag::Accept)
            continue;
        auto record = store.photo(id);
        if (!record)
            return record.error();
        if (record->has_value() && QFileInfo((*record)->path).isFile())
            paths << (*record)->path;
    }
    return paths;
}

std::vector<PhotoExportItem> exportItemsFromStore(const ProjectStore* store, const QStringList& paths)
{
    std::vector<PhotoExportItem> items;
    for (const QString& path : paths) {
        PhotoExportItem item{path, std::nullopt};
        if (store) {
            auto record = store->photoByPath(QFileInfo(path).absoluteFilePath());
            if (record && record->has_value()) {
                auto latest = store->latestAssessment((*record)->id);
                if (latest && latest->has_value())
                    item.face = (*latest)->assessment.face;
            }
        }
        items.push_back(std::move(item));
    }
    return items;
}

std::optional<Error> prepareExportFolder(const QString& dir)
{
    if (dir.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("no target folder given"));
    const QFileInfo info(dir);
    if (info.exists() && !info.isDir())
        return ioError(tr("%1 is not a folder").arg(dir));
    if (!info.exists() && !QDir().mkpath(dir))
        return ioError(tr("cannot create the folder %1").arg(dir));
    // Permissions alone do not tell (root, ACLs, a read-only mount): try to create a file there.
    const QString probe = QDir(dir).filePath(
        QStringLiteral(".hqa-export-probe-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12)));
    QFile f(probe);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return ioError(tr("cannot write to the folder %1: %2").arg(dir, f.errorString()));
    f.close();
    f.remove();
    return std::nullopt;
}

std::optional<Error> copyPhotoMetadata(const QString& source, const QString& target, cv::Size size)
{
    const std::lock_guard guard(exiv2Mutex());
    muteExiv2();
    try {
        Exiv2::Image::AutoPtr src = Exiv2::ImageFactory::open(QFile::encodeName(source).toStdString());
        src->readMetadata();
        Exiv2::ExifData exif = src->exifData();
        Exiv2::IptcData iptc = src->iptcData();
        Exiv2::XmpData xmp = src->xmpData();
        Exiv2::Image::AutoPtr dst = Exiv2::ImageFactory::open(QFile::encodeName(target).toStdString());
        dst->readMetadata();
        if (!exif.empty()) {
            // The pixels are written upright and cropped: the orientation is the identity now, the dimensions are the
            // crop's, and the embedded thumbnail (the whole uncropped frame) would contradict both.
            Exiv2::ExifThumb(exif).erase();
            exif["Exif.Image.Orientation"] = uint16_t(1);
            exif["Exif.Photo.PixelXDimension"] = uint32_t(size.width);
            exif["Exif.Photo.PixelYDimension"] = uint32_t(size.height);
            eraseExif(exif, "Exif.Image.ImageWidth"); // TIFF tags of the source's own main image
            eraseExif(exif, "Exif.Image.ImageLength");
        }
        if (hasXmp(xmp, "Xmp.tiff.Orientation"))
            xmp["Xmp.tiff.Orientation"] = std::string("1");
        for (const auto& [key, v] :
             {std::pair{"Xmp.exif.PixelXDimension", size.width}, std::pair{"Xmp.exif.PixelYDimension", size.height},
              std::pair{"Xmp.tiff.ImageWidth", size.width}, std::pair{"Xmp.tiff.ImageLength", size.height}})
            if (hasXmp(xmp, key))
                xmp[key] = std::to_string(v);
        dst->setExifData(exif);
        dst->setIptcData(iptc);
        dst->setXmpData(xmp);
        if (src->iccProfileDefined()) {
            const Exiv2::DataBuf* icc = src->iccProfile();
            Exiv2::DataBuf copy(icc->pData_, icc->size_);
            dst->setIccProfile(copy, false); // as the source had it, valid or not
        }
        dst->writeMetadata();
    } catch (const Exiv2::AnyError& e) {
        return ioError(
            tr("cannot copy the metadata of %1 into %2: %3").arg(source, target, QString::fromLocal8Bit(e.what())));
    }
    return std::nullopt;
}

PhotoExportOutcome exportPhoto(const PhotoExportItem& item, const PhotoExportOptions& o)
{
    PhotoExportOutcome r;
    r.source = item.source;
    const QFileInfo info(item.source);
    if (!info.isFile()) {
        r.error = ioError(tr("%1: no such file").arg(item.source));
        return r;
    }
    if (!o.originals && o.crops.empty()) {
        r.error = makeError(ErrorCode::InvalidArgument, tr("nothing to export: neither the original nor a crop"));
        return r;
    }
    if (o.move && !o.originals) {
        r.error = makeError(ErrorCode::InvalidArgument, tr("a move needs the originals in the export"));
        return r;
    }
    if (o.move && info.absoluteDir() == QDir(o.targetDir)) {
        r.error = makeError(ErrorCode::InvalidArgument, tr("%1 is already in the target folder").arg(item.source));
        return r;
    }

    // The crops are planned and rendered before anything is written: a photo without a usable face fails whole.
    struct Rendered {
        ExportCrop crop;
        cv::Mat pixels;
    };
    std::vector<Rendered> crops;
    if (!o.crops.empty()) {
        if (!item.face || item.face->landmarks.empty()) {
            r.error = makeError(ErrorCode::NoFace, tr("%1: no face was found to place the crop").arg(item.source));
            return r;
        }
        auto image = decodeImageFile(item.source);
        if (!image) {
            r.error = image.error();
            return r;
        }
        for (ExportCrop c : o.crops) {
            CropOptions options;
            options.aspect = c == ExportCrop::Square1x1 ? 1.0 : 4.0 / 5.0;
            options.outputHeight = std::max(0, o.cropHeight);
            const CropPlan plan = planStandardCrop(*item.face, image->bgr.size(), options);
            if (!plan.valid) {
                r.error = makeError(ErrorCode::NoFace,
                                    tr("%1: the face has no landmarks to place the crop").arg(item.source));
                return r;
            }
            for (const QString& note : plan.notes)
                r.notes << QStringLiteral("%1: %2").arg(exportCropKey(c), note);
            crops.push_back({c, renderCrop(image->bgr, plan)});
        }
    }

    QStringList sidecars;
    if (o.originals && o.sidecars)
        for (SidecarNaming naming : {SidecarNaming::FullName, SidecarNaming::BaseName}) {
            const QString s = xmpSidecarPath(item.source, naming);
            if (QFileInfo(s).isFile() && !sidecars.contains(s))
                sidecars << s;
        }

    // The first collision number whose every name is free: the photo, its sidecars and its crops stay together.
    TargetNames names;
    for (int n = 1;; ++n) {
        if (n > 9999) {
            r.error = ioError(tr("no free name for %1 in %2").arg(info.fileName(), o.targetDir));
            return r;
        }
        names = namesFor(item.source, sidecars, o, n);
        const QStringList all = names.all();
        if (std::none_of(all.begin(), all.end(), [](const QString& p) { return QFileInfo::exists(p); }))
            break;
    }

    auto fail = [&](const QString& target, const QString& why) {
        for (const ExportedFile& f : r.files)
            QFile::remove(f.target);
        r.files.clear();
        r.error = ioError(tr("cannot write %1: %2").arg(target, why));
        return r;
    };
    auto copyOne = [&](const QString& source, const QString& target,
                       ExportedFile::Kind kind) -> std::optional<QString> {
        const QString temp = temporaryPath(target);
        if (auto why = copyVerified(source, temp))
            return why;
        if (auto why = placeFile(temp, target))
            return why;
        // Culling and cataloguing tools sort by file time: the copy keeps the original's.
        QFile placed(target);
        if (placed.open(QIODevice::ReadOnly))
            placed.setFileTime(QFileInfo(source).lastModified(), QFileDevice::FileModificationTime);
        r.files.push_back({kind, source, target, std::nullopt, {}});
        return std::nullopt;
    };

    if (o.originals) {
        if (auto why = copyOne(item.source, names.photo, ExportedFile::Kind::Photo))
            return fail(names.photo, *why);
        for (const auto& [source, target] : names.sidecars)
            if (auto why = copyOne(source, target, ExportedFile::Kind::Sidecar))
                return fail(target, *why);
    }
    for (size_t i = 0; i < crops.size(); ++i) {
        const QString& target = names.crops[i].second;
        std::vector<uchar> bytes;
        bool encoded = false;
        try {
            encoded = cv::imencode(".jpg", crops[i].pixels, bytes,
                                   {cv::IMWRITE_JPEG_QUALITY, std::clamp(o.jpegQuality, 1, 100)});
        } catch (const cv::Exception&) {
            encoded = false;
        }
        if (!encoded)
            return fail(target, tr("the crop could not be encoded as JPEG"));
        const QString temp = temporaryPath(target);
        if (auto why = replaceFileContents(
                temp, QByteArrayView(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()))))
            return fail(target, *why);
        const cv::Size size = crops[i].pixels.size();
        if (auto error = copyPhotoMetadata(item.source, temp, size)) {
            QFile::remove(temp);
            return fail(target, error->detail);
        }
        if (auto why = placeFile(temp, target))
            return fail(target, *why);
        r.files.push_back({ExportedFile::Kind::Crop, item.source, target, crops[i].crop, size});
    }

    if (o.move) {
        // Every copy is in place and verified: only now do the sources go.
        for (const QString& s : sidecars) {
            if (sidecarShared(s, item.source)) {
                r.notes << tr("%1 kept: other files of this shot share it").arg(s);
                continue;
            }
            QFile f(s);
            if (!f.remove())
                r.notes << tr("copied, but %1 could not be removed: %2").arg(s, f.errorString());
        }
        QFile f(item.source);
        if (f.remove())
            r.moved = true;
        else
            r.notes << tr("copied, but %1 could not be removed: %2").arg(item.source, f.errorString());
    }
    return r;
}

Expected<int> followMovedPhotos(ProjectStore& store, const std::vector<PhotoExportOutcome>& outcomes)
{
    int relocated = 0;
    for (const PhotoExportOutcome& o : outcomes) {
        if (!o.moved)
            continue;
        const auto original = std::find_if(o.files.begin(), o.files.end(),
                                           [](const ExportedFile& f) { return f.kind == ExportedFile::Kind::Photo; });
        if (original == o.files.end())
            continue;
        auto added = store.addPhoto(original->target);
        if (!added)
            return added.error();
        relocated += added->outcome == AddPhotoResult::Outcome::Relocated;
    }
    return relocated;
}

} // namespace hqa::core
