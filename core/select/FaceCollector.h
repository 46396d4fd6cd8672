#pragma once
// Builds the groups that selection ranks: a folder (one person per folder), a list of photos (one group), or a
// video read with OpenCV, sampled every Nth frame or at a frame rate, with its faces tracked into one group
// per person. Analysis runs on several threads, each with its own FaceScorer.

#include "core/Error.h"
#include "core/select/FaceCandidate.h"
#include "core/select/FaceTracker.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace hqa::core {

struct FaceGroup {
    QString name; ///< folder, "files", or "video.mp4 #2"
    QString source; ///< folder, first file, or video path
    bool video = false;
    std::vector<FaceCandidate> faces;
};

struct CollectOptions {
    int every = 5; ///< video: analyse every Nth frame
    double sampleFps = 0; ///< video: when > 0, sample at this rate instead of `every`
    int maxSamples = 0; ///< video: stop after this many sampled frames (0 = whole video)
    int analysisLongSide = 720; ///< video frames larger than this are analysed downscaled
    /// Video: once faces are found, frames are analysed at the scale that gives the smallest face about this
    /// inter-eye distance (never upscaled, never below minAnalysisLongSide): detection and the measures cost
    /// less on a close-up, and the sharpness measure resamples faces to 72 px between the eyes anyway. 0 = off.
    /// 72 px is where the sharpness measure resamples faces to, so analysing closer loses nothing it uses.
    double targetIed = 72.0;
    int minAnalysisLongSide = 320;
    int threads = 2;
    bool allFaces = true; ///< video: analyse every face of a frame, not only the dominant one
    int minTrackFaces = 3; ///< video: shorter tracks are dropped (passers-by, false detections)
    TrackerOptions tracker;
    /// Called from the collecting thread after each photo or batch of sampled frames with the items done and the
    /// total (video: estimated from the frame count, 0 when unknown); returning false cancels with Cancelled.
    std::function<bool(int done, int total)> progress;
};

struct CollectStats {
    int framesRead = 0, framesSampled = 0, facesFound = 0;
    double seconds = 0, videoFps = 0;
    double decodeMs = 0; ///< reading and decoding frames (the calling thread)
    double analyzeMs = 0, measuresMs = 0; ///< thread CPU time summed over the analysis threads
    double faceWallMs = 0, maskWallMs = 0; ///< FaceAnalyzer's wall-clock split: detection + landmarks, masks
    cv::Size frameSize;
};

/// A file that could not be used, and why.
struct CollectFailure {
    QString path;
    Error error;
};

struct CollectResult {
    std::vector<FaceGroup> groups;
    std::vector<CollectFailure> failures;
    CollectStats stats;
};

bool isVideoFile(const QString& path);

/// Groups for the command line's PATH arguments: each folder is a group, each video gives its tracks, and the
/// remaining photos form one group. Model errors (face models unusable) are returned as errors.
Expected<CollectResult> collectGroups(const QStringList& paths, const CollectOptions& options);

/// The faces of one video, tracked into groups (one per person).
Expected<CollectResult> collectVideo(const QString& path, const CollectOptions& options);

/// Candidates of photos as one group named `name`.
Expected<CollectResult> collectPhotos(const QStringList& files, const QString& name, const CollectOptions& options);

/// Reads frame `index` of a video by decoding up to it (seeking by frame number is not exact in every codec).
cv::Mat readVideoFrame(const QString& path, int index);

/// The original image of a candidate: the photo decoded at full resolution, or the video frame.
Expected<cv::Mat> loadCandidateImage(const FaceCandidate& face);

} // namespace hqa::core
