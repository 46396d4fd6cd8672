#include "TiffStructure.h"

#include <cstring>

namespace hqa::core::image_detail {

namespace {

constexpr std::uint16_t kTagImageWidth = 256;
constexpr std::uint16_t kTagImageLength = 257;
constexpr std::uint16_t kTagOrientation = 274;

constexpr std::uint16_t kTypeShort = 3;
constexpr std::uint16_t kTypeLong = 4;
constexpr std::uint16_t kTypeLong8 = 16;

/// Endian-aware reads; every read is checked against the buffer because EXIF blocks come from anywhere.
class TiffReader {
public:
    TiffReader(const std::uint8_t* data, std::size_t size, bool bigEndian)
        : m_data(data)
        , m_size(size)
        , m_bigEndian(bigEndian)
    { }

    bool has(std::uint64_t offset, std::uint64_t length) const { return offset <= m_size && length <= m_size - offset; }

    std::uint64_t read(std::uint64_t offset, int bytes) const
    {
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i) {
            const std::uint64_t b = m_data[offset + (m_bigEndian ? i : bytes - 1 - i)];
            v = (v << 8) | b;
        }
        return v;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    bool m_bigEndian;
};

} // namespace

std::optional<TiffIfd0> readTiffIfd0(const std::uint8_t* data, std::size_t size)
{
    if (data == nullptr || size < 8)
        return std::nullopt;
    bool bigEndian = false;
    if (data[0] == 'I' && data[1] == 'I')
        bigEndian = false;
    else if (data[0] == 'M' && data[1] == 'M')
        bigEndian = true;
    else
        return std::nullopt;

    const TiffReader r(data, size, bigEndian);
    const auto magic = r.read(2, 2);
    const bool big = magic == 43;
    if (magic != 42 && !big)
        return std::nullopt;

    // BigTIFF widens counts and offsets to 8 bytes; the layout is otherwise the same.
    std::uint64_t ifdOffset = 0;
    if (big) {
        if (!r.has(4, 12) || r.read(4, 2) != 8)
            return std::nullopt;
        ifdOffset = r.read(8, 8);
    } else {
        ifdOffset = r.read(4, 4);
    }
    const int countBytes = big ? 8 : 2;
    const int entryBytes = big ? 20 : 12;
    const int fieldBytes = big ? 8 : 4;
    if (!r.has(ifdOffset, static_cast<std::uint64_t>(countBytes)))
        return std::nullopt;
    const std::uint64_t count = r.read(ifdOffset, countBytes);
    const std::uint64_t first = ifdOffset + static_cast<std::uint64_t>(countBytes);
    // A directory that does not fit is unusable; real files have a few dozen entries.
    if (count > 4096 || !r.has(first, count * static_cast<std::uint64_t>(entryBytes)))
        return std::nullopt;

    TiffIfd0 ifd;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t e = first + i * static_cast<std::uint64_t>(entryBytes);
        const auto tag = static_cast<std::uint16_t>(r.read(e, 2));
        const auto type = static_cast<std::uint16_t>(r.read(e + 2, 2));
        const std::uint64_t n = r.read(e + 4, big ? 8 : 4);
        const std::uint64_t field = e + 4 + static_cast<std::uint64_t>(big ? 8 : 4);
        if (n < 1)
            continue;
        // These tags hold one value, so it sits left-aligned in the entry's value field.
        std::uint64_t value = 0;
        if (type == kTypeShort)
            value = r.read(field, 2);
        else if (type == kTypeLong)
            value = r.read(field, 4);
        else if (type == kTypeLong8 && fieldBytes == 8)
            value = r.read(field, 8);
        else
            continue;
        if (tag == kTagImageWidth)
            ifd.width = static_cast<std::int64_t>(value & 0x7fffffffffffULL);
        else if (tag == kTagImageLength)
            ifd.height = static_cast<std::int64_t>(value & 0x7fffffffffffULL);
        else if (tag == kTagOrientation)
            ifd.orientation = (value >= 1 && value <= 8) ? static_cast<int>(value) : 1;
    }
    return ifd;
}

int exifOrientation(const std::uint8_t* data, std::size_t size)
{
    static constexpr char kExifId[6] = {'E', 'x', 'i', 'f', 0, 0};
    if (data != nullptr && size >= 6 && std::memcmp(data, kExifId, 6) == 0) {
        data += 6;
        size -= 6;
    }
    const auto ifd = readTiffIfd0(data, size);
    return ifd ? ifd->orientation : 1;
}

} // namespace hqa::core::image_detail
