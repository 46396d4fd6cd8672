#pragma once
// Per-photo XMP sidecars so that photographers' tools (darktable, digiKam, Lightroom, Bridge) see the verdicts: a
// reject or accept flag (xmp:Rating -1 and digiKam's pick label), a colour label, and every attribute's verdict in
// the product's own namespace. Read and written with exiv2, merged into a sidecar that exists: every property
// another tool wrote is kept, and a flag or rating a person set in another tool is never replaced (unless asked).

#include "core/Error.h"
#include "core/eval/LabelFile.h"
#include "core/store/CullMarks.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hqa::core {

/// Namespace URI of the product's own XMP properties (hqa:label, hqa:lighting, ...).
inline constexpr const char* kXmpNamespace = "http://ns.headshot-qa.org/xmp/1.0/";

struct XmpVerdicts {
    Label label = kUnknownLabel;
    QString source; ///< "golden", "corrected" or "engine"
    QString engine; ///< engine and model version behind the verdict, when there is one
    QString modelVersion;
    /// The reviewer's marks (flag, stars, colour label); when set they are written instead of the flags derived
    /// from the verdicts.
    std::optional<CullMarks> marks;
};

/// Pick state derived from a label: Reject when any attribute fails, Accept when all six pass, None otherwise.
/// (PickFlag is in CullMarks.h, shared with the marks a reviewer sets.)
PickFlag pickFlagFor(const Label& label);

/// The flag properties other tools read. Unset = not written.
struct XmpFlags {
    std::optional<int> rating; ///< xmp:Rating, -1 = rejected (darktable, Lightroom), 0..5 stars
    QString colourLabel; ///< xmp:Label ("Red", "Green", ...)
    std::optional<int> pickLabel; ///< digiKam:PickLabel, 0 none, 1 rejected, 2 pending, 3 accepted
};

/// Flags for a verdict: a reject (rating -1, red, digiKam rejected) when any attribute fails, an accept (green,
/// digiKam accepted, no invented star rating) when all six pass, nothing otherwise.
XmpFlags flagsForVerdicts(const Label& label);

/// Flags for a reviewer's marks: a reject is rating -1 (as darktable and Lightroom read it) and digiKam rejected, a
/// pick digiKam accepted, stars the rating, the colour xmp:Label ("Red", ..., "Purple"). Empty marks write nothing.
XmpFlags flagsForMarks(const CullMarks& marks);

/// Marks read back from a sidecar another tool (or this one) wrote, on top of `current`: digiKam's pick label says the
/// flag (1 reject, 3 pick, 0 or 2 none); without one, rating -1 is a reject and any other rating takes a reject back.
/// Ratings 0..5 are the stars; xmp:Label names the colour (Lightroom's "Red".."Purple", Bridge's "Select".."To Do").
/// What the sidecar does not say (an absent property, an unknown label name) keeps current's value.
CullMarks marksFromXmpFlags(const XmpFlags& flags, const CullMarks& current = {});

/// What a sidecar says, as far as the product reads it back.
struct XmpSidecarContent {
    XmpFlags flags;
    std::optional<Label> label; ///< hqa:label, when headshot-qa wrote one
    /// The flags a person or another tool set, and those headshot-qa wrote from a reviewer's marks; not the ones it
    /// derived from the verdicts (importing those would turn verdicts into marks).
    XmpFlags importable;
};

/// Where the sidecar of a photo goes.
enum class SidecarNaming {
    FullName, ///< photo.jpg.xmp: darktable and digiKam, keeps photo.jpg and photo.tif of one shoot apart
    BaseName, ///< photo.xmp: Lightroom and Bridge
};
QString xmpSidecarPath(const QString& photoPath, SidecarNaming naming = SidecarNaming::FullName);

struct XmpWriteOptions {
    SidecarNaming naming = SidecarNaming::FullName;
    /// Replace flags that a person or another tool set (by default only flags headshot-qa wrote itself, or absent
    /// ones, are written). Properties of other namespaces are kept either way.
    bool overwriteFlags = false;
};

/// The sidecar document for one photo, merged into `existing` (an XMP packet, or empty for a new sidecar).
Expected<QByteArray> mergeXmpSidecar(const QByteArray& existing, const XmpVerdicts& verdicts,
                                     const XmpWriteOptions& options = {});

/// Merges the verdicts into the photo's sidecar (creating it when missing) and writes it atomically: a full disk
/// or a killed process leaves the previous sidecar as it was. Unchanged content is not rewritten.
std::optional<Error> writeXmpSidecar(const QString& photoPath, const XmpVerdicts& verdicts,
                                     const XmpWriteOptions& options = {});

/// Reads a sidecar's flags and the product's label. A malformed sidecar is an Unreadable error naming the file.
Expected<XmpSidecarContent> readXmpSidecar(const QString& sidecarPath);

} // namespace hqa::core
