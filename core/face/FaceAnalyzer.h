#pragma once
// Face detection (dlib HOG, with upsampling for small images and padding for close-ups that touch the border;
// OpenCV cascades as a second opinion), 68 landmarks, head pose, and the person/skin/face masks.

#include "core/Error.h"
#include "core/face/FaceEvidence.h"

#include <QString>

#include <memory>

namespace hqa::core {

struct FaceAnalyzerConfig {
    QString landmarkModelPath;  ///< empty: the compiled-in default (Debian's libdlib-data)
    QString cascadeDir;         ///< empty: the compiled-in default (Debian's opencv-data)
    bool useCascadeSecondOpinion = true;
};

/// Not thread-safe: use one per thread. The 100 MB landmark model is loaded once per process and shared.
class FaceAnalyzer {
public:
    explicit FaceAnalyzer(FaceAnalyzerConfig config = {});
    ~FaceAnalyzer();
    FaceAnalyzer(const FaceAnalyzer&) = delete;
    FaceAnalyzer& operator=(const FaceAnalyzer&) = delete;

    /// Loads the models; Model error when a model file is missing or corrupt. Called lazily by analyze().
    std::optional<Error> load();

    /// Computes all evidence for an analysis image (CV_8UC3). A missing face is not an error here:
    /// the result has no faces and the caller decides. Model errors are returned as errors.
    Expected<FaceEvidence> analyze(const cv::Mat& bgr, double scaleToOriginal = 1.0);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hqa::core
