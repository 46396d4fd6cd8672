#include "AssessmentFormat.h"

#include "core/eval/LabelFile.h"

#include <QJsonArray>

#include <cmath>

namespace hqa::core::cli {

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }
double round1(double v) { return std::round(v * 10.0) / 10.0; }
QString key(Attribute a) { return QString::fromLatin1(attributeKey(a).data(), attributeKey(a).size()); }

} // namespace

QJsonObject assessmentToJson(const Assessment& a, bool withEvidence)
{
    QJsonObject o;
    o[QStringLiteral("file")] = a.file;
    o[QStringLiteral("status")] = a.ok() ? QStringLiteral("ok") : QStringLiteral("error");
    if (a.error) {
        QJsonObject e;
        const auto code = errorCodeKey(a.error->code);
        e[QStringLiteral("code")] = QString::fromLatin1(code.data(), code.size());
        e[QStringLiteral("message")] = a.error->detail;
        o[QStringLiteral("error")] = e;
    }
    o[QStringLiteral("engine")] = a.engine;
    o[QStringLiteral("faces")] = a.faceCount;
    o[QStringLiteral("label")] = QString::fromStdString(a.label());
    QJsonObject attrs;
    for (Attribute at : kAllAttributes) {
        const AttributeVerdict& v = a.verdict(at);
        if (!v.judged)
            continue;
        QJsonObject jv;
        jv[QStringLiteral("pass")] = v.pass;
        jv[QStringLiteral("score")] = round3(v.score);
        jv[QStringLiteral("reason")] = v.reason;
        // Which engine decided, when it is not simply the one named above (fusion, a corrections head).
        if (a.engine == kFusedEngine || (!v.source.isEmpty() && v.source != a.engine))
            jv[QStringLiteral("source")] = v.source;
        if (withEvidence) {
            QJsonObject ev;
            for (const auto& e : v.evidence)
                ev[QString::fromStdString(e.name)] = std::isfinite(e.value) ? QJsonValue(e.value) : QJsonValue();
            jv[QStringLiteral("evidence")] = ev;
        }
        attrs[key(at)] = jv;
    }
    o[QStringLiteral("attributes")] = attrs;
    if (a.face) {
        QJsonObject f;
        const auto& b = a.face->box;
        f[QStringLiteral("box")] = QJsonArray{round1(b.x), round1(b.y), round1(b.width), round1(b.height)};
        f[QStringLiteral("yaw")] = round1(a.face->yaw);
        f[QStringLiteral("pitch")] = round1(a.face->pitch);
        f[QStringLiteral("roll")] = round1(a.face->roll);
        o[QStringLiteral("face")] = f;
    } else {
        o[QStringLiteral("face")] = QJsonValue::Null;
    }
    o[QStringLiteral("elapsed_ms")] = round1(a.elapsedMs);
    return o;
}

QString csvHeader()
{
    QString h = QStringLiteral("file,label,status,error_code,error_message,faces");
    for (Attribute at : kAllAttributes)
        h += QStringLiteral(",%1_pass,%1_score,%1_reason").arg(key(at));
    h += QStringLiteral(",elapsed_ms");
    return h;
}

QString assessmentToCsv(const Assessment& a)
{
    QStringList f;
    f << csvField(a.file) << QString::fromStdString(a.label())
      << (a.ok() ? QStringLiteral("ok") : QStringLiteral("error"));
    if (a.error) {
        const auto code = errorCodeKey(a.error->code);
        f << QString::fromLatin1(code.data(), code.size()) << csvField(a.error->detail);
    } else {
        f << QString() << QString();
    }
    f << QString::number(a.faceCount);
    for (Attribute at : kAllAttributes) {
        const AttributeVerdict& v = a.verdict(at);
        if (v.judged)
            f << (v.pass ? QStringLiteral("1") : QStringLiteral("0")) << QString::number(round3(v.score))
              << csvField(v.reason);
        else
            f << QString() << QString() << QString();
    }
    f << QString::number(round1(a.elapsedMs));
    return f.join(u',');
}

QString tableHeader()
{
    return QStringLiteral("%1  L B A E F S  %2")
        .arg(QStringLiteral("FILE").leftJustified(36), QStringLiteral("FIRST FAILING REASON"));
}

QString assessmentToTableRow(const Assessment& a)
{
    QString file = a.file;
    if (file.size() > 36)
        file = QStringLiteral("...") + file.right(33);
    QString row = file.leftJustified(36) + QStringLiteral("  ");
    if (!a.ok()) {
        const auto code = errorCodeKey(a.error->code);
        return row + QStringLiteral("error %1: %2").arg(QString::fromLatin1(code.data(), code.size()), a.error->detail);
    }
    QString firstFail;
    for (Attribute at : kAllAttributes) {
        const AttributeVerdict& v = a.verdict(at);
        row += (!v.judged ? u'-' : (v.pass ? u'+' : u'x'));
        row += u' ';
        if (v.judged && !v.pass && firstFail.isEmpty())
            firstFail = key(at) + QStringLiteral(": ") + v.reason;
    }
    return row + u' ' + (firstFail.isEmpty() ? QStringLiteral("all pass") : firstFail);
}

} // namespace hqa::core::cli
