#include "BackgroundMeasure.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace hqa::core {

namespace {

/// A rough person silhouette from the face box alone, for evidence without a person mask: the head with
/// some hair around it and a torso widening below the chin; drawn at `size`, the analysis image scaled by `s`.
cv::Mat fallbackPersonMask(const FaceEvidence& ev, cv::Size size, double s)
{
    cv::Mat mask(size, CV_8U, cv::Scalar(0));
    const cv::Rect2d face = ev.geometry.box.area() > 0 ? ev.geometry.box : ev.faces.front().box;
    const cv::Rect2d b(face.x * s, face.y * s, face.width * s, face.height * s);
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

/// Pixels of a striped flag among `candidates` (CV_8U) of the working copy `lab` (8-bit CIELAB): neighbourhoods
/// with both red and light stripes whose structure runs in one direction (print, logos and clutter do not), and
/// the dark-blue field with light stars within reach of such stripes; grown by half a neighbourhood so the
/// stripes' borders go with them. Empty (all zero) when there is no flag.
cv::Mat flagMaskAt(const cv::Mat& lab, const cv::Mat& candidates, const BackgroundConfig& c)
{
    cv::Mat flag(lab.size(), CV_8U, cv::Scalar(0));
    const int k = std::max(5, int(c.flagWindow * lab.cols)) | 1;
    const cv::Size window(k, k);
    cv::Mat inside, coverage;
    candidates.convertTo(inside, CV_32F, 1.0 / 255.0);
    cv::blur(inside, coverage, window);
    cv::Mat safeCoverage = cv::max(coverage, 1e-3);

    std::vector<cv::Mat> ch;
    cv::split(lab, ch);
    cv::Mat L;
    ch[0].convertTo(L, CV_32F);
    cv::Mat localL;
    cv::blur(L.mul(inside), localL, window);
    localL /= safeCoverage;

    cv::Mat red(lab.size(), CV_32F, cv::Scalar(0)), light(lab.size(), CV_32F, cv::Scalar(0)),
        navy(lab.size(), CV_32F, cv::Scalar(0));
    const double minHue = -30.0 * CV_PI / 180.0, maxHue = 42.0 * CV_PI / 180.0;
    int redCount = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
        const uchar* m = candidates.ptr<uchar>(y);
        const float* lm = localL.ptr<float>(y);
        float* r = red.ptr<float>(y);
        float* li = light.ptr<float>(y);
        float* nv = navy.ptr<float>(y);
        for (int x = 0; x < lab.cols; ++x) {
            if (!m[x])
                continue;
            const double l = px[x][0], a = px[x][1] - 128.0, b = px[x][2] - 128.0;
            const double chroma = std::hypot(a, b);
            if (chroma > c.flagRedChroma && a > c.flagRedA && l > 10) {
                const double hue = std::atan2(b, a);
                if (hue > minHue && hue < maxHue) {
                    r[x] = 1.f;
                    ++redCount;
                }
            }
            li[x] = l > lm[x] + c.flagLightStep && chroma < c.flagLightChroma ? 1.f : 0.f;
            nv[x] = b < c.flagNavyB && a < 20 && l < c.flagNavyL ? 1.f : 0.f;
        }
    }
    // A stripe neighbourhood needs flagMinRed of its pixels red: with fewer red pixels in the whole picture
    // there is no flag (most photos stop here).
    if (redCount < c.flagMinRed * k * k)
        return flag;
    cv::Mat redShare, lightShare, navyShare;
    cv::blur(red, redShare, window);
    cv::blur(light, lightShare, window);
    cv::blur(navy, navyShare, window);
    redShare /= safeCoverage;
    lightShare /= safeCoverage;
    navyShare /= safeCoverage;

    // Coherence of the structure tensor over two neighbourhoods: 1 for parallel stripes, near 0 for print.
    cv::Mat gx, gy;
    cv::Sobel(L, gx, CV_32F, 1, 0);
    cv::Sobel(L, gy, CV_32F, 0, 1);
    cv::Mat jxx, jyy, jxy;
    const cv::Size tensorWindow(2 * k + 1, 2 * k + 1);
    cv::blur(gx.mul(gx).mul(inside), jxx, tensorWindow);
    cv::blur(gy.mul(gy).mul(inside), jyy, tensorWindow);
    cv::blur(gx.mul(gy).mul(inside), jxy, tensorWindow);

    cv::Mat stripes(lab.size(), CV_8U, cv::Scalar(0)), field(lab.size(), CV_8U, cv::Scalar(0));
    for (int y = 0; y < lab.rows; ++y) {
        const float *cv_ = coverage.ptr<float>(y), *rs = redShare.ptr<float>(y), *ls = lightShare.ptr<float>(y),
                    *ns = navyShare.ptr<float>(y), *xx = jxx.ptr<float>(y), *yy = jyy.ptr<float>(y),
                    *xy = jxy.ptr<float>(y);
        uchar* st = stripes.ptr<uchar>(y);
        uchar* fd = field.ptr<uchar>(y);
        for (int x = 0; x < lab.cols; ++x) {
            if (cv_[x] <= 0.5f)
                continue;
            const double d = xx[x] - yy[x];
            const double coherence = std::sqrt(d * d + 4.0 * xy[x] * xy[x]) / std::max(1e-3, double(xx[x] + yy[x]));
            st[x] = rs[x] > c.flagMinRed && ls[x] > c.flagMinLight && coherence > c.flagMinCoherence ? 255 : 0;
            fd[x] = ns[x] > c.flagMinNavy && ls[x] > c.flagMinStars ? 255 : 0;
        }
    }
    if (cv::countNonZero(stripes) == 0)
        return flag;
    // Distance transforms grow the masks in time independent of the radius.
    cv::Mat toStripes;
    cv::distanceTransform(~stripes, toStripes, cv::DIST_L2, 3);
    const cv::Mat core = stripes | (field & (toStripes <= std::max(3.0, c.flagCantonReach * lab.cols)));
    cv::Mat toCore;
    cv::distanceTransform(~core, toCore, cv::DIST_L2, 3);
    flag = toCore <= k / 2;
    return flag;
}

/// flagMaskAt() on a copy of half the size (a flag's stripes are a few percent of the width wide, and half the
/// pixels keep the measure's time near what it was without flag finding), brought back to the working size.
cv::Mat flagMask(const cv::Mat& lab, const cv::Mat& candidates, const BackgroundConfig& c)
{
    cv::Mat halfLab, halfCandidates;
    const cv::Size half(std::max(1, lab.cols / 2), std::max(1, lab.rows / 2));
    cv::resize(lab, halfLab, half, 0, 0, cv::INTER_AREA);
    cv::resize(candidates, halfCandidates, half, 0, 0, cv::INTER_NEAREST);
    const cv::Mat halfFlag = flagMaskAt(halfLab, halfCandidates, c);
    cv::Mat flag;
    cv::resize(halfFlag, flag, lab.size(), 0, 0, cv::INTER_NEAREST);
    return flag;
}

/// Total length of the long straight segments among `edges`, in widths of the image.
double straightEdgeLength(const cv::Mat& edges)
{
    std::vector<cv::Vec4i> lines;
    cv::theRNG() = cv::RNG(0x6c696e6573ULL); // the probabilistic transform samples points: same photo, same figure
    cv::HoughLinesP(edges, lines, 1, CV_PI / 180, 30, std::max(12.0, 0.1 * edges.cols), 2);
    double length = 0;
    for (const cv::Vec4i& l : lines)
        length += std::hypot(double(l[2] - l[0]), double(l[3] - l[1]));
    return length / edges.cols;
}

enum class Defect { OtherFace, People, Edges, Gradient, Saturated, Colours, Lines };

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
                               : fallbackPersonMask(ev, ev.bgr.size(), 1.0);

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
    double straightEdges = 0, skinShare = 0, flagShare = 0, textureShare = 0, textureEdgeDensity = 0,
           textureContrast = 0;
    int clusters = 0, textureClusters = 0;
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

        // The flag is looked for outside a silhouette drawn from the face box alone, not the person mask: a
        // segmentation often takes the flag beside the head for part of the person, and its stripes then show
        // only in the margin around the mask.
        const cv::Mat silhouette = fallbackPersonMask(ev, small.size(), s);
        const cv::Mat flag = flagMask(lab, ~silhouette, c) & background;
        flagShare = double(cv::countNonZero(flag)) / n;
        const cv::Mat texture = background & ~flag;
        const int nTexture = cv::countNonZero(texture);
        textureShare = double(nTexture) / double(small.total());
        if (textureShare > c.minTextureShare) {
            // Local contrast relative to the local brightness (mean of 21 x 21 working pixels, a box filter being
            // far cheaper than a wide Gaussian): a backdrop half in a shadow or a fall-off keeps its figure, its
            // darker half is not read as contrast.
            cv::Mat local;
            grey.convertTo(local, CV_32F);
            cv::blur(local, local, cv::Size(21, 21));
            local += 30.0;
            cv::Mat relative;
            cv::divide(mag, local, relative);
            textureContrast = 100.0 * cv::mean(relative, texture)[0];
            // Edges and lines keep 6 working pixels off the frame: a dark scan border or a crop's edge is no
            // structure behind the subject.
            cv::Mat inner(texture.size(), CV_8U, cv::Scalar(0));
            if (texture.cols > 12 && texture.rows > 12)
                inner(cv::Rect(6, 6, texture.cols - 12, texture.rows - 12)).setTo(255);
            const cv::Mat textureEdges = edges & texture & inner;
            textureEdgeDensity = double(cv::countNonZero(textureEdges)) / nTexture;
            // Long straight edges are man-made structure (columns, windows, shelves, door frames, signs); the
            // folds of a draped backdrop and the blobs of soft bokeh rarely make them.
            straightEdges = straightEdgeLength(textureEdges);
            std::array<int, 3 * 16 * 16> textureBins{};
            for (int y = 0; y < lab.rows; ++y) {
                const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
                const uchar* m = texture.ptr<uchar>(y);
                for (int x = 0; x < lab.cols; ++x)
                    if (m[x])
                        ++textureBins[size_t(std::min(2, px[x][0] / 86) * 256 + (px[x][1] / 16) * 16 + px[x][2] / 16)];
            }
            for (int count : textureBins)
                textureClusters += count >= 0.03 * nTexture;
        }
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
        {"background_flag_share", flagShare},
        {"background_texture_share", textureShare},
        {"background_texture_edge_density", textureEdgeDensity},
        {"background_texture_local_contrast", textureContrast},
        {"background_texture_colour_clusters", double(textureClusters)},
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
    const std::array<Sub, 7> subs = {{
        {Defect::OtherFace, otherFaces > 0 ? 0.1 : 1.0},
        {Defect::People, logistic(-skinShare, -c.maxSkinShare, 0.015)},
        {Defect::Edges, logistic(-textureEdgeDensity, -c.maxEdgeDensity, 0.006)},
        {Defect::Gradient, logistic(-textureContrast, -c.maxRelativeGradient, 1.0)},
        {Defect::Saturated, logistic(-saturatedShare, -c.maxSaturatedShare, 0.04)},
        {Defect::Colours, logistic(-double(textureClusters), -c.maxColourClusters, 0.7)},
        {Defect::Lines, logistic(-straightEdges, -c.maxStraightEdges, 0.1)},
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
                                .arg(textureEdgeDensity * 100, 0, 'f', 1);
        break;
    case Defect::Gradient:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure",
                                "Textured background: local contrast of %1% of its brightness per pixel behind the "
                                "subject.")
                                .arg(textureContrast, 0, 'f', 1);
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
                                .arg(textureClusters);
        break;
    case Defect::Lines:
        result.failReason = QCoreApplication::translate(
                                "hqa::BackgroundMeasure",
                                "Buildings or furniture behind the subject: long straight edges (columns, windows, "
                                "shelves, signs) of %1 image widths.")
                                .arg(straightEdges, 0, 'f', 1);
        break;
    }
    result.passReason = QCoreApplication::translate(
                            "hqa::BackgroundMeasure",
                            "Clean background: %1% of it on an edge, local contrast %2% of its brightness.")
                            .arg(textureEdgeDensity * 100, 0, 'f', 1)
                            .arg(textureContrast, 0, 'f', 1);
    if (flagShare >= 0.05)
        result.passReason += QLatin1Char(' ') + QCoreApplication::translate(
                                                    "hqa::BackgroundMeasure",
                                                    "A flag covers %1% of it (counted as clean).")
                                                    .arg(flagShare * 100, 0, 'f', 0);
    return result;
}

std::unique_ptr<Measure> makeBackgroundMeasure()
{
    return std::make_unique<BackgroundMeasure>();
}

} // namespace hqa::core
