// The card's training recipe in LibTorch: AdamW, a one-cycle schedule, BCE with logits masked where a label
// is unknown, class balancing, flip augmentation, a group-aware validation split, per-epoch checkpoints that
// resume exactly (weights, optimiser moments, schedule position, RNG, shuffling order).
#include "core/train/net/Trainer.h"
#include "core/eval/Metrics.h"
#include "core/image/ImageDecoder.h"
#include "core/model/SwinModel.h"
#include "core/model/SwinModelAccess.h"
#include "core/store/AtomicFile.h"
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
    return {{"epochs", o.epochs},   {"batch", o.batch},         {"lr", o.lr},
            {"max_lr", o.maxLr},    {"weight_decay", o.weightDecay}, {"pct_start", o.pctStart},
            {"size", o.size},       {"val", o.valFraction},     {"seed", QString::number(o.seed)},
            {"balance", o.balance == ClassBalance::PosWeight ? "weights"
                        : o.balance == ClassBalance::Sampling ? "sampling" : "none"},
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
    auto anneal = [](double from, double to, double pct) { return to + (from - to) / 2.0 * (1.0 + std::cos(M_PI * pct)); };
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

} // namespace

std::array<double, kAttributeCount> tuneThresholds(const std::vector<std::array<float, kAttributeCount>>& probs,
                                                   const std::vector<Label>& truth)
{
    std::array<double, kAttributeCount> out;
    out.fill(0.5);
    for (int a = 0; a < kAttributeCount; ++a) {
        std::vector<std::pair<float, int>> s;
        int pos = 0;
        for (size_t i = 0; i < probs.size() && i < truth.size(); ++i)
            if (truth[i][size_t(a)] >= 0) {
                s.emplace_back(probs[i][size_t(a)], truth[i][size_t(a)]);
                pos += truth[i][size_t(a)];
            }
        const int neg = int(s.size()) - pos;
        if (pos == 0 || neg == 0)
            continue;
        std::sort(s.begin(), s.end());
        // Threshold below s[k]: everything from k on is predicted pass.
        int failsBelow = 0, passesBelow = 0;
        double best = -1;
        for (size_t k = 0; k <= s.size(); ++k) {
            if (k == 0 || k == s.size() || s[k].first != s[k - 1].first) {
                const double bal = 0.5 * (double(pos - passesBelow) / pos + double(failsBelow) / neg);
                const double thr = k == 0 ? s[0].first * 0.5
                                 : k == s.size() ? (s.back().first + 1.0) * 0.5
                                                 : 0.5 * (s[k - 1].first + s[k].first);
                // Ties: prefer the threshold closest to 0.5, the untuned default.
                if (bal > best + 1e-12 || (std::abs(bal - best) <= 1e-12 && std::abs(thr - 0.5) < std::abs(out[size_t(a)] - 0.5))) {
                    best = bal;
                    out[size_t(a)] = thr;
                }
            }
            if (k < s.size())
                (s[k].second ? passesBelow : failsBelow) += 1;
        }
    }
    return out;
}

Trainer::Trainer(TrainOptions options) : m_options(std::move(options)) {}
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
        std::unique_ptr<SwinModel> model;
        ResumeState state;
        std::unique_ptr<torch::serialize::InputArchive> resumeArchive;
        if (!o.resume.isEmpty()) {
            QFile f(o.resume);
            if (!f.open(QIODevice::ReadOnly))
                return makeError(ErrorCode::Io, tr("cannot read checkpoint %1: %2").arg(o.resume, f.errorString()));
            const QByteArray bytes = f.readAll();
            resumeArchive = std::make_unique<torch::serialize::InputArchive>();
            try {
                std::istringstream in(bytes.toStdString());
                resumeArchive->load_from(in);
                c10::IValue v;
                resumeArchive->read("format", v);
                if (!v.isString() || v.toStringRef() != kResumeFormat)
                    throw std::runtime_error("not a training checkpoint");
                resumeArchive->read("options", v);
                restoreOptions(o, QJsonDocument::fromJson(QByteArray::fromStdString(v.toStringRef())).object());
                resumeArchive->read("meta", v);
                const SwinMetadata meta =
                    SwinMetadata::fromJson(QJsonDocument::fromJson(QByteArray::fromStdString(v.toStringRef())).object());
                const QString bad = meta.config.validate();
                if (!bad.isEmpty())
                    throw std::runtime_error(bad.toStdString());
                model = SwinModel::create(meta.config, o.seed);
                model->metadata() = meta;
                torch::serialize::InputArchive netArchive;
                resumeArchive->read("net", netArchive);
                SwinModelAccess::net(*model)->load(netArchive);
                resumeArchive->read("epochs_done", v);
                state.epochsDone = int(v.toInt());
                resumeArchive->read("batch_in_epoch", v);
                state.batchInEpoch = int(v.toInt());
                resumeArchive->read("step", v);
                state.step = v.toInt();
                resumeArchive->read("best_val_loss", v);
                state.bestValLoss = v.toDouble();
                resumeArchive->read("epoch_loss_sum", v);
                state.epochLossSum = v.toDouble();
                resumeArchive->read("order", state.order);
                resumeArchive->read("rng", state.rng);
            } catch (const std::exception& e) {
                return modelError(tr("%1 is not a usable training checkpoint (damaged or foreign file): %2")
                                      .arg(o.resume, firstLine(e)));
            }
        } else if (!o.backbone.isEmpty()) {
            SwinLoadOptions lo;
            lo.allowFreshHeads = true;
            lo.seed = o.seed;
            auto loaded = SwinModel::load(o.backbone, lo);
            if (!loaded)
                return loaded.error();
            if ((*loaded)->isTorchScript())
                return modelError(tr("a TorchScript file cannot be trained; import it with `model import` first"));
            model = std::move(*loaded);
            model->metadata().preprocessing.size = o.size;
            model->metadata().config.imageSize = o.size;
        } else {
            SwinConfig cfg = o.config;
            cfg.imageSize = o.size;
            if (cfg.attributeHeads == 0)
                cfg.attributeHeads = kAttributeCount;
            const QString bad = cfg.validate();
            if (!bad.isEmpty())
                return makeError(ErrorCode::InvalidArgument, tr("invalid network configuration: %1").arg(bad));
            model = SwinModel::create(cfg, o.seed);
        }
        if (o.epochs < 1 || o.batch < 1 || o.size < 16 || !(o.lr > 0) || !(o.maxLr > 0))
            return makeError(ErrorCode::InvalidArgument, tr("epochs, batch, size and learning rates must be positive"));
        swin::SwinTransformer net = SwinModelAccess::net(*model);
        if (!net->heads)
            return modelError(tr("the network has no attribute heads"));

        // ---- decode every photo once, in parallel (the set is small next to the network's cost per epoch)
        const int s = o.size;
        const auto n = int(labels.rows.size());
        std::vector<std::vector<float>> pixels(static_cast<size_t>(n));
        std::vector<QString> failures(static_cast<size_t>(n));
        std::vector<int> idx(static_cast<size_t>(n));
        std::iota(idx.begin(), idx.end(), 0);
        QtConcurrent::blockingMap(idx, [&](int i) {
            DecodeOptions d;
            d.minSide = 16;
            d.maxLongSide = std::max(2 * s, 256);
            auto img = decodeImageFile(labels.rows[size_t(i)].path, d);
            if (!img)
                failures[size_t(i)] = img.error().detail;
            else
                pixels[size_t(i)] = model->preprocess(img->bgr);
        });
        std::vector<LabelRow> rows;
        std::vector<int> keep;
        for (int i = 0; i < n; ++i)
            if (failures[size_t(i)].isEmpty()) {
                keep.push_back(i);
                rows.push_back(labels.rows[size_t(i)]);
            }
        if (rows.empty())
            return makeError(ErrorCode::InvalidArgument, tr("no readable image in the label file"));
        const auto m = int(rows.size());
        torch::Tensor images = torch::empty({m, 3, s, s});
        torch::Tensor target = torch::zeros({m, kAttributeCount});
        torch::Tensor mask = torch::zeros({m, kAttributeCount});
        for (int r = 0; r < m; ++r) {
            std::memcpy(images[r].data_ptr<float>(), pixels[size_t(keep[size_t(r)])].data(), sizeof(float) * 3 * s * s);
            for (int a = 0; a < kAttributeCount; ++a) {
                const int v = rows[size_t(r)].label[size_t(a)];
                if (v >= 0) {
                    target[r][a] = float(v);
                    mask[r][a] = 1.0f;
                }
            }
        }
        pixels.clear();

        auto [trainIdx, valIdx] = splitRowsByGroup(rows, o.valFraction, o.seed);
        const auto trainT = torch::tensor(std::vector<int64_t>(trainIdx.begin(), trainIdx.end()), torch::kLong);
        const auto nTrain = int(trainIdx.size());
        const int batchesPerEpoch = (nTrain + o.batch - 1) / o.batch;
        const std::int64_t totalSteps = std::int64_t(batchesPerEpoch) * o.epochs;

        // ---- class balance from the training side only
        torch::Tensor posWeight, sampleWeight;
        {
            const auto tT = target.index_select(0, trainT), mT = mask.index_select(0, trainT);
            const auto passes = (tT * mT).sum(0), known = mT.sum(0), fails = known - passes;
            if (o.balance == ClassBalance::PosWeight)
                posWeight = (fails.clamp_min(1.0) / passes.clamp_min(1.0)).clamp(0.05, 20.0);
            else if (o.balance == ClassBalance::Sampling) {
                const auto inv = mT * (tT / passes.clamp_min(1.0) + (1 - tT) / fails.clamp_min(1.0));
                sampleWeight = inv.sum(1) / mT.sum(1).clamp_min(1.0) + 1e-6;
            }
        }

        torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(o.lr).weight_decay(o.weightDecay));
        if (resumeArchive) {
            try {
                torch::serialize::InputArchive oa;
                resumeArchive->read("optim", oa);
                optimizer.load(oa);
            } catch (const std::exception& e) {
                return modelError(tr("the optimiser state in %1 does not fit the network: %2").arg(o.resume, firstLine(e)));
            }
        }

        SwinMetadata& meta = model->metadata();
        if (!resumeArchive) {
            meta.modelVersion = QStringLiteral("trained-%1-%2")
                                    .arg(QDateTime::currentDateTimeUtc().toString("yyyyMMddHHmmss"))
                                    .arg(o.seed);
            meta.provenance.insert("training", optionsJson(o));
            meta.fusion = {}; // a fusion choice belongs to the heads it was made for
        }
        const QString resumePath = o.outPath + QStringLiteral(".resume");
        TrainResult result;
        result.startEpoch = state.epochsDone;
        result.trainImages = nTrain;
        result.valImages = int(valIdx.size());
        result.modelPath = o.outPath;
        result.resumePath = resumePath;
        result.thresholds = meta.thresholds;

        auto writeResume = [&](const ResumeState& st) -> std::optional<Error> {
            torch::serialize::OutputArchive ar;
            ar.write("format", c10::IValue(std::string(kResumeFormat)));
            ar.write("options", c10::IValue(QJsonDocument(optionsJson(o)).toJson(QJsonDocument::Compact).toStdString()));
            ar.write("meta", c10::IValue(QJsonDocument(meta.toJson()).toJson(QJsonDocument::Compact).toStdString()));
            torch::serialize::OutputArchive netAr, optAr;
            net->save(netAr);
            optimizer.save(optAr);
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
            // Temp file beside the target, renamed when whole; an interrupted write (full disk, crash) leaves the
            // previous checkpoint.
            if (auto failure = replaceFileContents(resumePath, QByteArrayView(bytes.data(), qsizetype(bytes.size()))))
                return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(resumePath, *failure));
            return std::nullopt;
        };

        at::Generator gen = at::detail::getDefaultCPUGenerator(); // a handle: shares the global state
        if (state.rng.defined() && state.rng.numel() > 0) {
            std::lock_guard<std::mutex> lock(gen.mutex());
            gen.set_state(state.rng);
        }

        for (int epoch = state.epochsDone; epoch < o.epochs; ++epoch) {
            QElapsedTimer timer;
            timer.start();
            const bool continuing = epoch == state.epochsDone && state.batchInEpoch > 0 && state.order.defined()
                                    && state.order.numel() > 0;
            torch::Tensor order;
            int firstBatch = 0;
            double lossSum = 0;
            if (continuing) {
                order = state.order;
                firstBatch = state.batchInEpoch;
                lossSum = state.epochLossSum;
            } else {
                torch::manual_seed(o.seed * 1000003ULL + std::uint64_t(epoch));
                order = sampleWeight.defined()
                            ? trainT.index_select(0, torch::multinomial(sampleWeight.index_select(0, trainT), nTrain, true))
                            : trainT.index_select(0, torch::randperm(nTrain, torch::kLong));
            }
            net->train();
            int b = firstBatch;
            bool stop = false;
            for (; b < batchesPerEpoch; ++b) {
                const auto bi = order.slice(0, std::int64_t(b) * o.batch, std::min<std::int64_t>(nTrain, std::int64_t(b + 1) * o.batch));
                auto x = images.index_select(0, bi);
                if (o.flip) {
                    const auto flipMe = (torch::rand({x.size(0)}) < 0.5).view({-1, 1, 1, 1});
                    x = torch::where(flipMe, x.flip({3}), x);
                }
                const auto logits = net->forward(x).attributes;
                const auto loss = maskedBce(logits, target.index_select(0, bi), mask.index_select(0, bi), posWeight);
                for (auto& group : optimizer.param_groups())
                    static_cast<torch::optim::AdamWOptions&>(group.options()).lr(oneCycleLr(o, state.step, totalSteps));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                ++state.step;
                lossSum += loss.item<double>();
                if (m_batchProgress)
                    m_batchProgress(b + 1, batchesPerEpoch, lossSum / (b + 1));
                if (cancelled() && b + 1 < batchesPerEpoch) {
                    stop = true;
                    ++b;
                    break;
                }
            }
            net->clearCaches();
            if (stop) {
                ResumeState st = state;
                st.epochsDone = epoch;
                st.batchInEpoch = b;
                st.order = order;
                st.epochLossSum = lossSum;
                st.rng = gen.get_state();
                if (auto err = writeResume(st))
                    return *err;
                result.cancelled = true;
                result.epochsDone = epoch;
                return result;
            }

            // ---- validation
            EpochReport rep;
            rep.epoch = epoch + 1;
            rep.epochs = o.epochs;
            rep.trainLoss = lossSum / std::max(1, batchesPerEpoch);
            rep.valLoss = kNaN;
            std::vector<std::array<float, kAttributeCount>> valProbs;
            std::vector<Label> valTruth;
            if (!valIdx.empty()) {
                torch::NoGradGuard guard;
                net->eval();
                const auto vT = torch::tensor(std::vector<int64_t>(valIdx.begin(), valIdx.end()), torch::kLong);
                std::vector<torch::Tensor> outs;
                for (std::int64_t i = 0; i < vT.size(0); i += o.batch)
                    outs.push_back(net->forward(images.index_select(0, vT.slice(0, i, i + o.batch))).attributes);
                const auto logits = torch::cat(outs);
                rep.valLoss = maskedBce(logits, target.index_select(0, vT), mask.index_select(0, vT), {}).item<double>();
                const auto probs = torch::sigmoid(logits).contiguous();
                std::vector<Label> pred;
                for (int r = 0; r < int(valIdx.size()); ++r) {
                    std::array<float, kAttributeCount> p{};
                    Label l{};
                    for (int a = 0; a < kAttributeCount; ++a) {
                        p[size_t(a)] = probs[r][a].item<float>();
                        l[size_t(a)] = p[size_t(a)] >= 0.5f ? 1 : 0;
                    }
                    valProbs.push_back(p);
                    pred.push_back(l);
                    valTruth.push_back(rows[size_t(valIdx[size_t(r)])].label);
                }
                const Metrics mt = computeMetrics(valTruth, pred);
                rep.hammingAccuracy = mt.hammingAccuracy;
                rep.macroF1 = mt.macroF1;
                for (int a = 0; a < kAttributeCount; ++a) {
                    rep.f1[size_t(a)] = mt.attributes[size_t(a)].passClass.f1;
                    rep.balancedAccuracy[size_t(a)] = mt.attributes[size_t(a)].balancedAccuracy;
                }
                net->clearCaches();
            }
            const double score = valIdx.empty() ? rep.trainLoss : rep.valLoss;
            // Without a validation split the newest epoch is the best one available.
            if (valIdx.empty() || score < state.bestValLoss) {
                state.bestValLoss = valIdx.empty() ? state.bestValLoss : score;
                rep.best = true;
                if (!valIdx.empty())
                    meta.thresholds = tuneThresholds(valProbs, valTruth);
                meta.headsTrained = true;
                QJsonObject prov = meta.provenance;
                QJsonObject training = prov.value("training").toObject();
                training.insert("best_epoch", rep.epoch);
                training.insert("val_loss", std::isnan(rep.valLoss) ? QJsonValue() : QJsonValue(rep.valLoss));
                training.insert("val_hamming", rep.hammingAccuracy);
                prov.insert("training", training);
                meta.provenance = prov;
                result.thresholds = meta.thresholds;
                auto saved = model->save(o.outPath);
                if (!saved)
                    return saved.error();
            }
            ResumeState st = state;
            st.epochsDone = epoch + 1;
            st.batchInEpoch = 0;
            st.order = torch::Tensor();
            st.epochLossSum = 0;
            st.rng = gen.get_state();
            if (auto err = writeResume(st))
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
