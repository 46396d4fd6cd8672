#pragma once
// Photos of one sitting (one person photographed over a short time) grouped automatically, each group's best
// first. Two photos are linked when their faces, aligned on the eyes, look alike and the head-and-shoulders
// colours match (same person, same clothes, same light and backdrop) and they were taken close in time; or when
// they are near-identical whatever their times (a copy, a re-export, a burst). Links are joined transitively, so a
// sitting in which the head turns bit by bit stays one group.

#include "core/Assessment.h"
#include "core/eval/LabelFile.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace hqa::core {

/// When a photo was taken, and whether the camera said so (EXIF) or the file system did (modification time).
struct CaptureTime {
    QDateTime time; ///< invalid when unknown
    bool fromExif = false;
};

/// EXIF DateTimeOriginal (else DateTimeDigitized, else IFD0 DateTime) of a JPEG (APP1) or TIFF file, from the first
/// bytes of the file (64 KiB are plenty); nullopt when there is none. Bounds-checked: any bytes are safe. The time
/// is read as local time without a zone (cameras rarely record one): only differences between photos matter.
std::optional<QDateTime> exifCaptureTime(const QByteArray& fileStart);
/// The EXIF time when the file has one, else its modification time.
CaptureTime photoCaptureTime(const QString& path);

/// Size of the aligned grey face (pixels): x from one inter-eye distance left of the eye midpoint to one right,
/// y from one above to 5/3 below (the chin), 12 pixels per inter-eye distance.
inline constexpr int kSittingFaceWidth = 24;
inline constexpr int kSittingFaceHeight = 32;

/// What the grouping looks at in one photo, computed once from its pixels and its face geometry.
struct SittingFeatures {
    bool valid = false; ///< the image could be decoded
    bool faceAligned = false; ///< features taken on the eyes; false: whole-image features (near-identical links only)
    CaptureTime time;
    std::uint64_t hash = 0; ///< DCT hash (64 bits) of the aligned face, or of the whole image
    std::vector<float> face; ///< kSittingFaceWidth x kSittingFaceHeight grey, zero mean and unit norm
    std::vector<float> shape; ///< gradient-orientation histograms of the aligned face (HOG cells), unit norm
    /// Colour histograms (CIELAB bins) stored as square roots, so that the Bhattacharyya coefficient of two photos is
    /// a dot product: of the head and shoulders (hair, clothes, backdrop) and of the face alone (skin, light).
    std::vector<float> colour;
    std::vector<float> skin;
};

/// Features of a decoded image (CV_8UC3); `face` is in the image's own pixel coordinates (nullopt: no face).
SittingFeatures sittingFeatures(const cv::Mat& bgr, const std::optional<FaceGeometry>& face);
/// Decodes the file (at a reduced size that keeps the face at least ~40 px between the eyes), takes its capture
/// time and computes its features; `face` is in original-image pixels, as Assessment::face. valid=false when the
/// file cannot be decoded.
SittingFeatures sittingFeaturesForFile(const QString& path, const std::optional<FaceGeometry>& face);

/// How alike two photos are: normalised correlation of the aligned faces (-1..1), cosine of their gradient shapes,
/// Bhattacharyya coefficients of the colour histograms (0..1), differing hash bits, and the time between them when
/// both times are known.
struct SittingSimilarity {
    double face = -1.0;
    double shape = 0.0;
    double colour = 0.0;
    double skin = 0.0;
    int hashBits = 64;
    std::optional<qint64> gapSeconds;
};
SittingSimilarity compareSittingFeatures(const SittingFeatures& a, const SittingFeatures& b);

struct SittingOptions {
    /// Photos further apart in time are different sittings (unless near-identical). Both times must come from the
    /// same source (EXIF or file times) to be compared; otherwise time neither links nor separates.
    qint64 maxGapSeconds = 30 * 60;
    /// Same sitting: aligned faces correlate at least this much, their gradient shapes too, AND the head-and-shoulders
    /// and face colours match at least this much (all four; measured on franck's frames against 215 people, see
    /// benchmarks/sittings/README.md).
    double minFaceCorrelation = 0.88;
    double minShapeSimilarity = 0.80;
    double minColourSimilarity = 0.95;
    double minSkinSimilarity = 0.90;
    /// Near-identical (a copy, a re-export, a smaller version): at most this many differing hash bits, the faces (or
    /// whole images) correlate this much and their gradient shapes match this much. A re-saved copy at 80% size and
    /// JPEG quality 70 measures 2 bits, 0.992 and 0.976; two shots of one sitting with the head barely moved 4 bits,
    /// 0.975 and 0.959 (tst_sitting_groups).
    int maxIdenticalHashBits = 3;
    double minIdenticalCorrelation = 0.985;
    double minIdenticalShape = 0.965;
    /// Threads for the features; 0: one per core.
    int threads = 0;
};

enum class SittingLink { None, SameSitting, NearIdentical };
SittingLink sittingLink(const SittingFeatures& a, const SittingFeatures& b, const SittingOptions& options = {});

/// How a photo ranks within its sitting: most passing verdicts first, then eyes open, then expression.
struct SittingQuality {
    int passes = 0; ///< verdicts that pass (effective label)
    double eyesOpen = 0.0; ///< 0..1 from the expression measure's eye aspect ratio (1: clearly open); 0.5 unknown
    double expression = 0.0; ///< the expression verdict's score, 0..1
    double scoreSum = 0.0; ///< the six scores summed: the last tie-break
};
/// `label` is the effective label (corrections applied); the assessment supplies the evidence and the scores.
SittingQuality sittingQuality(const Label& label, const std::optional<Assessment>& assessment);
/// True when a should be shown before b in its sitting.
bool rankedBefore(const SittingQuality& a, const SittingQuality& b);

/// One sitting: indices into the caller's photos, best first.
struct SittingGroup {
    std::vector<int> members;
    int best() const { return members.empty() ? -1 : members.front(); }
};

/// Groups photos from their features. Groups come in the order of their first photo in the input; members best
/// first (ties keep the input order). qualities may be empty (members then keep the input order).
std::vector<SittingGroup> groupSittings(const std::vector<SittingFeatures>& features,
                                        const std::vector<SittingQuality>& qualities,
                                        const SittingOptions& options = {});

/// One photo for the whole pipeline.
struct SittingPhoto {
    QString path;
    std::optional<Assessment> assessment; ///< face geometry, verdicts and their evidence
    std::optional<Label> label; ///< effective verdicts; nullopt: the assessment's own
};

struct SittingResult {
    std::vector<SittingGroup> groups;
    std::vector<SittingFeatures> features;
    double featuresMs = 0, groupingMs = 0;
};

/// Features (in parallel), qualities and groups of a set of photos.
SittingResult groupPhotoSittings(const std::vector<SittingPhoto>& photos, const SittingOptions& options = {});

/// Features of many files in parallel (options.threads); faces[i] belongs to paths[i] (may be shorter: no face).
std::vector<SittingFeatures> sittingFeaturesForFiles(const std::vector<QString>& paths,
                                                     const std::vector<std::optional<FaceGeometry>>& faces,
                                                     int threads = 0);

} // namespace hqa::core
