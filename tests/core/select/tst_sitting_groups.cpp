// Sitting groups: EXIF capture times read from real JPEG bytes, the ranking inside a sitting, and the
// grouping itself on real photos: franck's video frames (one man, one sitting) among 215 official portraits of
// different people, scored with pairwise precision and recall; capture times that split one person's photos into
// two sittings; a re-encoded copy found as near-identical whatever its time.
#include "core/face/FaceAnalyzer.h"
#include "core/image/ImageDecoder.h"
#include "core/select/SittingGroups.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <map>
#include <memory>
#include <numeric>

using namespace hqa::core;

namespace {

QStringList imagesIn(const QString& dir, const QString& pattern)
{
    QStringList out;
    const QDir d(dir);
    for (const QString& n : d.entryList({pattern}, QDir::Files, QDir::Name))
        out << d.filePath(n);
    return out;
}

std::vector<std::optional<FaceGeometry>> findFaces(const QStringList& paths)
{
    std::vector<std::optional<FaceGeometry>> faces(size_t(paths.size()));
    std::vector<int> idx(size_t(paths.size()));
    std::iota(idx.begin(), idx.end(), 0);
    QtConcurrent::blockingMap(idx, [&](int i) { faces[size_t(i)] = faceGeometryOfFile(paths[i]); });
    return faces;
}

// A minimal EXIF block (TIFF structure): IFD0 with DateTime and a pointer to the EXIF IFD with DateTimeOriginal.
QByteArray exifBlock(bool littleEndian, const QByteArray& dateTime, const QByteArray& original)
{
    QByteArray b;
    auto put16 = [&](quint16 v) {
        littleEndian ? (b.append(char(v & 0xff)), b.append(char(v >> 8)))
                     : (b.append(char(v >> 8)), b.append(char(v & 0xff)));
    };
    auto put32 = [&](quint32 v) {
        if (littleEndian)
            for (int i = 0; i < 4; ++i)
                b.append(char((v >> (8 * i)) & 0xff));
        else
            for (int i = 3; i >= 0; --i)
                b.append(char((v >> (8 * i)) & 0xff));
    };
    b.append(littleEndian ? "II" : "MM");
    put16(42);
    put32(8);
    const quint32 ifd0 = 8, ifd0Size = 2 + 2 * 12 + 4;
    const quint32 exifIfd = ifd0 + ifd0Size, exifSize = 2 + 1 * 12 + 4;
    const quint32 strings = exifIfd + exifSize;
    // IFD0: DateTime (0x0132, ASCII 20), ExifIFD pointer (0x8769, LONG).
    put16(2);
    put16(0x0132);
    put16(2);
    put32(20);
    put32(strings);
    put16(0x8769);
    put16(4);
    put32(1);
    put32(exifIfd);
    put32(0);
    // EXIF IFD: DateTimeOriginal (0x9003).
    put16(1);
    put16(0x9003);
    put16(2);
    put32(20);
    put32(strings + 20);
    put32(0);
    b.append(dateTime.leftJustified(19, ' ', true)).append('\0');
    b.append(original.leftJustified(19, ' ', true)).append('\0');
    return b;
}

/// A JPEG with an APP1 EXIF segment inserted after SOI.
QByteArray withExif(const QByteArray& jpeg, const QByteArray& tiff)
{
    QByteArray app1("Exif\0\0", 6);
    app1 += tiff;
    QByteArray seg;
    seg.append(char(0xFF)).append(char(0xE1));
    const int len = int(app1.size()) + 2;
    seg.append(char(len >> 8)).append(char(len & 0xff));
    seg += app1;
    return jpeg.left(2) + seg + jpeg.mid(2);
}

QByteArray encodeJpeg(const cv::Mat& bgr, int quality = 92)
{
    std::vector<uchar> buf;
    cv::imencode(".jpg", bgr, buf, {cv::IMWRITE_JPEG_QUALITY, quality});
    return QByteArray(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
}

bool writeFile(const QString& path, const QByteArray& bytes, const QDateTime& mtime = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    if (mtime.isValid()) {
        if (!f.open(QIODevice::ReadWrite))
            return false;
        return f.setFileTime(mtime, QFileDevice::FileModificationTime);
    }
    return true;
}

AttributeVerdict verdict(bool pass, double score)
{
    AttributeVerdict v;
    v.judged = true;
    v.pass = pass;
    v.score = score;
    return v;
}

} // namespace

class TestSittingGroups : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exifTime_data()
    {
        QTest::addColumn<bool>("littleEndian");
        QTest::addColumn<QByteArray>("dateTime");
        QTest::addColumn<QByteArray>("original");
        QTest::addColumn<QString>("expected");
        QTest::newRow("intel, original wins")
            << true << QByteArray("2024:05:01 10:00:00") << QByteArray("2024:05:01 09:12:34")
            << QStringLiteral("2024-05-01T09:12:34");
        QTest::newRow("motorola, original wins")
            << false << QByteArray("2023:01:02 03:04:05") << QByteArray("2023:01:02 03:00:59")
            << QStringLiteral("2023-01-02T03:00:59");
        QTest::newRow("blank original: IFD0 time")
            << true << QByteArray("2022:12:31 23:59:58") << QByteArray("    :  :     :  :  ")
            << QStringLiteral("2022-12-31T23:59:58");
        QTest::newRow("no time at all") << true << QByteArray("0000:00:00 00:00:00") << QByteArray("") << QString();
    }
    void exifTime()
    {
        QFETCH(bool, littleEndian);
        QFETCH(QByteArray, dateTime);
        QFETCH(QByteArray, original);
        QFETCH(QString, expected);
        const QStringList frames = imagesIn(hqa::test::cachePath(QStringLiteral("frames")),
                                            QStringLiteral("franck_*.png"));
        QVERIFY2(!frames.isEmpty(), "franck frames missing from the test cache");
        const cv::Mat img = cv::imread(frames.first().toStdString());
        const QByteArray jpeg = withExif(encodeJpeg(img), exifBlock(littleEndian, dateTime, original));
        const auto t = exifCaptureTime(jpeg);
        if (expected.isEmpty()) {
            QVERIFY(!t.has_value());
        } else {
            QVERIFY(t.has_value());
            QCOMPARE(t->toString(Qt::ISODate), expected);
        }
        // The JPEG still decodes (the segment is well formed) and a file gives the same time, marked as from EXIF.
        QVERIFY(bool(decodeImage(jpeg)));
        const QString file = hqa::test::tempDir()
            + QStringLiteral("/exif_%1.jpg").arg(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_'));
        QVERIFY(writeFile(file, jpeg));
        const CaptureTime ct = photoCaptureTime(file);
        QCOMPARE(ct.fromExif, !expected.isEmpty());
        if (!expected.isEmpty())
            QCOMPARE(ct.time.toString(Qt::ISODate), expected);
        else
            QVERIFY(qAbs(ct.time.secsTo(QFileInfo(file).lastModified())) <= 1);
    }

    void exifTimeSurvivesGarbage()
    {
        // Truncations and corruptions of a valid EXIF JPEG never crash and never invent a time.
        const QByteArray good = withExif(QByteArray("\xFF\xD8\xFF\xD9", 4),
                                         exifBlock(true, "2024:05:01 10:00:00", "2024:05:01 09:12:34"));
        QVERIFY(exifCaptureTime(good).has_value());
        for (int n = 0; n < good.size(); ++n) {
            const auto t = exifCaptureTime(good.left(n));
            if (t)
                QVERIFY(t->date().year() == 2024);
        }
        for (int i = 4; i < good.size(); i += 3) {
            QByteArray b = good;
            b[i] = char(b[i] ^ 0x5a);
            (void)exifCaptureTime(b);
        }
        QVERIFY(!exifCaptureTime(QByteArray("not an image")).has_value());
        QVERIFY(!exifCaptureTime(QByteArray()).has_value());
    }

    void rankingInsideASitting()
    {
        // Most passes first; then eyes open; then expression; then the sum of the scores.
        SittingQuality fivePasses{5, 0.0, 0.1, 3.0}, fourOpen{4, 1.0, 0.9, 5.0};
        QVERIFY(rankedBefore(fivePasses, fourOpen));
        SittingQuality blink{5, 0.2, 0.9, 5.0}, open{5, 1.0, 0.6, 4.0};
        QVERIFY(rankedBefore(open, blink));
        QVERIFY(!rankedBefore(blink, open));
        SittingQuality smile{5, 1.0, 0.95, 4.0}, neutral{5, 1.0, 0.7, 5.5};
        QVERIFY(rankedBefore(smile, neutral));

        // From an assessment: the expression measure's eye aspect ratio and score.
        Assessment a;
        for (auto& v : a.verdicts)
            v = verdict(true, 0.8);
        a.verdict(Attribute::Expression).evidence = {{"eye_aspect_ratio", 0.30}};
        Assessment b = a;
        b.verdict(Attribute::Expression).evidence = {{"eye_aspect_ratio", 0.14}};
        const Label allPass{1, 1, 1, 1, 1, 1};
        const SittingQuality qa = sittingQuality(allPass, a), qb = sittingQuality(allPass, b);
        QCOMPARE(qa.passes, 6);
        QCOMPARE(qa.eyesOpen, 1.0);
        QVERIFY(qb.eyesOpen < 0.3);
        QVERIFY(rankedBefore(qa, qb));
        // The effective label (a reviewer's correction) counts, not the engine's verdict.
        Label corrected = allPass;
        corrected[0] = 0;
        QVERIFY(rankedBefore(sittingQuality(allPass, b), sittingQuality(corrected, a)));

        // groupSittings puts the best first inside a group.
        SittingFeatures f;
        f.valid = true;
        f.faceAligned = true;
        f.face.assign(size_t(kSittingFaceWidth * kSittingFaceHeight), 0.0f);
        f.face[0] = 1.0f;
        f.shape = f.colour = f.skin = {1.0f};
        f.hash = 0x5a5a5a5a5a5a5a5aull;
        const std::vector<SittingFeatures> same(3, f);
        const auto groups = groupSittings(same, {qb, qa, sittingQuality(corrected, a)});
        QCOMPARE(groups.size(), size_t(1));
        QCOMPARE(groups[0].members, (std::vector<int>{1, 0, 2}));
    }

    void franckAmongDifferentPeople()
    {
        const QStringList frames = imagesIn(hqa::test::cachePath(QStringLiteral("frames")),
                                            QStringLiteral("franck_*.png"));
        const QStringList people = imagesIn(QStringLiteral(HQA_PORTRAITS_DIR), QStringLiteral("*.jpg"));
        QVERIFY2(frames.size() >= 40, "franck frames missing from the test cache");
        QVERIFY2(people.size() >= 200, "portraits missing (../shared/data/portraits)");
        QStringList paths = frames + people;
        QElapsedTimer timer;
        timer.start();
        const auto faces = findFaces(paths);
        const qint64 faceMs = timer.elapsed();
        timer.restart();
        const auto features = sittingFeaturesForFiles(std::vector<QString>(paths.begin(), paths.end()), faces);
        const auto groups = groupSittings(features, {});
        const qint64 groupMs = timer.elapsed();

        std::vector<int> groupOf(size_t(paths.size()));
        for (size_t g = 0; g < groups.size(); ++g)
            for (int m : groups[g].members)
                groupOf[size_t(m)] = int(g);
        const auto person = [&](int i) { return i < frames.size() ? QStringLiteral("franck") : paths[i]; };
        qint64 tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < paths.size(); ++i)
            for (int j = i + 1; j < paths.size(); ++j) {
                const bool same = person(i) == person(j), grouped = groupOf[size_t(i)] == groupOf[size_t(j)];
                tp += same && grouped;
                fp += !same && grouped;
                fn += same && !grouped;
            }
        std::map<int, int> franckGroups;
        for (int i = 0; i < frames.size(); ++i)
            ++franckGroups[groupOf[size_t(i)]];
        int largest = 0;
        for (const auto& [g, n] : franckGroups)
            largest = std::max(largest, n);
        int mixed = 0;
        for (const SittingGroup& g : groups) {
            QSet<QString> who;
            for (int m : g.members)
                who.insert(person(m));
            mixed += who.size() > 1;
        }
        const double precision = tp + fp > 0 ? double(tp) / (tp + fp) : 1.0;
        const double recall = tp + fn > 0 ? double(tp) / (tp + fn) : 1.0;
        const int withFace = int(
            std::count_if(faces.begin(), faces.end(), [](const auto& f) { return f.has_value(); }));
        qInfo("%lld photos (%d with a face; faces found in %lld ms), grouped in %lld ms: %zu groups, %d mixing "
              "people; pairwise precision %.4f recall %.4f (tp %lld fp %lld fn %lld); franck's %lld frames in %zu "
              "group(s), the largest %d",
              qlonglong(paths.size()), withFace, faceMs, groupMs, groups.size(), mixed, precision, recall,
              qlonglong(tp), qlonglong(fp), qlonglong(fn), qlonglong(frames.size()), franckGroups.size(), largest);
        QVERIFY2(precision >= kMinPrecision, qPrintable(QStringLiteral("precision %1").arg(precision)));
        QVERIFY2(recall >= kMinRecall, qPrintable(QStringLiteral("recall %1").arg(recall)));
        QVERIFY2(mixed <= kMaxMixedGroups, qPrintable(QStringLiteral("%1 groups mix people").arg(mixed)));
        // Each of the 215 people stays (nearly always) alone: far more groups than franck's one sitting.
        QVERIFY(int(groups.size()) >= people.size() - 2 * kMaxMixedGroups);
        QVERIFY(largest >= frames.size() * 0.8);
    }

    void timeSplitsOnePersonIntoSittings()
    {
        // Eight frames of franck, written as JPEGs: four at 10:00-10:03, four more three hours later
        // (EXIF), all with the same file time. EXIF separates two sittings; file times alone keep one.
        const QStringList all = imagesIn(hqa::test::cachePath(QStringLiteral("frames")),
                                         QStringLiteral("franck_*.png"));
        QVERIFY(all.size() >= 40);
        // Four consecutive samples from the start of the video and four from its end.
        const QStringList picked = all.mid(0, 4) + all.mid(all.size() - 4);
        const auto faces = findFaces(picked);
        const QString dir = hqa::test::tempDir() + QStringLiteral("/sittings");
        QVERIFY(QDir().mkpath(dir));
        const QDateTime mtime = QDateTime::currentDateTime().addDays(-1);
        std::vector<QString> exifFiles, plainFiles;
        for (int i = 0; i < picked.size(); ++i) {
            QVERIFY2(faces[size_t(i)].has_value(), qPrintable(picked[i]));
            const cv::Mat img = cv::imread(picked[i].toStdString());
            const QDateTime shot = QDateTime(QDate(2025, 3, 4), QTime(10, i % 4)).addSecs(i >= 4 ? 3 * 3600 : 0);
            const QByteArray stamp = shot.toString(QStringLiteral("yyyy:MM:dd HH:mm:ss")).toLatin1();
            const QString e = dir + QStringLiteral("/exif_%1.jpg").arg(i),
                          p = dir + QStringLiteral("/plain_%1.jpg").arg(i);
            QVERIFY(writeFile(e, withExif(encodeJpeg(img), exifBlock(true, stamp, stamp)), mtime));
            QVERIFY(writeFile(p, encodeJpeg(img), mtime.addSecs(i * 20)));
            exifFiles.push_back(e);
            plainFiles.push_back(p);
        }
        const auto exifFeatures = sittingFeaturesForFiles(exifFiles, faces);
        const auto exifGroups = groupSittings(exifFeatures, {});
        const auto plainGroups = groupSittings(sittingFeaturesForFiles(plainFiles, faces), {});
        QCOMPARE(plainGroups.size(), size_t(1));
        QCOMPARE(exifGroups.size(), size_t(2));
        QCOMPARE(exifGroups[0].members, (std::vector<int>{0, 1, 2, 3}));
        QCOMPARE(exifGroups[1].members, (std::vector<int>{4, 5, 6, 7}));
        // File times three hours apart separate them as well (no EXIF: the file system's time is all there is).
        std::vector<QString> late = plainFiles;
        for (int i = 4; i < 8; ++i) {
            QFile f(late[size_t(i)]);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(mtime.addSecs(3 * 3600 + i), QFileDevice::FileModificationTime));
        }
        QCOMPARE(groupSittings(sittingFeaturesForFiles(late, faces), {}).size(), size_t(2));
    }

    void nearIdenticalCopyWhateverItsTime()
    {
        // A portrait re-saved smaller and at a lower quality two days later is the same photo; another person's
        // portrait taken a second later is not.
        const QStringList people = imagesIn(QStringLiteral(HQA_PORTRAITS_DIR), QStringLiteral("*.jpg"));
        QVERIFY(people.size() >= 10);
        const QString dir = hqa::test::tempDir() + QStringLiteral("/copies");
        QVERIFY(QDir().mkpath(dir));
        const cv::Mat img = cv::imread(people[3].toStdString());
        cv::Mat smaller;
        cv::resize(img, smaller, cv::Size(), 0.8, 0.8, cv::INTER_AREA);
        const QDateTime t0 = QDateTime::currentDateTime().addDays(-5);
        const QString original = dir + QStringLiteral("/original.jpg"), copy = dir + QStringLiteral("/copy.jpg"),
                      other = dir + QStringLiteral("/other.jpg");
        QVERIFY(writeFile(original, encodeJpeg(img, 95), t0));
        QVERIFY(writeFile(copy, encodeJpeg(smaller, 70), t0.addDays(2)));
        QFile::remove(other);
        QVERIFY(QFile::copy(people[4], other));
        {
            QFile f(other);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.setFileTime(t0.addSecs(1), QFileDevice::FileModificationTime));
        }
        const QStringList files{original, copy, other};
        const auto faces = findFaces(files);
        for (const auto& f : faces)
            QVERIFY(f.has_value());
        const auto features = sittingFeaturesForFiles(std::vector<QString>(files.begin(), files.end()), faces);
        {
            const auto s = compareSittingFeatures(features[0], features[1]);
            qInfo("copy: face %.4f shape %.4f colour %.4f skin %.4f bits %d", s.face, s.shape, s.colour, s.skin,
                  s.hashBits);
        }
        QCOMPARE(sittingLink(features[0], features[1]), SittingLink::NearIdentical);
        QCOMPARE(sittingLink(features[0], features[2]), SittingLink::None);
        const auto groups = groupSittings(features, {});
        QCOMPARE(groups.size(), size_t(2));
        QCOMPARE(groups[0].members, (std::vector<int>{0, 1}));
    }

private:
    // Chosen after measuring (see the report in franckAmongDifferentPeople's output and benchmarks/sittings).
    static constexpr double kMinPrecision = 0.995;
    static constexpr double kMinRecall = 0.95;
    static constexpr int kMaxMixedGroups = 1;
};

QTEST_GUILESS_MAIN(TestSittingGroups)
#include "tst_sitting_groups.moc"
