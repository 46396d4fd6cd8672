#include "BackgroundMeasure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {

namespace {

/// A rough person silhouette from the face box alone, for evidence without a person mask: the head with
/// some hair around it and a torso widening below the chin.
cv::Mat fallbackPersonMask(const FaceEvidence& ev)
{
    cv::Mat mask(ev.bgr.size(), CV_8U, cv::Scalar(0));
    const cv::Rect2d b = ev.geometry.box.area() > 0 ? ev.geometry.box : ev.faces.front().box;
    const cv::Point c(cvRound(b.x + b.width / 2), cvRound(b.y + b.height / 2));
    cv::ellipse(mask, cv::Point(c.x, cvRound(c.y - 0.1 * b.height)),
                cv::Size(cvRound(0.75 * b.width), cvRound(0.85 * b.height)), 0, 0, 360, cv::Scalar(255), cv::FILLED);
    const int neckY = cvRound(b.y + b.height);
    const std::vector<cv::Point> torso = {
        {cvRound(c.x - 0.45 * b.width), neckY},
        {cvRound(c.x + 0.45 * b.width), neckY},
        {cvRound(c.x + 1.8 * b.width), neckY + cvRound(1.2 * b.height)},
        {cvRound(c.x + 1.8 * b.width), mask.rows},
        {cvRound(c.x - 1.8 * b.width), mask.rows},
        {cvRound(c.x - 1.8 * b.width), neckY + cvRound(1.2 * b.height)},
    };
    cv::fillConvexPoly(mask, torso, cv::Scalar(255));
    return mask;
}

enum class Defect { OtherFace, People, Edges, Gradient, Saturated, Colours };

} // namespace

MeasureResult BackgroundMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult result;
    if (!ev.hasFace() || ev.bgr.empty())
        return result;
    const BackgroundConfig& c = m_config;

    const cv::Mat person = (!ev.personMask.empty() && ev.personMask.size() == ev.bgr.size() &&
                            cv::countNonZero(ev.personMask) > 0)
                               ? ev.personMask
                               : fallbackPersonMask(ev);

    // Working copy of fixed size; the person mask is grown by a quarter of the inter-eye distance so hair
    // strands and the soft boundary do not count as background texture.
    const double s = std::min(1.0, double(c.workingLongSide) / std::max(ev.bgr.cols, ev.bgr.rows));
    cv::Mat small, personSmall;
    if (s < 1.0) {
        const cv::Size target(std::max(1, cvRound(ev.bgr.cols * s)), std::max(1, cvRound(ev.bgr.rows * s)));
        // Area averaging is only fast for whole-number factors: shrink by the largest one first (dropping
        // the few right and bottom pixels that do not fill a block), then finish with a bilinear step.
        const int k = std::max(1, int(1.0 / s));
        if (k >= 2) {
            const cv::Rect whole(0, 0, ev.bgr.cols / k * k, ev.bgr.rows / k * k);
            cv::resize(ev.bgr(whole), small, cv::Size(whole.width / k, whole.height / k), 0, 0, cv::INTER_AREA);
            cv::resize(small, small, target, 0, 0, cv::INTER_LINEAR);
        } else {
            cv::resize(ev.bgr, small, target, 0, 0, cv::INTER_AREA);
        }
        cv::resize(person, personSmall, small.size(), 0, 0, cv::INTER_NEAREST);
    } else {
        small = ev.bgr;
        personSmall = person;
    }
    const double ied = ev.geometry.interEyeDistance > 0 ? ev.geometry.interEyeDistance
                                                        : 0.4 * ev.faces.front().box.width;
    const int grow = std::max(3, cvRound(0.25 * ied * s));
    // A distance transform grows the mask in time independent of the margin (a large elliptic dilation
    // is the slowest step otherwise).
    cv::Mat distance;
    cv::distanceTransform(personSmall == 0, distance, cv::DIST_L2, 3);
    cv::Mat background = distance > grow;
    const cv::Mat grown = ~background;
    // Filters have no full support on the outermost pixels.
    cv::rectangle(background, cv::Rect(0, 0, background.cols, background.rows), cv::Scalar(0), 2);
    const int nBackground = cv::countNonZero(background);
    const double backgroundShare = double(nBackground) / double(small.total());

    // Other faces whose centre lies in the background, at least a quarter as wide as the main face (the
    // detector's small false positives in clutter are then ignored; clutter fails on its own anyway).
    int otherFaces = 0;
    const double mainWidth = ev.faces.front().box.width;
    for (size_t i = 1; i < ev.faces.size(); ++i) {
        const cv::Rect2d& b = ev.faces[i].box;
        const cv::Point p(cvRound((b.x + b.width / 2) * s), cvRound((b.y + b.height / 2) * s));
        if (b.width >= 0.25 * mainWidth && p.inside(cv::Rect(0, 0, grown.cols, grown.rows)) &&
            grown.at<uchar>(p) == 0)
            ++otherFaces;
    }

    double meanGradient = 0, meanGrey = 0, relativeGradient = 0, edgeDensity = 0, saturatedShare = 0, colourSpread = 0;
    double straightEdges = 0, skinShare = 0;
    int clusters = 0;
    if (nBackground > 0) {
        cv::Mat grey, gx, gy, mag, edges;
        cv::cvtColor(small, grey, cv::COLOR_BGR2GRAY);
        cv::Scharr(grey, gx, CV_32F, 1, 0, 1.0 / 16.0);
        cv::Scharr(grey, gy, CV_32F, 0, 1, 1.0 / 16.0);
        cv::magnitude(gx, gy, mag);
        meanGradient = cv::mean(mag, background)[0];
        meanGrey = cv::mean(grey, background)[0];
        // Contrast relative to the backdrop's brightness (Weber-like, with a floor of 30 grey levels so sensor
        // noise on a dark backdrop does not count): clutter stays clutter in an under-exposed photo.
        relativeGradient = 100.0 * meanGradient / (meanGrey + 30.0);

        cv::Mat smooth;
        cv::GaussianBlur(grey, smooth, cv::Size(3, 3), 0.8);
        cv::Canny(smooth, edges, 60, 150, 3, true);
        const cv::Mat backgroundEdges = edges & background;
        edgeDensity = double(cv::countNonZero(backgroundEdges)) / nBackground;
        // Long straight edges are man-made structure (shelves, windows, columns, door frames, signs); the folds of a
        // draped backdrop or flag and the blobs of soft bokeh rarely make them.
        std::vector<cv::Vec4i> lines;
        cv::theRNG() = cv::RNG(0x6c696e6573ULL); // the probabilistic transform samples points: same photo, same figure
        cv::HoughLinesP(backgroundEdges, lines, 1, CV_PI / 180, 30, std::max(12.0, 0.1 * small.cols), 2);
        double length = 0;
        for (const cv::Vec4i& l : lines)
            length += std::hypot(double(l[2] - l[0]), double(l[3] - l[1]));
        straightEdges = length / small.cols;

        // Colour: CIELAB of the background pixels (8-bit conversion: L scaled to 0..255, a* and b* offset
        // by 128); the median is the backdrop colour.
        cv::Mat lab;
        cv::cvtColor(small, lab, cv::COLOR_BGR2Lab);
        std::array<int, 3 * 16 * 16> bins{};
        std::array<std::array<int, 256>, 3> hist{};
        double sumA = 0, sumB = 0, sumAA = 0, sumBB = 0;
        for (int y = 0; y < lab.rows; ++y) {
            const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
            const uchar* m = background.ptr<uchar>(y);
            for (int x = 0; x < lab.cols; ++x) {
                if (!m[x])
                    continue;
                const cv::Vec3b v = px[x];
                for (int ch = 0; ch < 3; ++ch)
                    ++hist[size_t(ch)][v[ch]];
                const double a = v[1] - 128.0, b = v[2] - 128.0;
                sumA += a;
                sumB += b;
                sumAA += a * a;
                sumBB += b * b;
                // Clusters: lightness in thirds, a* and b* in steps of 16 (a just-distinct hue).
                ++bins[size_t(std::min(2, v[0] / 86) * 256 + (v[1] / 16) * 16 + v[2] / 16)];
            }
        }
        const double n = double(nBackground);
        colourSpread = std::sqrt(std::max(0.0, sumAA / n - (sumA / n) * (sumA / n)) +
                                 std::max(0.0, sumBB / n - (sumB / n) * (sumB / n)));
        for (int count : bins)
            clusters += count >= 0.03 * n;

        std::array<int, 3> median{};
        for (int ch = 0; ch < 3; ++ch) {
            long acc = 0;
            int i = 0;
            while (i < 255 && (acc += hist[size_t(ch)][size_t(i)]) * 2 < nBackground)
                ++i;
            median[size_t(ch)] = i;
        }
        // Skin-coloured areas behind the subject are other people (or their hands and arms). The skin model follows
        // this face's cheeks, so on a washed-out or tinted face it can match a pale backdrop, and a beige wall, wood or
        // a brown bokeh is skin-coloured itself: only warm pixels (a* and b* both positive, as every skin tone is),
        // neither clipped nor black, and unlike the backdrop's own colour (the median) count.
        if (!ev.skinMask.empty() && ev.skinMask.size() == ev.bgr.size()) {
            cv::Mat skinSmall;
            cv::resize(ev.skinMask, skinSmall, small.size(), 0, 0, cv::INTER_NEAREST);
            const cv::Mat candidates = skinSmall & background & (grey > 20) & (grey < 235);
            int skin = 0;
            for (int y = 0; y < lab.rows; ++y) {
                const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
                const uchar* m = candidates.ptr<uchar>(y);
                for (int x = 0; x < lab.cols; ++x) {
                    if (!m[x] || px[x][1] < 132 || px[x][2] < 132)
                        continue;
                    const double dl = 0.5 * (px[x][0] - median[0]), da = px[x][1] - median[1], db = px[x][2] - median[2];
                    skin += dl * dl + da * da + db * db > c.skinBackdropDistance * c.skinBackdropDistance;
                }
            }
            skinShare = double(skin) / nBackground;
        }
        // Saturated objects: chroma above 45 in a hue at least 40 degrees away from the backdrop's (any hue
        // when the backdrop is nearly neutral). Hue rather than a full colour distance, so that a coloured
        // backdrop that is darker on one side (a shadow, a lighting fall-off) is still the backdrop.
        const double backA = median[1] - 128.0, backB = median[2] - 128.0;
        const bool neutralBackdrop = std::hypot(backA, backB) < 15.0;
        const double backHue = std::atan2(backB, backA);
        int saturated = 0;
        for (int y = 0; y < lab.rows; ++y) {
            const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
            const uchar* m = background.ptr<uchar>(y);
            for (int x = 0; x < lab.cols; ++x) {
                if (!m[x])
                    continue;
                const double a = px[x][1] - 128.0, b = px[x][2] - 128.0;
                if (a * a + b * b <= 45.0 * 45.0)
                    continue;
                double dh = std::abs(std::atan2(b, a) - backHue);
                dh = std::min(dh, 2 * CV_PI - dh);
                saturated += neutralBackdrop || dh > 40.0 * CV_PI / 180.0;
            }
        }
        saturatedShare = saturated / n;
    }

    result.evidence = {
        {"background_share", backgroundShare},
        {"background_mean_gradient", meanGradient},
        {"background_mean_grey", meanGrey},
        {"background_relative_gradient", relativeGradient},
        {"background_edge_density", edgeDensity},
        {"background_colour_spread", colourSpread},
        {"background_colour_clusters", double(clusters)},
        {"background_saturated_share", saturatedShare},
        {"background_other_faces", double(otherFaces)},
        {"background_straight_edges", straightEdges},
        {"background_skin_share", skinShare},
    };

    if (backgroundShare < c.minBackgroundShare && otherFaces == 0) {
        // A tight crop with hardly any background: nothing there can distract.
        result.score = 0.8;
        result.passReason = QCoreApplication::translate("hqa::BackgroundMeasure",
                                                        "Hardly any background visible (%1% of the frame).")
                                .arg(backgroundShare * 100, 0, 'f', 0);
        result.failReason = result.passReason;
        return result;
    }

    struct Sub {
        Defect defect;
        double score;
    };
    const std::array<Sub, 6> subs = {{
        {Defect::OtherFace, otherFaces > 0 ? 0.1 : 1.0},
        {Defect::People, logistic(-skinShare, -c.maxSkinShare, 0.015)},
        {Defect::Edges, logistic(-edgeDensity, -c.maxEdgeDensity, 0.006)},
        {Defect::Gradient, logistic(-relativeGradient, -c.maxRelativeGradient, 1.0)},
        {Defect::Saturated, logistic(-saturatedShare, -c.maxSaturatedShare, 0.04)},
        {Defect::Colours, logistic(-double(clusters), -c.maxColourClusters, 0.7)},
    }};
    const Sub worst = *std::min_element(subs.begin(), subs.end(),
                                        [](const Sub& a, const Sub& b) { return a.score < b.score; });
    result.score = worst.score;

    switch (worst.defect) {
    case Defect::OtherFace:
        result.failReason = QCoreApplication::translate("hqa::BackgroundMeasure",
                                                        "%n other face(s) in the background.", nullptr, otherFaces);
        break;
    case Defect::People:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure",
                                "Other people behind the subject: %1% of the background is skin.")
                                .arg(skinShare * 100, 0, 'f', 0);
        break;
    case Defect::Edges:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure",
                                "Busy background: %1% of it is hard edges (clutter, text or patterns).")
                                .arg(edgeDensity * 100, 0, 'f', 1);
        break;
    case Defect::Gradient:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure",
                                "Textured background: local contrast of %1% of its brightness per pixel behind the "
                                "subject.")
                                .arg(relativeGradient, 0, 'f', 1);
        break;
    case Defect::Saturated:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure",
                                "Strongly coloured objects cover %1% of the background.")
                                .arg(saturatedShare * 100, 0, 'f', 0);
        break;
    case Defect::Colours:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure", "Colourful background: %1 distinct colour areas.")
                                .arg(clusters);
        break;
    }
    result.passReason = QCoreApplication::translate(
                            "hqa::BackgroundMeasure",
                            "Clean background: %1% of it on an edge, local contrast %2% of its brightness.")
                            .arg(edgeDensity * 100, 0, 'f', 1)
                            .arg(relativeGradient, 0, 'f', 1);
    return result;
}

std::unique_ptr<Measure> makeBackgroundMeasure()
{
    return std::make_unique<BackgroundMeasure>();
}

} // namespace hqa::core
