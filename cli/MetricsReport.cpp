#include "MetricsReport.h"

#include <QJsonArray>

#include <cmath>

namespace hqa::cli {

using namespace core;

namespace {

QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(std::round(v * 10000.0) / 10000.0) : QJsonValue(); }
QString pct(double v) { return std::isfinite(v) ? QString::number(v * 100.0, 'f', 1) + u'%' : QStringLiteral("n/a"); }
QString dec(double v) { return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("n/a"); }
QString key(int i) { return QString::fromLatin1(kAttributeKeys[i].data(), kAttributeKeys[i].size()); }

QJsonObject classJson(const ClassScores& c)
{
    return QJsonObject{{QStringLiteral("precision"), num(c.precision)},
                       {QStringLiteral("recall"), num(c.recall)},
                       {QStringLiteral("f1"), num(c.f1)}};
}

} // namespace

QJsonObject metricsToJson(const Metrics& m)
{
    QJsonObject o;
    o[QStringLiteral("images")] = m.images;
    o[QStringLiteral("scored_verdicts")] = m.scoredVerdicts;
    o[QStringLiteral("correct_verdicts")] = m.correctVerdicts;
    o[QStringLiteral("hamming_accuracy")] = num(m.hammingAccuracy);
    o[QStringLiteral("exact_matches")] = m.exactMatches;
    o[QStringLiteral("exact_match")] = num(m.exactMatch);
    o[QStringLiteral("images_with_unknowns")] = m.imagesWithUnknowns;
    o[QStringLiteral("macro_f1")] = num(m.macroF1);
    QJsonObject attrs;
    for (int i = 0; i < kAttributeCount; ++i) {
        const AttributeMetrics& a = m.attributes[i];
        QJsonObject j;
        j[QStringLiteral("scored")] = a.confusion.scored();
        j[QStringLiteral("accuracy")] = num(a.accuracy);
        j[QStringLiteral("balanced_accuracy")] = num(a.balancedAccuracy);
        j[QStringLiteral("pass")] = classJson(a.passClass);
        j[QStringLiteral("fail")] = classJson(a.failClass);
        j[QStringLiteral("confusion")] = QJsonObject{{QStringLiteral("true_pass"), a.confusion.truePass},
                                                     {QStringLiteral("false_fail"), a.confusion.falseFail},
                                                     {QStringLiteral("true_fail"), a.confusion.trueFail},
                                                     {QStringLiteral("false_pass"), a.confusion.falsePass}};
        j[QStringLiteral("unjudged")] = a.unjudged;
        attrs[key(i)] = j;
    }
    o[QStringLiteral("attributes")] = attrs;
    return o;
}

QString metricsToCsv(const Metrics& m)
{
    QString s = QStringLiteral(
        "attribute,scored,accuracy,balanced_accuracy,pass_precision,pass_recall,pass_f1,"
        "fail_precision,fail_recall,fail_f1,true_pass,false_fail,true_fail,false_pass,unjudged\n");
    auto f = [](double v) { return std::isfinite(v) ? QString::number(v, 'f', 4) : QString(); };
    for (int i = 0; i < kAttributeCount; ++i) {
        const AttributeMetrics& a = m.attributes[i];
        s += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12,%13,%14,%15\n")
                 .arg(key(i))
                 .arg(a.confusion.scored())
                 .arg(f(a.accuracy), f(a.balancedAccuracy), f(a.passClass.precision), f(a.passClass.recall),
                      f(a.passClass.f1), f(a.failClass.precision), f(a.failClass.recall))
                 .arg(f(a.failClass.f1))
                 .arg(a.confusion.truePass)
                 .arg(a.confusion.falseFail)
                 .arg(a.confusion.trueFail)
                 .arg(a.confusion.falsePass)
                 .arg(a.unjudged);
    }
    s += QStringLiteral("overall,%1,%2,,,,%3,,,,,,,,\n").arg(m.scoredVerdicts).arg(f(m.hammingAccuracy), f(m.macroF1));
    return s;
}

QString metricsToText(const Metrics& m)
{
    QString s;
    s += QStringLiteral("Hamming accuracy  %1  (%2 of %3 scored verdicts)\n")
             .arg(pct(m.hammingAccuracy))
             .arg(m.correctVerdicts)
             .arg(m.scoredVerdicts);
    s += QStringLiteral("Exact match       %1  (%2 of %3 images; %4 had unknown labels)\n")
             .arg(pct(m.exactMatch))
             .arg(m.exactMatches)
             .arg(m.images)
             .arg(m.imagesWithUnknowns);
    s += QStringLiteral("Macro F1          %1  (pass class, mean over attributes)\n\n").arg(dec(m.macroF1));
    s += QStringLiteral("attribute   scored  accuracy  bal.acc  pass P/R/F1          fail P/R/F1          TP   FF   TF "
                        "  FP  unjudged\n");
    for (int i = 0; i < kAttributeCount; ++i) {
        const AttributeMetrics& a = m.attributes[i];
        const Confusion& c = a.confusion;
        auto prf = [&](const ClassScores& cs) {
            return QStringLiteral("%1/%2/%3").arg(dec(cs.precision), dec(cs.recall), dec(cs.f1)).leftJustified(19);
        };
        s += key(i).leftJustified(11) + QString::number(c.scored()).rightJustified(7) + u' '
            + pct(a.accuracy).rightJustified(9) + u' ' + pct(a.balancedAccuracy).rightJustified(8)
            + QStringLiteral("  ") + prf(a.passClass) + u' ' + prf(a.failClass) + u' '
            + QString::number(c.truePass).rightJustified(4) + u' ' + QString::number(c.falseFail).rightJustified(4)
            + u' ' + QString::number(c.trueFail).rightJustified(4) + u' '
            + QString::number(c.falsePass).rightJustified(4) + u' ' + QString::number(a.unjudged).rightJustified(9)
            + u'\n';
    }
    return s;
}

} // namespace hqa::cli
