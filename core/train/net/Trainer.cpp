// The card's training recipe in LibTorch: AdamW, a one-cycle schedule, BCE with logits masked where a label
// is unknown, class balancing, flip augmentation, a group-aware validation split, per-epoch checkpoints that
// resume exactly (weights, optimiser moments, schedule position, RNG, shuffling order).
#include "core/train/net/Trainer.h"
#include "core/eval/ThresholdTuning.h"
#include "core/eval/Metrics.h"
#include "core/image/ImageDecoder.h"
#include "core/model/SwinModel.h"
#include "core/model/SwinModelAccess.h"
#include "core/AtomicFile.h"
#include <torch/torch.h>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>

namespace hqa::core {
namespace {

constexpr const char* kResumeFormat = "hqa-train-resume-1";
const double kNaN = std::numeric_limits<double>::quiet_NaN();

QString tr(const char* s) { return QCoreApplication::translate("hqa::core::Trainer", s); }
QString firstLine(const std::exception& e) { return QString::fromUtf8(e.what()).section('\n', 0, 0); }

QJsonObject optionsJson(const TrainOptions& o)
{
    return {{"epochs", o.epochs},
            {"batch", o.batch},
            {"lr", o.lr},
            {"max_lr", o.maxLr},
            {"weight_decay", o.weightDecay},
            {"pct_start", o.pctStart},
            {"size", o.size},
            {"val", o.valFraction},
            {"seed", QString::number(o.seed)},
            {"balance",
             o.balance == ClassBalance::PosWeight      ? "weights"
                 : o.balance == ClassBalance::Sampling ? "sampling"
                                                       : "none"},
            {"flip", o.flip}};
}

/// The schedule-defining options come back from the checkpoint so a resumed run follows the same curve.
void restoreOptions(TrainOptions& o, const QJsonObject& j)
{
    o.epochs = j.value("epochs").toInt(o.epochs);
    o.batch = j.value("batch").toInt(o.batch);
    o.lr = j.value("lr").toDouble(o.lr);
    o.maxLr = j.value("max_lr").toDouble(o.maxLr);
    o.weightDecay = j.value("weight_decay").toDouble(o.weightDecay);
    o.pctStart = j.value("pct_start").toDouble(o.pctStart);
    o.size = j.value("size").toInt(o.size);
    o.valFraction = j.value("val").toDouble(o.valFraction);
    o.seed = j.value("seed").toString().toULongLong();
    const QString b = j.value("balance").toString();
    o.balance = b == "sampling" ? ClassBalance::Sampling : b == "none" ? ClassBalance::None : ClassBalance::PosWeight;
    o.flip = j.value("flip").toBool(o.flip);
}

/// torch's OneCycleLR (cosine annealing) with div_factor chosen so the first step runs at `lr`.
double oneCycleLr(const TrainOptions& o, std::int64_t step, std::int64_t total)
{
    const double initial = o.lr, peak = std::max(o.maxLr, o.lr), final = initial / 1e4;
    const double warm = std::max(1.0, o.pctStart * double(total) - 1.0);
    auto anneal = [](double from, double to, double pct) {
        return to + (from - to) / 2.0 * (1.0 + std::cos(M_PI * pct));
    };
    if (double(step) <= warm)
        return anneal(initial, peak, double(step) / warm);
    const double rest = std::max(1.0, double(total) - 1.0 - warm);
    return anneal(peak, final, std::min(1.0, (double(step) - warm) / rest));
}

/// BCE with logits, averaged over known labels only. `posWeight` may be undefined.
torch::Tensor maskedBce(const torch::Tensor& logits, const torch::Tensor& target, const torch::Tensor& mask,
                        const torch::Tensor& posWeight)
{
    auto opts = torch::nn::functional::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kNone);
    if (posWeight.defined())
        opts = opts.pos_weight(posWeight);
    const auto per = torch::nn::functional::binary_cross_entropy_with_logits(logits, target, opts) * mask;
    return per.sum() / mask.sum().clamp_min(1.0);
}

struct ResumeState {
    int epochsDone = 0;
    int batchInEpoch = 0;
    std::int64_t step = 0;
    double bestValLoss = std::numeric_limits<double>::infinity();
    double epochLossSum = 0;
    torch::Tensor order, rng;
};

Error modelError(const QString& d) { return makeError(ErrorCode::Model, d); }

/// The model to train and, when resuming, the archive and position it was saved with.
struct StartingPoint {
    std::unique_ptr<SwinModel> model;
    ResumeState state;
    std::unique_ptr<torch::serialize::InputArchive> resumeArchive;
};

/// Reads a .resume checkpoint: the options that define the schedule come back into `o`.
Expected<StartingPoint> resumeFrom(TrainOptions& o)
{
    QFile f(o.resume);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, tr("cannot read checkpoint %1: %2").arg(o.resume, f.errorString()));
    const QByteArray bytes = f.readAll();
    StartingPoint start;
    start.resumeArchive = std::make_unique<torch::serialize::InputArchive>();
    auto& archive = *start.resumeArchive;
    ResumeState& state = start.state;
    try {
        std::istringstream in(bytes.toStdString());
        archive.load_from(in);
        c10::IValue v;
        archive.read("format", v);
        if (!v.isString() || v.toStringRef() != kResumeFormat)
            throw std::runtime_error("not a training checkpoint");
        archive.read("options", v);
        restoreOptions(o, QJsonDocument::fromJson(QByteArray::fromStdString(v.toStringRef())).object());
        archive.read("meta", v);
        const SwinMetadata meta = SwinMetadata::fromJson(
            QJsonDocument::fromJson(QByteArray::fromStdString(v.toStringRef())).object());
        const QString bad = meta.config.validate();
        if (!bad.isEmpty())
            throw std::runtime_error(bad.toStdString());
        start.model = SwinModel::create(meta.config, o.seed);
        start.model->metadata() = meta;
        torch::serialize::InputArchive netArchive;
        archive.read("net", netArchive);
        SwinModelAccess::net(*start.model)->load(netArchive);
        archive.read("epochs_done", v);
        state.epochsDone = int(v.toInt());
        archive.read("batch_in_epoch", v);
        state.batchInEpoch = int(v.toInt());
        archive.read("step", v);
        state.step = v.toInt();
        archive.read("best_val_loss", v);
        state.bestValLoss = v.toDouble();
        archive.read("epoch_loss_sum", v);
        state.epochLossSum = v.toDouble();
        archive.read("order", state.order);
        archive.read("rng", state.rng);
    } catch (const std::exception& e) {
        return modelError(
            tr("%1 is not a usable training checkpoint (damaged or foreign file): %2").arg(o.resume, firstLine(e)));
    }
    return start;
}

/// The network to start from: a resumable checkpoint, an imported backbone with fresh heads, or seeded weights.
Expected<StartingPoint> startingPoint(TrainOptions& o)
{
    if (!o.resume.isEmpty())
        return resumeFrom(o);
    StartingPoint start;
    if (!o.backbone.isEmpty()) {
        SwinLoadOptions lo;
        lo.allowFreshHeads = true;
        lo.seed = o.seed;
        auto loaded = SwinModel::load(o.backbone, lo);
        if (!loaded)
            return loaded.error();
        if ((*loaded)->isTorchScript())
            return modelError(tr("a TorchScript file cannot be trained; import it with `model import` first"));
        start.model = std::move(*loaded);
        start.model->metadata().preprocessing.size = o.size;
        start.model->metadata().config.imageSize = o.size;
        return start;
    }
    SwinConfig cfg = o.config;
    cfg.imageSize = o.size;
    if (cfg.attributeHeads == 0)
        cfg.attributeHeads = kAttributeCount;
    const QString bad = cfg.validate();
    if (!bad.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("invalid network configuration: %1").arg(bad));
    start.model = SwinModel::create(cfg, o.seed);
    return start;
}

/// Every readable photo of the label file as a network input, with its labels and the known-label mask.
struct TrainingSet {
    std::vector<LabelRow> rows;
    torch::Tensor images, target, mask;
};

/// Decodes every photo once, in parallel (the set is small next to the network's cost per epoch).
Expected<TrainingSet> decodeTrainingSet(const LabelSet& labels, const SwinModel& model, int size)
{
    const auto n = int(labels.rows.size());
    std::vector<std::vector<float>> pixels(static_cast<size_t>(n));
    std::vector<QString> failures(static_cast<size_t>(n));
    std::vector<int> idx(static_cast<size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    QtConcurrent::blockingMap(idx, [&](int i) {
        DecodeOptions d;
        d.minSide = 16;
        d.maxLongSide = std::max(2 * size, 256);
        auto img = decodeImageFile(labels.rows[size_t(i)].path, d);
        if (!img)
            failures[size_t(i)] = img.error().detail;
        else
            pixels[size_t(i)] = model.preprocess(img->bgr);
    });
    TrainingSet set;
    std::vector<int> keep;
    for (int i = 0; i < n; ++i)
        if (failures[size_t(i)].isEmpty()) {
            keep.push_back(i);
            set.rows.push_back(labels.rows[size_t(i)]);
        }
    if (set.rows.empty())
        return makeError(ErrorCode::InvalidArgument, tr("no readable image in the label file"));
    const auto m = int(set.rows.size());
    set.images = torch::empty({m, 3, size, size});
    set.target = torch::zeros({m, kAttributeCount});
    set.mask = torch::zeros({m, kAttributeCount});
    for (int r = 0; r < m; ++r) {
        std::memcpy(set.images[r].data_ptr<float>(), pixels[size_t(keep[size_t(r)])].data(),
                    sizeof(float) * 3 * size * size);
        for (int a = 0; a < kAttributeCount; ++a) {
            const int v = set.rows[size_t(r)].label[size_t(a)];
            if (v >= 0) {
                set.target[r][a] = float(v);
                set.mask[r][a] = 1.0f;
            }
        }
    }
    return set;
}

/// How the rarer class of each attribute is weighted: a BCE pos_weight, or per-image sampling weights.
struct ClassWeights {
    torch::Tensor posWeight, sampleWeight;
};

/// From the training side only, so that validation labels never shape the loss.
ClassWeights classWeights(const TrainingSet& set, const torch::Tensor& trainT, ClassBalance balance)
{
    ClassWeights w;
    const auto tT = set.target.index_select(0, trainT), mT = set.mask.index_select(0, trainT);
    const auto passes = (tT * mT).sum(0), known = mT.sum(0), fails = known - passes;
    if (balance == ClassBalance::PosWeight)
        w.posWeight = (fails.clamp_min(1.0) / passes.clamp_min(1.0)).clamp(0.05, 20.0);
    else if (balance == ClassBalance::Sampling) {
        const auto inv = mT * (tT / passes.clamp_min(1.0) + (1 - tT) / fails.clamp_min(1.0));
        w.sampleWeight = inv.sum(1) / mT.sum(1).clamp_min(1.0) + 1e-6;
    }
    return w;
}

/// A fresh run's model version and provenance; a fusion choice belongs to the heads it was made for.
void startProvenance(SwinMetadata& meta, const TrainOptions& o)
{
    meta.modelVersion =
        QStringLiteral("trained-%1-%2").arg(QDateTime::currentDateTimeUtc().toString("yyyyMMddHHmmss")).arg(o.seed);
    meta.provenance.insert("training", optionsJson(o));
    meta.fusion = {};
}

/// Everything one run changes as it goes, and what it needs to write a resumable checkpoint.
struct RunContext {
    const TrainOptions& o;
    SwinModel& model;
    swin::SwinTransformer net;
    torch::optim::AdamW& optimizer;
    const TrainingSet& set;
    QString resumePath;
};

/// The resumable state: weights, optimiser moments, schedule position, RNG and shuffling order. Written to a
/// temp file beside the target and renamed when whole, so an interrupted write (full disk, crash) leaves the
/// previous checkpoint.
std::optional<Error> writeResume(RunContext& run, const ResumeState& st)
{
    torch::serialize::OutputArchive ar;
    ar.write("format", c10::IValue(std::string(kResumeFormat)));
    ar.write("options", c10::IValue(QJsonDocument(optionsJson(run.o)).toJson(QJsonDocument::Compact).toStdString()));
    ar.write("meta",
             c10::IValue(QJsonDocument(run.model.metadata().toJson()).toJson(QJsonDocument::Compact).toStdString()));
    torch::serialize::OutputArchive netAr, optAr;
    run.net->save(netAr);
    run.optimizer.save(optAr);
    ar.write("net", netAr);
    ar.write("optim", optAr);
    ar.write("epochs_done", c10::IValue(std::int64_t(st.epochsDone)));
    ar.write("batch_in_epoch", c10::IValue(std::int64_t(st.batchInEpoch)));
    ar.write("step", c10::IValue(st.step));
    ar.write("best_val_loss", c10::IValue(st.bestValLoss));
    ar.write("epoch_loss_sum", c10::IValue(st.epochLossSum));
    ar.write("order", st.order.defined() ? st.order : torch::empty({0}, torch::kLong));
    ar.write("rng", st.rng);
    std::ostringstream out;
    ar.save_to(out);
    const std::string bytes = out.str();
    if (auto failure = replaceFileContents(run.resumePath, QByteArrayView(bytes.data(), qsizetype(bytes.size()))))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(run.resumePath, *failure));
    return std::nullopt;
}

/// Where one epoch's batches stopped and what they cost.
struct EpochPass {
    torch::Tensor order; ///< the epoch's shuffled training indices
    int nextBatch = 0; ///< first batch not yet run
    double lossSum = 0;
    bool stopped = false; ///< cancelled before the last batch
};

/// The epoch's order: the saved one when continuing a cancelled epoch, else a seeded shuffle or weighted draw.
EpochPass beginEpoch(RunContext& run, const ResumeState& state, int epoch, const torch::Tensor& trainT,
                     const ClassWeights& weights)
{
    EpochPass pass;
    const bool continuing = epoch == state.epochsDone && state.batchInEpoch > 0 && state.order.defined()
        && state.order.numel() > 0;
    if (continuing) {
        pass.order = state.order;
        pass.nextBatch = state.batchInEpoch;
        pass.lossSum = state.epochLossSum;
        return pass;
    }
    const auto nTrain = trainT.size(0);
    torch::manual_seed(run.o.seed * 1000003ULL + std::uint64_t(epoch));
    pass.order = weights.sampleWeight.defined()
        ? trainT.index_select(0, torch::multinomial(weights.sampleWeight.index_select(0, trainT), nTrain, true))
        : trainT.index_select(0, torch::randperm(nTrain, torch::kLong));
    return pass;
}

/// Runs the epoch's remaining batches: flip augmentation, masked BCE, one-cycle learning rate, AdamW.
void trainBatches(RunContext& run, EpochPass& pass, ResumeState& state, const ClassWeights& weights,
                  int batchesPerEpoch, std::int64_t totalSteps, const std::function<void(int, int, double)>& progress,
                  const std::function<bool()>& cancelled)
{
    const TrainOptions& o = run.o;
    const auto nTrain = pass.order.size(0);
    run.net->train();
    for (int& b = pass.nextBatch; b < batchesPerEpoch;) {
        const auto bi = pass.order.slice(0, std::int64_t(b) * o.batch,
                                         std::min<std::int64_t>(nTrain, std::int64_t(b + 1) * o.batch));
        auto x = run.set.images.index_select(0, bi);
        if (o.flip) {
            const auto flipMe = (torch::rand({x.size(0)}) < 0.5).view({-1, 1, 1, 1});
            x = torch::where(flipMe, x.flip({3}), x);
        }
        const auto logits = run.net->forward(x).attributes;
        const auto loss = maskedBce(logits, run.set.target.index_select(0, bi), run.set.mask.index_select(0, bi),
                                    weights.posWeight);
        for (auto& group : run.optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(oneCycleLr(o, state.step, totalSteps));
        run.optimizer.zero_grad();
        loss.backward();
        run.optimizer.step();
        ++state.step;
        pass.lossSum += loss.item<double>();
        if (progress)
            progress(b + 1, batchesPerEpoch, pass.lossSum / (b + 1));
        ++b;
        if (cancelled() && b < batchesPerEpoch) {
            pass.stopped = true;
            break;
        }
    }
    run.net->clearCaches();
}

/// Validation predictions at threshold 0.5, with the probabilities the thresholds are tuned on.
struct Validation {
    std::vector<std::array<float, kAttributeCount>> probs;
    std::vector<Label> truth;
};

/// Loss and figures on the held-out groups, into `rep`.
Validation validate(RunContext& run, const std::vector<int>& valIdx, EpochReport& rep)
{
    Validation val;
    torch::NoGradGuard guard;
    run.net->eval();
    const auto vT = torch::tensor(std::vector<int64_t>(valIdx.begin(), valIdx.end()), torch::kLong);
    std::vector<torch::Tensor> outs;
    for (std::int64_t i = 0; i < vT.size(0); i += run.o.batch)
        outs.push_back(run.net->forward(run.set.images.index_select(0, vT.slice(0, i, i + run.o.batch))).attributes);
    const auto logits = torch::cat(outs);
    rep.valLoss =
        maskedBce(logits, run.set.target.index_select(0, vT), run.set.mask.index_select(0, vT), {}).item<double>();
    const auto probs = torch::sigmoid(logits).contiguous();
    std::vector<Label> pred;
    for (int r = 0; r < int(valIdx.size()); ++r) {
        std::array<float, kAttributeCount> p{};
        Label l{};
        for (int a = 0; a < kAttributeCount; ++a) {
            p[size_t(a)] = probs[r][a].item<float>();
            l[size_t(a)] = p[size_t(a)] >= 0.5f ? 1 : 0;
        }
        val.probs.push_back(p);
        pred.push_back(l);
        val.truth.push_back(run.set.rows[size_t(valIdx[size_t(r)])].label);
    }
    const Metrics mt = computeMetrics(val.truth, pred);
    rep.hammingAccuracy = mt.hammingAccuracy;
    rep.macroF1 = mt.macroF1;
    for (int a = 0; a < kAttributeCount; ++a) {
        rep.f1[size_t(a)] = mt.attributes[size_t(a)].passClass.f1;
        rep.balancedAccuracy[size_t(a)] = mt.attributes[size_t(a)].balancedAccuracy;
    }
    run.net->clearCaches();
    return val;
}

/// Saves the model as the run's output when this epoch is the best so far (lowest validation loss; without a
/// validation split the newest epoch is the best one available), with thresholds tuned on the validation side.
std::optional<Error> keepIfBest(RunContext& run, ResumeState& state, bool hasValidation, const Validation& val,
                                EpochReport& rep, TrainResult& result)
{
    const double score = hasValidation ? rep.valLoss : rep.trainLoss;
    if (hasValidation && !(score < state.bestValLoss))
        return std::nullopt;
    SwinMetadata& meta = run.model.metadata();
    state.bestValLoss = hasValidation ? score : state.bestValLoss;
    rep.best = true;
    if (hasValidation)
        meta.thresholds = tuneThresholds(val.probs, val.truth);
    meta.headsTrained = true;
    QJsonObject prov = meta.provenance;
    QJsonObject training = prov.value("training").toObject();
    training.insert("best_epoch", rep.epoch);
    training.insert("val_loss", std::isnan(rep.valLoss) ? QJsonValue() : QJsonValue(rep.valLoss));
    training.insert("val_hamming", rep.hammingAccuracy);
    prov.insert("training", training);
    meta.provenance = prov;
    result.thresholds = meta.thresholds;
    auto saved = run.model.save(run.o.outPath);
    if (!saved)
        return saved.error();
    return std::nullopt;
}

/// The state a checkpoint records at a batch boundary.
ResumeState checkpointState(const ResumeState& state, int epochsDone, int batchInEpoch, const torch::Tensor& order,
                            double epochLossSum, at::Generator& gen)
{
    ResumeState st = state;
    st.epochsDone = epochsDone;
    st.batchInEpoch = batchInEpoch;
    st.order = order;
    st.epochLossSum = epochLossSum;
    st.rng = gen.get_state();
    return st;
}

} // namespace

Trainer::Trainer(TrainOptions options)
    : m_options(std::move(options))
{ }
Trainer::~Trainer() = default;

Expected<TrainResult> Trainer::run(const LabelSet& labels)
{
    TrainOptions o = m_options;
    if (o.outPath.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("no output model path given"));
    if (o.threads > 0)
        SwinModel::setThreads(o.threads);
    try {
        // ---- model and (when resuming) the saved state
        auto start = startingPoint(o);
        if (!start)
            return start.error();
        auto& [model, state, resumeArchive] = *start;
        if (o.epochs < 1 || o.batch < 1 || o.size < 16 || !(o.lr > 0) || !(o.maxLr > 0))
            return makeError(ErrorCode::InvalidArgument, tr("epochs, batch, size and learning rates must be positive"));
        swin::SwinTransformer net = SwinModelAccess::net(*model);
        if (!net->heads)
            return modelError(tr("the network has no attribute heads"));

        // ---- the photos, split by group, and the class balance of the training side
        auto set = decodeTrainingSet(labels, *model, o.size);
        if (!set)
            return set.error();
        auto [trainIdx, valIdx] = splitRowsByGroup(set->rows, o.valFraction, o.seed);
        const auto trainT = torch::tensor(std::vector<int64_t>(trainIdx.begin(), trainIdx.end()), torch::kLong);
        const auto nTrain = int(trainIdx.size());
        const int batchesPerEpoch = (nTrain + o.batch - 1) / o.batch;
        const std::int64_t totalSteps = std::int64_t(batchesPerEpoch) * o.epochs;
        const ClassWeights weights = classWeights(*set, trainT, o.balance);

        // ---- optimiser (with its saved moments when resuming)
        torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(o.lr).weight_decay(o.weightDecay));
        if (resumeArchive) {
            try {
                torch::serialize::InputArchive oa;
                resumeArchive->read("optim", oa);
                optimizer.load(oa);
            } catch (const std::exception& e) {
                return modelError(
                    tr("the optimiser state in %1 does not fit the network: %2").arg(o.resume, firstLine(e)));
            }
        } else {
            startProvenance(model->metadata(), o);
        }
        RunContext run{o, *model, net, optimizer, *set, o.outPath + QStringLiteral(".resume")};
        TrainResult result;
        result.startEpoch = state.epochsDone;
        result.trainImages = nTrain;
        result.valImages = int(valIdx.size());
        result.modelPath = o.outPath;
        result.resumePath = run.resumePath;
        result.thresholds = model->metadata().thresholds;

        at::Generator gen = at::detail::getDefaultCPUGenerator(); // a handle: shares the global state
        if (state.rng.defined() && state.rng.numel() > 0) {
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(state.rng);
        }
        const std::function<bool()> isCancelled = [this] { return cancelled(); };

        for (int epoch = state.epochsDone; epoch < o.epochs; ++epoch) {
            QElapsedTimer timer;
            timer.start();
            // ---- one epoch of batches; a cancel mid-epoch saves the position and stops
            EpochPass pass = beginEpoch(run, state, epoch, trainT, weights);
            trainBatches(run, pass, state, weights, batchesPerEpoch, totalSteps, m_batchProgress, isCancelled);
            if (pass.stopped) {
                if (auto err = writeResume(
                        run, checkpointState(state, epoch, pass.nextBatch, pass.order, pass.lossSum, gen)))
                    return *err;
                result.cancelled = true;
                result.epochsDone = epoch;
                return result;
            }

            // ---- validation, the best model so far, and the end-of-epoch checkpoint
            EpochReport rep;
            rep.epoch = epoch + 1;
            rep.epochs = o.epochs;
            rep.trainLoss = pass.lossSum / std::max(1, batchesPerEpoch);
            rep.valLoss = kNaN;
            const Validation val = valIdx.empty() ? Validation{} : validate(run, valIdx, rep);
            if (auto err = keepIfBest(run, state, !valIdx.empty(), val, rep, result))
                return *err;
            if (auto err = writeResume(run, checkpointState(state, epoch + 1, 0, torch::Tensor(), 0, gen)))
                return *err;
            state.batchInEpoch = 0;
            rep.seconds = double(timer.elapsed()) / 1000.0;
            result.history.push_back(rep);
            result.epochsDone = epoch + 1;
            if (m_progress)
                m_progress(rep);
            if (cancelled() && epoch + 1 < o.epochs) {
                result.cancelled = true;
                return result;
            }
        }
        return result;
    } catch (const std::exception& e) {
        return modelError(tr("training failed: %1").arg(firstLine(e)));
    }
}

} // namespace hqa::core
