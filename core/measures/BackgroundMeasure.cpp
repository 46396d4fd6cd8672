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

enum class Defect { OtherFace, People, Edges, Gradient, Saturated, Colours, Lines, Scene };

/// The photo at the working size with the person mask to match; `scale` is working pixels per evidence pixel.
struct WorkingImage {
    cv::Mat bgr, person;
    double scale = 1.0;
};

WorkingImage workingImage(const FaceEvidence& ev, const cv::Mat& person, int workingLongSide)
{
    WorkingImage w;
    w.scale = std::min(1.0, double(workingLongSide) / std::max(ev.bgr.cols, ev.bgr.rows));
    if (w.scale >= 1.0) {
        w.bgr = ev.bgr;
        w.person = person;
        return w;
    }
    const double s = w.scale;
    const cv::Size target(std::max(1, cvRound(ev.bgr.cols * s)), std::max(1, cvRound(ev.bgr.rows * s)));
    // Area averaging is only fast for whole-number factors: shrink by the largest one first (dropping the few
    // right and bottom pixels that do not fill a block), then finish with a bilinear step.
    const int k = std::max(1, int(1.0 / s));
    if (k >= 2) {
        const cv::Rect whole(0, 0, ev.bgr.cols / k * k, ev.bgr.rows / k * k);
        cv::resize(ev.bgr(whole), w.bgr, cv::Size(whole.width / k, whole.height / k), 0, 0, cv::INTER_AREA);
        cv::resize(w.bgr, w.bgr, target, 0, 0, cv::INTER_LINEAR);
    } else {
        cv::resize(ev.bgr, w.bgr, target, 0, 0, cv::INTER_AREA);
    }
    cv::resize(person, w.person, w.bgr.size(), 0, 0, cv::INTER_NEAREST);
    return w;
}

/// Background = outside the person mask grown by a quarter of the inter-eye distance (hair strands and the soft
/// boundary are not background texture), and off the outermost pixels (no full filter support there).
struct BackgroundRegion {
    cv::Mat background; ///< CV_8U
    cv::Mat grown; ///< the grown person
    int pixels = 0;
};

BackgroundRegion backgroundRegion(const FaceEvidence& ev, const WorkingImage& w)
{
    const double ied = ev.geometry.interEyeDistance > 0 ? ev.geometry.interEyeDistance
                                                        : 0.4 * ev.faces.front().box.width;
    const int grow = std::max(3, cvRound(0.25 * ied * w.scale));
    // A distance transform grows the mask in time independent of the margin (a large elliptic dilation is the
    // slowest step otherwise).
    cv::Mat distance;
    cv::distanceTransform(w.person == 0, distance, cv::DIST_L2, 3);
    BackgroundRegion r;
    r.background = distance > grow;
    r.grown = ~r.background;
    cv::rectangle(r.background, cv::Rect(0, 0, r.background.cols, r.background.rows), cv::Scalar(0), 2);
    r.pixels = cv::countNonZero(r.background);
    return r;
}

/// Other faces whose centre lies in the background, at least a quarter as wide as the main face (the detector's
/// small false positives in clutter are then ignored; clutter fails on its own anyway).
int otherFacesBehind(const FaceEvidence& ev, const cv::Mat& grown, double s)
{
    int otherFaces = 0;
    const double mainWidth = ev.faces.front().box.width;
    for (size_t i = 1; i < ev.faces.size(); ++i) {
        const cv::Rect2d& b = ev.faces[i].box;
        const cv::Point p(cvRound((b.x + b.width / 2) * s), cvRound((b.y + b.height / 2) * s));
        if (b.width >= 0.25 * mainWidth && p.inside(cv::Rect(0, 0, grown.cols, grown.rows)) && grown.at<uchar>(p) == 0)
            ++otherFaces;
    }
    return otherFaces;
}

/// Colour clusters: lightness in thirds, a* and b* in steps of 16 (a just-distinct hue); clusters holding at
/// least 3% of the masked pixels.
int colourClusters(const cv::Mat& lab, const cv::Mat& mask, int pixels)
{
    std::array<int, 3 * 16 * 16> bins{};
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < lab.cols; ++x)
            if (m[x])
                ++bins[size_t(std::min(2, px[x][0] / 86) * 256 + (px[x][1] / 16) * 16 + px[x][2] / 16)];
    }
    int clusters = 0;
    for (int count : bins)
        clusters += count >= 0.03 * pixels;
    return clusters;
}

/// The spread of a* and b* over the background, and the backdrop's colour (the per-channel median; CIELAB of
/// the 8-bit conversion: L scaled to 0..255, a* and b* offset by 128).
struct BackdropColour {
    double spread = 0;
    std::array<int, 3> median{};
};

BackdropColour backdropColour(const cv::Mat& lab, const cv::Mat& background, int pixels)
{
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
        }
    }
    BackdropColour c;
    const double n = double(pixels);
    c.spread = std::sqrt(std::max(0.0, sumAA / n - (sumA / n) * (sumA / n))
                         + std::max(0.0, sumBB / n - (sumB / n) * (sumB / n)));
    for (int ch = 0; ch < 3; ++ch) {
        long acc = 0;
        int i = 0;
        while (i < 255 && (acc += hist[size_t(ch)][size_t(i)]) * 2 < pixels)
            ++i;
        c.median[size_t(ch)] = i;
    }
    return c;
}

/// Skin-coloured areas behind the subject are other people (or their hands and arms). The skin model follows
/// this face's cheeks, so on a washed-out or tinted face it can match a pale backdrop, and a beige wall, wood or
/// a brown bokeh is skin-coloured itself: only warm pixels (a* and b* both positive, as every skin tone is),
/// neither clipped nor black, and unlike the backdrop's own colour (the median) count. Share of the background.
double skinShareBehind(const FaceEvidence& ev, const cv::Mat& lab, const cv::Mat& grey, const BackgroundRegion& region,
                       const std::array<int, 3>& median, double backdropDistance)
{
    if (ev.skinMask.empty() || ev.skinMask.size() != ev.bgr.size())
        return 0.0;
    cv::Mat skinSmall;
    cv::resize(ev.skinMask, skinSmall, lab.size(), 0, 0, cv::INTER_NEAREST);
    const cv::Mat candidates = skinSmall & region.background & (grey > 20) & (grey < 235);
    int skin = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
        const uchar* m = candidates.ptr<uchar>(y);
        for (int x = 0; x < lab.cols; ++x) {
            if (!m[x] || px[x][1] < 132 || px[x][2] < 132)
                continue;
            const double dl = 0.5 * (px[x][0] - median[0]), da = px[x][1] - median[1], db = px[x][2] - median[2];
            skin += dl * dl + da * da + db * db > backdropDistance * backdropDistance;
        }
    }
    return double(skin) / region.pixels;
}

/// Saturated objects: chroma above 45 in a hue at least 40 degrees away from the backdrop's (any hue when the
/// backdrop is nearly neutral). Hue rather than a full colour distance, so that a coloured backdrop that is darker
/// on one side (a shadow, a lighting fall-off) is still the backdrop. Share of the background.
double saturatedShareBehind(const cv::Mat& lab, const BackgroundRegion& region, const std::array<int, 3>& median)
{
    const double backA = median[1] - 128.0, backB = median[2] - 128.0;
    const bool neutralBackdrop = std::hypot(backA, backB) < 15.0;
    const double backHue = std::atan2(backB, backA);
    int saturated = 0;
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3b* px = lab.ptr<cv::Vec3b>(y);
        const uchar* m = region.background.ptr<uchar>(y);
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
    return saturated / double(region.pixels);
}

/// The raw values the verdict is made from (the evidence).
struct BackgroundValues {
    double backgroundShare = 0;
    int otherFaces = 0;
    double meanGradient = 0, meanGrey = 0, relativeGradient = 0, edgeDensity = 0, saturatedShare = 0, colourSpread = 0;
    double straightEdges = 0, skinShare = 0, flagShare = 0, textureShare = 0, textureEdgeDensity = 0,
           textureContrast = 0;
    int clusters = 0, textureClusters = 0;
    std::optional<std::vector<double>> scene; ///< pooled scene features (see pooledScene)
    double sceneClean = -1; ///< the scene probe's probability of a clean background; -1: not taken
};

/// The scene features averaged over the grid cells that are mostly `background` (a working-size CV_8U mask).
std::optional<std::vector<double>> pooledScene(const cv::Mat& grid, const cv::Mat& background, double cellShare)
{
    if (grid.empty() || background.empty())
        return std::nullopt;
    cv::Mat share;
    background.convertTo(share, CV_32F, 1.0 / 255.0);
    cv::resize(share, share, grid.size(), 0, 0, cv::INTER_AREA);
    cv::Mat cells = share > cellShare;
    if (cv::countNonZero(cells) < 2)
        cells = share > 0.5 * cellShare;
    const int n = cv::countNonZero(cells);
    if (n == 0)
        return std::nullopt;
    const int channels = grid.channels();
    std::vector<double> sum(size_t(channels), 0.0);
    for (int r = 0; r < grid.rows; ++r) {
        const float* row = grid.ptr<float>(r);
        const uchar* in = cells.ptr<uchar>(r);
        for (int c = 0; c < grid.cols; ++c)
            if (in[c])
                for (int k = 0; k < channels; ++k)
                    sum[size_t(k)] += row[size_t(c) * size_t(channels) + size_t(k)];
    }
    for (double& v : sum)
        v /= n;
    return sum;
}

/// Texture of the background with any flag set aside: local contrast, edges, long straight lines and colours.
void measureTexture(const cv::Mat& grey, const cv::Mat& mag, const cv::Mat& edges, const cv::Mat& lab,
                    const cv::Mat& texture, const BackgroundConfig& c, BackgroundValues& v)
{
    const int nTexture = cv::countNonZero(texture);
    v.textureShare = double(nTexture) / double(grey.total());
    if (!(v.textureShare > c.minTextureShare))
        return;
    // Local contrast relative to the local brightness (mean of 21 x 21 working pixels, a box filter being far
    // cheaper than a wide Gaussian): a backdrop half in a shadow or a fall-off keeps its figure, its darker half
    // is not read as contrast.
    cv::Mat local;
    grey.convertTo(local, CV_32F);
    cv::blur(local, local, cv::Size(21, 21));
    local += 30.0;
    cv::Mat relative;
    cv::divide(mag, local, relative);
    v.textureContrast = 100.0 * cv::mean(relative, texture)[0];
    // Edges and lines keep 6 working pixels off the frame: a dark scan border or a crop's edge is no structure
    // behind the subject.
    cv::Mat inner(texture.size(), CV_8U, cv::Scalar(0));
    if (texture.cols > 12 && texture.rows > 12)
        inner(cv::Rect(6, 6, texture.cols - 12, texture.rows - 12)).setTo(255);
    const cv::Mat textureEdges = edges & texture & inner;
    v.textureEdgeDensity = double(cv::countNonZero(textureEdges)) / nTexture;
    // Long straight edges are man-made structure (columns, windows, shelves, door frames, signs); the folds of a
    // draped backdrop and the blobs of soft bokeh rarely make them.
    v.straightEdges = straightEdgeLength(textureEdges);
    v.textureClusters = colourClusters(lab, texture, nTexture);
}

BackgroundValues measureBackground(const FaceEvidence& ev, const BackgroundConfig& c)
{
    const cv::Mat person = (!ev.personMask.empty() && ev.personMask.size() == ev.bgr.size()
                            && cv::countNonZero(ev.personMask) > 0)
        ? ev.personMask
        : fallbackPersonMask(ev, ev.bgr.size(), 1.0);
    const WorkingImage w = workingImage(ev, person, c.workingLongSide);
    const BackgroundRegion region = backgroundRegion(ev, w);
    BackgroundValues v;
    v.backgroundShare = double(region.pixels) / double(w.bgr.total());
    v.otherFaces = otherFacesBehind(ev, region.grown, w.scale);
    if (region.pixels == 0)
        return v;

    cv::Mat grey, gx, gy, mag, edges;
    cv::cvtColor(w.bgr, grey, cv::COLOR_BGR2GRAY);
    cv::Scharr(grey, gx, CV_32F, 1, 0, 1.0 / 16.0);
    cv::Scharr(grey, gy, CV_32F, 0, 1, 1.0 / 16.0);
    cv::magnitude(gx, gy, mag);
    v.meanGradient = cv::mean(mag, region.background)[0];
    v.meanGrey = cv::mean(grey, region.background)[0];
    // Contrast relative to the backdrop's brightness (Weber-like, with a floor of 30 grey levels so sensor noise
    // on a dark backdrop does not count): clutter stays clutter in an under-exposed photo.
    v.relativeGradient = 100.0 * v.meanGradient / (v.meanGrey + 30.0);
    cv::Mat smooth;
    cv::GaussianBlur(grey, smooth, cv::Size(3, 3), 0.8);
    cv::Canny(smooth, edges, 60, 150, 3, true);
    v.edgeDensity = double(cv::countNonZero(edges & region.background)) / region.pixels;

    cv::Mat lab;
    cv::cvtColor(w.bgr, lab, cv::COLOR_BGR2Lab);
    const BackdropColour backdrop = backdropColour(lab, region.background, region.pixels);
    v.colourSpread = backdrop.spread;
    v.clusters = colourClusters(lab, region.background, region.pixels);
    v.skinShare = skinShareBehind(ev, lab, grey, region, backdrop.median, c.skinBackdropDistance);
    v.saturatedShare = saturatedShareBehind(lab, region, backdrop.median);

    // The flag is looked for outside a silhouette drawn from the face box alone, not the person mask: a
    // segmentation often takes the flag beside the head for part of the person, and its stripes then show only in
    // the margin around the mask.
    const cv::Mat silhouette = fallbackPersonMask(ev, w.bgr.size(), w.scale);
    const cv::Mat flag = flagMask(lab, ~silhouette, c) & region.background;
    v.flagShare = double(cv::countNonZero(flag)) / double(region.pixels);
    measureTexture(grey, mag, edges, lab, region.background & ~flag, c, v);
    if (c.useSceneProbe)
        v.scene = pooledScene(ev.sceneFeatures, region.background & ~flag, c.sceneCellShare);
    return v;
}

std::vector<EvidenceValue> evidenceOf(const BackgroundValues& v)
{
    return {
        {"background_share", v.backgroundShare},
        {"background_mean_gradient", v.meanGradient},
        {"background_mean_grey", v.meanGrey},
        {"background_relative_gradient", v.relativeGradient},
        {"background_edge_density", v.edgeDensity},
        {"background_colour_spread", v.colourSpread},
        {"background_colour_clusters", double(v.clusters)},
        {"background_saturated_share", v.saturatedShare},
        {"background_other_faces", double(v.otherFaces)},
        {"background_straight_edges", v.straightEdges},
        {"background_skin_share", v.skinShare},
        {"background_flag_share", v.flagShare},
        {"background_texture_share", v.textureShare},
        {"background_texture_edge_density", v.textureEdgeDensity},
        {"background_texture_local_contrast", v.textureContrast},
        {"background_texture_colour_clusters", double(v.textureClusters)},
        {"background_scene_clean", v.sceneClean},
    };
}

struct SubScore {
    Defect defect;
    double score;
};

/// Each defect's score (0.5 at its boundary in the config); the worst decides.
SubScore worstDefect(const BackgroundValues& v, const BackgroundConfig& c)
{
    const std::array<SubScore, 8> subs = {{
        {Defect::OtherFace, v.otherFaces > 0 ? c.otherFaceScore : 1.0},
        {Defect::People, logistic(-v.skinShare, -c.maxSkinShare, c.skinShareWidth)},
        {Defect::Edges, logistic(-v.textureEdgeDensity, -c.maxEdgeDensity, c.edgeDensityWidth)},
        {Defect::Gradient, logistic(-v.textureContrast, -c.maxRelativeGradient, c.relativeGradientWidth)},
        {Defect::Saturated, logistic(-v.saturatedShare, -c.maxSaturatedShare, c.saturatedShareWidth)},
        {Defect::Colours, logistic(-double(v.textureClusters), -c.maxColourClusters, c.colourClustersWidth)},
        {Defect::Lines, logistic(-v.straightEdges, -c.maxStraightEdges, c.straightEdgesWidth)},
        {Defect::Scene, v.sceneClean >= 0 ? v.sceneClean : 1.0},
    }};
    return *std::min_element(subs.begin(), subs.end(),
                             [](const SubScore& a, const SubScore& b) { return a.score < b.score; });
}

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("hqa::BackgroundMeasure", text, nullptr, n);
}

QString failReason(Defect defect, const BackgroundValues& v)
{
    switch (defect) {
    case Defect::OtherFace:
        return tr("%n other face(s) in the background.", v.otherFaces);
    case Defect::People:
        return tr("Other people behind the subject: %1% of the background is skin.").arg(v.skinShare * 100, 0, 'f', 0);
    case Defect::Edges:
        return tr("Busy background: %1% of it is hard edges (clutter, text or patterns).")
            .arg(v.textureEdgeDensity * 100, 0, 'f', 1);
    case Defect::Gradient:
        return tr("Textured background: local contrast of %1% of its brightness per pixel behind the subject.")
            .arg(v.textureContrast, 0, 'f', 1);
    case Defect::Saturated:
        return tr("Strongly coloured objects cover %1% of the background.").arg(v.saturatedShare * 100, 0, 'f', 0);
    case Defect::Colours:
        return tr("Colourful background: %1 distinct colour areas.").arg(v.textureClusters);
    case Defect::Lines:
        return tr("Buildings or furniture behind the subject: long straight edges (columns, windows, shelves, "
                  "signs) of %1 image widths.")
            .arg(v.straightEdges, 0, 'f', 1);
    case Defect::Scene:
        return tr("The background looks like a place, not a backdrop (a room, a street, a crowd or a building, even "
                  "when soft): a pretrained network's view of it rates it %1% clean.")
            .arg(v.sceneClean * 100, 0, 'f', 0);
    }
    return {};
}

QString passReason(const BackgroundValues& v)
{
    QString reason = tr("Clean background: %1% of it on an edge, local contrast %2% of its brightness.")
                         .arg(v.textureEdgeDensity * 100, 0, 'f', 1)
                         .arg(v.textureContrast, 0, 'f', 1);
    if (v.flagShare >= 0.05)
        reason += QLatin1Char(' ')
            + tr("A flag covers %1% of it (counted as clean).").arg(v.flagShare * 100, 0, 'f', 0);
    if (v.sceneClean >= 0)
        reason += QLatin1Char(' ')
            + tr("A pretrained network's view of it rates it %1% clean.").arg(v.sceneClean * 100, 0, 'f', 0);
    return reason;
}

} // namespace

MeasureResult BackgroundMeasure::evaluate(const FaceEvidence& ev) const
{
    MeasureResult result;
    if (!ev.hasFace() || ev.bgr.empty())
        return result;
    const BackgroundConfig& c = m_config;
    BackgroundValues v = measureBackground(ev, c);
    QString sceneProblem;
    if (v.scene && m_sceneProbe.fits(v.scene->size()))
        v.sceneClean = m_sceneProbe.probability(*v.scene);
    else if (v.scene)
        sceneProblem = tr("background scene model gives %1 features, its probe reads %2: hand measures only")
                           .arg(v.scene->size())
                           .arg(m_sceneProbe.mean.size());
    result.evidence = evidenceOf(v);
    if (v.backgroundShare < c.minBackgroundShare && v.otherFaces == 0) {
        // A tight crop with hardly any background: nothing there can distract.
        result.score = c.tightCropScore;
        result.passReason =
            tr("Hardly any background visible (%1% of the frame).").arg(v.backgroundShare * 100, 0, 'f', 0);
        result.failReason = result.passReason;
        return result;
    }
    const SubScore worst = worstDefect(v, c);
    result.score = worst.score;
    result.failReason = failReason(worst.defect, v);
    result.passReason = passReason(v);
    if (!sceneProblem.isEmpty()) {
        result.failReason += QStringLiteral(" (%1)").arg(sceneProblem);
        result.passReason += QStringLiteral(" (%1)").arg(sceneProblem);
    }
    return result;
}

std::optional<std::vector<double>> backgroundSceneFeatures(const FaceEvidence& ev, const BackgroundConfig& config)
{
    if (!ev.hasFace() || ev.bgr.empty() || ev.sceneFeatures.empty())
        return std::nullopt;
    BackgroundConfig c = config;
    c.useSceneProbe = true;
    return measureBackground(ev, c).scene;
}

std::unique_ptr<Measure> makeBackgroundMeasure() { return std::make_unique<BackgroundMeasure>(); }

} // namespace hqa::core
