#include "core/select/FaceScorer.h"

#include "core/face/FaceAnalyzer.h"
#include "core/measures/Measure.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <ctime>

namespace hqa::core {

namespace {

/// CPU time of the calling thread in milliseconds: unlike wall time it does not grow when other processes
/// compete for the cores, so the figures stay comparable between runs on a busy machine.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

std::optional<double> evidence(const MeasureResult& r, std::string_view name)
{
    for (const EvidenceValue& v : r.evidence)
        if (v.name == name)
            return v.value;
    return std::nullopt;
}

} // namespace

FaceGeometry transformGeometry(const FaceGeometry& g, double s, cv::Point2d offset)
{
    const auto map = [&](const cv::Point2d& p) { return cv::Point2d(p.x * s + offset.x, p.y * s + offset.y); };
    FaceGeometry o = g;
    o.box = cv::Rect2d(g.box.x * s + offset.x, g.box.y * s + offset.y, g.box.width * s, g.box.height * s);
    for (auto& p : o.landmarks)
        p = map(p);
    o.interEyeDistance = g.interEyeDistance * s;
    o.eyeToChin = g.eyeToChin * s;
    o.eyeLeft = map(g.eyeLeft);
    o.eyeRight = map(g.eyeRight);
    o.chin = map(g.chin);
    o.headTopY = g.headTopY * s + offset.y;
    return o;
}

FaceScorer::FaceScorer()
    : m_analyzer(std::make_unique<FaceAnalyzer>())
    , m_measures(makeAllMeasures())
{ }

FaceScorer::~FaceScorer() = default;

std::optional<Error> FaceScorer::load() { return m_analyzer->load(); }

void FaceScorer::fillFeatures(const FaceEvidence& ev, FaceCandidate& c) const
{
    // Brightness as the paper defines it: mean HSV V over the face, in percent. V is max(B, G, R).
    const cv::Rect image(0, 0, ev.bgr.cols, ev.bgr.rows);
    const cv::Rect box = cv::Rect(cvRound(ev.geometry.box.x), cvRound(ev.geometry.box.y),
                                  cvRound(ev.geometry.box.width), cvRound(ev.geometry.box.height))
        & image;
    if (box.area() > 0) {
        std::vector<cv::Mat> ch;
        cv::split(ev.bgr(box), ch);
        cv::Mat v = cv::max(cv::max(ch[0], ch[1]), ch[2]);
        cv::Mat mask = ev.faceMask.empty() ? cv::Mat() : ev.faceMask(box);
        if (!mask.empty() && cv::countNonZero(mask) < 16)
            mask = cv::Mat();
        c.brightness = cv::mean(v, mask).val[0] / 255.0 * 100.0;
    }
    const double start = threadCpuMs();
    const double s = ev.scaleToOriginal;
    c.area = ev.geometry.box.area() * s * s;
    for (const auto& m : m_measures) {
        const MeasureResult r = m->evaluate(ev);
        const int i = index(m->attribute());
        c.attributeScores[i] = std::clamp(r.score, 0.0, 1.0);
        c.attributePass[i] = c.attributeScores[i] >= 0.5;
        c.attributeReasons[i] = c.attributePass[i] ? r.passReason : r.failReason;
        if (m->attribute() == Attribute::Expression) {
            c.eyeOpen = evidence(r, "eye_open_ratio").value_or(0.0);
            c.mouthOpen = evidence(r, "mouth_open_ratio").value_or(1.0);
        }
    }
    m_measuresMs += threadCpuMs() - start;
}

Expected<std::vector<FaceCandidate>> FaceScorer::score(const cv::Mat& bgr, double scaleToOriginal, bool allFaces,
                                                       int maxFaces)
{
    double start = threadCpuMs();
    auto analysed = m_analyzer->analyze(bgr, scaleToOriginal);
    m_analyzeMs += threadCpuMs() - start;
    m_faceMs += analysed ? analysed->faceMs : 0.0;
    m_maskMs += analysed ? analysed->maskMs : 0.0;
    if (!analysed)
        return analysed.error();
    const FaceEvidence& ev = *analysed;
    std::vector<FaceCandidate> out;
    const cv::Size original(cvRound(bgr.cols * scaleToOriginal), cvRound(bgr.rows * scaleToOriginal));
    if (ev.hasFace() && ev.landmarksValid) {
        FaceCandidate c;
        c.imageSize = original;
        c.landmarksValid = true;
        c.geometry = transformGeometry(ev.geometry, scaleToOriginal);
        c.geometry.detectionConfidence = ev.faces.front().confidence;
        fillFeatures(ev, c);
        out.push_back(std::move(c));
    }
    if (!allFaces)
        return out;

    // FaceAnalyzer fits landmarks to the dominant face only: the others are analysed on a region around each,
    // big enough to hold the head and shoulders so that the measures see a headshot-like picture.
    const cv::Rect image(0, 0, bgr.cols, bgr.rows);
    for (size_t k = 1; k < ev.faces.size() && static_cast<int>(out.size()) < maxFaces; ++k) {
        const cv::Rect2d& b = ev.faces[k].box;
        if (b.height < 40)
            continue;
        const cv::Rect region = cv::Rect(cvRound(b.x - 1.2 * b.width), cvRound(b.y - 0.9 * b.height),
                                         cvRound(3.4 * b.width), cvRound(3.4 * b.height))
            & image;
        if (region.width < 64 || region.height < 64)
            continue;
        start = threadCpuMs();
        auto sub = m_analyzer->analyze(bgr(region).clone(), scaleToOriginal);
        m_analyzeMs += threadCpuMs() - start;
        if (!sub || !sub->hasFace() || !sub->landmarksValid)
            continue;
        const cv::Rect2d found = sub->geometry.box;
        const cv::Point2d centre(found.x + found.width / 2 + region.x, found.y + found.height / 2 + region.y);
        if (!b.contains(centre))
            continue; // the region's dominant face is a neighbour, not this one
        FaceCandidate c;
        c.imageSize = original;
        c.landmarksValid = true;
        c.geometry = transformGeometry(sub->geometry, scaleToOriginal,
                                       cv::Point2d(region.x * scaleToOriginal, region.y * scaleToOriginal));
        c.geometry.detectionConfidence = ev.faces[k].confidence;
        fillFeatures(*sub, c);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace hqa::core
