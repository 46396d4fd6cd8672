#include "ImageDecoder.h"

#include "ImageCodecs.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <new>

namespace hqa::core {

using image_detail::ByteView;
using image_detail::unreadable;

namespace image_detail {

Error unreadable(const QString& detail) { return makeError(ErrorCode::Unreadable, detail); }

cv::Size fitLongSide(cv::Size size, int maxLongSide)
{
    const int longSide = std::max(size.width, size.height);
    if (maxLongSide <= 0 || longSide <= maxLongSide)
        return size;
    const double f = static_cast<double>(maxLongSide) / longSide;
    if (size.width >= size.height)
        return {maxLongSide, std::max(1, static_cast<int>(std::lround(size.height * f)))};
    return {std::max(1, static_cast<int>(std::lround(size.width * f))), maxLongSide};
}

cv::Mat toBgr8(const cv::Mat& image)
{
    cv::Mat in = image;
    if (in.depth() == CV_16U)
        image.convertTo(in, CV_8U, 1.0 / 257.0);
    else if (in.depth() != CV_8U)
        image.convertTo(in, CV_8U);

    cv::Mat bgr;
    switch (in.channels()) {
    case 1:
        cv::cvtColor(in, bgr, cv::COLOR_GRAY2BGR);
        return bgr;
    case 3:
        return in;
    case 2:
    case 4:
        break;
    default:
        return {};
    }
    // Alpha over white: a transparent background should look like paper, not like black.
    const int channels = in.channels();
    bgr.create(in.size(), CV_8UC3);
    for (int y = 0; y < in.rows; ++y) {
        const std::uint8_t* s = in.ptr<std::uint8_t>(y);
        std::uint8_t* d = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < in.cols; ++x, s += channels, d += 3) {
            const int a = s[channels - 1];
            const int white = 255 * (255 - a);
            for (int c = 0; c < 3; ++c) {
                const int v = channels == 4 ? s[c] : s[0];
                d[c] = static_cast<std::uint8_t>((v * a + white + 127) / 255);
            }
        }
    }
    return bgr;
}

} // namespace image_detail

namespace {

/// Format recognised from the first bytes, with the name used in "not supported" messages.
struct Sniffed {
    ImageFormat format = ImageFormat::Unknown;
    const char* name = "";
};

bool startsWith(const std::uint8_t* d, std::size_t n, const char* magic, std::size_t length, std::size_t at = 0)
{
    return n >= at + length && std::memcmp(d + at, magic, length) == 0;
}

/// ISO base media files (HEIF, AVIF, also MP4) name their kind in the ftyp box's brands.
Sniffed sniffIsoBmff(const std::uint8_t* d, std::size_t n)
{
    if (!startsWith(d, n, "ftyp", 4, 4) || n < 12)
        return {};
    const std::size_t boxSize = std::min<std::size_t>(n, (std::size_t(d[0]) << 24) | (d[1] << 16) | (d[2] << 8) | d[3]);
    static constexpr std::array<const char*, 2> kAvif = {"avif", "avis"};
    static constexpr std::array<const char*, 10> kHeif = {"heic", "heix", "hevc", "hevx", "heim",
                                                          "heis", "hevm", "hevs", "mif1", "msf1"};
    bool heif = false;
    // Major brand at 8, minor version at 12, compatible brands from 16 to the end of the box.
    for (std::size_t at = 8; at + 4 <= std::max<std::size_t>(boxSize, 12); at += (at == 8 ? 8 : 4)) {
        for (const char* brand : kAvif) {
            if (std::memcmp(d + at, brand, 4) == 0)
                return {ImageFormat::Avif, "AVIF"};
        }
        for (const char* brand : kHeif) {
            if (std::memcmp(d + at, brand, 4) == 0)
                heif = true;
        }
        if (std::memcmp(d + at, "crx ", 4) == 0)
            return {ImageFormat::Other, "Canon CR3 raw"};
    }
    if (heif)
        return {ImageFormat::Heif, "HEIF/HEIC"};
    return {};
}

Sniffed sniff(const std::uint8_t* d, std::size_t n)
{
    if (startsWith(d, n, "\xFF\xD8\xFF", 3))
        return {ImageFormat::Jpeg, "JPEG"};
    if (startsWith(d, n, "\x89PNG\r\n\x1A\n", 8))
        return {ImageFormat::Png, "PNG"};
    if (startsWith(d, n, "RIFF", 4) && startsWith(d, n, "WEBP", 4, 8))
        return {ImageFormat::WebP, "WebP"};
    if (startsWith(d, n, "II*\0", 4) || startsWith(d, n, "MM\0*", 4) || startsWith(d, n, "II+\0", 4)
        || startsWith(d, n, "MM\0+", 4))
        return {ImageFormat::Tiff, "TIFF"};
    if (startsWith(d, n, "BM", 2) && n >= 18) {
        // "BM" alone is too common a text start; require a known DIB header size as well.
        const std::uint32_t dib = d[14] | (d[15] << 8) | (d[16] << 16) | (std::uint32_t(d[17]) << 24);
        if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
            return {ImageFormat::Bmp, "BMP"};
    }
    if (startsWith(d, n, "GIF87a", 6) || startsWith(d, n, "GIF89a", 6))
        return {ImageFormat::Gif, "GIF"};
    if (const Sniffed iso = sniffIsoBmff(d, n); iso.format != ImageFormat::Unknown)
        return iso;
    if (startsWith(d, n, "\0\0\0\x0CJXL \r\n\x87\n", 12) || startsWith(d, n, "\xFF\x0A", 2))
        return {ImageFormat::Other, "JPEG XL"};
    if (startsWith(d, n, "\0\0\0\x0CjP  \r\n\x87\n", 12) || startsWith(d, n, "\xFF\x4F\xFF\x51", 4))
        return {ImageFormat::Other, "JPEG 2000"};
    if (startsWith(d, n, "8BPS", 4))
        return {ImageFormat::Other, "Photoshop (PSD)"};
    if (startsWith(d, n, "v/1\x01", 4))
        return {ImageFormat::Other, "OpenEXR"};
    if (startsWith(d, n, "qoif", 4))
        return {ImageFormat::Other, "QOI"};
    if (n >= 3 && d[0] == 'P' && d[1] >= '1' && d[1] <= '6'
        && (d[2] == ' ' || d[2] == '\n' || d[2] == '\r' || d[2] == '\t'))
        return {ImageFormat::Other, "PNM"};
    return {};
}

Expected<ImageHeader> probeView(ByteView view)
{
    if (view.size == 0)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "no image data"));
    const Sniffed sniffed = sniff(view.data, view.size);
    switch (sniffed.format) {
    case ImageFormat::Jpeg:
        return image_detail::readJpegHeader(view);
    case ImageFormat::Png:
        return image_detail::readPngHeader(view);
    case ImageFormat::WebP:
        return image_detail::readWebpHeader(view);
    case ImageFormat::Tiff:
        return image_detail::readTiffHeader(view);
    case ImageFormat::Bmp:
        return image_detail::readBmpHeader(view);
    case ImageFormat::Unknown:
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "not an image (unrecognised data)"));
    case ImageFormat::Gif:
    case ImageFormat::Heif:
    case ImageFormat::Avif:
    case ImageFormat::Other:
        break;
    }
    return makeError(ErrorCode::UnsupportedFormat,
                     QCoreApplication::translate("hqa::ImageDecoder", "%1 images are not supported")
                         .arg(QString::fromLatin1(sniffed.name)));
}

/// Turns stored pixels into displayed pixels for EXIF orientations 1..8.
cv::Mat applyOrientation(const cv::Mat& stored, int orientation)
{
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(stored, out, 1);
        return out;
    case 3:
        cv::rotate(stored, out, cv::ROTATE_180);
        return out;
    case 4:
        cv::flip(stored, out, 0);
        return out;
    case 5:
        cv::transpose(stored, out);
        return out;
    case 6:
        cv::rotate(stored, out, cv::ROTATE_90_CLOCKWISE);
        return out;
    case 7:
        cv::transpose(stored, out);
        cv::flip(out, out, -1);
        return out;
    case 8:
        cv::rotate(stored, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        return out;
    default:
        return stored;
    }
}

ByteView viewOf(const QByteArray& bytes)
{
    return {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())};
}

Expected<DecodedImage> decodeView(ByteView view, const DecodeOptions& options)
{
    auto probed = probeView(view);
    if (!probed)
        return probed.error();
    const ImageHeader header = probed.value();

    const std::int64_t pixels = std::int64_t(header.width) * header.height;
    if (pixels > options.maxPixels) {
        return makeError(
            ErrorCode::TooLarge,
            QCoreApplication::translate("hqa::ImageDecoder", "the image is %1 x %2 pixels (%3 MP); the limit is %4 MP")
                .arg(header.width)
                .arg(header.height)
                .arg(static_cast<double>(pixels) / 1e6, 0, 'f', 1)
                .arg(static_cast<double>(options.maxPixels) / 1e6, 0, 'f', 1));
    }
    if (std::min(header.width, header.height) < options.minSide) {
        return makeError(ErrorCode::TooSmall,
                         QCoreApplication::translate(
                             "hqa::ImageDecoder", "the image is %1 x %2 pixels; the shorter side must be at least %3")
                             .arg(header.width)
                             .arg(header.height)
                             .arg(options.minSide));
    }

    const cv::Size storedSize(header.width, header.height);
    const cv::Size storedTarget = image_detail::fitLongSide(storedSize, options.maxLongSide);
    const bool shrinking = storedTarget != storedSize;
    Expected<cv::Mat> stored = cv::Mat();
    switch (header.format) {
    case ImageFormat::Jpeg:
        stored = image_detail::decodeJpeg(view, header, shrinking ? options.maxLongSide : 0);
        break;
    case ImageFormat::Png:
        stored = image_detail::decodePng(view, header);
        break;
    case ImageFormat::WebP:
        stored = image_detail::decodeWebp(view, header, storedTarget);
        break;
    case ImageFormat::Tiff:
        stored = image_detail::decodeTiff(view, header);
        break;
    case ImageFormat::Bmp:
        stored = image_detail::decodeBmp(view, header);
        break;
    default:
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "no decoder for this format"));
    }
    if (!stored)
        return stored.error();
    if (stored->empty() || stored->type() != CV_8UC3)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "the decoder returned no pixels"));
    if (!shrinking && stored->size() != storedSize)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "decoded size differs from the header"));

    DecodedImage result;
    result.header = header;
    result.originalSize = cv::Size(header.orientedWidth(), header.orientedHeight());
    cv::Mat oriented = applyOrientation(stored.value(), header.exifOrientation);
    const cv::Size target = image_detail::fitLongSide(result.originalSize, options.maxLongSide);
    if (oriented.size() != target)
        cv::resize(oriented, result.bgr, target, 0, 0, cv::INTER_AREA);
    else
        result.bgr = oriented;
    result.scale = static_cast<double>(result.bgr.cols) / result.originalSize.width;
    return result;
}

/// Library code below may throw (OpenCV's cv::Exception, std::bad_alloc); none of it may reach the caller.
template<typename Fn> auto guarded(Fn&& fn) -> decltype(fn())
{
    try {
        return fn();
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::TooLarge,
                         QCoreApplication::translate("hqa::ImageDecoder", "not enough memory to decode the image"));
    } catch (const cv::Exception& e) {
        if (e.code == cv::Error::StsNoMem) {
            return makeError(ErrorCode::TooLarge,
                             QCoreApplication::translate("hqa::ImageDecoder", "not enough memory to decode the image"));
        }
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot decode the image: %1")
                              .arg(QString::fromStdString(e.msg)));
    } catch (const std::exception& e) {
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot decode the image: %1")
                              .arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot decode the image"));
    }
}

constexpr qint64 kMaxFileBytes = 512LL * 1024 * 1024;

} // namespace

std::string_view imageFormatName(ImageFormat f)
{
    switch (f) {
    case ImageFormat::Unknown:
        return "unknown";
    case ImageFormat::Jpeg:
        return "jpeg";
    case ImageFormat::Png:
        return "png";
    case ImageFormat::WebP:
        return "webp";
    case ImageFormat::Tiff:
        return "tiff";
    case ImageFormat::Bmp:
        return "bmp";
    case ImageFormat::Gif:
        return "gif";
    case ImageFormat::Heif:
        return "heif";
    case ImageFormat::Avif:
        return "avif";
    case ImageFormat::Other:
        return "other";
    }
    return "unknown";
}

Expected<ImageHeader> probeImage(const QByteArray& bytes)
{
    return guarded([&]() -> Expected<ImageHeader> { return probeView(viewOf(bytes)); });
}

Expected<DecodedImage> decodeImage(const QByteArray& bytes, const DecodeOptions& options)
{
    return guarded([&]() -> Expected<DecodedImage> { return decodeView(viewOf(bytes), options); });
}

Expected<DecodedImage> decodeImageFile(const QString& path, const DecodeOptions& options)
{
    return guarded([&]() -> Expected<DecodedImage> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("hqa::ImageDecoder", "cannot open %1: %2").arg(path, file.errorString()));
        }
        const qint64 size = file.size();
        // Checked before reading: a multi-gigabyte file would exhaust memory long before the pixel limit helps.
        if (size > kMaxFileBytes) {
            return makeError(
                ErrorCode::TooLarge,
                QCoreApplication::translate("hqa::ImageDecoder", "%1 is %2 MB; files over %3 MB are refused")
                    .arg(path)
                    .arg(size / (1024 * 1024))
                    .arg(kMaxFileBytes / (1024 * 1024)));
        }
        const QByteArray bytes = file.readAll();
        if (file.error() != QFileDevice::NoError) {
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("hqa::ImageDecoder", "cannot read %1: %2").arg(path, file.errorString()));
        }
        if (bytes.isEmpty())
            return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "file is empty"));
        return decodeView(viewOf(bytes), options);
    });
}

bool hasImageExtension(const QString& path)
{
    static const QStringList kExtensions = {QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("jpe"),
                                            QStringLiteral("png"), QStringLiteral("webp"), QStringLiteral("tif"),
                                            QStringLiteral("tiff"), QStringLiteral("bmp"),
                                            // Not decoded, but listed so a folder scan reports them as
                                            // unsupported instead of skipping them silently.
                                            QStringLiteral("gif"), QStringLiteral("heic"), QStringLiteral("heif"),
                                            QStringLiteral("avif"), QStringLiteral("jxl")};
    return kExtensions.contains(QFileInfo(path).suffix(), Qt::CaseInsensitive);
}

} // namespace hqa::core
