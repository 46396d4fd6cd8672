#include "core/select/FaceCandidate.h"

#include <QFileInfo>

#include <cmath>

namespace hqa::core {

namespace {

constexpr std::array<std::string_view, kSelectFeatureCount> kKeys = {
    "brightness", "area",   "sharpness",  "yaw",     "pitch",    "roll",      "lighting",
    "background", "attire", "expression", "framing", "eye_open", "mouth_open"};

} // namespace

std::string_view selectFeatureKey(SelectFeature f) { return kKeys[static_cast<size_t>(f)]; }

std::optional<SelectFeature> selectFeatureFromKey(std::string_view key)
{
    for (int i = 0; i < kSelectFeatureCount; ++i)
        if (kKeys[i] == key)
            return static_cast<SelectFeature>(i);
    return std::nullopt;
}

bool higherIsBetter(SelectFeature f)
{
    switch (f) {
    case SelectFeature::Yaw:
    case SelectFeature::Pitch:
    case SelectFeature::Roll:
    case SelectFeature::MouthOpen:
        return false;
    default:
        return true;
    }
}

double FaceCandidate::feature(SelectFeature f) const
{
    switch (f) {
    case SelectFeature::Brightness:
        return brightness;
    case SelectFeature::Area:
        return area;
    case SelectFeature::Sharpness:
        return attributeScores[index(Attribute::Sharpness)];
    case SelectFeature::Yaw:
        return std::abs(geometry.yaw);
    case SelectFeature::Pitch:
        return std::abs(geometry.pitch);
    case SelectFeature::Roll:
        return std::abs(geometry.roll);
    case SelectFeature::Lighting:
        return attributeScores[index(Attribute::Lighting)];
    case SelectFeature::Background:
        return attributeScores[index(Attribute::Background)];
    case SelectFeature::Attire:
        return attributeScores[index(Attribute::Attire)];
    case SelectFeature::Expression:
        return attributeScores[index(Attribute::Expression)];
    case SelectFeature::Framing:
        return attributeScores[index(Attribute::Framing)];
    case SelectFeature::EyeOpen:
        return eyeOpen;
    case SelectFeature::MouthOpen:
        return mouthOpen;
    }
    return 0.0;
}

QString FaceCandidate::label() const
{
    const QString name = QFileInfo(source).fileName();
    return frameIndex >= 0 ? QStringLiteral("%1@%2").arg(name).arg(frameIndex) : name;
}

} // namespace hqa::core
