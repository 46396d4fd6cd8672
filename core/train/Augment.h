#pragma once
// Programmatic variants with reliable labels, the card's way: from a photo that passes an attribute, make
// copies that break exactly that attribute in a known way (framing, sharpness, lighting, background). The
// broken attribute's label is 0 by construction; the others keep the source's label, except where a variant
// could plausibly change them too - those become unknown ('-') rather than a guess.

#include "core/Error.h"
#include "core/eval/LabelFile.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <opencv2/core/mat.hpp>

namespace hqa::core {

struct FaceGeometry;

struct AugmentOptions {
    std::uint64_t seed = 1;
    /// Variant names to make (empty: all); see augmentVariantNames().
    QStringList variants;
    int jpegQuality = 92; ///< for the written variants (heavy compression uses its own)
};

/// Every variant name, e.g. "framing_push_left", "sharpness_defocus", "lighting_under", "background_clutter".
QStringList augmentVariantNames();
/// The attribute a variant breaks.
Attribute augmentVariantAttribute(const QString& variant);

struct AugmentReport {
    int sources = 0; ///< rows read
    int usedSources = 0; ///< rows that yielded at least one variant
    int variants = 0; ///< images written
    QStringList skipped; ///< "file: why" for rows that yielded nothing
};

/// Makes one variant of an image with known face geometry (image coordinates) and person mask (CV_8U, may be
/// empty: background variants then skip). Returns an empty Mat when the variant cannot be made from this image.
cv::Mat makeVariant(const QString& variant, const cv::Mat& bgr, const FaceGeometry& face, const cv::Mat& personMask,
                    std::uint64_t seed);

/// Reads sourceLabels, writes variants and outDir/labels.csv (file,label,group,source,variant), where group is
/// the source photo so a split keeps a photo and its variants together. Sources are never overwritten.
/// progress(done, total) returns false to cancel.
Expected<AugmentReport> augmentDataset(const QString& sourceLabels, const QString& outDir,
                                       const AugmentOptions& options,
                                       const std::function<bool(int, int)>& progress = {});

} // namespace hqa::core
