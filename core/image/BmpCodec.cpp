// BMP through OpenCV. OpenCV reads a short BMP without complaint, so the size the header implies is checked
// against the bytes first.

#include "ImageCodecs.h"

#include <QCoreApplication>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <vector>

namespace hqa::core::image_detail {

namespace {

enum BmpCompression : std::uint32_t {
    kBiRgb = 0,
    kBiRle8 = 1,
    kBiRle4 = 2,
    kBiBitfields = 3,
    kBiJpeg = 4,
    kBiPng = 5,
    kBiAlphaBitfields = 6,
};

struct BmpInfo {
    std::int64_t width = 0;
    std::int64_t height = 0; ///< absolute value; top-down files store it negative
    int bitsPerPixel = 0;
    std::uint32_t compression = kBiRgb;
    std::uint32_t imageSize = 0;
    std::uint32_t dataOffset = 0;
};

std::uint32_t readLe(const std::uint8_t* p, int bytes)
{
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

std::optional<BmpInfo> parseBmp(ByteView bytes)
{
    const std::uint8_t* d = bytes.data;
    if (bytes.size < 26)
        return std::nullopt;
    BmpInfo info;
    info.dataOffset = readLe(d + 10, 4);
    const std::uint32_t dibSize = readLe(d + 14, 4);
    if (dibSize == 12) { // OS/2 BITMAPCOREHEADER
        info.width = readLe(d + 18, 2);
        info.height = readLe(d + 20, 2);
        info.bitsPerPixel = static_cast<int>(readLe(d + 24, 2));
        return info;
    }
    if (dibSize < 40 || bytes.size < 14 + 40)
        return std::nullopt;
    info.width = static_cast<std::int32_t>(readLe(d + 18, 4));
    info.height = std::llabs(static_cast<std::int64_t>(static_cast<std::int32_t>(readLe(d + 22, 4))));
    info.bitsPerPixel = static_cast<int>(readLe(d + 28, 2));
    info.compression = readLe(d + 30, 4);
    info.imageSize = readLe(d + 34, 4);
    return info;
}

} // namespace

Expected<ImageHeader> readBmpHeader(ByteView bytes)
{
    const auto info = parseBmp(bytes);
    if (!info) {
        return unreadable(
            QCoreApplication::translate("hqa::ImageDecoder", "BMP data ends before the image size (truncated file)"));
    }
    if (info->width <= 0 || info->height <= 0 || info->width > 0x7fffffff || info->height > 0x7fffffff) {
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "BMP header gives an invalid size (%1 x %2)")
                              .arg(info->width)
                              .arg(info->height));
    }
    ImageHeader header;
    header.format = ImageFormat::Bmp;
    header.width = static_cast<int>(info->width);
    header.height = static_cast<int>(info->height);
    return header;
}

Expected<cv::Mat> decodeBmp(ByteView bytes, const ImageHeader& header)
{
    const auto info = parseBmp(bytes);
    if (!info)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt BMP header"));
    const int bpp = info->bitsPerPixel;
    if (bpp != 1 && bpp != 4 && bpp != 8 && bpp != 16 && bpp != 24 && bpp != 32)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "BMP with %1 bits per pixel").arg(bpp));

    std::uint64_t needed = 0;
    switch (info->compression) {
    case kBiRgb:
    case kBiBitfields:
    case kBiAlphaBitfields: {
        const std::uint64_t rowBytes = (static_cast<std::uint64_t>(info->width) * static_cast<std::uint64_t>(bpp) + 31)
            / 32 * 4;
        needed = rowBytes * static_cast<std::uint64_t>(info->height);
        break;
    }
    case kBiRle8:
    case kBiRle4:
        // Run-length data has no fixed size; the header's image size is the best available claim.
        needed = std::max<std::uint64_t>(info->imageSize, 2);
        break;
    case kBiJpeg:
    case kBiPng:
        return makeError(ErrorCode::UnsupportedFormat,
                         QCoreApplication::translate("hqa::ImageDecoder",
                                                     "BMP files with embedded JPEG or PNG data are not supported"));
    default:
        return unreadable(
            QCoreApplication::translate("hqa::ImageDecoder", "unknown BMP compression %1").arg(info->compression));
    }
    if (info->dataOffset > bytes.size || needed > bytes.size - info->dataOffset)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "BMP data ends early (truncated file)"));

    const cv::Mat buffer(1, static_cast<int>(bytes.size), CV_8UC1, const_cast<std::uint8_t*>(bytes.data));
    cv::Mat decoded = cv::imdecode(buffer, cv::IMREAD_UNCHANGED);
    if (decoded.empty())
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt BMP data"));
    if (decoded.cols != header.width || decoded.rows != header.height)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "inconsistent BMP header"));
    if (decoded.channels() == 4) {
        // Many 32-bit BMPs leave the fourth byte at zero and mean "opaque"; compositing would paint them white.
        std::vector<cv::Mat> planes;
        cv::split(decoded, planes);
        if (cv::countNonZero(planes[3]) == 0) {
            cv::Mat bgr;
            cv::cvtColor(decoded, bgr, cv::COLOR_BGRA2BGR);
            return bgr;
        }
    }
    return toBgr8(decoded);
}

} // namespace hqa::core::image_detail
