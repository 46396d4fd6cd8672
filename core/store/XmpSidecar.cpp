#include "XmpSidecar.h"

#include "core/AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <exiv2/error.hpp>
#include <exiv2/properties.hpp>
#include <exiv2/xmp_exiv2.hpp>

#include <algorithm>
#include <mutex>
#include <vector>

namespace hqa::core {

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::XmpSidecar", s); }

// The XMP toolkit is initialised once and registers namespaces under a lock; the product's own calls are
// serialised too, since exporting is never the bottleneck and exiv2's thread safety varies between versions.
std::mutex& toolkitMutex()
{
    static std::mutex m;
    return m;
}

void lockUnlock(void*, bool lock)
{
    static std::recursive_mutex registry;
    lock ? registry.lock() : registry.unlock();
}

void ensureToolkit()
{
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute); // errors reach the caller as typed errors, not as stderr noise
        Exiv2::XmpParser::initialize(lockUnlock, nullptr);
        Exiv2::XmpProperties::registerNs(kXmpNamespace, "hqa");
    });
}

// Shared flag properties, and where the product records the value it wrote into each (so that a value a person
// set later in another tool is recognised as theirs).
struct SharedProperty {
    const char* key;
    const char* writtenKey;
};
constexpr SharedProperty kRating{"Xmp.xmp.Rating", "Xmp.hqa.writtenRating"};
constexpr SharedProperty kColourLabel{"Xmp.xmp.Label", "Xmp.hqa.writtenLabel"};
constexpr SharedProperty kPickLabel{"Xmp.digiKam.PickLabel", "Xmp.hqa.writtenPickLabel"};

std::optional<std::string> valueOf(const Exiv2::XmpData& xmp, const char* key)
{
    const auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it == xmp.end())
        return std::nullopt;
    return it->toString();
}

void erase(Exiv2::XmpData& xmp, const char* key)
{
    const auto it = xmp.findKey(Exiv2::XmpKey(key));
    if (it != xmp.end())
        xmp.erase(it);
}

/// Writes `wanted` into a shared property unless a person or another tool set it: the property may change when it
/// is absent, when it still holds what the product wrote last time, or when overwriting was asked for.
void updateShared(Exiv2::XmpData& xmp, const SharedProperty& p, const std::optional<std::string>& wanted,
                  bool overwrite)
{
    const auto current = valueOf(xmp, p.key);
    const auto written = valueOf(xmp, p.writtenKey);
    const bool ours = !current || (written && *written == *current);
    if (!ours && !overwrite) {
        erase(xmp, p.writtenKey); // the property is theirs now
        return;
    }
    if (wanted) {
        xmp[p.key] = *wanted;
        xmp[p.writtenKey] = *wanted;
    } else {
        if (current)
            erase(xmp, p.key); // a flag the product set for a verdict that no longer holds
        erase(xmp, p.writtenKey);
    }
}

std::optional<std::string> intText(const std::optional<int>& v)
{
    return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
}

std::optional<int> intValue(const std::optional<std::string>& text)
{
    if (!text)
        return std::nullopt;
    bool ok = false;
    const int v = QString::fromStdString(*text).trimmed().toInt(&ok);
    return ok ? std::optional<int>(v) : std::nullopt;
}

/// A comparable form of the properties: two packets that say the same thing compare equal, whatever their layout.
std::vector<std::pair<std::string, std::string>> snapshot(const Exiv2::XmpData& xmp)
{
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& d : xmp)
        out.emplace_back(d.key(), d.toString());
    std::sort(out.begin(), out.end());
    return out;
}

Error unreadable(const QString& what, const QString& why)
{
    return makeError(ErrorCode::Unreadable, tr("%1 is not a readable XMP sidecar: %2").arg(what, why));
}

} // namespace

PickFlag pickFlagFor(const Label& label)
{
    bool allPass = true;
    for (auto v : label) {
        if (v == 0)
            return PickFlag::Reject;
        allPass = allPass && v == 1;
    }
    return allPass ? PickFlag::Accept : PickFlag::None;
}

XmpFlags flagsForVerdicts(const Label& label)
{
    XmpFlags f;
    switch (pickFlagFor(label)) {
    case PickFlag::Reject:
        f.rating = -1; // the reject flag darktable and Lightroom read
        f.colourLabel = QStringLiteral("Red");
        f.pickLabel = 1;
        break;
    case PickFlag::Accept: // a pass does not invent a star rating
        f.colourLabel = QStringLiteral("Green");
        f.pickLabel = 3;
        break;
    case PickFlag::None:
        break;
    }
    return f;
}

XmpFlags flagsForMarks(const CullMarks& marks)
{
    XmpFlags f;
    if (marks.stars > 0)
        f.rating = std::min(marks.stars, kMaxStars);
    switch (marks.flag) {
    case PickFlag::Reject:
        f.rating = -1; // darktable and Lightroom read a reject from the rating; the stars are kept in the project
        f.pickLabel = 1;
        break;
    case PickFlag::Accept:
        f.pickLabel = 3;
        break;
    case PickFlag::None:
        break;
    }
    if (marks.colour != ColourLabel::None) {
        const QString key = colourLabelKey(marks.colour);
        f.colourLabel = key.left(1).toUpper() + key.mid(1); // "Red", as Lightroom and Bridge write it
    }
    return f;
}

CullMarks marksFromXmpFlags(const XmpFlags& flags, const CullMarks& current)
{
    CullMarks m = current;
    if (flags.pickLabel)
        m.flag = *flags.pickLabel == 1 ? PickFlag::Reject : *flags.pickLabel == 3 ? PickFlag::Accept : PickFlag::None;
    else if (flags.rating && *flags.rating < 0)
        m.flag = PickFlag::Reject;
    else if (flags.rating && m.flag == PickFlag::Reject)
        m.flag = PickFlag::None; // rated again in a tool that marks rejects by the rating alone
    if (flags.rating && *flags.rating >= 0)
        m.stars = std::min(*flags.rating, kMaxStars);
    const QString label = flags.colourLabel.trimmed();
    if (label.isEmpty())
        return m;
    if (auto c = colourLabelFromKey(label)) {
        m.colour = *c;
    } else {
        // Bridge's default names for its five labels, red to purple.
        const char* const bridge[] = {"Select", "Second", "Approved", "Review", "To Do"};
        for (int i = 0; i < 5; ++i)
            if (label.compare(QLatin1String(bridge[i]), Qt::CaseInsensitive) == 0)
                m.colour = static_cast<ColourLabel>(i + 1);
    }
    return m;
}

QString xmpSidecarPath(const QString& photoPath, SidecarNaming naming)
{
    if (naming == SidecarNaming::FullName)
        return photoPath + QStringLiteral(".xmp");
    const QFileInfo info(photoPath); // only the last extension goes: a.b.jpg -> a.b.xmp, as Lightroom names it
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".xmp"));
}

Expected<QByteArray> mergeXmpSidecar(const QByteArray& existing, const XmpVerdicts& verdicts,
                                     const XmpWriteOptions& options)
{
    ensureToolkit();
    const std::lock_guard guard(toolkitMutex());
    try {
        Exiv2::XmpData xmp;
        if (!existing.trimmed().isEmpty() && Exiv2::XmpParser::decode(xmp, existing.toStdString()) != 0)
            return unreadable(tr("the existing sidecar"), tr("the XMP parser rejected it"));

        const auto before = snapshot(xmp);
        const bool fromMarks = verdicts.marks && !verdicts.marks->isEmpty();
        const XmpFlags flags = fromMarks ? flagsForMarks(*verdicts.marks) : flagsForVerdicts(verdicts.label);
        updateShared(xmp, kRating, intText(flags.rating), options.overwriteFlags);
        updateShared(xmp, kColourLabel,
                     flags.colourLabel.isEmpty() ? std::nullopt : std::optional(flags.colourLabel.toStdString()),
                     options.overwriteFlags);
        updateShared(xmp, kPickLabel, intText(flags.pickLabel), options.overwriteFlags);

        // What the flags the product wrote stand for: a reviewer's marks are read back by project import-xmp, flags
        // derived from the verdicts are not.
        xmp["Xmp.hqa.flagsFrom"] = std::string(fromMarks ? "marks" : "verdicts");
        xmp["Xmp.hqa.label"] = labelToString(verdicts.label).toStdString();
        for (int i = 0; i < kAttributeCount; ++i) {
            const auto key = kAttributeKeys[i];
            const char* value = verdicts.label[i] < 0 ? "unknown" : verdicts.label[i] ? "pass" : "fail";
            xmp["Xmp.hqa." + std::string(key)] = std::string(value);
        }
        const std::pair<const char*, const QString*> optional[] = {{"Xmp.hqa.source", &verdicts.source},
                                                                   {"Xmp.hqa.engine", &verdicts.engine},
                                                                   {"Xmp.hqa.modelVersion", &verdicts.modelVersion}};
        for (const auto& [key, value] : optional) {
            if (value->isEmpty())
                erase(xmp, key);
            else
                xmp[key] = value->toStdString();
        }

        // A second export that changes nothing returns the sidecar as it is: the toolkit's layout may differ from
        // the other tool's, and rewriting it would touch bytes no property asked to change.
        if (!existing.trimmed().isEmpty() && snapshot(xmp) == before)
            return existing;
        std::string packet;
        if (Exiv2::XmpParser::encode(packet, xmp,
                                     Exiv2::XmpParser::omitPacketWrapper | Exiv2::XmpParser::useCompactFormat)
            != 0)
            return makeError(ErrorCode::InvalidArgument, tr("the XMP toolkit could not write the sidecar"));
        // The XML declaration the sidecars of darktable, digiKam and exiv2 itself start with.
        return QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") + QByteArray::fromStdString(packet);
    } catch (const Exiv2::AnyError& e) {
        return unreadable(tr("the existing sidecar"), QString::fromLocal8Bit(e.what()));
    }
}

std::optional<Error> writeXmpSidecar(const QString& photoPath, const XmpVerdicts& verdicts,
                                     const XmpWriteOptions& options)
{
    const QString path = xmpSidecarPath(photoPath, options.naming);
    QByteArray existing;
    if (QFile::exists(path)) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(path, f.errorString()));
        existing = f.readAll();
    }
    auto merged = mergeXmpSidecar(existing, verdicts, options);
    if (!merged) {
        Error e = merged.error();
        e.detail = tr("%1: %2; left unchanged").arg(path, e.detail);
        return e;
    }
    if (*merged == existing)
        return std::nullopt; // nothing changed: leave the file (and its time stamp) alone
    // Not QSaveFile alone: its commit() renamed a truncated file over the sidecar on a full disk (AtomicFile.h).
    if (auto failure = replaceFileContents(path, *merged))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, *failure));
    return std::nullopt;
}

Expected<XmpSidecarContent> readXmpSidecar(const QString& sidecarPath)
{
    QFile f(sidecarPath);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(sidecarPath, f.errorString()));
    const QByteArray bytes = f.readAll();
    ensureToolkit();
    const std::lock_guard guard(toolkitMutex());
    try {
        Exiv2::XmpData xmp;
        if (Exiv2::XmpParser::decode(xmp, bytes.toStdString()) != 0)
            return unreadable(sidecarPath, tr("the XMP parser rejected it"));
        XmpSidecarContent c;
        c.flags.rating = intValue(valueOf(xmp, kRating.key));
        if (const auto label = valueOf(xmp, kColourLabel.key))
            c.flags.colourLabel = QString::fromStdString(*label);
        c.flags.pickLabel = intValue(valueOf(xmp, kPickLabel.key));
        const bool ownFromVerdicts = valueOf(xmp, "Xmp.hqa.flagsFrom").value_or("verdicts") != "marks";
        const auto importable = [&](const SharedProperty& p) {
            const auto current = valueOf(xmp, p.key);
            const auto written = valueOf(xmp, p.writtenKey);
            return current && !(ownFromVerdicts && written && *written == *current);
        };
        if (importable(kRating))
            c.importable.rating = c.flags.rating;
        if (importable(kColourLabel))
            c.importable.colourLabel = c.flags.colourLabel;
        if (importable(kPickLabel))
            c.importable.pickLabel = c.flags.pickLabel;
        if (const auto label = valueOf(xmp, "Xmp.hqa.label"))
            if (auto parsed = parseLabel(QString::fromStdString(*label)))
                c.label = *parsed;
        return c;
    } catch (const Exiv2::AnyError& e) {
        return unreadable(sidecarPath, QString::fromLocal8Bit(e.what()));
    }
}

} // namespace hqa::core
