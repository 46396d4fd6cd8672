#include "core/select/SittingGroups.h"

#include "core/image/ImageDecoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <numeric>

namespace hqa::core {

namespace {

// EXIF ---------------------------------------------------------------------------------------------------------

/// A bounds-checked view of a TIFF structure (the body of an EXIF block).
struct TiffView {
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    bool littleEndian = true;

    std::optional<std::uint32_t> u16(std::size_t at) const
    {
        if (at > size || size - at < 2)
            return std::nullopt;
        return littleEndian ? std::uint32_t(data[at] | data[at + 1] << 8) : std::uint32_t(data[at] << 8 | data[at + 1]);
    }
    std::optional<std::uint32_t> u32(std::size_t at) const
    {
        if (at > size || size - at < 4)
            return std::nullopt;
        const std::uint32_t b0 = data[at], b1 = data[at + 1], b2 = data[at + 2], b3 = data[at + 3];
        return littleEndian ? (b0 | b1 << 8 | b2 << 16 | b3 << 24) : (b0 << 24 | b1 << 16 | b2 << 8 | b3);
    }
};

struct IfdTimes {
    std::optional<QDateTime> dateTime, original, digitized;
    std::optional<std::uint32_t> exifIfd;
};

std::optional<QDateTime> parseExifDateTime(const TiffView& t, std::uint32_t count, std::size_t valueAt)
{
    // "YYYY:MM:DD HH:MM:SS" plus a NUL: 20 bytes, stored at an offset (never inline).
    if (count < 19)
        return std::nullopt;
    const auto offset = t.u32(valueAt);
    if (!offset || *offset > t.size || t.size - *offset < 19)
        return std::nullopt;
    const QString text = QString::fromLatin1(reinterpret_cast<const char*>(t.data + *offset), 19);
    QDateTime time = QDateTime::fromString(text, QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!time.isValid()) // some cameras write dashes
        time = QDateTime::fromString(text, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!time.isValid())
        return std::nullopt;
    return time;
}

IfdTimes readIfd(const TiffView& t, std::uint32_t at)
{
    IfdTimes out;
    const auto count = t.u16(at);
    if (!count || *count > 1000)
        return out;
    for (std::uint32_t i = 0; i < *count; ++i) {
        const std::size_t entry = std::size_t(at) + 2 + 12 * std::size_t(i);
        const auto tag = t.u16(entry);
        const auto type = t.u16(entry + 2);
        const auto n = t.u32(entry + 4);
        if (!tag || !type || !n)
            break;
        if (*tag == 0x8769 && (*type == 4 || *type == 13)) {
            out.exifIfd = t.u32(entry + 8);
        } else if (*type == 2 && (*tag == 0x0132 || *tag == 0x9003 || *tag == 0x9004)) {
            auto time = parseExifDateTime(t, *n, entry + 8);
            (*tag == 0x0132 ? out.dateTime : *tag == 0x9003 ? out.original : out.digitized) = time;
        }
    }
    return out;
}

std::optional<QDateTime> timeFromTiff(const std::uint8_t* data, std::size_t size)
{
    if (size < 8)
        return std::nullopt;
    TiffView t{data, size, true};
    if (data[0] == 'I' && data[1] == 'I')
        t.littleEndian = true;
    else if (data[0] == 'M' && data[1] == 'M')
        t.littleEndian = false;
    else
        return std::nullopt;
    if (t.u16(2).value_or(0) != 42)
        return std::nullopt;
    const auto ifd0 = t.u32(4);
    if (!ifd0)
        return std::nullopt;
    const IfdTimes first = readIfd(t, *ifd0);
    if (first.exifIfd && *first.exifIfd != *ifd0) {
        const IfdTimes exif = readIfd(t, *first.exifIfd);
        if (exif.original)
            return exif.original;
        if (exif.digitized)
            return exif.digitized;
    }
    return first.dateTime;
}

// Features -----------------------------------------------------------------------------------------------------

constexpr double kFacePxPerIed = 12.0; // kSittingFaceWidth / 2 inter-eye distances
constexpr double kFaceCentreV = 1.0 / 3.0; // y from -1 to 5/3 inter-eye distances
constexpr int kSupersample = 4; // warp at 4x, then area-resample: no aliasing from the warp
// Head and shoulders: 6 inter-eye distances wide, from 2.5 above the eyes to 4.5 below, at 8 px per distance.
constexpr int kContextWidth = 48, kContextHeight = 56;
constexpr double kContextPxPerIed = 8.0;
constexpr double kContextCentreV = 1.0;
constexpr int kBinsL = 4, kBinsAB = 6;
constexpr int kColourBins = kBinsL * kBinsAB * kBinsAB;

/// Affine map from an output raster (w x h, pxPerIed, vertical centre in inter-eye distances below the eyes) to
/// the image, rotated with the eye line: src = A * dst.
cv::Mat alignment(cv::Point2d mid, double ied, double angle, int w, int h, double pxPerIed, double centreV)
{
    const double c = std::cos(angle), s = std::sin(angle);
    const double k = ied / pxPerIed; // image pixels per output pixel
    // Output pixel (x, y) -> canonical (u, v) = ((x - (w-1)/2) / pxPerIed, (y - (h-1)/2) / pxPerIed + centreV).
    const double u0 = -(w - 1) / 2.0 / pxPerIed, v0 = -(h - 1) / 2.0 / pxPerIed + centreV;
    cv::Mat a(2, 3, CV_64F);
    a.at<double>(0, 0) = c * k;
    a.at<double>(0, 1) = -s * k;
    a.at<double>(1, 0) = s * k;
    a.at<double>(1, 1) = c * k;
    a.at<double>(0, 2) = mid.x + ied * (c * u0 - s * v0);
    a.at<double>(1, 2) = mid.y + ied * (s * u0 + c * v0);
    return a;
}

std::vector<float> normalisedGrey(const cv::Mat& grey8)
{
    cv::Mat g;
    grey8.convertTo(g, CV_32F);
    cv::GaussianBlur(g, g, cv::Size(3, 3), 0.6);
    std::vector<float> v(g.begin<float>(), g.end<float>());
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / std::max<size_t>(1, v.size());
    double norm = 0;
    for (float& x : v) {
        x = float(x - mean);
        norm += double(x) * x;
    }
    norm = std::sqrt(norm);
    for (float& x : v)
        x = norm > 1e-6 ? float(x / norm) : 0.0f;
    return v;
}

std::uint64_t dctHash(const cv::Mat& grey8)
{
    cv::Mat small, f, d;
    cv::resize(grey8, small, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
    small.convertTo(f, CV_32F);
    cv::dct(f, d);
    std::vector<float> coeffs;
    coeffs.reserve(64);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            coeffs.push_back(d.at<float>(y, x));
    std::vector<float> sorted(coeffs.begin() + 1, coeffs.end()); // the DC term says only how bright
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const float median = sorted[sorted.size() / 2];
    std::uint64_t h = 0;
    for (int i = 1; i < 64; ++i)
        if (coeffs[size_t(i)] > median)
            h |= std::uint64_t(1) << i;
    return h;
}

/// Soft (linear) binning in L*, a*, b* so that a small colour shift does not jump bins; pixels where mask is 0 are
/// left out.
std::vector<float> colourHistogram(const cv::Mat& bgr, const cv::Mat& mask)
{
    cv::Mat lab;
    cv::cvtColor(bgr, lab, cv::COLOR_BGR2Lab);
    std::vector<float> h(kColourBins, 0.0f);
    auto spread = [](double value, double lo, double hi, int bins, int& i0, double& w1) {
        const double t = std::clamp((value - lo) / (hi - lo) * bins - 0.5, 0.0, bins - 1.0);
        i0 = std::min(bins - 1, int(t));
        w1 = t - i0;
    };
    double total = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const auto* p = lab.ptr<cv::Vec3b>(y);
        const auto* m = mask.empty() ? nullptr : mask.ptr<std::uint8_t>(y);
        for (int x = 0; x < lab.cols; ++x) {
            if (m && m[x] < 128)
                continue;
            int l0, a0, b0;
            double lw, aw, bw;
            spread(p[x][0], 0, 256, kBinsL, l0, lw);
            // a* and b* of skin, clothes and backdrops lie well inside 100..160 (8-bit, 128 = neutral).
            spread(p[x][1], 100, 164, kBinsAB, a0, aw);
            spread(p[x][2], 100, 164, kBinsAB, b0, bw);
            for (int dl = 0; dl < 2; ++dl)
                for (int da = 0; da < 2; ++da)
                    for (int db = 0; db < 2; ++db) {
                        const int l = std::min(kBinsL - 1, l0 + dl), a = std::min(kBinsAB - 1, a0 + da),
                                  b = std::min(kBinsAB - 1, b0 + db);
                        const double w = (dl ? lw : 1 - lw) * (da ? aw : 1 - aw) * (db ? bw : 1 - bw);
                        h[size_t((l * kBinsAB + a) * kBinsAB + b)] += float(w);
                    }
            total += 1;
        }
    }
    if (total > 0)
        for (float& v : h)
            v = float(std::sqrt(v / total));
    return h;
}

/// HOG-like: 8 x 8 pixel cells of the 48 x 64 face, 9 unsigned orientation bins weighted by gradient magnitude,
/// square-rooted and scaled to unit norm (lighting changes the magnitudes, not where the edges are).
std::vector<float> gradientShape(const cv::Mat& grey8)
{
    cv::Mat g, gx, gy;
    cv::resize(grey8, g, cv::Size(kSittingFaceWidth * 2, kSittingFaceHeight * 2), 0, 0, cv::INTER_AREA);
    g.convertTo(g, CV_32F);
    cv::Sobel(g, gx, CV_32F, 1, 0, 3);
    cv::Sobel(g, gy, CV_32F, 0, 1, 3);
    constexpr int cell = 8, bins = 9;
    const int cw = g.cols / cell, ch = g.rows / cell;
    std::vector<float> h(size_t(cw * ch * bins), 0.0f);
    for (int y = 0; y < ch * cell; ++y)
        for (int x = 0; x < cw * cell; ++x) {
            const float dx = gx.at<float>(y, x), dy = gy.at<float>(y, x);
            const float mag = std::sqrt(dx * dx + dy * dy);
            double angle = std::atan2(dy, dx) * 180.0 / CV_PI;
            if (angle < 0)
                angle += 180.0;
            const int b = std::min(bins - 1, int(angle / (180.0 / bins)));
            h[size_t(((y / cell) * cw + x / cell) * bins + b)] += mag;
        }
    double norm = 0;
    for (float& v : h) {
        v = std::sqrt(v);
        norm += double(v) * v;
    }
    norm = std::sqrt(norm);
    for (float& v : h)
        v = norm > 1e-9 ? float(v / norm) : 0.0f;
    return h;
}

double dot(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size() || a.empty())
        return 0.0;
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

} // namespace

std::optional<QDateTime> exifCaptureTime(const QByteArray& bytes)
{
    const auto* d = reinterpret_cast<const std::uint8_t*>(bytes.constData());
    const std::size_t n = std::size_t(bytes.size());
    if (n >= 4 && ((d[0] == 'I' && d[1] == 'I') || (d[0] == 'M' && d[1] == 'M')))
        return timeFromTiff(d, n);
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8)
        return std::nullopt;
    std::size_t at = 2;
    while (at + 4 <= n) {
        if (d[at] != 0xFF)
            return std::nullopt;
        while (at < n && d[at] == 0xFF)
            ++at;
        if (at >= n)
            break;
        const std::uint8_t marker = d[at++];
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue;
        if (marker == 0xD9 || marker == 0xDA || at + 2 > n)
            break;
        const std::size_t length = std::size_t(d[at]) << 8 | d[at + 1];
        if (length < 2)
            break;
        const std::size_t body = at + 2, bodyLength = std::min(length - 2, n - body);
        if (marker == 0xE1 && bodyLength > 6 && std::equal(d + body, d + body + 6, "Exif\0\0")) {
            if (auto time = timeFromTiff(d + body + 6, bodyLength - 6))
                return time;
        }
        at += length;
    }
    return std::nullopt;
}

CaptureTime photoCaptureTime(const QString& path)
{
    CaptureTime t;
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
        if (auto exif = exifCaptureTime(f.read(128 * 1024))) {
            t.time = *exif;
            t.fromExif = true;
            return t;
        }
    }
    t.time = QFileInfo(path).lastModified();
    return t;
}

SittingFeatures sittingFeatures(const cv::Mat& input, const std::optional<FaceGeometry>& face)
{
    SittingFeatures f;
    if (input.empty() || input.type() != CV_8UC3)
        return f;
    f.valid = true;
    cv::Mat bgr = input;
    cv::Point2d el, er;
    double ied = 0;
    if (face) {
        el = face->eyeLeft;
        er = face->eyeRight;
        ied = std::hypot(er.x - el.x, er.y - el.y);
    }
    if (ied >= 4.0) {
        // A large face is brought to ~64 px between the eyes first, so that the warp below never decimates.
        if (ied > 96.0) {
            const double s = 64.0 / ied;
            cv::resize(input, bgr, cv::Size(), s, s, cv::INTER_AREA);
            el *= s;
            er *= s;
            ied *= s;
        }
        f.faceAligned = true;
        const cv::Point2d mid = (el + er) * 0.5;
        const double angle = std::atan2(er.y - el.y, er.x - el.x);
        const int w = kSittingFaceWidth * kSupersample, h = kSittingFaceHeight * kSupersample;
        cv::Mat big, grey, small;
        cv::warpAffine(bgr, big, alignment(mid, ied, angle, w, h, kFacePxPerIed * kSupersample, kFaceCentreV),
                       cv::Size(w, h), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
        cv::cvtColor(big, grey, cv::COLOR_BGR2GRAY);
        f.hash = dctHash(grey);
        cv::resize(grey, small, cv::Size(kSittingFaceWidth, kSittingFaceHeight), 0, 0, cv::INTER_AREA);
        f.face = normalisedGrey(small);
        f.shape = gradientShape(grey);
        f.skin = colourHistogram(big, cv::Mat());
        const cv::Mat a = alignment(mid, ied, angle, kContextWidth * 2, kContextHeight * 2, kContextPxPerIed * 2,
                                    kContextCentreV);
        cv::Mat context, mask, ones(bgr.size(), CV_8U, cv::Scalar(255));
        cv::warpAffine(bgr, context, a, cv::Size(kContextWidth * 2, kContextHeight * 2),
                       cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT);
        cv::warpAffine(ones, mask, a, context.size(), cv::INTER_NEAREST | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT);
        f.colour = colourHistogram(context, mask);
    } else {
        // No face: the whole image, squeezed, can still tell a copy of the same photo.
        cv::Mat grey, small, context;
        cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
        f.hash = dctHash(grey);
        cv::resize(grey, small, cv::Size(kSittingFaceWidth, kSittingFaceHeight), 0, 0, cv::INTER_AREA);
        f.face = normalisedGrey(small);
        f.shape = gradientShape(grey);
        cv::resize(bgr, context, cv::Size(kContextWidth * 2, kContextHeight * 2), 0, 0, cv::INTER_AREA);
        f.colour = colourHistogram(context, cv::Mat());
        f.skin = f.colour;
    }
    return f;
}

SittingFeatures sittingFeaturesForFile(const QString& path, const std::optional<FaceGeometry>& face)
{
    SittingFeatures f;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return f;
    const QByteArray bytes = file.readAll();
    file.close();
    CaptureTime time;
    if (auto exif = exifCaptureTime(bytes.left(256 * 1024))) {
        time.time = *exif;
        time.fromExif = true;
    } else {
        time.time = QFileInfo(path).lastModified();
    }
    DecodeOptions options;
    // Only ~64 px between the eyes are needed: JPEG's DCT scaling makes a big photo cheap to decode this small.
    if (auto header = probeImage(bytes)) {
        const int longSide = std::max(header->orientedWidth(), header->orientedHeight());
        const double ied = face ? std::hypot(face->eyeRight.x - face->eyeLeft.x, face->eyeRight.y - face->eyeLeft.y)
                                : 0;
        const double wanted = ied >= 4 ? longSide * 64.0 / ied : 384.0;
        options.maxLongSide = int(std::clamp(wanted, std::min(256.0, double(longSide)), double(longSide)));
    }
    auto decoded = decodeImage(bytes, options);
    if (!decoded)
        return f;
    std::optional<FaceGeometry> scaled;
    if (face) {
        scaled = *face;
        const double s = decoded->scale;
        scaled->eyeLeft *= s;
        scaled->eyeRight *= s;
    }
    f = sittingFeatures(decoded->bgr, scaled);
    f.time = time;
    return f;
}

std::vector<SittingFeatures> sittingFeaturesForFiles(const std::vector<QString>& paths,
                                                     const std::vector<std::optional<FaceGeometry>>& faces, int threads)
{
    std::vector<SittingFeatures> out(paths.size());
    std::vector<int> indices(paths.size());
    std::iota(indices.begin(), indices.end(), 0);
    QThreadPool pool;
    pool.setMaxThreadCount(threads > 0 ? threads : std::max(1, QThread::idealThreadCount()));
    QtConcurrent::blockingMap(&pool, indices, [&](int i) {
        const std::optional<FaceGeometry> face = size_t(i) < faces.size() ? faces[size_t(i)] : std::nullopt;
        out[size_t(i)] = sittingFeaturesForFile(paths[size_t(i)], face);
    });
    return out;
}

SittingSimilarity compareSittingFeatures(const SittingFeatures& a, const SittingFeatures& b)
{
    SittingSimilarity s;
    if (!a.valid || !b.valid)
        return s;
    if (a.face.size() == b.face.size() && !a.face.empty())
        s.face = dot(a.face, b.face);
    s.shape = dot(a.shape, b.shape);
    s.colour = dot(a.colour, b.colour);
    s.skin = dot(a.skin, b.skin);
    s.hashBits = int(std::bitset<64>(a.hash ^ b.hash).count());
    if (a.time.time.isValid() && b.time.time.isValid() && a.time.fromExif == b.time.fromExif)
        s.gapSeconds = std::abs(a.time.time.secsTo(b.time.time));
    return s;
}

SittingLink sittingLink(const SittingFeatures& a, const SittingFeatures& b, const SittingOptions& o)
{
    if (!a.valid || !b.valid)
        return SittingLink::None;
    // Cheapest tests first: this runs for every pair of photos.
    const int bits = int(std::bitset<64>(a.hash ^ b.hash).count());
    if (a.faceAligned == b.faceAligned && bits <= o.maxIdenticalHashBits
        && dot(a.face, b.face) >= o.minIdenticalCorrelation && dot(a.shape, b.shape) >= o.minIdenticalShape)
        return SittingLink::NearIdentical;
    if (!a.faceAligned || !b.faceAligned)
        return SittingLink::None;
    // Colours reject most pairs of different people at 144 multiplications; the time comparison is dearer.
    if (dot(a.colour, b.colour) < o.minColourSimilarity || dot(a.skin, b.skin) < o.minSkinSimilarity)
        return SittingLink::None;
    if (a.time.time.isValid() && b.time.time.isValid() && a.time.fromExif == b.time.fromExif
        && std::abs(a.time.time.secsTo(b.time.time)) > o.maxGapSeconds)
        return SittingLink::None;
    if (dot(a.shape, b.shape) >= o.minShapeSimilarity && dot(a.face, b.face) >= o.minFaceCorrelation)
        return SittingLink::SameSitting;
    return SittingLink::None;
}

SittingQuality sittingQuality(const Label& label, const std::optional<Assessment>& a)
{
    SittingQuality q;
    q.passes = int(std::count(label.begin(), label.end(), std::int8_t(1)));
    q.eyesOpen = 0.5;
    if (a && a->ok()) {
        const AttributeVerdict& e = a->verdict(Attribute::Expression);
        // Eye aspect ratio of the smaller eye: blinks measure 0.06-0.18, open eyes 0.18-0.37 (ExpressionMeasure).
        if (const auto ear = e.evidenceValue("eye_aspect_ratio"); ear && *ear >= 0)
            q.eyesOpen = std::clamp((*ear - 0.12) / 0.10, 0.0, 1.0);
        q.expression = e.judged ? e.score : 0.0;
        for (const AttributeVerdict& v : a->verdicts)
            if (v.judged)
                q.scoreSum += v.score;
    }
    return q;
}

bool rankedBefore(const SittingQuality& a, const SittingQuality& b)
{
    if (a.passes != b.passes)
        return a.passes > b.passes;
    if (std::abs(a.eyesOpen - b.eyesOpen) > 1e-9)
        return a.eyesOpen > b.eyesOpen;
    if (std::abs(a.expression - b.expression) > 1e-9)
        return a.expression > b.expression;
    return a.scoreSum > b.scoreSum + 1e-9;
}

std::vector<SittingGroup> groupSittings(const std::vector<SittingFeatures>& features,
                                        const std::vector<SittingQuality>& qualities, const SittingOptions& options)
{
    const int n = int(features.size());
    std::vector<int> parent(static_cast<size_t>(n));
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&](int i) {
        while (parent[size_t(i)] != i) {
            parent[size_t(i)] = parent[size_t(parent[size_t(i)])];
            i = parent[size_t(i)];
        }
        return i;
    };
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j) {
            const int ri = find(i), rj = find(j);
            if (ri == rj)
                continue;
            if (sittingLink(features[size_t(i)], features[size_t(j)], options) != SittingLink::None)
                parent[size_t(std::max(ri, rj))] = std::min(ri, rj); // the root stays the first photo
        }
    std::vector<int> groupOf(size_t(n), -1);
    std::vector<SittingGroup> groups;
    for (int i = 0; i < n; ++i) {
        const int r = find(i);
        if (groupOf[size_t(r)] < 0) {
            groupOf[size_t(r)] = int(groups.size());
            groups.emplace_back();
        }
        groups[size_t(groupOf[size_t(r)])].members.push_back(i);
    }
    if (qualities.size() == features.size())
        for (SittingGroup& g : groups)
            std::stable_sort(g.members.begin(), g.members.end(),
                             [&](int a, int b) { return rankedBefore(qualities[size_t(a)], qualities[size_t(b)]); });
    return groups;
}

SittingResult groupPhotoSittings(const std::vector<SittingPhoto>& photos, const SittingOptions& options)
{
    SittingResult result;
    QElapsedTimer timer;
    timer.start();
    std::vector<QString> paths;
    std::vector<std::optional<FaceGeometry>> faces;
    std::vector<SittingQuality> qualities;
    for (const SittingPhoto& p : photos) {
        paths.push_back(p.path);
        faces.push_back(p.assessment && p.assessment->ok() ? p.assessment->face : std::nullopt);
        const Label label = p.label ? *p.label : p.assessment ? labelOf(*p.assessment) : kUnknownLabel;
        qualities.push_back(sittingQuality(label, p.assessment));
    }
    result.features = sittingFeaturesForFiles(paths, faces, options.threads);
    result.featuresMs = timer.nsecsElapsed() / 1e6;
    timer.restart();
    result.groups = groupSittings(result.features, qualities, options);
    result.groupingMs = timer.nsecsElapsed() / 1e6;
    return result;
}

} // namespace hqa::core
