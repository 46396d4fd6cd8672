#include "Cli.h"

#include "cli/CommandLine.h"
#include "core/engine/AnalysisEngine.h"
#include "core/eval/LabelFile.h"
#include "core/eval/LogisticFit.h"
#include "core/face/FaceAnalyzer.h"
#include "core/image/ImageDecoder.h"
#include "core/measures/BackgroundMeasure.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <cmath>
#include <memory>
#include <optional>

namespace hqa::cli {

using namespace core;

namespace {

/// What one labelled photo gives the fit.
struct FitSample {
    std::optional<std::vector<double>> features; ///< pooled scene features; nullopt: not usable (why in `problem`)
    double handScore = 0; ///< the background measure's score on its hand measures alone
    QString problem;
};

FitSample sampleOf(const QString& path)
{
    thread_local std::unique_ptr<FaceAnalyzer> analyzer;
    if (!analyzer)
        analyzer = std::make_unique<FaceAnalyzer>();
    FitSample s;
    DecodeOptions options;
    options.maxLongSide = kAnalysisLongSide;
    auto image = decodeImageFile(path, options);
    if (!image) {
        s.problem = image.error().detail;
        return s;
    }
    auto ev = analyzer->analyze(image->bgr, image->scale > 0 ? 1.0 / image->scale : 1.0);
    if (!ev) {
        s.problem = ev.error().detail;
        return s;
    }
    if (!ev->hasFace()) {
        s.problem = QStringLiteral("no face");
        return s;
    }
    if (ev->sceneFeatures.empty()) {
        s.problem = ev->sceneNote;
        return s;
    }
    BackgroundConfig hand;
    hand.useSceneProbe = false;
    s.handScore = BackgroundMeasure(hand).evaluate(*ev).score;
    s.features = backgroundSceneFeatures(*ev);
    if (!s.features)
        s.problem = QStringLiteral("no background cells");
    return s;
}

struct Tally {
    int cleanPassed = 0, clean = 0, busyFailed = 0, busy = 0;
    void add(int label, bool pass)
    {
        (label == 1 ? clean : busy) += 1;
        if (label == 1 && pass)
            ++cleanPassed;
        if (label == 0 && !pass)
            ++busyFailed;
    }
    double balanced() const { return 0.5 * (double(cleanPassed) / clean + double(busyFailed) / busy); }
    QString text() const
    {
        return QStringLiteral("%1  (%2 of %3 busy backgrounds missed, %4 of %5 clean ones failed)")
            .arg(balanced(), 0, 'f', 3)
            .arg(busy - busyFailed)
            .arg(busy)
            .arg(clean - cleanPassed)
            .arg(clean);
    }
};

QString number(double v) { return QString::number(v, 'g', 9); }

QString probeSource(const LinearProbe& probe, const QString& provenance)
{
    QString s = QStringLiteral("#include \"BackgroundMeasure.h\"\n\n// Written by `headshot-qa fit-background`; do not "
                               "edit by hand.\n");
    for (const QString& line : provenance.split(u'\n'))
        s += QStringLiteral("// %1\n").arg(line).replace(QStringLiteral("// \n"), QStringLiteral("//\n"));
    s += QStringLiteral("\nnamespace hqa::core {\n\nconst LinearProbe& backgroundSceneProbe()\n{\n    static const "
                        "LinearProbe probe{\n");
    auto list = [&s](const char* name, const std::vector<double>& values) {
        s += QStringLiteral("        // %1\n        {").arg(QLatin1String(name));
        for (size_t i = 0; i < values.size(); ++i) {
            if (i % 6 == 0)
                s += QStringLiteral("\n            ");
            s += number(values[i]) + QLatin1String(i + 1 < values.size() ? ", " : ",");
        }
        s += QStringLiteral("\n        },\n");
    };
    list("mean", probe.mean);
    list("scale", probe.scale);
    list("weight", probe.weight);
    s += QStringLiteral("        %1,\n    };\n    return probe;\n}\n\n} // namespace hqa::core\n")
             .arg(number(probe.bias));
    return s;
}

} // namespace

int runFitBackground(const QStringList& args, QTextStream& out, QTextStream& err)
{
    CommandLine commandLine(
        QStringLiteral("fit-background"),
        QStringLiteral(
            "Fits the background measure's scene probe on the background labels of LABELS.csv: the scene network's "
            "features averaged over each photo's background, read by a class-balanced logistic regression. Prints "
            "the grouped cross-validation (folds by the group column, i.e. by person) of the hand measures alone, "
            "the probe alone and both together, and with --out writes the probe as the C++ source that ships it "
            "(core/measures/BackgroundSceneProbe.cpp). Fit on the tuning people only."));
    commandLine.addPositional(QStringLiteral("LABELS"), QStringLiteral("labels.csv (the tuning part)"));
    commandLine.addOption({QStringLiteral("lambda"),
                           QStringLiteral("L2 penalty on the standardised weights (default 0.03: the largest of the "
                                          "best in the grouped cross-validation on the diverse set's tuning part)."),
                           QStringLiteral("L"), QStringLiteral("0.03")});
    commandLine.addOption({QStringLiteral("folds"), QStringLiteral("Cross-validation folds (by group)."),
                           QStringLiteral("K"), QStringLiteral("5")});
    commandLine.addOption(
        {QStringLiteral("out"), QStringLiteral("Write the fitted probe as C++ source here."), QStringLiteral("FILE")});
    if (auto code = commandLine.parse(args, out, err))
        return *code;
    if (commandLine.positionals().size() != 1)
        return commandLine.usageError(err, QStringLiteral("expects exactly one LABELS.csv"));
    bool okLambda = false, okFolds = false;
    LogisticFitOptions options;
    options.lambda = commandLine.value(QStringLiteral("lambda")).toDouble(&okLambda);
    const int folds = commandLine.value(QStringLiteral("folds")).toInt(&okFolds);
    if (!okLambda || !(options.lambda >= 0) || !okFolds || folds < 2)
        return commandLine.usageError(err, QStringLiteral("--lambda expects a value >= 0, --folds a number >= 2"));

    const QString labelsPath = commandLine.positionals().front();
    auto labels = readLabelFile(labelsPath);
    if (!labels) {
        err << "headshot-qa fit-background: " << labels.error().detail << "\n";
        return kExitUsage;
    }
    std::vector<LabelRow> rows;
    for (const LabelRow& r : labels->rows)
        if (r.label[size_t(index(Attribute::Background))] >= 0)
            rows.push_back(r);
    const std::vector<FitSample> samples = QtConcurrent::blockingMapped<std::vector<FitSample>>(
        rows, [](const LabelRow& r) { return sampleOf(r.path); });

    std::vector<std::vector<double>> x;
    std::vector<int> y;
    std::vector<QString> groups;
    std::vector<double> hand;
    int skipped = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (!samples[i].features) {
            ++skipped;
            err << "headshot-qa fit-background: skipped " << rows[i].file << ": " << samples[i].problem << "\n";
            continue;
        }
        x.push_back(*samples[i].features);
        y.push_back(rows[i].label[size_t(index(Attribute::Background))]);
        groups.push_back(rows[i].group.isEmpty() ? rows[i].file : rows[i].group);
        hand.push_back(samples[i].handScore);
    }
    Tally handOnly, probeOnly, both;
    const std::vector<double> oof = crossValidatedProbabilities(x, y, groups, folds, options);
    for (size_t i = 0; i < x.size(); ++i) {
        if (!std::isfinite(oof[i]))
            continue;
        handOnly.add(y[i], hand[i] >= kDefaultMeasureThreshold);
        probeOnly.add(y[i], oof[i] >= 0.5);
        both.add(y[i], std::min(hand[i], oof[i]) >= kDefaultMeasureThreshold);
    }
    if (handOnly.clean == 0 || handOnly.busy == 0) {
        err << "headshot-qa fit-background: need photos labelled with a clean and a busy background (" << x.size()
            << " usable, " << skipped << " skipped)\n";
        return kExitSomeFailed;
    }
    std::vector<QString> people = groups;
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    const QString summary =
        QStringLiteral("%1 photos of %2 groups from %3 (%4 clean, %5 busy; %6 skipped), %7 features, lambda %8.\n"
                       "Grouped %9-fold cross-validation, background balanced accuracy:\n"
                       "  hand measures alone      %10\n"
                       "  scene probe alone        %11\n"
                       "  hand measures and probe  %12")
            .arg(x.size())
            .arg(people.size())
            .arg(QFileInfo(labelsPath).fileName())
            .arg(handOnly.clean)
            .arg(handOnly.busy)
            .arg(skipped)
            .arg(x.front().size())
            .arg(options.lambda)
            .arg(folds)
            .arg(handOnly.text(), probeOnly.text(), both.text());
    out << summary << "\n";
    if (commandLine.isSet(QStringLiteral("out"))) {
        const LinearProbe probe = fitLogistic(x, y, options);
        const QString path = commandLine.value(QStringLiteral("out"));
        const QString provenance = QStringLiteral("headshot-qa fit-background %1 --lambda %2 --folds %3 (%4)\n%5")
                                       .arg(QFileInfo(labelsPath).fileName())
                                       .arg(options.lambda)
                                       .arg(folds)
                                       .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate), summary);
        QSaveFile f(path);
        const QByteArray bytes = probeSource(probe, provenance).toUtf8();
        if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
            err << "headshot-qa fit-background: cannot write " << path << ": " << f.errorString() << "\n";
            return kExitSomeFailed;
        }
        out << "wrote " << path << "\n";
    }
    return kExitOk;
}

} // namespace hqa::cli
