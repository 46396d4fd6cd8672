#pragma once
// Exporting picked photos to a folder, as culling tools do: the originals copied (or moved) with their XMP sidecars,
// and optionally the standard professional crop (4:5, and 1:1 for profile sites; core/select/StandardCrop.h) written
// as JPEG with the source's EXIF, XMP, IPTC and ICC colour profile carried over by exiv2 (orientation reset and the
// pixel dimensions updated, since a crop is written upright; the embedded thumbnail of the uncropped frame is
// dropped). Nothing in the target folder is ever overwritten: a name that is taken gets "-2", "-3", ... And nothing
// is lost on a failure: every file is written to a temporary name, verified, then renamed into place; a move deletes
// its source only after every copy of that photo was verified, and a failed photo's partial files are removed.

#include "core/Assessment.h"
#include "core/Error.h"

#include <QString>
#include <QStringList>
#include <opencv2/core/types.hpp>

#include <optional>
#include <vector>

namespace hqa::core {

class ProjectStore;

enum class ExportCrop {
    Portrait4x5, ///< 4:5, the standard headshot crop
    Square1x1, ///< 1:1, for profile pictures
};

/// "4x5" / "1x1": the file-name suffix and the command-line key.
QString exportCropKey(ExportCrop crop);
std::optional<ExportCrop> exportCropFromKey(const QString& key);

struct PhotoExportOptions {
    QString targetDir;
    bool originals = true; ///< copy (or move) the original files
    bool move = false; ///< delete each source and its sidecars once its copies are verified; needs originals
    bool sidecars = true; ///< bring the XMP sidecars along (photo.jpg.xmp and photo.xmp, as they exist)
    std::vector<ExportCrop> crops; ///< standard crops to write beside (or instead of) the originals
    int cropHeight = 0; ///< output height of each crop; 0 = the crop's own size (no resampling)
    int jpegQuality = 95;
};

struct PhotoExportItem {
    QString source;
    /// The judged face in the oriented full-resolution image (Assessment::face); needed for crops only.
    std::optional<FaceGeometry> face;
};

/// One file written into the target folder.
struct ExportedFile {
    enum class Kind { Photo, Sidecar, Crop };
    Kind kind = Kind::Photo;
    QString source; ///< the file it came from (the photo for a crop)
    QString target;
    std::optional<ExportCrop> crop;
    cv::Size size; ///< crops only: pixel size written
};

struct PhotoExportOutcome {
    QString source;
    std::vector<ExportedFile> files; ///< empty when the photo failed
    std::optional<Error> error; ///< the photo was not exported; its sources are intact and nothing of it is left
    bool moved = false; ///< the source (and its sidecars) were deleted after verified copies
    QStringList notes; ///< warnings: a padded crop, a source that could not be removed after a move
    bool ok() const { return !error.has_value(); }
};

/// Creates the target folder when missing; an Io error naming the folder when it is not a writable folder.
std::optional<Error> prepareExportFolder(const QString& dir);

/// Exports one photo (files are written one after the other; call it from one thread at a time per folder).
PhotoExportOutcome exportPhoto(const PhotoExportItem& item, const PhotoExportOptions& options);

/// The project's photos (present on disk) whose six effective verdicts (corrections applied) all pass.
Expected<QStringList> allPassingPhotos(const ProjectStore& store);

/// The project's photos (present on disk) flagged as picks (CullMarks, PickFlag::Accept).
Expected<QStringList> pickedPhotos(const ProjectStore& store);

/// Export items for `paths`, each with the face of its latest stored assessment in `store` when there is one
/// (store may be null: no faces).
std::vector<PhotoExportItem> exportItemsFromStore(const ProjectStore* store, const QStringList& paths);

/// After a move: points the project's records of the moved photos at their new place (their marks, corrections
/// and assessments follow, since the store knows a photo by its content). Returns how many were relocated.
Expected<int> followMovedPhotos(ProjectStore& store, const std::vector<PhotoExportOutcome>& outcomes);

/// Copies the EXIF, IPTC and XMP metadata and the ICC profile of `source` into the image file `target` (a JPEG this
/// module wrote), for an upright image of `size`: orientation 1, pixel dimensions set, the EXIF thumbnail dropped.
std::optional<Error> copyPhotoMetadata(const QString& source, const QString& target, cv::Size size);

} // namespace hqa::core
