#pragma once
// The one result type every engine returns (analysis measures, Swin-Tiny network, fusion), so the UI, CLI,
// store and metrics never care which engine ran.

#include "Attribute.h"
#include "Error.h"

#include <QString>
#include <opencv2/core/types.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace hqa::core {

/// Engine names, as stored in projects, model files, settings and verdict sources (constant-initialised, so that
/// static objects of any translation unit may use them).
inline constexpr QLatin1String kMeasuresEngine{"measures"};
inline constexpr QLatin1String kSwinEngine{"swin"};
inline constexpr QLatin1String kFusedEngine{"fused"};

/// One raw measured value behind a verdict, e.g. {"cheek_luminance_ratio", 2.6}. Kept separate from its
/// mapping to a score so that learned heads can use the raw values as features.
struct EvidenceValue {
    std::string name;
    double value = 0.0;
};

struct AttributeVerdict {
    bool judged = false; ///< false when the engine could not judge (e.g. no face): pass/score meaningless
    bool pass = false;
    double score = 0.0; ///< 0..1, probability-like, higher is better
    double threshold = 0.5; ///< pass == (score >= threshold)
    QString reason; ///< one sentence with the measured figure
    QString source; ///< engine that decided this attribute ("measures", "swin", ...)
    std::vector<EvidenceValue> evidence;

    std::optional<double> evidenceValue(std::string_view name) const;

    /// The one pass/fail rule of every engine and head: judged, and pass when the score reaches the threshold.
    void decide(double newScore, double newThreshold)
    {
        judged = true;
        score = newScore;
        threshold = newThreshold;
        pass = score >= threshold;
    }
};

/// Geometry of the judged (dominant) face in original image pixel coordinates.
struct FaceGeometry {
    cv::Rect2d box; ///< face box (detector's, landmark-refined)
    std::vector<cv::Point2d> landmarks; ///< 68 points (iBUG 300-W order) or empty
    double yaw = 0, pitch = 0, roll = 0; ///< degrees; yaw > 0: subject turned to the image left
    double interEyeDistance = 0; ///< pixels, between eye centres
    double eyeToChin = 0; ///< "T": eye midpoint to chin, pixels
    cv::Point2d eyeLeft, eyeRight; ///< eye centres, image-left and image-right
    cv::Point2d chin;
    double headTopY = 0; ///< estimated top of the head (hair), may be < 0 when cut off
    double detectionConfidence = 0;
};

struct Timings {
    double decodeMs = 0, faceMs = 0, maskMs = 0, measuresMs = 0, modelMs = 0;
};

struct Assessment {
    QString file; ///< path as given by the caller
    std::optional<Error> error; ///< set when the image could not be assessed
    QString engine = kMeasuresEngine;
    QString modelVersion; ///< engine/model version string, for the store and corrections
    int faceCount = 0;
    cv::Size imageSize; ///< oriented size of the original image
    std::array<AttributeVerdict, kAttributeCount> verdicts;
    std::optional<FaceGeometry> face;
    double elapsedMs = 0;
    Timings timings;

    bool ok() const { return !error.has_value(); }
    AttributeVerdict& verdict(Attribute a) { return verdicts[static_cast<size_t>(a)]; }
    const AttributeVerdict& verdict(Attribute a) const { return verdicts[static_cast<size_t>(a)]; }
    /// Six chars of '1' (pass) / '0' (fail) / '-' (not judged), in attribute order.
    std::string label() const;
    /// Number of judged attributes that fail.
    int failingCount() const;
};

} // namespace hqa::core
