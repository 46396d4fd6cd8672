#include "Cli.h"

#include "cli/AssessmentFormat.h"
#include "cli/EngineArgs.h"
#include "cli/MetricsReport.h"
#include "cli/ReportPlots.h"
#include "core/eval/LabelFile.h"
#include "core/eval/Metrics.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace hqa::cli {

using namespace core;

namespace {

bool writeFile(const QString& path, const QByteArray& bytes, QTextStream& err)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
        err << "headshot-qa evaluate: cannot write " << path << ": " << f.errorString() << "\n";
        return false;
    }
    return true;
}

/// What `evaluate` is asked to do, read from its options.
struct EvaluateRequest {
    QString labelsPath; ///< the LABELS.csv positional
    QString format; ///< text or json
    bool listErrors = false; ///< --errors
    std::optional<QString> reportDir; ///< --report DIR; nullopt: no report
};

void addEvaluateOptions(CommandLine& commandLine)
{
    commandLine.addOption(
        {QStringLiteral("report"),
         QStringLiteral("Write metrics.json, metrics.csv, predictions.csv and (GUI build) PNG plots here."),
         QStringLiteral("DIR")});
    commandLine.addOption({QStringLiteral("format"), QStringLiteral("Output: text (default) or json."),
                           QStringLiteral("FORMAT"), QStringLiteral("text")});
    commandLine.addOption(
        {QStringLiteral("errors"), QStringLiteral("List every wrong verdict with its score and reason.")});
    addEngineOptions(commandLine);
    commandLine.addPositional(QStringLiteral("LABELS"), QStringLiteral("labels.csv"));
}

/// The options, checked in order; nullopt after a usage error (written to err).
std::optional<EvaluateRequest> readEvaluateRequest(const CommandLine& commandLine, QTextStream& err)
{
    if (commandLine.positionals().size() != 1) {
        commandLine.usageError(err, QStringLiteral("expects exactly one LABELS.csv"));
        return std::nullopt;
    }
    EvaluateRequest request;
    request.labelsPath = commandLine.positionals().front();
    request.format = commandLine.value(QStringLiteral("format"));
    if (request.format != QLatin1String("text") && request.format != QLatin1String("json")) {
        commandLine.usageError(err, QStringLiteral("--format must be text or json"));
        return std::nullopt;
    }
    request.listErrors = commandLine.isSet(QStringLiteral("errors"));
    if (commandLine.isSet(QStringLiteral("report")))
        request.reportDir = commandLine.value(QStringLiteral("report"));
    return request;
}

/// Everything gathered while the engine runs over the labelled photos.
struct EvaluationTally {
    std::vector<Label> truth, predicted;
    // Per attribute: scores and truths of judged verdicts, for the threshold curves of the report.
    std::array<std::vector<double>, kAttributeCount> curveScores;
    std::array<std::vector<int>, kAttributeCount> curveTruth;
    std::array<double, kAttributeCount> usedThresholds{0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    QString predictionsCsv = QStringLiteral("file,truth,") + csvHeader().mid(QStringLiteral("file,").size()) + u'\n';
    QString errorList;
    int failed = 0;
    QString engineVersion;
};

/// Adds one assessment of a labelled photo to the tally: prediction, curve points and wrong verdicts.
void tallyAssessment(EvaluationTally& t, const LabelRow& row, const Assessment& a)
{
    t.engineVersion = a.modelVersion;
    t.truth.push_back(row.label);
    t.predicted.push_back(labelOf(a));
    Assessment named = a;
    named.file = row.file;
    t.predictionsCsv += csvField(row.file) + u',' + labelToString(row.label) + u','
        + assessmentToCsv(named).mid(csvField(row.file).size() + 1) + u'\n';
    if (!a.ok()) {
        ++t.failed;
        const auto code = errorCodeKey(a.error->code);
        t.errorList += QStringLiteral("%1: not assessed (%2: %3)\n")
                           .arg(row.file, QString::fromLatin1(code.data(), code.size()), a.error->detail);
        return;
    }
    for (int k = 0; k < kAttributeCount; ++k) {
        const AttributeVerdict& v = a.verdicts[k];
        if (v.judged && row.label[k] >= 0) {
            t.curveScores[k].push_back(v.score);
            t.curveTruth[k].push_back(row.label[k]);
            t.usedThresholds[k] = v.threshold;
        }
        if (row.label[k] < 0 || !v.judged || (v.pass ? 1 : 0) == row.label[k])
            continue;
        t.errorList += QStringLiteral("%1: %2 truth %3, predicted %4 (score %5): %6\n")
                           .arg(row.file, QString::fromLatin1(kAttributeKeys[k].data(), kAttributeKeys[k].size()))
                           .arg(row.label[k])
                           .arg(v.pass ? 1 : 0)
                           .arg(v.score, 0, 'f', 3)
                           .arg(v.reason);
    }
}

/// Runs the engine over every labelled photo, with a progress line.
EvaluationTally runBatch(const LabelledBatch& batch, QTextStream& err)
{
    EvaluationTally tally;
    Progress progress(err, static_cast<int>(batch.files.size()));
    batch.runner->run(batch.files, [&](int i, const Assessment& a) {
        progress.step(a.file);
        tallyAssessment(tally, batch.labels.rows[i], a);
    });
    progress.finish();
    return tally;
}

/// The metrics on stdout (text or json), then the wrong verdicts when asked.
void printEvaluation(QTextStream& out, const EvaluateRequest& request, const LabelledBatch& batch,
                     const EvaluationTally& tally, const Metrics& m)
{
    if (request.format == QLatin1String("json")) {
        QJsonObject o = metricsToJson(m);
        o[QStringLiteral("engine")] = batch.options.engine.name;
        o[QStringLiteral("engine_version")] = tally.engineVersion;
        o[QStringLiteral("not_assessed")] = tally.failed;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out << "Evaluated " << m.images << " images from " << request.labelsPath << " with engine "
            << batch.options.engine.name << " (" << tally.engineVersion << ")";
        if (tally.failed)
            out << "; " << tally.failed << " could not be assessed and count as predicted fails";
        out << "\n\n" << metricsToText(m);
    }
    if (request.listErrors && !tally.errorList.isEmpty())
        out << "\nWrong verdicts:\n" << tally.errorList;
}

/// The threshold curve of each attribute with judged verdicts, and their points as curves.csv.
std::vector<ThresholdCurve> computeCurves(const EvaluationTally& tally, QString& curvesCsv)
{
    std::vector<ThresholdCurve> curves;
    curvesCsv = QStringLiteral(
        "attribute,threshold,accuracy,balanced_accuracy,pass_f1,fail_f1,true_pass,false_fail,true_fail,false_pass,"
        "current_threshold,best_threshold\n");
    for (int k = 0; k < kAttributeCount; ++k) {
        if (tally.curveScores[k].empty())
            continue;
        curves.push_back(computeThresholdCurve(kAllAttributes[k], tally.curveScores[k], tally.curveTruth[k],
                                               tally.usedThresholds[k]));
        const ThresholdCurve& c = curves.back();
        for (const ThresholdPoint& p : c.points)
            curvesCsv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10,%11,%12\n")
                             .arg(QString::fromLatin1(kAttributeKeys[k].data(), kAttributeKeys[k].size()))
                             .arg(p.threshold, 0, 'f', 2)
                             .arg(p.accuracy, 0, 'f', 4)
                             .arg(p.balancedAccuracy, 0, 'f', 4)
                             .arg(p.passF1, 0, 'f', 4)
                             .arg(p.failF1, 0, 'f', 4)
                             .arg(p.truePass)
                             .arg(p.falseFail)
                             .arg(p.trueFail)
                             .arg(p.falsePass)
                             .arg(c.currentThreshold, 0, 'f', 3)
                             .arg(c.bestThreshold, 0, 'f', 3);
    }
    return curves;
}

/// Plots need QtGui, so they come from the renderer the app registers (cli/ReportPlots.h); a build without one
/// writes the report without plots. Returns false after writing why to err.
bool writePlots(const EvaluateRequest& request, const LabelledBatch& batch, std::vector<ThresholdCurve> curves,
                const Metrics& m, QTextStream& err)
{
    const PlotRenderer& render = plotRenderer();
    if (!render)
        return true;
    PlotRequest plot;
    plot.curves = std::move(curves);
    plot.directory = *request.reportDir;
    plot.title = QStringLiteral("%1 on %2").arg(batch.options.engine.name, QFileInfo(request.labelsPath).fileName());
    plot.metrics = m;
    const auto written = render(plot);
    if (!written) {
        err << "headshot-qa evaluate: plots not written: " << written.error().detail << "\n";
        return false;
    }
    return true;
}

/// The --report folder: metrics, predictions, curves and plots. Returns false after writing why to err.
bool writeReport(const EvaluateRequest& request, const LabelledBatch& batch, const EvaluationTally& tally,
                 const Metrics& m, QTextStream& err)
{
    const QString& dir = *request.reportDir;
    if (!QDir().mkpath(dir)) {
        err << "headshot-qa evaluate: cannot create " << dir << "\n";
        return false;
    }
    QJsonObject o = metricsToJson(m);
    o[QStringLiteral("engine")] = batch.options.engine.name;
    o[QStringLiteral("engine_version")] = tally.engineVersion;
    const bool ok = writeFile(QDir(dir).filePath(QStringLiteral("metrics.json")), QJsonDocument(o).toJson(), err)
        && writeFile(QDir(dir).filePath(QStringLiteral("metrics.csv")), metricsToCsv(m).toUtf8(), err)
        && writeFile(QDir(dir).filePath(QStringLiteral("predictions.csv")), tally.predictionsCsv.toUtf8(), err);
    if (!ok)
        return false;
    QString curvesCsv;
    std::vector<ThresholdCurve> curves = computeCurves(tally, curvesCsv);
    if (!writeFile(QDir(dir).filePath(QStringLiteral("curves.csv")), curvesCsv.toUtf8(), err))
        return false;
    return writePlots(request, batch, std::move(curves), m, err);
}

} // namespace

int runEvaluate(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("evaluate"),
        QStringLiteral(
            "Runs an engine on every photo of LABELS.csv (columns file,label; see ATTRIBUTES.md) and prints Hamming "
            "accuracy, exact match, macro F1 and per-attribute figures."));
    addEvaluateOptions(commandLine);
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    const auto request = readEvaluateRequest(commandLine, err);
    if (!request)
        return kExitUsage;
    int exitCode = kExitOk;
    const auto batch = prepareLabelledBatch(commandLine, err, exitCode);
    if (!batch)
        return exitCode;

    const EvaluationTally tally = runBatch(*batch, err);
    const Metrics m = computeMetrics(tally.truth, tally.predicted);
    printEvaluation(out, *request, *batch, tally, m);
    if (request->reportDir && !writeReport(*request, *batch, tally, m, err))
        return kExitSomeFailed;
    return tally.failed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli
