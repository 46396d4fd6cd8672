#pragma once
// Face detection (dlib HOG, with upsampling for small images and padding for close-ups that touch the border;
// MediaPipe BlazeFace where HOG misses: faces cut by the frame, tilted, turned; an OpenCV cascade last), 68
// landmarks, head pose, and the person/skin/face masks.

#include "core/Error.h"
#include "core/face/FaceEvidence.h"

#include <QString>

#include <memory>
#include <optional>

namespace hqa::core {

/// Where FaceEvidence::personMask comes from. grabCut stays the default: on the labelled diverse set
/// (tests/data/README.md) the segmentation networks did not judge background and attire better on the held-out part.
enum class PersonMaskSource { GrabCut, Selfie, Meet };

struct FaceAnalyzerConfig {
    QString landmarkModelPath; ///< empty: the compiled-in default (Debian's libdlib-data)
    QString cascadeDir; ///< empty: the compiled-in default (Debian's opencv-data)
    bool useCascadeSecondOpinion = true;
    /// Folder with BlazeFace's ONNX files (scripts/fetch-models). Empty: $HQA_MODEL_DIR if set (then only that),
    /// else <exe>/../share/headshot-qa/models, the installed folder and the build tree's, compiled in.
    QString faceDetectorModelDir;
    bool useBlazeFace = true;
    /// false: faces, landmarks and luminance only, no person/skin/face masks and no background scene features
    /// (face finding without the ~100 ms of grabCut, e.g. detection-rate checks). The scene features need
    /// scene_features.onnx (scripts/fetch-models) in the model folder; without it FaceEvidence::sceneNote says so.
    bool computeMasks = true;
    /// Empty: $HQA_PERSON_MASK (grabcut | selfie | meet), else grabCut. Selfie and meet need
    /// selfie_segmentation.onnx / meet_segmentation.onnx (scripts/fetch-models) in the model folder (looked for
    /// as BlazeFace's is); without them the mask falls back to grabCut and FaceEvidence::maskNote says so.
    std::optional<PersonMaskSource> personMask;
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

    /// The person mask source this analyzer was asked for, and why it cannot use it (empty when it can, or when it
    /// is grabCut), as a sentence for the user ("person segmentation unavailable, grabCut used: ..."). Valid
    /// after load().
    PersonMaskSource personMaskSource() const;
    QString personMaskProblem() const;

    /// $HQA_PERSON_MASK parsed: grabcut (also when unset or empty), selfie or meet. An unknown value gives grabCut
    /// and, in `problem`, a sentence naming the accepted values.
    static PersonMaskSource personMaskSourceFromEnvironment(QString* problem = nullptr);

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

/// A face's geometry measured on an image decoded at `scaleToOriginal` (original pixels per decoded pixel), in
/// original-image pixels.
FaceGeometry geometryInOriginal(const FaceGeometry& g, double scaleToOriginal);

/// The dominant face of a photo file, in original-image pixels, when it has landmarks: for callers that hold no
/// assessment (benchmarks, tools). Decodes at most `maxLongSide` pixels; no masks; one analyzer per thread.
std::optional<FaceGeometry> faceGeometryOfFile(const QString& path, int maxLongSide = 1024);

} // namespace hqa::core
