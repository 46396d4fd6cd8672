#include "core/select/FaceTracker.h"

#include <algorithm>
#include <cmath>

namespace hqa::core {

void FaceTracker::addFrame(int sampleIndex, std::vector<FaceCandidate> faces)
{
    struct Match {
        double cost;
        size_t face, track;
    };
    std::vector<Match> matches;
    for (size_t f = 0; f < faces.size(); ++f) {
        const cv::Rect2d& b = faces[f].geometry.box;
        const cv::Point2d c(b.x + b.width / 2, b.y + b.height / 2);
        for (size_t t = 0; t < m_tracks.size(); ++t) {
            const Track& tr = m_tracks[t];
            if (sampleIndex - tr.lastSample > m_options.maxGapSamples)
                continue;
            const cv::Rect2d& l = tr.lastBox;
            const double side = std::sqrt(std::max(1.0, l.area()));
            const double shift = std::hypot(c.x - (l.x + l.width / 2), c.y - (l.y + l.height / 2)) / side;
            const double ratio = std::sqrt(std::max(1.0, b.area()) / std::max(1.0, l.area()));
            if (shift > m_options.maxCentreShift || std::max(ratio, 1.0 / ratio) > m_options.maxSizeRatio)
                continue;
            matches.push_back({shift + std::abs(std::log(ratio)), f, t});
        }
    }
    // Greedy, cheapest pairs first: two faces in a frame never join the same track.
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.cost < b.cost; });
    std::vector<bool> faceDone(faces.size(), false), trackDone(m_tracks.size(), false);
    for (const Match& m : matches) {
        if (faceDone[m.face] || trackDone[m.track])
            continue;
        faceDone[m.face] = trackDone[m.track] = true;
        Track& tr = m_tracks[m.track];
        tr.lastBox = faces[m.face].geometry.box;
        tr.lastSample = sampleIndex;
        tr.faces.push_back(std::move(faces[m.face]));
    }
    for (size_t f = 0; f < faces.size(); ++f) {
        if (faceDone[f])
            continue;
        Track tr;
        tr.lastBox = faces[f].geometry.box;
        tr.lastSample = sampleIndex;
        tr.faces.push_back(std::move(faces[f]));
        m_tracks.push_back(std::move(tr));
    }
}

std::vector<std::vector<FaceCandidate>> FaceTracker::tracks(int minFaces) const
{
    std::vector<std::vector<FaceCandidate>> out;
    for (const Track& t : m_tracks)
        if (static_cast<int>(t.faces.size()) >= std::max(1, minFaces))
            out.push_back(t.faces);
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (size_t i = 0; i < out.size(); ++i)
        for (FaceCandidate& f : out[i])
            f.track = static_cast<int>(i) + 1;
    return out;
}

} // namespace hqa::core
