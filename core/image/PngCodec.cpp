// PNG through libpng with its error callbacks: a short read or a bad CRC in a critical chunk is an error.
// The size is taken from IHDR by our own reader first, so a header claiming 30000 x 30000 never reaches libpng.

#include "ImageCodecs.h"
#include "TiffStructure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>

namespace hqa::core::image_detail {

namespace {

constexpr std::uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

std::uint32_t readBe32(const std::uint8_t* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

struct PngContext {
    png_structp png = nullptr;
    png_infop info = nullptr;
    std::jmp_buf jump{};
    char message[256] = {};
    bool truncated = false;
    bool hasAlpha = false;
    ByteView bytes;
    std::size_t pos = 0;
    cv::Mat out; ///< BGRA, allocated by the caller from the IHDR size
    std::vector<png_bytep> rows;
};

void onPngError(png_structp png, png_const_charp message)
{
    auto* ctx = static_cast<PngContext*>(png_get_error_ptr(png));
    std::snprintf(ctx->message, sizeof ctx->message, "%s", message != nullptr ? message : "unknown error");
    std::longjmp(ctx->jump, 1);
}

void onPngWarning(png_structp, png_const_charp)
{
    // Warnings are about ancillary chunks (colour profiles, text); they never change the pixels we read.
}

void onPngRead(png_structp png, png_bytep out, png_size_t length)
{
    auto* ctx = static_cast<PngContext*>(png_get_io_ptr(png));
    if (length > ctx->bytes.size - ctx->pos) {
        ctx->truncated = true;
        png_error(png, "PNG data ends early (truncated file)");
    }
    std::memcpy(out, ctx->bytes.data + ctx->pos, length);
    ctx->pos += length;
}

/// All libpng calls live here so that a longjmp never skips a C++ destructor (see JpegCodec.cpp).
bool runPngDecode(PngContext& ctx)
{
    if (setjmp(ctx.jump) != 0)
        return false;
    png_structp png = ctx.png;
    png_infop info = ctx.info;
    png_set_read_fn(png, &ctx, onPngRead);
    png_set_user_limits(png, static_cast<png_uint_32>(ctx.out.cols), static_cast<png_uint_32>(ctx.out.rows));
    png_read_info(png, info);
    if (png_get_image_width(png, info) != static_cast<png_uint_32>(ctx.out.cols)
        || png_get_image_height(png, info) != static_cast<png_uint_32>(ctx.out.rows))
        png_error(png, "inconsistent PNG header");

    const int colorType = png_get_color_type(png, info);
    const int bitDepth = png_get_bit_depth(png, info);
    ctx.hasAlpha = (colorType & PNG_COLOR_MASK_ALPHA) != 0 || png_get_valid(png, info, PNG_INFO_tRNS) != 0;
    if (bitDepth == 16)
        png_set_scale_16(png);
    if (colorType == PNG_COLOR_TYPE_PALETTE)
        png_set_palette_to_rgb(png);
    if (colorType == PNG_COLOR_TYPE_GRAY && bitDepth < 8)
        png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS) != 0)
        png_set_tRNS_to_alpha(png);
    if (colorType == PNG_COLOR_TYPE_GRAY || colorType == PNG_COLOR_TYPE_GRAY_ALPHA)
        png_set_gray_to_rgb(png);
    png_set_bgr(png);
    // One output layout for every input keeps the row buffer allocation outside this function.
    png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != static_cast<png_size_t>(ctx.out.cols) * 4)
        png_error(png, "unexpected PNG row layout");
    png_read_image(png, ctx.rows.data());
    return true;
}

struct PngGuard {
    PngContext& ctx;
    ~PngGuard() { png_destroy_read_struct(&ctx.png, ctx.info != nullptr ? &ctx.info : nullptr, nullptr); }
};

} // namespace

Expected<ImageHeader> readPngHeader(ByteView bytes)
{
    const std::uint8_t* d = bytes.data;
    const std::size_t n = bytes.size;
    // Signature, then IHDR: length 13, "IHDR", width, height, depth, colour type, ... , CRC.
    if (n < 8 + 8 + 13 + 4 || std::memcmp(d, kPngSignature, 8) != 0)
        return unreadable(
            QCoreApplication::translate("hqa::ImageDecoder", "PNG data ends before the image size (truncated file)"));
    if (readBe32(d + 8) != 13 || std::memcmp(d + 12, "IHDR", 4) != 0)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt PNG header (no IHDR chunk)"));
    const std::uint32_t w = readBe32(d + 16);
    const std::uint32_t h = readBe32(d + 20);
    if (w == 0 || h == 0 || w > 0x7fffffffU || h > 0x7fffffffU) {
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "PNG header gives an invalid size (%1 x %2)")
                              .arg(w)
                              .arg(h));
    }
    ImageHeader header;
    header.format = ImageFormat::Png;
    header.width = static_cast<int>(w);
    header.height = static_cast<int>(h);

    // eXIf may come before or after the image data, so walk every chunk; only lengths are read.
    std::size_t pos = 8;
    while (pos + 12 <= n) {
        const std::uint32_t length = readBe32(d + pos);
        if (length > 0x7fffffffU || length > n - pos - 12)
            break;
        const std::uint8_t* type = d + pos + 4;
        if (std::memcmp(type, "eXIf", 4) == 0) {
            header.exifOrientation = exifOrientation(d + pos + 8, length);
            break;
        }
        if (std::memcmp(type, "IEND", 4) == 0)
            break;
        pos += 12 + static_cast<std::size_t>(length);
    }
    return header;
}

Expected<cv::Mat> decodePng(ByteView bytes, const ImageHeader& header)
{
    PngContext ctx;
    ctx.bytes = bytes;
    ctx.out.create(header.height, header.width, CV_8UC4);
    ctx.rows.resize(static_cast<std::size_t>(header.height));
    for (int y = 0; y < header.height; ++y)
        ctx.rows[static_cast<std::size_t>(y)] = ctx.out.ptr(y);

    ctx.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, onPngError, onPngWarning);
    if (ctx.png == nullptr)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot initialise the PNG decoder"));
    ctx.info = png_create_info_struct(ctx.png);
    PngGuard guard{ctx};
    if (ctx.info == nullptr)
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "cannot initialise the PNG decoder"));

    if (!runPngDecode(ctx)) {
        if (ctx.truncated)
            return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "PNG data ends early (truncated file)"));
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt PNG data: %1")
                              .arg(QString::fromLocal8Bit(ctx.message)));
    }
    if (!ctx.hasAlpha) {
        cv::Mat bgr;
        cv::cvtColor(ctx.out, bgr, cv::COLOR_BGRA2BGR);
        return bgr;
    }
    return toBgr8(ctx.out);
}

} // namespace hqa::core::image_detail
