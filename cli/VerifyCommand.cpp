// `headshot-qa verify LABELS.csv`: the labels an engine most strongly disagrees with, for a person to re-check.
// The card found 2,319 wrong labels this way; a confident disagreement is far more often a wrong label than a
// wrong verdict, so ranking by confidence puts a reviewer's time where it pays.
#include "Cli.h"

#include "cli/EngineArgs.h"
#include "core/eval/LabelFile.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hqa::cli {

using namespace core;

namespace {

struct Disagreement {
    QString file;
    Attribute attribute = Attribute::Lighting;
    int label = 0;
    bool predictedPass = false;
    double score = 0, threshold = 0.5;
    double confidence = 0; ///< how far the score lies on the other side of the threshold, 0..1
    QString reason;
    int line = 0;
};

QString keyOf(Attribute a) { return QString::fromLatin1(attributeKey(a).data(), qsizetype(attributeKey(a).size())); }

} // namespace

int runVerify(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("verify"),
        QStringLiteral(
            "Lists the labels of LABELS.csv that the engine most strongly disagrees with, most confident first, so "
            "that "
            "a person can re-check them (label verification). Confidence is how far the engine's score lies on the "
            "other side of its threshold, scaled to 0..1."));
    commandLine.addPositional(QStringLiteral("LABELS"), QStringLiteral("labels.csv"));
    commandLine.addOption(
        {QStringLiteral("top"), QStringLiteral("Show at most N disagreements (default all)."), QStringLiteral("N")});
    commandLine.addOption({QStringLiteral("min-confidence"),
                           QStringLiteral("Only disagreements at least this confident (0..1)."), QStringLiteral("C"),
                           QStringLiteral("0")});
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
    bool okTop = true, okConf = false;
    const int top = commandLine.isSet(QStringLiteral("top")) ? commandLine.value(QStringLiteral("top")).toInt(&okTop)
                                                             : -1;
    const double minConfidence = commandLine.value(QStringLiteral("min-confidence")).toDouble(&okConf);
    if (!okTop || (commandLine.isSet(QStringLiteral("top")) && top < 1) || !okConf || minConfidence < 0
        || minConfidence > 1)
        return commandLine.usageError(
            err, QStringLiteral("--top expects a positive number and --min-confidence a value in 0..1"));
    int exitCode = kExitOk;
    auto batch = prepareLabelledBatch(commandLine, err, exitCode);
    if (!batch)
        return exitCode;

    std::vector<Disagreement> found;
    int checked = 0, notAssessed = 0;
    Progress progress(err, int(batch->files.size()));
    batch->runner->run(batch->files, [&](int i, const Assessment& a) {
        progress.step(a.file);
        const LabelRow& row = batch->labels.rows[size_t(i)];
        if (!a.ok()) {
            ++notAssessed;
            return;
        }
        for (Attribute at : kAllAttributes) {
            const int label = row.label[size_t(index(at))];
            const AttributeVerdict& v = a.verdict(at);
            if (label < 0 || !v.judged)
                continue;
            ++checked;
            if ((v.pass ? 1 : 0) == label)
                continue;
            Disagreement d;
            d.file = row.file;
            d.attribute = at;
            d.label = label;
            d.predictedPass = v.pass;
            d.score = v.score;
            d.threshold = v.threshold;
            // Distance beyond the threshold relative to the room on that side, so a 0.99 against a 0.5 threshold
            // and a 0.01 against it are equally sure.
            const double room = v.pass ? 1.0 - v.threshold : v.threshold;
            d.confidence = room > 0 ? std::clamp(std::abs(v.score - v.threshold) / room, 0.0, 1.0) : 1.0;
            d.reason = v.reason;
            d.line = row.line;
            if (d.confidence >= minConfidence)
                found.push_back(d);
        }
    });
    progress.finish();
    std::stable_sort(found.begin(), found.end(),
                     [](const Disagreement& a, const Disagreement& b) { return a.confidence > b.confidence; });
    const size_t shown = top > 0 ? std::min(found.size(), size_t(top)) : found.size();

    if (format == QLatin1String("csv")) {
        out << "rank,file,attribute,label,predicted,score,threshold,confidence,reason\n";
        for (size_t i = 0; i < shown; ++i) {
            const Disagreement& d = found[i];
            out << (i + 1) << ',' << csvField(d.file) << ',' << keyOf(d.attribute) << ',' << d.label << ','
                << (d.predictedPass ? 1 : 0) << ',' << QString::number(d.score, 'f', 3) << ','
                << QString::number(d.threshold, 'f', 3) << ',' << QString::number(d.confidence, 'f', 3) << ','
                << csvField(d.reason) << "\n";
        }
    } else if (format == QLatin1String("jsonl")) {
        for (size_t i = 0; i < shown; ++i) {
            const Disagreement& d = found[i];
            const QJsonObject o{{QStringLiteral("rank"), int(i + 1)},
                                {QStringLiteral("file"), d.file},
                                {QStringLiteral("attribute"), keyOf(d.attribute)},
                                {QStringLiteral("label"), d.label},
                                {QStringLiteral("predicted"), d.predictedPass ? 1 : 0},
                                {QStringLiteral("score"), d.score},
                                {QStringLiteral("threshold"), d.threshold},
                                {QStringLiteral("confidence"), d.confidence},
                                {QStringLiteral("reason"), d.reason},
                                {QStringLiteral("line"), d.line}};
            out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        }
    } else {
        out << found.size() << " of " << checked << " labels disagree with the " << batch->options.engine.name
            << " engine";
        if (notAssessed)
            out << "; " << notAssessed << " photos could not be assessed";
        out << ". Most confident first:\n\n";
        for (size_t i = 0; i < shown; ++i) {
            const Disagreement& d = found[i];
            out << QStringLiteral("%1. %2 (line %3) %4: labelled %5, engine says %6 with confidence %7 - %8\n")
                       .arg(i + 1)
                       .arg(d.file)
                       .arg(d.line)
                       .arg(keyOf(d.attribute))
                       .arg(d.label ? QStringLiteral("pass") : QStringLiteral("fail"))
                       .arg(d.predictedPass ? QStringLiteral("pass") : QStringLiteral("fail"))
                       .arg(d.confidence, 0, 'f', 2)
                       .arg(d.reason);
        }
    }
    return notAssessed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli
