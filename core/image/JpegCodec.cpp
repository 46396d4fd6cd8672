// JPEG through libjpeg(-turbo) directly: OpenCV's decoder turns a truncated file into a half-grey picture with
// only a warning, so here every corrupt-data warning ends the decode with an error.

#include "ImageCodecs.h"
#include "TiffStructure.h"

#include <QCoreApplication>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>

#include <jpeglib.h>
#include <jerror.h>

namespace hqa::core::image_detail {

namespace {

/// Real progressive files have a few dozen scans at most; thousands of tiny scans are a known CPU bomb.
constexpr int kMaxScans = 1000;
/// The coefficient buffer of an 80 MP progressive JPEG is about 500 MB; refuse anything beyond.
constexpr long kMaxJpegMemory = 1024L * 1024L * 1024L;

bool isStartOfFrame(int marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

int readBe16(const std::uint8_t* p) { return (p[0] << 8) | p[1]; }

struct JpegContext {
    jpeg_decompress_struct cinfo{};
    jpeg_error_mgr errors{};
    jpeg_progress_mgr progress{};
    std::jmp_buf jump{};
    jpeg_source_mgr source{};
    char message[JMSG_LENGTH_MAX] = {};
    bool ranOut = false; ///< the decoder asked for bytes past the end and got a synthetic EOI
    bool adobeInverted = false;
    cv::Mat out;
};

JpegContext* contextOf(j_common_ptr cinfo) { return static_cast<JpegContext*>(cinfo->client_data); }

[[noreturn]] void onJpegError(j_common_ptr cinfo)
{
    JpegContext* ctx = contextOf(cinfo);
    cinfo->err->format_message(cinfo, ctx->message);
    std::longjmp(ctx->jump, 1);
}

void onJpegMessage(j_common_ptr cinfo, int level)
{
    if (level >= 0)
        return; // trace messages
    JpegContext* ctx = contextOf(cinfo);
    const int code = cinfo->err->msg_code;
    // Harmless in practice: garbage between the last scan and EOI (some cameras write it), or metadata that
    // does not affect pixels.
    const bool benign = (code == JWRN_EXTRANEOUS_DATA && cinfo->err->msg_parm.i[1] == 0xD9) || code == JWRN_JFIF_MAJOR
        || code == JWRN_ADOBE_XFORM || code == JWRN_BOGUS_ICC;
    if (benign) {
        ++cinfo->err->num_warnings;
        return;
    }
    cinfo->err->format_message(cinfo, ctx->message);
    std::longjmp(ctx->jump, 1);
}

void onJpegProgress(j_common_ptr cinfo)
{
    if (!cinfo->is_decompressor)
        return;
    auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
    if (d->input_scan_number > kMaxScans) {
        JpegContext* ctx = contextOf(cinfo);
        std::snprintf(ctx->message, sizeof ctx->message, "more than %d progressive scans", kMaxScans);
        std::longjmp(ctx->jump, 1);
    }
}

// A memory source like jpeg_mem_src, except that running out is silent: the Huffman decoder reads a few
// bytes ahead, so a file that lacks only its EOI runs out although every scan byte is there. Any warning or
// error after running out means the data really ended early.
void initSource(j_decompress_ptr) { }
void termSource(j_decompress_ptr) { }

boolean fillInput(j_decompress_ptr cinfo)
{
    static const JOCTET kEndOfImage[2] = {0xFF, JPEG_EOI};
    contextOf(reinterpret_cast<j_common_ptr>(cinfo))->ranOut = true;
    cinfo->src->next_input_byte = kEndOfImage;
    cinfo->src->bytes_in_buffer = 2;
    return TRUE;
}

void skipInput(j_decompress_ptr cinfo, long count)
{
    if (count <= 0)
        return;
    if (static_cast<unsigned long>(count) > cinfo->src->bytes_in_buffer) {
        fillInput(cinfo);
        return;
    }
    cinfo->src->next_input_byte += count;
    cinfo->src->bytes_in_buffer -= static_cast<std::size_t>(count);
}

/// All libjpeg calls live here so that a longjmp never skips a C++ destructor: the only objects it touches
/// belong to ctx, which the caller owns.
bool runJpegDecode(JpegContext& ctx, ByteView bytes, int minLongSide)
{
    if (setjmp(ctx.jump) != 0)
        return false;
    jpeg_create_decompress(&ctx.cinfo);
    ctx.cinfo.mem->max_memory_to_use = kMaxJpegMemory;
    ctx.progress.progress_monitor = onJpegProgress;
    ctx.cinfo.progress = &ctx.progress;
    ctx.source.init_source = initSource;
    ctx.source.fill_input_buffer = fillInput;
    ctx.source.skip_input_data = skipInput;
    ctx.source.resync_to_restart = jpeg_resync_to_restart;
    ctx.source.term_source = termSource;
    ctx.source.next_input_byte = bytes.data;
    ctx.source.bytes_in_buffer = bytes.size;
    ctx.cinfo.src = &ctx.source;
    jpeg_read_header(&ctx.cinfo, TRUE);
    ctx.adobeInverted = ctx.cinfo.saw_Adobe_marker;

    switch (ctx.cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
        ctx.cinfo.out_color_space = JCS_GRAYSCALE;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        ctx.cinfo.out_color_space = JCS_CMYK;
        break;
    default:
        ctx.cinfo.out_color_space = JCS_EXT_BGR;
        break;
    }

    if (minLongSide > 0) {
        // The smallest scale whose result is still at least minLongSide long; the final resize does the rest.
        // Only 1/8, 2/8, 4/8 and 8/8: libjpeg-turbo has SIMD code for those, while its 3/8, 5/8, 6/8 and 7/8
        // IDCTs are plain C and measured slower than a full-size decode (743x1155: 5/8 took 17.5 ms, 8/8 14 ms).
        for (const unsigned int num : {1U, 2U, 4U, 8U}) {
            ctx.cinfo.scale_num = num;
            ctx.cinfo.scale_denom = 8;
            jpeg_calc_output_dimensions(&ctx.cinfo);
            if (static_cast<int>(std::max(ctx.cinfo.output_width, ctx.cinfo.output_height)) >= minLongSide)
                break;
        }
    }

    jpeg_start_decompress(&ctx.cinfo);
    ctx.out.create(static_cast<int>(ctx.cinfo.output_height), static_cast<int>(ctx.cinfo.output_width),
                   CV_8UC(ctx.cinfo.output_components));
    while (ctx.cinfo.output_scanline < ctx.cinfo.output_height) {
        JSAMPROW row = ctx.out.ptr(static_cast<int>(ctx.cinfo.output_scanline));
        jpeg_read_scanlines(&ctx.cinfo, &row, 1);
    }
    jpeg_finish_decompress(&ctx.cinfo);
    return true;
}

struct JpegGuard {
    JpegContext& ctx;
    ~JpegGuard() { jpeg_destroy_decompress(&ctx.cinfo); }
};

cv::Mat cmykToBgr(const cv::Mat& cmyk, bool adobeInverted)
{
    cv::Mat bgr(cmyk.size(), CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const std::uint8_t* s = cmyk.ptr<std::uint8_t>(y);
        std::uint8_t* d = bgr.ptr<std::uint8_t>(y);
        for (int x = 0; x < cmyk.cols; ++x, s += 4, d += 3) {
            // Photoshop writes CMYK inverted (0 = full ink), which most CMYK JPEGs in the wild are.
            const int c = adobeInverted ? s[0] : 255 - s[0];
            const int m = adobeInverted ? s[1] : 255 - s[1];
            const int ye = adobeInverted ? s[2] : 255 - s[2];
            const int k = adobeInverted ? s[3] : 255 - s[3];
            d[0] = static_cast<std::uint8_t>((ye * k + 127) / 255);
            d[1] = static_cast<std::uint8_t>((m * k + 127) / 255);
            d[2] = static_cast<std::uint8_t>((c * k + 127) / 255);
        }
    }
    return bgr;
}

} // namespace

Expected<ImageHeader> readJpegHeader(ByteView bytes)
{
    const std::uint8_t* d = bytes.data;
    const std::size_t n = bytes.size;
    ImageHeader header;
    header.format = ImageFormat::Jpeg;
    bool haveFrame = false;
    bool haveExif = false;
    std::size_t pos = 2; // after SOI
    while (pos < n) {
        if (d[pos] != 0xFF) {
            ++pos; // stray bytes: libjpeg decides later whether they matter
            continue;
        }
        while (pos < n && d[pos] == 0xFF)
            ++pos;
        if (pos >= n)
            break;
        const int marker = d[pos++];
        if (marker == 0x00 || marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7))
            continue; // no length field
        if (marker == 0xD9 || marker == 0xDA)
            break; // EOI, or SOS: the headers are over
        if (pos + 2 > n)
            break;
        const int length = readBe16(d + pos);
        if (length < 2)
            return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt JPEG header"));
        const std::uint8_t* segment = d + pos + 2;
        const std::size_t segmentSize = std::min<std::size_t>(static_cast<std::size_t>(length - 2), n - pos - 2);
        if (isStartOfFrame(marker) && !haveFrame) {
            if (segmentSize < 5)
                break;
            header.height = readBe16(segment + 1);
            header.width = readBe16(segment + 3);
            haveFrame = true;
        } else if (marker == 0xE1 && !haveExif && segmentSize >= 6 && std::memcmp(segment, "Exif\0\0", 6) == 0) {
            header.exifOrientation = exifOrientation(segment, segmentSize);
            haveExif = true;
        }
        pos += 2 + static_cast<std::size_t>(length - 2);
    }
    if (!haveFrame) {
        return unreadable(
            QCoreApplication::translate("hqa::ImageDecoder", "JPEG data ends before the image size (truncated file)"));
    }
    if (header.width <= 0 || header.height <= 0) {
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "JPEG header gives no image size (%1 x %2)")
                              .arg(header.width)
                              .arg(header.height));
    }
    return header;
}

Expected<cv::Mat> decodeJpeg(ByteView bytes, const ImageHeader& header, int minLongSide)
{
    JpegContext ctx;
    ctx.cinfo.err = jpeg_std_error(&ctx.errors);
    ctx.errors.error_exit = onJpegError;
    ctx.errors.emit_message = onJpegMessage;
    ctx.cinfo.client_data = &ctx;
    JpegGuard guard{ctx};

    if (!runJpegDecode(ctx, bytes, minLongSide)) {
        if (ctx.ranOut)
            return unreadable(
                QCoreApplication::translate("hqa::ImageDecoder", "JPEG data ends early (truncated file)"));
        QString message = QString::fromLocal8Bit(ctx.message);
        message.remove(QLatin1String("Corrupt JPEG data: ")); // libjpeg's own prefix, said once below
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "corrupt JPEG data: %1").arg(message));
    }
    if (static_cast<int>(ctx.cinfo.image_width) != header.width
        || static_cast<int>(ctx.cinfo.image_height) != header.height) {
        return unreadable(QCoreApplication::translate("hqa::ImageDecoder", "inconsistent JPEG frame headers"));
    }
    if (ctx.out.channels() == 4)
        return cmykToBgr(ctx.out, ctx.adobeInverted);
    return toBgr8(ctx.out);
}

} // namespace hqa::core::image_detail
