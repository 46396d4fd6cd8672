// `headshot-qa train LABELS.csv --out MODEL ...`: the card's training recipe from the command line. Ctrl+C
// ends training after the current batch and leaves a resumable checkpoint (MODEL.resume).
#include "Cli.h"

#ifdef HQA_WITH_TORCH
#include "core/eval/LabelFile.h"
#include "core/train/net/Trainer.h"
#include "core/train/net/FineTuner.h"

#include <QCoreApplication>
#include <atomic>
#include <cmath>
#include <csignal>
#include <optional>

namespace hqa::cli {

using namespace core;

namespace {

QString tr(const char* s) { return QCoreApplication::translate("hqa::TrainCommand", s); }

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted = true; }

int usage(QTextStream& err)
{
    err << tr("usage: headshot-qa train LABELS.csv --out MODEL [--backbone FILE] [--epochs 10] [--batch 32]\n"
              "         [--lr 5e-5] [--max-lr 1e-4] [--size 224] [--val 0.2] [--seed N]\n"
              "         [--balance weights|sampling|none] [--no-flip] [--resume MODEL.resume] [--threads N]\n"
              "Trains the six heads and the backbone (AdamW, one-cycle schedule, BCE with logits, unknown labels\n"
              "masked). Without --backbone the network starts from fresh seeded weights. Writes MODEL (best epoch,\n"
              "thresholds tuned on the validation split) and MODEL.resume after every epoch; Ctrl+C stops after\n"
              "the current batch, and --resume MODEL.resume continues where it stopped.\n"
              "\n"
              "       headshot-qa train --from-project PROJECT.hqa --model BASE --out NEW [--steps 300] [--threads N]\n"
              "Fine-tunes BASE's six heads on the project's corrections (golden labels where verified) over cached\n"
              "backbone features (PROJECT.hqa.features) and registers NEW in the project; BASE stays as it was.\n");
    err.flush();
    return kExitUsage;
}

QString fmt(double v, int prec = 3) { return std::isnan(v) ? QStringLiteral("n/a") : QString::number(v, 'f', prec); }

/// What `train --from-project` is asked to do.
struct FineTuneRequest {
    QString project;
    FineTuneOptions options;
};

/// The `--from-project` options, read in pairs; nullopt after printing the usage.
std::optional<FineTuneRequest> readFineTuneRequest(const QStringList& args, QTextStream& err)
{
    FineTuneRequest request;
    FineTuneOptions& f = request.options;
    for (int i = 0; i + 1 < args.size(); i += 2) {
        const QString& a = args[i];
        bool ok = true;
        if (a == "--from-project")
            request.project = args[i + 1];
        else if (a == "--model")
            f.baseModel = args[i + 1];
        else if (a == "--out")
            f.outPath = args[i + 1];
        else if (a == "--steps")
            f.steps = args[i + 1].toInt(&ok);
        else if (a == "--threads")
            f.threads = args[i + 1].toInt(&ok);
        else
            ok = false;
        if (!ok) {
            err << tr("train: bad option %1\n").arg(a);
            usage(err);
            return std::nullopt;
        }
    }
    if (args.size() % 2 || request.project.isEmpty() || f.baseModel.isEmpty() || f.outPath.isEmpty() || f.steps < 1) {
        usage(err);
        return std::nullopt;
    }
    return request;
}

void printFineTuneResult(const FineTuneResult& r, const FineTuneRequest& request, QTextStream& out)
{
    out << tr("fine-tuned on %1 photos (features: %2 computed in %3 s, %4 cached; heads %5 s)\n")
               .arg(r.samples)
               .arg(r.featuresComputed)
               .arg(r.featureSeconds, 0, 'f', 1)
               .arg(r.featuresCached)
               .arg(r.trainSeconds, 0, 'f', 1);
    for (int a = 0; a < kAttributeCount; ++a)
        if (!std::isnan(r.accuracyAfter[size_t(a)]))
            out << tr("  %1 accuracy on the corrected photos %2 -> %3\n")
                       .arg(QString::fromLatin1(kAttributeKeys[size_t(a)].data()), fmt(r.accuracyBefore[size_t(a)]),
                            fmt(r.accuracyAfter[size_t(a)]));
    out << tr("model %1 (version %2, parent %3) registered in %4\n")
               .arg(request.options.outPath, r.modelVersion, r.parentVersion, request.project);
}

int fineTune(const FineTuneRequest& request, QTextStream& out, QTextStream& err)
{
    auto r = fineTuneFromProject(request.project, request.options);
    if (!r) {
        err << tr("train: %1\n").arg(r.error().detail);
        return kExitSomeFailed;
    }
    printFineTuneResult(*r, request, out);
    return kExitOk;
}

/// What `train LABELS.csv` is asked to do.
struct TrainRequest {
    TrainOptions options;
    QString labelsPath;
};

/// --balance weights|sampling|none; false (balance unchanged) for anything else.
bool readBalance(const QString& v, ClassBalance& balance)
{
    if (v == "weights")
        balance = ClassBalance::PosWeight;
    else if (v == "sampling")
        balance = ClassBalance::Sampling;
    else if (v == "none")
        balance = ClassBalance::None;
    else
        return false;
    return true;
}

/// What one argument of `train LABELS.csv` turned out to be.
enum class TrainArg { Ok, Help, Unknown, Bad };

/// Reads args[i] into the request; an option's value advances i.
TrainArg readTrainArg(const QStringList& args, int& i, TrainRequest& request)
{
    TrainOptions& o = request.options;
    const QString& a = args[i];
    auto value = [&](QString& dst) {
        if (i + 1 >= args.size())
            return false;
        dst = args[++i];
        return true;
    };
    QString v;
    bool ok = true;
    if (a == "-h" || a == "--help")
        return TrainArg::Help;
    else if (a == "--out")
        ok = value(o.outPath);
    else if (a == "--backbone")
        ok = value(o.backbone);
    else if (a == "--resume")
        ok = value(o.resume);
    else if (a == "--no-flip")
        o.flip = false;
    else if (a == "--epochs" && (ok = value(v)))
        o.epochs = v.toInt(&ok);
    else if (a == "--batch" && (ok = value(v)))
        o.batch = v.toInt(&ok);
    else if (a == "--size" && (ok = value(v)))
        o.size = v.toInt(&ok);
    else if (a == "--threads" && (ok = value(v)))
        o.threads = v.toInt(&ok);
    else if (a == "--lr" && (ok = value(v)))
        o.lr = v.toDouble(&ok);
    else if (a == "--max-lr" && (ok = value(v)))
        o.maxLr = v.toDouble(&ok);
    else if (a == "--val" && (ok = value(v)))
        ok = (o.valFraction = v.toDouble(&ok)) >= 0 && o.valFraction < 1 && ok;
    else if (a == "--seed" && (ok = value(v)))
        o.seed = v.toULongLong(&ok);
    else if (a == "--balance" && (ok = value(v)))
        ok = readBalance(v, o.balance);
    else if (a.startsWith("--"))
        return TrainArg::Unknown;
    else if (request.labelsPath.isEmpty())
        request.labelsPath = a;
    else
        ok = false;
    return ok ? TrainArg::Ok : TrainArg::Bad;
}

/// The arguments, read in order; nullopt after the first error (or --help), with the exit status in exitCode.
std::optional<TrainRequest> readTrainRequest(const QStringList& args, QTextStream& out, QTextStream& err, int& exitCode)
{
    TrainRequest request;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        switch (readTrainArg(args, i, request)) {
        case TrainArg::Ok:
            continue;
        case TrainArg::Help:
            usage(out);
            exitCode = kExitOk;
            return std::nullopt;
        case TrainArg::Unknown:
            err << tr("train: unknown option %1\n").arg(a);
            exitCode = usage(err);
            return std::nullopt;
        case TrainArg::Bad:
            err << tr("train: bad or missing value for %1\n").arg(a);
            exitCode = usage(err);
            return std::nullopt;
        }
    }
    if (request.labelsPath.isEmpty() || request.options.outPath.isEmpty()) {
        exitCode = usage(err);
        return std::nullopt;
    }
    return request;
}

void printEpoch(const EpochReport& r, QTextStream& out)
{
    out << tr("epoch %1/%2  train loss %3  val loss %4  val hamming %5  macro F1 %6  (%7 s)%8\n")
               .arg(r.epoch)
               .arg(r.epochs)
               .arg(fmt(r.trainLoss, 4), fmt(r.valLoss, 4), fmt(r.hammingAccuracy), fmt(r.macroF1), fmt(r.seconds, 1),
                    r.best ? tr("  best, saved") : QString());
    QStringList per;
    for (int a = 0; a < kAttributeCount; ++a)
        per << QStringLiteral("%1 F1 %2 bal.acc %3")
                   .arg(QString::fromLatin1(kAttributeKeys[size_t(a)].data()), fmt(r.f1[size_t(a)]),
                        fmt(r.balancedAccuracy[size_t(a)]));
    out << "    " << per.join(QStringLiteral("; ")) << "\n";
    out.flush();
}

/// The split sizes and either how to resume (kExitSomeFailed) or the model and its thresholds.
int printTrainResult(const TrainResult& result, const TrainRequest& request, QTextStream& out)
{
    out << tr("%1 training images, %2 validation images\n").arg(result.trainImages).arg(result.valImages);
    if (result.cancelled) {
        out << tr("stopped after %1 epoch(s); continue with: headshot-qa train %2 --out %3 --resume %4\n")
                   .arg(result.epochsDone)
                   .arg(request.labelsPath, request.options.outPath, result.resumePath);
        return kExitSomeFailed;
    }
    QStringList thr;
    for (int a = 0; a < kAttributeCount; ++a)
        thr << QStringLiteral("%1 %2")
                   .arg(QString::fromLatin1(kAttributeKeys[size_t(a)].data()))
                   .arg(result.thresholds[size_t(a)], 0, 'f', 3);
    out << tr("model: %1 (thresholds: %2)\n").arg(result.modelPath, thr.join(QStringLiteral(", ")));
    return kExitOk;
}

/// Trains on the label file; Ctrl+C stops after the current batch.
int trainFromLabels(const TrainRequest& request, QTextStream& out, QTextStream& err)
{
    auto labels = readLabelFile(request.labelsPath);
    if (!labels) {
        err << tr("train: %1\n").arg(labels.error().detail);
        return kExitSomeFailed;
    }
    Trainer trainer(request.options);
    g_interrupted = false;
    trainer.setCancelFlag(&g_interrupted);
    trainer.setProgress([&](const EpochReport& r) { printEpoch(r, out); });
    auto previous = std::signal(SIGINT, onInterrupt);
    auto result = trainer.run(*labels);
    std::signal(SIGINT, previous);
    if (!result) {
        err << tr("train: %1\n").arg(result.error().detail);
        return kExitSomeFailed;
    }
    return printTrainResult(*result, request, out);
}

} // namespace

int runTrain(const QStringList& args, QTextStream& out, QTextStream& err)
{
    if (args.contains(QStringLiteral("--from-project"))) {
        const auto request = readFineTuneRequest(args, err);
        return request ? fineTune(*request, out, err) : kExitUsage;
    }
    int exitCode = kExitUsage;
    const auto request = readTrainRequest(args, out, err, exitCode);
    return request ? trainFromLabels(*request, out, err) : exitCode;
}

} // namespace hqa::cli
#endif
