#pragma once
// One face of a group (a frame of a video, a photo of a shoot) with everything the selection methods look at:
// the paper's features (brightness, face area, sharpness, pose) and the product's six attribute scores.

#include "core/Assessment.h"
#include "core/Attribute.h"

#include <QString>

#include <array>
#include <optional>
#include <string_view>
#include <vector>

namespace hqa::core {

/// Every value a selection method or a filter stage can use. The first six are the paper's features.
enum class SelectFeature : int {
    Brightness = 0, ///< mean HSV V over the face, percent (higher is better)
    Area, ///< face box area, square pixels of the original image (higher is better)
    Sharpness, ///< the product's sharpness measure score, 0..1 (higher is better)
    Yaw, ///< |yaw| in degrees (lower is better)
    Pitch, ///< |pitch| in degrees (lower is better)
    Roll, ///< |roll| in degrees (lower is better)
    Lighting, ///< attribute scores 0..1 (higher is better)
    Background,
    Attire,
    Expression,
    Framing,
    EyeOpen, ///< smaller eye's lid gap / eye-to-chin distance (higher is better)
    MouthOpen, ///< inner-lip gap / eye-to-chin distance (lower is better)
};
inline constexpr int kSelectFeatureCount = 13;

/// Stable key used in configuration files and JSON output ("brightness", "yaw", "expression", ...).
std::string_view selectFeatureKey(SelectFeature f);
std::optional<SelectFeature> selectFeatureFromKey(std::string_view key);
bool higherIsBetter(SelectFeature f);

struct FaceCandidate {
    QString source; ///< file path, or the video path
    int frameIndex = -1; ///< video frame number, -1 for photos
    double timeSeconds = -1;
    int track = -1; ///< video track id, -1 for photos
    cv::Size imageSize; ///< original frame or photo size
    FaceGeometry geometry; ///< original pixel coordinates
    bool landmarksValid = false;

    double brightness = 0; ///< percent
    double area = 0; ///< square pixels
    std::array<double, kAttributeCount> attributeScores{}; ///< six measure scores, attribute order
    std::array<bool, kAttributeCount> attributePass{};
    std::array<QString, kAttributeCount> attributeReasons;
    double eyeOpen = 0, mouthOpen = 0;

    double feature(SelectFeature f) const;
    /// "franck.mp4@1234" or the file name, for listings.
    QString label() const;
};

} // namespace hqa::core
