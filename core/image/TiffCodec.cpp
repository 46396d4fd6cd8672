// TIFF through libtiff's RGBA interface, opened on the bytes in memory with per-handle error handlers (libtiff
// 4.5), so errors are errors and no global handler is shared between threads. The raster is requested in the
// file's own orientation: libtiff would otherwise flip some orientations itself, and ImageDecoder applies the
// orientation once, for every format alike.

#include "ImageCodecs.h"
#include "TiffStructure.h"

#include <QCoreApplication>

#include <algorithm>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstring>

#include <tiffio.h>

namespace hqa::core::image_detail {

namespace {

struct TiffStream {
    ByteView bytes;
    toff_t pos = 0;
    bool failed = false;
    char message[512] = {};
};

tmsize_t tiffRead(thandle_t handle, void* buffer, tmsize_t size)
{
    auto* s = static_cast<TiffStream*>(handle);
    if (size <= 0 || s->pos >= s->bytes.size)
        return 0;
    const auto n = std::min<std::uint64_t>(static_cast<std::uint64_t>(size), s->bytes.size - s->pos);
    std::memcpy(buffer, s->bytes.data + s->pos, n);
    s->pos += n;
    return static_cast<tmsize_t>(n);
}

tmsize_t tiffWrite(thandle_t, void*, tmsize_t) { return 0; }

toff_t tiffSeek(thandle_t handle, toff_t offset, int whence)
{
    auto* s = static_cast<TiffStream*>(handle);
    // Unsigned wrap-around makes a negative SEEK_CUR/SEEK_END offset work as intended.
    switch (whence) {
    case SEEK_SET:
        s->pos = offset;
        break;
    case SEEK_CUR:
        s->pos += offset;
        break;
    case SEEK_END:
        s->pos = s->bytes.size + offset;
        break;
    default:
        break;
    }
    return s->pos;
}

int tiffClose(thandle_t) { return 0; }

toff_t tiffSize(thandle_t handle) { return static_cast<TiffStream*>(handle)->bytes.size; }

int tiffMap(thandle_t handle, void** base, toff_t* size)
{
    // Read-only mode never writes through the mapping, so the caller's bytes can serve as one.
    auto* s = static_cast<TiffStream*>(handle);
    *base = const_cast<std::uint8_t*>(s->bytes.data);
    *size = s->bytes.size;
    return 1;
}

void tiffUnmap(thandle_t, void*, toff_t) { }

int onTiffError(TIFF*, void* user, const char* module, const char* format, va_list args)
{
    auto* s = static_cast<TiffStream*>(user);
    if (!s->failed) {
        char text[400];
        std::vsnprintf(text, sizeof text, format, args);
        std::snprintf(s->message, sizeof s->message, "%s%s%s", module != nullptr ? module : "",
                      module != nullptr ? ": " : "", text);
    }
    s->failed = true;
    return 1;
}

int onTiffWarning(TIFF*, void*, const char*, const char*, va_list)
{
    return 1; // unknown tags and the like; the pixels decide
}

/// libtiff reports a short strip as a read error mentioning the byte counts; say "truncated" when it looks so.
Error tiffError(const TiffStream& s, const char* fallback)
{
    const QString message = QString::fromLocal8Bit(s.message[0] != 0 ? s.message : fallback);
    if (message.contains(QLatin1String("Read error"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("Seek error"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("end of file"), Qt::CaseInsensitive)) {
        return unreadable(
            QCoreApplication::translate("hqa::ImageDecoder", "TIFF data ends early (truncated file): %1").arg(message));
    }
    return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt TIFF data: %1").arg(message));
}

struct TiffHandle {
    TIFF* tif = nullptr;
    ~TiffHandle()
    {
        if (tif != nullptr)
            TIFFClose(tif);
    }
};

} // namespace

Expected<ImageHeader> readTiffHeader(ByteView bytes)
{
    const auto ifd = readTiffIfd0(bytes.data, bytes.size);
    if (!ifd) {
        return unreadable(QCoreApplication::translate(
            "hqa::ImageDecoder", "TIFF data ends before the first image directory (truncated file)"));
    }
    if (ifd->width <= 0 || ifd->height <= 0 || ifd->width > INT_MAX || ifd->height > INT_MAX) {
        return unreadable(
            QCoreApplication::translate("hqa::ImageDecoder", "TIFF header gives an invalid size (%1 x %2)")
                .arg(ifd->width)
                .arg(ifd->height));
    }
    ImageHeader header;
    header.format = ImageFormat::Tiff;
    header.width = static_cast<int>(ifd->width);
    header.height = static_cast<int>(ifd->height);
    header.exifOrientation = ifd->orientation;
    return header;
}

Expected<cv::Mat> decodeTiff(ByteView bytes, const ImageHeader& header)
{
    TiffStream stream;
    stream.bytes = bytes;
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    if (options == nullptr)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot initialise the TIFF decoder"));
    TIFFOpenOptionsSetErrorHandlerExtR(options, onTiffError, &stream);
    TIFFOpenOptionsSetWarningHandlerExtR(options, onTiffWarning, &stream);
    // Strip and tile buffers of a file within the pixel limit stay far below this.
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, tmsize_t(1) << 30);
    TiffHandle handle;
    handle.tif = TIFFClientOpenExt("image", "r", &stream, tiffRead, tiffWrite, tiffSeek, tiffClose, tiffSize, tiffMap,
                                   tiffUnmap, options);
    TIFFOpenOptionsFree(options);
    if (handle.tif == nullptr)
        return tiffError(stream, "cannot open TIFF");

    char message[1024] = {};
    if (TIFFRGBAImageOK(handle.tif, message) == 0) {
        return makeError(ErrorCode::UnsupportedFormat,
                         QCoreApplication::translate("hqa::ImageDecoder", "this kind of TIFF is not supported: %1")
                             .arg(QString::fromLocal8Bit(message)));
    }
    TIFFRGBAImage image{};
    if (TIFFRGBAImageBegin(&image, handle.tif, 1, message) == 0) {
        std::snprintf(stream.message, sizeof stream.message, "%s", message);
        return tiffError(stream, "cannot read TIFF");
    }
    if (static_cast<int>(image.width) != header.width || static_cast<int>(image.height) != header.height) {
        TIFFRGBAImageEnd(&image);
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "inconsistent TIFF headers"));
    }
    image.req_orientation = image.orientation;
    // libtiff treats an undeclared fourth sample as alpha; the TIFF specification says it is not, and OpenCV
    // writes BGRA that way with straight colours. Only a declared alpha is composited.
    std::uint16_t extraCount = 0;
    std::uint16_t* extraTypes = nullptr;
    const bool declaredAlpha = image.alpha != 0
        && TIFFGetField(handle.tif, TIFFTAG_EXTRASAMPLES, &extraCount, &extraTypes) == 1 && extraCount > 0
        && (extraTypes[0] == EXTRASAMPLE_ASSOCALPHA || extraTypes[0] == EXTRASAMPLE_UNASSALPHA);
    cv::Mat raster(header.height, header.width, CV_32SC1);
    const int ok = TIFFRGBAImageGet(&image, reinterpret_cast<std::uint32_t*>(raster.data), image.width, image.height);
    TIFFRGBAImageEnd(&image);
    if (ok == 0 || stream.failed)
        return tiffError(stream, "cannot read TIFF pixels");

    // libtiff's RGBA raster is premultiplied, so compositing on white is adding the uncovered part.
    cv::Mat bgr(raster.size(), CV_8UC3);
    for (int y = 0; y < raster.rows; ++y) {
        const auto* s = raster.ptr<std::uint32_t>(y);
        std::uint8_t* d = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < raster.cols; ++x, d += 3) {
            const std::uint32_t p = s[x];
            const std::uint32_t uncovered = declaredAlpha ? 255U - TIFFGetA(p) : 0U;
            d[0] = static_cast<std::uint8_t>(std::min<std::uint32_t>(255U, TIFFGetB(p) + uncovered));
            d[1] = static_cast<std::uint8_t>(std::min<std::uint32_t>(255U, TIFFGetG(p) + uncovered));
            d[2] = static_cast<std::uint8_t>(std::min<std::uint32_t>(255U, TIFFGetR(p) + uncovered));
        }
    }
    return bgr;
}

} // namespace hqa::core::image_detail
