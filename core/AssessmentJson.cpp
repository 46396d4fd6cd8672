#include "AssessmentJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <limits>

namespace hqa::core {

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }
double round1(double v) { return std::round(v * 10.0) / 10.0; }

QString keyOf(Attribute a) { return QString::fromLatin1(attributeKey(a).data(), attributeKey(a).size()); }

QString errorKeyOf(ErrorCode code)
{
    const auto key = errorCodeKey(code);
    return QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size()));
}

// JSON has no NaN or infinity: a measure that could not be computed is written as null and read back as NaN.
QJsonValue finiteOrNull(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

QJsonObject evidenceToJson(const std::vector<EvidenceValue>& evidence)
{
    QJsonObject o;
    for (const auto& e : evidence)
        o[QString::fromStdString(e.name)] = finiteOrNull(e.value);
    return o;
}

std::vector<EvidenceValue> evidenceFromJson(const QJsonObject& o)
{
    std::vector<EvidenceValue> evidence;
    for (auto it = o.begin(); it != o.end(); ++it)
        evidence.push_back({it.key().toStdString(),
                            it.value().isNull() ? std::numeric_limits<double>::quiet_NaN() : it.value().toDouble()});
    return evidence;
}

QJsonArray rectJson(const cv::Rect2d& r) { return QJsonArray{r.x, r.y, r.width, r.height}; }

cv::Rect2d rectFrom(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {a.at(0).toDouble(), a.at(1).toDouble(), a.at(2).toDouble(), a.at(3).toDouble()};
}

QJsonArray pointJson(const cv::Point2d& p) { return QJsonArray{p.x, p.y}; }

cv::Point2d pointFrom(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    return {a.at(0).toDouble(), a.at(1).toDouble()};
}

} // namespace

// The report object ------------------------------------------------------------------------------------------------

QJsonObject assessmentToJson(const Assessment& a, const AssessmentJsonOptions& options)
{
    QJsonObject o;
    o[QStringLiteral("file")] = a.file;
    o[QStringLiteral("status")] = a.ok() ? QStringLiteral("ok") : QStringLiteral("error");
    if (a.error)
        o[QStringLiteral("error")] = QJsonObject{{QStringLiteral("code"), errorKeyOf(a.error->code)},
                                                 {QStringLiteral("message"), a.error->detail}};
    o[QStringLiteral("engine")] = a.engine;
    if (options.modelVersion)
        o[QStringLiteral("model_version")] = a.modelVersion;
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
        if (options.evidence)
            jv[QStringLiteral("evidence")] = evidenceToJson(v.evidence);
        attrs[keyOf(at)] = jv;
    }
    o[QStringLiteral("attributes")] = attrs;
    if (a.face) {
        const FaceGeometry& f = *a.face;
        QJsonObject jf;
        jf[QStringLiteral("box")] = rectJson(
            {round1(f.box.x), round1(f.box.y), round1(f.box.width), round1(f.box.height)});
        jf[QStringLiteral("yaw")] = round1(f.yaw);
        jf[QStringLiteral("pitch")] = round1(f.pitch);
        jf[QStringLiteral("roll")] = round1(f.roll);
        o[QStringLiteral("face")] = jf;
    } else {
        o[QStringLiteral("face")] = QJsonValue::Null;
    }
    o[QStringLiteral("elapsed_ms")] = round1(a.elapsedMs);
    return o;
}

Expected<Assessment> assessmentFromJson(const QJsonObject& o, const QString& file)
{
    Assessment a;
    a.file = file;
    a.engine = o.value(QStringLiteral("engine")).toString(kMeasuresEngine);
    a.modelVersion = o.value(QStringLiteral("model_version")).toString();
    a.faceCount = o.value(QStringLiteral("faces")).toInt();
    a.elapsedMs = o.value(QStringLiteral("elapsed_ms")).toDouble();
    if (o.value(QStringLiteral("status")).toString() == QLatin1String("error")) {
        const QJsonObject e = o.value(QStringLiteral("error")).toObject();
        a.error = Error{errorCodeFromKey(e.value(QStringLiteral("code")).toString().toStdString()),
                        e.value(QStringLiteral("message")).toString()};
    }
    const QJsonObject attrs = o.value(QStringLiteral("attributes")).toObject();
    for (Attribute at : kAllAttributes) {
        const QJsonValue v = attrs.value(keyOf(at));
        if (!v.isObject())
            continue;
        const QJsonObject jv = v.toObject();
        if (!jv.value(QStringLiteral("pass")).isBool())
            return makeError(ErrorCode::Unreadable,
                             QStringLiteral("attribute %1 has no boolean \"pass\"").arg(keyOf(at)));
        AttributeVerdict& verdict = a.verdict(at);
        verdict.judged = true;
        verdict.pass = jv.value(QStringLiteral("pass")).toBool();
        verdict.score = jv.value(QStringLiteral("score")).toDouble();
        verdict.reason = jv.value(QStringLiteral("reason")).toString();
        verdict.source = jv.value(QStringLiteral("source")).toString();
        verdict.evidence = evidenceFromJson(jv.value(QStringLiteral("evidence")).toObject());
    }
    if (o.value(QStringLiteral("face")).isObject()) {
        const QJsonObject jf = o.value(QStringLiteral("face")).toObject();
        FaceGeometry f;
        f.box = rectFrom(jf.value(QStringLiteral("box")));
        f.yaw = jf.value(QStringLiteral("yaw")).toDouble();
        f.pitch = jf.value(QStringLiteral("pitch")).toDouble();
        f.roll = jf.value(QStringLiteral("roll")).toDouble();
        a.face = f;
    }
    return a;
}

// The details object (project store) -------------------------------------------------------------------------------

QByteArray assessmentDetailsJson(const Assessment& a)
{
    QJsonObject o;
    QJsonArray verdicts;
    for (const AttributeVerdict& v : a.verdicts) {
        QJsonObject jv;
        jv[QStringLiteral("t")] = v.threshold;
        if (!v.reason.isEmpty())
            jv[QStringLiteral("r")] = v.reason;
        if (!v.source.isEmpty())
            jv[QStringLiteral("s")] = v.source;
        if (!v.evidence.empty())
            jv[QStringLiteral("e")] = evidenceToJson(v.evidence);
        verdicts.append(jv);
    }
    o[QStringLiteral("v")] = verdicts;
    if (a.face) {
        const FaceGeometry& f = *a.face;
        QJsonObject jf;
        jf[QStringLiteral("box")] = rectJson(f.box);
        QJsonArray landmarks; // x0, y0, x1, y1, ...
        for (const auto& p : f.landmarks) {
            landmarks.append(p.x);
            landmarks.append(p.y);
        }
        jf[QStringLiteral("landmarks")] = landmarks;
        jf[QStringLiteral("pose")] = QJsonArray{f.yaw, f.pitch, f.roll};
        jf[QStringLiteral("ied")] = f.interEyeDistance;
        jf[QStringLiteral("t")] = f.eyeToChin;
        jf[QStringLiteral("eyeLeft")] = pointJson(f.eyeLeft);
        jf[QStringLiteral("eyeRight")] = pointJson(f.eyeRight);
        jf[QStringLiteral("chin")] = pointJson(f.chin);
        jf[QStringLiteral("headTopY")] = f.headTopY;
        jf[QStringLiteral("confidence")] = f.detectionConfidence;
        o[QStringLiteral("face")] = jf;
    }
    const Timings& t = a.timings;
    o[QStringLiteral("timings")] = QJsonArray{t.decodeMs, t.faceMs, t.maskMs, t.measuresMs, t.modelMs};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void readAssessmentDetails(const QByteArray& json, Assessment& a)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const QJsonArray verdicts = o.value(QStringLiteral("v")).toArray();
    for (int i = 0; i < kAttributeCount && i < verdicts.size(); ++i) {
        const QJsonObject jv = verdicts.at(i).toObject();
        AttributeVerdict& v = a.verdicts[static_cast<size_t>(i)];
        v.threshold = jv.value(QStringLiteral("t")).toDouble(0.5);
        v.reason = jv.value(QStringLiteral("r")).toString();
        v.source = jv.value(QStringLiteral("s")).toString();
        v.evidence = evidenceFromJson(jv.value(QStringLiteral("e")).toObject());
    }
    if (o.contains(QStringLiteral("face"))) {
        const QJsonObject jf = o.value(QStringLiteral("face")).toObject();
        FaceGeometry f;
        f.box = rectFrom(jf.value(QStringLiteral("box")));
        const QJsonArray landmarks = jf.value(QStringLiteral("landmarks")).toArray();
        for (qsizetype i = 0; i + 1 < landmarks.size(); i += 2)
            f.landmarks.emplace_back(landmarks.at(i).toDouble(), landmarks.at(i + 1).toDouble());
        const QJsonArray pose = jf.value(QStringLiteral("pose")).toArray();
        f.yaw = pose.at(0).toDouble();
        f.pitch = pose.at(1).toDouble();
        f.roll = pose.at(2).toDouble();
        f.interEyeDistance = jf.value(QStringLiteral("ied")).toDouble();
        f.eyeToChin = jf.value(QStringLiteral("t")).toDouble();
        f.eyeLeft = pointFrom(jf.value(QStringLiteral("eyeLeft")));
        f.eyeRight = pointFrom(jf.value(QStringLiteral("eyeRight")));
        f.chin = pointFrom(jf.value(QStringLiteral("chin")));
        f.headTopY = jf.value(QStringLiteral("headTopY")).toDouble();
        f.detectionConfidence = jf.value(QStringLiteral("confidence")).toDouble();
        a.face = f;
    }
    const QJsonArray t = o.value(QStringLiteral("timings")).toArray();
    a.timings = {t.at(0).toDouble(), t.at(1).toDouble(), t.at(2).toDouble(), t.at(3).toDouble(), t.at(4).toDouble()};
}

} // namespace hqa::core
