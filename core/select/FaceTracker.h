#pragma once
// Groups the faces of sampled video frames into one track per person. Without an identity model, continuity of
// position and size between nearby samples is the grouping (SELECTION.md): a face joins the track whose last
// face is close in position and size and was seen recently; otherwise it starts a new track.

#include "core/select/FaceCandidate.h"

#include <vector>

namespace hqa::core {

struct TrackerOptions {
    double maxCentreShift = 0.6; ///< centre distance / sqrt(track face area) that still counts as the same face
    double maxSizeRatio = 1.6; ///< larger/smaller face side ratio allowed between consecutive samples
    int maxGapSamples = 12; ///< a track not seen for this many samples is closed
};

class FaceTracker {
public:
    explicit FaceTracker(TrackerOptions options = {})
        : m_options(options)
    { }

    /// Adds the faces found in one sampled frame (sampleIndex grows by one per sampled frame).
    void addFrame(int sampleIndex, std::vector<FaceCandidate> faces);

    /// Tracks with at least minFaces faces, largest first; each face's `track` is its track's position.
    std::vector<std::vector<FaceCandidate>> tracks(int minFaces) const;

private:
    struct Track {
        std::vector<FaceCandidate> faces;
        cv::Rect2d lastBox;
        int lastSample = 0;
    };
    TrackerOptions m_options;
    std::vector<Track> m_tracks;
};

} // namespace hqa::core
