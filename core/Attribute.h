#pragma once
// The six headshot attributes, always in this order (it fixes the label string).

#include <QString>

#include <array>
#include <optional>
#include <string_view>

namespace hqa::core {

enum class Attribute : int { Lighting = 0, Background, Attire, Expression, Framing, Sharpness };

inline constexpr int kAttributeCount = 6;

inline constexpr std::array<Attribute, kAttributeCount> kAllAttributes = {Attribute::Lighting, Attribute::Background,
                                                                          Attribute::Attire,   Attribute::Expression,
                                                                          Attribute::Framing,  Attribute::Sharpness};

inline constexpr std::array<std::string_view, kAttributeCount> kAttributeKeys = {
    "lighting", "background", "attire", "expression", "framing", "sharpness"};

constexpr int index(Attribute a) { return static_cast<int>(a); }
constexpr std::string_view attributeKey(Attribute a) { return kAttributeKeys[static_cast<size_t>(a)]; }

/// Parses a key such as "lighting"; nullopt for anything else.
std::optional<Attribute> attributeFromKey(std::string_view key);

/// Human-readable, translatable name, e.g. "Lighting even and frontal".
QString attributeName(Attribute a);

} // namespace hqa::core
