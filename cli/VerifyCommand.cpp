// `headshot-qa verify LABELS.csv`: the labels an engine disagrees with, most suspicious first, for a person to
// re-check. The card found 2,319 wrong labels this way. The engine's confidence alone ranks its own systematic
// mistakes as high as labelling slips; the labels of the most similar photos tell them apart (core/eval/LabelDoubts).
#include "Cli.h"

#include "cli/EngineArgs.h"
#include "core/eval/LabelDoubts.h"
#include "core/eval/LabelFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hqa::cli {

using namespace core;

namespace {

QString keyOf(Attribute a) { return QString::fromLatin1(attributeKey(a).data(), qsizetype(attributeKey(a).size())); }

} // namespace

int runVerify(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("verify"),
        QStringLiteral(
            "Lists the labels of LABELS.csv that the engine disagrees with, most suspicious first, so that a person "
            "can re-check them (label verification). Confidence is how far the engine's score lies on the other side "
            "of its threshold, scaled to 0..1; the most similar labelled photos (by the engine's evidence for the "
            "attribute) are asked too: a label that its look-alikes contradict is more likely a slip than one they "
            "share, which is more likely the engine's mistake. Suspicion is the mean of the confidence and the share "
            "of look-alikes labelled the other way."));
    commandLine.addPositional(QStringLiteral("LABELS"), QStringLiteral("labels.csv"));
    commandLine.addOption(
        {QStringLiteral("top"), QStringLiteral("Show at most N disagreements (default all)."), QStringLiteral("N")});
    commandLine.addOption({QStringLiteral("min-confidence"),
                           QStringLiteral("Only disagreements where the engine is at least this confident (0..1)."),
                           QStringLiteral("C"), QStringLiteral("0")});
    commandLine.addOption({QStringLiteral("neighbours"),
                           QStringLiteral("Similar labelled photos compared with each label (default 5; 0 ranks by "
                                          "the engine's confidence alone)."),
                           QStringLiteral("K"), QStringLiteral("5")});
    commandLine.addOption({QStringLiteral("format"), QStringLiteral("text (default), csv or jsonl."),
                           QStringLiteral("FORMAT"), QStringLiteral("text")});
    addEngineOptions(commandLine);
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    if (commandLine.positionals().size() != 1)
        return commandLine.usageError(err, QStringLiteral("expects exactly one LABELS.csv"));
    const QString format = commandLine.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("csv") && format != QLatin1String("jsonl"))
        return commandLine.usageError(err, QStringLiteral("--format must be text, csv or jsonl"));
    bool okTop = true, okConf = false, okNeighbours = false;
    const int top = commandLine.isSet(QStringLiteral("top")) ? commandLine.value(QStringLiteral("top")).toInt(&okTop)
                                                             : -1;
    const double minConfidence = commandLine.value(QStringLiteral("min-confidence")).toDouble(&okConf);
    LabelDoubtOptions doubtOptions;
    doubtOptions.neighbours = commandLine.value(QStringLiteral("neighbours")).toInt(&okNeighbours);
    if (!okTop || (commandLine.isSet(QStringLiteral("top")) && top < 1) || !okConf || minConfidence < 0
        || minConfidence > 1 || !okNeighbours || doubtOptions.neighbours < 0)
        return commandLine.usageError(err,
                                      QStringLiteral("--top expects a positive number, --min-confidence a value "
                                                     "in 0..1 and --neighbours a number of 0 or more"));
    int exitCode = kExitOk;
    auto batch = prepareLabelledBatch(commandLine, err, exitCode);
    if (!batch)
        return exitCode;

    const size_t count = batch->files.size();
    std::vector<Assessment> assessments(count);
    std::vector<Label> labels(count, kUnknownLabel);
    int notAssessed = 0;
    Progress progress(err, int(count));
    batch->runner->run(batch->files, [&](int i, const Assessment& a) {
        progress.step(a.file);
        if (!a.ok()) {
            ++notAssessed;
            return;
        }
        Assessment& kept = assessments[size_t(i)];
        kept = a;
        kept.face.reset(); // the evidence is compared, not the face's landmarks
        labels[size_t(i)] = batch->labels.rows[size_t(i)].label;
    });
    progress.finish();
    int checked = 0;
    for (size_t i = 0; i < count; ++i)
        for (Attribute at : kAllAttributes)
            checked += labels[i][size_t(index(at))] >= 0 && assessments[i].ok() && assessments[i].verdict(at).judged;
    std::vector<LabelDoubt> found = rankLabelDoubts(labels, assessments, doubtOptions);
    found.erase(std::remove_if(found.begin(), found.end(),
                               [minConfidence](const LabelDoubt& d) { return d.confidence < minConfidence; }),
                found.end());
    const size_t shown = top > 0 ? std::min(found.size(), size_t(top)) : found.size();
    const auto verdictOf = [&](const LabelDoubt& d) -> const AttributeVerdict& {
        return assessments[size_t(d.photo)].verdict(d.attribute);
    };
    const auto rowOf = [&](const LabelDoubt& d) -> const LabelRow& { return batch->labels.rows[size_t(d.photo)]; };

    if (format == QLatin1String("csv")) {
        out << "rank,file,attribute,label,predicted,score,threshold,confidence,similar,similar_against,suspicion,"
               "reason\n";
        for (size_t i = 0; i < shown; ++i) {
            const LabelDoubt& d = found[i];
            const AttributeVerdict& v = verdictOf(d);
            out << (i + 1) << ',' << csvField(rowOf(d).file) << ',' << keyOf(d.attribute) << ',' << d.label << ','
                << (v.pass ? 1 : 0) << ',' << QString::number(v.score, 'f', 3) << ','
                << QString::number(v.threshold, 'f', 3) << ',' << QString::number(d.confidence, 'f', 3) << ','
                << d.similar << ',' << d.similarAgainst << ',' << QString::number(d.suspicion, 'f', 3) << ','
                << csvField(v.reason) << "\n";
        }
    } else if (format == QLatin1String("jsonl")) {
        for (size_t i = 0; i < shown; ++i) {
            const LabelDoubt& d = found[i];
            const AttributeVerdict& v = verdictOf(d);
            const QJsonObject o{{QStringLiteral("rank"), int(i + 1)},
                                {QStringLiteral("file"), rowOf(d).file},
                                {QStringLiteral("attribute"), keyOf(d.attribute)},
                                {QStringLiteral("label"), d.label},
                                {QStringLiteral("predicted"), v.pass ? 1 : 0},
                                {QStringLiteral("score"), v.score},
                                {QStringLiteral("threshold"), v.threshold},
                                {QStringLiteral("confidence"), d.confidence},
                                {QStringLiteral("similar"), d.similar},
                                {QStringLiteral("similar_against"), d.similarAgainst},
                                {QStringLiteral("suspicion"), d.suspicion},
                                {QStringLiteral("reason"), v.reason},
                                {QStringLiteral("line"), rowOf(d).line}};
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        }
    } else {
        out << found.size() << " of " << checked << " labels disagree with the " << batch->options.engine.name
            << " engine";
        if (notAssessed)
            out << "; " << notAssessed << (notAssessed == 1 ? " photo" : " photos") << " could not be assessed";
        out << ". Most suspicious first:\n\n";
        for (size_t i = 0; i < shown; ++i) {
            const LabelDoubt& d = found[i];
            const AttributeVerdict& v = verdictOf(d);
            const QString labelled = d.label ? QStringLiteral("pass") : QStringLiteral("fail");
            const QString other = d.label ? QStringLiteral("fail") : QStringLiteral("pass");
            const QString similar = d.similar > 0 ? QStringLiteral("; %1 of the %2 most similar labelled photos say %3")
                                                        .arg(d.similarAgainst)
                                                        .arg(d.similar)
                                                        .arg(other)
                                                  : QString();
            out << QStringLiteral("%1. %2 (line %3) %4: labelled %5, engine says %6 with confidence %7%8 (suspicion "
                                  "%9) - %10\n")
                       .arg(i + 1)
                       .arg(rowOf(d).file)
                       .arg(rowOf(d).line)
                       .arg(keyOf(d.attribute), labelled, other)
                       .arg(d.confidence, 0, 'f', 2)
                       .arg(similar)
                       .arg(d.suspicion, 0, 'f', 2)
                       .arg(v.reason);
        }
    }
    return notAssessed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli
