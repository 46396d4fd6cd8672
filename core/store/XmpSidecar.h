#pragma once
// Per-photo XMP sidecars so that photographers' tools (darktable, digiKam, Lightroom) see the verdicts: a
// reject flag (xmp:Rating -1 and digiKam's pick label) for photos that fail, an accept flag for photos that
// pass all six, a colour label, and every attribute's verdict in the product's own namespace.

#include "core/Error.h"
#include "core/eval/LabelFile.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace hqa::core {

/// Namespace URI of the product's own XMP properties (hqa:label, hqa:lighting, ...).
inline constexpr const char* kXmpNamespace = "http://ns.headshot-qa.org/xmp/1.0/";

struct XmpVerdicts {
    Label label = kUnknownLabel;
    QString source;       ///< "golden", "corrected" or "engine"
    QString engine;       ///< engine and model version behind the verdict, when there is one
    QString modelVersion;
};

/// Pick state derived from a label: Reject when any attribute fails, Accept when all six pass, None otherwise.
enum class PickFlag { None, Accept, Reject };
PickFlag pickFlagFor(const Label& label);

/// The sidecar document for one photo.
QByteArray xmpSidecar(const XmpVerdicts& verdicts);

/// Sidecar path for a photo: the full file name plus ".xmp" (darktable and digiKam's convention, which keeps
/// photo.jpg and photo.tif of one shoot apart).
QString xmpSidecarPath(const QString& photoPath);

/// Writes the sidecar atomically. A sidecar that exists and was not written by headshot-qa is left alone
/// (InvalidArgument) unless overwrite is set, so another tool's metadata is never lost silently.
std::optional<Error> writeXmpSidecar(const QString& photoPath, const XmpVerdicts& verdicts, bool overwrite = false);

} // namespace hqa::core
