#include "Augment.h"

#include "core/Assessment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/image/ImageDecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace hqa::core {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("hqa::Augment", text); }

struct VariantSpec {
    const char* name;
    Attribute breaks;
    /// Attributes the variant may change as a side effect: written as unknown, never guessed.
    std::vector<Attribute> unknown;
};

const std::vector<VariantSpec>& specs()
{
    using A = Attribute;
    static const std::vector<VariantSpec> all = {
        {"framing_push_left", A::Framing, {}},
        {"framing_push_right", A::Framing, {}},
        {"framing_closeup", A::Framing, {A::Attire, A::Background}},
        {"framing_too_far", A::Framing, {A::Sharpness, A::Expression, A::Attire}},
        {"framing_head_cut", A::Framing, {A::Expression}},
        {"sharpness_defocus", A::Sharpness, {A::Expression}},
        {"sharpness_motion", A::Sharpness, {A::Expression}},
        {"sharpness_compression", A::Sharpness, {A::Expression, A::Background}},
        {"lighting_side_shadow", A::Lighting, {}},
        {"lighting_under", A::Lighting, {}},
        {"lighting_over", A::Lighting, {A::Attire}},
        {"lighting_colour_cast", A::Lighting, {}},
        {"background_clutter", A::Background, {}},
    };
    return all;
}

const VariantSpec* specOf(const QString& name)
{
    for (const VariantSpec& s : specs())
        if (name == QLatin1String(s.name))
            return &s;
    return nullptr;
}

/// Crops a window of the given size whose top-left is clamped into the image; empty when it does not fit.
cv::Mat cropClamped(const cv::Mat& img, cv::Rect r)
{
    r.width = std::min(r.width, img.cols);
    r.height = std::min(r.height, img.rows);
    r.x = std::clamp(r.x, 0, img.cols - r.width);
    r.y = std::clamp(r.y, 0, img.rows - r.height);
    if (r.width < 64 || r.height < 64)
        return {};
    return img(r).clone();
}

/// Moves the face sideways: a window 60% of the width placed so the face centre lands near one edge of it.
cv::Mat pushSideways(const cv::Mat& img, const FaceGeometry& f, bool left)
{
    const int w = int(img.cols * 0.6);
    const double cx = f.box.x + f.box.width / 2;
    const double wanted = left ? 0.12 : 0.88; // face centre at 12% / 88% of the window
    cv::Mat out = cropClamped(img, {int(std::lround(cx - wanted * w)), 0, w, img.rows});
    if (out.empty())
        return {};
    // The clamp can undo the push when the face already sits near the border: only keep a real push.
    const int x0 = std::clamp(int(std::lround(cx - wanted * w)), 0, img.cols - w);
    const double placed = (cx - x0) / w;
    return std::abs(placed - 0.5) >= 0.25 ? out : cv::Mat();
}

cv::Mat closeUp(const cv::Mat& img, const FaceGeometry& f)
{
    // A window about as tall as the face itself: chin and forehead at the borders, no shoulders.
    const double side = std::max(f.box.width, f.box.height) * 1.05;
    const double cx = f.box.x + f.box.width / 2, cy = f.box.y + f.box.height / 2;
    const int h = int(side), w = int(side * 0.8);
    return cropClamped(img, {int(cx - w / 2.0), int(cy - h / 2.0), w, h});
}

cv::Mat tooFar(const cv::Mat& img)
{
    // The subject becomes small and central in a canvas three times the size, its surroundings a blurred,
    // darkened mirror of the photo: a far-away shot with plenty of empty frame.
    cv::Mat small;
    cv::resize(img, small, {}, 1.0 / 3.0, 1.0 / 3.0, cv::INTER_AREA);
    cv::Mat canvas;
    cv::copyMakeBorder(small, canvas, small.rows, small.rows, small.cols, small.cols, cv::BORDER_REFLECT);
    cv::Mat blurred;
    cv::GaussianBlur(canvas, blurred, {0, 0}, small.cols / 20.0 + 1);
    small.copyTo(blurred(cv::Rect(small.cols, small.rows, small.cols, small.rows)));
    cv::Mat out;
    cv::resize(blurred, out, img.size(), 0, 0, cv::INTER_AREA);
    return out;
}

cv::Mat headCut(const cv::Mat& img, const FaceGeometry& f)
{
    // The top edge runs through the forehead just above the eyes: the face itself is cut.
    const double eyeY = (f.eyeLeft.y + f.eyeRight.y) / 2;
    const int top = int(std::lround(eyeY - 0.25 * std::max(f.eyeToChin, 1.0)));
    if (top <= 0 || top > img.rows / 2)
        return {};
    return img(cv::Rect(0, top, img.cols, img.rows - top)).clone();
}

double eyeDistance(const FaceGeometry& f) { return f.interEyeDistance > 1 ? f.interEyeDistance : f.box.width * 0.4; }

cv::Mat defocus(const cv::Mat& img, const FaceGeometry& f)
{
    cv::Mat out;
    cv::GaussianBlur(img, out, {0, 0}, std::max(2.0, 0.12 * eyeDistance(f)));
    return out;
}

cv::Mat motionBlur(const cv::Mat& img, const FaceGeometry& f, std::mt19937_64& rng)
{
    const int length = std::max(9, int(0.6 * eyeDistance(f))) | 1; // a shake of over half the eye distance
    cv::Mat kernel = cv::Mat::zeros(length, length, CV_32F);
    const double angle = std::uniform_real_distribution<double>(0, CV_PI)(rng);
    const cv::Point2d c(length / 2.0, length / 2.0), d(std::cos(angle) * length / 2.0, std::sin(angle) * length / 2.0);
    cv::line(kernel, c - d, c + d, cv::Scalar(1.0), 1, cv::LINE_AA);
    kernel /= cv::sum(kernel)[0];
    cv::Mat out;
    cv::filter2D(img, out, -1, kernel);
    return out;
}

cv::Mat compress(const cv::Mat& img)
{
    // Blocky, smeared detail: shrink, encode at the lowest qualities, and enlarge again.
    cv::Mat small;
    cv::resize(img, small, {}, 0.5, 0.5, cv::INTER_AREA);
    std::vector<uchar> bytes;
    cv::imencode(".jpg", small, bytes, {cv::IMWRITE_JPEG_QUALITY, 3});
    cv::Mat decoded = cv::imdecode(bytes, cv::IMREAD_COLOR), out;
    cv::resize(decoded, out, img.size(), 0, 0, cv::INTER_NEAREST);
    return out;
}

cv::Mat sideShadow(const cv::Mat& img, const FaceGeometry& f, std::mt19937_64& rng)
{
    // Split lighting: a soft shadow edge down the nose, one side of the face in deep shadow (a sixth of the
    // light), the other as it was; the transition spans a third of the face width.
    const bool darkLeft = rng() % 2 == 0;
    const double cx = f.box.x + f.box.width / 2, span = std::max(f.box.width / 6, 1.0);
    cv::Mat gain(img.size(), CV_32F);
    for (int x = 0; x < img.cols; ++x) {
        const double t = std::clamp((x - cx) / span, -1.0, 1.0); // -1 left .. 1 right
        const double lit = darkLeft ? (t + 1) / 2 : (1 - t) / 2;
        gain.col(x).setTo(1.0 / 6.0 + (1.0 - 1.0 / 6.0) * lit);
    }
    cv::Mat f32, out;
    img.convertTo(f32, CV_32FC3);
    cv::Mat gain3;
    cv::merge(std::vector<cv::Mat>{gain, gain, gain}, gain3);
    cv::multiply(f32, gain3, f32);
    f32.convertTo(out, CV_8UC3);
    return out;
}

cv::Mat exposure(const cv::Mat& img, double gain)
{
    cv::Mat out;
    img.convertTo(out, CV_8UC3, gain);
    return out;
}

cv::Mat colourCast(const cv::Mat& img, std::mt19937_64& rng)
{
    // A strong tint (tungsten orange, fluorescent green or shade blue), not a white-balance nuance.
    static const std::array<cv::Scalar, 3> casts = {cv::Scalar(0.55, 0.95, 1.45), cv::Scalar(0.7, 1.3, 0.65),
                                                    cv::Scalar(1.5, 1.0, 0.6)};
    const cv::Scalar c = casts[rng() % casts.size()];
    std::vector<cv::Mat> ch;
    cv::split(img, ch);
    for (int i = 0; i < 3; ++i)
        ch[size_t(i)].convertTo(ch[size_t(i)], CV_8U, c[i]);
    cv::Mat out;
    cv::merge(ch, out);
    return out;
}

cv::Mat clutter(const cv::Mat& img, const cv::Mat& personMask, std::mt19937_64& rng)
{
    if (personMask.empty() || static_cast<size_t>(cv::countNonZero(personMask)) < img.total() / 20)
        return {};
    // Shelves, posters and objects: many saturated shapes with hard edges, drawn only behind the person.
    cv::Mat busy = img.clone();
    std::uniform_int_distribution<int> x(0, img.cols - 1), y(0, img.rows - 1), colour(0, 255);
    const int unit = std::max(4, std::min(img.cols, img.rows) / 12);
    std::uniform_int_distribution<int> size(unit / 2, unit * 2);
    for (int i = 0; i < 160; ++i) {
        const cv::Scalar c(colour(rng), colour(rng), colour(rng));
        const cv::Point p(x(rng), y(rng));
        switch (i % 3) {
        case 0:
            cv::rectangle(busy, cv::Rect(p.x, p.y, size(rng), size(rng)), c, cv::FILLED);
            break;
        case 1:
            cv::circle(busy, p, size(rng) / 2, c, cv::FILLED, cv::LINE_AA);
            break;
        default:
            cv::line(busy, p, {x(rng), y(rng)}, c, std::max(2, unit / 6), cv::LINE_AA);
        }
    }
    cv::Mat mask;
    cv::resize(personMask, mask, img.size(), 0, 0, cv::INTER_NEAREST);
    cv::Mat out = busy;
    img.copyTo(out, mask); // the person stays untouched
    return out;
}

} // namespace

QStringList augmentVariantNames()
{
    QStringList names;
    for (const VariantSpec& s : specs())
        names << QString::fromLatin1(s.name);
    return names;
}

Attribute augmentVariantAttribute(const QString& variant)
{
    const VariantSpec* s = specOf(variant);
    return s ? s->breaks : Attribute::Framing;
}

cv::Mat makeVariant(const QString& variant, const cv::Mat& bgr, const FaceGeometry& face, const cv::Mat& personMask,
                    std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const QByteArray n = variant.toLatin1();
    if (n == "framing_push_left")
        return pushSideways(bgr, face, true);
    if (n == "framing_push_right")
        return pushSideways(bgr, face, false);
    if (n == "framing_closeup")
        return closeUp(bgr, face);
    if (n == "framing_too_far")
        return tooFar(bgr);
    if (n == "framing_head_cut")
        return headCut(bgr, face);
    if (n == "sharpness_defocus")
        return defocus(bgr, face);
    if (n == "sharpness_motion")
        return motionBlur(bgr, face, rng);
    if (n == "sharpness_compression")
        return compress(bgr);
    if (n == "lighting_side_shadow")
        return sideShadow(bgr, face, rng);
    if (n == "lighting_under")
        return exposure(bgr, 0.22);
    if (n == "lighting_over")
        return exposure(bgr, 2.6);
    if (n == "lighting_colour_cast")
        return colourCast(bgr, rng);
    if (n == "background_clutter")
        return clutter(bgr, personMask, rng);
    return {};
}

Expected<AugmentReport> augmentDataset(const QString& sourceLabels, const QString& outDir,
                                       const AugmentOptions& options, const std::function<bool(int, int)>& progress)
{
    for (const QString& v : options.variants)
        if (!specOf(v))
            return Error{
                ErrorCode::InvalidArgument,
                tr("unknown variant \"%1\" (known: %2)").arg(v, augmentVariantNames().join(QStringLiteral(", ")))};
    auto source = readLabelFile(sourceLabels);
    if (!source)
        return source.error();
    const QDir out(outDir);
    if (!QDir().mkpath(out.filePath(QStringLiteral("images"))))
        return Error{ErrorCode::Io, tr("cannot create %1").arg(out.filePath(QStringLiteral("images")))};
    const QString outLabels = out.filePath(QStringLiteral("labels.csv"));
    if (QFileInfo(outLabels).canonicalFilePath() == QFileInfo(sourceLabels).canonicalFilePath())
        return Error{ErrorCode::InvalidArgument, tr("the output folder holds the source labels.csv; choose another")};

    FaceAnalyzer faces;
    if (auto e = faces.load())
        return *e;
    const QStringList wanted = options.variants.isEmpty() ? augmentVariantNames() : options.variants;

    AugmentReport report;
    LabelSet result;
    result.extraColumns = {QStringLiteral("source"), QStringLiteral("variant")};
    const int total = int(source->rows.size());
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total))
            return Error{ErrorCode::Cancelled, tr("augmentation cancelled")};
        const LabelRow& row = source->rows[size_t(i)];
        ++report.sources;
        QStringList toMake;
        for (const QString& v : wanted)
            if (row.label[size_t(index(specOf(v)->breaks))] == 1)
                toMake << v;
        if (toMake.isEmpty()) {
            report.skipped << tr("%1: passes none of the attributes to break").arg(row.file);
            continue;
        }
        DecodeOptions decode;
        decode.maxLongSide = 1600;
        auto image = decodeImageFile(row.path, decode);
        if (!image) {
            report.skipped << QStringLiteral("%1: %2").arg(row.file, image.error().detail);
            continue;
        }
        auto evidence = faces.analyze(image->bgr, 1.0);
        if (!evidence || !evidence->hasFace() || !evidence->landmarksValid) {
            report.skipped << tr("%1: no face with landmarks to place the variants by").arg(row.file);
            continue;
        }
        // Work at the analysis resolution: geometry and masks are in its coordinates.
        const cv::Mat& bgr = evidence->bgr;
        const QString group = row.group.isEmpty() ? row.file : row.group;
        const QString stem =
            QStringLiteral("%1_%2").arg(i, 5, 10, QLatin1Char('0')).arg(QFileInfo(row.file).completeBaseName());
        int made = 0;
        for (const QString& v : toMake) {
            const std::uint64_t seed = options.seed * 1000003u + std::uint64_t(i) * 131u
                + std::uint64_t(wanted.indexOf(v));
            const cv::Mat variant = makeVariant(v, bgr, evidence->geometry, evidence->personMask, seed);
            if (variant.empty())
                continue;
            const QString rel = QStringLiteral("images/%1_%2.jpg").arg(stem, v);
            if (!cv::imwrite(out.filePath(rel).toStdString(), variant, {cv::IMWRITE_JPEG_QUALITY, options.jpegQuality}))
                return Error{ErrorCode::Io, tr("cannot write %1").arg(out.filePath(rel))};
            const VariantSpec* spec = specOf(v);
            LabelRow r;
            r.file = rel;
            r.label = row.label;
            for (Attribute a : spec->unknown)
                r.label[size_t(index(a))] = -1;
            r.label[size_t(index(spec->breaks))] = 0;
            r.group = group;
            r.extra = {row.file, v};
            result.rows.push_back(r);
            ++made;
        }
        if (made == 0)
            report.skipped << tr("%1: no variant could be made (face too close to the border?)").arg(row.file);
        else
            ++report.usedSources;
        report.variants += made;
    }
    if (auto e = writeLabelFile(outLabels, result))
        return *e;
    return report;
}

} // namespace hqa::core
