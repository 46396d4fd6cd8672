#include "core/face/PersonSegmenter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace hqa::core {
namespace {

/// Input sizes the models were trained at. OpenCV 4.6 does not expose an ONNX input's declared shape and both
/// networks are fully convolutional (they would run at any size, worse), so the size is told by the output:
/// selfie has one probability channel, meet two logit channels.
const cv::Size kSelfieInput(256, 256);
const cv::Size kMeetInput(256, 144);

QString tr(const char* text) { return QCoreApplication::translate("hqa::PersonSegmenter", text); }

} // namespace

struct PersonSegmenter::Impl {
    cv::dnn::Net net;
    QString path;
    cv::Size input;
    int channels = 0;

    /// One forward pass on an image already at `input` size; the 1 x C x H x W output, or a problem.
    bool run(const cv::Mat& bgrAtInput, cv::Mat* out, QString* problem);
};

bool PersonSegmenter::Impl::run(const cv::Mat& bgrAtInput, cv::Mat* out, QString* problem)
{
    const cv::Mat blob = cv::dnn::blobFromImage(bgrAtInput, 1.0 / 255.0, cv::Size(), cv::Scalar(), true, false, CV_32F);
    try {
        net.setInput(blob);
        *out = net.forward();
    } catch (const cv::Exception& e) {
        *problem = QString::fromStdString(e.msg).trimmed();
        return false;
    }
    if (out->dims != 4 || out->size[0] != 1 || (out->size[1] != 1 && out->size[1] != 2)
        || out->size[2] != bgrAtInput.rows || out->size[3] != bgrAtInput.cols || out->type() != CV_32F) {
        *problem = tr("the output is not a person mask at the input's size");
        return false;
    }
    return true;
}

PersonSegmenter::PersonSegmenter()
    : d(std::make_unique<Impl>())
{ }
PersonSegmenter::~PersonSegmenter() = default;

bool PersonSegmenter::isLoaded() const { return d->channels > 0; }
QString PersonSegmenter::path() const { return d->path; }
cv::Size PersonSegmenter::inputSize() const { return d->input; }

std::optional<Error> PersonSegmenter::load(const QString& onnxPath)
{
    d->channels = 0;
    d->input = {};
    d->path = onnxPath;
    if (!QFileInfo(onnxPath).isFile())
        return makeError(ErrorCode::Model, tr("person segmentation model not found: %1").arg(onnxPath));
    try {
        d->net = cv::dnn::readNetFromONNX(QFile::encodeName(onnxPath).toStdString());
    } catch (const cv::Exception& e) {
        return makeError(
            ErrorCode::Model,
            tr("cannot read person segmentation model %1: %2").arg(onnxPath, QString::fromStdString(e.msg).trimmed()));
    }
    if (d->net.empty())
        return makeError(ErrorCode::Model, tr("cannot read person segmentation model %1: empty network").arg(onnxPath));
    d->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
    d->net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);

    // A grey image at the selfie size tells the channel count; a meet model is then checked at its own size.
    QString problem;
    cv::Mat out;
    if (!d->run(cv::Mat(kSelfieInput, CV_8UC3, cv::Scalar::all(128)), &out, &problem))
        return makeError(ErrorCode::Model, tr("person segmentation model %1 does not run: %2").arg(onnxPath, problem));
    const int channels = out.size[1];
    const cv::Size input = channels == 1 ? kSelfieInput : kMeetInput;
    if (input != kSelfieInput && !d->run(cv::Mat(input, CV_8UC3, cv::Scalar::all(128)), &out, &problem))
        return makeError(ErrorCode::Model, tr("person segmentation model %1 does not run: %2").arg(onnxPath, problem));
    d->channels = channels;
    d->input = input;
    return std::nullopt;
}

Expected<cv::Mat> PersonSegmenter::probability(const cv::Mat& bgr)
{
    if (!isLoaded())
        return makeError(ErrorCode::Model, tr("person segmentation model not loaded"));
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return makeError(ErrorCode::InvalidArgument, tr("person segmentation input must be 8-bit BGR"));

    cv::Mat small;
    const bool shrinking = bgr.cols >= d->input.width && bgr.rows >= d->input.height;
    cv::resize(bgr, small, d->input, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    cv::Mat out;
    QString problem;
    if (!d->run(small, &out, &problem))
        return makeError(ErrorCode::Model, tr("person segmentation %1 failed: %2").arg(d->path, problem));

    const int h = out.size[2], w = out.size[3];
    cv::Mat prob(h, w, CV_32F);
    if (d->channels == 1) {
        cv::Mat(h, w, CV_32F, out.ptr<float>(0, 0)).copyTo(prob);
    } else {
        // Two-class softmax = sigmoid of the logit difference (person is channel 1).
        const cv::Mat background(h, w, CV_32F, out.ptr<float>(0, 0));
        const cv::Mat person(h, w, CV_32F, out.ptr<float>(0, 1));
        cv::Mat diff = background - person;
        cv::exp(diff, diff);
        prob = 1.0 / (1.0 + diff);
    }
    cv::Mat full;
    cv::resize(prob, full, bgr.size(), 0, 0, cv::INTER_LINEAR);
    return full;
}

} // namespace hqa::core
