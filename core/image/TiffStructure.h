#pragma once
// A bounds-checked reader for the first image directory of a TIFF structure. The same structure is a TIFF
// file and the body of every EXIF block (JPEG APP1, PNG eXIf, WebP EXIF), so one reader serves both.

#include <cstddef>
#include <cstdint>
#include <optional>

namespace hqa::core::image_detail {

/// Values of IFD0 that decoding needs; width/height are 0 when the tags are absent (EXIF blocks).
struct TiffIfd0 {
    std::int64_t width = 0;
    std::int64_t height = 0;
    int orientation = 1; ///< 1..8; 1 when absent or out of range
};

/// Parses classic TIFF and BigTIFF headers ("II*\0", "MM\0*", "II+\0", "MM\0+"). nullopt when the bytes are not
/// a TIFF structure or IFD0 lies outside them.
std::optional<TiffIfd0> readTiffIfd0(const std::uint8_t* data, std::size_t size);

/// Orientation of an EXIF payload (a TIFF structure, optionally preceded by "Exif\0\0"); 1 when unusable.
int exifOrientation(const std::uint8_t* data, std::size_t size);

} // namespace hqa::core::image_detail
