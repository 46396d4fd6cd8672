#pragma once
// A photographer's culling marks beside the six verdicts, as Lightroom, Bridge, darktable and digiKam keep them:
// a pick flag (pick / reject / none), 0-5 stars and a colour label. Stored in the project (schema v3) and
// written to and read from XMP sidecars.

#include <QString>

#include <optional>

namespace hqa::core {

/// Pick state: Accept is Lightroom's "pick" (digiKam "accepted"), Reject its "reject".
enum class PickFlag { None, Accept, Reject };

/// Colour labels, in Lightroom's order (its keys 6-9 and the fifth, purple, without a key).
enum class ColourLabel { None, Red, Yellow, Green, Blue, Purple };

inline constexpr int kMaxStars = 5;

struct CullMarks {
    PickFlag flag = PickFlag::None;
    int stars = 0; ///< 0..kMaxStars
    ColourLabel colour = ColourLabel::None;

    bool isEmpty() const { return flag == PickFlag::None && stars == 0 && colour == ColourLabel::None; }
    bool operator==(const CullMarks& o) const { return flag == o.flag && stars == o.stars && colour == o.colour; }
    bool operator!=(const CullMarks& o) const { return !(*this == o); }
};

/// Stable keys, as stored in the project and accepted on the command line: "pick", "reject", "none".
inline QString pickFlagKey(PickFlag f)
{
    switch (f) {
    case PickFlag::Accept:
        return QStringLiteral("pick");
    case PickFlag::Reject:
        return QStringLiteral("reject");
    case PickFlag::None:
        break;
    }
    return QStringLiteral("none");
}

inline std::optional<PickFlag> pickFlagFromKey(const QString& key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("pick") || k == QLatin1String("picked") || k == QLatin1String("accept"))
        return PickFlag::Accept;
    if (k == QLatin1String("reject") || k == QLatin1String("rejected"))
        return PickFlag::Reject;
    if (k == QLatin1String("none") || k == QLatin1String("unflag") || k == QLatin1String("unflagged") || k.isEmpty())
        return PickFlag::None;
    return std::nullopt;
}

/// Stable keys: "red", "yellow", "green", "blue", "purple", "" for none.
inline QString colourLabelKey(ColourLabel c)
{
    switch (c) {
    case ColourLabel::Red:
        return QStringLiteral("red");
    case ColourLabel::Yellow:
        return QStringLiteral("yellow");
    case ColourLabel::Green:
        return QStringLiteral("green");
    case ColourLabel::Blue:
        return QStringLiteral("blue");
    case ColourLabel::Purple:
        return QStringLiteral("purple");
    case ColourLabel::None:
        break;
    }
    return QString();
}

/// Case-insensitive; also reads xmp:Label as Lightroom and Bridge write it ("Red", ..., "Purple"). Empty or "none"
/// is ColourLabel::None; an unknown name is nullopt.
inline std::optional<ColourLabel> colourLabelFromKey(const QString& key)
{
    const QString k = key.trimmed().toLower();
    if (k.isEmpty() || k == QLatin1String("none"))
        return ColourLabel::None;
    for (ColourLabel c :
         {ColourLabel::Red, ColourLabel::Yellow, ColourLabel::Green, ColourLabel::Blue, ColourLabel::Purple})
        if (k == colourLabelKey(c))
            return c;
    if (k == QLatin1String("magenta")) // darktable's name for its fifth label
        return ColourLabel::Purple;
    return std::nullopt;
}

} // namespace hqa::core
