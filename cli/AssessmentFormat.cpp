#include "AssessmentFormat.h"

#include "core/eval/LabelFile.h"

#include <cmath>

namespace hqa::cli {

using namespace core;

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }
double round1(double v) { return std::round(v * 10.0) / 10.0; }
QString key(Attribute a) { return QString::fromLatin1(attributeKey(a).data(), attributeKey(a).size()); }

} // namespace

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

} // namespace hqa::cli
