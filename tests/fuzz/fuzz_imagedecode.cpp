// libFuzzer harness for the image decoding entry points (core/image/ImageDecoder.h) as the store and CLI see
// them: probeImage (what `project add` reads for the size) and decodeImage. Arbitrary bytes give either a valid
// 8-bit BGR image of the size the header announced, or an error with a message; never a crash or a hang.
// Reduced decodes must never come out larger than asked (or than the original).

#include "core/image/ImageDecoder.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace hqa::core;
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto header = probeImage(bytes);
    if (!header.ok() && header.error().detail.trimmed().isEmpty())
        std::abort(); // every bad input gets a clear error

    DecodeOptions options;
    options.maxPixels = 4'000'000; // keeps each run fast; the limit itself is what is exercised
    options.minSide = 8;
    options.maxLongSide = size % 2 ? 0 : 64; // alternate full and reduced decodes (DCT scaling, WebP scaling)
    auto image = decodeImage(bytes, options);
    if (!image.ok()) {
        if (image.error().detail.trimmed().isEmpty())
            std::abort();
        return 0;
    }
    const cv::Mat& m = image->bgr;
    if (m.empty() || m.type() != CV_8UC3 || static_cast<std::int64_t>(m.cols) * m.rows > options.maxPixels)
        std::abort();
    if (!header.ok() || header->orientedWidth() != image->originalSize.width
        || header->orientedHeight() != image->originalSize.height)
        std::abort(); // the decode succeeded where the probe (used for the stored size) disagreed
    if (options.maxLongSide > 0
        && std::max(m.cols, m.rows)
            > std::max(options.maxLongSide, std::max(image->originalSize.width, image->originalSize.height)))
        std::abort();
    return 0;
}
