#pragma once
// Turns one image (a photo or a video frame) into selection candidates: FaceAnalyzer's evidence, the paper's
// features and the six measure scores for every face that has landmarks.

#include "core/Error.h"
#include "core/select/FaceCandidate.h"

#include <opencv2/core/mat.hpp>

#include <memory>
#include <vector>

namespace hqa::core {

class FaceAnalyzer;
class Measure;
struct FaceEvidence;

/// Not thread-safe: one per thread (it owns a FaceAnalyzer).
class FaceScorer {
public:
    FaceScorer();
    ~FaceScorer();
    FaceScorer(const FaceScorer&) = delete;
    FaceScorer& operator=(const FaceScorer&) = delete;

    /// Loads the face models; Model error when unusable.
    std::optional<Error> load();

    /// Candidates of one analysis image; coordinates are scaled by scaleToOriginal into the original.
    /// With allFaces, the other detected faces (up to maxFaces) are analysed on a region around each, so a
    /// frame with two people gives two candidates. Faces without landmarks are left out.
    Expected<std::vector<FaceCandidate>> score(const cv::Mat& bgr, double scaleToOriginal, bool allFaces = false,
                                               int maxFaces = 3);

    /// Fills the features of one face from its evidence (exposed for tests).
    void fillFeatures(const FaceEvidence& ev, FaceCandidate& out) const;

    /// Thread CPU time spent so far, milliseconds: FaceAnalyzer (detection, landmarks, pose, masks) and the six
    /// measures; and FaceAnalyzer's own wall-clock split of the dominant-face analyses (detection + landmarks,
    /// masks).
    double analyzeMs() const { return m_analyzeMs; }
    double measuresMs() const { return m_measuresMs; }
    double faceWallMs() const { return m_faceMs; }
    double maskWallMs() const { return m_maskMs; }

private:
    std::unique_ptr<FaceAnalyzer> m_analyzer;
    double m_analyzeMs = 0, m_faceMs = 0, m_maskMs = 0;
    mutable double m_measuresMs = 0;
    std::vector<std::unique_ptr<Measure>> m_measures;
};

/// Maps geometry by p' = p * scale + offset.
FaceGeometry transformGeometry(const FaceGeometry& g, double scale, cv::Point2d offset = {});

} // namespace hqa::core
