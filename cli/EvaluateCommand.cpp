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

} // namespace

int runEvaluate(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("evaluate"),
        QStringLiteral(
            "Runs an engine on every photo of LABELS.csv (columns file,label; see ATTRIBUTES.md) and prints Hamming "
            "accuracy, exact match, macro F1 and per-attribute figures."));
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
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    if (commandLine.positionals().size() != 1)
        return commandLine.usageError(err, QStringLiteral("expects exactly one LABELS.csv"));
    const QString format = commandLine.value(QStringLiteral("format"));
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return commandLine.usageError(err, QStringLiteral("--format must be text or json"));
    int exitCode = kExitOk;
    auto batch = prepareLabelledBatch(commandLine, err, exitCode);
    if (!batch)
        return exitCode;
    std::vector<Label> truth, predicted;
    // Per attribute: scores and truths of judged verdicts, for the threshold curves of the report.
    std::array<std::vector<double>, kAttributeCount> curveScores;
    std::array<std::vector<int>, kAttributeCount> curveTruth;
    std::array<double, kAttributeCount> usedThresholds{0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
    QString predictionsCsv = QStringLiteral("file,truth,") + csvHeader().mid(QStringLiteral("file,").size()) + u'\n';
    QString errorList;
    int failed = 0;
    QString engineVersion;
    Progress progress(err, static_cast<int>(batch->files.size()));
    batch->runner->run(batch->files, [&](int i, const Assessment& a) {
        progress.step(a.file);
        const LabelRow& row = batch->labels.rows[i];
        engineVersion = a.modelVersion;
        truth.push_back(row.label);
        predicted.push_back(labelOf(a));
        Assessment named = a;
        named.file = row.file;
        predictionsCsv += csvField(row.file) + u',' + labelToString(row.label) + u','
            + assessmentToCsv(named).mid(csvField(row.file).size() + 1) + u'\n';
        if (!a.ok()) {
            ++failed;
            const auto code = errorCodeKey(a.error->code);
            errorList += QStringLiteral("%1: not assessed (%2: %3)\n")
                             .arg(row.file, QString::fromLatin1(code.data(), code.size()), a.error->detail);
            return;
        }
        for (int k = 0; k < kAttributeCount; ++k) {
            const AttributeVerdict& v = a.verdicts[k];
            if (v.judged && row.label[k] >= 0) {
                curveScores[k].push_back(v.score);
                curveTruth[k].push_back(row.label[k]);
                usedThresholds[k] = v.threshold;
            }
            if (row.label[k] < 0 || !v.judged || (v.pass ? 1 : 0) == row.label[k])
                continue;
            errorList += QStringLiteral("%1: %2 truth %3, predicted %4 (score %5): %6\n")
                             .arg(row.file, QString::fromLatin1(kAttributeKeys[k].data(), kAttributeKeys[k].size()))
                             .arg(row.label[k])
                             .arg(v.pass ? 1 : 0)
                             .arg(v.score, 0, 'f', 3)
                             .arg(v.reason);
        }
    });
    progress.finish();

    const Metrics m = computeMetrics(truth, predicted);
    if (format == QLatin1String("json")) {
        QJsonObject o = metricsToJson(m);
        o[QStringLiteral("engine")] = batch->options.engine.name;
        o[QStringLiteral("engine_version")] = engineVersion;
        o[QStringLiteral("not_assessed")] = failed;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out << "Evaluated " << m.images << " images from " << commandLine.positionals().front() << " with engine "
            << batch->options.engine.name << " (" << engineVersion << ")";
        if (failed)
            out << "; " << failed << " could not be assessed and count as predicted fails";
        out << "\n\n" << metricsToText(m);
    }
    if (commandLine.isSet(QStringLiteral("errors")) && !errorList.isEmpty())
        out << "\nWrong verdicts:\n" << errorList;

    if (commandLine.isSet(QStringLiteral("report"))) {
        const QString dir = commandLine.value(QStringLiteral("report"));
        if (!QDir().mkpath(dir)) {
            err << "headshot-qa evaluate: cannot create " << dir << "\n";
            return kExitSomeFailed;
        }
        QJsonObject o = metricsToJson(m);
        o[QStringLiteral("engine")] = batch->options.engine.name;
        o[QStringLiteral("engine_version")] = engineVersion;
        const bool ok = writeFile(QDir(dir).filePath(QStringLiteral("metrics.json")), QJsonDocument(o).toJson(), err)
            && writeFile(QDir(dir).filePath(QStringLiteral("metrics.csv")), metricsToCsv(m).toUtf8(), err)
            && writeFile(QDir(dir).filePath(QStringLiteral("predictions.csv")), predictionsCsv.toUtf8(), err);
        if (!ok)
            return kExitSomeFailed;
        std::vector<ThresholdCurve> curves;
        QString curvesCsv = QStringLiteral(
            "attribute,threshold,accuracy,balanced_accuracy,pass_f1,fail_f1,true_pass,false_fail,true_fail,false_pass,"
            "current_threshold,best_threshold\n");
        for (int k = 0; k < kAttributeCount; ++k) {
            if (curveScores[k].empty())
                continue;
            curves.push_back(
                computeThresholdCurve(kAllAttributes[k], curveScores[k], curveTruth[k], usedThresholds[k]));
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
        if (!writeFile(QDir(dir).filePath(QStringLiteral("curves.csv")), curvesCsv.toUtf8(), err))
            return kExitSomeFailed;
        // Plots need QtGui, so they come from the renderer the app registers (cli/ReportPlots.h); a build
        // without one writes the report without plots.
        if (const PlotRenderer& render = plotRenderer()) {
            PlotRequest request;
            request.curves = curves;
            request.directory = dir;
            request.title = QStringLiteral("%1 on %2")
                                .arg(batch->options.engine.name,
                                     QFileInfo(commandLine.positionals().front()).fileName());
            request.metrics = m;
            const auto written = render(request);
            if (!written) {
                err << "headshot-qa evaluate: plots not written: " << written.error().detail << "\n";
                return kExitSomeFailed;
            }
        }
    }
    return failed ? kExitSomeFailed : kExitOk;
}

} // namespace hqa::cli
