#include "XmpSidecar.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QXmlStreamWriter>

namespace hqa::core {

namespace {
QString tr(const char* s) { return QCoreApplication::translate("hqa::XmpSidecar", s); }
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

QByteArray xmpSidecar(const XmpVerdicts& verdicts)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.setAutoFormattingIndent(1);
    w.writeProcessingInstruction(QStringLiteral("xpacket"),
                                 QStringLiteral("begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""));
    const QString x = QStringLiteral("adobe:ns:meta/");
    const QString rdf = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    const QString xmp = QStringLiteral("http://ns.adobe.com/xap/1.0/");
    const QString digiKam = QStringLiteral("http://www.digikam.org/ns/1.0/");
    const QString hqa = QString::fromLatin1(kXmpNamespace);
    w.writeNamespace(x, QStringLiteral("x"));
    w.writeNamespace(rdf, QStringLiteral("rdf"));
    w.writeStartElement(x, QStringLiteral("xmpmeta"));
    w.writeAttribute(x, QStringLiteral("xmptk"), QStringLiteral("headshot-qa"));
    w.writeStartElement(rdf, QStringLiteral("RDF"));
    w.writeStartElement(rdf, QStringLiteral("Description"));
    w.writeNamespace(xmp, QStringLiteral("xmp"));
    w.writeNamespace(digiKam, QStringLiteral("digiKam"));
    w.writeNamespace(hqa, QStringLiteral("hqa"));
    w.writeAttribute(rdf, QStringLiteral("about"), QString());
    const PickFlag pick = pickFlagFor(verdicts.label);
    // Rating -1 is the reject flag darktable and Lightroom read; a pass does not invent a star rating.
    if (pick == PickFlag::Reject)
        w.writeAttribute(xmp, QStringLiteral("Rating"), QStringLiteral("-1"));
    if (pick != PickFlag::None) {
        w.writeAttribute(xmp, QStringLiteral("Label"), pick == PickFlag::Accept ? QStringLiteral("Green")
                                                                                : QStringLiteral("Red"));
        w.writeAttribute(digiKam, QStringLiteral("PickLabel"), pick == PickFlag::Accept ? QStringLiteral("3")
                                                                                          : QStringLiteral("1"));
    }
    w.writeAttribute(hqa, QStringLiteral("label"), labelToString(verdicts.label));
    for (int i = 0; i < kAttributeCount; ++i) {
        const auto key = kAttributeKeys[i];
        const QString value = verdicts.label[i] < 0 ? QStringLiteral("unknown")
                            : verdicts.label[i] ? QStringLiteral("pass") : QStringLiteral("fail");
        w.writeAttribute(hqa, QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size())), value);
    }
    if (!verdicts.source.isEmpty())
        w.writeAttribute(hqa, QStringLiteral("source"), verdicts.source);
    if (!verdicts.engine.isEmpty())
        w.writeAttribute(hqa, QStringLiteral("engine"), verdicts.engine);
    if (!verdicts.modelVersion.isEmpty())
        w.writeAttribute(hqa, QStringLiteral("modelVersion"), verdicts.modelVersion);
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
    w.writeProcessingInstruction(QStringLiteral("xpacket"), QStringLiteral("end=\"w\""));
    w.writeEndDocument();
    return out;
}

QString xmpSidecarPath(const QString& photoPath) { return photoPath + QStringLiteral(".xmp"); }

std::optional<Error> writeXmpSidecar(const QString& photoPath, const XmpVerdicts& verdicts, bool overwrite)
{
    const QString path = xmpSidecarPath(photoPath);
    if (!overwrite && QFile::exists(path)) {
        QFile existing(path);
        if (!existing.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(path, existing.errorString()));
        if (!existing.read(1 << 20).contains(kXmpNamespace))
            return makeError(ErrorCode::InvalidArgument,
                             tr("%1 exists and was written by another program; left unchanged").arg(path));
    }
    QSaveFile f(path);
    const QByteArray bytes = xmpSidecar(verdicts);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    return std::nullopt;
}

} // namespace hqa::core
