// libFuzzer harness for the image decoder: any byte string must give an image or a typed error, within the
// pixel limit and without a crash, leak or sanitizer report.

#include "core/image/ImageDecoder.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    hqa::core::DecodeOptions options;
    options.minSide = 1;
    options.maxPixels = 4'000'000; // keeps each run fast; the limit logic is the same
    (void)hqa::core::probeImage(bytes);
    const auto decoded = hqa::core::decodeImage(bytes, options);
    if (decoded.ok() && (decoded->bgr.type() != CV_8UC3 || decoded->bgr.empty()))
        std::abort();
    options.maxLongSide = 64;
    const auto preview = hqa::core::decodeImage(bytes, options);
    if (preview.ok() && std::max(preview->bgr.cols, preview->bgr.rows) > std::max(64, std::max(preview->originalSize.width, preview->originalSize.height)))
        std::abort();
    return 0;
}
