#include "SceneFeatures.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::SceneFeatures", text); }

constexpr int kMultiple = 32; // the backbone's deepest stride before the cut: every stride-2 step sees even sizes
constexpr int kMaxChannels = CV_CN_MAX;

} // namespace

struct SceneFeatures::Impl {
    cv::dnn::Net net;
    QString path;
    int channels = 0;

    /// One forward pass on an image already at its input size: the 1 x C x h x w output, or a problem.
    bool run(const cv::Mat& bgrAtInput, cv::Mat* out, QString* problem);
};

bool SceneFeatures::Impl::run(const cv::Mat& bgrAtInput, cv::Mat* out, QString* problem)
{
    // The graph takes RGB in 0..255 (its first convolution holds the scaling).
    const cv::Mat blob = cv::dnn::blobFromImage(bgrAtInput, 1.0, cv::Size(), cv::Scalar(), true, false, CV_32F);
    try {
        net.setInput(blob);
        *out = net.forward();
    } catch (const cv::Exception& e) {
        *problem = QString::fromStdString(e.msg).trimmed();
        return false;
    }
    if (out->dims != 4 || out->size[0] != 1 || out->size[1] < 1 || out->size[1] > kMaxChannels
        || out->size[2] != bgrAtInput.rows / kStride || out->size[3] != bgrAtInput.cols / kStride
        || out->type() != CV_32F) {
        *problem = tr("the output is not a feature grid at 1/16 of the input's size");
        return false;
    }
    return true;
}

SceneFeatures::SceneFeatures()
    : d(std::make_unique<Impl>())
{ }
SceneFeatures::~SceneFeatures() = default;

bool SceneFeatures::isLoaded() const { return d->channels > 0; }
QString SceneFeatures::path() const { return d->path; }
int SceneFeatures::channels() const { return d->channels; }

cv::Size SceneFeatures::inputSize(cv::Size imageSize)
{
    if (imageSize.width <= 0 || imageSize.height <= 0)
        return {};
    const double s = double(kLongSide) / std::max(imageSize.width, imageSize.height);
    auto side = [s](int n) { return std::max(kMultiple, int(std::lround(n * s / kMultiple)) * kMultiple); };
    return {side(imageSize.width), side(imageSize.height)};
}

std::optional<Error> SceneFeatures::load(const QString& onnxPath)
{
    d->channels = 0;
    d->path = onnxPath;
    if (!QFileInfo(onnxPath).isFile())
        return makeError(ErrorCode::Model, tr("background scene model not found: %1").arg(onnxPath));
    try {
        d->net = cv::dnn::readNetFromONNX(QFile::encodeName(onnxPath).toStdString());
    } catch (const cv::Exception& e) {
        return makeError(
            ErrorCode::Model,
            tr("cannot read background scene model %1: %2").arg(onnxPath, QString::fromStdString(e.msg).trimmed()));
    }
    if (d->net.empty())
        return makeError(ErrorCode::Model, tr("cannot read background scene model %1: empty network").arg(onnxPath));
    d->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    d->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
    QString problem;
    cv::Mat out;
    if (!d->run(cv::Mat(inputSize({kLongSide, kLongSide * 3 / 4}), CV_8UC3, cv::Scalar::all(128)), &out, &problem))
        return makeError(ErrorCode::Model, tr("background scene model %1 does not run: %2").arg(onnxPath, problem));
    d->channels = out.size[1];
    return std::nullopt;
}

Expected<cv::Mat> SceneFeatures::features(const cv::Mat& bgr)
{
    if (!isLoaded())
        return makeError(ErrorCode::Model, tr("background scene model not loaded"));
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return makeError(ErrorCode::InvalidArgument, tr("background scene input must be 8-bit BGR"));
    const cv::Size size = inputSize(bgr.size());
    cv::Mat input;
    const bool shrinking = bgr.cols >= size.width && bgr.rows >= size.height;
    cv::resize(bgr, input, size, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat out;
    QString problem;
    if (!d->run(input, &out, &problem))
        return makeError(ErrorCode::Model, tr("background scene model %1 failed: %2").arg(d->path, problem));
    // 1 x C x h x w (planar) -> h x w cells of C interleaved values.
    const int c = out.size[1], h = out.size[2], w = out.size[3];
    std::vector<cv::Mat> planes;
    planes.reserve(size_t(c));
    for (int k = 0; k < c; ++k)
        planes.emplace_back(h, w, CV_32F, out.ptr<float>(0, k));
    cv::Mat grid;
    cv::merge(planes, grid);
    return grid;
}

} // namespace hqa::core
