#pragma once
// Decoding with limits: the format is sniffed from the bytes, the pixel count is read from the header and
// checked before any pixel is decoded, EXIF orientation is applied, and a truncated or corrupt file is an
// error rather than a half-grey picture.

#include "core/Error.h"

#include <QByteArray>
#include <QString>
#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <string>

namespace hqa::core {

enum class ImageFormat { Unknown, Jpeg, Png, WebP, Tiff, Bmp, Gif, Heif, Avif, Other };

/// "jpeg", "png", ... ("unknown" for Unknown).
std::string_view imageFormatName(ImageFormat f);

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    int width = 0; ///< stored (unoriented) size
    int height = 0;
    int exifOrientation = 1; ///< 1..8, 1 when absent
    /// Size after applying the orientation.
    int orientedWidth() const { return exifOrientation >= 5 ? height : width; }
    int orientedHeight() const { return exifOrientation >= 5 ? width : height; }
};

struct DecodeOptions {
    std::int64_t maxPixels = 80'000'000; ///< refuse larger images before decoding (TooLarge)
    int minSide = 64; ///< refuse images whose shorter side is smaller (TooSmall)
    /// When > 0, the decoder may return a smaller image whose longer side is at least this many pixels
    /// (JPEG DCT scaling, then area resampling). The returned scale says how much smaller it is.
    int maxLongSide = 0;
};

struct DecodedImage {
    cv::Mat bgr; ///< CV_8UC3, orientation applied
    ImageHeader header;
    cv::Size originalSize; ///< oriented size of the full-resolution image
    double scale = 1.0; ///< bgr.cols / originalSize.width (<= 1)
};

/// Reads only the header (format, size, orientation). Fails with Unreadable/UnsupportedFormat.
Expected<ImageHeader> probeImage(const QByteArray& bytes);

/// Decodes bytes; Unreadable, UnsupportedFormat, TooLarge or TooSmall on failure.
Expected<DecodedImage> decodeImage(const QByteArray& bytes, const DecodeOptions& options = {});

/// Reads and decodes a file; Io when it cannot be read (missing, permission), Unreadable when empty.
Expected<DecodedImage> decodeImageFile(const QString& path, const DecodeOptions& options = {});

/// True when the file name has an image extension the product scans for in folders: the decodable formats
/// plus common undecodable ones (gif, heic, heif, avif, jxl), which are then reported as unsupported.
bool hasImageExtension(const QString& path);

} // namespace hqa::core
