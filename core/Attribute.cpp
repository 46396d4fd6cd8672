#include "Attribute.h"

#include <QCoreApplication>

namespace hqa::core {

std::optional<Attribute> attributeFromKey(std::string_view key)
{
    for (Attribute a : kAllAttributes)
        if (attributeKey(a) == key)
            return a;
    return std::nullopt;
}

QString attributeName(Attribute a)
{
    switch (a) {
    case Attribute::Lighting:
        return QCoreApplication::translate("hqa::Attribute", "Lighting even and frontal");
    case Attribute::Background:
        return QCoreApplication::translate("hqa::Attribute", "Background clean");
    case Attribute::Attire:
        return QCoreApplication::translate("hqa::Attribute", "Business attire visible");
    case Attribute::Expression:
        return QCoreApplication::translate("hqa::Attribute", "Neutral professional expression");
    case Attribute::Framing:
        return QCoreApplication::translate("hqa::Attribute", "Face framed and centred");
    case Attribute::Sharpness:
        return QCoreApplication::translate("hqa::Attribute", "Image sharp");
    }
    return {};
}

} // namespace hqa::core
