#include "core/face/BlazeFaceDetector.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <mutex>

namespace hqa::core {
namespace {

/// MediaPipe's SSD anchor layout for both BlazeFace models: a 16 x 16 grid with 2 anchors per cell, then an
/// 8 x 8 grid with 6 (strides 8 and 16 on the 128 px front model, 16 and 32 on the 256 px back model; the
/// 16-16-16 and 32-32-32 layers of the original configuration share one grid). Every anchor is 1 x 1 and
/// centred in its cell, so a box is the cell centre plus the regressed offset, all in input pixels / size.
struct AnchorLayer {
    int cells;
    int perCell;
};
constexpr AnchorLayer kLayers[2] = {{16, 2}, {8, 6}};
static_assert(kLayers[0].cells * kLayers[0].cells * kLayers[0].perCell
                  + kLayers[1].cells * kLayers[1].cells * kLayers[1].perCell
              == 896);
/// Detections overlapping the best one by more than this are the same face (MediaPipe's value).
constexpr double kSameFaceIoU = 0.3;

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

double iou(const cv::Rect2d& a, const cv::Rect2d& b)
{
    const double inter = (a & b).area();
    const double uni = a.area() + b.area() - inter;
    return uni > 0 ? inter / uni : 0.0;
}

QString tr(const char* text) { return QCoreApplication::translate("hqa::BlazeFace", text); }

} // namespace

double BlazeFaceDetection::eyeLineAngle() const
{
    const cv::Point2d v = keypoints[kEyeImageRight] - keypoints[kEyeImageLeft];
    return std::atan2(v.y, v.x) * 180.0 / CV_PI;
}

struct BlazeFaceDetector::Impl {
    cv::dnn::Net net;
    int size = 0;
    QString path;
    std::vector<cv::String> outputNames;

    /// Runs the network on a prepared S x S RGB float image in [-1, 1]; returns the two score tensors and the two
    /// regression tensors, identified by shape (the exporter's names are not part of any contract).
    bool run(const cv::Mat& input, cv::Mat scores[2], cv::Mat boxes[2], QString* problem);
};

bool BlazeFaceDetector::Impl::run(const cv::Mat& input, cv::Mat scores[2], cv::Mat boxes[2], QString* problem)
{
    const int dims[4] = {1, input.rows, input.cols, 3};
    cv::Mat blob(4, dims, CV_32F);
    CV_Assert(input.isContinuous());
    std::memcpy(blob.ptr<float>(), input.ptr<float>(), input.total() * 3 * sizeof(float));
    std::vector<cv::Mat> outs;
    try {
        net.setInput(blob);
        net.forward(outs, outputNames);
    } catch (const cv::Exception& e) {
        *problem = QString::fromStdString(e.msg).trimmed();
        return false;
    }
    for (int i = 0; i < 2; ++i) {
        scores[i].release();
        boxes[i].release();
    }
    for (const cv::Mat& o : outs) {
        // Expected shapes: 1 x N x 1 (scores) and 1 x N x 16 (regressions), N = 512 or 384.
        if (o.dims != 3 || o.size[0] != 1 || o.type() != CV_32F)
            continue;
        const int n = o.size[1], width = o.size[2];
        const int layer = n == kLayers[0].cells * kLayers[0].cells * kLayers[0].perCell ? 0
            : n == kLayers[1].cells * kLayers[1].cells * kLayers[1].perCell             ? 1
                                                                                        : -1;
        if (layer < 0)
            continue;
        if (width == 1)
            scores[layer] = o;
        else if (width == 16)
            boxes[layer] = o;
    }
    for (int i = 0; i < 2; ++i)
        if (scores[i].empty() || boxes[i].empty()) {
            *problem = tr("outputs are not BlazeFace's 896 anchors with scores and 16 regressions");
            return false;
        }
    return true;
}

BlazeFaceDetector::BlazeFaceDetector()
    : d(std::make_unique<Impl>())
{ }
BlazeFaceDetector::~BlazeFaceDetector() = default;

bool BlazeFaceDetector::isLoaded() const { return d->size > 0; }
int BlazeFaceDetector::inputSize() const { return d->size; }
QString BlazeFaceDetector::path() const { return d->path; }

std::optional<Error> BlazeFaceDetector::load(const QString& onnxPath)
{
    d->size = 0;
    d->path = onnxPath;
    if (!QFileInfo(onnxPath).isFile())
        return makeError(ErrorCode::Model, tr("face detector model not found: %1").arg(onnxPath));
    try {
        d->net = cv::dnn::readNetFromONNX(QFile::encodeName(onnxPath).toStdString());
    } catch (const cv::Exception& e) {
        return makeError(
            ErrorCode::Model,
            tr("cannot read face detector model %1: %2").arg(onnxPath, QString::fromStdString(e.msg).trimmed()));
    }
    if (d->net.empty())
        return makeError(ErrorCode::Model, tr("cannot read face detector model %1: empty network").arg(onnxPath));
    d->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    d->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    d->outputNames = d->net.getUnconnectedOutLayersNames();

    // The file does not state its input size in a way OpenCV 4.6 exposes; a network built for the other size
    // fails in its final reshape, so the first size that runs and gives the expected outputs is the one.
    // OpenCV logs the failed shape inference of the wrong size as an error; that probe is expected to fail. The
    // log level is process-wide: analyzers loading on several threads at once take turns.
    static std::mutex probeMutex;
    const std::lock_guard lock(probeMutex);
    const cv::utils::logging::LogLevel level = cv::utils::logging::getLogLevel();
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    QString problem;
    for (const int size : {128, 256}) {
        const cv::Mat blank(size, size, CV_32FC3, cv::Scalar::all(0));
        cv::Mat scores[2], boxes[2];
        if (d->run(blank, scores, boxes, &problem)) {
            d->size = size;
            break;
        }
    }
    cv::utils::logging::setLogLevel(level);
    if (d->size > 0)
        return std::nullopt;
    return makeError(ErrorCode::Model,
                     tr("face detector model %1 does not run as BlazeFace: %2").arg(onnxPath, problem));
}

Expected<std::vector<BlazeFaceDetection>> BlazeFaceDetector::detect(const cv::Mat& bgr, double minScore, double margin)
{
    if (!isLoaded())
        return makeError(ErrorCode::Model, tr("face detector model not loaded"));
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return makeError(ErrorCode::InvalidArgument, tr("face detector input must be 8-bit BGR"));

    // Letterbox: the image, centred in a square with `margin` on every side, scaled to the input size. The
    // border is mid-grey (0 after scaling to [-1, 1]), which the network reads as no content.
    const int S = d->size;
    const double scale = S / (std::max(bgr.cols, bgr.rows) * (1.0 + 2.0 * std::max(0.0, margin)));
    const int rw = std::clamp(static_cast<int>(std::lround(bgr.cols * scale)), 1, S);
    const int rh = std::clamp(static_cast<int>(std::lround(bgr.rows * scale)), 1, S);
    const int px = (S - rw) / 2, py = (S - rh) / 2;
    cv::Mat rgb;
    cv::resize(bgr, rgb, cv::Size(rw, rh), 0, 0, scale < 1.0 ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::cvtColor(rgb, rgb, cv::COLOR_BGR2RGB);
    cv::Mat input(S, S, CV_32FC3, cv::Scalar::all(0));
    rgb.convertTo(input(cv::Rect(px, py, rw, rh)), CV_32FC3, 1.0 / 127.5, -1.0);
    const double backX = double(bgr.cols) / rw, backY = double(bgr.rows) / rh;
    const auto toImage = [&](double nx, double ny) {
        return cv::Point2d((nx * S - px) * backX, (ny * S - py) * backY);
    };

    cv::Mat scores[2], boxes[2];
    QString problem;
    if (!d->run(input, scores, boxes, &problem))
        return makeError(ErrorCode::Model, tr("face detector %1 failed: %2").arg(d->path, problem));

    // Decode every anchor above the threshold into image coordinates.
    std::vector<BlazeFaceDetection> raw;
    const double logitThreshold = std::log(minScore / std::max(1e-9, 1.0 - minScore));
    for (int layer = 0; layer < 2; ++layer) {
        const auto [cells, perCell] = kLayers[layer];
        const float* s = scores[layer].ptr<float>();
        const float* r = boxes[layer].ptr<float>();
        for (int cy = 0; cy < cells; ++cy)
            for (int cx = 0; cx < cells; ++cx)
                for (int a = 0; a < perCell; ++a, ++s, r += 16) {
                    if (*s < logitThreshold)
                        continue;
                    const double ax = (cx + 0.5) / cells, ay = (cy + 0.5) / cells;
                    BlazeFaceDetection det;
                    det.score = sigmoid(*s);
                    const cv::Point2d c = toImage(ax + r[0] / S, ay + r[1] / S);
                    const double w = r[2] * backX, h = r[3] * backY;
                    det.box = cv::Rect2d(c.x - w / 2, c.y - h / 2, w, h);
                    for (int k = 0; k < 6; ++k)
                        det.keypoints[k] = toImage(ax + r[4 + 2 * k] / S, ay + r[5 + 2 * k] / S);
                    if (w > 0 && h > 0)
                        raw.push_back(det);
                }
    }

    // Weighted non-maximum suppression (MediaPipe's "blending"): each group of overlapping detections becomes
    // their score-weighted mean, which is steadier than the single best anchor.
    std::sort(raw.begin(), raw.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
    std::vector<BlazeFaceDetection> out;
    std::vector<bool> used(raw.size(), false);
    for (size_t i = 0; i < raw.size(); ++i) {
        if (used[i])
            continue;
        double wsum = 0, x = 0, y = 0, w = 0, h = 0;
        std::array<cv::Point2d, 6> kp{};
        for (size_t j = i; j < raw.size(); ++j) {
            if (used[j] || iou(raw[i].box, raw[j].box) < kSameFaceIoU)
                continue;
            used[j] = true;
            const double wt = raw[j].score;
            wsum += wt;
            x += wt * raw[j].box.x;
            y += wt * raw[j].box.y;
            w += wt * raw[j].box.width;
            h += wt * raw[j].box.height;
            for (int k = 0; k < 6; ++k)
                kp[k] += wt * raw[j].keypoints[k];
        }
        BlazeFaceDetection det;
        det.score = raw[i].score;
        det.box = cv::Rect2d(x / wsum, y / wsum, w / wsum, h / wsum);
        for (int k = 0; k < 6; ++k)
            det.keypoints[k] = kp[k] * (1.0 / wsum);
        out.push_back(det);
    }
    return out;
}

} // namespace hqa::core
