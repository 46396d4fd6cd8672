// WebP through libwebp. libwebp reports truncation as a status, and it can scale while decoding, which makes a
// preview-size decode cheap without a separate resize of the full image.

#include "ImageCodecs.h"
#include "TiffStructure.h"

#include <QCoreApplication>

#include <cstring>

#include <webp/decode.h>

namespace hqa::core::image_detail {

namespace {

std::uint32_t readLe32(const std::uint8_t* p)
{
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) | (std::uint32_t(p[3]) << 24);
}

QString statusText(VP8StatusCode status)
{
    switch (status) {
    case VP8_STATUS_OUT_OF_MEMORY:
        return QStringLiteral("out of memory");
    case VP8_STATUS_INVALID_PARAM:
        return QStringLiteral("invalid parameter");
    case VP8_STATUS_BITSTREAM_ERROR:
        return QStringLiteral("bitstream error");
    case VP8_STATUS_UNSUPPORTED_FEATURE:
        return QStringLiteral("unsupported feature");
    case VP8_STATUS_SUSPENDED:
        return QStringLiteral("suspended");
    case VP8_STATUS_USER_ABORT:
        return QStringLiteral("aborted");
    case VP8_STATUS_NOT_ENOUGH_DATA:
        return QStringLiteral("not enough data");
    case VP8_STATUS_OK:
        break;
    }
    return QStringLiteral("ok");
}

Error webpError(VP8StatusCode status)
{
    if (status == VP8_STATUS_NOT_ENOUGH_DATA)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "WebP data ends early (truncated file)"));
    return unreadable(
        QCoreApplication::translate("hqa::ImageDecoder", "corrupt WebP data: %1").arg(statusText(status)));
}

} // namespace

Expected<ImageHeader> readWebpHeader(ByteView bytes)
{
    WebPBitstreamFeatures features{};
    const VP8StatusCode status = WebPGetFeatures(bytes.data, bytes.size, &features);
    if (status != VP8_STATUS_OK)
        return webpError(status);
    if (features.has_animation != 0) {
        return makeError(ErrorCode::UnsupportedFormat,
                         QCoreApplication::translate("hqa::ImageDecoder", "animated WebP images are not supported"));
    }
    if (features.width <= 0 || features.height <= 0)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "WebP header gives no image size"));

    ImageHeader header;
    header.format = ImageFormat::WebP;
    header.width = features.width;
    header.height = features.height;

    // Only the extended layout (VP8X) carries an EXIF chunk; walking the chunk list reads sizes only.
    std::size_t pos = 12;
    while (pos + 8 <= bytes.size) {
        const std::uint32_t length = readLe32(bytes.data + pos + 4);
        if (length > bytes.size - pos - 8)
            break;
        if (std::memcmp(bytes.data + pos, "EXIF", 4) == 0) {
            header.exifOrientation = exifOrientation(bytes.data + pos + 8, length);
            break;
        }
        pos += 8 + static_cast<std::size_t>(length) + (length & 1U);
    }
    return header;
}

Expected<cv::Mat> decodeWebp(ByteView bytes, const ImageHeader& header, cv::Size target)
{
    WebPDecoderConfig config;
    if (WebPInitDecoderConfig(&config) == 0)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot initialise the WebP decoder"));
    VP8StatusCode status = WebPGetFeatures(bytes.data, bytes.size, &config.input);
    if (status != VP8_STATUS_OK)
        return webpError(status);
    if (config.input.width != header.width || config.input.height != header.height)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "inconsistent WebP headers"));

    const bool alpha = config.input.has_alpha != 0;
    cv::Mat out(target, alpha ? CV_8UC4 : CV_8UC3);
    if (target.width != header.width || target.height != header.height) {
        config.options.use_scaling = 1;
        config.options.scaled_width = target.width;
        config.options.scaled_height = target.height;
    }
    config.output.colorspace = alpha ? MODE_BGRA : MODE_BGR;
    config.output.is_external_memory = 1;
    config.output.u.RGBA.rgba = out.data;
    config.output.u.RGBA.stride = static_cast<int>(out.step[0]);
    config.output.u.RGBA.size = out.step[0] * static_cast<std::size_t>(out.rows);
    status = WebPDecode(bytes.data, bytes.size, &config);
    WebPFreeDecBuffer(&config.output); // no-op for external memory, kept for symmetry with libwebp's contract
    if (status != VP8_STATUS_OK)
        return webpError(status);
    return alpha ? toBgr8(out) : out;
}

} // namespace hqa::core::image_detail
