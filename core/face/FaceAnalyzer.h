#pragma once
// Face detection (dlib HOG, with upsampling for small images and padding for close-ups that touch the border;
// MediaPipe BlazeFace where HOG misses: faces cut by the frame, tilted, turned; an OpenCV cascade last), 68
// landmarks, head pose, and the person/skin/face masks.

#include "core/Error.h"
#include "core/face/FaceEvidence.h"

#include <QString>

#include <memory>

namespace hqa::core {

struct FaceAnalyzerConfig {
    QString landmarkModelPath;  ///< empty: the compiled-in default (Debian's libdlib-data)
    QString cascadeDir;         ///< empty: the compiled-in default (Debian's opencv-data)
    bool useCascadeSecondOpinion = true;
    /// Folder with BlazeFace's ONNX files (scripts/fetch-models). Empty: $HQA_MODEL_DIR if set (then only that),
    /// else <exe>/../share/headshot-qa/models, the installed folder and the build tree's, compiled in.
    QString faceDetectorModelDir;
    bool useBlazeFace = true;
    /// false: faces, landmarks and luminance only, no person/skin/face masks (face finding without the ~100 ms
    /// of grabCut, e.g. detection-rate checks).
    bool computeMasks = true;
};

/// Not thread-safe: use one per thread. The 100 MB landmark model is loaded once per process and shared.
class FaceAnalyzer {
public:
    explicit FaceAnalyzer(FaceAnalyzerConfig config = {});
    ~FaceAnalyzer();
    FaceAnalyzer(const FaceAnalyzer&) = delete;
    FaceAnalyzer& operator=(const FaceAnalyzer&) = delete;

    /// Loads the models; Model error when the landmark model or the cascade is missing or corrupt. A missing or
    /// damaged BlazeFace model is not an error: detection falls back to HOG and the cascade, and
    /// secondDetectorProblem() (also copied into every FaceEvidence::detectorNote) says why. Called lazily by
    /// analyze().
    std::optional<Error> load();

    /// Empty when BlazeFace is loaded (or switched off in the configuration), otherwise why it is not, as a
    /// sentence for the user ("second face detector unavailable: ...").
    QString secondDetectorProblem() const;

    /// Where the BlazeFace models are looked for, in order: `configured` alone, else $HQA_MODEL_DIR alone, else
    /// next to the executable, the installed folder and the build tree.
    static QStringList modelDirCandidates(const QString& configured = {});

    /// Computes all evidence for an analysis image (CV_8UC3). A missing face is not an error here:
    /// the result has no faces and the caller decides. Model errors are returned as errors.
    Expected<FaceEvidence> analyze(const cv::Mat& bgr, double scaleToOriginal = 1.0);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace hqa::core
