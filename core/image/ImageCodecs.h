#pragma once
// Internal to core/image: one header reader and one pixel decoder per format. Readers look only at the bytes
// that describe the image; decoders run after the limits were checked and return the stored (unoriented)
// pixels as CV_8UC3 BGR. Errors carry the user-facing detail; nothing here throws on bad input.

#include "core/Error.h"
#include "core/image/ImageDecoder.h"

#include <opencv2/core/mat.hpp>

#include <cstddef>
#include <cstdint>

namespace hqa::core::image_detail {

struct ByteView {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
};

Expected<ImageHeader> readJpegHeader(ByteView bytes);
Expected<ImageHeader> readPngHeader(ByteView bytes);
Expected<ImageHeader> readWebpHeader(ByteView bytes);
Expected<ImageHeader> readTiffHeader(ByteView bytes);
Expected<ImageHeader> readBmpHeader(ByteView bytes);

/// minLongSide > 0 lets the JPEG decoder use DCT scaling, as long as the stored long side stays >= it.
Expected<cv::Mat> decodeJpeg(ByteView bytes, const ImageHeader& header, int minLongSide);
Expected<cv::Mat> decodePng(ByteView bytes, const ImageHeader& header);
/// target: the size to decode to (libwebp scales while decoding); the header size for a full decode.
Expected<cv::Mat> decodeWebp(ByteView bytes, const ImageHeader& header, cv::Size target);
Expected<cv::Mat> decodeTiff(ByteView bytes, const ImageHeader& header);
Expected<cv::Mat> decodeBmp(ByteView bytes, const ImageHeader& header);

/// Grey, grey+alpha, BGR or BGRA of depth 8U or 16U to CV_8UC3 BGR; alpha is composited on white.
cv::Mat toBgr8(const cv::Mat& image);

/// Size whose longer side is exactly maxLongSide, keeping the aspect ratio; the size itself when it is not
/// longer than that (never upscales) or maxLongSide <= 0.
cv::Size fitLongSide(cv::Size size, int maxLongSide);

/// The standard "unreadable" error with a translated detail.
Error unreadable(const QString& detail);

} // namespace hqa::core::image_detail
